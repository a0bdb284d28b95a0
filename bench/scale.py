"""Scale: N-article piles to a JSON timeline on one machine, memory and time, against Datewise.

Piles are synthesised into JSON Lines files (1,000 records each, `text` + `date`) in a
temporary folder, from the 3,914 Timeline17 articles read in place (`../shared/data/tls/t17`,
`--source t17`, the default when present) or from the bundled sample corpus as dateline reads
and dates it (`--source sample`). Each synthetic article is distinct, not a copy dedup would
collapse: a base article's sentences, each kept with probability 0.6 (its first sentence
always), interleaved with sentences of another article of the same topic, each taken with
probability 0.4; it keeps the base's publication date. Two articles drawn from the same base
share a fifth of their shingles on average (estimated Jaccard 0.21 on bpoil_bbc), below the
near-duplicate threshold of 0.7; a one-sentence base can still give copies, as wire copies do.

What is timed is the real path: `pipeline.timeline_from_paths` (read, per-document stages in
the worker pool, the pile spooled to disk, near-duplicates, dates and entries), then the JSON
written a document at a time (what `dateline timeline FOLDER --format json -o FILE` runs), in
a fresh process per size and method: wall time, CPU time of the process and its workers, peak
memory of the process tree (PSS and RSS summed over the process and its workers, sampled from
/proc every 0.2 s; forked workers share the parent's pages, which PSS counts once and RSS once
per process), and wall/CPU seconds per stage as the run names them.

The peer, run on the same files in the same invocation: the Datewise reference method of
news-tls (`select/datewise.py`) end to end on dateline's own parts, every article in memory:
read, clean, language, date and timex in the same worker pool (no events, no dedup
signatures, no duplicates), then MentionCount dates and centroid sentences for the same
number of dates. The ratio is dateline / Datewise wall time.

    .venv/bin/python bench/scale.py --sizes 10000 30000
    .venv/bin/python bench/scale.py --sizes 100000 300000 --methods dateline datewise
    .venv/bin/python bench/scale.py --sizes 50000 --methods --dask local:1 local:2

`--dask` adds the Dask engine (`batch/dask_engine.py`) on each scheduler given, in the same
run: throughput of 1 against 2 workers, and memory of the whole tree (the cluster's worker
processes are children of the run).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "tls" / "t17"
SAMPLE = ROOT / "src" / "dateline" / "data" / "sample" / "articles"
FILE_RECORDS = 1000
KEEP_BASE, TAKE_OTHER = 0.6, 0.4


def topic_articles() -> dict[str, list[tuple[str, list[str]]]]:
    """Per topic folder: (publication date, sentences) of every article with text."""
    topics: dict[str, list[tuple[str, list[str]]]] = {}
    for topic in sorted(DATA.iterdir()):
        path = topic / "articles.json"
        if not path.is_file():
            continue
        for record in json.loads(path.read_text(encoding="utf-8")):
            # Timeline17 text is tokenised: sentences end with " . ".
            sentences = [s.strip() for s in record["text"].split(" . ") if s.strip()]
            if sentences:
                topics.setdefault(topic.name, []).append((record["dct"], sentences))
    return topics


def synthesise(size: int, folder: Path, source: str = "t17") -> None:
    """`size` distinct articles as JSON Lines files in `folder` (see the module docstring)."""
    topics = topic_articles() if source == "t17" else sample_articles()
    names = sorted(topics)
    weights = [len(topics[n]) for n in names]
    rng = random.Random(size)
    out = None
    for number in range(size):
        if number % FILE_RECORDS == 0:
            if out is not None:
                out.close()
            out = (folder / f"part-{number // FILE_RECORDS:04d}.jsonl").open("w", encoding="utf-8")
        pool = topics[rng.choices(names, weights)[0]]
        published, base = rng.choice(pool)
        _, other = rng.choice(pool)
        kept = [base[0]] + [s for s in base[1:] if rng.random() < KEEP_BASE]
        for sentence in other:
            if rng.random() < TAKE_OTHER:
                kept.insert(rng.randint(1, len(kept)), sentence)
        text = " . ".join(kept) + " ."
        assert out is not None
        out.write(json.dumps({"id": f"synthetic-{number}", "date": published, "text": text}))
        out.write("\n")
    if out is not None:
        out.close()


def sample_articles() -> dict[str, list[tuple[str, list[str]]]]:
    """The bundled sample corpus as one topic: (publication day, sentences) of each article
    with a day, as dateline's own stages read, clean and date it."""
    from dateline import pipeline
    from dateline.settings import Settings

    settings = Settings()
    read = pipeline.read_all([SAMPLE], settings)
    found = []
    for article in pipeline.process(read.articles, settings):
        if article.published is not None and article.published.date is not None:
            sentences = [s.text.rstrip(" .") for s in article.sentences]
            found.append((article.published.date.isoformat(), [s for s in sentences if s]))
    return {"sample": found}


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class _Stages:
    """Wall and CPU seconds of each stage, from one stage's start to the next's."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self.current: tuple[str, float, float] | None = None

    def __call__(self, name: str) -> None:
        now, cpu = time.perf_counter(), _cpu()
        if self.current is not None:
            last, wall, used = self.current
            self.times[last] = [round(now - wall, 2), round(cpu - used, 2)]
        self.current = (name, now, cpu)


def run_child(folder: Path, output: Path, method: str) -> dict[str, object]:
    """One end-to-end run in this process; per-stage wall and CPU seconds."""
    from dateline import pipeline
    from dateline.select import default_dates
    from dateline.settings import Settings

    settings = Settings()
    stages = _Stages()
    started = time.perf_counter()
    if method == "dateline":
        timeline = pipeline.timeline_from_paths([folder], settings, on_stage=stages)
    elif method.startswith("dask "):
        from dateline.batch.dask_engine import timeline_on_dask

        stages("starting the cluster")
        timeline = timeline_on_dask(
            [folder], settings, method.removeprefix("dask "), on_stage=stages
        )
    else:
        timeline = _datewise(folder, settings, stages, default_dates)
    stages("writing the timeline")
    with output.open("w", encoding="utf-8") as out:
        out.writelines(timeline.render_parts("json"))
    stages("end")
    return {
        "stages": stages.times,
        "entries": len(timeline.entries),
        "documents": len(timeline.documents),
        "seconds": time.perf_counter() - started,
    }


def _datewise(folder: Path, settings, stages, default_dates):  # type: ignore[no-untyped-def]
    """The peer: read, then clean, language, date and timex in the same worker pool (Datewise
    needs dated sentences only: no events, no dedup signatures, no duplicates), then
    MentionCount dates and centroid sentences, every article in memory."""
    from dateline import pipeline
    from dateline.select.datewise import datewise

    full = pipeline.document_pipeline
    pipeline.document_pipeline = lambda s, b=frozenset(): pipeline.Pipeline(
        tuple(stage for stage in full(s, b).stages if stage.name != "events")
    )
    stages("reading")
    read = pipeline.read_all([folder], settings)
    stages("processing")
    articles = pipeline.process(read.articles, settings, pipeline.default_workers())
    stages("choosing dates and entries")
    entries = datewise(articles, dates=default_dates(len(articles)))
    return pipeline.Timeline(tuple(articles), entries, tuple(read.failures))


def _tree_memory(root: int) -> tuple[int, int]:
    """(RSS, PSS) bytes of `root` and all its descendants, from /proc.

    Forked workers map the parent's pages, so summed RSS counts those pages once per worker;
    PSS splits each shared page among its sharers, so the sum is what the tree really holds.
    """
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(entry))
    rss = pss = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        todo.extend(parents.get(pid, ()))
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
                for line in rollup:
                    if line.startswith((b"Rss:", b"Pss:")):
                        kib = int(line.split()[1]) * 1024
                        if line.startswith(b"Rss:"):
                            rss += kib
                        else:
                            pss += kib
        except OSError:
            continue
    return rss, pss


def measure(folder: Path, method: str) -> dict[str, object]:
    """Run one method on `folder` in a fresh process; wall, CPU, peak tree RSS."""
    with tempfile.NamedTemporaryFile(suffix=".json") as output:
        command = [sys.executable, __file__, "--child", str(folder), output.name, method]
        cpu, wall = _cpu(), time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        peak_rss = peak_pss = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak_rss, peak_pss
            while not done.wait(0.2):
                rss, pss = _tree_memory(child.pid)
                peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)

        sampler = threading.Thread(target=sample)
        sampler.start()
        stdout, _ = child.communicate()
        done.set()
        sampler.join()
        if child.returncode:
            sys.exit(f"{method} run failed on {folder}")
        row = json.loads(stdout)
        row.update(
            wall=time.perf_counter() - wall,
            cpu=_cpu() - cpu,
            pss_mb=peak_pss / 2**20,
            rss_mb=peak_rss / 2**20,
            output_mb=Path(output.name).stat().st_size / 2**20,
        )
        return row


def _stages(row: dict[str, object]) -> str:
    stages = row["stages"]
    assert isinstance(stages, dict)
    return " ".join(f"{name} {wall:.1f}/{cpu:.1f}" for name, (wall, cpu) in stages.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument(
        "--source", choices=("t17", "sample"), default="t17" if DATA.is_dir() else "sample"
    )
    parser.add_argument(
        "--methods", nargs="*", choices=("dateline", "datewise"), default=["dateline", "datewise"]
    )
    parser.add_argument(
        "--dask",
        nargs="+",
        default=[],
        metavar="SCHEDULER",
        help="also run the Dask engine on each scheduler (local:1 local:2)",
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        folder, output, method = args.child
        print(json.dumps(run_child(Path(folder), Path(output), method)))
        return
    if args.source == "t17" and not DATA.is_dir():
        sys.exit(f"benchmark data not found at {DATA}; use --source sample")
    print(
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start; "
        f"source {args.source}; stages as wall/CPU seconds",
        flush=True,
    )
    print(
        f"{'articles':>9} {'method':>13} {'wall s':>7} {'CPU s':>7} {'PSS MB':>7} {'RSS MB':>7} "
        f"{'out MB':>7} {'entries':>7} {'ratio':>6}  stages",
        flush=True,
    )
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="dateline-bench-") as folder:
            synthesise(size, Path(folder), args.source)
            methods = [*args.methods, *(f"dask {s}" for s in args.dask)]
            rows = {method: measure(Path(folder), method) for method in methods}
        peer = rows.get("datewise")
        for method, row in rows.items():
            ratio = f"{row['wall'] / peer['wall']:>6.2f}" if peer else f"{'':>6}"  # type: ignore[operator]
            print(
                f"{size:>9} {method:>13} {row['wall']:>7.1f} {row['cpu']:>7.1f} "
                f"{row['pss_mb']:>7.0f} {row['rss_mb']:>7.0f} {row['output_mb']:>7.1f} "
                f"{row['entries']:>7} {ratio}  {_stages(row)}",
                flush=True,
            )
    print(f"load average {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    main()
