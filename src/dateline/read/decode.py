"""Bytes to text for any encoding a saved news page turns up in.

Order of trust: a byte-order mark, then UTF-16 betrayed by its NUL pattern, then strict UTF-8
(non-ASCII text that happens to be valid UTF-8 almost never is anything else), then the charset
the document or its HTTP header declares, then `charset-normalizer`'s guess, and cp1252 last.
Decoding never fails: the worst case is a few replacement characters.
"""

from __future__ import annotations

import codecs
import os
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_DECLARED = re.compile(
    rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?|<\?xml[^>]{0,100}?encoding\s*=\s*["']|"""
    rb"""content-type:[^\r\n]{0,80}?charset=)\s*([a-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)

_CP1252_LABELS = frozenset({"iso8859-1", "ascii"})

# Only the start of a document is searched for a declared charset, as browsers do.
_DECLARATION_WINDOW = 4096


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces and the mark's length, if there is one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on one byte of most pairs (ASCII-heavy UTF-16)."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    # Calibrated on English and French text: over half the code units are ASCII.
    if odd > pairs * 0.5 and even < pairs * 0.05:
        return "utf-16-le"
    if even > pairs * 0.5 and odd < pairs * 0.05:
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset a `<meta>`, XML declaration or HTTP header names, if Python knows it."""
    match = _DECLARED.search(data[:_DECLARATION_WINDOW])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode `data` as well as can be done and normalise line ends to LF."""
    return normalise_newlines(_decode(data, declared))


_SURROGATE = re.compile("[\ud800-\udfff]")


def unencodable(text: str) -> int:
    """How many characters `valid_unicode` replaces in `text`."""
    return len(_SURROGATE.findall(text))


def valid_unicode(text: str) -> str:
    """`text` with lone surrogates (a JSON "\\ud800" escape) as U+FFFD, so it encodes."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def shown_path(name: str) -> str:
    """A file name fit to print and store: bytes that are not UTF-8 shown as \\xNN escapes."""
    if not _SURROGATE.search(name):
        return name
    try:
        return os.fsencode(name).decode("utf-8", errors="backslashreplace")
    except UnicodeError:
        return valid_unicode(name)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, declared: str | None) -> str:
    bom = bom_encoding(data)
    if bom:
        encoding, length = bom
        return data[length:].decode(encoding, errors="replace")
    utf16 = utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    for candidate in (declared, declared_charset(data)):
        strict = _strict(data, candidate)
        if strict is not None:
            return strict
    return _guess(data)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a truncated page, one pasted cp1252 quote) stays UTF-8."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    wide = len(text) - len(text.encode("ascii", errors="ignore")) - broken
    # cp1252/latin-1 text almost never forms a valid multi-byte sequence (it would take
    # pairs like "Ã©"), so twice as many valid ones as broken ones means UTF-8.
    return text if wide >= 2 * broken else None


def _strict(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        name = codecs.lookup(encoding).name
        if name.startswith(("utf-16", "utf-32")):
            return None
        # As browsers do (WHATWG): pages labelled latin-1 or ASCII are really cp1252, whose
        # curly quotes and dashes latin-1 would turn into control characters.
        if name in _CP1252_LABELS:
            return _strict(data, "cp1252") or data.decode(name)
        return data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(data: bytes) -> str:
    matches = from_bytes(data)
    best = matches.best()
    # Without NULs the bytes cannot be UTF-16/32; short Latin texts sometimes get that guess.
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        return _cp1252(data)
    # Short texts often tie cp1252 with cp1250/cp1257 ("à" vs "ŕ"); Western news is the
    # common case, so a tie goes to cp1252.
    tied = [m.encoding for m in matches if m.chaos == best.chaos and m.coherence == best.coherence]
    if "cp1252" in tied:
        return _cp1252(data)
    return str(best)


def _cp1252(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
