"""People, organisations and places a sentence names, by surface rules (no model needed).

The capitalised runs `frame.actors` finds are sorted by what the sentence says around them:
a title ("Defence Minister Anna Holm", "Mr Holm") or a speech verb after the name makes a
person; an organisation word inside the name ("Ministry", "Assembly") or an acronym makes an
organisation; a place preposition before it ("in Brenna", "near the town of Korvel") or a
place noun after it ("Kharesh province") makes a place. A bare single word with none of these
stays unsorted here (`kind == ""`): the pile may sort it (`select.naming` reads every
sentence of an entry's sources).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.events.frame import actors

PERSON, ORGANISATION, PLACE = "person", "organisation", "place"

# Words that make a capitalised run a title; the name is what follows the last of them.
TITLES = frozenset(
    [
        "President",
        "Vice",
        "Prime",
        "Minister",
        "Ministers",
        "Secretary",
        "Chancellor",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Mayor",
        "Governor",
        "Senator",
        "Ambassador",
        "General",
        "Colonel",
        "Major",
        "Captain",
        "Lieutenant",
        "Commander",
        "Admiral",
        "Chief",
        "Judge",
        "Justice",
        "Speaker",
        "Premier",
        "Sheikh",
        "Pope",
        "Bishop",
        "Archbishop",
        "Envoy",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
        "Deputy",
        "Foreign",
        "Defence",
        "Defense",
        "Finance",
        "Interior",
        "Health",
        "Trade",
        "Home",
        "Economy",
        "Education",
        "Agriculture",
        "Energy",
        "Transport",
        "Environment",
        "Labour",
        "Labor",
        "Commissioner",
        "Director",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Inspector",
        "Sergeant",
        "Superintendent",
        "Lord",
        "Lady",
        "Sir",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "Professor",
        "Rev",
        "Gen",
        "Col",
        "Lt",
        "Sgt",
        "Gov",
        "Sen",
        "Rep",
    ]
)
# Words that make a capitalised run an organisation.
ORGANISATION_WORDS = frozenset(
    [
        "Ministry",
        "Army",
        "Navy",
        "Air",
        "Force",
        "Forces",
        "Corps",
        "Council",
        "Assembly",
        "Parliament",
        "Congress",
        "Senate",
        "Party",
        "Agency",
        "Bank",
        "Union",
        "Committee",
        "Commission",
        "Court",
        "Police",
        "Company",
        "Corporation",
        "Corp",
        "Inc",
        "Ltd",
        "Group",
        "Front",
        "Organisation",
        "Organization",
        "Association",
        "Office",
        "University",
        "Institute",
        "Cross",
        "Crescent",
        "Nations",
        "Brigade",
        "Battalion",
        "Regiment",
        "Division",
        "Federation",
        "Foundation",
        "Service",
        "Services",
        "Department",
        "Government",
        "Cabinet",
        "Movement",
        "Alliance",
        "League",
        "Coalition",
        "Authority",
        "Board",
        "Fund",
        "Red",
        "Times",
        "Post",
        "News",
        "Press",
        "Network",
        "Club",
        "Church",
        "Hospital",
        "School",
        "Airlines",
        "Guard",
        "Guards",
        "Militia",
    ]
)
# Words after a name that make it a place ("Kharesh province"), or before "of" ("the town of").
PLACE_NOUNS = frozenset(
    [
        "province",
        "region",
        "district",
        "county",
        "state",
        "city",
        "town",
        "village",
        "capital",
        "port",
        "island",
        "valley",
        "border",
        "coast",
        "river",
        "camp",
        "base",
        "airport",
        "harbour",
        "harbor",
        "prefecture",
    ]
)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|into|across|through|towards?|from|around|inside|off|(?:town|city|"
    r"village|province|region|district|port|capital|island|state|outskirts|centre|center|"
    r"streets|north|south|east|west) of|(?:flew|travelled|traveled|went|"
    r"returned|sent|deployed|headed|moved|fled|sailed|drove|marched|bound) to)\s+(?:the\s+)?$"
)
_PERSON_AFTER = re.compile(
    r"^,?\s+(?:said|says|told|added|announced|stated|declared|wrote|argued|who|whose)\b"
)
_PERSON_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


@dataclass(frozen=True)
class NameMention:
    """A name in a sentence, with its kind ("" when the sentence alone cannot tell).

    `cued`: the sentence says the kind (a title, an organisation word, a place preposition);
    otherwise a run of two or more capitalised words is taken for a person's name.
    """

    name: str
    kind: str
    start: int  # offsets in the sentence text
    end: int
    cued: bool = True


def find_entities(sentence: str) -> tuple[NameMention, ...]:
    """The names in `sentence` with their kinds, in order; titles are not part of a name."""
    found: list[NameMention] = []
    at = 0
    for run in actors(sentence):
        start = sentence.find(run, at)
        if start < 0:
            continue
        at = start + len(run)
        mention = _sorted(sentence, run, start)
        if mention is not None and all(m.name != mention.name for m in found):
            found.append(mention)
    return tuple(found)


def _sorted(sentence: str, run: str, start: int) -> NameMention | None:
    words = run.split()
    titled = [i for i, w in enumerate(words) if w.rstrip(".") in TITLES]
    if any(w in ORGANISATION_WORDS for w in words) or _ACRONYM.match(run):
        return NameMention(run, ORGANISATION, start, start + len(run))
    if titled:
        rest = words[titled[-1] + 1 :]
        if not rest or titled[0] != 0:
            return None  # a role without a name, or a title inside a longer run
        name = " ".join(rest)
        offset = start + run.index(name, len(" ".join(words[: titled[-1] + 1])))
        return NameMention(name, PERSON, offset, offset + len(name))
    before, after = sentence[:start], sentence[start + len(run) :]
    following = after.split(None, 1)[0].strip(".,;:").lower() if after.strip() else ""
    if _PLACE_BEFORE.search(before) or following in PLACE_NOUNS:
        return NameMention(run, PLACE, start, start + len(run))
    if _PERSON_BEFORE.search(before) or (_PERSON_AFTER.match(after) and len(words) > 1):
        return NameMention(run, PERSON, start, start + len(run))
    guess = PERSON if len(words) > 1 and all(w[0].isupper() for w in words) else ""
    return NameMention(run, guess, start, start + len(run), cued=False)
