"""Turn page text into logical lines ("units"): the cleaner judges units, not raw lines.

Text copied from a web page has one paragraph per line; plain-text wire copy is hard-wrapped
at ~70 columns. Joining wrapped lines first means a paragraph is judged as a whole, and a
short last line of a wrapped paragraph is never mistaken for a menu item.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Runs of spaces, tabs and Unicode spaces; a lone " " is left alone (it stays as it is), so the
# usual line costs a scan and no rebuilding.
_SPACES = re.compile(
    r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*"
    r"| [ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+"
)
# Full stops, question and exclamation marks of other scripts too: 。！？ (CJK), । (Devanagari),
# ؟ (Arabic).
_TERMINAL = re.compile(r"[.!?…:;。！？：；।؟][\"'”’»)\]」』）]*$")
_EDGE_PUNCT = " \t-–—•·|*>»›«‹:;,.!?()[]{}\"'“”‘’"
_DIGITS = re.compile(r"\d+")
# Emoji, pictographs and their joiners and variation selectors.
_END_SYMBOLS = frozenset({"So", "Sk", "Mn", "Cf"})

# A block is hard-wrapped text when its lines (except the last) all sit in this width band;
# 55–100 covers the usual 60/70/72/80-column wrapping of wire and e-mail copy.
_WRAP_MIN, _WRAP_MAX, _WRAP_SPREAD = 55, 100, 30


@dataclass(frozen=True)
class Unit:
    """One logical line: a paragraph, a menu item, a caption..."""

    text: str
    block: int  # index of the run of non-blank lines it belongs to
    index: int  # position among all units


def tidy(line: str) -> str:
    """Whitespace tidied, invisible characters dropped; the words are left untouched."""
    if line.isascii() and "\t" not in line and "  " not in line:
        return line.strip()  # nothing to tidy inside: no invisible or odd spaces, no runs
    return _SPACES.sub(" ", line.translate(_INVISIBLE)).strip()


def normalise_line(line: str) -> str:
    """The comparison form of a line: case-folded, digits masked, edge punctuation dropped.

    Masking digits makes "Comments (12)" and "Comments (40)" the same furniture line.
    """
    text = unicodedata.normalize("NFKC", tidy(line)).casefold()
    return _DIGITS.sub("0", text).strip(_EDGE_PUNCT)


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(without_end_symbols(text)))


def without_end_symbols(text: str) -> str:
    """The text without the emoji and symbols closing it ("See you soon! 🙂" ends a sentence)."""
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) in _END_SYMBOLS):
        end -= 1
    return text[:end]


def _blocks(raw_text: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in raw_text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if tidy(raw):
            current.append(raw.translate(_INVISIBLE).rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    widths = [len(tidy(line)) for line in lines[:-1]]
    return (
        min(widths) >= _WRAP_MIN
        and max(widths) <= _WRAP_MAX
        and max(widths) - min(widths) <= _WRAP_SPREAD
        and sum(not ends_sentence(tidy(line)) for line in lines[:-1]) * 2 >= len(widths)
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _continues(previous: str, line: str, wrapped: bool, base_indent: int | None) -> bool:
    """Whether `line` carries on the paragraph of `previous` rather than starting a new one.

    `base_indent` is set for plain-text copy whose paragraphs open with an indented line:
    there, exactly the unindented lines carry on.
    """
    if base_indent is not None:
        return _indent(line) == base_indent
    text = tidy(line)
    if wrapped:
        return True
    return len(previous) >= 50 and not ends_sentence(previous) and text[:1].islower()


def split_units(raw_text: str) -> list[Unit]:
    """The logical lines of a page, in order, with the block each came from."""
    units: list[Unit] = []
    for block_index, lines in enumerate(_blocks(raw_text)):
        wrapped = _hard_wrapped(lines)
        indents = {_indent(line) for line in lines}
        base_indent = min(indents) if len(indents) > 1 and len(lines) > 2 else None
        paragraph = tidy(lines[0])
        for line in lines[1:]:
            if _continues(paragraph, line, wrapped, base_indent):
                paragraph = f"{paragraph} {tidy(line)}"
            else:
                units.append(Unit(paragraph, block_index, len(units)))
                paragraph = tidy(line)
        units.append(Unit(paragraph, block_index, len(units)))
    return units
