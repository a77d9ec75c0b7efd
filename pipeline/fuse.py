"""Stage: fuse. The same event told in several documents (any language) becomes one event.

Plot summaries tell events in the same order, so each document is aligned to the running
sequence of fused events with a monotone alignment (weighted LCS). Similarity (see similarity.py for the
features) counts shared characters, translated concepts, cognates and numbers/proper nouns, each weighted
by rarity; differing stated dates and far-apart positions forbid a match. A group is matched through its best
member; positions count story events only, and against a short synopsis the expected position of each event
is learned from the strongest matches (a synopsis may tell only the start of a long plot). Two tellings that
are each other's best match fuse on weaker evidence than one that has rivals. A match needs shared content:
the same people on the same date doing something else are another event. And it needs two kinds of
evidence: one shared concept with the protagonist (who is in every event, and counts once however many
spellings of the name are shared) is one kind; a second item of content, a rarer person, a place, a date
both state, or being told where the alignment expects it is the other. A date one member states rules out
every telling it cannot be, on every path into a group (alignment, absorption of neighbours). After alignment a fused group
whose members share no content is split again, and the headline comes from the member that best tells
what the group has in common (fuse_merge.py).
"""
from __future__ import annotations

from collections import Counter

from . import similarity as sim
from .similarity import _weights, content_shared, similarity
from .similarity import dates_agree  # noqa: F401  (part of this stage's interface: tests, callers)
from .model import Event, Story
from .textutil import cues, fold, tokens
from .fuse_merge import _merge, headline_member, split_unrelated  # noqa: F401 (headline_member: tests)
from .fuse_scenes import expand, rejoin
from .fuse_dates import _stated, year_stated

THRESHOLD = 0.26
ABSORB = 0.25             # a neighbour telling part of a matched event joins it (one sentence here, two there)
# a clause cut from the very sentence whose other clause matched: the matching telling, told in one
# sentence, is likely to tell it too, so less shared content is enough (a shared concept is still needed)
ABSORB_CLAUSE = 0.15
GREEDY_GAP = 0.6
GREEDY = 0.4              # out-of-order tellings (a synopsis paragraph, a frame) may still match strongly
MAX_CELLS = 60_000        # alignment table size beyond which a document is not fused: retellings of one story are short
OUT_OF_ORDER_MIN = 0.45   # an out-of-order telling matches on content alone, so it must be strong


class Group:
    """A fused event under construction: its member events and pooled features."""

    def __init__(self, ev: Event, pos: float):
        self.members = [ev]
        self.chars = set(ev.extra.get("fuse_chars", ()))
        self.concepts = set(ev.extra.get("fuse_concepts", ()))
        self.anchors = set(ev.extra.get("content_anchors", ()))
        self.cognates = set(ev.extra.get("cognates", ()))
        self.gate = set(ev.extra.get("gate_anchors", ()))
        self.person_of = dict(ev.extra.get("fuse_person_of", {}))
        self.pos = pos
        self.kind = ev.kind
        self.docs = {ev.sources[0].doc}

    def add(self, ev: Event) -> None:
        self.members.append(ev)
        self.chars |= ev.extra.get("fuse_chars", set())
        self.concepts |= ev.extra.get("fuse_concepts", set())
        self.anchors |= ev.extra.get("content_anchors", set())
        self.cognates |= ev.extra.get("cognates", set())
        self.gate |= ev.extra.get("gate_anchors", set())
        for k, p in ev.extra.get("fuse_person_of", {}).items():
            self.person_of[k] = self.person_of.get(k, frozenset()) | p
        self.docs.add(ev.sources[0].doc)


def positions(kinds: list[str]) -> list[float]:
    """Relative telling positions counted over story events only: a review that tells the plot in its last
    third, after paragraphs on the cast and the director, tells its first plot event at 0, not at 0.7.
    Other events sit where the story event before them does."""
    n = sum(k == "story" for k in kinds)
    if not n:
        return [(j + 0.5) / len(kinds) for j in range(len(kinds))]
    out, k = [], 0
    for kind in kinds:
        if kind == "story":
            k += 1
        out.append((max(k, 1) - 0.5) / n)
    return out


SHORT = 0.5  # a document telling fewer than half as many story events as the running sequence is a synopsis


def _short(groups: list[Group], evs: list[Event]) -> bool:
    """Is the new document a synopsis of the running sequence (whose proportions it need not keep)?"""
    return sum(e.kind == "story" for e in evs) < SHORT * sum(g.kind == "story" for g in groups)


# the weakest match two tellings that prefer each other may fuse on; from 0.15 to 0.20 on the 20 real dev
# stories: fused 73 -> 70, false fusions 41 -> 39, order errors 510 -> 401 discordant pairs (bench/realtext)
MUTUAL_MIN = 0.20
MUTUAL_GAP = 0.15  # ... told this close to where the alignment expects them
NEAR = 0.1  # told this close to where the alignment expects it, a telling has its position as evidence
# a pair's alignment score gains this share of its best diagonal neighbour's (the sentences before and after
# it match each other too): a weak pair inside a run of matches is told at the same point of both tellings
CONTEXT = 0.1
ANCHOR = 0.45  # matches this strong on content alone say where one telling stands against the other


def align(groups: list[Group], evs: list[Event], w: dict[str, float]) -> list[tuple[int, int]]:
    """Monotone matching (i in groups, j in evs) maximising the summed similarity above THRESHOLD.

    Tellings keep the story's order, but a synopsis does not keep its proportions: five sentences may tell
    only the first third of a long plot. So against a synopsis the position prior is learned from the pair: the strongest
    content matches (ANCHOR, no position prior) are aligned first, and every other event is expected
    where those anchors put it (interpolated between them; the diagonal when fewer than two agree)."""
    n, m = len(groups), len(evs)
    pos = positions([e.kind for e in evs])
    raw = [[_best_member(g, ev, w) for ev in evs] for g in groups]  # content only, no position prior
    # two kinds of evidence per pair; a pair with one (a single concept) says nothing of where the tellings
    # stand against each other, so it is never an anchor, and holds only where the anchors expect it
    two = [[s > 0 and sim.two_kinds(groups[i], evs[j], w) for j, s in enumerate(row)] for i, row in enumerate(raw)]
    anchors = _lcs([[s if s >= ANCHOR and two[i][j] else 0.0 for j, s in enumerate(row)] for i, row in enumerate(raw)],
                   ANCHOR) if _short(groups, evs) else []
    expect = _expected(pos, [(pos[j], groups[i].pos) for i, j in anchors])
    # two tellings stating the same date are told at the same point of the story, whatever their proportions
    raw = [[s if s <= 0 or two[i][j] or abs(groups[i].pos - expect[j]) <= NEAR else 0.0
            for j, s in enumerate(row)] for i, row in enumerate(raw)]
    scored = [[s - (0.0 if s > 0 and sim.dated_together(groups[i], evs[j]) else
                    sim.position_penalty(abs(groups[i].pos - expect[j]))) if s > 0 else 0.0
               for j, s in enumerate(row)] for i, row in enumerate(raw)]
    scored = with_context(scored)
    # two tellings that are each other's best match are one event on weaker evidence than a match that
    # has rivals (mutual nearest neighbours, as in sentence alignment of translations), where they are expected
    col_best = [max(range(n), key=lambda i: scored[i][j]) if n else -1 for j in range(m)]
    for i, row in enumerate(scored):
        if not row:
            continue
        jb = max(range(m), key=row.__getitem__)
        for j, s in enumerate(row):
            if s < THRESHOLD and not (j == jb and col_best[j] == i and s >= MUTUAL_MIN
                                      and abs(groups[i].pos - expect[j]) <= MUTUAL_GAP):
                row[j] = 0.0
    # a match told far from where it is expected joins the alignment only with a neighbour: a lifespan's "died
    # in 1642" in an opening sentence, matched alone to the end of the other telling, would leave every
    # telling between its two places unmatched (_greedy may still take it, out of order); "17 December 1903:
    # the day that ..." opening a page matches there with the next sentence too, and stays
    far = {(i, j) for i, row in enumerate(scored) for j, s in enumerate(row)
           if s > 0 and abs(groups[i].pos - expect[j]) > GREEDY_GAP}
    while True:
        pairs = _lcs(scored, 1e-9)
        alone = _isolated(pairs, far)
        if not alone:
            return pairs
        for i, j in alone:
            scored[i][j] = 0.0


def with_context(scored: list[list[float]]) -> list[list[float]]:
    """Neighbour-aware pair scores: each matching pair (i, j) gains CONTEXT times the better of its diagonal
    neighbours' scores, (i - 1, j - 1) and (i + 1, j + 1). Two tellings that keep the story's order match
    in runs, so a paraphrase sharing little ("she quarrelled with the Chancellor" / "tras romper con el
    canciller") between two matched neighbours is more likely the same event than the same weak pair
    whose neighbours match nothing; a pair never matches on its neighbours alone (zero stays zero)."""
    n = len(scored)
    m = len(scored[0]) if n else 0
    out = [row[:] for row in scored]
    for i in range(n):
        for j in range(m):
            if 0 < scored[i][j] < THRESHOLD:
                near = [scored[i + d][j + d] for d in (-1, 1) if 0 <= i + d < n and 0 <= j + d < m]
                out[i][j] = min(THRESHOLD, scored[i][j] + CONTEXT * max([0.0] + near))
    return out


def _isolated(pairs: list[tuple[int, int]], far: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The far pairs of an alignment whose telling's neighbours (j - 1, j + 1) match nowhere near its group,
    and that another pair of the alignment could not be ordered with but for them (with nothing else aligned,
    one date both state may well be the only match there is)."""
    at = dict((j, i) for i, j in pairs)
    return {(i, j) for i, j in pairs if (i, j) in far
            and not any(abs(at[n] - i) <= 2 for n in (j - 1, j + 1) if n in at)
            and any((i2, j2) != (i, j) and (abs(i2 - i) > 2 * max(1, abs(j2 - j))) for i2, j2 in pairs)}


def _best_member(g: Group, ev: Event, w: dict[str, float]) -> float:
    """How well an event matches a fused group: its best match with one member telling, not with the pooled
    features (a group pooling three tellings attracts anything that shares a word with any of them)."""
    if len(g.members) == 1:
        return similarity(g, ev, g.pos, w, placed=True)
    if ev.sources[0].doc in g.docs:
        return 0.0
    if any(sim.dates_apart(ev, mem) for mem in g.members):
        return 0.0  # matched through one member, the event joins them all: no member may date it elsewhere
    scores = []
    for mem in g.members:
        one = _single(mem)
        one.pos = g.pos
        scores.append(similarity(one, ev, g.pos, w, placed=True))
    return max(scores)


def _single(ev: Event) -> Group:
    """A one-member group for an event (cached on the event during the stage; removed at its end)."""
    one = ev.extra.get("_fuse_single")
    if one is None:
        one = ev.extra["_fuse_single"] = Group(ev, 0.0)
    return one


def _expected(pos: list[float], anchors: list[tuple[float, float]]) -> list[float]:
    """Where in the running sequence each event of the new document is expected: interpolated between the
    anchors, shifted by the nearest anchor's offset beyond them, the same relative place with fewer than two."""
    if len(anchors) < 2:
        return list(pos)  # one strong match alone (a death told first here, last there) maps nothing
    out = []
    for p in pos:
        if p <= anchors[0][0]:
            out.append(p + anchors[0][1] - anchors[0][0])
        elif p >= anchors[-1][0]:
            out.append(p + anchors[-1][1] - anchors[-1][0])
        else:
            for (p0, g0), (p1, g1) in zip(anchors, anchors[1:]):
                if p0 <= p <= p1:
                    out.append(g0 + (g1 - g0) * ((p - p0) / (p1 - p0) if p1 > p0 else 0.0))
                    break
    return out


def _lcs(score: list[list[float]], floor: float) -> list[tuple[int, int]]:
    """The monotone set of pairs (i, j) with score >= floor and the highest summed score."""
    n = len(score)
    m = len(score[0]) if n else 0
    best_tab = [[0.0] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, prev, srow = best_tab[i], best_tab[i - 1], score[i - 1]
        for j in range(1, m + 1):
            best, how = prev[j], 1
            if row[j - 1] > best:
                best, how = row[j - 1], 2
            s = srow[j - 1]
            if s >= floor and prev[j - 1] + s > best:
                best, how = prev[j - 1] + s, 3
            row[j], back[i][j] = best, how
    pairs = []
    i, j = n, m
    while i > 0 and j > 0:
        how = back[i][j]
        if how == 3:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif how == 1:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def run(story: Story) -> Story:
    by_doc: dict[str, list[Event]] = {}
    for e in expand(story.events):
        by_doc.setdefault(e.sources[0].doc, []).append(e)
    if not by_doc:
        return story
    # the document telling most story events is the backbone; the rest are aligned to it in turn
    # a document told out of order ("the film opens with the storm", "then the story goes back") is
    # never the backbone, and its positions say nothing: it is matched on content alone
    shuffled = {d for d, evs in by_doc.items() if out_of_order(evs)}
    docs = sorted(by_doc, key=lambda d: (d in shuffled, -sum(e.kind == "story" for e in by_doc[d])))
    first = by_doc[docs[0]]
    # features only for documents that can be compared at all (the alignment table only grows)
    compared = [d for d in docs[1:] if len(first) * len(by_doc[d]) <= MAX_CELLS]
    featured = [e for d in ([docs[0]] + compared if compared else []) for e in by_doc[d]]
    outside = sim.outside_names(story)
    for e in featured:
        sim.features(e, outside)
    sim.titles(featured)
    w = _weights(featured)
    groups = [Group(e, p) for e, p in zip(first, positions([e.kind for e in first]))]
    skipped: list[str] = []
    for d in docs[1:]:
        evs = by_doc[d]
        matched: dict[int, int] = {}
        far: set[int] = set()  # matched where its stated day places it, far from where it is told
        if d in shuffled and len(groups) * len(evs) <= MAX_CELLS:
            # strong content matches first, wherever they are told; the order prior only fills the rest
            _greedy(groups, evs, matched, w, gap=1.0, floor=OUT_OF_ORDER_MIN)
            used = set(matched.values())
            for i, j in align(groups, evs, w):
                if j not in matched and i not in used:
                    matched[j] = i
                    used.add(i)
            groups = _absorb_neighbours(groups, evs, matched, w)
        elif len(groups) * len(evs) <= MAX_CELLS:
            matched = {j: i for i, j in align(groups, evs, w)}
            groups = _absorb_neighbours(groups, evs, matched, w)
            _greedy(groups, evs, matched, w, monotone=True, far_out=far)
        else:
            skipped.append(d)
            groups.extend(Group(ev, 1.0) for ev in evs)  # told after the documents before it
            continue
        # unmatched events are inserted after the group their predecessor in the same document went to
        new: list[Group] = []
        placed: dict[int, Group] = {}
        inserts: dict[int, list[Group]] = {}
        last = -1
        for j, ev in enumerate(evs):
            if j in matched:
                groups[matched[j]].add(ev)
                if j not in far:  # the sentences after a lifespan's "died in 1642" are still told early
                    last = matched[j]
            else:
                g = Group(ev, groups[last].pos if last >= 0 else 0.0)
                inserts.setdefault(last, []).append(g)
                placed[j] = g
        for g in inserts.get(-1, []):
            new.append(g)
        for i, g in enumerate(groups):
            new.append(g)
            new.extend(inserts.get(i, []))
        groups = new
        for g, p in zip(groups, positions([g.kind for g in groups])):
            g.pos = p
    if skipped:
        story.messages.append(f"fuse: {len(skipped)} documents not compared with the others "
                              f"(too many events to align; fusion is meant for retellings of one story)")
    rejoined = rejoin([list(g.members) for g in groups])
    again = [e for ms in rejoined for e in ms if featured and "cognates" not in e.extra]
    for e in again:
        sim.features(e, outside)  # a scene joined again: its features are its sentences' together
    if again:
        sim.titles(featured + again)
    parts = [part for ms in rejoined for part in (split_unrelated(ms, w) if len(by_doc) >= 2 else [ms])]
    fused: list[Event] = []
    for seq, members in enumerate(parts):
        fused.append(_merge(members, seq, w))
    for members in parts:
        for e in members:
            e.extra.pop("_fuse_single", None)
    story.events = fused
    return story


def out_of_order(evs: list[Event]) -> bool:
    """Does a document say it tells the story out of order (its out_of_order cues, any sentence)?"""
    for e in evs:
        for src in e.sources:
            f = fold(src.text)
            if cues(src.lang, "events", "out_of_order").find(f, tokens(f)):
                return True
    return False


CROSSING = 0.6  # a match against the order of the aligned matches around it needs this much on its own


def _greedy(groups: list[Group], evs: list[Event], matched: dict[int, int], w: dict[str, float],
            gap: float = GREEDY_GAP, floor: float = GREEDY, monotone: bool = False,
            far_out: set[int] | None = None) -> None:
    """Match what the monotone alignment left out when the similarity is strong on its own. In a
    document told in order (`monotone`) a match may cross the aligned ones by one place (two sentences
    told the other way round); further against the order (told before an event matched several events
    earlier in the running sequence) it needs very strong evidence: a shared person and a common word
    are not that."""
    used = set(matched.values())
    where_told = positions([e.kind for e in evs])
    aligned = sorted(matched.items())
    for j, ev in enumerate(evs):
        if j in matched:
            continue
        best, where, best_far = floor, None, False
        pos = where_told[j]
        lo = max((i for jj, i in aligned if jj < j), default=-1)
        hi = min((i for jj, i in aligned if jj > j), default=len(groups))
        for i, g in enumerate(groups):
            if i in used:
                continue
            far = abs(g.pos - pos) > gap
            # "born in Pisa on 15 February 1564 and died at Arcetri on 8 January 1642": a lifespan told in the
            # opening sentence is told at the start, and the same day stated there places it, not its position
            if far and not _same_day(g, ev):
                continue
            s = similarity(g, ev, g.pos, w)  # no position penalty: this telling is out of order
            # a month or day both state places the two tellings at one point, whatever the order around them
            if (far or monotone and (i < lo - 1 or i > hi + 1)) and s < CROSSING and not sim.dated_together(g, ev):
                continue
            if s > best:
                best, where, best_far = s, i, far
        if where is not None:
            matched[j] = where
            used.add(where)
            if best_far and far_out is not None:
                far_out.add(j)


def _same_day(g: Group, ev: Event) -> bool:
    """Do the event and a member of the group each state the same day, year included?"""
    mine = _stated(ev)
    if not mine or mine[1] != "day" or not year_stated(ev):
        return False
    return any(_stated(m) == mine and year_stated(m) for m in g.members)


def _absorb_neighbours(groups: list[Group], evs: list[Event], matched: dict[int, int],
                       w: dict[str, float]) -> list[Group]:
    """One telling may split in two sentences what another tells in one: an unmatched neighbour
    (in the running sequence, or in the new document) that resembles the match joins it."""
    m = len(evs)
    where_told = positions([e.kind for e in evs])
    taken = set(matched.values())
    drop: set[int] = set()
    for j, i in sorted(matched.items()):
        ev, g = evs[j], groups[i]
        for ni in (i - 1, i + 1):
            if 0 <= ni < len(groups) and ni not in taken and ni not in drop:
                nb = groups[ni]
                # the new document's own neighbour on that side may tell the neighbour event itself
                # (two sentences each, one event each): then they match, and nothing is absorbed
                nj = j + (ni - i)
                if 0 <= nj < m and nj not in matched:
                    own = similarity(nb, evs[nj], where_told[nj], w, placed=True)
                    if own >= THRESHOLD and own >= similarity(nb, ev, nb.pos, w, same_doc_ok=True, placed=True):
                        matched[nj] = ni
                        taken.add(ni)
                        continue
                # a neighbour already told by several documents is an event of its own, not a part of this one,
                # unless each of them cut the same sentence there: "cayó en una grieta y se rompió la pierna"
                # is two clauses where "fell into a crevasse and broke his leg" is one
                siblings = _clause_siblings(nb.members, g.members)
                if (nb.kind == g.kind and (len(nb.docs) == 1 or siblings)
                        and not _distinct(nb.members, g.members + [ev])
                        and not _dated_apart(nb.members, g.members + [ev])
                        and _room(g.members + [ev], nb.members)
                        and _says_more(nb, ev) and similarity(nb, ev, nb.pos, w, same_doc_ok=True, placed=True)
                        >= (ABSORB_CLAUSE if siblings else ABSORB)):
                    for mem in nb.members:
                        g.add(mem)
                    g.members.sort(key=lambda e: e.told)
                    drop.add(ni)
    for j in range(m):
        if j in matched:
            continue
        for nj in (j - 1, j + 1):
            if nj in matched:
                g = groups[matched[nj]]
                # every telling of this document already headed for the group, not only the neighbour:
                # absorbing on both sides of a match would make three sentences one event
                pending = [evs[k] for k in sorted(matched) if matched[k] == matched[nj]]
                siblings = _clause_siblings([evs[j]], [evs[nj]])
                if _own_match(groups, taken, evs[j], g, w):
                    continue
                if (not _distinct([evs[j]], g.members + pending)
                        and not _dated_apart([evs[j]], g.members + pending)
                        and _room(g.members + pending, [evs[j]])
                        and _says_more(g, evs[j])
                        and similarity(g, evs[j], where_told[j], w, same_doc_ok=True, placed=True)
                        >= (ABSORB_CLAUSE if siblings else ABSORB)):
                    matched[j] = matched[nj]  # added with the matches by the caller
                    break
    if not drop:
        return groups
    # re-index: dropped groups vanish, matches point at the shifted positions
    keep = [i for i in range(len(groups)) if i not in drop]
    new_index = {old: new for new, old in enumerate(keep)}
    for j in list(matched):
        matched[j] = new_index[matched[j]]
    return [groups[i] for i in keep]


def _own_match(groups: list[Group], taken: set[int], ev: Event, g: Group, w: dict[str, float]) -> bool:
    """Does a telling match an event no telling of its document has taken better (two kinds of evidence, no
    position prior) than the neighbouring group that would absorb it? Then it is that event, not a part of this."""
    here = similarity(g, ev, g.pos, w, same_doc_ok=True, placed=True)
    return any(similarity(o, ev, o.pos, w) > here for k, o in enumerate(groups)
               if k not in taken and o is not g and ev.sources[0].doc not in o.docs)


def _clause_siblings(parts: list[Event], of: list[Event]) -> bool:
    """Is every telling in `parts` a clause of a sentence that also tells one of `of`, in the same document?"""
    told = {(e.sources[0].doc, e.sources[0].sent) for e in of}
    return all((e.sources[0].doc, e.sources[0].sent) in told for e in parts)


def _says_more(g: Group, ev: Event) -> bool:
    """Does a neighbour continue what the group tells (a shared concept or cognate), not merely name the same
    ship or town? Only then may it complete the telling."""
    x = ev.extra
    return not g.concepts.isdisjoint(x.get("fuse_concepts", set())) or content_shared(
        set(), set(), set(), set(), g.cognates, x.get("cognates", set()))


PER_DOC = 2  # one telling may take two sentences for what another says in one; more is a sequence of events


def _room(members: list[Event], joining: list[Event]) -> bool:
    """May `joining` (neighbours in their documents) join a group without one document telling it in
    more than PER_DOC sentences? Six sentences of a campaign are six events, however alike; and an event
    the events stage already made of two sentences (one scene) has no room left for a neighbour."""
    per_doc = Counter(doc for doc, _ in {(s.doc, s.sent) for e in members + joining for s in e.sources})
    return max(per_doc.values()) <= PER_DOC


def _dated_apart(xs: list[Event], ys: list[Event]) -> bool:
    """Does a telling joining a group state a date that one of its members rules out (or the reverse)?
    "Back at the camp in September" is not part of the December night it neighbours."""
    return any(sim.dates_apart(a, b) for a in xs for b in ys if a is not b)


def _distinct(xs: list[Event], ys: list[Event]) -> bool:
    """Two sentences of one document are separate events when the later one opens with its own time
    (the scene rule of the events stage): a neighbour may complete a telling, never swallow the next event."""
    for a in xs:
        for b in ys:
            if a is b or a.sources[0].doc != b.sources[0].doc:
                continue
            later = a if a.told > b.told else b
            if later.extra.get("own_time"):
                return True
    return False
