"""The dates stage's walk over one document in telling order.

The running narrative date is set by explicit expressions of story events (and of sentences that
produced no event), fills in the year of underspecified ones, anchors relative ones and bounds the
story events that state no date; production/reception dates neither move, bound nor inherit it.
The arithmetic of the narrative is in dates_narrative.py, what relatives count from in dates_anchors.py.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import replace

from . import intervals, lexicons
from .textutil import fold
from . import datecues_page as page
from . import datecues as cues
from .dates_anchors import ANCHOR_WINDOW, _from_doc_day, _anchor_match, _opens_lookback, _resolve_ages, _settle_pending
from .dates_narrative import (EXPLICIT, _Narrative, _anchor_base, _apply_explicit, _apply_relative,
                              _century_span, _contains, _coarse_shift, _counted, _date, _jumps_back, _looks_back, _pick,
                              _present_of,
                              _resolve_under, _retells, _sequence_end, _set, _shift, _state)
from .model import Document, Event, Sentence, Story, TimeExpr


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
    until = frozenset(fold(w) for w in (lexicons.load(lang, "temporal") or {}).get("until_leads", ()))
    prod_sents = {e.sources[0].sent for e in events if e.kind != "story"} | page.datelines(orphans, sentences, lang)

    def production(sent_idx: int) -> bool:
        sent = sentences.get(sent_idx)
        return sent_idx in prod_sents or bool(cue and sent is not None and cue.search(sent.text))

    prod_sents |= page.field_dates(orphans, sentences, lang, production,
                                   {e.sources[0].sent for e in events if e.kind == "story"})
    quoted = cues.quoted_paragraphs(sentences)

    sub = cues.subordinate_ids(orphans, events, sentences, document, lang)
    # the years the document states, in telling order: "El 2 de marzo" before any year reads on to one
    stated = sorted(((t.sent, t.cstart), t) for t in list(orphans) + [t for e in events if e.kind == "story"
                                                                        for t in e.timex]
                    if t.kind in EXPLICIT and t.year is not None and id(t) not in sub and not production(t.sent)
                    and t.sent not in quoted)
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
            # "el 17 de mayo de ese mismo año": the year last stated, in its sentence or before it
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
            _from_doc_day(t, doc_day, story.doc_dates[doc], sentences, lang)

    # day-dates stated so far ((sentence, offset), ISO day, text): the explicit ones, then those read
    days_told: list[tuple[tuple[int, int], str, str]] = [(k, t.value, t.text) for k, t in stated
                                                         if t.precision == "day" and t.value]

    def ahead(t: TimeExpr) -> TimeExpr | None:
        i = bisect.bisect_right(stated_keys, (t.sent, t.cstart))
        return stated[i][1] if i < len(stated) else None

    small = cues.pattern_list(lang, "small_hours")
    morning = cues.pattern_list(lang, "next_morning")
    ahead_cue = cues.pattern_list(lang, "flash_forward_cues")
    weekday = cues.weekday_past(lang)
    evening_cue = cues.cue_list(lang, "evening_cues")

    def _evening(sent_idx: int) -> bool:
        """The narrative's own words or the sentence before put the story in an evening or a night."""
        if evening_cue is None:
            return False
        before = sentences.get(sent_idx - 1)
        return bool(evening_cue.search(n.text or "") or (before is not None and evening_cue.search(before.text)))

    appositions = cues.counted_appositions([t for e in events if e.kind == "story" for t in e.timex
                                            if id(t) not in sub], sentences)
    returns = sorted(i for i, s in sentences.items() if ret is not None and ret.search(s.text))
    ret_i = 0
    story_events = sorted((e for e in events if e.kind == "story"), key=lambda e: e.told)
    story_told = [e.told for e in story_events]
    n = _Narrative()
    memory: _Narrative | None = None     # the narrative a remembered past ("relives his childhood") is told from
    memory_para = -1
    memory_cue = cues.cue_list(lang, "memory_cues")
    recall = cues.cue_list(lang, "recall_cues")
    birth = cues.birth_cue(lang)
    born: str | None = None  # the date of the birth the document told, once told
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
        nonlocal ret_i, n, frame, memory, back_para
        while ret_i < len(returns) and returns[ret_i] <= sent_idx:
            ret_i += 1
            memory = back_para = None
            if frame is not None:
                n, frame = frame, None

    back_para: int | None = None  # the paragraph a pluperfect opening went back in (its frame lasts it)

    def leave_paragraph(sent_idx: int) -> None:
        """A look-back a paragraph opened ends with that paragraph: the story returns to where it was."""
        nonlocal n, frame, back_para
        here = sentences.get(sent_idx)
        if back_para is None or here is None or here.para == back_para:
            return
        if frame is not None:
            n, frame = frame, None
        back_para = None

    def lookback(ts: list[TimeExpr]) -> bool:
        nonlocal frame
        if any(_opens_lookback(t) for t in ts) and n.value is not None:
            if frame is None:
                frame = replace(n)
            return True
        return False

    def settle() -> None:
        nonlocal frame, back_para
        if frame is not None and frame.value is not None and n.value is not None and n.value >= frame.value:
            frame = back_para = None  # the story caught up with the frame: nothing to return to

    for _, item in items:
        if isinstance(item, TimeExpr):
            t = item
            enter(t.sent)
            leave_paragraph(t.sent)
            sent = sentences.get(t.sent)
            if id(t) in sub or production(t.sent) or t.sent in quoted:
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
        leave_paragraph(ev.sources[0].sent)
        ts = sorted(ev.timex, key=lambda t: t.cstart)
        here = sentences.get(ev.sources[0].sent)
        if memory is not None and (here is None or here.para != memory_para
                                   or any((t.kind in EXPLICIT or t.kind == "age" and t.value is not None)
                                          and id(t) not in sub for t in ts)):
            memory = None  # a remembered past lasts its paragraph, or until the text dates it ("At 17, ...")
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
        ts = [t for t in ts if id(t) not in sub and not cues.planned(t, sentences, lang) and t.sent not in quoted]
        seen += 1
        pair = next((p for p in appositions if any(t is p[0] or t is p[1] for t in ts)), None)
        if pair is not None:
            # "Obsesionado por un crimen ocurrido veinticinco años antes, en 1974, decide escribir": the count
            # and its date tell the past (1974); the clause that holds the count alone is that past, the
            # rest of the sentence is told from the present the count is made from (1999). The story goes
            # on in the past it opened, and a return cue brings it back to that present.
            rel, past = pair
            rel.value = past.value
            now, grain_of = _present_of(rel, past)
            if frame is None:
                frame = _Narrative(now, grain_of, rel.text, False, rel.text)
            _state(n, past)
            if any(t is past for t in ts):
                _set(ev, now, grain_of, rel.text, True)
            else:
                _set(ev, past.value, past.precision, past.text, False)
            prev = ev
            grain[id(ev)] = False
            settle()
            continue
        opened = lookback(ts)
        # inside a look-back opened by "Ten years earlier" the pluperfect does not send the story back again
        fb = bool(back and ts and any(back.search(x.text or "") for x in ev.sources[:1])) and not opened
        saved, saved_frame = replace(n), frame
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
        if (fb and own is not None and own.kind in EXPLICIT + ("underspecified",) and frame is None
                and n.value is not None and own.value < n.value and not ev.extra.get("side_time")
                and _opens_paragraph(here, sentences)):
            # "On 12 October he lands. || The departure had taken place on 3 August, from Palos ...": a
            # paragraph that opens by going back to a date of its own tells on from there (what follows is
            # that past, "On 16 September" is the September after the departure) to the paragraph's end,
            # unless it catches up with the story it left first; a pluperfect inside a paragraph only dates
            # itself
            frame, fb, back_para = replace(n), False, here.para
        if (own is not None and born is None and birth is not None and own.kind in EXPLICIT
                and birth.search(ev.sources[0].text or "")):
            born = own.value
        if (own is not None and recall is not None and own.kind in EXPLICIT and frame is None and not fb
                and n.value is not None and own.value < n.value and not _contains(
                    own.value, own.precision, n.value, n.precision) and here is not None
                and recall.search(here.text[:max(0, own.cstart - here.cstart)])
                and recall.search(ev.sources[0].text or "")):
            # "In 1981 he sits at a bus stop. He recalls his childhood in the 1950s": the date is what he
            # remembers, the remembering is told at the story's date; the story goes back to that past
            # (what follows is remembered) until a return cue or the story catching up
            intervals.open_after(ev, n.value, n.precision, n.text)
            frame = replace(n)
            _state(n, own)
            prev = ev
            grain[id(ev)] = False
            settle()
            continue
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
            elif (own.value and not own.range and not fb and ev.date == own.value and saved.value
                  and saved.value < own.value and own.precision in ("day", "month", "year")
                  and fold(own.lead or "") in until):
                # "dove rimase fino al 1610", "he stayed there until 1610": the stay ends then; it began
                # at the story's date before it, so the event spans the two and sorts at its start
                intervals.open_after(ev, saved.value, saved.precision, saved.text,
                                     hi=intervals.upper(own.value, own.precision))
                ev.extra["date_approx"] = False
            if rel is not None:
                ev.rel = rel
                if (rel.value is None and own.value and own.cstart < rel.cstart and rel.anchor is None
                        and rel.direction in ("before", "after") and rel.unit in ("month", "year")):
                    # "costs fell last year, more than the previous year": counted from the clause's own date;
                    # the event keeps that date, the comparison only gets its value
                    rel.value = _shift(own.value, rel)
                    if (rel.direction == "after" and rel.amount and not fb and ev.date == own.value
                            and not intervals.is_interval(ev) and own.precision in ("day", "month", "season", "year")):
                        # "In 1615 the letter was read, and so the following year he was
                        # warned": one telling of two steps spans them, as two stated dates do; the story
                        # stays at the first
                        intervals.open_after(ev, own.value, own.precision, own.text,
                                             hi=intervals.upper(rel.value, rel.unit))
                        ev.extra["date_approx"] = False
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
            if (morning is not None and small is not None and rel.direction == "after" and rel.unit == "day"
                    and rel.amount == 1 and morning.search(rel.text) and prev is not None and n.day_grain
                    and prev.date == n.value and any(small.search(x.text or "") for x in prev.sources[:1])):
                # "At two past midnight on 4 May the lookout sees a light. The next morning they land": the
                # morning after the small hours is the same day
                rel.direction, rel.amount = "same", 0
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
            vague = (est is not None and base[1] and rel.amount is None and rel.direction == "after"
                     and not unnamed and rel.unit in ("moment", "day", "week", "month", "year"))
            if vague:
                # "Months later", "Días después", "Later" from a known day: at least that much later, but no
                # day of its own (one month is a guess); the story's day is no longer known either, so what
                # follows ("the next day") is counted from no day and nothing before is bounded by the guess
                n.day_grain = False
            grain[id(ev)] = n.day_grain if est is not None else False
            if vague:
                intervals.open_after(ev, est, "day", rel.text)
            elif est is not None and rel.direction != "before" and unnamed:
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
                memory_cue is not None and here is not None and memory_cue.search(ev.sources[0].text or "")
                and not (born is not None and int(n.value[:4]) - int(born[:4]) <= CHILDHOOD_YEARS))):
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
            if ahead_cue is not None and ahead_cue.search(ev.sources[0].text or ""):
                # "Da questa scuola usciranno tre futuri Premi Nobel": told ahead of the story, after the narrative
                # date but not before the next date the document states
                ev.extra["ahead"] = True
            grain[id(ev)] = n.day_grain
            drifting.add(id(ev))
            ev.extra["no_time"] = True
        else:
            _set(ev, None, "unknown", "", False)
            grain[id(ev)] = False
        listed = (own is not None and own.kind in EXPLICIT + ("underspecified",) and prev is not None
                  and saved.value is not None and prev.sources[0].doc == ev.sources[0].doc
                  and prev.sources[0].sent == ev.sources[0].sent and prev.date == saved.value
                  and not intervals.is_interval(prev) and not prev.extra.get("date_approx", True)
                  and ev.date == own.value and own.value[:4] > saved.value[:4] and saved.precision != "decade"
                  and (after := ahead(own)) is not None and after.value is not None and after.value < own.value)
        if listed:
            # "The siege opens on 3 March 1620 ... | and is lifted on 9 November 1621. ... On 20 August
            # 1621 ...": the dates of other years one sentence tells in order, when the document then goes
            # back between them, are one telling of its span, as they are in one clause (_sequence_end); the
            # story stays at the first and tells what lies between
            n = saved
        elif fb or (ev.extra.get("side_time") and saved.value is not None):
            # "Three days before the vote she had organised...": the story resumes on the vote; so it does after
            # a side clause's own date (", who founded the school in 1907", ", stampato nel 1632"), unless
            # the story had no date yet: then the side clause's is the best known
            n = saved
            if not fb:
                frame = saved_frame  # an earlier date in a side clause opens no flashback
        else:
            prev = ev
        settle()
        # a forward anchor is told near its event: give up on one waiting too long
        waiting = [w for w in waiting if seen - w[2] <= ANCHOR_WINDOW]

    _settle_pending(events, pending, grain, drifting)


# "As a child ..." told while the story is at most this many years past the birth it told: the childhood that
# follows the birth, not a remembered past
CHILDHOOD_YEARS = 12


def _opens_paragraph(here: Sentence | None, sentences: dict[int, Sentence]) -> bool:
    """Whether the sentence is the first of its paragraph (and not the document's first)."""
    if here is None:
        return False
    before = sentences.get(here.idx - 1)
    return before is not None and before.para != here.para
