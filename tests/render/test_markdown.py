from dateline.render import render


def test_markdown_entries_cite_numbered_sources(timeline):
    out = render(timeline, "md")
    assert out.startswith("# Timeline")
    assert "- **July 26, 2003** — " in out
    assert "*(planned)*" in out
    assert out.count("[^1]") == 2 and "[^3]:" in out
    assert "The Northern Ledger, Cabinet approves plan (corpus/a.txt)" in out


def test_markdown_escapes_markup_from_articles(timeline):
    out = render(timeline, "md")
    assert "<b>" not in out and "\\<b\\>" in out
    assert "<script>" not in out
