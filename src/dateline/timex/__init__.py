"""Temporal tagger and normaliser: time expressions of news text as TIMEX3 values."""

from dateline.timex.tagger import tag, tag_article

__all__ = ["tag", "tag_article"]
