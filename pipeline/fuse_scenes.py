"""Scene joins that fusion may undo.

The events stage joins two sentences of one document into one event when they carry on one scene (same
subject, no time of their own: pipeline/events.py `scenes`). That is a guess from one telling. Another
telling may tell the two sentences as two events ("A man takes the bicycle" / "He reports the theft"):
fused as one, the joined event could take only one of them and the other would stay unfused. So fusion
aligns the sentences one by one and joins them again afterwards, unless two other tellings put them in two
different events.
"""
from __future__ import annotations

import copy

from .model import Event


def expand(events: list[Event]) -> list[Event]:
    """The events with every scene join replaced by its sentences, each a copy of the joined event (its
    dates, kind, language) with the sentence's own words, people and sources; `scene_of` names the join."""
    out: list[Event] = []
    for ev in events:
        parts = ev.extra.get("parts")
        if not parts:
            out.append(ev)
            continue
        for p in parts:
            part = copy.copy(ev)
            part.extra = {k: v for k, v in ev.extra.items() if k != "parts"}
            part.extra.update(p["extra"])
            part.extra["scene_of"] = ev
            for k in ("title", "summary", "characters", "places", "sources", "category", "told"):
                setattr(part, k, copy.copy(p[k]))
            out.append(part)
    return out


def rejoin(groups: list[list[Event]]) -> list[list[Event]]:
    """Member lists of fused events, with each scene join restored where no two other tellings part it:
    its sentences in one list become the joined event again; a sentence left on its own (or only with its
    own document's events) goes back to the list its sibling went to."""
    joins: dict[int, Event] = {}
    for members in groups:
        for m in members:
            j = m.extra.get("scene_of")
            if j is not None:
                joins[id(j)] = j
    for j in joins.values():
        # found afresh each time: an earlier join may have moved this one's sentences
        gis = [gi for gi, members in enumerate(groups) if any(m.extra.get("scene_of") is j for m in members)]
        doc = j.sources[0].doc
        told_elsewhere = [gi for gi in gis if any(m.sources[0].doc != doc for m in groups[gi])]
        if len(told_elsewhere) >= 2:
            continue  # two tellings tell the sentences apart: they stay two events
        target = told_elsewhere[0] if told_elsewhere else gis[0]
        for gi in gis:
            if gi != target:
                groups[target].extend(groups[gi])
                groups[gi] = []
        members = groups[target]
        first = next(k for k, m in enumerate(members) if m.extra.get("scene_of") is j)
        rest = [m for m in members if m.extra.get("scene_of") is not j]
        groups[target] = rest[:first] + [j] + rest[first:]
    return [g for g in groups if g]
