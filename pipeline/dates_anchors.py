"""What a relative expression or an age counts from, for the dates stage: the told event an anchor noun
names ("three days before the wedding", settled once that event is dated when it is told later), the
look-backs that open a frame, and the birth year an age ("a los 12 años") is added to."""
from __future__ import annotations

import bisect
import datetime as dt
import re

from . import datecues as cues, intervals, timex_tense
from .dates_narrative import EXPLICIT, _shift
from .model import Event, Sentence, TimeExpr
from .schema import bound_end

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


def _settle_pending(events: list[Event], pending: list[tuple[Event, Event, TimeExpr]], grain: dict[int, bool],
                    drifting: set[int]) -> None:
    """"three days before the wedding" told before the wedding: estimate from the wedding's date."""
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


def _from_doc_day(t: TimeExpr, doc_day: dt.date, stamp: str, sentences: dict[int, Sentence], lang: str) -> None:
    """"That summer", "ese verano" in a dated article that has stated no year yet: the one the verb's tense
    places around the article's date, as a yearless month there is."""
    sent = sentences.get(t.sent)
    tense = timex_tense.tense(lang, sent.text, t.cstart - sent.cstart, t.cend - sent.cstart) if sent else 0
    year = doc_day.year - (tense < 0 and t.month > doc_day.month) + (tense > 0 and t.month < doc_day.month)
    try:
        t.value = dt.date(year, t.month, t.day or 1).isoformat()
    except ValueError:
        return
    t.precision = "day" if t.day else "season" if t.season else "month"
    t.resolved_from = stamp
