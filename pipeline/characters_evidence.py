"""Characters stage, step 2: what each occurrence says about its name (person, actor, place, title...)
and the kind each name gets from the evidence pooled over every document."""
from __future__ import annotations

from collections import Counter, defaultdict

from .names import Lex, fold
from .characters_scan import ACTOR, AUTHOR, COMMENT, COMMENTATOR, ORG, ORGX, PERSON, PLACE, THING, TITLE, VEHICLE, WPLACE, Occ

def _evidence(o: Occ, text: str, L: Lex) -> None:
    pre = text[max(0, o.ns - 60):o.ns].replace("’", "'")
    post = text[o.e:o.e + 60].replace("’", "'")
    ev = o.ev
    if o.hon:
        ev[PERSON] += 1
        return
    author = L.author_re is not None and L.author_re.search(pre) is not None
    if author:
        ev[AUTHOR] += 1   # "the third novel by Helena Marsh", "«...» di Helena Marsh"
    elif L.crew_re.search(pre) or L.actor_after_re.match(post):
        ev[ACTOR] += 1
    tail = pre[-40:].lower().replace(",", " ").split()
    # "his father Samuel", but not "la morte del fratello in Normandia" (a preposition comes between)
    if any(fold(w) in L.family for w in tail[-4:]) and L.appos_re.search(pre) \
            and not (tail[-1] in L.stop and tail[-1] not in L.articles):
        ev[PERSON] += 1
    bare = pre[:-1] if pre[-1:] in "\"'‘“" and pre[-2:-1] in " \t" else pre  # the 'Rocketboys'
    if L.article_re.search(bare):
        ev[THING] += 1
    words = pre.split()
    if words and words[-1].lower() in L.vehicle_prefixes or L.vehicle_re.search(pre):
        ev[VEHICLE] += 1
    if o.numbered:
        ev[VEHICLE] += 1
    if not o.poss and (L.place_re.search(pre) or L.place_after_re.match(post)):
        ev[PLACE] += 1
    elif not o.poss:
        # "to London", "tra Parma", "finca de Luján": a place only if every occurrence is like this
        wm = L.place_weak_re.search(pre, max(0, len(pre) - 40))
        if wm and fold(wm.group("prev") or "") not in L.place_weak_cancel:
            ev[WPLACE] += 1
    if L.commentator_re.search(pre):
        ev[COMMENT] += 1
    if L.field_re.search(pre):
        ev[THING] += 2   # "estudiar Farmacia": a field of study
    if tail and tail[-1] in L.link_words:   # the patterns below all end with "of"/"di"/"para"
        if L.peer_re.search(pre):
            ev[PLACE] += 2   # "Duke Roderic of Haldane": the title belongs to Roderic, Haldane is his land
        if L.institution_re.search(pre):
            ev[ORGX] += 1    # "Junta para Ampliación de Estudios"
        if L.poss_place_re is not None and not o.poss:
            pm = L.poss_place_re.search(pre)
            if pm and fold(pm.group("noun")) not in L.place_weak_cancel:
                ev[WPLACE] += 1   # "nel suo negozio di Cadice": the owner is the possessive, so X is a place
    if L.title_re.search(pre) or L.title_after_re.match(post):
        ev[TITLE] += 1
    if pre[-1:] in "\"“«'‘" and post[:1] in "\"”»'’" and not o.poss:
        ev[TITLE] += 2
    if L.disease_before_re.search(pre) or L.disease_after_re.match(post):
        ev[THING] += 2
    if L.foreign_part_re.search(pre):
        o.partonly = True


# ----------------------------------------------------------------------------- classification

def _key_class(key: str, core: tuple, L: Lex) -> str | None:
    """Classes a name gets from its own words ("Big Creek High School", "Mount Everest", "Oscar")."""
    if key in L.things or (len(core) == 1 and core[0] in L.calendar):
        return THING
    words = key.split()
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            w = " ".join(words[i:i + n])
            if w in L.org_heads and len(words) > 1:
                return ORG
    if len(words) > 1 and (words[0] in L.place_prefixes or any(w in L.place_heads for w in words)):
        return PLACE
    return None


def _classify(occs: list[Occ], lexes: dict[str, Lex]) -> tuple[dict[str, str], dict[str, Counter]]:
    by_key: dict[str, Counter] = defaultdict(Counter)
    n_occ: Counter = Counter()
    keycls: dict[str, str] = {}
    for o in occs:
        by_key[o.key].update(o.ev)
        n_occ[o.key] += 1
        kc = _key_class(o.key, o.core, lexes[o.doc])
        if kc:
            keycls[o.key] = kc
    cls: dict[str, str] = {}
    for k, ev in by_key.items():
        if ev[ACTOR]:
            cls[k] = ACTOR
        elif ev[PERSON]:
            cls[k] = PERSON
        elif ev[AUTHOR] and ev[AUTHOR] * 3 >= n_occ[k]:
            cls[k] = AUTHOR   # the book's author, never acting in the story
        elif k in keycls and not (ev[TITLE] >= 2 or ev[VEHICLE]):
            cls[k] = keycls[k]
        elif ev[ORGX] >= n_occ[k]:
            cls[k] = ORG
        elif ev[COMMENT] >= n_occ[k]:
            cls[k] = COMMENTATOR
        elif ev[WPLACE] and ev[PLACE] + ev[WPLACE] >= n_occ[k] and not ev[TITLE] >= 2:
            cls[k] = PLACE   # only ever after place prepositions, never with a person cue
        else:
            nonp = {c: ev[c] for c in (PLACE, VEHICLE, TITLE, THING) if ev[c]}
            strong = ev[TITLE] >= 2 or ev[VEHICLE] > 0
            total = sum(nonp.values())
            if nonp and (total * 3 >= n_occ[k] or strong):
                cls[k] = max(nonp, key=lambda c: (nonp[c], c == PLACE))
            else:
                cls[k] = PERSON
    return cls, by_key


def _propagate_lists(occs_by_doc: dict[str, list[Occ]], texts: dict[str, str], lexes: dict[str, Lex],
                     cls: dict[str, str], by_key: dict[str, Counter]) -> None:
    """Names listed together share a kind: "Oliver Springs, Harriman e Kingston", "Kate X e Leo Y"."""
    changed = True
    rounds = 0
    while changed and rounds < 3:
        changed = False
        rounds += 1
        for doc, occs in occs_by_doc.items():
            text, L = texts[doc], lexes[doc]
            run: list[Occ] = []
            seq = [o for o in occs if not o.in_paren]
            for a, b in zip(seq, seq[1:] + [None]):
                run.append(a)
                if b is not None and b.s - a.e < 90 and L.list_gap_re.fullmatch(text, a.e, b.s):
                    continue
                if len(run) > 1:
                    kinds = {cls.get(o.key) for o in run}
                    for kind in (PLACE, TITLE, ACTOR):
                        if kind in kinds:
                            for o in run:
                                if cls.get(o.key) == PERSON and not by_key[o.key][PERSON]:
                                    cls[o.key] = kind
                                    changed = True
                            break
                run = []


