"""Undated articles dated from the rest of the pile, on a small story written for this test
and run through the real per-document stages first."""

from __future__ import annotations

from datetime import date

from dateline.date.corpus import date_from_corpus
from dateline.model import Article
from dateline.pipeline import process
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
    # Its own phrases are re-resolved against the new day.
    values = {m.text: m.value for m in dated[2].timexes}
    assert values["Friday"] == "2011-03-25"
    assert values["Saturday"] == "2011-03-26"
    assert any(e.date == "2011-03-25" for e in dated[2].events)
    # Dated articles are left as they were, in their order.
    assert dated[:2] == pile[:2]


def test_one_matching_sentence_does_not_pin_a_day() -> None:
    pile = _processed((FIRE, date(2011, 3, 2)), (STRIKE, date(2011, 3, 10)), (LONE, None))

    dated = date_from_corpus(pile)

    assert dated[2].published is not None
    assert dated[2].published.date is None


def test_nothing_to_date_from() -> None:
    pile = _processed((REOPENED, None), (LONE, None))

    assert date_from_corpus(pile) == pile
