"""Resolvers for times of day: "10:30 a.m.", "this morning", "midnight Friday"."""

from __future__ import annotations

import re

from dateline.timex import arithmetic as cal
from dateline.timex.context import (
    Context,
    M,
    Resolution,
    day_number,
    day_of,
    month_number,
    norm,
    tense_year,
)
from dateline.timex.lexicon import (
    PARTS_OF_DAY,
    WEEKDAYS,
)


def part_of_day(m: M, ctx: Context) -> Resolution | None:
    if m["word"]:
        word = m["word"].lower()
        code = {"overnight": "NI", "midday": "12:00", "noon": "12:00", "midnight": "24:00"}[word]
        return Resolution("TIME", f"{day_of(m['post2'], m, ctx)}T{code}", "time")
    pre = norm(m["pre"] or "")
    if not pre and not m["post"] and not m["mod"]:
        return None
    if pre in ("the", "that") and not m["post"]:
        return None
    day_word = m["post"] or (
        m["pre"] if pre not in ("this", "the", "that", "early", "late") else None
    )
    code = PARTS_OF_DAY[m["part"].lower()]
    if norm(day_word or "") in WEEKDAYS:  # TimeBank: "Friday night" is that Friday
        return Resolution("DATE", day_of(day_word, m, ctx), "day")
    return Resolution("TIME", f"{day_of(day_word, m, ctx)}T{code}", "time")


def clock(m: M, ctx: Context) -> Resolution | None:
    hour = int(m["h"])
    minute = int(m["m"] or 0)
    ap = m["ap"].lower().replace(".", "")
    if ap.startswith("o"):
        if hour > 12:
            return None
    elif hour > 12 or hour == 0:
        return None
    elif ap.startswith("p") and hour != 12:
        hour += 12
    elif ap.startswith("a") and hour == 12:
        hour = 0
    if m["month"]:
        if ctx.anchor is None:
            return Resolution("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "time")
        month, day = month_number(m["month"]), day_number(m["day"])
        d = cal.safe_date(tense_year(ctx, m, month, day), month, day)
        return Resolution("TIME", f"{d}T{hour:02d}:{minute:02d}", "time") if d else None
    return Resolution("TIME", f"{day_of(m['post'], m, ctx)}T{hour:02d}:{minute:02d}", "time")


def clock24(m: M, ctx: Context) -> Resolution | None:
    after = ctx.text[m.end() : m.end() + 12]
    if re.match(r"\s*(?:-|to)\s*\d", after) and not m["tz"]:
        return None  # a score or a ratio
    return Resolution("TIME", f"{day_of(None, m, ctx)}T{m['h']}:{m['m']}", "time")
