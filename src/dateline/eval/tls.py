"""Timeline summarisation evaluation on Timeline17-style data, scored by tilse.

Protocol of Martschat & Markert (2017) and Ghalandari & Ifrim (2020): for each reference
timeline, the system sees the topic's articles published within the reference's time span,
gets as many dates as the reference and its mean number of sentences per date, and is scored
with concat, agreement and align+ m:1 ROUGE-1/2 F1 and Date F1. The Datewise baseline runs
on the same prepared articles in the same run. Only `text` and `dct` are read: the data set's
pre-extracted dates are never used; dateline's own tagger finds the dates. The articles take
the product's own path: `dct` as the day the user gave, the per-document stages
(`pipeline.process`), wire copies marked, and each timeline built by `pipeline.build_timeline`
as `dateline timeline` builds it, asked for days only.

Figures fitted on the timelines they are reported on do not hold on new topics, so every
choice among variants (`[tuning]` overrides: `select.weights` by name, any other tuned number
by its key, `dateline eval tuning`) is reported leave-one-topic-out: for
each story (the folder name before "_": the five bpoil folders are one story), the variant
with the best mean alignment ROUGE-1 on the other stories is scored on it. Topic keywords
(tilse's Timeline17 lists, say) may be given as each topic's query, as news-tls gets them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from statistics import mean
from typing import Any

from dateline.cluster.duplicates import mark_duplicates
from dateline.errors import EvaluationError, SettingsError
from dateline.model import Article, TimelineEntry
from dateline.pipeline import TimelineQuery, build_timeline, default_workers, process
from dateline.select.datewise import datewise
from dateline.settings import Settings
from dateline.timex import TimexValue
from dateline.tuning import WEIGHTS_KEY, check

MEASURES = (
    "ar1_f1",
    "ar2_f1",
    "date_f1",
    "concat_r1_f1",
    "concat_r2_f1",
    "agree_r1_f1",
    "agree_r2_f1",
)
Builder = Callable[..., tuple[TimelineEntry, ...]]

# Timeline17 text is tokenised ("Gadhafi 's rule , he said ."); the tagger and splitter read
# news prose, so the tokenisation is undone first. Scoring re-tokenises for ROUGE.
_DETOKENISE = (
    (re.compile(r"-LRB-"), "("),
    (re.compile(r"-RRB-"), ")"),
    (re.compile(r"``\s*|\s*''"), '"'),
    (re.compile(r"\s+([,.;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$])\s+"), r"\1"),
    (re.compile(r"\s+('s|'re|'ve|'ll|'d|'m|n't)\b", re.IGNORECASE), r"\1"),
)
_TOKEN = re.compile(r"\w+(?:[-']\w+)*|[^\w\s]")
# Timeline17 reference texts keep the original one-sentence-per-line layout as runs of two or
# more spaces; those lines are the reference sentences tilse and the published numbers count
# (a sentence splitter merges "... step down .  -- Washington ..." and undercounts them).
_REFERENCE_LINE = re.compile(r"\s{2,}|\n")


def evaluate(
    path: Path,
    *,
    topics: Sequence[str] | None = None,
    keywords: Path | None = None,
    variants: Path | None = None,
) -> dict[str, Any]:
    """Score dateline and the Datewise baseline on every reference timeline under `path`.

    `keywords`: a JSON file mapping topic names (or a prefix of the folder names, as tilse's
    `keyword_mapping`, which may also be given whole) to keyword lists, each topic's query.
    `variants`: a JSON file mapping variant names to `[tuning]` overrides (a bare name is a
    `select.weights` one); the result then also holds each variant's scores and the
    leave-one-topic-out figures.
    """
    queries = _keywords(keywords) if keywords else {}
    choices = {"default": Settings(), **(_variants(variants) if variants else {})}
    scorer = _Scorer()
    ours: dict[str, dict[str, dict[str, float]]] = {name: {} for name in choices}
    baseline: dict[str, dict[str, float]] = {}
    for topic in _topics(path, topics):
        articles = topic_articles(topic)
        query = _query(topic.name, queries)
        for reference_path in sorted(topic.glob("timeline-*.json")):
            reference = _load_reference(reference_path)
            name = f"{topic.name}/{reference_path.stem}"
            for choice, settings in choices.items():
                build = _builder(query, settings)
                ours[choice][name] = scorer.score(_run(build, articles, reference), reference)
            baseline[name] = scorer.score(_run(datewise, articles, reference), reference)
    if not baseline:
        raise EvaluationError(f"{path}: no topic folder with articles.json and timeline-*.json")
    result = {**_summary(ours["default"]), "query": bool(queries), "baseline": _summary(baseline)}
    if len(choices) > 1:
        held, chosen = leave_one_topic_out(ours)
        loto = _summary(held)
        result.update(
            leave_one_topic_out=loto["mean"],
            chosen_per_topic=chosen,
            leave_one_topic_out_per_timeline=loto["per_timeline"],
            variants={c: _summary(s)["mean"] for c, s in ours.items()},
        )
    return result


def leave_one_topic_out(
    scores: dict[str, dict[str, dict[str, float]]],
) -> tuple[dict[str, dict[str, float]], dict[str, str]]:
    """Each timeline's scores under the variant whose mean AR-1 is best on the other
    stories, and the variant chosen for each story (ties go to "default")."""
    names = sorted(next(iter(scores.values())))
    held: dict[str, dict[str, float]] = {}
    chosen: dict[str, str] = {}
    for story in sorted({_story(n) for n in names}):
        others = [n for n in names if _story(n) != story] or names
        best = max(scores, key=lambda c: (_mean_ar1(scores[c], others), c == "default"))
        chosen[story] = best
        held.update({n: scores[best][n] for n in names if _story(n) == story})
    return held, chosen


def _mean_ar1(scores: dict[str, dict[str, float]], names: list[str]) -> float:
    return mean(scores[n]["ar1_f1"] for n in names)


def _story(timeline: str) -> str:
    return timeline.split("/")[0].split("_")[0].lower()


def _builder(query: str | None, settings: Settings) -> Builder:
    """The product's build of a timeline (`dateline timeline`'s) with the run's settings."""

    def build(articles: list[Article], **options: Any) -> tuple[TimelineEntry, ...]:
        request = TimelineQuery(query=query, **options)
        return build_timeline(articles, settings, request).entries

    return build


def _keywords(path: Path) -> dict[str, list[str]]:
    data = _load_json(path)
    if isinstance(data, dict) and isinstance(data.get("keyword_mapping"), dict):
        data = data["keyword_mapping"]
    if not isinstance(data, dict) or not all(
        isinstance(v, list) and all(isinstance(w, str) for w in v) for v in data.values()
    ):
        raise EvaluationError(f"{path}: expected a JSON object of topic -> keyword list")
    return {str(k).lower(): v for k, v in data.items()}


def _query(topic: str, queries: dict[str, list[str]]) -> str | None:
    """The keywords of the longest topic name the folder's name starts with."""
    folder = topic.lower()
    matches = [k for k in queries if folder.startswith(k)]
    return " ".join(queries[max(matches, key=len)]) if matches else None


def _variants(path: Path) -> dict[str, Settings]:
    data = _load_json(path)
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise EvaluationError(f"{path}: expected a JSON object of name -> tuning overrides")
    variants = {}
    for name, values in data.items():
        tuned = {k if "." in k else f"{WEIGHTS_KEY}.{k}": v for k, v in values.items()}
        try:
            check(tuned, f"{path}: {name}")
        except SettingsError as exc:
            raise EvaluationError(str(exc)) from None
        variants[str(name)] = Settings().with_tuning(tuned)
    return variants


def prepare_articles(records: Sequence[dict[str, Any]], source: str) -> list[Article]:
    """Timeline17 records through the product's per-document stages, `dct` the day the
    user gave, wire copies marked as a run marks them."""
    settings = Settings()
    processed = process([_article(r, source) for r in records], settings, default_workers())
    return mark_duplicates(processed, settings.dedup)


def topic_articles(topic: Path) -> list[Article]:
    """A topic folder's articles as `prepare_articles` makes them."""
    path = topic / "articles.json"
    records = _load_json(path)
    if not isinstance(records, list):
        raise EvaluationError(f"{path}: expected a JSON list of articles")
    return prepare_articles(records, str(path))


def _summary(scores: dict[str, dict[str, float]]) -> dict[str, Any]:
    means = {m: round(mean(s[m] for s in scores.values()), 4) for m in MEASURES}
    return {"timelines": len(scores), "mean": means, "per_timeline": scores}


def _topics(path: Path, names: Sequence[str] | None) -> list[Path]:
    if not path.is_dir():
        raise EvaluationError(f"{path}: not a directory of TLS topics")
    folders = sorted(p for p in path.iterdir() if (p / "articles.json").is_file())
    if names is not None:
        folders = [p for p in folders if p.name in set(names)]
    return folders


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read: {exc}") from None


def _article(record: Any, source: str) -> Article:
    try:
        text = detokenise(str(record["text"]))
        published = date.fromisoformat(str(record["dct"])[:10])
        uid = str(record["uid"])
    except (KeyError, TypeError, ValueError) as exc:
        raise EvaluationError(f"{source}: malformed article record: {exc}") from None
    return Article(id=uid, source=f"{source}::{uid}", raw_text=text, given_date=published)


def detokenise(text: str) -> str:
    """Undo PTB-style tokenisation well enough for the tagger and the splitter."""
    for pattern, replacement in _DETOKENISE:
        text = pattern.sub(replacement, text)
    return text


def _load_reference(path: Path) -> dict[date, list[str]]:
    records = _load_json(path)
    try:
        timeline: dict[date, list[str]] = {}
        for record in records:
            day = date.fromisoformat(str(record["date"])[:10])
            sentences = [s for s in _REFERENCE_LINE.split(str(record["text"]).strip()) if s]
            timeline.setdefault(day, []).extend(sentences)
    except (KeyError, TypeError, ValueError) as exc:
        raise EvaluationError(f"{path}: malformed timeline: {exc}") from None
    if not timeline:
        raise EvaluationError(f"{path}: empty reference timeline")
    return timeline


def _run(
    builder: Builder, articles: list[Article], reference: dict[date, list[str]]
) -> dict[date, list[str]]:
    start, end = min(reference), max(reference)
    pool = [
        a for a in articles if a.published and a.published.date and start <= a.published.date <= end
    ]
    per_date = max(1, round(mean(len(s) for s in reference.values())))
    # Reference timelines are day by day: both methods are asked for days only.
    entries = builder(
        pool,
        dates=len(reference),
        per_date=per_date,
        date_from=start.isoformat(),
        date_to=end.isoformat(),
        precision="day",
    )
    timeline: dict[date, list[str]] = {}
    for entry in entries:
        day = TimexValue.parse(entry.date).day
        if day is not None:
            timeline.setdefault(day, []).append(entry.summary)
    return timeline


class _Scorer:
    """tilse's ROUGE-1.5.5-based timeline measures (imported lazily: an optional extra)."""

    def __init__(self) -> None:
        try:
            from tilse.evaluation import rouge
        except ImportError:
            raise EvaluationError(
                "tilse is not installed: pip install 'dateline[eval]' (needs libxml-dom-perl)"
            ) from None
        self._evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])

    def score(
        self, predicted: dict[date, list[str]], reference: dict[date, list[str]]
    ) -> dict[str, float]:
        from tilse.data.timelines import GroundTruth
        from tilse.data.timelines import Timeline as TilseTimeline

        pred = TilseTimeline({d: [_tokens(s) for s in ss] for d, ss in predicted.items()})
        truth = GroundTruth(
            [TilseTimeline({d: [_tokens(s) for s in ss] for d, ss in reference.items()})]
        )
        if not predicted:
            return dict.fromkeys(MEASURES, 0.0)
        concat = self._evaluator.evaluate_concat(pred, truth)
        agree = self._evaluator.evaluate_agreement(pred, truth)
        align = self._evaluator.evaluate_align_date_content_costs_many_to_one(pred, truth)
        return {
            "ar1_f1": round(align["rouge_1"]["f_score"], 4),
            "ar2_f1": round(align["rouge_2"]["f_score"], 4),
            "date_f1": round(_date_f1(set(predicted), set(reference)), 4),
            "concat_r1_f1": round(concat["rouge_1"]["f_score"], 4),
            "concat_r2_f1": round(concat["rouge_2"]["f_score"], 4),
            "agree_r1_f1": round(agree["rouge_1"]["f_score"], 4),
            "agree_r2_f1": round(agree["rouge_2"]["f_score"], 4),
        }


def _tokens(sentence: str) -> str:
    return " ".join(_TOKEN.findall(sentence))


def _date_f1(predicted: set[date], reference: set[date]) -> float:
    hits = len(predicted & reference)
    if not hits:
        return 0.0
    precision, recall = hits / len(predicted), hits / len(reference)
    return 2 * precision * recall / (precision + recall)
