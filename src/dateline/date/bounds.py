"""Intervals the writing day lies in, from evidence beside the dates the text writes.

What the world knows ("Chancellor Olaf Scholz said" holds only while he held the office) and
what the rest of a pile says (its similar articles were written in 2019) each bound the
writing day without naming it. The text's own clues are read inside the narrowest interval
they all allow: a year-less "March 13" takes the one year the bounds leave, and the text's
earliest and latest days are clipped to them. Bounds that leave no day at all contradict
one another, and then none of them is trusted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Bound:
    """The writing day lies from `earliest` to `latest` (either may be open), because of
    `evidence` (a line a reader can check)."""

    earliest: date | None
    latest: date | None
    evidence: str


def narrowest(bounds: Iterable[Bound]) -> Bound | None:
    """The interval every bound allows, with all their evidence; None when there are no
    bounds or they leave no day."""
    found = list(bounds)
    if not found:
        return None
    earliest = max((b.earliest for b in found if b.earliest), default=None)
    latest = min((b.latest for b in found if b.latest), default=None)
    if earliest and latest and latest < earliest:
        return None
    return Bound(earliest, latest, "; ".join(b.evidence for b in found))


def single_year(bound: Bound | None) -> int | None:
    """The one year `bound` leaves for the writing day, if it leaves only one."""
    if bound is None or bound.earliest is None or bound.latest is None:
        return None
    return bound.earliest.year if bound.earliest.year == bound.latest.year else None


def clip(earliest: date | None, latest: date | None,
         bound: Bound | None) -> tuple[date | None, date | None]:  # fmt: skip
    """`earliest`-`latest` narrowed to `bound`; a side that falls outside it gives way."""
    if bound is None:
        return earliest, latest
    if bound.earliest and (earliest is None or earliest < bound.earliest):
        earliest = bound.earliest
    if bound.latest and (latest is None or latest > bound.latest):
        latest = bound.latest
    if earliest and latest and latest < earliest:
        return bound.earliest, bound.latest
    return earliest, latest
