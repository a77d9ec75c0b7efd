"""Characters stage, step 3: the kind each name gets from the evidence pooled over every document (person, actor,
place, title...), names listed together, names proven by a part of them, and the reason a name was left out."""
from __future__ import annotations

from collections import Counter, defaultdict

from .names import Lex, _all_langs, country_names, given_names
from .characters_scan import (ACTOR, ASIDE, AUTHOR, COMMENT, COMMENTATOR, GIVEN, HONEV, LABEL, NOEV, OPINION, ORG,
                              ORGX, PART, PERSON, PLACE, PRON, REPORTED, SAINT, THING, TITLE, VEHICLE, VERB, WPLACE,
                              Occ)

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
    # a place keeps its own language's prefix in any text ("adesso Ciudad Bolívar", "Puerto Ayacucho")
    if len(words) > 1 and (words[0] in L.place_prefixes or words[0] in _all_langs("place_prefixes")
                           or any(w in L.place_heads for w in words)):
        return PLACE
    return None


def _classify(occs: list[Occ], lexes: dict[str, Lex]) -> tuple[dict[str, str], dict[str, Counter]]:
    by_key: dict[str, Counter] = defaultdict(Counter)
    n_occ: Counter = Counter()
    keycls: dict[str, str] = {}
    countries: set[str] = set()   # "Francia perdió Milán", "Venezuela declared": a state acts, it is no person
    for o in occs:
        by_key[o.key].update(o.ev)
        n_occ[o.key] += 1
        if o.key in country_names(lexes[o.doc].lang):
            countries.add(o.key)
        kc = _key_class(o.key, o.core, lexes[o.doc])
        if kc:
            keycls[o.key] = kc
    words_of = {o.key: len(o.core) for o in occs}
    cls: dict[str, str] = {}
    for k, ev in by_key.items():
        soft = ev[GIVEN] + ev[VERB] + ev[PRON]   # person evidence that place/title cues can outweigh
        acts = ev[VERB] + ev[PRON]
        if ev[ACTOR]:
            cls[k] = ACTOR
        elif ev[LABEL] and not ev[PERSON] and not acts:
            cls[k] = THING    # page furniture: "Durata", "Reparto", "Plot"
        elif ev[OPINION] >= n_occ[k] and not acts:
            cls[k] = COMMENTATOR   # named only inside opinions about the story, never acting in it
        elif ev[REPORTED] >= n_occ[k] and not acts and 0 < ev[PERSON] <= ev[HONEV]:
            cls[k] = NOEV     # a public figure in the story's news, only ever talked about: a title says no more
        elif ev[SAINT] >= n_occ[k] and not acts:
            cls[k] = NOEV     # a saint or an angel the story invokes ("the voices of saints Ada and Lia")
        elif ev[PERSON]:
            cls[k] = PERSON
        elif ev[AUTHOR] and ev[AUTHOR] * 3 >= n_occ[k]:
            cls[k] = AUTHOR   # the book's author, never acting in the story
        elif k in countries and not ev[PRON]:
            cls[k] = PLACE    # a country of the gazetteer, even when it acts or is also a first name
        elif k in keycls and not (ev[TITLE] >= 2 or ev[VEHICLE]):
            cls[k] = keycls[k]
        elif ev[ORGX] >= n_occ[k]:
            cls[k] = ORG
        elif ev[COMMENT] >= n_occ[k]:
            cls[k] = COMMENTATOR
        elif ev[WPLACE] and ev[PLACE] + ev[WPLACE] >= n_occ[k] and not ev[TITLE] >= 2 \
                and not (ev[GIVEN] and words_of[k] > 1):
            # only ever after place prepositions, never with a person cue; "nato da Carlo Oberti": a given
            # name and a surname outweigh a weak preposition
            cls[k] = PLACE
        else:
            nonp = {c: ev[c] for c in (PLACE, VEHICLE, TITLE, THING) if ev[c]}
            strong = ev[TITLE] >= 2 or ev[VEHICLE] > 0
            total = sum(nonp.values())
            if nonp and (total * 3 >= n_occ[k] or strong) and not acts > total:
                cls[k] = max(nonp, key=lambda c: (nonp[c], c == PLACE))
            elif soft and not ((ev[ASIDE] >= n_occ[k] or ev[REPORTED] >= n_occ[k]) and not acts):
                cls[k] = PERSON   # a given name counts, unless the name only ever comes in a bracketed aside
            else:
                cls[k] = NOEV   # a capitalised name and nothing saying it is a person
    return cls, by_key


def _propagate_lists(occs_by_doc: dict[str, list[Occ]], texts: dict[str, str], lexes: dict[str, Lex],
                     cls: dict[str, str], by_key: dict[str, Counter], lower: Counter | None = None) -> None:
    """Names listed together share a kind: "Oliver Springs, Harriman e Kingston", "Kate X e Leo Y". A name of
    several words opening with a word the documents also write in lowercase ("El primer viaje de Ana Ruiz, o Viaje
    del Regreso") is a thing's name, and being listed with people does not make it one of them (`lower`: the
    lowercase word counts)."""
    lower = lower or Counter()
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
                    for kind in (PLACE, TITLE, ACTOR, AUTHOR):   # "based on Ann Lee and Bo Roe's play"
                        if kind in kinds:
                            for o in run:
                                # a name that acts ("invasero Milano e Ludovico fuggì") keeps its kind
                                if cls.get(o.key) in (PERSON, NOEV) and not by_key[o.key][PERSON] \
                                        and not by_key[o.key][VERB] \
                                        and not (kind == PLACE and len(o.core) > 1 and by_key[o.key][GIVEN]):
                                    cls[o.key] = kind
                                    changed = True
                            break
                    else:
                        if PERSON in kinds and NOEV in kinds:
                            for o in run:   # "Sam, Leo and Ada": listed with people
                                if cls.get(o.key) == NOEV and not (len(o.core) > 1 and lower[o.toks[0][2].lower()]
                                                                   and o.core[0] not in given_names()):
                                    cls[o.key] = PERSON
                                    o.why.append("listed with other people")
                                    changed = True
                run = []




def _resolve_unproven(cls: dict[str, str], by_key: dict[str, Counter], core_of: dict[str, tuple]) -> dict[str, str]:
    """Names without evidence of their own that are part of a person's name ("Lind" of "Ada Lind"), or a
    full name whose first name or surname alone has person evidence: the same person. Returns the why."""
    why: dict[str, str] = {}
    for _ in range(2):
        parts: dict[str, str] = {}
        for k, c in cls.items():
            if c == PERSON and len(core_of[k]) > 1:
                for t in core_of[k]:
                    parts.setdefault(t, k)
        for k, c in list(cls.items()):
            if c != NOEV:
                continue
            core = core_of[k]
            if len(core) == 1 and core[0] in parts:
                cls[k] = PERSON
                why[k] = f"part of the name '{parts[core[0]]}'"
            elif len(core) > 1:
                for t in (core[0], core[-1]):
                    if cls.get(t) == PERSON and not by_key[t][ACTOR]:
                        cls[k] = PERSON
                        why[k] = f"full name of '{t}'"
                        break
    return why


_REASONS = {ACTOR: "an actor or crew member (credit, parentheses or cast list)", PLACE: "a place (after a place word)",
            ORG: "an institution", VEHICLE: "a vehicle", TITLE: "a title (quoted, or after a title word)",
            THING: "a thing (after an article, an award, a nationality, a page label)",
            AUTHOR: "the author of the work", COMMENTATOR: "quoted for an opinion or a credit",
            NOEV: "no evidence that it is a person"}


def reason(kind: str, ev: Counter) -> str:
    """Why a name was left out of the cast, in words a teacher can check."""
    if kind == THING and ev[LABEL]:
        return "page furniture (a label)"
    if kind == NOEV and ev[BESIDE_CREDITS]:
        return "a first name named only beside the work's credits (another work, a credit), never acting"
    if kind == THING and ev[PART]:
        return "an unnamed part in a credit list (a job, not a name)"
    if kind == COMMENTATOR and ev[OPINION]:
        return "named only inside an opinion about the story (historians agree, X testified that ...)"
    if kind == NOEV and ev[SAINT]:
        return "a saint or an angel invoked ('the voices of saints X and Y'), never acting in the story"
    if kind == NOEV and ev[REPORTED]:
        return "named only in the news the story reports ('the news of the death of X'), never acting"
    if kind == NOEV and ev[ASIDE]:
        return "named only in a bracketed aside ('(succeeding X)'), never acting"
    if kind == PLACE and ev[WPLACE] and not ev[PLACE]:
        return "a place (only after to/from/a/da-like words)"
    return _REASONS.get(kind, kind)


BESIDE_CREDITS = "_beside_credits"   # evidence only: every mention shares its sentence with a credited name


def names_beside_credits(cls: dict[str, str], by_key: dict[str, Counter], occs_by_doc: dict[str, list[Occ]],
                         sentence_at: dict) -> None:
    """"la música de Ivo Kral (que recordaréis de otra película)": a name whose only evidence is that it is a
    given name, and whose every mention sits in a sentence naming a credited actor or crew member, is talk
    about the work (another film, a crew member's family), not a person in the story. Marks it NOEV with
    its evidence; `sentence_at[doc](pos)` gives the sentence of a position."""
    credited: set[tuple[str, int]] = set()
    for doc, occs in occs_by_doc.items():
        at = sentence_at[doc]
        credited.update((doc, at(o.s)) for o in occs if cls.get(o.key) == ACTOR)
    if not credited:
        return
    weak: dict[str, bool] = {}
    for doc, occs in occs_by_doc.items():
        at = sentence_at[doc]
        for o in occs:
            ev = by_key[o.key]
            # a given name left out for a bracketed aside is checked too: beside a credit says more why
            if cls.get(o.key) not in (PERSON, NOEV) or ev[PERSON] or ev[VERB] or ev[PRON] or not ev[GIVEN]:
                continue
            weak[o.key] = weak.get(o.key, True) and (doc, at(o.s)) in credited
    for k, beside in weak.items():
        if beside:
            cls[k] = NOEV
            by_key[k][BESIDE_CREDITS] += 1
