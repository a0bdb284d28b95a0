"""The tuned weights of date and entry selection, in one registry an evaluation can vary.

Figures fitted on the timelines they are reported on do not hold on new topics, so each
weight was checked leave-one-topic-out on Timeline17 (`dateline eval tls --variants`: choose
on or off on the other stories, score the left-out one; docs/benchmarks.md, issue 12, records
what each buys, measured beside the real news-tls by `bench/tls_peers.py`). Half weight for
an article's own day (chosen by two stories of six, −0.0024 held out) and for sentences that
only name a date went. Measured again after entries lost their opening stamps (branch tls):
`publication` is chosen by five stories of six but the sixth loses by it (−0.0005 held out,
+0.0023 on all together); `detail` (−0.0030, three of six) and `hand_pile` (−0.0015, one of
six) buy nothing held out and stay for what Timeline17 cannot show: without `detail` the
bundled sample keeps 26 of its 30 true events, without `hand_pile` an article the user added
or dated by hand leaves a small pile (tests/select/test_curate.py). `sole_opening` and
`off_topic_share` hold the hand-written piles. `OFF` holds the value that turns each off.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Weights:
    # Date salience (`salience.py`). (Each note's "buys" is the alignment ROUGE-1 the weight
    # adds leave-one-topic-out on Timeline17, tilse's Python ROUGE.)
    # Articles published on a day or the next (the day's reports), added to its salience.
    # Bought +0.0010 with half-weight own days, −0.0007 since.
    publication: float = 0.1
    # A day named 30 days or more after it, when the news has moved on, is one the story
    # keeps coming back to: such a mention counts this much. Buys +0.0046.
    late: float = 1.5
    # A day's salience is divided by this power of the articles published around it, so a
    # busy week does not fill the timeline by naming many days. Buys +0.0091.
    density: float = 0.5
    # Entries (`entries.py`): MMR novelty; overlap with a chosen entry up to the second
    # cosine is the story's shared vocabulary, not repetition. Buy +0.0033 and +0.0019.
    novelty: float = 0.5
    background_overlap: float = 0.2
    # Score factor 1 - length * |words - 30| / 30: sentences near 30 words read best.
    # Buys +0.0078.
    length: float = 0.3
    # A lead sentence that only continues its article's news (`Event.continues`). Buys
    # nothing held out now (+0.0013 before the own-day cut); the bundled sample keeps 30/30
    # true events with it, 25/30 without.
    detail: float = 0.5
    # A plan written before its date, against the day's report of what happened. Buys
    # +0.0005; the sample 30/30 with it, 28/30 without.
    foretold: float = 0.5
    # A lone article's opening sentence among its sentences for one date. Buys nothing on
    # Timeline17; the sample 30/30 with it, 29/30 without.
    sole_opening: float = 1.2
    # A date an article only mentions on the way (`events.background`) counts this much
    # toward its salience, and an event it dates this much against the story's own: nothing,
    # so no background year of the hand-written piles becomes an entry.
    background: float = 0.0
    # Articles less like their story's centre than this share of its typical article are
    # off topic (`focus.py`). Timeline17 pages below 0.5 are boards, quizzes, listings and
    # blogs; an on-topic report of the bundled sample sits at 0.48, so 0.4.
    off_topic_share: float = 0.4
    # A pile smaller than this was gathered by hand, each article on purpose (a reporter's
    # folder, the bundled 29-article sample and what a user uploads to it): all are kept.
    # Crawled collections, where stray pages come from, run to hundreds.
    hand_pile: float = 50


OFF: dict[str, float] = {
    "publication": 0.0,
    "late": 1.0,
    "density": 0.0,
    "novelty": 0.0,
    "background_overlap": 0.0,
    "length": 0.0,
    "detail": 1.0,
    "foretold": 1.0,
    "sole_opening": 1.0,
    "background": 1.0,
    "off_topic_share": 0.0,
    "hand_pile": 0.0,
}
# The weights that hold the hand-written piles: the bundled sample's true events on their
# days (`detail`, `foretold`, `sole_opening`), no background year as an entry
# (`background`), a stray page kept out and a small pile's every article kept in
# (`off_topic_share`, `hand_pile`). Their tests set them; Timeline17 cannot show what they
# are for, so leave-one-topic-out there chooses among the other weights only, and what these
# buy on it is measured and reported beside them (bench/tls_peers.py).
SET_ON_PILES = frozenset(
    {"detail", "foretold", "sole_opening", "background", "off_topic_share", "hand_pile"}
)
WEIGHTS = Weights()


def weights_from(overrides: dict[str, Any]) -> Weights:
    """The default weights with some replaced; a ValueError names an unknown or bad one."""
    known = {f.name for f in dataclasses.fields(Weights)}
    for name, value in overrides.items():
        if name not in known:
            raise ValueError(f"unknown weight {name!r} (known: {', '.join(sorted(known))})")
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise ValueError(f"weight {name!r} must be a number, not {value!r}")
    return dataclasses.replace(WEIGHTS, **{k: float(v) for k, v in overrides.items()})
