"""Scene joining: a story sentence that carries on the sentence before it (same subject, no time of its own)
joins that sentence's event; each joined sentence keeps what it said on its own for fusion to undo the join."""
from __future__ import annotations

from .headline import summarize
from .model import Event


SCENE_MAX = 2  # sentences; longer runs would swallow separate events


def scenes(events: list[Event]) -> list[Event]:
    """Join a story sentence to the one before it in the same document and paragraph only when it
    carries on the same scene: no time expression of its own and the same subject (a name or a
    pronoun standing for it). A sentence with its own time (a date, "then", "poi") always starts a new
    event, and a clause cut off the middle of its sentence (it tells its own action) joins nothing."""
    out: list[Event] = []
    for ev in events:
        prev = out[-1] if out else None
        # a side clause (", who founded ... in 1907") is no scene the next sentence carries on
        if (prev is not None and ev.kind == prev.kind == "story" and not ev.timex and not ev.extra.get("own_time")
                and not prev.extra.get("side_time")
                and prev.sources[0].doc == ev.sources[0].doc
                and prev.extra.get("para") == ev.extra.get("para")
                and len(prev.sources) < SCENE_MAX
                and ev.sources[0].sent == prev.sources[-1].sent + 1
                and ev.extra.get("opens_sentence", True) and ev.extra.get("subject_opens", True)
                and _same_scene(prev, ev)):
            # the join is a guess fusion may undo: another telling can tell the two sentences apart
            # (pipeline/fuse_scenes.py), so each sentence keeps what it said on its own
            prev.extra.setdefault("parts", [_part(prev)]).append(_part(ev))
            prev.sources.append(ev.sources[0])
            prev.summary = summarize(prev.summary + " " + ev.summary, None)
            prev.extra["summaries"][prev.lang] = prev.summary
            for c in ev.characters:
                if c not in prev.characters:
                    prev.characters.append(c)
            for p in ev.places:
                if p not in prev.places:
                    prev.places.append(p)
            for k in ("concepts", "char_ids", "anchors"):
                prev.extra[k] = prev.extra[k] | ev.extra[k]
            prev.extra["last_subject"] = ev.extra.get("subject")
            if prev.category == "other":
                prev.category = ev.category
            continue
        out.append(ev)
    return out


PART_EXTRA = ("titles", "summaries", "concepts", "char_ids", "cat_weights", "anchors", "cstart", "cend", "subject",
              "subject_names", "own_time", "opens_sentence", "subject_opens")


def _part(ev: Event) -> dict:
    """What one sentence of a scene says on its own, before the scene joins it to its neighbour."""
    return dict(title=ev.title, summary=ev.summary, characters=list(ev.characters), places=list(ev.places),
                sources=list(ev.sources), category=ev.category, told=ev.told,
                extra={k: (set(v) if isinstance(v, (set, frozenset)) and k != "subject" else
                           dict(v) if isinstance(v, dict) else v)
                       for k, v in ev.extra.items() if k in PART_EXTRA})


def _same_scene(a: Event, b: Event) -> bool:
    subj = b.extra.get("subject")
    last = a.extra.get("last_subject", a.extra.get("subject"))
    return bool(subj) and subj == last
