"""The chrome cleaner: page text in, body paragraphs (plus title, byline and date lines) out.

Each logical line gets a score from its own look (`score.py`) and its surroundings: where it
sits relative to the body (the prose stretch under the headline, `segment.py`; every line
outside it goes), whether it is part of a run of short lines (a menu or headline list),
whether it follows a "Related stories"-type heading, whether the article introduced it as a
list item (`lists.py`), whether it sums up another story in a grid of teasers (`teasers.py`),
and whether the outlet prints it on many pages. The headline is picked in `title.py`. Lines
are removed, never edited, so every kept sentence is exactly as the page had it.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from dateline.clean.headerlines import (
    byline_author,
    copyright_owner,
    is_dated_header,
    is_header_line,
    is_name_only,
    is_page_url,
    is_publication_stamp,
)
from dateline.clean.lines import Unit, normalise_line, split_units
from dateline.clean.lists import article_lists, record_rows
from dateline.clean.patterns import LIST_HEADING, WHOLE_LINE
from dateline.clean.score import (
    DECISIVE,
    LONG_WORDS,
    REMOVE_AT,
    Shape,
    arrows,
    body_evidence,
    keyword_evidence,
    shape,
    shape_evidence,
)
from dateline.clean.segment import (
    before_stamps,
    headed_span,
    is_prose,
    lead_lines,
    line_values,
    tail_end,
)
from dateline.clean.teasers import teaser_summaries
from dateline.clean.title import PageLines, pick_headline, same_title, window_headlines
from dateline.model import Article
from dateline.settings import CleanSettings

# A body anchor is a sentence this long with no chrome vocabulary: the body lies between the
# first and the last one.
ANCHOR_WORDS = 12
# Menus and headline lists: at least this many short, unpunctuated lines in a row.
RUN_LENGTH = 3
RUN_MAX_WORDS = 12

# Place in the page (`segment.body_span`), on the same scale. Inside the body a plain line
# (no furniture words, not repeated, not a lone caption) gets 1.5 (0.5 left list items out:
# body kept 0.899 against 0.918 on the real pages; 3 let captions in), any other line 0.5.
# A caption is told from a subhead by the furniture beside it: without that, subheads went
# as captions (body kept 0.933 against 0.943; keys 0-7 F1 0.926 -> 0.932, 8-f 0.913 -> 0.914).
# A sentence among the few lines above the body (a standfirst) gets the old +0.5; any other
# line outside the body goes, whatever it looks like: on the real pages those are teasers,
# comments and footers (removing them took chrome kept from 0.20 to 0.10).
INSIDE_PLAIN = 1.5
INSIDE = 0.5
# A short line set apart by blank lines between two paragraphs is a subhead ("UP NEXT"): 1
# more (real copied pages F1 0.933 -> 0.935, body kept 0.971 -> 0.972; keys 0-7, chosen on:
# 0.941 -> 0.942; 8-f: 0.926 -> 0.929; 0.5 did less, 2 and 3 the same or a little worse).
SUBHEAD = 1.0
# An item of a list the article introduces ("Tour dates:") is kept (1.5 instead of 5 left
# short items out: body kept 0.927 against 0.930). 6 rather than 5 keeps the items of a list
# of records that sit in a run of short lines as well (`lists.record_rows`; real copied
# pages sorted by name, even pages chosen on / odd: body kept 0.9823 -> 0.9865 / 0.9868
# unchanged, F1 0.9395 -> 0.9411 / 0.9523 unchanged, chrome kept unchanged on both; 6.5 and
# 8 alike).
LISTED = 6.0
STANDFIRST_REACH = 6
STANDFIRST = 0.5
OUTSIDE = 10.0  # more than any body evidence
# A lone unpunctuated line this long between sentences is a caption, not a subhead.
CAPTION_WORDS = 8
# A short unpunctuated line between two chrome lines belongs to the same furniture.
SANDWICH_WORDS = 15

# Context weights, on the scale of `score.py` (remove at 2.0): set by hand on the first six
# annotated outlets, then checked on the four written afterwards.
BOILERPLATE_WEIGHT = 3.0
BOILERPLATE_SENTENCE_WEIGHT = 1.5
RUN_WEIGHT = 1.5
LIST_WEIGHT = 3.0
REPEAT_WEIGHT = 5.0  # a word-for-word repeat loses nothing when removed
# A pull quote repeats 6-25 words of a longer paragraph word for word.
PULL_QUOTE_MIN_WORDS = 6
PULL_QUOTE_WORDS = 25
PULL_QUOTE_MAX_LINES = 400


@dataclass(frozen=True)
class _Line:
    unit: Unit
    key: str  # `normalise_line(unit.text)`, computed once: three passes look lines up by it
    form: Shape
    keywords: float
    repeated: bool
    header: bool


def _lines(units: list[Unit], boilerplate: frozenset[str]) -> list[_Line]:
    lines = []
    for unit in units:
        form = shape(unit.text)
        key = normalise_line(unit.text)
        if form.words > LONG_WORDS:
            lines.append(_Line(unit, key, form, keywords=0.0, repeated=False, header=False))
            continue
        lines.append(
            _Line(
                unit=unit,
                key=key,
                form=form,
                keywords=keyword_evidence(unit.text, form),
                repeated=key in boilerplate,
                header=WHOLE_LINE.fullmatch(key) is None and is_header_line(unit.text),
            )
        )
    return lines


def _bare_bylines(lines: list[_Line]) -> list[_Line]:
    """A lone "Jane Doe" line next to a date line is the byline of a page that omits "By"."""
    marked = list(lines)
    for i, line in enumerate(lines):
        near = lines[max(i - 1, 0) : i + 2]
        if not line.header and is_name_only(line.unit.text) and any(n.header for n in near):
            marked[i] = dataclasses.replace(line, header=True)
    return marked


def _is_anchor(line: _Line) -> bool:
    return (
        not line.header
        and not line.repeated
        and line.keywords == 0
        and line.form.sentence
        and line.form.words >= ANCHOR_WORDS
    )


def _alone(lines: list[_Line]) -> list[bool]:
    """Lines set apart by blank lines on both sides: block elements (a paragraph, a subhead,
    a recipe's step) in copied text, which prints a menu's items on consecutive lines."""
    blocks = Counter(line.unit.block for line in lines)
    return [blocks[line.unit.block] == 1 for line in lines]


def _runs(lines: list[_Line]) -> set[int]:
    """Indexes of lines inside runs of short unpunctuated lines (menus, headline lists).

    Lines each alone in its block are subheads and steps, not a menu's items.
    """
    members: set[int] = set()
    run: list[int] = []
    alone = _alone(lines)
    for i, line in enumerate([*lines, None]):
        short = line is not None and not line.form.terminal and line.form.words <= RUN_MAX_WORDS
        if short and not alone[i]:
            run.append(i)
            continue
        if len(run) >= RUN_LENGTH:
            members.update(run)
        run = []
    return members


def _list_items(lines: list[_Line], same_block: bool = False) -> set[int]:
    """Lines under a "Related stories" / "Story highlights" heading, up to the next sentence.

    With `same_block`, only lines in the heading's own run of non-blank lines count.
    """
    items: set[int] = set()
    heading: int | None = None
    for i, line in enumerate(lines):
        if LIST_HEADING.fullmatch(line.key):
            heading = line.unit.block
        elif heading is not None and (not line.form.sentence or _teaser_question(line)):
            if same_block and line.unit.block != heading:
                heading = None
            else:
                items.add(i)
        else:
            heading = None
    return items


def _lone_caption(lines: list[_Line], i: int) -> bool:
    """A long unpunctuated line alone beside furniture (an ad slot, a credit, share buttons)
    and otherwise sentences: a photo caption. Between two paragraphs such a line is a
    subhead, and list items come in runs."""
    form = lines[i].form
    if form.terminal or form.words < CAPTION_WORDS or not 0 < i < len(lines) - 1:
        return False
    around = (lines[i - 1], lines[i + 1])
    return all(n.form.terminal or n.keywords > 0 for n in around) and any(
        n.keywords > 0 for n in around
    )


def _teaser_question(line: _Line) -> bool:
    return line.unit.text.endswith("?") and line.form.words <= RUN_MAX_WORDS


def _copies(lines: list[_Line]) -> set[int]:
    """Long lines holding two or more of the page's other lines word for word: a description
    field or a script printing the story again, never the story itself."""
    if len(lines) > PULL_QUOTE_MAX_LINES:  # a dump, not a page: skip the quadratic search
        return set()
    quotable = [line.unit.text for line in lines if line.form.words >= PULL_QUOTE_MIN_WORDS]
    return {
        i
        for i, line in enumerate(lines)
        if line.form.words > LONG_WORDS
        and sum(text in line.unit.text for text in quotable if text != line.unit.text) >= 2
    }


def _repeats(lines: list[_Line], copies: set[int]) -> set[int]:
    """Short lines repeated word for word inside a longer paragraph: pull quotes, teasers."""
    if len(lines) > PULL_QUOTE_MAX_LINES:  # a dump, not a page: skip the quadratic search
        return set()
    texts = [line.unit.text for line in lines]
    whole = "\n".join(text for i, text in enumerate(texts) if i not in copies)
    exact = Counter(texts)
    found = set()
    for i, line in enumerate(lines):
        if not PULL_QUOTE_MIN_WORDS <= line.form.words <= PULL_QUOTE_WORDS:
            continue
        inner = line.unit.text.strip("\"“”'‘’ ")
        # Seen again, and not as an identical line (a duplicated paragraph stays).
        if len(inner.split()) >= PULL_QUOTE_MIN_WORDS and whole.count(inner) > exact[texts[i]]:
            found.add(i)
    return found


def _scores(
    lines: list[_Line], span: tuple[int, int], listed: set[int], copies: set[int]
) -> list[float]:
    first, last = span
    runs, items, repeats = _runs(lines), _list_items(lines), _repeats(lines, copies)
    scores = []
    for i, line in enumerate(lines):
        score = line.keywords + shape_evidence(line.form) - body_evidence(line.unit.text, line.form)
        if line.repeated:
            # A sentence can recur in one outlet's stories ("The company declined to
            # comment."): repetition alone does not remove it.
            score += BOILERPLATE_SENTENCE_WEIGHT if line.form.sentence else BOILERPLATE_WEIGHT
        score += RUN_WEIGHT if i in runs else 0.0
        score += LIST_WEIGHT if i in items else 0.0
        score += REPEAT_WEIGHT if i in repeats else 0.0
        if not line.form.sentence:
            score += 1.0 if arrows(line.unit.text) else 0.0
        if i in listed and first <= i <= last:
            scores.append(score - LISTED)
        else:
            scores.append(score + _place(lines, i, span, i in items))
    return scores


def _subhead(lines: list[_Line], i: int) -> bool:
    """A short unpunctuated line set apart by blank lines between two paragraphs."""
    if not 0 < i < len(lines) - 1 or lines[i].form.terminal:
        return False
    alone = all(lines[j].unit.block != lines[i].unit.block for j in (i - 1, i + 1))
    return alone and all(is_prose(lines[j].unit.text) for j in (i - 1, i + 1))


def _place(lines: list[_Line], i: int, span: tuple[int, int], listed: bool) -> float:
    line, (first, last) = lines[i], span
    if first <= i <= last:
        plain = line.keywords == 0 and not line.repeated and not listed
        if plain and _subhead(lines, i):
            return -INSIDE_PLAIN - SUBHEAD
        return -INSIDE_PLAIN if plain and not _lone_caption(lines, i) else -INSIDE
    if first - STANDFIRST_REACH <= i < first and line.form.sentence:
        return STANDFIRST
    return OUTSIDE


def _chrome(
    lines: list[_Line], scores: list[float], span: tuple[int, int], copies: set[int]
) -> list[bool]:
    # Inside the body a paragraph longer than any notice or caption holds body text, whatever
    # else it holds (dumps that store a whole article, chrome included, on one line); outside
    # it, such a line is page metadata (a description, a copy of the whole story).
    chrome = [
        i in copies
        or (score >= REMOVE_AT and (line.form.words <= LONG_WORDS or not span[0] <= i <= span[1]))
        for i, (line, score) in enumerate(zip(lines, scores, strict=True))
    ]
    for i in range(1, len(lines) - 1):
        form = lines[i].form
        if chrome[i - 1] and chrome[i + 1] and not form.terminal and form.words <= SANDWICH_WORDS:
            chrome[i] = True
    return chrome


def clean_article(
    article: Article, settings: CleanSettings, boilerplate: frozenset[str] = frozenset()
) -> Article:
    """A copy of `article` with `text` = its body paragraphs; title/author/header/outlet filled.

    A body the reader took out of markup keeps every line: on real pages (`dateline eval body`)
    any line rule run after trafilatura cost more body than the chrome it removed.
    """
    if article.extracted:
        kept = "\n\n".join(unit.text for unit in split_units(article.raw_text))
        return dataclasses.replace(article, text=kept)
    lines = _bare_bylines(_lines(split_units(article.raw_text), boilerplate))
    texts = [line.unit.text for line in lines]
    anchors = [i for i, line in enumerate(lines) if _is_anchor(line)]
    found = _body(lines, texts)
    first, span = found.first, (min(found.lead, default=found.first), found.end)
    copies = _copies(lines)
    scores = _scores(lines, span, found.listed | found.lead, copies)
    chrome = _chrome(lines, scores, span, copies)
    dated = _dated_chrome(lines, chrome, first if anchors else 0)
    lines = [dataclasses.replace(line, header=True) if i in dated else line
             for i, line in enumerate(lines)]  # fmt: skip
    anchor = anchors[0] if anchors else None
    title = article.title or pick_headline(_page_lines(lines), first, anchor)
    header: list[str] = list(article.header)
    body: list[str] = []
    for i, line in enumerate(lines):
        text = line.unit.text
        if title and i not in anchors and same_title(text, title):
            continue
        if line.header:
            if text not in header:
                header.append(text)
        elif not chrome[i]:
            body.append(text)
    return dataclasses.replace(
        article,
        text="\n\n".join(body),
        title=title,
        author=article.author or _author(header),
        outlet=article.outlet or _outlet(lines, chrome),
        header=tuple(header),
    )


class _Body(NamedTuple):
    """Where the article lies among the page's lines."""

    first: int  # its first paragraph: the headline is above it
    end: int  # its last line: past its last paragraph, up to where the page's chrome starts
    listed: set[int]  # items of the lists its paragraphs introduce
    lead: set[int]  # the lines leading into its first paragraph: the body starts at these


def _body(lines: list[_Line], texts: list[str]) -> _Body:
    """Where the article's body lies: the prose stretch under the headline and its edges."""
    furniture = [line.keywords >= DECISIVE or (line.repeated and not line.form.sentence)
                 for line in lines]  # fmt: skip
    units, prose = [line.unit for line in lines], list(map(is_prose, texts))
    dated = [line.header or is_dated_header(line.unit.text) for line in lines]
    teasers = teaser_summaries([line.form for line in lines], [line.key for line in lines])
    listed = article_lists(units, prose, furniture)
    stops = [d or i in teasers for i, d in enumerate(dated)]  # stamps and teaser tiles
    listed |= record_rows(units, [line.key for line in lines], prose, furniture, stops)
    values = line_values(texts, furniture, dated, listed, _alone(lines), teasers)
    seen = Counter(texts)
    echoes = frozenset(i for i, text in enumerate(texts) if seen[text] > 1)
    top, span = headed_span(values, window_headlines(texts, reworded=False), echoes)
    if span is None:  # no paragraph at all: a list, a table, a calendar; judge lines alone
        return _Body(0, len(lines) - 1, listed, set())
    stamps = [date and i not in listed for i, date in enumerate(dated)]  # not "Tour dates:"
    first, last = _sentences_beside(lines, before_stamps(values, stamps, span), top)
    wordless = [not any(c.isalpha() for c in text) for text in texts]  # a share price
    stops = [f or d or w for f, d, w in zip(furniture, dated, wordless, strict=True)]
    # Lines leading into the first paragraph only under a headline the page's title names:
    # without it the lines above are the headline and the masthead's labels ("Weekend",
    # "Weather: cloudy").
    lead = lead_lines(stops, first, top) if top else []
    ends = [_chrome_starts(line) or i in teasers for i, line in enumerate(lines)]
    return _Body(first, tail_end(ends, teasers, last), listed, set(lead))


def _chrome_starts(line: _Line) -> bool:
    """A line past the article's last paragraph where the page's chrome starts: chrome
    words, a publication stamp or a printed-from address."""
    text = line.unit.text
    return line.keywords > 0 or is_page_url(text) or is_publication_stamp(text)


def _page_lines(lines: list[_Line]) -> PageLines:
    return PageLines(
        texts=[line.unit.text for line in lines],
        forms=[line.form for line in lines],
        header=[line.header for line in lines],
        furniture=[line.keywords > 0 for line in lines],
        repeated=[line.repeated for line in lines],
        listed=_list_items(lines, same_block=True),  # "Trending" items are not the headline
    )


def _sentences_beside(lines: list[_Line], span: tuple[int, int], top: int) -> tuple[int, int]:
    """The span widened over the short sentences right beside it ("It has 28 days to appeal.")."""
    first, last = span
    while first - 1 >= top and _plain_sentence(lines[first - 1]):
        first -= 1
    while last + 1 < len(lines) and _plain_sentence(lines[last + 1]):
        last += 1
    return first, last


def _plain_sentence(line: _Line) -> bool:
    # A repeated sentence may be the outlet's ("The company declined to comment."): it stays.
    return line.form.sentence and not line.header and line.keywords < DECISIVE


def _dated_chrome(lines: list[_Line], chrome: list[bool], first: int) -> set[int]:
    """Chrome lines that still date the page, kept as header evidence for the date stage.

    Above the body a short line printing a date beside the outlet or the byline
    ("guardian.co.uk, Friday 7 January 2011 19.02 GMT") is the page's own date; anywhere, a
    "Published: <date>" stamp or a "Printed from: <url>" line is the page's own. Captions,
    copyright lines, story lists and lines the outlet repeats on every page are not.
    """
    items = _list_items(lines)
    found = set()
    for i, (line, gone) in enumerate(zip(lines, chrome, strict=True)):
        if not gone or line.header or line.repeated:
            continue
        text = line.unit.text
        top = i < first and i not in items and is_dated_header(text)
        if top or is_page_url(text) or is_publication_stamp(text):
            found.add(i)
    return found


def _author(header: list[str]) -> str:
    return next((name for name in map(byline_author, header) if name), "")


def _outlet(lines: list[_Line], chrome: list[bool]) -> str:
    owners = (
        copyright_owner(line.unit.text) for line, gone in zip(lines, chrome, strict=True) if gone
    )
    return next((owner for owner in owners if owner), "")
