"""Temporal tagger and normaliser: time expressions of news text as TIMEX3 values."""

from dateline.timex.tagger import tag, tag_article
from dateline.timex.value import TimexValue

__all__ = ["TimexValue", "tag", "tag_article"]
