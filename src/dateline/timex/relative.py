"""Resolvers for dates relative to the article or the narrative: "yesterday", "last year",
"the next day", "a year earlier", bare weekdays."""

from __future__ import annotations

import re
from datetime import timedelta

from dateline.timex import arithmetic as cal
from dateline.timex.context import (
    Context,
    M,
    Resolution,
    last_quarter,
    norm,
    placeholder,
    weekday_date,
    weekday_number,
)
from dateline.timex.direction import direction
from dateline.timex.lexicon import (
    PARTS_OF_DAY,
    UNITS,
    WEEKDAYS,
)


def deictic(m: M, ctx: Context) -> Resolution:
    word = m["word"].lower()
    offset = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[word]
    if ctx.anchor is None:
        value = "PRESENT_REF" if offset == 0 else "XXXX-XX-XX"
        return Resolution("TIME" if word == "tonight" else "DATE", value, "day")
    day = (ctx.anchor + timedelta(days=offset)).isoformat()
    if word == "tonight":
        return Resolution("TIME", f"{day}TNI", "time")
    return Resolution("DATE", day, "day")


_REF_WORDS = {
    "PRESENT_REF": ("now", "currently", "presently", "nowadays", "these days", "at present",
                    "at the moment", "right now", "current", "the time being"),
    "FUTURE_REF": ("the future", "soon", "shortly", "the coming", "coming", "future"),
}  # fmt: skip


def ref(m: M, ctx: Context) -> Resolution | None:
    word = norm(m["word"])
    if word in ("once", "current", "recent", "future"):
        after = ctx.text[m.end() : m.end() + 15]
        if word == "once" or (word != "current" and re.match(r"\s+[a-z]", after)):
            return None  # "once more", "recent events", "future plans" describe, not date
        if word == "current" and re.match(
            r"\s+(?:account|affairs|events|assets|liabilities|flows?)\b", after
        ):
            return None
    for value, words in _REF_WORDS.items():
        if word in words or any(word.startswith(w + " ") for w in words):
            return Resolution("DATE", value)
    return Resolution("DATE", "PAST_REF")


_WAY = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}


def rel_unit(m: M, ctx: Context) -> Resolution | None:
    unit = m["unit"].lower()
    way = _WAY[m["dir"].lower()]
    if unit == "weekend":
        if ctx.anchor is None:
            return Resolution("DATE", "XXXX-WXX-WE", "week")
        return Resolution("DATE", cal.week_value(ctx.anchor + timedelta(weeks=way)) + "-WE", "week")
    if ctx.anchor is None:
        return Resolution("DATE", placeholder(unit), unit)
    value, gran = cal.shift(ctx.anchor, unit, way)
    if unit == "quarter":
        topic = cal.add_quarters(ctx.anchor.year, cal.quarter_of(ctx.anchor), way)
        ctx.talk_quarter(topic, m.end())
    return Resolution("DATE", value, gran)


def rel_weekday(m: M, ctx: Context) -> Resolution | None:
    wd = weekday_number(m["wd"])
    if ctx.anchor is None:
        return Resolution("DATE", f"XXXX-WXX-{wd}", "day")
    word = m["dir"].lower()
    way = -1 if word in ("last", "past") else 1 if word in ("next", "coming") else 0
    if way == 0:
        way = direction(ctx.text, m.start(), m.end())
    return Resolution("DATE", cal.weekday_near(ctx.anchor, wd, way).isoformat(), "day")


def anaphor(m: M, ctx: Context) -> Resolution | None:
    unit = m["unit"] if norm(m["unit"]) in WEEKDAYS else m["unit"].lower()
    word = norm(m["dir"])
    way = (
        1
        if word in ("the following", "the next")
        else -1
        if word in ("the previous", "the preceding", "the prior")
        else 0
    )
    base = ctx.base
    if norm(unit) in WEEKDAYS:
        if base is None:
            return Resolution("DATE", f"XXXX-WXX-{weekday_number(unit)}", "day")
        return Resolution(
            "DATE", cal.weekday_near(base, weekday_number(unit), way or -1).isoformat(), "day"
        )
    if unit in PARTS_OF_DAY:
        if way == 0:  # "that night" is the night of the day just told
            base = ctx.told
        if base is None:
            return Resolution("TIME", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", "time")
        return Resolution(
            "TIME", f"{(base + timedelta(days=way)).isoformat()}T{PARTS_OF_DAY[unit]}", "time"
        )
    if unit == "year" and ctx.ref_year is not None:
        return Resolution("DATE", str(ctx.ref_year + way), "year")
    if unit == "month" and ctx.ref_month is not None:
        return Resolution("DATE", cal.month_value(*cal.add_months(*ctx.ref_month, way)), "month")
    if base is None:
        return Resolution("DATE", placeholder(unit), unit)
    value, gran = cal.shift(base, unit, way)
    return Resolution("DATE", value + ("-WE" if unit == "weekend" else ""), gran)


def rel_period(m: M, ctx: Context) -> Resolution | None:
    unit = m["unit"].lower()
    word = norm(m["dir"])
    earlier = "earlier" in word or "ago" in word
    if unit == "quarter" or (unit == "period" and ctx.quarter):
        latest = word in ("the latest", "the past", "the recent")
        q = last_quarter(ctx) if latest else ctx.quarter or last_quarter(ctx)
        if q is None:
            return Resolution("DATE", "XXXX-QX", "quarter")
        year, quarter = ctx.talk_quarter(q, m.end()) if not earlier else q
        if earlier:
            year -= 1
        elif word in ("the previous", "the prior", "the last"):
            year, quarter = cal.add_quarters(year, quarter, -1)
        return Resolution("DATE", f"{year}-Q{quarter}", "quarter")
    if unit == "period" or (unit == "half" and not earlier):
        return None
    if word in ("the past", "the last", "the first"):
        letter = UNITS[unit][0]
        return Resolution("DURATION", f"P1{letter}", unit)
    base = ctx.anchor if word in ("this", "the current", "the") else ctx.base
    if base is None:
        return Resolution("DATE", placeholder(unit), unit)
    if word == "the" and unit in ("day", "week", "month"):
        return None
    if word == "the" and unit == "year":
        return Resolution("DURATION", "P1Y", "year")
    way = -1 if earlier or word in ("the previous", "the prior", "the last") else 0
    value, gran = cal.shift(base, unit, way)
    return Resolution("DATE", value, gran)


def weekend(m: M, ctx: Context) -> Resolution:
    if ctx.anchor is None:
        return Resolution("DATE", "XXXX-WXX-WE", "week")
    saturday = cal.weekday_near(ctx.anchor, 6, direction(ctx.text, m.start(), m.end()))
    if ctx.anchor.isoweekday() >= 6:
        saturday = ctx.anchor - timedelta(days=ctx.anchor.isoweekday() - 6)
    return Resolution("DATE", cal.week_value(saturday) + "-WE", "week")


def year_end(m: M, ctx: Context) -> Resolution:
    year = str(ctx.anchor.year) if ctx.anchor else "XXXX"
    return Resolution("DATE", year, "year", "END")


def year_earlier(m: M, ctx: Context) -> Resolution | None:
    near = ctx.near_quarter(m.start())
    if near:
        return Resolution("DATE", f"{near[0] - 1}-Q{near[1]}", "quarter")
    if ctx.anchor is None:
        return Resolution("DATE", "XXXX", "year")
    return Resolution("DATE", str(ctx.anchor.year - 1), "year")


def weekday(m: M, ctx: Context) -> Resolution | None:
    wd = weekday_number(m["wd"])
    if ctx.anchor is None:
        return Resolution("DATE", f"XXXX-WXX-{wd}", "day")
    return Resolution("DATE", weekday_date(wd, m, ctx).isoformat(), "day")
