from datetime import date

import pytest

from dateline.read.metadate import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2004-02-26", date(2004, 2, 26)),
        ("2004-02-26T10:00:00Z", date(2004, 2, 26)),
        ("2004-02-26T23:30:00-05:00", date(2004, 2, 26)),
        ("2004/02/26 10:00", date(2004, 2, 26)),
        ("20040226", date(2004, 2, 26)),
        ("Feb. 26, 2004", date(2004, 2, 26)),
        ("February 26, 2004", date(2004, 2, 26)),
        ("Thursday, February 26, 2004", date(2004, 2, 26)),
        ("Sept. 3rd, 2010", date(2010, 9, 3)),
        ("26 February 2004", date(2004, 2, 26)),
        ("26-Feb-2004", date(2004, 2, 26)),
        ("Thu, 26 Feb 2004 10:00:00 GMT", date(2004, 2, 26)),
        ("26/02/2004", date(2004, 2, 26)),
        ("02/26/2004", date(2004, 2, 26)),
        (1077789600, date(2004, 2, 26)),
        (1077789600000, date(2004, 2, 26)),
        ("1077789600", date(2004, 2, 26)),
        (date(2004, 2, 26), date(2004, 2, 26)),
    ],
)
def test_parses_common_metadata_formats(value: object, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "03/04/2004",
        "2004-02",
        "February 2004",
        "2004-13-01",
        "2004-02-30",
        "yesterday",
        "Smarch 3, 2004",
        2004,
        True,
        None,
        "",
        ["2004-02-26"],
        "0001-01-01",
    ],
)
def test_ambiguous_partial_or_invalid_give_none(value: object) -> None:
    assert parse_date(value) is None
