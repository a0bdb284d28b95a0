"""Disagreements and changing amounts in words, one wording for every text format.

Each source keeps its own words, quoted and named by outlet: "600 ground troops" (The
Northern Ledger) against "about 1,000 ground troops" (Coastal Wire). A change reads as the
issue put it: "troop: rose from 12 to 40 between January 3 and January 9, 2025".
"""

from __future__ import annotations

import itertools

from dateline.events.amounts import find_amounts
from dateline.model import Article, Change, Claim, Disagreement
from dateline.render.precision import display_date

BADGE = "sources disagree"
_ABOUT = {"quantity": "on {about}", "date": "on the date", "actor": "on who acted"}


def source_name(document: str, by_id: dict[str, Article]) -> str:
    article = by_id.get(document)
    if article is None:
        return document[:8]
    return article.outlet or article.title or article.source


def claim_text(claim: Claim, by_id: dict[str, Article], with_date: bool = False) -> str:
    """One source's words, quoted, with the source: “about 1,000 troops” (Coastal Wire)."""
    words = claim.words or claim.sentence
    when = f", {display_date(claim.date)}" if with_date else ""
    return f"“{words}” ({source_name(claim.document, by_id)}{when})"


def disagreement_text(disagreement: Disagreement, by_id: dict[str, Article]) -> str:
    """ "Sources disagree on troop: “600 troops” (A) vs “about 1,000 troops” (B)"."""
    about = _ABOUT.get(disagreement.kind, "on {about}").format(about=disagreement.about)
    dated = disagreement.kind == "date"
    claims = " vs ".join(claim_text(c, by_id, with_date=dated) for c in disagreement.claims)
    return f"Sources disagree {about}: {claims}"


def _value(claim: Claim) -> float | None:
    amounts = find_amounts(claim.words)
    return (amounts[0].low + amounts[0].high) / 2 if amounts else None


def change_text(change: Change) -> str:
    """How the amount moved: rose, fell, or went from the first to the last, with the days."""
    first, last = change.claims[0], change.claims[-1]
    values = [_value(c) for c in change.claims]
    known = [v for v in values if v is not None]
    rising = all(a <= b for a, b in itertools.pairwise(known))
    falling = all(a >= b for a, b in itertools.pairwise(known))
    verb = "rose" if rising and not falling else "fell" if falling and not rising else "went"
    steps = "" if len(change.claims) == 2 else f" in {len(change.claims) - 1} steps"
    return (
        f"{change.about}: {verb} from “{first.words}” to “{last.words}”{steps} between "
        f"{display_date(first.date)} and {display_date(last.date)}"
    )
