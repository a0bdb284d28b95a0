"""Sentences and the dated events they report."""

from dateline.events.extract import extract_events
from dateline.events.sentences import split_sentences

__all__ = ["extract_events", "split_sentences"]
