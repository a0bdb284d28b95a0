"""Strip page chrome from article text: menus, share prompts, captions, bios, footers.

`clean_corpus` runs the corpus pre-pass (`repeated_lines`: each outlet's furniture lines)
and then `clean_article` on every document.
"""

from dateline.clean.cleaner import clean_article, clean_corpus
from dateline.clean.lines import normalise_line
from dateline.clean.repeated import boilerplate_key, repeated_lines

__all__ = [
    "boilerplate_key",
    "clean_article",
    "clean_corpus",
    "normalise_line",
    "repeated_lines",
]
