"""People, organisations and places a sentence names, sorted by what the sentence says."""

from __future__ import annotations

import pytest

from dateline.select.entities import find_entities


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Defence Minister Anna Holm said 600 troops would leave for Kharesh province.",
            [("Anna Holm", "person"), ("Kharesh", "place")],
        ),
        (
            "Mr Holm told the Assembly in Brenna that the Ministry of Defence agreed.",
            [
                ("Holm", "person"),
                ("Assembly", "organisation"),
                ("Brenna", "place"),
                ("Ministry of Defence", "organisation"),
            ],
        ),
        (
            "The United Nations and NATO sent envoys to the town of Korvel.",
            [("United Nations", "organisation"), ("NATO", "organisation"), ("Korvel", "place")],
        ),
        (
            "Prime Minister Tomas Rell flew to Valmont to meet President Elin Saar.",
            [("Tomas Rell", "person"), ("Valmont", "place"), ("Elin Saar", "person")],
        ),
        (
            "KORVEL, March 3 (CWS) - Rebels shelled the outskirts of Dorrin.",
            [("Rebels", ""), ("Dorrin", "place")],
        ),
    ],
)
def test_names_and_kinds(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = find_entities(sentence)
    assert [(m.name, m.kind) for m in found] == expected
    for mention in found:
        assert sentence[mention.start : mention.end] == mention.name


def test_a_bare_name_is_a_guess_and_a_role_is_no_name() -> None:
    (guess,) = find_entities("Anna Holm met rebel leaders.")
    assert (guess.kind, guess.cued) == ("person", False)
    assert find_entities("The Defence Minister met rebel leaders.") == ()
