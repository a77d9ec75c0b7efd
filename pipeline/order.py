"""Stage: order. Story chronology, telling rank and stable ids.

Story events are sorted by date where one is known (an interval event by its lower bound; an undated
event carries the date of the event before it in the fused telling, so it stays beside its neighbours;
one known only to happen up to a date, "she had already poisoned the tea", sorts just ahead of that
date), then by telling sequence; an event told as happening "before" its neighbour is moved just ahead of it.
Production and reception events come after the story, in telling order.
"""
from __future__ import annotations

import hashlib

from .model import Event, Story
from .schema import bound_start


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


def run(story: Story) -> Story:
    evs = story.events
    for k, e in enumerate(evs):
        e.extra.setdefault("seq", k)
    seq_of = {id(e): e.extra["seq"] for e in evs}
    story_evs = sorted((e for e in evs if e.kind == "story"), key=lambda e: e.extra["seq"])
    keys: dict[int, tuple] = {}
    carried = ""
    for e in story_evs:
        if e.date:
            carried = e.date
        pos = float(e.extra["seq"])
        anchor = _resolve(e.extra.get("before"))
        if anchor is not None and id(anchor) in seq_of and anchor is not e:
            pos = min(pos, seq_of[id(anchor)] - 0.5)
        if e.date is None and e.date_to:
            keys[id(e)] = (bound_start(e.date_to), 0, pos)
        else:
            keys[id(e)] = (e.date or carried, 1, pos)
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
