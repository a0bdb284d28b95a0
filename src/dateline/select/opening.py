"""The report a sentence carries, without the stamp or wire dateline a page opens it with.

A live page stamps each update "(Update 2:21 a.m. Thursday in Cairo, 7:21 p.m. ET
Wednesday)"; a wire story opens "(CNN) --" or "BENGHAZI, Libya (Reuters) -". The sentence
splitter keeps that opening with the sentence it introduces, but it tells nothing that
happened: as an entry it is words a reader skips, and a summary judged against what
happened pays for them. An entry cites the sentence from its first word of report on.
"""

from __future__ import annotations

import re

from dateline.clean.datelines import DASH, PLACE_BEFORE_BRACKETS
from dateline.model import Sentence

# An optional wire place ("BENGHAZI, Libya "), a parenthesised opening of at most 100
# characters (an agency or an update's stamp), an optional dash or colon, then the report,
# starting as a sentence does.
_OPENING = re.compile(
    rf"{PLACE_BEFORE_BRACKETS}\([^()]{{1,100}}\)\s*(?:{DASH}|:)?\s+(?=[A-Z\"“‘'])"
)


def report_of(sentence: Sentence) -> Sentence:
    """`sentence` from its first word of report on (itself when nothing opens it)."""
    found = _OPENING.match(sentence.text)
    if found is None:
        return sentence
    cut = found.end()
    return Sentence(sentence.start + cut, sentence.end, sentence.text[cut:])
