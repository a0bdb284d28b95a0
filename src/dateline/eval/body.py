"""How much of a real page's article body dateline keeps, and how much else it lets through.

The metric is the Article Extraction Benchmark's: the text is cut into word 4-grams
(shingles); per page, precision and recall of the extracted shingles against the true body's,
averaged over the pages, and F1 of the two averages. Beside it, pooled over all pages: the
share of body shingles kept, and the share of the page's other shingles (its chrome) kept.

A folder holds the pages (`.html`, `.html.gz` or copied `.txt`); `ground-truth.json`
(`{key: {"articleBody": ...}}`, the key being the file name without its extension) sits in
it or in its parent. The pages go through the product's own reader and cleaner.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.errors import EvaluationError
from dateline.eval.pages import read_cleaned
from dateline.settings import Settings

TRUTH_FILE = "ground-truth.json"
SHINGLE = 4
_WORD = re.compile(r"\w+")
_SUFFIXES = (".html.gz", ".htm.gz", ".html", ".htm", ".txt")


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The text's word n-grams with their counts (a text shorter than n is one shingle)."""
    words = _WORD.findall(text)
    return Counter(
        tuple(words[i : i + size])
        for i in range(max(1, len(words) - size + 1))
        if words[i : i + size]
    )


@dataclass(frozen=True)
class Match:
    """One page's shingle counts: found in both, only extracted, only in the truth."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def match(truth: str, extracted: str) -> Match:
    true, found = shingles(truth), shingles(extracted)
    tp = sum((true & found).values())
    return Match(tp, sum(found.values()) - tp, sum(true.values()) - tp)


def page_key(path: Path) -> str:
    name = path.name
    return next((name[: -len(s)] for s in _SUFFIXES if name.lower().endswith(s)), path.stem)


def read_truth(folder: Path) -> tuple[Path, dict[str, str]]:
    """The true bodies by page key, from the folder's or its parent's ground-truth.json."""
    for place in (folder, folder.parent):
        path = place / TRUTH_FILE
        if path.is_file():
            break
    else:
        raise EvaluationError(f"{folder}: no {TRUTH_FILE} here or in the parent folder")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return path, {key: str(value.get("articleBody") or "") for key, value in data.items()}
    except (OSError, UnicodeDecodeError, ValueError, AttributeError) as exc:
        raise EvaluationError(f"{path}: not a ground-truth file: {exc}") from None


def summarise(matches: Iterable[Match]) -> dict[str, float]:
    """The benchmark's figures: mean precision and recall over pages, F1 of the two means."""
    listed = list(matches)
    scored_p = [m.precision for m in listed if m.tp + m.fp > 0]
    scored_r = [m.recall for m in listed if m.tp + m.fn > 0]
    precision = sum(scored_p) / len(scored_p) if scored_p else 0.0
    recall = sum(scored_r) / len(scored_r) if scored_r else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def pooled(truths: list[str], extracted: list[str], pages: list[str]) -> dict[str, float]:
    """Body kept and chrome kept, as shares of all pages' shingles taken together."""
    body = kept = chrome = chrome_kept = 0
    for truth, text, page in zip(truths, extracted, pages, strict=True):
        true, found, whole = shingles(truth), shingles(text), shingles(page)
        other = whole - true
        body += sum(true.values())
        kept += sum((true & found).values())
        chrome += sum(other.values())
        chrome_kept += sum((other & (found - true)).values())
    return {
        "body_kept": kept / body if body else 1.0,
        "chrome_kept": chrome_kept / chrome if chrome else 0.0,
    }


def _page_text(path: Path) -> str:
    """What a person sees of the page: the copied text beside it, or the file itself."""
    copied = path.parent.parent / "text" / f"{page_key(path)}.txt"
    source = copied if copied.is_file() and copied != path else path
    return _page_bytes(source).decode("utf-8", errors="replace")


def _trafilatura(paths: list[Path]) -> dict[str, str]:
    """The peer: `trafilatura.extract` with its defaults, on the HTML pages only."""
    from trafilatura import extract

    texts = {}
    for path in paths:
        if path.name.lower().endswith((".html", ".htm", ".html.gz", ".htm.gz")):
            texts[page_key(path)] = extract(_page_bytes(path)) or ""
    return texts


def _page_bytes(path: Path) -> bytes:
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.name.endswith(".gz") else raw


def _timed(run: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = run()
    return result, time.perf_counter() - start


def evaluate(folder: Path, settings: Settings | None = None) -> dict[str, Any]:
    """Score dateline's body text on every page of `folder` that has a true body.

    On HTML pages trafilatura's own `extract` runs beside it as the peer; on copied text the
    peer is the page left as it is.
    """
    folder = Path(folder)
    _, truth = read_truth(folder)
    paths = sorted(p for p in folder.iterdir() if page_key(p) in truth and p.is_file())
    if not paths:
        raise EvaluationError(f"{folder}: no page here has a true body in {TRUTH_FILE}")
    settings = settings or Settings()
    (articles, failures), seconds = _timed(lambda: read_cleaned(paths, settings, page_key))
    keys = [page_key(p) for p in paths]
    texts = [articles[k].text if k in articles else "" for k in keys]
    truths = [truth[k] for k in keys]
    pages = [_page_text(p) for p in paths]
    peers, peer_seconds = _timed(lambda: _trafilatura(paths))
    peer_name = "trafilatura.extract" if peers else "page as it is"
    peer_texts = [peers.get(k, "") for k in keys] if peers else pages
    matches = [match(t, x) for t, x in zip(truths, texts, strict=True)]
    rows = [
        {
            "page": k,
            "precision": m.precision,
            "recall": m.recall,
            "words": len(x.split()),
            "title": articles[k].title if k in articles else "",
        }
        for k, m, x in zip(keys, matches, texts, strict=True)
    ]
    result: dict[str, Any] = {
        "documents": len(paths),
        **summarise(matches),
        **pooled(truths, texts, pages),
        "empty": sum(not x.strip() for x in texts),
        "seconds": seconds,
        "peer": {
            "name": peer_name,
            **summarise(match(t, x) for t, x in zip(truths, peer_texts, strict=True)),
            **pooled(truths, peer_texts, pages),
            "empty": sum(not x.strip() for x in peer_texts),
        },
        "rows": rows,
        "failures": failures,
    }
    if peers:
        result["peer"]["seconds"] = peer_seconds
        result["seconds_ratio"] = seconds / peer_seconds if peer_seconds else None
    return result
