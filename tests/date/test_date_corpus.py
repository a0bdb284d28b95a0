"""Undated articles dated from the rest of the pile, on a small story written for this test
and run through the real per-document stages first."""

from __future__ import annotations

from datetime import date

from dateline.model import Article
from dateline.pile.names import names
from dateline.pile.reports import date_from_corpus
from dateline.pipeline import corpus_dated, process
from dateline.settings import Settings

FIRE = (
    "A fire gutted the Vellmar grain depot on Tuesday night, destroying 40,000 tonnes of "
    "wheat and forcing the port to close.\n\n"
    "Harbour master Ines Roth said the quays would stay shut until engineers had inspected "
    "them. Nobody was hurt."
)
STRIKE = (
    "Dock workers in Vellmar walked out on Wednesday over pay for clearing the burned "
    "depot, leaving six freighters waiting offshore.\n\n"
    "The union said the strike would go on until the port authority raised the clean-up "
    "bonus."
)
REOPENED = (
    "The Vellmar port authority on Friday reopened the harbour to cargo ships for the first "
    "time since the blaze.\n\n"
    "The reopening comes three weeks after a fire gutted the Vellmar grain depot, destroying "
    "40,000 tonnes of wheat.\n\n"
    "Dock workers, who walked out on March 9 over pay for clearing the burned depot, went "
    "back to work after the authority doubled the clean-up bonus.\n\n"
    "Harbour master Ines Roth said the first freighter would berth on Saturday."
)
# Only one sentence relates to a dated report: not enough to date it.
LONE = (
    "Insurers have paid out for a fire that gutted the Vellmar grain depot three weeks "
    "ago, the port said.\n\n"
    "Farmers in the valley are still looking for storage for this year's harvest."
)


def _processed(*texts: tuple[str, date | None]) -> list[Article]:
    articles = [
        Article.from_raw(f"vellmar-{i}.txt", text, metadata_date=day)
        for i, (text, day) in enumerate(texts)
    ]
    return process(articles, Settings())


def test_undated_article_is_dated_by_the_reports_it_shares() -> None:
    pile = _processed((FIRE, date(2011, 3, 2)), (STRIKE, date(2011, 3, 10)), (REOPENED, None))
    assert pile[2].published is not None and pile[2].published.date is None

    dated = date_from_corpus(pile)

    found = dated[2].published
    assert found is not None
    # Three weeks after Tuesday 1 March, inside a week that holds one Friday: the 25th.
    assert found.date == date(2011, 3, 25)
    assert found.method == "corpus"
    assert found.earliest is not None and found.latest is not None
    assert found.earliest <= date(2011, 3, 25) <= found.latest
    assert any("other articles" in line for line in found.evidence)
    # The stage changes the day only; the pipeline resolves its own phrases again on it.
    assert dated[2].timexes == pile[2].timexes
    again = corpus_dated(pile, Settings())
    assert list(again) == [2] and again[2].published == found
    values = {m.text: m.value for m in again[2].timexes}
    assert values["Friday"] == "2011-03-25"
    assert values["Saturday"] == "2011-03-26"
    assert any(e.date == "2011-03-25" for e in again[2].events)
    # Dated articles are left as they were, in their order.
    assert dated[:2] == pile[:2]


def test_one_matching_sentence_does_not_pin_a_day() -> None:
    pile = _processed((FIRE, date(2011, 3, 2)), (STRIKE, date(2011, 3, 10)), (LONE, None))

    found = date_from_corpus(pile)[2].published

    # The reports pin nothing; the pile's likeliest day (its similar articles') is no more
    # than a guess and says so.
    assert found is not None and found.method != "corpus"
    assert found.date is None or (found.method == "pile" and found.confidence < 0.5)


def test_nothing_to_date_from() -> None:
    pile = _processed((REOPENED, None), (LONE, None))

    assert date_from_corpus(pile) == pile


# Same story, other verbs: the report says "abducted", the follow-up "snatched"; the two
# engineers' names are what tie them.
ABDUCTION = (
    "Two engineers, Lars Vinter and Maja Kjell, were abducted near the Osta dam on Monday by "
    "armed men who stopped their car, police said.\n\n"
    "The company that employs them, Nordvik Hydro, said it was in touch with the families."
)
FREED = (
    "OSTBY, March 12 — Lars Vinter and Maja Kjell walked out of a forest camp unharmed and "
    "were flown to the regional hospital for checks.\n\n"
    "Police said the pair, who had been snatched near the Osta dam last Monday, were "
    "released after talks with village elders.\n\n"
    "Nordvik Hydro thanked the negotiators."
)
# The same follow-up about two other people: nothing ties it to the report.
STRANGERS = FREED.replace("Lars Vinter and Maja Kjell", "Pia Rask and Odd Lien").replace(
    "Nordvik Hydro", "The company"
)
FLOOD = (
    "A flood swept through the Tarnby valley on Sunday, drowning 12 people and carrying away "
    "the Tarnby Bridge.\n\n"
    "Mayor Ola Brekke said the village school would shelter families who lost their homes."
)
MEMORIAL = (
    "TARNBY -- Sirens sounded across the valley at noon today, exactly one year after the "
    "flood that drowned 12 people.\n\n"
    "Mayor Ola Brekke laid flowers at the rebuilt Tarnby Bridge, which reopened in spring."
)


def test_names_are_runs_of_capitalised_words_the_text_never_writes_in_lower_case() -> None:
    text = (
        "Prime Minister Anders Holm met Nora Falk. Three ministers came; the three left at "
        "St. Olav's church."
    )
    assert names(text) == {"Anders Holm", "Nora Falk", "St. Olav's"}


def test_shared_rare_names_date_a_phrase_that_points_back() -> None:
    pile = _processed((ABDUCTION, date(2011, 3, 8)), (FREED, None))
    assert pile[1].published is not None and pile[1].published.date is None

    found = date_from_corpus(pile)[1].published

    # "last Monday" is the abduction's Monday, 7 March: written 8-20 March, and the
    # dateline's March 12 falls inside.
    assert found is not None
    assert found.date == date(2011, 3, 12)
    assert found.method == "corpus"
    assert any("same story" in line for line in found.evidence)


def test_without_shared_names_the_other_verb_finds_nothing() -> None:
    pile = _processed((ABDUCTION, date(2011, 3, 8)), (STRANGERS, None))

    found = date_from_corpus(pile)[1].published

    # The reports pin nothing; the pile gives the year its own "OSTBY, March 12" lacks.
    assert found is not None and found.method == "pile"
    assert found.date == date(2011, 3, 12) and found.confidence <= 0.5


def test_an_anniversary_of_a_dated_event_gives_the_day() -> None:
    pile = _processed((FLOOD, date(2009, 5, 4)), (MEMORIAL, None))

    found = date_from_corpus(pile)[1].published

    # The flood came on Sunday 3 May 2009; exactly one year later. One sentence only: the
    # mayor and the bridge named in both stand as the second witness.
    assert found is not None
    assert found.date == date(2010, 5, 3)
    assert any("same story" in line for line in found.evidence)


# Its own text gives a day (the latest date it reports) and nothing after it but the year's end.
COUNCIL = (
    "The Vellmar port council voted on March 4, 2011 to rebuild the burned grain depot "
    "with public money.\n\n"
    "Harbour master Ines Roth said the vote came after dock workers had cleared the site."
)


def test_a_day_its_own_text_gives_is_given_the_month_around_it_in_a_pile() -> None:
    pile = _processed((FIRE, date(2011, 3, 2)), (COUNCIL, None), (LONE, None))
    own = pile[1].published
    assert own is not None and own.method == "content" and own.date == date(2011, 3, 4)
    assert own.latest is None or (own.latest - own.date).days > 31

    found = date_from_corpus(pile)[1].published

    # The day stands, read from its own text; the interval is the likely month, as every
    # day the pile gives has, and says so.
    assert found is not None and found.method == "content" and found.date == date(2011, 3, 4)
    assert found.confidence == own.confidence
    assert found.earliest == date(2011, 3, 4) and found.latest == date(2011, 4, 3)
    assert any("likely month" in line for line in found.evidence)
