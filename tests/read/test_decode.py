import codecs

import pytest

from dateline.read.decode import declared_charset, decode

TEXT = (
    "Le président a déclaré à Genève que la réunion était reportée.\nLes négociations reprendront."
)


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
        TEXT.encode("latin-1"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "cp1252",
        "latin1",
    ],
)
def test_every_encoding_decodes_to_the_same_text(data: bytes) -> None:
    assert decode(data) == TEXT


def test_cp1252_smart_quotes_and_dashes() -> None:
    text = "The minister\u2019s office said the \u201cfinal\u201d vote was set for Feb. 26 \u2013 a week late."
    assert decode(text.encode("cp1252")) == text


def test_declared_charset_is_used_when_bytes_are_not_utf8() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body>Москва сегодня</body></html>'
    assert "Москва сегодня" in decode(html.encode("cp1251"))


def test_header_charset_hint_wins_over_a_guess() -> None:
    text = "Правительство объявило о новых мерах в понедельник."
    assert decode(text.encode("koi8-r"), declared="koi8-r") == text


def test_mostly_utf8_with_one_bad_byte_stays_utf8() -> None:
    data = "Zürich, Genève and Malmö signed the accord.".encode() + b" \x96 end"
    out = decode(data)
    assert out.startswith("Zürich, Genève and Malmö")
    assert out.endswith(" end")


@pytest.mark.parametrize(("raw", "expected"), [(b"a\r\nb\r\n", "a\nb\n"), (b"a\rb\r", "a\nb\n")])
def test_line_ends_become_lf(raw: bytes, expected: str) -> None:
    assert decode(raw) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="ISO-8859-1">', "iso8859-1"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "cp1252"),
        (b'<?xml version="1.0" encoding="Shift_JIS"?>', "shift_jis"),
        (b'<meta charset="no-such-charset">', None),
        (b"<p>no declaration</p>", None),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head) == expected


def test_latin1_label_is_read_as_cp1252_like_browsers_do() -> None:
    html = '<meta charset="iso-8859-1"><p>The \u201cfinal\u201d vote \u2013 Genève</p>'
    assert "\u201cfinal\u201d vote \u2013 Genève" in decode(html.encode("cp1252"))
