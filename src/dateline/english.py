"""English words every stage reads the same way: months, weekdays and function words.

The reader's dates, the cleaner's date lines, the time grammar, the sentence splitter and the
word vectors all know these; listed once here, a spelling or abbreviation added for one is
known to all. Names are lower case; each stage builds the forms it matches from them.
"""

from __future__ import annotations

# Month n is MONTH_NAMES[n - 1].
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
# Abbreviations news text writes ("Feb. 3", "Sept 11"); May has none. A longer form comes
# before its prefix, so an alternation of them tries it first.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Every English way to write a month, with its number.
MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTH_NAMES, 1)}, **MONTH_ABBREVIATIONS}

# ISO weekday n is WEEKDAY_NAMES[n - 1].
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "Sat" and "sun" are also ordinary words: the time grammar reads those two only spelled out.
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 1, "tues": 2, "tue": 2, "wed": 3, "thurs": 4, "thur": 4, "thu": 4, "fri": 5,
    "sat": 6, "sun": 7,
}  # fmt: skip
ORDINARY_WORD_ABBREVIATIONS = frozenset({"sat", "sun"})

# The commonest English function words: a third or more of running English prose.
COMMONEST_WORDS = frozenset([
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "was", "on", "with", "as",
    "he", "by", "at", "from", "his", "an", "were", "are", "which", "this", "be", "has", "have",
    "had", "not", "but", "they", "their", "its", "been", "who", "will", "said",
])

# Words that say nothing of what a text is about: function words, reporting verbs, common
# time words and weekday names, titles. Word vectors leave them out.
STOPWORDS = frozenset([
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
    "any", "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below",
    "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
    "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
    "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
    "is", "it", "its", "itself", "just", "let", "me", "more", "most", "my", "myself", "no",
    "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out",
    "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the",
    "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
    "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
    "your", "yours", "said", "says", "say", "told", "tell", "according", "year", "years",
    "month", "months", "week", "weeks", "day", "days", "today", "yesterday", "tomorrow",
    "time", "new", "one", "two", "three", "people", "since", "last", "next", "first", "many",
    "much", "may", "might", "must", "also", "just", "still", "even", "well", "back", "made",
    "make", "like", "get", "got", "going", "go", "went", "s", "t", "n't", "'s", "mr", "mrs",
    "ms",
    *WEEKDAY_NAMES,
])


def capitalised(words: tuple[str, ...] | list[str]) -> list[str]:
    """"january" -> "January", in the order given."""
    return [word.capitalize() for word in words]
