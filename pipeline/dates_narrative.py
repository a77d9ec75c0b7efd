"""Narrative time and its arithmetic for the dates stage: the running narrative date a reader keeps
(value, precision, the text that stated it), how an underspecified expression ("In October") takes its
year from it, how explicit and relative expressions move it, and how an event is given a date.
The walk that applies these over a document is in dates_walk.py."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

from . import intervals
from .model import Event, Sentence, TimeExpr

EXPLICIT = ("date", "month", "season", "year", "decade")
# coarseness of a precision: a coarser expression may contain a finer narrative date
RANK = {"day": 0, "relative": 0, "month": 1, "season": 2, "year": 3, "decade": 4}
SPAN_MONTHS = {"day": 0, "relative": 0, "month": 1, "season": 3, "year": 12, "decade": 120}
UNIT_DAYS = {"moment": 0, "minute": 0, "hour": 0, "day": 1, "week": 7}


@dataclass
class _Narrative:
    value: str | None = None
    precision: str = "unknown"
    text: str = ""
    day_grain: bool = False        # value is a day (stated, or estimated from a stated day)
    year_text: str = ""            # the expression the current year came from


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _contains(value: str, precision: str, inner: str | None, inner_precision: str) -> bool:
    """Whether the coarser period (value, precision) contains the finer date `inner`."""
    if inner is None or RANK.get(precision, -1) <= RANK.get(inner_precision, 5):
        return False
    start = _date(value)
    return start <= _date(inner) < _add_months(start, SPAN_MONTHS[precision])


def _shift(value: str, t: TimeExpr) -> str:
    """Best estimate of a relative expression from a day-precision anchor."""
    d = _date(value)
    if t.direction == "same":
        return value
    sign = -1 if t.direction == "before" else 1
    amount = t.amount if t.amount is not None else 1
    unit = t.unit or "moment"
    if unit == "month":
        d = _add_months(d, sign * amount)
    elif unit == "year":
        d = _add_months(d, sign * 12 * amount)
    else:
        d = d + dt.timedelta(days=sign * amount * UNIT_DAYS.get(unit, 0))
    return d.isoformat()


# an earlier month rolls into the next year only when it is more than half a year behind the narrative
# month (October -> "In March"): July -> "in January" is as likely a look back as a jump ahead
ROLL_MIN_GAP = 6


def _rolls_forward(t: TimeExpr, n: _Narrative, cur: dt.date, flashback: bool) -> bool:
    """Whether "In March" told at narrative date `cur` means March of the next year."""
    if flashback or (t.direction == "same" and t.unit == "year"):
        return False  # "había arreglado ... en enero", "in January of that year": the narrative's own year
    if RANK.get(n.precision, 5) >= RANK["year"]:
        return False
    if t.day is not None and n.day_grain:
        # "On 12 March ... On 3 January": a named day earlier in the year than the story's day is the next
        # year's, or the told story would run backwards (a look back says so: flashback above)
        return (t.month, t.day) < (cur.month, cur.day)
    return cur.month - t.month > ROLL_MIN_GAP


def _resolve_under(t: TimeExpr, n: _Narrative, flashback: bool = False, ahead: TimeExpr | None = None) -> None:
    """Give an underspecified expression ("In October") the year of the narrative, moving forward.

    With no narrative year yet, a day and month ("El 2 de marzo") take the next year the document
    states (`ahead`), as a reader does who reads on; a bare month stays undated."""
    if (n.value is None or n.precision == "decade") and t.month is not None and t.day is not None \
            and ahead is not None and ahead.year is not None:
        try:
            t.value, t.precision = dt.date(ahead.year, t.month, t.day).isoformat(), "day"
            t.resolved_from = ahead.text
        except ValueError:
            t.value, t.precision = None, "unknown"
        return
    if t.month is None and t.day is not None and n.value is not None and n.precision in ("day", "month"):
        # a bare day of the month ("la mañana del 14"): the narrative's month, or the next once that day
        # has passed ("the 13th of December ... the morning of the 2nd" is 2 January)
        cur = _date(n.value)
        y, mo = cur.year, cur.month
        if n.precision == "day" and t.day < cur.day:
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        try:
            t.value, t.precision = dt.date(y, mo, t.day).isoformat(), "day"
            t.month = mo
        except ValueError:
            t.value, t.precision = None, "unknown"
            return
        t.resolved_from = n.text
        return
    if n.value is None or n.precision == "decade" or t.month is None:
        t.value, t.precision = None, "unknown"
        return
    cur = _date(n.value)
    if t.unit in ("season", "occurrence"):
        _resolve_occurrence(t, n, cur, flashback)
        return
    year = cur.year
    # narrative time runs forward: "In March" told after October 1957 is March 1958
    if _rolls_forward(t, n, cur, flashback):
        year += 1
    if t.day is not None:
        try:
            t.value, t.precision = dt.date(year, t.month, t.day).isoformat(), "day"
        except ValueError:
            t.value, t.precision = None, "unknown"
            return
    else:
        t.value = f"{year:04d}-{t.month:02d}-01"
        t.precision = "season" if t.season else "month"
    t.resolved_from = n.year_text or n.text


def _resolve_occurrence(t: TimeExpr, n: _Narrative, cur: dt.date, flashback: bool) -> None:
    """A feast ("la notte di Natale") or a season named from the narrative ("that winter", "la primavera
    siguiente"): its next occurrence at (or, for "next/following", strictly after) the narrative date."""
    coarse = RANK.get(n.precision, 5) >= RANK["year"]
    if t.day is not None:  # a fixed feast: month and day of the narrative year, or the next year's once passed
        year = cur.year
        if not flashback and not coarse and (t.month, t.day) < (cur.month, cur.day):
            year += 1
        try:
            t.value, t.precision = dt.date(year, t.month, t.day).isoformat(), "day"
        except ValueError:
            t.value, t.precision = None, "unknown"
            return
    else:
        if t.direction == "after":
            # strictly after the whole period the narrative knows: "In June 1891 ... the following spring" is 1892
            end = cur + dt.timedelta(days=1) if SPAN_MONTHS.get(n.precision, 0) == 0 \
                else _add_months(cur, SPAN_MONTHS[n.precision])
            start = dt.date(end.year, t.month, 1)
            if start < end:
                start = dt.date(end.year + 1, t.month, 1)
        elif coarse:
            start = dt.date(cur.year, t.month, 1)  # "In 1643 ... that winter": the winter of that year
        else:
            start = dt.date(cur.year, t.month, 1)
            if _add_months(start, 3) <= cur:
                start = dt.date(cur.year + 1, t.month, 1)
            elif start > cur and _add_months(dt.date(cur.year - 1, t.month, 1), 3) > cur:
                start = dt.date(cur.year - 1, t.month, 1)  # January is still the winter that began in December
        t.value, t.precision = start.isoformat(), "season"
    t.resolved_from = n.year_text or n.text


def _looks_back(t: TimeExpr, n: _Narrative) -> bool:
    """"a letter, written in May" told on June 12: an earlier month of the current year is a look back
    that dates itself without taking the story away from its day."""
    return (t.kind == "underspecified" and t.value is not None and t.precision != "day" and n.day_grain
            and n.value is not None and t.value < n.value[:8] + "01")


def _pick(ts: list[TimeExpr]) -> TimeExpr | None:
    """The most precise dated expression (first on ties)."""
    dated = [t for t in ts if t.value is not None and t.kind != "relative"]
    return min(dated, key=lambda t: RANK.get(t.precision, 5)) if dated else None


def _state(n: _Narrative, t: TimeExpr) -> None:
    n.value, n.precision, n.text, n.day_grain = t.value, t.precision, t.text, t.precision == "day"
    if t.precision != "decade":
        n.year_text = t.resolved_from if t.kind == "underspecified" and t.resolved_from else t.text


def _apply_explicit(n: _Narrative, t: TimeExpr) -> bool:
    """Move the narrative to an explicit expression; False when it only restates a coarser period."""
    if _contains(t.value, t.precision, n.value, n.precision):
        return False
    _state(n, t)
    return True


def _retells(t: TimeExpr, n: _Narrative, here: Sentence | None, sentences: dict[int, Sentence]) -> bool:
    """A section that opens by restating the year the story has reached (a heading, then "En el 79 Varro vivía
    en Cumas ..." after "el 23 de agosto del 79") retells that year from its start: the narrative
    becomes the year, not the day it had reached (elsewhere a restated year only qualifies it)."""
    if here is None or t.precision != "year" or n.value is None or n.precision == "year":
        return False
    before = sentences.get(here.idx - 1)
    if before is None or before.para == here.para or t.cstart - here.cstart > 12:
        return False
    # only after a section heading (a short line of its own, no full stop): a new section, not a new paragraph
    heading = len(before.text) <= 60 and not before.text.rstrip().endswith((".", "!", "?", ":", ";", "»", "\""))
    if not heading or sentences.get(before.idx - 1) is not None and sentences[before.idx - 1].para == before.para:
        return False
    _state(n, t)
    return True


def _sequence_end(ts: list[TimeExpr], own: TimeExpr, flashback: bool) -> TimeExpr | None:
    """The last of two or more explicit dates told in order by one event, after the one it is dated by."""
    if flashback:
        return None
    seq = [t for t in ts if t.kind in EXPLICIT + ("underspecified",) and t.value is not None
           and t.precision in ("day", "month", "season", "year")]
    if own not in seq:
        return None
    k = seq.index(own)
    if any(not (p.value == own.value or _contains(p.value, p.precision, own.value, own.precision)) for p in seq[:k]):
        return None  # "nació en 1898 ... el 5 de junio": what comes before may only name own's period
    seq = seq[k:]
    if len(seq) < 2:
        return None
    if any(b.value < a.value for a, b in zip(seq, seq[1:])):
        return None  # dates told out of order are a look back inside the sentence, not a sequence
    last = seq[-1]
    if last.value[:4] == own.value[:4] or _contains(last.value, last.precision, own.value, own.precision):
        return None  # "14 and 15 April", "in 1957, in October": one moment, told finer
    return last


def _jumps_back(t: TimeExpr, n: _Narrative, flashback: bool) -> bool:
    """An explicit date of an earlier year than the narrative (not a pluperfect look-back)."""
    return (not flashback and t.kind in EXPLICIT and t.value is not None and n.value is not None
            and "decade" not in (n.precision, t.precision) and t.value[:4] < n.value[:4]
            and not _contains(t.value, t.precision, n.value, n.precision))


def _coarse_shift(t: TimeExpr, precision: str) -> bool:
    """Whether "Five years later" moves a month- or year-precision narrative: a counted unit at least as
    coarse as what the narrative knows (days and weeks inside "March 1973" stay in March 1973)."""
    if t.amount is None or t.direction == "same" or precision == "decade":
        return False
    return t.unit == "year" or (t.unit == "month" and RANK.get(precision, 5) <= RANK["month"])


def _anchor_base(anchor: Event, grain: dict[int, bool]) -> tuple[tuple[str | None, bool], str]:
    """((date, is a day), precision) of an event a relative expression counts from; an interval event
    counts from its lower bound at that bound's grain."""
    if intervals.is_interval(anchor) and anchor.date_from:
        g = intervals.grain_of(anchor.date_from)
        return (anchor.date, g == "day"), g
    return (anchor.date, grain.get(id(anchor), False)), anchor.date_precision


def _counted(t: TimeExpr, base: tuple[str | None, bool], precision: str) -> bool:
    """Whether a relative expression counted from `base` gives a point: from a day, or a count at least
    as coarse as the base ("Five years later" after "In March 1973")."""
    return base[1] or (precision not in ("interval", "unknown") and _coarse_shift(t, precision))


def _apply_relative(n: _Narrative, t: TimeExpr, base: tuple[str | None, bool], move: bool = True,
                    precision: str | None = None) -> str | None:
    value, day_grain = base
    if value is None:
        return None
    precision = precision or n.precision
    coarse = not day_grain and _coarse_shift(t, precision)
    est = _shift(value, t) if day_grain or coarse else value
    t.value = est
    if move and day_grain:
        # only a day anchor makes the estimate finer than what the narrative already knows
        n.value, n.precision, n.text, n.day_grain = est, "relative", t.text, True
    elif move and coarse:
        # "Five years later" after "In March 1973": the narrative moves by five years at its own precision
        n.value, n.text = est, t.text
    return est




def _present_of(rel: TimeExpr, past: TimeExpr) -> tuple[str, str]:
    """(date, grain) of the present "veinticinco años antes, en 1974" is counted back from: the past's date
    plus the count, at the count's grain (twenty-five years before some day of 1974 is some day of 1999)."""
    grain = "year" if rel.unit == "year" else "month"
    now = _shift(past.value, replace(rel, direction="after"))
    return (now[:4] + "-01-01" if grain == "year" else now[:8] + "01"), grain


# the years of a century a part of it names (TimeML mod): "early" is its first third, "late" its last
_CENTURY_PART = {"START": (0, 33), "EARLY": (0, 33), "MID": (33, 66), "END": (66, 99), "LATE": (66, 99)}


def _century_span(ts: list[TimeExpr]) -> tuple[str, str, str] | None:
    """(first year, last year, text) of a century an event's own words put it in ("in the early 20th
    century"), or None. Only with a preposition before it: "two early 19th century Frenchmen" names
    who they were, not when the event happened."""
    for t in ts:
        if t.kind == "century" and t.year is not None and t.lead:
            a, b = _CENTURY_PART.get(t.mod or "", (0, 99))
            return f"{t.year + a:04d}", f"{t.year + b:04d}", t.text
    return None


def _set(ev: Event, value: str | None, precision: str, text: str, approx: bool) -> None:
    ev.date, ev.date_precision, ev.date_text = value, precision if value is not None or precision == "relative" \
        else "unknown", text
    ev.extra["date_approx"] = approx and value is not None
    ev.date_from = ev.date_to = None

