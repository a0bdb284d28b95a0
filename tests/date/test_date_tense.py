"""Past, future or unknown: the call that keeps the date bounds on the right side."""

from __future__ import annotations

import pytest

from dateline.date.tense import FUTURE, PAST, UNKNOWN, tense_of


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("The walkout began on April 8 after the plan was announced.", "April 8", PAST),
        ("The troops will be deployed in February and March.", "February", FUTURE),
        ("Layoff notices must go out by April 15 under the contract.", "April 15", FUTURE),
        ("Judge Ruiz set sentencing for Dec. 3 and allowed him to remain free.", "Dec. 3", FUTURE),
        ("On Tuesday, the board voted to close the school.", "Tuesday", PAST),
        ("Election Day is scheduled for Nov. 6 this year.", "Nov. 6", FUTURE),
        ("She did not retire until 1988.", "1988", PAST),
        ("The old bridge was built in 1931.", "1931", PAST),
        ("Figures for 2004 appear in the table.", "2004", UNKNOWN),
        ("Ticket information will be posted on the website Thursday.", "Thursday", FUTURE),
    ],
)
def test_tense_of_date_phrase(sentence: str, phrase: str, expected: int) -> None:
    start = sentence.index(phrase)
    assert tense_of(sentence, start, start + len(phrase)) == expected
