"""Resolvers for calendar dates and named periods: "Feb. 26", "fiscal 1998", "the 1990s"."""

from __future__ import annotations

import re
from datetime import timedelta

from dateline.timex import arithmetic as cal
from dateline.timex.context import (
    PERIOD_MOD,
    PERIOD_WORDS,
    Context,
    M,
    Resolution,
    day_number,
    month_number,
    norm,
    tense_year,
    year_number,
)
from dateline.timex.direction import direction
from dateline.timex.lexicon import (
    NAMED_PERIODS,
    SEASONS,
)


def iso(m: M, ctx: Context) -> Resolution | None:
    d = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["H"]:
        return Resolution("TIME", f"{d.isoformat()}T{m['H']}:{m['M']}", "time")
    return Resolution("DATE", d.isoformat(), "day")


def slash(m: M, ctx: Context) -> Resolution | None:
    a, b = int(m["a"]), int(m["b"])
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first cannot be a month
    d = cal.safe_date(year_number(m["y"], ctx.anchor), month, day)
    return Resolution("DATE", d.isoformat(), "day") if d else None


def _day_month(m: M, ctx: Context) -> Resolution | None:
    month, day = month_number(m["month"]), day_number(m["day"])
    if m["year"]:
        d = cal.safe_date(int(m["year"]), month, day)
    elif ctx.anchor is None:
        return Resolution("DATE", f"XXXX-{month:02d}-{day:02d}", "day") if day <= 31 else None
    elif m["rel"]:  # "14 December next year": the year the phrase names, whatever the tense
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
        d = cal.safe_date(year, month, day)
    else:
        d = cal.safe_date(tense_year(ctx, m, month, day), month, day)
    if d is None:
        return None
    if m["weekof"]:  # "the week of March 6" is that week
        return Resolution("DATE", cal.week_value(d), "week")
    return Resolution("DATE", d.isoformat(), "day")


mdy = dmy = _day_month


def month_year(m: M, ctx: Context) -> Resolution | None:
    return Resolution(
        "DATE",
        cal.month_value(year_number(m["year"], ctx.anchor), month_number(m["month"])),
        "month",
    )


_PREPOSITION = re.compile(r"\b(?:in|since|until|by|during|early|late|mid|last|next|this)\s+$", re.I)


def month(m: M, ctx: Context) -> Resolution | None:
    word = m["month"]
    before = ctx.text[max(0, m.start() - 20) : m.start()]
    after = ctx.text[m.end() : m.end() + 20]
    ambiguous = norm(word) in ("may", "march", "mar", "jan", "dec", "sep", "jun")
    if ambiguous and not PERIOD_WORDS.search(before):
        return None
    if re.match(r"\s+[A-Z][a-z]", after) and not _PREPOSITION.search(before):
        return None  # a name: "April Ryan", "and Jan Kavan"
    abbreviated = len(word) <= 4 and word.isalpha() and word.lower() not in ("may", "june", "july")
    if abbreviated and not PERIOD_WORDS.search(before):
        return None  # an abbreviation with no day or period after it: "Jan Kavan"
    month = month_number(word)
    if ctx.anchor is None:
        return Resolution("DATE", f"XXXX-{month:02d}", "month")
    return Resolution("DATE", cal.month_value(tense_year(ctx, m, month), month), "month")


def rel_month(m: M, ctx: Context) -> Resolution | None:
    month = month_number(m["month"])
    word = m["dir"].lower()
    mod = PERIOD_MOD.get(word, "")
    if ctx.anchor is None:
        return Resolution("DATE", f"XXXX-{month:02d}", "month", mod)
    way = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(word, 0)
    if word == "this":
        year = ctx.anchor.year
    else:
        year = cal.month_year(ctx.anchor, month, way) if way else tense_year(ctx, m, month)
    return Resolution("DATE", cal.month_value(year, month), "month", mod)


def month_rel(m: M, ctx: Context) -> Resolution | None:
    """The month in the year the phrase names: "July last year"."""
    month = month_number(m["month"])
    if ctx.anchor is None:
        return Resolution("DATE", f"XXXX-{month:02d}", "month")
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(m["dir"].lower(), 0)
    return Resolution("DATE", cal.month_value(year, month), "month")


def year(m: M, ctx: Context) -> Resolution | None:
    after = ctx.text[m.end() : m.end() + 24]
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    # Counts and amounts: "1,500 troops", "$2000", "No. 1990", "2000 people", "1998 votes".
    if PERIOD_WORDS.search(before):
        return Resolution("DATE", m["year"], "year")
    if re.match(r"\s*(?:[a-z]+s\b|percent|per\b|to\s+\d|times|-\d{3})", after) and not re.match(
        r"\s*(?:levels?|figures?|results?|sales|earnings|elections?|budgets?|games|olympics)\b",
        after,
    ):
        return None
    if re.search(r"(?:No\.|number|\bat|\bRoom|\bRoute|\bFlight|\bpage)\s*$", before, re.I):
        return None
    return Resolution("DATE", m["year"], "year")


def year_tail(m: M, ctx: Context) -> Resolution | None:
    head = ctx.text[m.start() - 5 : m.start() - 1]
    full = int(head[:2] + m["yy"])
    if full <= int(head):
        return None
    return Resolution("DATE", str(full), "year")


def fiscal(m: M, ctx: Context) -> Resolution | None:
    return Resolution("DATE", str(year_number(m["year"], ctx.anchor)), "year")


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip


def decade(m: M, ctx: Context) -> Resolution | None:
    """TimeML writes a decade as its first three digits ("199") and a century as two ("19")."""
    if m["full"]:
        value = m["full"]
    elif m["short"]:
        if not (m["the"] or m["apos"]):
            return None  # "in their 30s" is an age
        recent = 200 + int(m["short"])
        value = str(
            recent if not ctx.anchor or recent * 10 <= ctx.anchor.year else 190 + int(m["short"])
        )
    else:
        value = f"19{_DECADE_WORDS[m['word'].lower()]}"
    return Resolution("DATE", value, "decade", PERIOD_MOD.get((m["mod"] or "").lower(), ""))


def century(m: M, ctx: Context) -> Resolution:
    n = day_number(m["n"])
    return Resolution(
        "DATE", f"{n - 1:02d}", "century", PERIOD_MOD.get((m["mod"] or "").lower(), "")
    )


def spoken_year(m: M, ctx: Context) -> Resolution | None:
    counted = re.match(r"\s+(?:[a-z]+s|people)\b", ctx.text[m.end() : m.end() + 20])
    if norm(m.group()) == "two thousand" and counted:
        return None  # "two thousand people" is a count
    return Resolution("DATE", str(year_number(m["year"], ctx.anchor)), "year")


def quarter(m: M, ctx: Context) -> Resolution | None:
    n = day_number(m["ord"])
    half = m["unit"].lower() == "half"
    if half and n > 2:
        return None
    year = None
    if m["qyear"] or m["year"]:
        year = int(m["qyear"] or m["year"])
    elif ctx.anchor is not None:
        rel = (m["poss"] or m["ofrel"] or ("last" if m["ago"] else "")).lower()
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)
        ahead = not rel and not half and n > cal.quarter_of(ctx.anchor)
        if ahead and direction(ctx.text, m.start(), m.end(), default=0) < 0:
            year -= 1  # a quarter still to come this year, told as past: last year's
    if year is None:
        return Resolution("DATE", f"XXXX-{'H' if half else 'Q'}{n}", "half" if half else "quarter")
    if half:
        return Resolution("DATE", f"{year}-H{n}", "half")
    ctx.talk_quarter((year, n), m.end())
    return Resolution("DATE", f"{year}-Q{n}", "quarter")


def quarter_code(m: M, ctx: Context) -> Resolution | None:
    n = int(m["q"] or m["q2"])
    year_word = m["year"] or m["year2"]
    if year_word:
        return Resolution("DATE", f"{year_word}-Q{n}", "quarter")
    if ctx.anchor is None:
        return Resolution("DATE", f"XXXX-Q{n}", "quarter")
    return Resolution("DATE", f"{ctx.anchor.year}-Q{n}", "quarter")


def year_quarter(m: M, ctx: Context) -> Resolution | None:
    near = ctx.near_quarter(m.start())
    if near is None:
        return Resolution("DATE", m["year"], "year")
    return Resolution("DATE", f"{m['year']}-Q{near[1]}", "quarter")


def season(m: M, ctx: Context) -> Resolution | None:
    code = SEASONS[(m["season"] or m["season2"]).lower()]
    word = (m["dir"] or "").lower()
    year_word = m["year"] or m["year2"]
    mod = PERIOD_MOD.get(word, "")
    if year_word:
        return Resolution("DATE", f"{year_number(year_word, None)}-{code}", "season", mod)
    if word == "the" and code == "FA" and not re.match(r"\s*(?:$|[.,;]|of\b)", ctx.text[m.end() :]):
        return None  # "the fall in prices"
    if ctx.anchor is None:
        return Resolution("DATE", f"XXXX-{code}", "season", mod)
    way = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(word, 0)
    return Resolution("DATE", f"{cal.season_year(ctx.anchor, code, way)}-{code}", "season", mod)


def ordinal_day(m: M, ctx: Context) -> Resolution | None:
    day = int(m["day"])
    if ctx.anchor is None:
        return Resolution("DATE", f"XXXX-XX-{day:02d}", "day")
    d = cal.safe_date(ctx.anchor.year, ctx.anchor.month, day)
    return Resolution("DATE", d.isoformat(), "day") if d else None


def named(m: M, ctx: Context) -> Resolution:
    start, _ = NAMED_PERIODS[norm(m["name"])]
    return Resolution("DATE", str(start), "year")


def holiday(m: M, ctx: Context) -> Resolution | None:
    name = norm(m["name"])
    if m["year"]:
        return Resolution("DATE", cal.holiday(name, int(m["year"])).isoformat(), "day")
    if ctx.anchor is None:
        return Resolution("DATE", "XXXX-XX-XX", "day")
    way = direction(ctx.text, m.start(), m.end())
    this_year = cal.holiday(name, ctx.anchor.year)
    year = ctx.anchor.year
    if way < 0 and this_year > ctx.anchor + timedelta(days=7):
        year -= 1
    elif way > 0 and this_year < ctx.anchor - timedelta(days=7):
        year += 1
    return Resolution("DATE", cal.holiday(name, year).isoformat(), "day")


def compact(m: M, ctx: Context) -> Resolution | None:
    d = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Resolution("DATE", d.isoformat(), "day") if d else None


# Each grammar pattern resolves through the function of the same name.
