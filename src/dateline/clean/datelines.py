"""What a wire dateline looks like: where, when and by whom a report was filed.

"BEIJING, March 3 (Reuters) -", "WASHINGTON —", "LONDON (AP) --", "BENGHAZI, Libya (Reuters) -":
a place in capitals, after a comma a region or the day, the agency in brackets, a dash. It
opens the report and is not part of it: its place did nothing, its day is when the copy was
filed. Every stage that meets one reads it with these parts, composed for where it stands:
set apart on a line of its own (clean), before a day the date stage reads, opening a sentence
whose names and dates the event stage reads, glued to a headline the splitter cuts off, and
before the report an entry cites.
"""

from __future__ import annotations

import re

# The parts. A place in capitals: "BENGHAZI", "NEW YORK", "ST. LOUIS", "GUINEA-BISSAU".
PLACE = r"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*"
# One capitalised word after a comma: "Libya", "N.Y.".
REGION = r"[A-Z][\w.'’]+"
# What a comma adds after the place: a region or the day, "Libya", "March 3", "Oct. 23".
AFTER = r"[\w.'’ ]{1,30}"
# The agency, one word: "(Reuters)", "(AP)", "(CNN)".
AGENCY = r"\([A-Z][A-Za-z]{1,15}\)"
DASH = r"(?:-{1,2}|[–—])"
# A place with its regions, and a space: what may stand before a parenthesised opening.
PLACE_BEFORE_BRACKETS = rf"(?:{PLACE}(?:, {REGION})*,? )?"

_HEAD = rf"{PLACE}(?:,\s*{AFTER}){{0,2}}"
_AGENCY_DASH = rf"\s*(?:{AGENCY}\s*)?{DASH}"

# The text before the day of a dateline, all of it: "KABUL, ", "BENGHAZI, Libya, ".
DATELINE_PLACE = re.compile(rf"{PLACE}(?:,\s*{AFTER})?,\s*\Z")
# What follows the day of a dateline: " (Reuters) - ", " — ".
DATELINE_END = re.compile(rf"{_AGENCY_DASH}\s")
# A dateline opening a sentence or a line, through its dash: "WASHINGTON (AP) — ",
# "KORVEL, Oct. 23 (CWS) - ", "WASHINGTON—" (an em dash may touch the report).
DATELINE_OPENING = re.compile(rf"{_HEAD}{_AGENCY_DASH}(?:\s|(?<=[–—])(?=\w))")
# A dateline alone on its line, its closing dash or colon left off; `agency` when it names one.
DATELINE_ALONE = re.compile(rf"{_HEAD}(?P<agency>\s*{AGENCY})?\Z")
# An agency's dateline inside running text, where a page glued a story to its headline:
# "BENGHAZI, Libya (Reuters) - ", "(CNN) -- ".
AGENCY_DATELINE = re.compile(rf"{PLACE_BEFORE_BRACKETS}{AGENCY}\s?{DASH}\s")
# All that may stand before the agency inside the dateline itself: "OSLAND, May 4 ".
DATELINE_HEAD = re.compile(rf"\s*{PLACE}(?:,\s*{AFTER})*\s*")
