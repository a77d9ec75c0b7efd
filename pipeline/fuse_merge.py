"""The fuse stage's groups become events: a group whose members share nothing is split again, and each
group is merged into one event (the headline from the member that best tells what the group has in
common; every source's people, places and stated date carried over)."""
from __future__ import annotations

from .similarity import _own_content, _pair_score, content_shared, year_stated
from .model import Event
from . import intervals  # the dates of fused events

SPLIT_MIN = 0.08  # across documents, members sharing only this little (_pair_score) tell different things


def _related(a: Event, b: Event, w: dict[str, float] | None = None) -> bool:
    """Do two members of a fused group tell the same thing? Across documents they must share content;
    within one document they are neighbours that joined one telling (adjacent and sharing people or content)."""
    ka, aa, ga = _own_content(a, gate=True)
    kb, ab, gb = _own_content(b, gate=True)
    if a.sources[0].doc != b.sources[0].doc:
        return content_shared(ka, kb, aa, ab, ga, gb) and (not SPLIT_MIN or _pair_score(a, b, w or {}) >= SPLIT_MIN)
    if abs(a.sources[0].sent - b.sources[0].sent) > 2:
        return False
    return content_shared(ka, kb, aa, ab, ga, gb) or not a.extra.get("char_ids", set()).isdisjoint(
        b.extra.get("char_ids", set()))


def split_unrelated(members: list[Event], w: dict[str, float] | None = None) -> list[list[Event]]:
    """A fused group whose members fall into parts that share nothing (a death and a wedding met through a
    pooled feature or a chain of neighbours) is split back into those parts, in telling order."""
    if len(members) < 2:
        return [members]
    parent = list(range(len(members)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(members)):
        for j in range(i + 1, len(members)):
            if find(i) != find(j) and _related(members[i], members[j], w):
                parent[find(i)] = find(j)
    parts: dict[int, list[Event]] = {}
    for i, e in enumerate(members):
        parts.setdefault(find(i), []).append(e)
    if len(parts) == 1:
        return [members]
    return sorted(parts.values(), key=lambda p: min(e.told for e in p))


_PREC_RANK = {"day": 0, "month": 1, "season": 2, "year": 3, "decade": 4, "relative": 5, "unknown": 6}


def headline_member(members: list[Event], w: dict[str, float]) -> Event:
    """The member that best tells what the group has in common (highest summed match with the members of
    the other documents); among near-ties, the one told first, so the headline stays in the language the
    event was first told in."""
    if len(members) < 2:
        return members[0]
    score = {}
    for a in members:
        score[id(a)] = sum(_pair_score(a, b, w) for b in members
                           if b is not a and b.sources[0].doc != a.sources[0].doc)
    best = max(score.values())
    if best <= 0:
        return members[0]
    near = [e for e in members if score[id(e)] >= 0.8 * best]
    return min(near, key=lambda e: e.told)


def _merge(members: list[Event], seq: int, w: dict[str, float] | None = None) -> Event:
    primary = members[0]
    teller = headline_member(members, w or {}) if len({e.sources[0].doc for e in members}) > 1 else primary
    if teller is not primary:
        # the container keeps the first telling (its id, its position); the headline is the teller's
        primary.title, primary.summary, primary.lang = teller.title, teller.summary, teller.lang
        for key in ("titles", "summaries"):
            primary.extra[key] = {**primary.extra.get(key, {}), **teller.extra.get(key, {})}
        if teller.category != "other":
            primary.category = teller.category
    for other in members[1:]:
        other.extra["merged_into"] = primary
        primary.sources.extend(other.sources)
        for key in ("titles", "summaries"):
            for lang, text in other.extra.get(key, {}).items():
                primary.extra.setdefault(key, {}).setdefault(lang, text)
        for c in other.characters:
            if c not in primary.characters:
                primary.characters.append(c)
        for p in other.places:
            if p not in primary.places:
                primary.places.append(p)
    # the date a source states beats one inherited from context; finer beats coarser
    dated = [e for e in members if e.date]
    if dated:
        # ... and among equals, one whose own words give the year ("9 novembre 1989" over "el 9 de noviembre")
        best = min(dated, key=lambda e: (bool(e.extra.get("date_approx", True)), _PREC_RANK.get(e.date_precision, 9),
                                         not year_stated(e)))
        if best is not primary:
            primary.date, primary.date_precision, primary.date_text = best.date, best.date_precision, best.date_text
            primary.extra["date_approx"] = best.extra.get("date_approx", True)
            primary.rel = best.rel or primary.rel
    intervals.merge(primary, members)  # a stated date won: no interval left over from the primary
    for other in members[1:]:
        for k in ("before", "after"):
            if k in other.extra and k not in primary.extra:
                primary.extra[k] = other.extra[k]
    if primary.category == "other":
        for other in members[1:]:
            if other.category != "other":
                primary.category = other.category
                break
    primary.extra["seq"] = seq
    return primary
