"""Topic words: what the pile is about, per story when it holds more than one."""

from __future__ import annotations

from dateline.model import Article
from dateline.select.topic import story_topic_words, topic_words

STRIKE = [
    "Dockers at the northern port walked out on {d}, halting container cranes over a pay dispute.",
    "The dockers' union said the port strike over pay would go on until the cranes are staffed.",
    "Ship owners diverted container vessels from the northern port as the dockers' strike held.",
    "Talks between the port authority and the dockers' union on pay broke down on {d}.",
    "Container queues at the northern port grew as striking dockers picketed the crane yards.",
    "The dockers' union and the port authority agreed a pay deal, ending the strike on {d}.",
]
FLOOD = [
    "Floodwater from the swollen Vessa river reached the valley villages, forcing evacuations.",
    "Rescue boats took villagers from flooded farms as the Vessa river rose again overnight.",
    "The Vessa river flood receded, leaving mud in valley villages and ruined harvests.",
    "Villagers returned to flooded farms along the Vessa river to clear mud from their homes.",
]


def _pile() -> list[Article]:
    texts = [t.format(d=day) for day in ("Monday", "Thursday") for t in STRIKE] + FLOOD
    return [Article.from_raw(f"a{i}.txt", t, text=t) for i, t in enumerate(texts)]


def test_one_word_list_keeps_to_the_larger_story() -> None:
    words = topic_words(_pile())
    assert "dockers" in words
    assert not {"villagers", "valley", "mud"} & words


def test_each_sizeable_story_brings_its_own_topic_words() -> None:
    words = story_topic_words(_pile())
    assert {"dockers", "port"} <= words
    assert {"villagers", "valley", "mud"} <= words
