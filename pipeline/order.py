"""Stage: order. Story chronology, telling rank and stable ids.

Story events are placed on one time line merged from every document's telling:
- an event with a date of its own (a point) sits at the start of its period, unless another event states
  a finer date inside that period ("in A.D. 79" and "on 24 August 79"): then the coarse date only says
  "some time in that period" and the event is placed by its telling, inside the period;
- an event that states none (an interval, or no date at all) sits between the dated events its own document
  tells around it, spaced by telling position, and inside its interval's bounds; told forward, never before
  the event its document tells just ahead of it. One with a dated event on one side only in every telling
  is placed after those with dates on both sides, so that it follows what they place. A document's sequence is thus
  merged with the others by the dated anchors each one states (a topological merge of the tellings constrained
  by dates), never by the order the documents come in nor by the last date carried over from another document;
- where a document goes back in time (a later date, then an earlier one: a flashback, background told after
  the frame), what it tells between them leads up to the earlier date it goes back to, from the earliest
  bound its events there state;
- a blurb (an undated opening paragraph that also speaks of the work) runs ahead to the end before the
  document tells the story from its beginning: its events are placed by the other documents that tell
  them, else after what their document goes on to tell;
- an event with no dated neighbour in its documents stays beside the event told before it in the fused telling;
- an event told as happening "before" its neighbour is moved just ahead of it.
Ties (several events on one day) follow the fused telling sequence. Production and reception events come
after the story, in telling order.
"""
from __future__ import annotations

import hashlib

from .model import Event, Story
from .schema import bound_start

_POINT = {"day", "month", "season", "year", "decade", "relative"}


def _resolve(ev: Event | None) -> Event | None:
    seen = 0
    while ev is not None and "merged_into" in ev.extra and seen < 50:
        ev = ev.extra["merged_into"]
        seen += 1
    return ev


def event_id(ev: Event) -> str:
    s = ev.sources[0]
    key = f"{s.doc}:{s.start}:{s.end}:{s.text}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _num(iso: str | None) -> float | None:
    """A day count for an ISO date or bound ("1957-10-04", "1922", "-0044-03-15"); None if unreadable."""
    if not iso:
        return None
    v = bound_start(iso)
    neg = v.startswith("-")
    parts = v.lstrip("-").split("-")
    try:
        y, m, d = int(parts[0]), int(parts[1]), int(parts[2])
    except (ValueError, IndexError):
        return None
    return (-y if neg else y) * 372.0 + (m - 1) * 31.0 + (d - 1)


def _anchor_value(e: Event) -> float | None:
    if e.date and e.date_precision in _POINT and not (e.date_from or e.date_to):
        return _num(e.date)
    if e.extra.get("own_span") and e.date_from:
        return _num(e.date_from)  # "a finales del siglo XIX": a span its own words state, at its start
    return None


def _placed(lo: float | None, hi: float | None, frac: float, returns: bool) -> float | None:
    """Where an event with no date of its own sits between the anchors around it (frac: its telling position).
    `returns`: after an earlier date the document comes back to `lo` (a look-back, not a flashback)."""
    if lo is not None and hi is not None:
        if lo <= hi:
            return lo + (hi - lo) * frac
        # the document goes back in time: a look-back it returns from leaves the event in the frame;
        # one it never returns from tells what leads up to the earlier date
        return lo if returns else hi
    return lo if lo is not None else hi


def _clamp(v: float, ev: Event) -> float:
    """Inside the interval the dates stage gave the event (its bounds are the event's own evidence). An upper
    bound stands for the dated event that closes the interval, which sits at the start of its period, so the
    event stays before that start; but a lower bound inside the upper bound's own period ("in 1979" told in
    the autumn of 1979: from the autumn up to 1979) wins: the event is in that period, not before it."""
    f, t = _num(ev.date_from), _num(ev.date_to)
    if t is not None and v > t:
        v = t
    if f is not None and v < f:
        v = f
    return v


# the length of a period on the day-count scale of _num, for a point date of that precision
_SPAN = {"month": 31.0, "season": 93.0, "year": 372.0, "decade": 3720.0}


def _coarse_bounds(story_evs: list[Event], value: dict[int, float]) -> dict[int, tuple[float, float]]:
    """Point dates coarser than another point date inside their period ("in A.D. 79" in one document,
    "on 24 August 79" in another; "in 1903" and "on 17 December 1903"): the coarse one says only that
    the event is somewhere in that period, so it is no anchor at the period's start (which would put it
    before everything the finer dates tell); it is placed by its telling, inside the period.
    Returns id -> (start, end) of the period for the events taken out of `value`."""
    # only stated dates count: a relative one ("the next day") estimated from the coarse date is no evidence
    fine = [(v, e) for e in story_evs
            if (v := value.get(id(e))) is not None and e.date_precision != "relative"]
    out: dict[int, tuple[float, float]] = {}
    for e in story_evs:
        v = value.get(id(e))
        span = _SPAN.get(e.date_precision or "")
        if v is None or span is None or e.extra.get("own_span"):
            continue
        inside = [f for w, f in fine if v < w < v + span and _SPAN.get(f.date_precision or "", 0.0) < span]
        # only when one of its documents tells a finer date of that period before it ("On 24 August 79 ...
        # In A.D. 79 ..."): told ahead of them ("In the summer of 1988 ... On 3 August ..."), it is where the
        # period's telling starts
        if any(s.doc == t.doc and t.start < s.start for s in e.sources for f in inside for t in f.sources):
            out[id(e)] = (v, v + span - 1.0)
    for k in out:
        del value[k]
    return out


def _blurbs(story: Story, story_evs: list[Event], value: dict[int, float]) -> dict[int, set[str]]:
    """id() -> documents, for the events of a document's blurb: a first paragraph that tells two story events
    or more, states no time at all (no date, no "the next day") and also speaks of the work, in a document
    whose next paragraphs state dates ("X escapes the deportation, lives in the ghetto, hides in the ruins,
    where an officer helps him survive. It is an adaptation of his memoirs." and then "On 1 September 1939
    ..."). Such a paragraph runs ahead to the end of the story before the document tells it from its
    beginning: its telling position says nothing of when its events happen. An opening that only sets the
    story up ("Ada is a shy girl. Her father keeps the lighthouse.") says nothing of the work and keeps its place."""
    para = {(s.doc, s.idx): s.para for s in story.sentences}
    by_doc: dict[str, list[tuple[int, int, Event]]] = {}
    for e in story_evs:
        for s in e.sources:
            by_doc.setdefault(s.doc, []).append((s.start, para.get((s.doc, s.sent), 0), e))
    about_work = {(s.doc, para.get((s.doc, s.sent), 0)) for e in story.events if e.kind != "story" for s in e.sources}
    out: dict[int, set[str]] = {}
    for doc, told in by_doc.items():
        told.sort(key=lambda t: t[0])
        first_para = told[0][1]
        opening = [e for _, p, e in told if p == first_para]
        later = [e for _, p, e in told if p != first_para]
        if (len(opening) >= 2 and (doc, first_para) in about_work
                and not any(e.date or e.date_from or e.date_to for e in opening)
                and any(id(e) in value for e in later)):
            for e in opening:
                out.setdefault(id(e), set()).add(doc)
    return out


def _values(story: Story, story_evs: list[Event]) -> tuple[dict[int, float], set[int]]:
    """Where each story event sits on the day-count scale, and the blurb events sent after their telling."""
    value: dict[int, float] = {}
    for e in story_evs:
        v = _anchor_value(e)
        if v is not None:
            value[id(e)] = v
    bounds = _coarse_bounds(story_evs, value)
    blurb = _blurbs(story, story_evs, value)
    # an event with dated events on both sides in some telling is placed first: placed only from one side
    # ("after September 1939", nothing dated after it), it waits until its neighbours in that telling
    # are placed (an event also told between two dates by another document), so that it follows them
    # instead of sitting back at the last date its document states
    _between(story_evs, value, bounds, blurb, both_sides=True)
    _between(story_evs, value, bounds, blurb)
    # a document that states no date of its own is merged by the events it shares with the others:
    # an event placed by another document's dates anchors its neighbours in this one
    _between(story_evs, value, bounds, blurb)
    return value, _after_telling(story_evs, value, blurb)


def _after_telling(story_evs: list[Event], value: dict[int, float], blurb: dict[int, set[str]]) -> set[int]:
    """A blurb's events that no other document places sit after what their document goes on to tell: the
    blurb ran ahead of the telling, to where the story ends. Returns the id() of the events so placed."""
    last: dict[str, float] = {}
    for e in story_evs:
        if id(e) in value and id(e) not in blurb:
            for s in e.sources:
                last[s.doc] = max(last.get(s.doc, float("-inf")), value[id(e)])
    tail: set[int] = set()
    for e in story_evs:
        if id(e) in blurb and id(e) not in value:
            ends = [last[d] for d in blurb[id(e)] if d in last]
            if ends:
                value[id(e)] = max(ends)
                tail.add(id(e))
    return tail


def _between(story_evs: list[Event], value: dict[int, float], bounds: dict[int, tuple[float, float]],
             blurb: dict[int, set[str]], both_sides: bool = False) -> None:
    """Place the events without a value between the valued ones each document tells around them
    (inside their coarse date's period, `bounds`); a blurb's events are placed only by the other
    documents that tell them."""
    # each document's telling: the event's first sentence in that document
    tellings: dict[str, list[tuple[int, Event]]] = {}
    for e in story_evs:
        first: dict[str, int] = {}
        for s in e.sources:
            first[s.doc] = min(first.get(s.doc, s.start), s.start)
        for d, start in first.items():
            tellings.setdefault(d, []).append((start, e))
    cand: dict[int, list[tuple[int, float]]] = {}
    for d, told in tellings.items():
        told.sort(key=lambda t: t[0])
        evs = [e for _, e in told]
        # the latest value the document states after each position (is a going-back ever undone?)
        later_max = [float("-inf")] * (len(evs) + 1)
        for i in range(len(evs) - 1, -1, -1):
            later_max[i] = max(later_max[i + 1], value.get(id(evs[i]), float("-inf")))
        k = 0
        while k < len(evs):
            if id(evs[k]) in value:
                k += 1
                continue
            j = k
            while j < len(evs) and id(evs[j]) not in value:
                j += 1
            prev = value[id(evs[k - 1])] if k > 0 else None
            nxt = value[id(evs[j])] if j < len(evs) else None
            run = evs[k:j]
            returns = prev is not None and later_max[min(j + 1, len(evs))] >= prev
            lo = prev
            if prev is not None and nxt is not None and prev > nxt and not returns:
                # the document goes back for good and tells what leads up to the earlier date: from the
                # earliest date its events there are known to follow ("Era hijo de ... [from his birth]",
                # "Ella le inculcó la lectura", "Cuando tenía cinco años ..." before "En 1909 ..."), in telling
                # order, not all at the earlier date
                starts = [f for e in run if (f := _num(e.date_from)) is not None and f < nxt]
                if starts:
                    lo = min(starts)
            # told forward (no going back between the anchors): an event is not before the one its document
            # tells ahead of it, whose own bound ("from November 1940") may have moved it on
            forward = prev is None or nxt is None or prev <= nxt
            floor = float("-inf")
            for i, e in enumerate(run):
                if d in blurb.get(id(e), ()):
                    continue
                v = _placed(lo, nxt, (i + 1) / (len(run) + 1), returns)
                if v is None:
                    v = _num(e.date_from) if e.date_from else _num(e.date_to)
                if v is None and id(e) in bounds:
                    v = bounds[id(e)][0]
                if v is not None:
                    v = _clamp(v, e)
                    if id(e) in bounds:
                        v = min(max(v, bounds[id(e)][0]), bounds[id(e)][1])
                    if forward and v < floor and not e.date_to:
                        v = floor if nxt is None else min(floor, nxt)
                    if forward:
                        floor = max(floor, v)
                    # a document with anchors on both sides is the best witness of where the event sits
                    cand.setdefault(id(e), []).append((0 if prev is not None and nxt is not None else 1, v))
            k = j
    for e in story_evs:
        if id(e) not in value and id(e) in cand:
            # the documents with dated events on both sides are the best witnesses; several such
            # tellings of one event meet at their mean
            best = min(r for r, _ in cand[id(e)])
            if both_sides and best > 0:
                continue
            vs = [v for r, v in cand[id(e)] if r == best]
            value[id(e)] = sum(vs) / len(vs)


def _shares(story_evs: list[Event], value: dict[int, float]) -> dict[int, float]:
    """Where each event sits, as a share of its document's telling, among the events that document places
    at the same point of time (a day whose events no date tells apart). Documents that tell one day at
    different lengths (a summary, a detailed plot) are interleaved by how far each has got, not appended
    one after the other; an event several documents tell takes the mean of its shares."""
    blocks: dict[tuple[str, float], list[tuple[int, Event]]] = {}
    for e in story_evs:
        v = value.get(id(e))
        if v is None:
            continue
        first: dict[str, int] = {}
        for s in e.sources:
            first[s.doc] = min(first.get(s.doc, s.start), s.start)
        for d, start in first.items():
            blocks.setdefault((d, v), []).append((start, e))
    got: dict[int, list[float]] = {}
    for told in blocks.values():
        told.sort(key=lambda t: t[0])
        for i, (_, e) in enumerate(told):
            got.setdefault(id(e), []).append(i / len(told))
    return {k: sum(v) / len(v) for k, v in got.items()}


def run(story: Story) -> Story:
    evs = story.events
    for k, e in enumerate(evs):
        e.extra.setdefault("seq", k)
    story_evs = sorted((e for e in evs if e.kind == "story"), key=lambda e: e.extra["seq"])
    value, tail = _values(story, story_evs)
    share = _shares(story_evs, value)
    keys: dict[int, tuple] = {}
    carried = None
    for e in story_evs:
        v = value.get(id(e))
        if v is None:
            v = carried  # no dated neighbour anywhere: beside the event told before it
        else:
            carried = v
        sub = share.get(id(e), 0.0)
        if id(e) in tail:
            sub += 1.0  # after what its document tells at that date
        if e.date_to and not e.date_from and v is not None and v >= (_num(e.date_to) or v):
            sub = -1.0  # known only to happen up to a date ("she had already poisoned the tea"): ahead of it
        keys[id(e)] = (v is not None, v if v is not None else 0.0, sub, float(e.extra["seq"]))
    for e in story_evs:
        anchor = _resolve(e.extra.get("before"))
        if anchor is None or anchor is e or id(anchor) not in keys:
            continue
        a = keys[id(anchor)]
        if _anchor_value(e) is None:
            keys[id(e)] = (a[0], a[1], a[2], a[3] - 0.5)   # no date of its own: just ahead of what it precedes
        elif keys[id(e)][:2] == a[:2]:
            k = keys[id(e)]
            keys[id(e)] = (k[0], k[1], min(k[2], a[2]), min(k[3], a[3] - 0.5))
    story_evs.sort(key=lambda e: keys[id(e)])
    others = sorted((e for e in evs if e.kind != "story"), key=lambda e: e.extra["seq"])
    ordered = story_evs + others
    for n, e in enumerate(ordered, 1):
        e.order = n
    for rank, e in enumerate(sorted(ordered, key=lambda e: e.extra["seq"]), 1):
        e.extra["told_rank"] = rank
    ids: set[str] = set()
    for e in ordered:
        e.sources.sort(key=lambda s: (s.doc, s.start))
        eid = event_id(e)
        while eid in ids:  # identical spans cannot happen across sources, but keep ids unique anyway
            eid += "x"
        ids.add(eid)
        e.id = eid
    story.events = ordered
    return story
