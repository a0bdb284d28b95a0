"""Resolvers for durations ("two decades", "the past three months") and sets ("every Monday")."""

from __future__ import annotations

import re

from dateline.english import MONTHS
from dateline.timex import arithmetic as cal
from dateline.timex.context import (
    Context,
    M,
    Resolution,
    count_of,
    duration_value,
    month_number,
    norm,
    placeholder,
    unit_name,
    weekday_number,
)
from dateline.timex.grammar import APPROX_VALUES
from dateline.timex.lexicon import (
    PARTS_OF_DAY,
    SEASONS,
    SETS,
    UNITS,
    WEEKDAYS,
)


def duration(m: M, ctx: Context) -> Resolution | None:
    unit = unit_name(m["unit"])
    num_word = norm(m["num"])
    count = count_of(num_word)
    post = norm(m["post"] or "")
    approx = APPROX_VALUES.get(norm(m["approx"] or ""), "")
    if num_word in ("a", "an") and unit in ("second", "quarter") and not post:
        return None  # "a second" is an ordinal, "a quarter" a fraction, more often than not
    if post:
        return _shifted(m, ctx, unit, count, post, approx)
    if count is not None and (m["frac"] or m["half"] or num_word.startswith("half")):
        return Resolution("DURATION", _and_a_half(count, unit), UNITS[unit][1], approx)
    return Resolution("DURATION", duration_value(count, unit), UNITS[unit][1], approx)


# The half of a unit in the next smaller one: "2 1/2 years" is P2Y6M, "an hour and a half" PT1H30M.
_HALVES = {"year": ("Y", "6M"), "day": ("D", "T12H"), "hour": ("H", "30M"),
           "minute": ("M", "30S")}  # fmt: skip


def _and_a_half(count: int, unit: str) -> str:
    if unit not in _HALVES:  # ISO 8601 allows a decimal in the smallest component
        whole = duration_value(count, unit)
        return f"{whole[:-1]}.5{whole[-1]}"
    letter, half = _HALVES[unit]
    prefix = "PT" if unit in ("hour", "minute") else "P"
    return f"{prefix}{f'{count}{letter}' if count else ''}{half}"


def _shifted(m: M, ctx: Context, unit: str, count: int | None, post: str, mod: str) -> Resolution:
    sign = 1 if post in ("later", "from now", "hence") else -1
    base = ctx.anchor if post in ("ago", "from now", "hence", "back") else ctx.told
    if count is None:
        return Resolution("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    near = ctx.near_quarter(m.start())
    if unit == "year" and post in ("ago", "earlier") and near and count == 1:
        return Resolution("DATE", f"{near[0] - 1}-Q{near[1]}", "quarter", mod)
    if base is None:
        return Resolution("DATE", placeholder(unit), unit, mod)
    if unit in ("decade", "century"):
        count, unit = count * (10 if unit == "decade" else 100), "year"
    if unit in ("hour", "minute", "second"):  # "an hour later" is the same day, 48 hours two
        count, unit = (count // 24 if unit == "hour" else 0), "day"
    value, gran = cal.shift(base, unit, sign * count)
    return Resolution("DATE", value, gran, mod)


def the_duration(m: M, ctx: Context) -> Resolution | None:
    unit = unit_name(m["unit"])
    return Resolution("DURATION", duration_value(1, unit), UNITS[unit][1])


def bare_units(m: M, ctx: Context) -> Resolution | None:
    unit = unit_name(m["unit"])
    return Resolution("DURATION", duration_value(None, unit), UNITS[unit][1])


def set_every(m: M, ctx: Context) -> Resolution | None:
    word = m["unit"]
    count = count_of(m["num"]) if m["num"] else 1
    key = norm(word)
    if key.rstrip("s") in WEEKDAYS or key in WEEKDAYS:
        return Resolution("SET", f"XXXX-WXX-{weekday_number(word)}", "day")
    if key.rstrip("s") in MONTHS or key in MONTHS:
        return Resolution("SET", f"XXXX-{month_number(word.rstrip('s')):02d}", "month")
    if key.rstrip("s") in SEASONS:
        return Resolution("SET", f"XXXX-{SEASONS[key.rstrip('s')]}", "season")
    if key.rstrip("s") in PARTS_OF_DAY:
        return Resolution("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[key.rstrip('s')]}", "time")
    unit = unit_name(word)
    return Resolution("SET", duration_value(count, unit), UNITS[unit][1])


def set_word(m: M, ctx: Context) -> Resolution | None:
    if m["word"].lower() == "quarterly" and re.match(r"\s+[a-z]", ctx.text[m.end() :]):
        return None  # "quarterly dividend" names a kind of payment
    return Resolution("SET", SETS[m["word"].lower()])


def set_rate(m: M, ctx: Context) -> Resolution:
    unit = unit_name(m["unit"])
    return Resolution("SET", duration_value(1, unit), UNITS[unit][1])


def set_weekday(m: M, ctx: Context) -> Resolution:
    wd = weekday_number(m["wd"])
    part = f"T{PARTS_OF_DAY[m['part'].lower()]}" if m["part"] else ""
    return Resolution("SET", f"XXXX-WXX-{wd}{part}", "day")


def whole_period(m: M, ctx: Context) -> Resolution:
    unit = unit_name(m["unit"])
    return Resolution("DURATION", duration_value(1, unit), UNITS[unit][1])
