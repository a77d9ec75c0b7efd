"""Stage: dates - resolve event dates the way a reader does, walking each document in telling order.

A running narrative date (value, precision, the text that stated it) is set by explicit
expressions of story events (and of sentences that produced no event), fills in the year of
underspecified ones ("In October"), anchors relative ones ("The next day") and bounds the story
events that state no date: they get an interval from it to the next date the document states
(intervals.py), never the narrative's date as if it were theirs. Production/reception dates
("released in 1999") neither move, bound nor inherit it. Each document has its own narrative.
The walk over a document is in dates_walk.py, its narrative arithmetic in dates_narrative.py, what
relatives and ages count from in dates_anchors.py; the cues read from the text in datecues.py.
"""
from __future__ import annotations

from dataclasses import replace

from . import intervals, lexicons
from . import datecues as cues
from .dates_anchors import _anchor_pattern, _mentions
from .dates_narrative import EXPLICIT, SPAN_MONTHS, _add_months, _anchor_base, _date, _shift
from .dates_births import births_retold
from .dates_spans import months_of_other_years, months_of_own_year, spans_of_several_times
from .dates_walk import _resolve_doc
from .model import Event, Sentence, Story, TimeExpr
from .textutil import fold, tokens


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



def _counted_after(t: TimeExpr, sent_of: dict) -> TimeExpr:
    """A duration right after "after" / "tras" / "al cabo de" / "dopo" (after_duration_leads) as the relative
    time it is for the story ("After three months of searching, ..." = three months later); the time
    expression itself stays a DURATION (TimeML leaves the signal out). Anything else is returned as it is."""
    if t.kind != "duration" or not t.amount or t.unit not in ("day", "week", "month", "year"):
        return t
    sent = sent_of.get((t.doc, t.sent))
    if sent is None:
        return t
    before = " " + " ".join(tokens(fold(sent.text[:max(t.cstart - sent.cstart, 0)])))
    leads = lexicons.load(sent.lang, "temporal").get("after_duration_leads", ())
    if not any(before.endswith(" " + " ".join(tokens(fold(w)))) for w in leads):
        return t
    amount, unit = t.amount, t.unit
    if amount != int(amount):
        # "after a month and a half": the story counts whole steps, so a fraction becomes days (or months)
        finer = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("day", 1)}[unit]
        unit, amount = finer[0], amount * finer[1]
    return replace(t, kind="relative", direction="after", amount=int(round(amount)), unit=unit)


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
    # durations and sets ("for ten days", "every summer") say how long or how often, never when; but
    # "after three months" counts from the story's date as "three months later" does
    sent_of = {(x.doc, x.idx): x for x in story.sentences}
    for e in story.events:
        counted = [_counted_after(t, sent_of) for t in e.timex if t.kind != "set"]
        e.timex = [t for t in counted if t.kind != "duration"]
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
    claimed_spans = {(t.doc, t.cstart, t.cend) for e in story.events for t in e.timex}
    for t in story.timex:
        if t.kind not in ("duration", "set") and id(t) not in claimed and (t.doc, t.cstart, t.cend) not in claimed_spans:
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
    months_of_own_year(story.events)
    months_of_other_years(story.events, {(s.doc, s.idx): s for s in story.sentences})
    _from_document_dates(story)
    _across_documents(story.events)
    spans_of_several_times(story.events)
    _ages_as_years(story.events)
    for doc, evs in ev_by_doc.items():
        paras = {k: v.para for k, v in sents.get(doc, {}).items()}
        intervals.background(sorted((e for e in evs if e.kind == "story"), key=lambda e: e.told), paras)
    _clauses_share_their_sentence_time(story.events)
    for doc, evs in ev_by_doc.items():
        document = docs.get(doc)
        _lead_summary(evs, sents.get(doc, {}), document.lang if document else "en")
    for doc, evs in ev_by_doc.items():
        paras = {k: v.para for k, v in sents.get(doc, {}).items()}
        intervals.close(sorted((e for e in evs if e.kind == "story"), key=lambda e: e.told), paras)
    for doc, evs in ev_by_doc.items():
        document = docs.get(doc)
        births_retold(evs, sents.get(doc, {}), [t for t in story.timex if t.doc == doc],
                      document.lang if document else "en")
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


def _lead_summary(events: list[Event], sentences: dict[int, Sentence], lang: str) -> None:
    """"Il 3 maggio del 1870 nacque Lia ... Fu una delle prime a laurearsi in legge. || Figlia di
    Carlo ..., Lia nacque a Lerda": a biography that tells the birth again, undated, in a later
    paragraph starts its story over; the paragraphs before that retelling sum up the life. Their events
    happen after the birth, and the dates the retold story states next do not bound them."""
    cue = cues.birth_cue(lang)
    if cue is None:
        return
    dated = {t.sent for e in events for t in e.timex if t.kind in EXPLICIT}
    births = sorted((s.para, s.idx in dated) for s in sentences.values() if cue.search(s.text))
    first = next((para for para, has_date in births if has_date), None)
    again = next((para for para, has_date in births if not has_date and first is not None and para > first), None)
    if again is None:
        return
    for ev in events:
        here = sentences.get(ev.sources[0].sent)
        if (ev.kind == "story" and here is not None and first < here.para < again and intervals.is_interval(ev)
                and ev.date_to is None):
            ev.extra["ahead"] = True
