"""Stage: dates - resolve event dates the way a reader does, walking each document in telling order.

A running narrative date (value, precision, the text that stated it) is set by explicit
expressions of story events (and of sentences that produced no event), fills in the year of
underspecified ones ("In October"), anchors relative ones ("The next day") and is inherited by
story events that state no date. Production/reception dates ("released in 1999") neither move
nor inherit it. Each document has its own narrative.
"""
from __future__ import annotations

import calendar
import datetime as dt
import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import lexicons
from .model import Document, Event, Sentence, Story, TimeExpr

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
    return RANK.get(n.precision, 5) < RANK["year"] and cur.month - t.month > ROLL_MIN_GAP


def _resolve_under(t: TimeExpr, n: _Narrative, flashback: bool = False) -> None:
    """Give an underspecified expression ("In October") the year of the narrative, moving forward."""
    if n.value is None or n.precision == "decade" or t.month is None:
        t.value, t.precision = None, "unknown"
        return
    cur = _date(n.value)
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


def _apply_relative(n: _Narrative, t: TimeExpr, base: tuple[str | None, bool]) -> str | None:
    value, day_grain = base
    if value is None:
        return None
    est = _shift(value, t) if day_grain else value
    t.value = est
    if day_grain:
        # only a day anchor makes the estimate finer than what the narrative already knows
        n.value, n.precision, n.text, n.day_grain = est, "relative", t.text, True
    return est


@lru_cache(maxsize=None)
def _flashback(lang: str) -> re.Pattern | None:
    """Pluperfect ("had arranged", "había arreglado", "aveva organizzato"): a look back from the narrative."""
    cues = lexicons.load(lang, "temporal").get("flashback_cues", [])
    return re.compile("|".join(f"(?:{c})" for c in cues), re.IGNORECASE) if cues else None


@lru_cache(maxsize=None)
def _cue(lang: str, topic: str) -> re.Pattern | None:
    """production_cues ("released"), setting_cues ("is set in") of a language as one pattern."""
    cues = lexicons.load(lang, "temporal").get(topic, [])
    if not cues:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
                      + r")(?!\w)", re.IGNORECASE)


ANCHOR_WINDOW = 40  # events either side: an anchor ("before the wedding") is told near its event


def _anchor_event(t: TimeExpr, ev: Event, story_events: list[Event], prev: Event | None,
                  told: list[float] | None = None) -> Event | None:
    """The event a "before" expression points at: the one mentioning its anchor noun, else the previous."""
    if t.anchor:
        noun = t.anchor.lower().replace("’", "'").split()[-1].split("'")[-1]
        stem = noun[:max(4, len(noun) - 2)]
        pat = re.compile(r"(?<!\w)" + re.escape(stem), re.IGNORECASE)
        told = told if told is not None else [e.told for e in story_events]  # sorted: telling order
        i = bisect.bisect_left(told, ev.told)
        near = story_events[max(0, i - ANCHOR_WINDOW): i + ANCHOR_WINDOW + 1]
        others = [e for e in near if e is not ev]
        later = [e for e in others if e.told > ev.told]
        earlier = [e for e in others if e.told <= ev.told][::-1]
        for e in later + earlier:
            texts = [s.text for s in e.sources[:1]] + [e.title]
            if any(pat.search(x or "") for x in texts):
                return e
    return prev


def _set(ev: Event, value: str | None, precision: str, text: str, approx: bool) -> None:
    ev.date, ev.date_precision, ev.date_text = value, precision if value is not None or precision == "relative" \
        else "unknown", text
    ev.extra["date_approx"] = approx and value is not None


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

    cue = _cue(lang, "production_cues")
    back = _flashback(lang)
    setting = _cue(lang, "setting_cues")
    prod_sents = {e.sources[0].sent for e in events if e.kind != "story"}
    story_events = sorted((e for e in events if e.kind == "story"), key=lambda e: e.told)
    story_told = [e.told for e in story_events]
    n = _Narrative()
    prev: Event | None = None
    grain: dict[int, bool] = {}          # id(event) -> its date is a day
    pending: list[tuple[Event, Event, TimeExpr]] = []

    for _, item in items:
        if isinstance(item, TimeExpr):
            t = item
            sent = sentences.get(t.sent)
            if t.sent in prod_sents or (cue and sent is not None and cue.search(sent.text)):
                continue  # "released in 1999": not story time
            fb = bool(back and sent is not None and back.search(sent.text))
            saved = replace(n)
            if t.kind == "underspecified":
                _resolve_under(t, n, fb)
            if t.kind == "relative":
                _apply_relative(n, t, (n.value, n.day_grain))
            elif t.value is not None:
                _apply_explicit(n, t)
            if fb:
                n = saved  # a look back dates itself but the story resumes where it was
            continue

        ev: Event = item
        ts = sorted(ev.timex, key=lambda t: t.cstart)
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
            continue
        fb = bool(back and ts and any(back.search(x.text or "") for x in ev.sources[:1]))
        saved = replace(n)
        for t in ts:
            if t.kind == "underspecified":
                _resolve_under(t, n, fb)
        own = _pick(ts)
        rel = next((t for t in ts if t.kind == "relative"), None)
        if own is not None:
            if _apply_explicit(n, own):
                _set(ev, own.value, own.precision, own.text, False)
            else:  # "in 1957" told while in October 1957: keep the finer narrative date
                _set(ev, n.value, n.precision, n.text, True)
            if rel is not None:
                ev.rel = rel
            grain[id(ev)] = n.day_grain
        elif rel is not None:
            ev.rel = rel
            if rel.direction == "before":
                anchor = _anchor_event(rel, ev, story_events, prev, story_told)
                if anchor is not None:
                    ev.extra["before"] = anchor
                    if anchor.told > ev.told:
                        pending.append((ev, anchor, rel))
                base = ((anchor.date, grain.get(id(anchor), False)) if anchor is not None and anchor.date
                        and anchor.told <= ev.told else (n.value, n.day_grain))
            else:
                if prev is not None:
                    ev.extra["after" if rel.direction == "after" else "same"] = prev
                base = (n.value, n.day_grain)
            est = _apply_relative(n, rel, base)
            _set(ev, est, "relative", rel.text, True)
            grain[id(ev)] = n.day_grain if est is not None else False
        elif any(t.kind == "underspecified" for t in ts):
            # "In October" with no year stated yet: undated, but the reader still sees what was said
            _set(ev, None, "unknown", next(t.text for t in ts if t.kind == "underspecified"), False)
            grain[id(ev)] = False
        else:
            _set(ev, n.value, n.precision, n.text, True)
            grain[id(ev)] = n.day_grain
        if fb:
            n = saved  # "Three days before the vote she had organised...": the story resumes on the vote
        else:
            prev = ev

    # "three days before the wedding" told before the wedding: estimate from the wedding's date
    for ev, anchor, rel in pending:
        if anchor.date and grain.get(id(anchor)):
            rel.value = _shift(anchor.date, rel)
            ev.date = rel.value


def run(story: Story) -> Story:
    _claim_fallback(story)
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
    for t in story.timex:
        if id(t) not in claimed:
            orphans.setdefault(t.doc, []).append(t)
    for doc in dict.fromkeys(list(ev_by_doc) + list(orphans)):
        evs = sorted(ev_by_doc.get(doc, []), key=lambda e: e.told)
        document = docs.get(doc)
        lang = document.lang if document else (evs[0].lang if evs else "en")
        _resolve_doc(story, doc, evs, orphans.get(doc, []), document, sents.get(doc, {}), lang)
    return story
