"""A day the user gave: it is what the article's date is, whatever the text suggests."""

from __future__ import annotations

from datetime import date

from dateline.model import PublicationDate

GIVEN_EVIDENCE = "given by the user"


def given_publication(day: date, how: str = "") -> PublicationDate:
    """The publication date the user stated; `how` says where ("--date", "story.meta.json")."""
    evidence = f"{GIVEN_EVIDENCE} ({how})" if how else GIVEN_EVIDENCE
    return PublicationDate(
        day, day, day, 1.0, (evidence,), method="user", likeliest=day, granularity="day"
    )
