"""Amounts a sentence reports: "600 ground troops", "$350 million", "5,000 helmets"."""

from __future__ import annotations

import re

from dateline.model import Quantity

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
_CURRENCY = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_NUMBER = re.compile(
    r"(?P<cur>US\$|[$€£¥])?\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|m)\b)?"
    # A unit may be glued on with a hyphen: "a 276-member contingent".
    r"(?P<unit>(?:(?: |-(?=[a-z]))[a-z][a-z'-]*){0,2})"
)
# Words that end a unit phrase: "600 troops to Iraq" has unit "troops" (`amounts.py` too).
UNIT_ENDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "and",
        "or",
        "but",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "which",
        "who",
        "this",
        "these",
        "those",
        "it",
        "its",
        "per",
        "than",
        "more",
        "less",
        "about",
        "after",
        "before",
        "since",
        "until",
        "into",
        "over",
        "under",
        "said",
        "says",
    ]
)
_STOP = UNIT_ENDS | {"percent"}
_PERCENT = re.compile(r"\s?(?:%|percent\b|per cent\b)")


def find_quantities(text: str, skip: tuple[tuple[int, int], ...] = ()) -> tuple[Quantity, ...]:
    """Quantities in `text`; spans in `skip` (time expressions) are not amounts."""
    found: list[Quantity] = []
    for match in _NUMBER.finditer(text):
        start, end = match.span("num")
        if any(a < end and start < b for a, b in skip):
            continue
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-/:"):
            continue
        quantity = _quantity(text, match)
        if quantity is not None:
            found.append(quantity)
    return tuple(found)


def _quantity(text: str, match: re.Match[str]) -> Quantity | None:
    value = float(match.group("num").replace(",", ""))
    scale = match.group("scale")
    if scale:
        value *= _SCALE[scale]
    amount_end = match.end("scale") if scale else match.end("num")
    currency = match.group("cur")
    if currency:
        return Quantity(text[match.start() : amount_end], value, _CURRENCY[currency])
    percent = _PERCENT.match(text, amount_end)
    if percent:
        return Quantity(text[match.start("num") : percent.end()], value, "percent")
    unit = match.group("unit")
    kept = 0
    for word in re.finditer(r"[a-z][a-z'-]*", unit):
        if word.group() in _STOP:
            break
        kept = word.end()
    if not kept:
        return None
    end = match.start("unit") + kept
    return Quantity(text[match.start("num") : end], value, unit[:kept].strip(" -"))
