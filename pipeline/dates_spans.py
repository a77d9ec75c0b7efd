"""What one event's own words state when they state more than one time.

A month told of another year than the sentence's ("in 1822 he took Peru, freed by San Martín in July of the
year before"): the month belongs to the year the relative names, counted from the year the narrative had,
and it is a look back from the clause that states the sentence's own date, so that date stays the event's.

A month without a year after a year the same words state ("in February 1813 ... to enter Caracas in August")
is of that year (the next when it would run backwards), not of the year the narrative had before.

Several times in telling order ("at 16 he moved to Spain and at 19 he married"; "invaded in February 1813
and entered Caracas in August"): the event tells everything between them, so it is the interval from the
first to the last, not whichever of them is finest (an age or a month would date the other clauses falsely).
Many times out of order (an infobox turned into a sentence: a life's and its offices' start and end dates)
summarise a stretch of the story: the interval from the earliest to the latest.
"""
from __future__ import annotations

import re
from typing import Any
from functools import lru_cache

from . import lexicons
from .dates_narrative import _pick, _set
from .model import Event, TimeExpr


@lru_cache(maxsize=None)
def _link(lang: str) -> re.Pattern | None:
    """What joins a month to the relative year it is of ("of", "del", "dell'"): only that, nothing else."""
    words = lexicons.load(lang, "temporal").get("month_of_year_links", [])
    if not words:
        return None
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
                    for w in sorted(words, key=len, reverse=True))
    return re.compile(r"^\s*(?:" + alts + r")\s*$", re.IGNORECASE)


def _pairs(ev: Event, text: str, start: int) -> list[tuple[TimeExpr, TimeExpr]]:
    link = _link(ev.lang or "en")
    if link is None:
        return []
    ts = sorted(ev.timex, key=lambda t: t.cstart)
    out = []
    for a, b in zip(ts, ts[1:]):
        if (a.kind == "underspecified" and a.precision == "month" and a.value is not None
                and b.kind == "relative" and b.unit == "year" and b.direction in ("before", "after")
                and link.match(text[a.cend - start:b.cstart - start])):
            out.append((a, b))
    return out


def months_of_other_years(events: list[Event], sentences: dict[tuple[str, int], object]) -> None:
    for ev in events:
        if ev.kind != "story" or not ev.sources:
            continue
        sent = sentences.get((ev.sources[0].doc, ev.sources[0].sent))
        if sent is None:
            continue
        pairs = _pairs(ev, sent.text, sent.cstart)
        if not pairs:
            continue
        for month, rel in pairs:
            step = (rel.amount or 1) * (-1 if rel.direction == "before" else 1)
            month.value = f"{int(month.value[:4]) + step:04d}{month.value[4:]}"
        moved = {id(m) for m, _ in pairs}
        own = _pick([t for t in ev.timex if id(t) not in moved])
        if own is None:
            own = pairs[0][0]
        _set(ev, own.value, own.precision, own.text, False)


_CUT = {"day": 10, "month": 7, "year": 4}


def _period(t: TimeExpr) -> tuple[str, str, str, str] | None:
    """(start, end, from, to) of a stated time: ISO bounds to compare, partial ISO to show."""
    if t.value is None:
        return None
    if t.kind == "age":
        if t.year is None:
            return None
        y = t.year
        return f"{y:04d}-01-01", f"{y + 1 + getattr(t, 'age_more', 0):04d}-12-31", f"{y:04d}", \
            f"{y + 1 + getattr(t, 'age_more', 0):04d}"
    if t.kind not in ("date", "month", "year", "underspecified") or t.precision not in _CUT:
        return None
    cut = t.value[:_CUT[t.precision]]
    end = {"day": cut, "month": cut + "-31", "year": cut + "-12-31"}[t.precision]
    return t.value[:10], end, cut, cut


def months_of_own_year(events: list[Event]) -> None:
    for ev in events:
        if ev.kind != "story":
            continue
        year = None
        for t in sorted(ev.timex, key=lambda t: t.cstart):
            if t.kind in ("date", "month", "year") and t.value is not None:
                year = t
            elif (t.kind == "underspecified" and year is not None and t.value is not None
                  and t.precision in ("month", "day") and t.value[:4] != year.value[:4]):
                y = int(year.value[:4]) + (year.precision != "year" and t.value[5:] < year.value[5:])
                t.value = f"{y:04d}{t.value[4:]}"
                if ev.date_text == t.text:
                    ev.date = t.value


def _aside(ev: Event, t: TimeExpr, stated: list[tuple[TimeExpr, Any]]) -> bool:
    """Is `t` one end of a lifespan in parentheses told after the event's own time ("The strike began on
    3 June 1905, led by the weaver Ada Roux (1869–1932)")? It dates the person named, not the event. A
    lifespan opening the sentence ("Ana Brill (1901 – 1970) fu sindaca ...") is its subject's, and stays."""
    if t.range not in ("start", "end"):
        return False
    text = " ".join(src.text for src in ev.sources)
    ends = [u for u, _ in stated if u.range in ("start", "end") and abs(u.cstart - t.cstart) < 40]
    first = min(ends, key=lambda u: u.cstart, default=t)
    last = max(ends, key=lambda u: u.cstart, default=t)
    return bool(re.search(r"\(\s*" + re.escape(first.text), text)) and bool(
        re.search(re.escape(last.text) + r"\s*\)", text))


def spans_of_several_times(events: list[Event]) -> None:
    for ev in events:
        if ev.kind != "story" or ev.date is None or ev.date_from or ev.date_to:
            continue
        ts = sorted(ev.timex, key=lambda t: t.cstart)
        stated = [(t, p) for t in ts if (p := _period(t)) is not None]
        stated = [x for k, x in enumerate(stated) if not (k and _aside(ev, x[0], stated))]
        if len(stated) < 2 or not any(t.text == ev.date_text for t, _ in stated):
            continue
        starts = [p[0] for _, p in stated]
        if starts != sorted(starts):
            if len(stated) < 3 or any(t.kind == "relative" for t in ts):
                continue  # a time told out of order looks back or ahead from the event's own
            stated = sorted(stated, key=lambda x: x[1][0])
            last = max((x for x in stated), key=lambda x: x[1][1])
            stated = [stated[0], last]
        first, last = stated[0][1], stated[-1][1]
        if last[1] <= first[1] or last[0] <= first[1]:
            continue  # the later time only narrows the first ("in 1813, in August"): one time
        ev.date, ev.date_precision = first[0], "interval"
        ev.date_from, ev.date_to = first[2], last[3]
        ev.extra["date_approx"] = True
