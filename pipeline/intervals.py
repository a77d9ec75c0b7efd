"""Honest dates for events whose own words state none: an interval between the stated dates around them.

A reader of "In October 1957 the satellite crosses the sky. The boys build a rocket." knows the rocket
is built in October 1957 or later, not that it is built in October 1957. Such an event gets
`date_precision = "interval"`, `date_from` = the narrative date before it (at that date's grain:
"1957-10") and `date_to` = the next date the same document states for a later event ("1958"), either
open (None) when nothing bounds it; `date` is date_from's first day, so sorting is unchanged.

The dates stage opens the intervals while it walks a document (`open_after`, `open_before`); `close`
then bounds them above by the next stated date of that document; `merge` intersects the intervals of
the tellings the fuse stage makes one event.
"""
from __future__ import annotations

import datetime as dt

from .model import Event
from .schema import bound_end, bound_start

POINT = ("day", "month", "season", "year", "decade", "relative")


def _split(value: str) -> tuple[str, int, str]:
    """("-" or "", year, the rest "-MM-DD") of an ISO date that may be before year 1."""
    sign = "-" if value.startswith("-") else ""
    body = value[len(sign):]
    return sign, int(body[:4]), body[4:]


def lower(value: str, precision: str) -> str:
    """The first instant a point date stands for, at its grain: ("1957-10-01", "month") -> "1957-10"."""
    sign, y, rest = _split(value)
    if precision == "decade":
        return f"{sign}{y // 10 * 10:04d}"
    if precision == "year":
        return f"{sign}{y:04d}"
    if precision in ("month", "season"):
        return f"{sign}{y:04d}{rest[:3]}"
    return f"{sign}{y:04d}{rest[:6]}"


def upper(value: str, precision: str) -> str:
    """The last instant a point date stands for, at its grain: a season runs three months."""
    sign, y, rest = _split(value)
    if precision == "decade":
        return f"{sign}{y // 10 * 10 + 9:04d}"
    if precision == "year":
        return f"{sign}{y:04d}"
    if precision == "month":
        return f"{sign}{y:04d}{rest[:3]}"
    if precision == "season":
        y2, m = divmod(int(rest[1:3]) - 1 + 2, 12)
        return f"{sign}{y + y2:04d}-{m + 1:02d}"
    return f"{sign}{y:04d}{rest[:6]}"


def grain_of(bound: str) -> str:
    """"1957" -> "year", "1957-10" -> "month", "1957-10-04" -> "day"."""
    n = len(bound.lstrip("-"))
    return "day" if n >= 10 else "month" if n >= 7 else "year"


def is_interval(ev: Event) -> bool:
    return ev.date_precision == "interval"


def _apply(ev: Event, lo: str | None, hi: str | None, text: str) -> None:
    ev.date_from, ev.date_to = lo, hi
    ev.date = bound_start(lo) if lo else None
    ev.date_precision = "interval" if (lo or hi) else "unknown"
    ev.date_text = text
    ev.extra["date_approx"] = ev.date is not None or hi is not None


def open_after(ev: Event, value: str | None, precision: str, text: str, hi: str | None = None) -> None:
    """The event happens at or after the point (value, precision); `hi` an upper bound already known."""
    lo = lower(value, precision) if value else None
    if lo and hi and bound_start(lo) > bound_end(hi):
        hi = None
    _apply(ev, lo, hi, text)


def open_before(ev: Event, value: str, precision: str, text: str) -> None:
    """The event happens at or before the point (value, precision): "she had already left"."""
    _apply(ev, None, upper(value, precision), text)


def closed(ev: Event, lo: str, hi: str, text: str) -> None:
    """The event happens between two bounds its own words state ("early in the 20th century")."""
    _apply(ev, lo, hi, text)


def point(ev: Event) -> None:
    """The event now has a point date (a later pass dated it from its anchor): no interval any more."""
    if is_interval(ev):
        ev.date_precision = "relative" if ev.date else "unknown"
    ev.date_from = ev.date_to = None


def _bound(ev: Event) -> bool:
    """Whether a told event's date can bound its neighbours: its own words state it (or count from a day)."""
    return (ev.date is not None and ev.date_precision in POINT
            and (not ev.extra.get("date_approx", True) or ev.date_precision == "relative"))


def background(events: list[Event], paras: dict[int, int]) -> None:
    """A document that opens on a day ("Il crollo del muro, il 9 novembre 1989, fu ...") and states that day
    again in a later paragraph ("Il 9 novembre 1989 il governo annunciò ...") starts telling the day at the
    restatement: what its paragraphs in between tell with no time of their own ("Il muro circondò la parte
    occidentale ...") is the background of that day, at or before it, not after it.

    `events` are one document's story events in telling order; `paras` maps a sentence to its paragraph.
    Only events still open at that very day are changed (no_time: the dates stage gave them none of their own)."""
    if not events:
        return
    first_para = paras.get(events[0].sources[0].sent)
    for i, a in enumerate(events):
        if paras.get(a.sources[0].sent) != first_para:
            break
        if not (a.date and a.date_precision == "day" and a.extra.get("date_approx") is False):
            continue
        for j in range(i + 1, len(events)):
            b = events[j]
            if (b.date == a.date and b.date_precision == "day" and b.extra.get("date_approx") is False
                    and paras.get(b.sources[0].sent) != first_para):
                for x in events[i + 1:j]:
                    if (x.extra.get("no_time") and is_interval(x) and x.date_from == lower(a.date, "day")
                            and x.date_to is None and paras.get(x.sources[0].sent) != first_para):
                        open_before(x, a.date, "day", a.date_text)
                return


def close(events: list[Event], paras: dict[int, int] | None = None) -> None:
    """Bound each interval above by the next date the same document states for a later story event.

    `events` are one document's story events in telling order. A stated date earlier than the interval's
    start is a look-back and bounds nothing; one that restates the very period the interval starts from
    ("In October 1957 ... [a summary] ... In October 1957, the news ...") starts a retelling more often
    than it closes a scene, so it bounds nothing either; a finer date inside it does ("In 1957 ... In October")."""
    paras = paras or {}
    # the paragraph of the last stated date before each event
    since: dict[int, int | None] = {}
    last_para = None
    for ev in events:
        since[id(ev)] = last_para
        if not is_interval(ev) and _bound(ev):
            last_para = paras.get(ev.sources[0].sent)
    later: list[str] = []    # upper ends of the stated dates after the current event, nearest last
    for ev in reversed(events):
        if is_interval(ev) and ev.date_to is None and ev.extra.get("ahead"):
            continue  # told ahead of the story ("will become"): the next stated date does not bound it
        if is_interval(ev) and ev.date_to is None:
            start = bound_start(ev.date_from) if ev.date_from else None
            para, frame = paras.get(ev.sources[0].sent), since.get(id(ev))
            if (start is not None and later and all(bound_end(hi) < start for hi in later)
                    and para is not None and frame is not None and para > frame):
                # a new paragraph after the last stated date, in a document that then goes back for good (a
                # biography returning to the childhood after 1919) and never states the later date again:
                # the event may close the frame or open the past it goes back to, so nothing bounds it
                _apply(ev, None, None, "")
                continue
            for hi in reversed(later):
                if start is None or (bound_end(hi) >= start and hi != ev.date_from):
                    ev.date_to = hi
                    ev.extra["date_approx"] = True
                    break
        elif not is_interval(ev) and _bound(ev):
            later.append(upper(ev.date, ev.date_precision))


def _width(ev: Event) -> int:
    """Days an interval spans; an open end counts as a very long way."""
    lo = dt.date.fromisoformat(bound_start(ev.date_from)) if ev.date_from and not ev.date_from.startswith("-") \
        else dt.date.min
    hi = dt.date.fromisoformat(bound_end(ev.date_to)) if ev.date_to and not ev.date_to.startswith("-") \
        else dt.date.max
    return (hi - lo).days


def merge(primary: Event, members: list[Event]) -> None:
    """One event told by several documents: a point date any telling states wins (the fuse stage picked
    it into `primary`); otherwise the narrowest of the tellings' intervals (a tie keeps the primary's).
    Intersecting them would be exact if each were, but one document that tells its story out of order
    (a biography going back to a childhood after 1928) would then drag the event to its wrong bound."""
    if primary.date_precision != "interval" and primary.date is not None:
        primary.date_from = primary.date_to = None
        return
    spans = [e for e in members if is_interval(e)]
    if not spans:
        return
    best = min(spans, key=_width)
    if best is not primary:
        _apply(primary, best.date_from, best.date_to, best.date_text)


# expressions that state their own year: "El 9 de noviembre" takes one from the sentences before, maybe wrongly
_OWN_YEAR = frozenset({"date", "month", "season", "year", "decade"})


def _days(ev: Event) -> tuple[str | None, str | None] | None:
    """(first day, last day) an event can be on: its interval's bounds (None: open), or the period of a
    date its own words state with its year; None for anything else (an estimate, a borrowed year, no date, a
    date before year 1)."""
    if is_interval(ev):
        if (ev.date_from or "").startswith("-") or (ev.date_to or "").startswith("-"):
            return None
        return (bound_start(ev.date_from) if ev.date_from else None, bound_end(ev.date_to) if ev.date_to else None)
    if ev.date and ev.date_precision in POINT[:-1] and ev.extra.get("date_approx") is False \
            and not ev.date.startswith("-") and any(t.text == ev.date_text and t.kind in _OWN_YEAR for t in ev.timex):
        return bound_start(lower(ev.date, ev.date_precision)), bound_end(upper(ev.date, ev.date_precision))
    return None


def excludes(a: Event, b: Event) -> bool:
    """Does one telling state a date the other's bounds leave out ("in September 1903" against "on or after
    17 December 1903")? Then they tell two moments. Two intervals never decide it: both are read from
    their documents' order, which may not be the story's."""
    da, db = _days(a), _days(b)
    if da is None or db is None or (is_interval(a) and is_interval(b)):
        return False
    return bool((da[1] and db[0] and da[1] < db[0]) or (db[1] and da[0] and db[1] < da[0]))
