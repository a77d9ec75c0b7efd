"""When the dates two tellings state let them be one event: stated dates compared at the precision both
share, a day and month whose year came from context compared without it, a time counted from the previous
date ("that morning") against a stated month, a stated date outside another telling's bounds
(intervals.excludes). Used by the fuse stage's similarity and alignment."""
from __future__ import annotations

from typing import Any

from . import intervals
from .model import Event

_COARSE = {"day": 10, "month": 7, "season": 4, "year": 4, "decade": 3}


_WITH_YEAR = frozenset({"date", "month", "season", "year", "decade"})


def _stated(ev: Event) -> tuple[str, str] | None:
    """The date a source states itself (not one inherited from context), down to the decade."""
    if ev.date and not ev.extra.get("date_approx", True) and ev.date_precision in _COARSE:
        return ev.date, ev.date_precision
    return None


def year_stated(ev: Event) -> bool:
    """Does the event's own time expression state its year? "El 9 de noviembre" takes its year from the
    sentences before it, and that year may be wrong (a paragraph on the wall's building in 1961 before the
    night it fell): such a date is compared by its day and month only."""
    return any(t.kind in _WITH_YEAR or (t.kind == "underspecified" and t.year) for t in ev.timex)


def _told_dates_agree(a: Event, da: tuple[str, str], b: Event, db: tuple[str, str]) -> bool:
    if year_stated(a) and year_stated(b):
        return dates_agree(da, db)
    n = min(_COARSE[da[1]], _COARSE[db[1]])
    return n < 7 or da[0][5:n] == db[0][5:n]


def dates_agree(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Compared at the coarsest precision the two share: spring 1898 fits 3 May 1898, April 1987 does
    not fit 20 March 1987, 3 May does not fit 4 May."""
    n = min(_COARSE[a[1]], _COARSE[b[1]])
    return a[0][:n] == b[0][:n]


def dates_apart(a: Event, b: Event) -> bool:
    """Do two tellings state dates that cannot be one moment (stated dates that disagree, or a stated date
    outside the other's bounds)?"""
    if intervals.excludes(a, b):
        return True
    da, db = _stated(a), _stated(b)
    if da and db:
        return not _told_dates_agree(a, da, b, db)
    # an interval the event's own words state (an age: "At fifteen, ..."; "a finales del siglo") against a time
    # another telling counts from its previous date ("the same day"): outside it, two moments
    for x, y in ((a, b), (b, a)):
        if intervals.is_interval(x) and (x.extra.get("own_span") or any(t.kind == "age" for t in x.timex)):
            dy = _counted(y)
            lo = intervals.bound_start(x.date_from) if x.date_from else None
            hi = intervals.bound_end(x.date_to) if x.date_to else None
            if dy and ((lo and dy[:10] < lo) or (hi and dy[:10] > hi)):
                return True
    # "that morning", "the next day": a time counted from the date told just before it in its document
    # is that date's day; against a month and year another telling states, it is compared by the month,
    # against a day and month ("el 13 de diciembre", its year from context) by the day and month
    for x, dx, y in ((a, da, b), (b, db, a)):
        if dx and _COARSE[dx[1]] >= 7:
            dy = _counted(y)
            if not dy:
                continue
            if year_stated(x) and dy[:7] != dx[0][:7]:
                return True
            if not year_stated(x) and dx[1] == "day" and _counted_in_days(y) and dy[5:10] != dx[0][5:10]:
                return True
    return False


_DAY_UNITS = frozenset({"day", "hour", "minute"})


def _counted_in_days(ev: Event) -> bool:
    """Is every counted time of the event an exact number of days ("that afternoon", "two days later")?
    "A few days later" lands on no day in particular and is never compared by the day."""
    rel = [t for t in ev.timex if t.kind == "relative"]
    return bool(rel) and all(t.amount is not None and t.unit in _DAY_UNITS for t in rel)


def _counted(ev: Event) -> str | None:
    """The date of an event whose own time expression counts from the story's previous date ("that
    morning", "two days later"), as the dates stage resolved it."""
    if ev.date and ev.extra.get("date_approx") and any(t.kind == "relative" for t in ev.timex):
        return ev.date
    return None


def dated_together(g: Any, ev: Event) -> bool:
    """Does the event state a date that a member of the group states too (down to the year)? A month or day
    both state without its year ("in May" / "el 3 de mayo") counts when the years their own
    documents gave them agree too: two tellings of one month of the story, whatever their proportions."""
    mine = _stated(ev)
    if not mine or _COARSE[mine[1]] < 4:
        return False
    for other in g.members:
        theirs = _stated(other)
        if not theirs or _COARSE[theirs[1]] < 4 or not dates_agree(mine, theirs):
            continue
        if year_stated(ev) and year_stated(other):
            return True
        if min(_COARSE[mine[1]], _COARSE[theirs[1]]) >= 7:
            return True
    return False
