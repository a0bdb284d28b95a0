"""Which language an article is in, so a run can say which articles its later stages can't read.

The time tagger and the event finder read English. Articles in other languages are still kept,
stored and searchable; knowing their language lets a run say how many it could not date or tag,
instead of leaving them silently undated. Two signals, both general: the script most letters
are written in, and, for Latin script, which language's most common function words fill the
text (they make up a third or more of running prose in each of these languages).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections import Counter

from dateline.english import COMMONEST_WORDS
from dateline.model import Article

# The languages the later stages (time expressions, events) handle.
TAGGED_LANGUAGES = frozenset({"en"})

UNDETERMINED = "und"

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": " ".join(sorted(COMMONEST_WORDS)),
        "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine "
        "als auch es an werden aus er hat dass sie nach wird bei einer um am sind",
        "fr": "le la les de des et en un une du est que qui dans pour pas au sur par ne se "
        "il plus ce avec sont aux ont elle été cette son sa",
        "es": "el la los las de del y en un una que por con para es se no al lo como más "
        "su sus pero fue ha han este esta entre",
        "pt": "o a os as de do da dos das e em um uma que para com não por se na no mais ao "
        "é foi como mas sua seu pelo pela",
        "it": "il lo la i gli le di del della e è in un una che per con non si da al alla "
        "dei delle sono come più anche ha",
        "nl": "de het een en van in is dat op te zijn voor met niet aan er ook als bij door "
        "om maar naar werd heeft wordt",
    }.items()
}
# At least this share of a text's words must be one language's function words before it is
# said to be in that language; English news prose runs at 0.35-0.45, a menu or a list far lower.
_MIN_SHARE = 0.15
_MIN_WORDS = 20
_WORD = re.compile(r"[^\W\d_]+")
# Letters sampled for the script vote: enough to decide, cheap on a long article.
_SAMPLE = 4000


# Unicode character names open with the script ("CJK UNIFIED IDEOGRAPH", "HIRAGANA LETTER").
_SCRIPT_ALIASES = {
    "LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "ARABIC": "Arab",
    "GREEK": "Grek",
    "HEBREW": "Hebr",
    "DEVANAGARI": "Deva",
    "CJK": "Hani",
    "HIRAGANA": "Jpan",
    "KATAKANA": "Jpan",
    "HANGUL": "Hang",
    "THAI": "Thai",
    "BENGALI": "Beng",
    "TAMIL": "Taml",
    "GEORGIAN": "Geor",
    "ARMENIAN": "Armn",
}


def script_of(text: str) -> str:
    """The writing system most of the text's letters belong to ("Latin", "Cyrillic", "Han"...)."""
    sample = text[:_SAMPLE]
    if sample.isascii():  # every ASCII letter is Latin: no per-letter lookup
        return "Latn" if any(char.isalpha() for char in sample) else ""
    votes: Counter[str] = Counter()
    # Each distinct letter looked up once, in order of first use, so ties go as before.
    for char, count in Counter(sample).items():
        if char.isalpha():
            votes[_script(char)] += count
    return votes.most_common(1)[0][0] if votes else ""


@functools.lru_cache(maxsize=4096)
def _script(char: str) -> str:
    first = unicodedata.name(char, "").split(" ")[0]
    return _SCRIPT_ALIASES.get(first, first)


def language_of(text: str) -> str:
    """A BCP 47 tag: "en", "de", ... for Latin-script prose; "und-Cyrl" and the like otherwise.

    "und" when there is too little prose to tell.
    """
    script = script_of(text)
    if script and script != "Latn":
        return f"{UNDETERMINED}-{script}"
    words = [word.casefold() for word in _WORD.findall(text[: _SAMPLE * 2])]
    if len(words) < _MIN_WORDS:
        return UNDETERMINED
    counts = Counter(words)
    shares = {
        lang: sum(n for word, n in counts.items() if word in common) / len(words)
        for lang, common in _FUNCTION_WORDS.items()
    }
    best = max(shares, key=lambda lang: shares[lang])
    return best if shares[best] >= _MIN_SHARE else UNDETERMINED


def tag_language(article: Article) -> Article:
    """The pipeline's language stage: `article` with the language of its clean text."""
    return dataclasses.replace(article, language=language_of(article.text))


def untagged(languages: list[str]) -> Counter[str]:
    """How many articles of each language the later stages can't read yet ("und" aside)."""
    return Counter(
        lang for lang in languages if lang not in TAGGED_LANGUAGES and lang != UNDETERMINED
    )
