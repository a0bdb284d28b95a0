"""Disagreements among an entry's sources, and a number moving over the story, on hand-built
entries (the pile test scores the whole road)."""

from __future__ import annotations

from dateline.model import Citation, TimelineEntry
from dateline.select.changes import changes
from dateline.select.disagreements import flag_disagreements
from dateline.select.naming import name_entities, naming


def _entry(date: str, *sentences: str) -> TimelineEntry:
    cites = tuple(Citation(f"doc{i}-{date}", s, 0, len(s)) for i, s in enumerate(sentences))
    return TimelineEntry(date, sentences[0], cites)


def test_numbers_that_cannot_both_be_true_are_set_side_by_side() -> None:
    entry = _entry(
        "2025-03-01",
        "Rebels freed 14 hostages near Valmont.",
        "Rebels freed nine hostages near Valmont.",
        "Rebels freed 14 hostages near Valmont, officials said.",
    )
    (flagged,) = flag_disagreements([entry], [])
    (found,) = flagged.disagreements
    assert (found.kind, found.about) == ("quantity", "hostage")
    assert [c.words for c in found.claims] == ["14 hostages", "nine hostages", "14 hostages"]
    assert flagged.summary == entry.summary and flagged.sources == entry.sources


def test_hedged_and_spelled_numbers_agree() -> None:
    entry = _entry(
        "2025-03-01",
        "Lindmark moved more than 500 troops to Lisk.",
        "Lindmark moved six hundred soldiers to Lisk.",
    )
    assert flag_disagreements([entry], [])[0].disagreements == ()


def test_a_different_doer_is_flagged_the_same_one_in_other_words_is_not() -> None:
    differ = _entry(
        "2025-03-02",
        "Defence Minister Anna Holm ordered the evacuation.",
        "Prime Minister Tomas Rell ordered the evacuation.",
    )
    same = _entry(
        "2025-03-03",
        "Defence Minister Anna Holm ordered more patrols.",
        "Ms Holm ordered more patrols.",
    )
    flagged = flag_disagreements([differ, same], [])
    assert [d.kind for d in flagged[0].disagreements] == ["actor"]
    assert [c.words for c in flagged[0].disagreements[0].claims] == ["Anna Holm", "Tomas Rell"]
    assert flagged[1].disagreements == ()


def test_a_running_count_in_one_place_is_a_change_other_counts_are_not() -> None:
    entries = name_entities(
        [
            _entry("2025-03-03", "A car bomb in Korvel killed 12 people on Monday."),
            _entry("2025-03-05", "The toll in Korvel rose after 25 people were killed in all."),
            _entry("2025-03-07", "A second blast in Korvel killed 3 people on Wednesday."),
            _entry("2025-03-09", "Officials in Korvel said the toll had reached 40 people killed."),
            _entry("2025-03-06", "A landslide in Orsa killed 90 people."),
        ]
    )
    (change,) = changes(entries, [])
    assert change.about == "dead in Korvel"
    assert [(c.date, c.words) for c in change.claims] == [
        ("2025-03-03", "12 people"),
        ("2025-03-05", "25 people"),
        ("2025-03-09", "40 people"),
    ]


def test_a_lower_count_after_a_higher_one_is_no_change() -> None:
    entries = name_entities(
        [
            _entry("2025-03-03", "A car bomb in Korvel killed 40 people on Monday."),
            _entry("2025-03-05", "The toll in Korvel stood at 25 people killed in all."),
        ]
    )
    assert changes(entries, []) == ()


def test_surnames_become_the_full_name_and_filters_match_words() -> None:
    entries = name_entities(
        [
            _entry("2025-03-01", "Defence Minister Anna Holm arrived in Brenna."),
            _entry("2025-03-02", "Mr Holm said the talks in Valmont had failed."),
            _entry("2025-03-03", "Floods hit the town of Orsa."),
        ]
    )
    assert [[(e.name, e.kind) for e in x.entities] for x in entries] == [
        [("Anna Holm", "person"), ("Brenna", "place")],
        [("Anna Holm", "person"), ("Valmont", "place")],
        [("Orsa", "place")],
    ]
    assert [e.date for e in naming(entries, who="holm")] == ["2025-03-01", "2025-03-02"]
    assert [e.date for e in naming(entries, where="Orsa")] == ["2025-03-03"]
    assert naming(entries, who="Orsa") == ()  # a place is not a who
