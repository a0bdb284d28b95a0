"""Strip page chrome from article text: menus, share prompts, captions, bios, footers.

The pipeline runs the corpus pre-pass (`repeated_lines`: each outlet's furniture lines) and
then `clean_article` on every document, given its outlet's lines (`boilerplate_key`).
"""

from dateline.clean.cleaner import clean_article
from dateline.clean.lines import normalise_line
from dateline.clean.repeated import boilerplate_key, repeated_lines

__all__ = [
    "boilerplate_key",
    "clean_article",
    "normalise_line",
    "repeated_lines",
]
