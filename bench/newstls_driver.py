"""Drive the real news-tls from outside its source tree; run by its own Python 3.8.

`bench/tls_peers.py` starts this script with the news-tls environment's interpreter. It
imports `news_tls` from an unmodified copy of the fetched snapshot, builds each requested
timeline with the method set up as the snapshot's `experiments/evaluate.py` sets it up, and
writes each predicted timeline with the wall time of its `predict()` call as one JSON file
in OUTPUT_DIR as soon as it is built (a stopped run keeps what it finished; a file already
there is not built again). Methods: "datewise" (its released leave-one-topic-out date
ranker), "datewise-nokw" (that, with every sentence let through its keyword filter),
"datewise-mentions" (its `MentionCountDateRanker` instead of the model),
"datewise-mentions-nokw" and "clust". Python 3.8 runs it, so it keeps to syntax that
version reads.

    python3.8 newstls_driver.py NEWS_TLS_DIR DATASET_DIR JOBS_JSON OUTPUT_DIR
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import sys
import time
from pathlib import Path


def _system(method: str, models: dict):
    from news_tls import clust, datewise, summarizers

    if method == "clust":
        return clust.ClusteringTimelineGenerator(
            cluster_ranker=clust.ClusterDateMentionCountRanker(),
            clusterer=clust.TemporalMarkovClusterer(),
            summarizer=summarizers.CentroidOpt(),
            clip_sents=5,
            unique_dates=True,
        )
    supervised = not method.startswith("datewise-mentions")
    ranker = (
        datewise.SupervisedDateRanker(method="regression")
        if supervised
        else datewise.MentionCountDateRanker()
    )
    return datewise.DatewiseTimelineGenerator(
        date_ranker=ranker,
        summarizer=summarizers.CentroidOpt(),
        sent_collector=datewise.PM_Mean_SentenceCollector(clip_sents=5, pub_end=2),
        key_to_model=models if supervised else None,
    )


def _day(text: str) -> datetime.datetime:
    return datetime.datetime.strptime(text, "%Y-%m-%d")


def _build(job: dict, method: str, dataset: Path, models: dict) -> dict:
    from news_tls import data

    collection = data.ArticleCollection(dataset / job["folder"])
    collection.start, collection.end = _day(job["start"]), _day(job["end"])
    if method.endswith("-nokw"):
        # Its summary filter keeps sentences holding any keyword; "" is in every sentence.
        collection.keywords = [""]
    system = _system(method, models)
    system.load(ignored_topics=[job["model_key"]])
    started = time.perf_counter()
    timeline = system.predict(collection, max_dates=job["dates"], max_summary_sents=job["per_date"])
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    articles = sum(1 for _ in collection.articles())
    read_seconds = time.perf_counter() - started
    return {
        "timeline": {str(d): list(s) for d, s in timeline.date_to_summaries.items()},
        "seconds": seconds,
        "articles": articles,
        "read_seconds": read_seconds,
    }


def result_file(output: Path, job: dict, method: str) -> Path:
    """Where the timeline of `job` by `method` is kept (its key names the job's settings)."""
    return output / "{}.{}.json".format(job["key"], method)


def main(argv: list) -> None:
    news_tls_dir, dataset, jobs_path, output = (Path(a) for a in argv[1:5])
    sys.path.insert(0, str(news_tls_dir))
    from news_tls import utils

    resources = news_tls_dir / "resources" / "datewise"
    models = utils.load_pkl(resources / "supervised_date_ranker.t17.pkl")
    request = json.loads(jobs_path.read_text(encoding="utf-8"))
    output.mkdir(parents=True, exist_ok=True)
    # Another run reaching the same cache waits for this one instead of building twice.
    lock = output / "driver.pid"
    lock.write_text(str(os.getpid()), encoding="utf-8")
    # Method by method, so a run stopped part-way has whole methods to compare.
    for method in request["methods"]:
        for job in request["jobs"]:
            target = result_file(output, job, method)
            if target.exists():
                continue
            # news-tls prints its progress on stdout; keep it apart from our own output.
            with contextlib.redirect_stdout(sys.stderr):
                result = _build(job, method, dataset, models)
            partial = target.with_suffix(".part")
            partial.write_text(json.dumps(result), encoding="utf-8")
            partial.rename(target)
            print(
                "news-tls",
                job["name"],
                method,
                "{:.2f} s".format(result["seconds"]),
                file=sys.stderr,
            )
    lock.unlink()


if __name__ == "__main__":
    main(sys.argv)
