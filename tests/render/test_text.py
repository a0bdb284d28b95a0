import pytest

from dateline.model import Timeline
from dateline.render import render
from dateline.render.precision import display_date, precision


@pytest.mark.parametrize(
    ("value", "shown", "kind"),
    [
        ("2006", "2006", "year"),
        ("2006-06", "June 2006", "month"),
        ("2006-06-03", "June 3, 2006", "day"),
        ("2006-02-30", "2006-02-30", "day"),
    ],
)
def test_dates_shown_at_their_precision(value, shown, kind):
    assert display_date(value) == shown
    assert precision(value) == kind


def test_text_lists_entries_in_order_with_outlets(timeline):
    out = render(timeline, "text")
    assert out.index("July 26, 2003") < out.index("December 9, 2003") < out.index("February 2004")
    assert "February 2004 (planned)" in out
    assert "— Capital Wire" in out


def test_empty_timeline_says_so():
    assert "no dated entries" in render(Timeline(documents=(), entries=()), "text")


def test_unknown_format_is_refused(timeline):
    with pytest.raises(ValueError, match="unknown format 'doc'"):
        render(timeline, "doc")
