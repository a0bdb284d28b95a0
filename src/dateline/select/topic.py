"""What the corpus is about: its most widespread content words, used to keep entries on topic.

A news collection gathered for one story names that story in most articles ("oil", "spill",
"BP"; "Syria", "Assad"), while off-topic asides (sports results, market reports) do not.
Requiring an entry sentence to contain one of these words is the keyword filter of the
published Datewise system, with the keywords found rather than given, so it works for any
collection. Tuned on all Timeline17 topics together (alignment ROUGE-1, Python ROUGE): 20
words +0.004; 10 and 40 both scored lower.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from dateline.cluster.stories import group_stories
from dateline.cluster.vectors import terms
from dateline.model import Article, each

TOPIC_WORDS = 20
# Document frequencies are counted on an evenly spread sample: the top words of a story
# are stable long before 2,000 articles, and a 100k corpus then costs what a 2k one does.
SAMPLE = 2000
# Only each article's head is read: the lead names the story, later paragraphs drift to
# asides (whole texts scored 0.008 alignment ROUGE-1 lower on Timeline17).
HEAD_CHARS = 2000
# A pile may hold more than one story (a reporter's folder, a web upload): each story that
# holds at least this share of the articles brings its own topic words, so its entries are
# not taken for asides of the larger one. Stories are found on an evenly spread sample of
# STORY_SAMPLE articles (grouping costs grow faster than linearly). Timeline17 (alignment
# ROUGE-1, tilse's Python ROUGE; halves split by story): bpoil/Egypt/Iraq 0.0979 either way,
# H1N1/Libya/Syria 0.0983 -> 0.1005; a share of 0.1 scored 0.0983 / 0.0971. On the bundled
# sample the quake story's own leads come back (true events on their date 24 -> 26 of 30).
STORY_SHARE = 0.2
STORY_SAMPLE = 500


def head_words(article: Article) -> frozenset[str]:
    """The content words of an article's head, each once: what document frequencies count."""
    return frozenset(terms(article.text[:HEAD_CHARS]))


def topic_words(articles: Sequence[Article], count: int | None = None) -> frozenset[str]:
    """The `count` (default `TOPIC_WORDS`) content words found in the most articles."""
    step = max(1, len(articles) // SAMPLE)
    frequencies: Counter[str] = Counter()
    for words in each(articles[::step], head_words):
        frequencies.update(words)
    # Ties are broken by the word itself: set order would make the list vary from run to run.
    ranked = sorted(frequencies.items(), key=lambda item: (-item[1], item[0]))
    return frozenset(word for word, _ in ranked[: count or TOPIC_WORDS])


def sizeable_stories(articles: Sequence[Article]) -> list[list[Article]]:
    """The stories holding at least `STORY_SHARE` of an evenly spread sample of the pile,
    each as its sampled articles, largest first."""
    sample = list(articles[:: max(1, len(articles) // STORY_SAMPLE)])
    least = max(2, STORY_SHARE * len(sample))
    by_id = {a.id: a for a in sample}
    return [
        [by_id[i] for i in story.article_ids]
        for story in group_stories(sample)
        if len(story.article_ids) >= least
    ]


def story_topic_words(
    articles: Sequence[Article], stories: Sequence[Sequence[Article]] | None = None
) -> frozenset[str]:
    """The topic words of every sizeable story in the pile (`stories` when already found),
    together."""
    stories = sizeable_stories(articles) if stories is None else stories
    if len(stories) < 2:
        return topic_words(articles)
    words: set[str] = set()
    for story in stories:
        words |= topic_words(story)
    return frozenset(words)
