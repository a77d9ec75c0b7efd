"""Stage: dates - resolve event dates the way a reader does, walking each document in telling order.

A running narrative date (value, precision, the text that stated it) is set by explicit
expressions of story events (and of sentences that produced no event), fills in the year of
underspecified ones ("In October"), anchors relative ones ("The next day") and bounds the story
events that state no date: they get an interval from it to the next date the document states
(intervals.py), never the narrative's date as if it were theirs. Production/reception dates
("released in 1999") neither move, bound nor inherit it. Each document has its own narrative.
The cues read from the text (pluperfect, memories, ages, weekdays, plans) are in datecues.py.
"""
from __future__ import annotations

import calendar
import datetime as dt
import bisect
import re
from dataclasses import dataclass, replace

from . import intervals, timex_tense
from . import datecues as cues
from .model import Document, Event, Sentence, Story, TimeExpr
from .schema import bound_end

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
    """A section that opens by restating the year the story has reached (a heading, then "En el 79 Plinio el
    Joven habitaba ..." after "el 24 de agosto del 79") retells that year from its start: the narrative
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


def _resolve_ages(ts: list[TimeExpr], sentences: dict[int, Sentence], lang: str) -> None:
    """"A los 12 años", "at the age of 70": the birth year stated earlier in the document plus the age.

    Only a sentence with a birth cue ("nació en 1867", "was born in 1867") gives a birth year; an age with no
    birth known stays undated (an age is never a date by itself)."""
    ages = [t for t in ts if t.kind == "age" and t.amount is not None]
    if not ages:
        return
    cue = cues.birth_cue(lang)
    if cue is None:
        return
    births: list[tuple[tuple[int, int], int, str]] = []
    by_sent: dict[int, list[TimeExpr]] = {}
    for t in ts:
        if t.kind in EXPLICIT and t.year is not None and t.precision != "decade":
            by_sent.setdefault(t.sent, []).append(t)
    for idx in sorted(by_sent):
        sent = sentences.get(idx)
        m = cue.search(sent.text) if sent is not None else None
        if m is None:
            continue
        pos = sent.cstart + m.start()
        cands = sorted(by_sent[idx], key=lambda t: (t.cstart < pos, abs(t.cstart - pos)))
        births.append(((idx, cands[0].cstart), cands[0].year, cands[0].text))
    keys = [b[0] for b in births]
    for t in ages:
        i = bisect.bisect_left(keys, (t.sent, t.cstart)) - 1
        if i < 0:
            continue
        year = births[i][1] + t.amount
        if year <= 2100:
            t.value, t.precision, t.year, t.resolved_from = f"{year:04d}-01-01", "year", year, births[i][2]


def _opens_lookback(t: TimeExpr) -> bool:
    """"Ten years earlier", "Años antes", "Dieci anni prima": the story jumps back and stays there."""
    return (t.kind == "relative" and t.direction == "before" and not t.anchor
            and t.unit in ("year", "month"))


ANCHOR_WINDOW = 40  # events either side: an anchor ("before the wedding") is told near its event


def _anchor_event(t: TimeExpr, ev: Event, story_events: list[Event], prev: Event | None,
                  told: list[float] | None = None) -> Event | None:
    """The event a "before" expression points at: the one mentioning its anchor noun, else the previous."""
    return _anchor_match(t, ev, story_events, told)[0] or prev


def _anchor_pattern(anchor: str) -> re.Pattern:
    """The anchor noun's stem ("funeral" of "del funeral", "funerale" of "il funerale") as a pattern."""
    noun = anchor.lower().replace("’", "'").split()[-1].split("'")[-1]
    stem = noun[:max(4, len(noun) - 2)]
    return re.compile(r"(?<!\w)" + re.escape(stem), re.IGNORECASE)


def _mentions(e: Event, pat: re.Pattern) -> bool:
    return any(pat.search(x or "") for x in [s.text for s in e.sources[:1]] + [e.title])


def _anchor_match(t: TimeExpr, ev: Event, story_events: list[Event],
                  told: list[float] | None = None, earlier_only: bool = False) -> tuple[Event | None, bool]:
    """The nearby event mentioning the anchor noun of `t` (later ones first) and whether it is later."""
    if t.anchor:
        pat = _anchor_pattern(t.anchor)
        told = told if told is not None else [e.told for e in story_events]  # sorted: telling order
        i = bisect.bisect_left(told, ev.told)
        near = story_events[max(0, i - ANCHOR_WINDOW): i + ANCHOR_WINDOW + 1]
        others = [e for e in near if e is not ev]
        later = [] if earlier_only else [e for e in others if e.told > ev.told]
        earlier = [e for e in others if e.told <= ev.told][::-1]
        for e in later + earlier:
            if _mentions(e, pat):
                return e, e.told > ev.told
    return None, False


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


def _claim_fallback(story: Story) -> None:
    """When the events stage attached no time expressions at all, give each sentence's to its first event."""
    if not story.events or any(e.timex for e in story.events):
        return
    by_sent: dict[tuple[str, int], list[TimeExpr]] = {}
    for t in story.timex:
        by_sent.setdefault((t.doc, t.sent), []).append(t)
    seen: set[tuple[str, int]] = set()
    for e in sorted(story.events, key=lambda e: e.told):
        if not e.sources:
            continue
        key = (e.sources[0].doc, e.sources[0].sent)
        if key not in seen:
            seen.add(key)
            e.timex = list(by_sent.get(key, []))


def _resolve_doc(story: Story, doc: str, events: list[Event], orphans: list[TimeExpr],
                 document: Document | None, sentences: dict[int, Sentence], lang: str) -> None:
    def tpos(t: TimeExpr) -> int:
        return document.to_raw(t.cstart, t.cend)[0] if document is not None else t.cstart

    items: list[tuple[tuple, object]] = []
    for e in events:
        src = e.sources[0]
        items.append(((src.sent, src.start, 1, e.told), e))
    for t in orphans:
        items.append(((t.sent, tpos(t), 0, 0.0), t))
    items.sort(key=lambda x: x[0])

    _resolve_ages(list(orphans) + [t for e in events for t in e.timex], sentences, lang)
    try:
        doc_day = dt.date.fromisoformat(story.doc_dates[doc]) if story.doc_dates.get(doc) else None
    except ValueError:
        doc_day = None
    cue = cues.cue_words(lang, "production_cues")
    scope = cues.scope_cue(lang)
    back = cues.flashback_cue(lang)
    setting = cues.cue_words(lang, "setting_cues")
    ret = cues.return_cue(lang)
    prod_sents = {e.sources[0].sent for e in events if e.kind != "story"} | cues.datelines(orphans, sentences, lang)

    def production(sent_idx: int) -> bool:
        sent = sentences.get(sent_idx)
        return sent_idx in prod_sents or bool(cue and sent is not None and cue.search(sent.text))

    prod_sents |= cues.field_dates(orphans, sentences, lang, production,
                                   {e.sources[0].sent for e in events if e.kind == "story"})

    sub: set[int] = set()  # id() of expressions dating only their relative clause or parenthesis
    for t in orphans:
        if cues.subordinate_start(t, sentences.get(t.sent), lang) is not None:
            sub.add(id(t))
    for e in events:
        for t in e.timex:
            opens = cues.subordinate_start(t, sentences.get(t.sent), lang)
            # an event told by the clause itself ("che nel 1848 aveva fondato ...") keeps the clause's date
            if opens is not None and (e.sources[0].sent != t.sent
                                      or e.sources[0].start <= (document.to_raw(opens, opens + 1)[0]
                                                                if document is not None else opens)):
                sub.add(id(t))
    # the years the document states, in telling order: "El 2 de marzo" before any year reads on to one
    stated = sorted(((t.sent, t.cstart), t) for t in list(orphans) + [t for e in events if e.kind == "story"
                                                                        for t in e.timex]
                    if t.kind in EXPLICIT and t.year is not None and id(t) not in sub and not production(t.sent))
    stated_keys = [k for k, _ in stated]
    # "Back in 1979, ... that summer": a year stated in the sentence anchors its underspecified expressions
    sent_year: dict[int, TimeExpr] = {}
    for _, t in stated:
        if t.precision == "year":
            sent_year.setdefault(t.sent, t)
    year_anchored: set[int] = set()  # id() of "that summer"-like expressions dated by their sentence's year

    def under(t: TimeExpr, flashback: bool) -> None:
        _under(t, flashback)
        if t.value and t.precision == "day":
            days_told.append(((t.sent, t.cstart), t.value, t.text))

    def _under(t: TimeExpr, flashback: bool) -> None:
        if t.direction == "same" and t.unit == "year":
            # "el 17 de septiembre del mismo año": the year last stated, in its sentence or before it
            i = bisect.bisect_left(stated_keys, (t.sent, t.cstart))
            y = stated[i - 1][1] if i > 0 else None
            if y is not None and y.year is not None and t.month is not None:
                try:
                    t.value = dt.date(y.year, t.month, t.day or 1).isoformat()
                except ValueError:
                    return
                t.precision, t.year, t.resolved_from = ("day" if t.day else "month"), y.year, y.text
                return
        y = sent_year.get(t.sent)
        if y is not None and y is not t and y.value is not None:
            _resolve_under(t, _Narrative(y.value, "year", y.text, False, y.text), False, ahead(t))
            if t.unit in ("season", "occurrence") and t.month is not None and t.day is None:
                year_anchored.add(id(t))  # the event keeps the stated year, "that summer" only qualifies it
            return
        _resolve_under(t, n, flashback, ahead(t))
        if t.day is not None and t.month is not None:
            # a day and month read from the days just told (datecues.read_day)
            cues.read_day(t, n.value, n.day_grain, flashback or frame is not None,
                          [(k[0], v, x) for k, v, x in days_told if k < (t.sent, t.cstart)])
        if t.value is None and doc_day is not None and t.month is not None and t.direction in (None, "same"):
            # "that summer", "ese verano" in a dated article that has stated no year yet: the one the verb's tense
            # places around the article's date, as a yearless month there is
            sent = sentences.get(t.sent)
            tense = timex_tense.tense(lang, sent.text, t.cstart - sent.cstart, t.cend - sent.cstart) if sent else 0
            year = doc_day.year - (tense < 0 and t.month > doc_day.month) + (tense > 0 and t.month < doc_day.month)
            try:
                t.value = dt.date(year, t.month, t.day or 1).isoformat()
            except ValueError:
                return
            t.precision = "day" if t.day else "season" if t.season else "month"
            t.resolved_from = story.doc_dates[doc]

    # day-dates stated so far ((sentence, offset), ISO day, text): the explicit ones, then those read
    days_told: list[tuple[tuple[int, int], str, str]] = [(k, t.value, t.text) for k, t in stated
                                                         if t.precision == "day" and t.value]

    def ahead(t: TimeExpr) -> TimeExpr | None:
        i = bisect.bisect_right(stated_keys, (t.sent, t.cstart))
        return stated[i][1] if i < len(stated) else None

    intent = cues.cue_list(lang, "intention_cues")

    def _planned(t: TimeExpr) -> bool:
        """"Officials intended to bring in the changes the next day", "hoping to arrive by April 2": the
        plan's date, not the event's (a full date stays: "decided to leave on 3 May 1950" is often kept)."""
        if intent is None or t.kind not in ("relative", "underspecified"):
            return False
        sent = sentences.get(t.sent)
        m = intent.search(sent.text, 0, max(0, t.cstart - sent.cstart)) if sent is not None else None
        return m is not None

    small = cues.pattern_list(lang, "small_hours")
    weekday = cues.weekday_past(lang)
    evening_cue = cues.cue_list(lang, "evening_cues")

    def _evening(sent_idx: int) -> bool:
        """The narrative's own words or the sentence before put the story in an evening or a night."""
        if evening_cue is None:
            return False
        before = sentences.get(sent_idx - 1)
        return bool(evening_cue.search(n.text or "") or (before is not None and evening_cue.search(before.text)))

    returns = sorted(i for i, s in sentences.items() if ret is not None and ret.search(s.text))
    ret_i = 0
    story_events = sorted((e for e in events if e.kind == "story"), key=lambda e: e.told)
    story_told = [e.told for e in story_events]
    n = _Narrative()
    memory: _Narrative | None = None     # the narrative a remembered past ("relives his childhood") is told from
    memory_para = -1
    memory_cue = cues.cue_list(lang, "memory_cues")
    frame: _Narrative | None = None      # the narrative a look-back ("Ten years earlier") left
    prev: Event | None = None
    grain: dict[int, bool] = {}          # id(event) -> its date is a day
    pending: list[tuple[Event, Event, TimeExpr]] = []
    drifting: set[int] = set()  # events with no time of their own, opened at the narrative date
    waiting: list[tuple[Event, TimeExpr, int]] = []  # "the night before their game": the next day-dated event
    seen = 0
    ord_start: dt.date | None = None     # the day of the first day/stage, once a dated one was told
    seed: str | None = None              # a day stated by a non-story sentence, for relatives with no narrative

    def ordinals(ts: list[TimeExpr]) -> None:
        """"Alla terza tappa": the first day/stage's date plus N-1 days; else the narrative's month, never the
        previous event's exact day (the third stage is not the second stage's day)."""
        nonlocal ord_start
        ords = [t for t in ts if t.kind == "ordinal" and t.amount]
        if not ords:
            return
        day = next((t for t in ts if t.kind not in ("ordinal", "relative", "age") and t.value is not None
                    and t.precision == "day"), None)
        for t in ords:
            if day is not None:
                ord_start = _date(day.value) - dt.timedelta(days=t.amount - 1)
            elif t.amount == 1:
                if n.value is not None and n.day_grain:
                    ord_start = _date(n.value)
            elif ord_start is not None:
                t.value, t.precision = (ord_start + dt.timedelta(days=t.amount - 1)).isoformat(), "day"
            elif n.value is not None and n.day_grain:
                t.value, t.precision = n.value[:8] + "01", "month"

    def opens_scope(ts: list[TimeExpr], text: str) -> TimeExpr | None:
        """"La novela retrocede al verano de 1936": an earlier date under a scope cue opens a look-back."""
        nonlocal frame
        if scope is None or n.value is None or not ts or not scope.search(text):
            return None
        for t in ts:
            if t.kind == "underspecified":
                _resolve_under(t, n, True, ahead(t))
        own = _pick(ts)
        if own is None or own.value >= n.value:
            return None
        if frame is None:
            frame = replace(n)
        _state(n, own)
        return own

    def enter(sent_idx: int) -> None:
        """Sentences up to `sent_idx` are being read: a "Now ..." among them ends the look-back."""
        nonlocal ret_i, n, frame, memory
        while ret_i < len(returns) and returns[ret_i] <= sent_idx:
            ret_i += 1
            memory = None
            if frame is not None:
                n, frame = frame, None

    def lookback(ts: list[TimeExpr]) -> bool:
        nonlocal frame
        if any(_opens_lookback(t) for t in ts) and n.value is not None:
            if frame is None:
                frame = replace(n)
            return True
        return False

    def settle() -> None:
        nonlocal frame
        if frame is not None and frame.value is not None and n.value is not None and n.value >= frame.value:
            frame = None  # the story caught up with the frame: nothing to return to

    for _, item in items:
        if isinstance(item, TimeExpr):
            t = item
            enter(t.sent)
            sent = sentences.get(t.sent)
            if id(t) in sub or production(t.sent):
                continue  # "released in 1999": not story time; "(born 1950)": the clause's time only
            if sent is not None and opens_scope([t], sent.text) is not None:
                continue
            opened = lookback([t])
            fb = bool(back and sent is not None and back.search(sent.text)) and not opened and frame is None
            saved = replace(n)
            if t.kind == "underspecified":
                under(t, fb or frame is not None)
            if t.kind == "ordinal":
                ordinals([t])
                if t.value is not None:
                    _state(n, t)
            elif t.kind == "relative":
                _apply_relative(n, t, (n.value, n.day_grain))
            elif t.value is not None and not _looks_back(t, n):
                _apply_explicit(n, t)
            if fb:
                n = saved  # a look back dates itself but the story resumes where it was
            settle()
            continue

        ev: Event = item
        enter(ev.sources[0].sent)
        ts = sorted(ev.timex, key=lambda t: t.cstart)
        here = sentences.get(ev.sources[0].sent)
        if memory is not None and (here is None or here.para != memory_para
                                   or any(t.kind in EXPLICIT and id(t) not in sub for t in ts)):
            memory = None  # a remembered past lasts its paragraph, or until the text dates it
        scoped = opens_scope([t for t in ts if id(t) not in sub or ev.kind != "story"],
                             " ".join(x.text for x in ev.sources[:1]))
        if scoped is not None:
            _set(ev, scoped.value, scoped.precision, scoped.text, False)
            if ev.kind == "story":
                seen += 1
                prev = ev
                grain[id(ev)] = n.day_grain
            continue
        if ev.kind != "story" and setting and any(setting.search(x.text) for x in ev.sources[:1]):
            # "The film is set in 1957": about the film, but it states the story's time
            own = _pick(ts)
            if own is not None:
                _apply_explicit(n, own)
                _set(ev, own.value, own.precision, own.text, False)
                continue
        if ev.kind != "story":
            # production/reception: own explicit date only, never the narrative's
            for t in ts:
                if t.kind == "underspecified":
                    t.value, t.precision = None, "unknown"
            own = _pick(ts)
            _set(ev, own.value if own else None, own.precision if own else "unknown", own.text if own else "", False)
            if (own is not None and own.precision == "day" and n.value is None and ev.kind != "production"
                    and not (cue and any(cue.search(x.text or "") for x in ev.sources[:1]))):
                seed = own.value  # "Nel romanzo ... trovato morto il 3 novembre 1952. Il giorno dopo ..."
            continue
        ts = [t for t in ts if id(t) not in sub and not _planned(t)]
        seen += 1
        opened = lookback(ts)
        # inside a look-back opened by "Ten years earlier" the pluperfect does not send the story back again
        fb = bool(back and ts and any(back.search(x.text or "") for x in ev.sources[:1])) and not opened
        saved = replace(n)
        for t in ts:
            if t.kind == "underspecified":
                under(t, fb or frame is not None)
        ordinals(ts)
        own = _pick([t for t in ts if id(t) not in year_anchored]) or _pick(ts)
        rel = next((t for t in ts if t.kind == "relative"), None)
        if fb and own is not None and n.value is not None and own.value > n.value:
            # "Nella primavera del 1976 il tribunale annulla ... perché la nonna aveva lasciato ...": the
            # sentence's own later date carries the story forward; the pluperfect is in a side clause
            fb = False
        if own is not None:
            if own.kind == "ordinal":
                _state(n, own)  # a later stage is a later day even when the narrative is finer than its month
                _set(ev, own.value, own.precision, own.text, own.precision != "day")
            elif _looks_back(own, n):
                _set(ev, own.value, own.precision, own.text, False)
            elif _jumps_back(own, n, fb) and frame is None:
                # "In June 1944" told in 1979: the story goes back; "Back in 1979" returns to the frame
                frame = replace(n)
                _state(n, own)
                _set(ev, own.value, own.precision, own.text, False)
            elif _apply_explicit(n, own) or _retells(own, n, here, sentences):
                _set(ev, own.value, own.precision, own.text, False)
                last = _sequence_end(ts, own, fb)
                if last is not None:
                    # "nel 1909 si trasferisce a Granada, ove nel 1918 pubblica ...": one telling of several
                    # dated steps spans them. The story stays at the first: "nació en 1898 ... y murió en
                    # 1936" opens many a biography that then tells the childhood
                    intervals.open_after(ev, own.value, own.precision, own.text,
                                         hi=intervals.upper(last.value, last.precision))
                    ev.extra["date_approx"] = False
            else:  # "in 1957" told while in October 1957: from the narrative's October to the end of 1957
                intervals.open_after(ev, n.value, n.precision, n.text,
                                     hi=intervals.upper(own.value, own.precision))
            ends = [t for t in ts if t.range and t.value is not None]
            if (own.range and len(ends) == 2 and [t.range for t in ends] == ["start", "end"]
                    and ends[0].value <= ends[1].value and not fb):
                # "between April and June": the event's own words state an interval, from one end to the other
                lo, hi = ends
                told = here.text[lo.phrase_start - here.cstart:hi.cend - here.cstart] if here else lo.text
                intervals.closed(ev, intervals.lower(lo.value, lo.precision), intervals.upper(hi.value, hi.precision),
                                 told)
                ev.extra.update(own_span=True, date_approx=False)
            if rel is not None:
                ev.rel = rel
                if (rel.value is None and own.value and own.cstart < rel.cstart and rel.anchor is None
                        and rel.direction in ("before", "after") and rel.unit in ("month", "year")):
                    # "costs fell last year, more than the previous year": counted from the clause's own date;
                    # the event keeps that date, the comparison only gets its value
                    rel.value = _shift(own.value, rel)
            grain[id(ev)] = n.day_grain
            if own.precision == "day" and ev.date == own.value and not fb:
                for w, wrel, _ in waiting:  # "the night before their game" told before "On June 19 ..."
                    w.extra["before"] = ev
                    wrel.value = _shift(own.value, wrel)
                    w.date = wrel.value
                    intervals.point(w)
                waiting = []
        elif rel is not None:
            ev.rel = rel
            unnamed = False
            if rel.direction == "before":
                anchor, later = _anchor_match(rel, ev, story_events, story_told)
                if (anchor is not None and not later and rel.unit not in ("month", "year") and anchor.date
                        and n.value and anchor.date[:4] != n.value[:4]):
                    anchor = None  # "the night before their game" in June 1974 is no game of 1961
                # "minutes before departure" on a known day is that day; "the night before their game"
                # within June (or a day or more before an unnamed event) waits for the next dated day
                forward = anchor is None and rel.anchor is not None and (
                    rel.unit in ("day", "week") or not n.day_grain) and rel.unit not in ("month", "year")
                anchor = anchor or prev
                if anchor is not None:
                    ev.extra["before"] = anchor
                    if anchor.told > ev.told:
                        pending.append((ev, anchor, rel))
                from_anchor = anchor is not None and anchor.date and anchor.told <= ev.told
                base, prec = _anchor_base(anchor, grain) if from_anchor else ((n.value, n.day_grain), n.precision)
                if forward:
                    # no event named after the anchor yet: it is the next dated day; keep the story where it is
                    waiting.append((ev, rel, seen))
                    est = _apply_relative(n, rel, (n.value, False), move=False)
                else:
                    est = _apply_relative(n, rel, base)
            else:
                # "Al día siguiente del funeral": the day after the told event naming the funeral
                anchor = (_anchor_match(rel, ev, story_events, story_told, earlier_only=True)[0]
                          if rel.anchor and rel.direction == "after" else None)
                if anchor is not None:
                    ev.extra["after"] = anchor
                    base = _anchor_base(anchor, grain)[0] if anchor.date else (n.value, n.day_grain)
                else:
                    if prev is not None:
                        ev.extra["after" if rel.direction == "after" else "same"] = prev
                    base = (n.value, n.day_grain) if n.value is not None or seed is None else (seed, True)
                    if rel.anchor and rel.direction == "after":
                        ev.extra["after_noun"] = rel  # named event told in another document: story pass
                prec = (_anchor_base(anchor, grain)[1] if anchor is not None and anchor.date else n.precision)
                if base[0] is not None and not base[1] and not _coarse_shift(rel, prec) \
                        and prec in ("month", "season"):
                    # "En la primavera de 1898 ... Al día siguiente": only the season is known
                    ev.extra["coarse_base"] = (base[0], prec)
                unnamed = anchor is None and bool(rel.anchor) and rel.direction == "after"
                if unnamed:
                    # "8 months after graduating" with no graduation told: counting from whatever the story
                    # last dated (a birth) would invent a date; it is only at or after the narrative date
                    est = rel.value = base[0]
                else:
                    est = _apply_relative(n, rel, base)
            _set(ev, est, "relative", rel.text, True)
            grain[id(ev)] = n.day_grain if est is not None else False
            if est is not None and rel.direction != "before" and unnamed:
                intervals.open_after(ev, base[0], prec, rel.text)
            elif est is not None and not base[1] and _counted(rel, base, prec) and prec in ("month", "season", "year"):
                # "Two years later" after "In 1950": 1952 at the grain the base was known to, not 1 January 1952
                ev.date_precision = prec
            elif est is not None and not _counted(rel, base, prec):
                # "The next day" after "In October 1957": a day after some day of October, not a day of it
                if rel.direction == "before":
                    intervals.open_before(ev, base[0], prec, rel.text)
                else:
                    intervals.open_after(ev, base[0], prec, rel.text)
        elif (cent := _century_span(ts)) is not None:
            # "a principios del siglo XX fundó ...": the years of that part of the century, an interval
            # of its own; a century is too coarse to move the story, which stays where it was
            lo, hi, text = cent
            if n.value is not None and n.precision != "decade" and lo <= n.value[:4] <= hi:
                lo = intervals.lower(n.value, n.precision)  # told after a date inside it: not before that date
            intervals.closed(ev, lo, hi, text)
            ev.extra["own_span"] = True  # its own words' date: order anchors it, as a decade at its start
            grain[id(ev)] = False
        elif any(t.kind == "underspecified" for t in ts):
            # "In October" with no year stated yet: undated, but the reader still sees what was said
            _set(ev, None, "unknown", next(t.text for t in ts if t.kind == "underspecified"), False)
            grain[id(ev)] = False
        elif (back and any(back.search(x.text or "") for x in ev.sources[:1]) and not opened
              and n.value is not None and n.day_grain):
            # "que había envenenado el té": some time up to the story's day, not on it, nor in its month
            intervals.open_before(ev, n.value, "day", n.text)
            grain[id(ev)] = False
        elif n.value is not None and ev.kind == "story" and (memory is not None or (
                memory_cue is not None and here is not None and memory_cue.search(ev.sources[0].text or ""))):
            # "He relives the memories of his childhood", "Nel secondo dopoguerra ...": told from the
            # narrative date, it happened before it; the story resumes where it was
            if memory is None:
                memory, memory_para = replace(n), here.para
            intervals.open_before(ev, memory.value, memory.precision, memory.text)
            grain[id(ev)] = False
        elif n.value is not None and n.day_grain and weekday is not None and weekday.search(ev.sources[0].text or ""):
            # "At a press conference last Thursday" told on Friday 10 November: Thursday the 9th
            m = weekday.search(ev.sources[0].text or "")
            value = cues.past_weekday(m, n.value, lang)
            if value is not None:
                n.value, n.precision, n.text, n.day_grain = value, "relative", m.group(0), True
                _set(ev, value, "relative", m.group(0), True)
            else:
                intervals.open_after(ev, n.value, n.precision, n.text)
            grain[id(ev)] = value is not None
        elif n.value is not None and n.day_grain and small is not None and small.search(ev.sources[0].text or "") \
                and not small.search(n.text or "") and _evening(ev.sources[0].sent):
            # "At 1:11 am" after an evening: the small hours of the next day
            m = small.search(ev.sources[0].text or "")
            n.value = (_date(n.value) + dt.timedelta(days=1)).isoformat()
            n.precision, n.text, n.day_grain = "relative", m.group(0), True
            _set(ev, n.value, "relative", m.group(0), True)
            grain[id(ev)] = True
        elif n.value is not None:
            # no date of its own: at or after the narrative date, bounded above later (intervals.close)
            intervals.open_after(ev, n.value, n.precision, n.text)
            grain[id(ev)] = n.day_grain
            drifting.add(id(ev))
            ev.extra["no_time"] = True
        else:
            _set(ev, None, "unknown", "", False)
            grain[id(ev)] = False
        if fb:
            n = saved  # "Three days before the vote she had organised...": the story resumes on the vote
        else:
            prev = ev
        settle()
        # a forward anchor is told near its event: give up on one waiting too long
        waiting = [w for w in waiting if seen - w[2] <= ANCHOR_WINDOW]

    # "three days before the wedding" told before the wedding: estimate from the wedding's date
    for ev, anchor, rel in pending:
        if anchor.date and grain.get(id(anchor)):
            rel.value = _shift(anchor.date, rel)
            ev.date = rel.value
            ev.date_precision = "relative"
            intervals.point(ev)
            # "Tres días antes de la boda la visitó y le prometió ayudarla": what the document tells next
            # with no time of its own happens at or after that day, not from the older narrative date
            for nxt in events[events.index(ev) + 1:]:
                if nxt.kind != "story":
                    continue
                if id(nxt) not in drifting:
                    break
                if intervals.is_interval(nxt) and nxt.date_from and nxt.date and nxt.date < ev.date:
                    intervals.open_after(nxt, ev.date, "day", ev.date_text,
                                         hi=nxt.date_to if nxt.date_to and bound_end(nxt.date_to) >= ev.date else None)


def _ages_as_years(events: list[Event]) -> None:
    """"A los 15 años" after "nació en 1920": some day between the 15th and the 16th birthday, i.e. the
    years 1935-1936 at year grain, never a birth day or a point."""
    for ev in events:
        if ev.kind != "story" or ev.date_precision != "year":
            continue
        t = next((t for t in ev.timex if t.kind == "age" and t.year is not None and t.text == ev.date_text), None)
        if t is not None and ev.date == t.value:
            ev.date_from, ev.date_to = f"{t.year:04d}", f"{t.year + 1 + getattr(t, 'age_more', 0):04d}"
            ev.date_precision = "interval"
            ev.extra["date_approx"] = True


def run(story: Story) -> Story:
    _claim_fallback(story)
    # durations and sets ("for ten days", "every summer") say how long or how often, never when
    dates_only = lambda ts: [t for t in ts if t.kind not in ("duration", "set")]  # noqa: E731
    for e in story.events:
        e.timex = dates_only(e.timex)
    claimed = {id(t) for e in story.events for t in e.timex}
    docs = {d.doc: d for d in story.docs}
    sents: dict[str, dict[int, Sentence]] = {}
    for s in story.sentences:
        sents.setdefault(s.doc, {})[s.idx] = s
    ev_by_doc: dict[str, list[Event]] = {}
    for e in story.events:
        if e.sources:
            ev_by_doc.setdefault(e.sources[0].doc, []).append(e)
    orphans: dict[str, list[TimeExpr]] = {}
    for t in dates_only(story.timex):
        if id(t) not in claimed:
            orphans.setdefault(t.doc, []).append(t)
    # what the finder left out (a year after a day and month, an era, a heading, an age clause)
    found = len(story.timex)
    cues.complete(story, docs)
    claimed = {id(t) for e in story.events for t in e.timex}
    for t in story.timex[found:]:
        if id(t) not in claimed:
            orphans.setdefault(t.doc, []).append(t)
    for doc in dict.fromkeys(list(ev_by_doc) + list(orphans)):
        evs = sorted(ev_by_doc.get(doc, []), key=lambda e: e.told)
        document = docs.get(doc)
        lang = document.lang if document else (evs[0].lang if evs else "en")
        _resolve_doc(story, doc, evs, orphans.get(doc, []), document, sents.get(doc, {}), lang)
    _from_document_dates(story)
    _across_documents(story.events)
    _ages_as_years(story.events)
    for doc, evs in ev_by_doc.items():
        paras = {k: v.para for k, v in sents.get(doc, {}).items()}
        intervals.background(sorted((e for e in evs if e.kind == "story"), key=lambda e: e.told), paras)
    _clauses_share_their_sentence_time(story.events)
    for doc, evs in ev_by_doc.items():
        paras = {k: v.para for k, v in sents.get(doc, {}).items()}
        intervals.close(sorted((e for e in evs if e.kind == "story"), key=lambda e: e.told), paras)
    return story


def _from_document_dates(story: Story) -> None:
    """"Sales dropped 42% from the previous year" in a dated article with no date before it: the year before
    the article's. Only the expression gets that value: a comparison is no date of the event it is told in,
    so neither the event nor the narrative moves."""
    for t in story.timex:
        day = story.doc_dates.get(t.doc)
        if (day and t.kind == "relative" and t.type == "DATE" and t.value is None and t.anchor is None and t.amount
                and t.direction in ("before", "after") and t.unit in ("day", "week", "month", "year")):
            try:
                t.value = _shift(day, t)
            except ValueError:
                continue


def _clauses_share_their_sentence_time(events: list[Event]) -> None:
    """"Al día siguiente Rota cerró la fábrica y despidió a las obreras": a clause the events stage cut from
    a sentence, with no time of its own, happens at or after the clause before it in that sentence, even
    when that clause's date was only settled later (from a wedding told after it, from another document),
    never back at the older narrative date. It is a moment of its own (that is why it was cut), so it gets
    no point date."""
    prev = None
    for ev in sorted((e for e in events if e.kind == "story" and e.sources), key=lambda e: e.told):
        same = (prev is not None and prev.sources[0].doc == ev.sources[0].doc
                and prev.sources[0].sent == ev.sources[0].sent)
        if (same and ev.extra.pop("no_time", False) and prev.date and intervals.is_interval(ev)
                and (ev.date or "") < prev.date):
            if intervals.is_interval(prev):
                intervals.open_after(ev, prev.date_from, intervals.grain_of(prev.date_from), prev.date_text)
            else:
                intervals.open_after(ev, prev.date, prev.date_precision, prev.date_text)
        ev.extra.pop("no_time", None)
        prev = ev


def _across_documents(events: list[Event]) -> None:
    """What one document leaves open, another may state.

    "Al día siguiente del funeral" with no funeral told in its own document: the day after the first
    dated event naming it elsewhere. "En la primavera de 1898 ... Al día siguiente": a day offset from a
    season (or month) stays an estimate, but never before the first day another document states within
    that period; a chain of such offsets keeps its telling order."""
    story = sorted((e for e in events if e.kind == "story" and e.sources), key=lambda e: e.told)
    for ev in story:
        rel = ev.extra.pop("after_noun", None)
        if rel is None or not rel.anchor:
            continue
        pat = _anchor_pattern(rel.anchor)
        doc = ev.sources[0].doc
        anchor = next((e for e in story if e.sources[0].doc != doc and e.date and _mentions(e, pat)), None)
        if anchor is not None:
            day = anchor.date_precision in ("day", "relative") and anchor.extra.get("date_approx") is False
            if day:
                ev.date = rel.value = _shift(anchor.date, rel)
                ev.date_precision = "relative"
                ev.extra["date_approx"] = True
                intervals.point(ev)
            else:  # after an event known only to its month or year: at or after that period
                (value, _), prec = _anchor_base(anchor, {})
                rel.value = value
                intervals.open_after(ev, value, prec, ev.date_text)
    days: dict[str, list[str]] = {}
    for e in story:
        if e.date and e.date_precision == "day" and not e.extra.get("date_approx", True):
            days.setdefault(e.sources[0].doc, []).append(e.date)
    floor: dict[tuple[str, str], str] = {}  # (doc, coarse base) -> estimate of the previous offset
    for ev in story:
        base = ev.extra.pop("coarse_base", None)
        if base is None or ev.rel is None or not ev.date:
            continue
        value, prec = base
        doc = ev.sources[0].doc
        end = _add_months(_date(value), SPAN_MONTHS[prec]).isoformat()
        inside = [d for other, ds in days.items() if other != doc for d in ds if value <= d < end]
        key = (doc, value)
        start = floor.get(key) or (min(inside) if inside else None)
        if start is None or start <= value:
            continue
        est = _shift(start, ev.rel) if ev.rel.direction in ("after", "same") else start
        ev.date = ev.rel.value = est
        if intervals.is_interval(ev):
            ev.date_from = est  # not before the first day another document states within that period
        floor[key] = est
