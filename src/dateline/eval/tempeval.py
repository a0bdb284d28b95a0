"""TempEval-3 timex evaluation: extraction (strict/relaxed) and attribute (type/value) F1.

The .tml files are parsed with regexes, not an XML parser, because the text offsets we score
against are offsets into the tag-stripped text, which we build while walking the tags.
Measures follow UzZaman et al. (2013): strict = exact span, relaxed = any overlap; type and
value F1 = relaxed F1 times the attribute accuracy over relaxed matches. As in the official
TempEval-3 toolkit, gold and system timexes are paired one to one before counting, leftmost
first: "Monday and Tuesday" tagged as one expression matches one of two gold timexes, not
both. The DCT timex sits outside <TEXT> and is not scored.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dateline.errors import EvaluationError
from dateline.model import Article, TimeMention

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')
_DCT = re.compile(r"<DCT>.*?value=\"(\d{4})-?(\d\d)-?(\d\d)", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    dct: date | None
    timexes: tuple[GoldTimex, ...]


def parse_tml(path: Path) -> Document:
    """Plain text of <TEXT>, its gold TIMEX3 spans, and the DCT of one .tml file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read: {exc}") from None
    body = _TEXT.search(raw)
    if body is None:
        raise EvaluationError(f"{path}: no <TEXT> element, not a TimeML file")
    text, timexes = _strip_tags(body.group(1), path)
    return Document(path.stem, text, _dct(raw), tuple(timexes))


def _dct(raw: str) -> date | None:
    found = _DCT.search(raw)
    if found is None:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


def _strip_tags(body: str, path: Path) -> tuple[str, list[GoldTimex]]:
    parts: list[str] = []
    length = 0
    pos = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if not tag.group(1):
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is None:
            raise EvaluationError(f"{path}: </TIMEX3> without an opening tag")
        else:
            start, attrs = open_timex
            span = "".join(parts)[start:length]
            timexes.append(
                GoldTimex(start, length, span, attrs.get("type", ""), attrs.get("value", ""))
            )
            open_timex = None
    parts.append(html.unescape(body[pos:]))
    return "".join(parts), timexes


def load_folder(folder: Path) -> list[Document]:
    """Every .tml under `folder` (recursively), sorted by path."""
    if not folder.is_dir():
        raise EvaluationError(f"{folder}: TempEval-3 folder not found")
    paths = sorted(folder.rglob("*.tml"))
    if not paths:
        raise EvaluationError(f"{folder}: no .tml files found")
    return [parse_tml(p) for p in paths]


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0  # pairs, so the same count for precision and recall
    type_ok: int = 0
    value_ok: int = 0

    def add(self, gold: tuple[GoldTimex, ...], system: list[TimeMention]) -> None:
        self.gold += len(gold)
        self.system += len(system)
        pairs = pair_timexes(gold, system)
        self.strict += sum((g.start, g.end) == (s.start, s.end) for g, s in pairs)
        self.relaxed += len(pairs)
        self.type_ok += sum(s.type == g.type for g, s in pairs)
        self.value_ok += sum(s.value == g.value for g, s in pairs)


def pair_timexes(
    gold: Sequence[GoldTimex],
    system: Sequence[TimeMention],
) -> list[tuple[GoldTimex, TimeMention]]:
    """Overlapping gold and system timexes, one to one: in text order, each gold timex takes
    the leftmost overlapping system timex no earlier gold timex took."""
    free = sorted(system, key=lambda s: (s.start, s.end))
    pairs = []
    for g in sorted(gold, key=lambda g: (g.start, g.end)):
        match = next((s for s in free if _overlap(s, g)), None)
        if match is not None:
            free.remove(match)
            pairs.append((g, match))
    return pairs


def _overlap(a: TimeMention | GoldTimex, b: TimeMention | GoldTimex) -> bool:
    return a.start < b.end and b.start < a.end


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def scores(counts: Counts) -> dict[str, float]:
    """TempEval-3 precision/recall/F1 from pooled counts."""
    sp = counts.strict / counts.system if counts.system else 0.0
    sr = counts.strict / counts.gold if counts.gold else 0.0
    rp = counts.relaxed / counts.system if counts.system else 0.0
    rr = counts.relaxed / counts.gold if counts.gold else 0.0
    relaxed = _f1(rp, rr)
    matched = counts.relaxed
    return {
        "strict_precision": sp,
        "strict_recall": sr,
        "strict_f1": _f1(sp, sr),
        "relaxed_precision": rp,
        "relaxed_recall": rr,
        "relaxed_f1": relaxed,
        "type_accuracy": counts.type_ok / matched if matched else 0.0,
        "value_accuracy": counts.value_ok / matched if matched else 0.0,
        "type_f1": relaxed * (counts.type_ok / matched if matched else 0.0),
        "value_f1": relaxed * (counts.value_ok / matched if matched else 0.0),
    }


def _anchor(doc: Document, use_dct: bool) -> date | None:
    if use_dct:
        return doc.dct
    from dateline.date import date_article  # lazy: the date stage is optional here

    # A neutral source name: TempEval file names carry the date, the text alone must not.
    dated = date_article(Article.from_raw("tempeval-document", doc.text, text=doc.text))
    # The likeliest day, even when only its year is known: "last year" still resolves.
    return dated.published.likeliest if dated.published else None


def evaluate(folder: Path, use_dct: bool = True) -> dict:
    """Score the tagger on every .tml under `folder`; anchor on the DCT or on our own date."""
    from dateline.timex import tag

    documents = load_folder(folder)
    counts = Counts()
    started = time.perf_counter()
    for doc in documents:
        counts.add(doc.timexes, tag(doc.text, _anchor(doc, use_dct)))
    seconds = time.perf_counter() - started
    return {
        "documents": len(documents),
        "gold": counts.gold,
        "system": counts.system,
        **scores(counts),
        "seconds": seconds,
    }
