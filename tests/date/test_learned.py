"""What a pile teaches about its office holders: our own clippings, two dated, one not."""

from __future__ import annotations

from datetime import date

from dateline.date.learned import learn, narrow_by_pile
from dateline.model import Article, PublicationDate


def clipping(ident: str, text: str, day: date | None) -> Article:
    published = (
        PublicationDate(day, day, day, 0.95, ("dated",), "metadata")
        if day
        else PublicationDate(None, date(2009, 1, 1), None, 0.1, ("after 2009",), "content")
    )
    return Article(id=ident, source=f"{ident}.txt", raw_text=text, text=text, published=published)


def test_dated_articles_teach_when_a_holder_was_in_office_and_when_former():
    pile = [
        clipping("a", "Mayor Ingrid Valdez said on Monday the bridge would reopen.",
                 date(2011, 3, 14)),
        clipping("b", "Former Mayor Ingrid Valdez, who left office in the spring, declined to "
                      "comment.", date(2011, 9, 2)),
    ]
    # "Mayor" is no title the date stage knows: nothing is learned from it.
    assert learn(pile) == {}
    pile = [
        clipping("a", "Prime Minister Ingrid Valdez said on Monday the bridge would reopen.",
                 date(2011, 3, 14)),
        clipping("b", "Former Prime Minister Ingrid Valdez declined to comment.",
                 date(2011, 9, 2)),
    ]
    (lesson,) = learn(pile).values()
    assert (lesson.name, lesson.in_office, lesson.former) == (
        "Ingrid Valdez", date(2011, 3, 14), date(2011, 9, 2)
    )


def test_undated_articles_are_bounded_by_what_the_dated_ones_show():
    pile = [
        clipping("a", "Prime Minister Ingrid Valdez said on Monday the bridge would reopen.",
                 date(2011, 3, 14)),
        clipping("b", "Former Prime Minister Ingrid Valdez declined to comment.",
                 date(2011, 9, 2)),
        clipping("c", "Prime Minister Ingrid Valdez opened the new wing on Friday.", None),
        clipping("d", "Former Prime Minister Ingrid Valdez has written a memoir.", None),
    ]
    narrowed = {a.id: a.published for a in narrow_by_pile(pile)}
    assert narrowed["a"] == pile[0].published and narrowed["b"] == pile[1].published
    current, former = narrowed["c"], narrowed["d"]
    assert current is not None and former is not None
    assert (current.earliest, current.latest) == (date(2009, 1, 1), date(2011, 9, 9))
    assert current.evidence[-1].startswith("pile knowledge: Ingrid Valdez was former")
    assert (former.earliest, former.latest) == (date(2011, 3, 14), None)


def test_a_dated_sentence_teaches_nothing_about_the_articles_day():
    pile = [
        clipping("a", "In March 2009, Prime Minister Ingrid Valdez opened the bridge.",
                 date(2015, 6, 1)),
        clipping("c", "Former Prime Minister Ingrid Valdez has written a memoir.", None),
    ]
    assert learn(pile) == {}
    assert narrow_by_pile(pile) == pile
