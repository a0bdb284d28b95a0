"""Find the headline in page text and recognise its copies.

Pages print the headline more than once (the window title "Headline - Outlet", the <h1>, a
share box), so a headline seen twice near the top is the surest sign; failing that, the first
headline-shaped line above the body.
"""

from __future__ import annotations

import re

from dateline.clean.lines import normalise_line
from dateline.clean.score import Shape

# "Headline | Outlet", "Headline - Outlet", "Headline :: Outlet": the outlet part is short.
_OUTLET_SUFFIX = re.compile(r"\s+(?:[|–—-]|::)\s+[^|–—]{2,40}$")


def title_key(text: str) -> str:
    """Comparison form of a headline with any " | Outlet" suffix dropped."""
    return normalise_line(_OUTLET_SUFFIX.sub("", text))


def looks_like_headline(text: str, form: Shape) -> bool:
    """Headline shape: a few words, no closing full stop, not a fragment of a menu."""
    words = sum(1 for word in text.split() if sum(c.isalpha() for c in word) >= 2)
    return (
        words >= 3  # "DOW 12,381.26 +0.45%" is a ticker, not a headline
        and form.words <= 30
        and 15 <= len(text) <= 220
        and not text.rstrip("\"'”’").endswith(".")
        and not form.separators
        and text[:1].isupper() | text[:1].isdigit() | (text[:1] in "\"“‘'")
    )


def same_title(text: str, title: str) -> bool:
    """Whether a line is a copy of the headline (possibly with the outlet appended)."""
    key, line = title_key(title), normalise_line(text)
    return bool(key) and (line == key or title_key(text) == key or line == normalise_line(title))


def pick_title(candidates: list[str]) -> str:
    """The headline among headline-shaped lines above the body ("" when there is none)."""
    seen: dict[str, str] = {}
    for text in candidates:
        key = title_key(text)
        if key in seen:
            return min(seen[key], text, key=len)
        seen[key] = text
    return candidates[0] if candidates else ""
