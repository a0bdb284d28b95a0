"""The user's decisions win over the machine's in every build, whatever is added later."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.errors import InputError
from dateline.library import timeline
from dateline.model import Article, Curation, Timeline
from dateline.pipeline import DECISIONS, again_after, build_timeline
from dateline.select.curate import (
    check_curation,
    curated_articles,
    curations_from_json,
    curations_json,
)
from dateline.settings import Settings

BRIDGE = (
    "Riverton Gazette\nPublished: March 14, 2011\nCouncil approves new Halvard bridge\n"
    "RIVERTON -- The city council voted 7-2 on Monday to build a second bridge over the "
    "Halvard River, ending a debate that began in 2008.\n"
    "Mayor Ines Okafor said construction would start in September 2011 and take two years.\n"
    "The old crossing was closed to lorries in a brief ceremony on a cold morning.\n"
    "Shopkeepers on the east bank welcomed the vote with a short statement.\n"
    "Several residents asked for a cycle lane on the new crossing.\n"
    "A local choir sang at the council meeting before the vote was taken.\n"
)
OPENING = (
    "Riverton Gazette\nPublished: October 2, 2013\nHalvard bridge opens to traffic\n"
    "RIVERTON -- The second Halvard bridge opened to cars on Tuesday, October 1, 2013, "
    "three weeks ahead of schedule.\n"
    "Work on the bridge began on September 19, 2011, after a long wait for the steel.\n"
)
UNDATED = (
    "Ferry crews walk out\n"
    "The ferry crews of the Halvard line stopped work on Friday over their pay, the union said.\n"
)


@pytest.fixture(scope="module")
def built() -> Timeline:
    return timeline(
        [
            Article.from_raw("bridge.txt", BRIDGE),
            Article.from_raw("open.txt", OPENING),
            Article.from_raw("ferry.txt", UNDATED),
        ]
    )


def rebuild(built: Timeline, *curations: Curation) -> Timeline:
    return build_timeline(built.documents, Settings(), curations=curations)


def test_a_hidden_entry_is_gone_and_the_rest_stay(built: Timeline) -> None:
    first = built.entries[0]
    after = rebuild(built, Curation("hide", first.key))
    assert first.key not in {e.key for e in after.entries}
    assert len(after.entries) == len(built.entries) - 1


def test_an_edit_changes_the_text_keeps_the_sources_and_says_so(built: Timeline) -> None:
    entry = built.entries[-1]
    after = rebuild(built, Curation("edit", entry.key, "The new bridge opened."))
    edited = next(e for e in after.entries if e.key == entry.key)
    assert edited.summary == "The new bridge opened."
    assert edited.sources == entry.sources
    assert edited.decided == ("edited",)


def test_a_pin_puts_a_sentence_selection_left_out_on_the_timeline(built: Timeline) -> None:
    bridge = next(a for a in built.documents if a.source == "bridge.txt")
    sentence = next(s for s in bridge.sentences if "choir" in s.text)
    key = f"{bridge.id}:{sentence.start}-{sentence.end}"
    assert key not in {e.key for e in built.entries}
    with pytest.raises(InputError, match="nothing dates that sentence"):
        check_curation(Curation("pin", key), bridge)
    after = rebuild(built, Curation("pin", key, "2011-03-10"))
    pinned = next(e for e in after.entries if e.key == key)
    assert (pinned.date, pinned.summary, pinned.decided) == (
        "2011-03-10",
        sentence.text,
        ("pinned",),
    )
    assert [e.date for e in after.entries] == sorted(e.date for e in after.entries)


def test_a_date_the_user_sets_dates_the_articles_events(built: Timeline) -> None:
    ferry = next(a for a in built.documents if a.source == "ferry.txt")
    assert ferry.published is None or ferry.published.method != "user"
    assert not any(e.date == "2012-05-04" for e in built.entries)
    after = rebuild(built, Curation("date", ferry.id, "2012-05-07"))
    redated = next(a for a in after.documents if a.id == ferry.id)
    assert redated.published is not None and redated.published.method == "user"
    assert redated.published.evidence == ("given by the user",)
    dates = {e.date for e in after.entries if e.sources[0].document == ferry.id}
    assert dates == {"2012-05-04"}  # "on Friday" before Monday 7 May 2012


def test_a_deleted_article_leaves_every_build(built: Timeline) -> None:
    opening = next(a for a in built.documents if a.source == "open.txt")
    after = rebuild(built, Curation("delete", opening.id))
    assert opening.id not in {a.id for a in after.documents}
    assert not any(s.document == opening.id for e in after.entries for s in e.sources)
    again = again_after(DECISIONS, Settings())
    assert list(curated_articles(built.documents, [Curation("delete", opening.id)], again)) == [
        a for a in built.documents if a.id != opening.id
    ]


@pytest.mark.parametrize(
    "curation, problem",
    [
        (Curation("shout", "x"), "not a decision"),
        (Curation("hide", "no-span"), "not an entry key"),
        (Curation("edit", "{id}:0-5", "  "), "needs the entry's new text"),
        (Curation("date", "{id}", "2011-02-30"), "not a day"),
        (Curation("hide", "{id}:0-999999"), "not in the article's text"),
    ],
)
def test_a_decision_that_cannot_apply_is_refused_with_a_reason(
    built: Timeline, curation: Curation, problem: str
) -> None:
    bridge = next(a for a in built.documents if a.source == "bridge.txt")
    named = Curation(curation.kind, curation.target.format(id=bridge.id), curation.value)
    with pytest.raises(InputError, match=problem):
        check_curation(named, bridge)


def test_decisions_go_to_a_file_and_come_back_the_same() -> None:
    made = [
        Curation("hide", "a:1-2", reason="caption", made_at="2026-01-02T03:04:05+00:00"),
        Curation("date", "b", "2004-03-01", made_at="2026-01-02T03:04:06+00:00"),
    ]
    assert curations_from_json(curations_json(made), "d.json") == made
    with pytest.raises(InputError, match=r"d\.json: not a decisions file"):
        curations_from_json('{"other": 1}', "d.json")


def test_the_users_date_wins_over_the_inferred_one() -> None:
    read = timeline(Article.from_raw("bridge.txt", BRIDGE), given_date=date(2011, 3, 15))
    published = read.documents[0].published
    assert published is not None and (published.date, published.method) == (
        date(2011, 3, 15),
        "user",
    )
