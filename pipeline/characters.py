"""Stage: characters — the cast (aliases, actors), groups, family relations, mentions, place mentions.

One regex pass per document collects capitalised name candidates with their context; evidence is
then pooled per folded name across all documents (a name is an actor everywhere once it is an
actor anywhere), names are clustered with dictionaries (O(k^2) only over distinct names, capped),
and a second linear pass per document turns occurrences, family phrases and group phrases into
`Mention`s. All language knowledge comes from pipeline/lexicons/<lang>/characters.json.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .model import Character, Mention, Story
from .names import IS_CAP, TOKEN_RE, Lex, fold, honorifics_all, lex, slug

FUZZY_CAP = 400          # max distinct multi-word names compared pairwise
_OPEN = "\"'“‘«(["
_SENT_END = ".!?:;…\n"
_POSS_S = re.compile(r"^['’]s?(?![\w])")
_ELIDED = re.compile(r"^['’][a-zà-ÿ]")
_PAREN_OPEN = re.compile(r"[ \t]*\([ \t]*")
_PAREN_CLOSE = re.compile(r"[ \t]*\)")
# a name followed by an actor in parentheses or by more names: "Sam, Leo and Ada", "Sam (Actor)"
_LISTED = re.compile(r"[ \t]*(?:\(|,[ \t]*[A-ZÀ-Þ]|[ \t]+(?:and|y|e|&)[ \t]+[A-ZÀ-Þ])")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-zß-öø-ÿ][\w'’\-]*")
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+")
# a quoted title: "The Glass Harbour", "Notte di luna" (capitalised, no final punctuation)
_QUOTED = re.compile(r"[\"“«]([A-ZÀ-Þ][^\"“”«»\n]{0,60}?)(?<![!?.,])[\"”»]")

def HONS() -> frozenset:
    return _HONS or _HONS.update(honorifics_all()) or _HONS


_HONS: set = set()
PERSON, ACTOR, PLACE, ORG, VEHICLE, TITLE, THING = "person", "actor", "place", "org", "vehicle", "title", "thing"
AUTHOR = "author"             # "the novel by Helena Marsh": wrote the story, is not in it
COMMENTATOR = "commentator"   # "secondo Gino Varani": quoted for an opinion, never acting in the story
WPLACE, COMMENT = "_wplace", "_comment"   # evidence only: a weak place preposition, an "according to"
_NICK_OPEN = re.compile(r"[ \t]+[\"“'‘][ \t]*")
_NICK_CLOSE = re.compile(r"[ \t]*[\"”'’][ \t]+")
_BLANKS = re.compile(r"[ \t]+")
_COMMA = re.compile(r"[ \t]*,[ \t]*")
# a regnal numeral after a name: "Aldric III", "Clement IX" (a bare "I" only after a royal title)
_REGNAL = re.compile(r"[ \t]+(?P<r>X{0,3}(?:IX|IV|V?I{1,3})|X{1,3}V?|V)(?![\w'’])")
# "Name (Name), Name (Name)": a pair inside a run of pairs, i.e. a credit list
_PAIR_AFTER = re.compile(r"[ \t]*\)[ \t]*(?:[,;]|and|y|e|&)[ \t]*[^\W\d_][^()\n.]{0,60}\(")
_PAIR_BEFORE = re.compile(r"\)[ \t]*(?:[,;]|and|y|e|&)[ \t]*$")
ORGX = "_org"   # evidence only: "Junta para ...", part of an institution's name


@dataclass
class Occ:
    doc: str
    di: int
    s: int                   # mention span in the clean text (honorific included)
    e: int
    ns: int                  # start of the name proper
    name: str
    hon: str
    initial: bool
    numbered: bool
    toks: list = field(default_factory=list)   # (start, end, text) of the name's tokens
    key: str = ""
    core: tuple = ()
    ev: Counter = field(default_factory=Counter)
    in_paren: bool = False
    partonly: bool = False
    poss: bool = False
    skip: bool = False       # part of a group phrase ("i fratelli Lanzi, ..."): no mention of its own


# ----------------------------------------------------------------------------- scanning

def _is_initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and (text[j] in " \t" or text[j] in _OPEN):
        j -= 1
    return j < 0 or text[j] in _SENT_END


def _scan(doc: str, di: int, text: str, L: Lex, group_spans: list[tuple[int, int]]) -> list[Occ]:
    out: list[Occ] = []
    gi = 0
    hons = HONS()
    for m in L.name_re.finditer(text):
        s, e = m.start(), m.end("name")
        while gi < len(group_spans) and group_spans[gi][1] <= s:
            gi += 1
        if gi < len(group_spans) and group_spans[gi][0] < e:
            continue  # "the Rocket Boys" is a group phrase, not a name
        after = text[e:e + 3]
        if _ELIDED.match(after) and not _POSS_S.match(after):
            continue  # "Nell'ottobre", "Dell'Unione": an elided article, not a name
        hon, ns, s0 = "", s, s
        hm = L.hon_rev_re.match(text[max(0, s - 40):s][::-1])
        if hm:
            s0 = s - hm.end("h")
            hon = text[s0:s0 + len(hm.group("h"))].rstrip(".").strip()
            if hm.group("p"):
                ns = s - hm.end("p")
        toks = [(ns + t.start(), ns + t.end(), t.group()) for t in TOKEN_RE.finditer(text[ns:e])]
        # "Miss Lane", "Signora Rita X" caught as one capitalised run: the first word is a title
        while len(toks) > 1 and (toks[0][2].lower().rstrip(".") in hons or toks[0][2] in L.cap_honorifics):
            hon = hon or toks[0][2].rstrip(".")
            toks.pop(0)
            while len(toks) > 1 and toks[0][2] in L.particles:
                toks.pop(0)
            ns = toks[0][0]
        # "Owner Anselmo Rota", "Constable Harold Quick": a capitalised role word is a title, not a name part
        while len(toks) > 1 and fold(toks[0][2]) in L.role_titles and IS_CAP.match(toks[1][2]):
            hon = hon or toks[0][2]
            toks.pop(0)
            ns = toks[0][0]
        if len(toks) == 1 and (toks[0][2].lower() in hons or toks[0][2] in L.cap_honorifics) \
                and L.hon_next_re.match(text, e):
            continue  # "Mr" of "Mr. Turner": the next match carries the name ("il Conte corse" is a name)
        rm = _REGNAL.match(text, e)
        if rm and (len(rm.group("r")) > 1 or fold(hon) in L.regnal_hons) and not m.group("num"):
            toks.append((rm.start("r"), rm.end("r"), rm.group("r")))   # "King Aldric III" is one name
            e = rm.end("r")
        name = text[ns:e]
        out.append(Occ(doc, di, s0, e, ns, name, hon, _is_initial(text, s0), bool(m.group("num")), toks,
                       poss=bool(_POSS_S.match(after))))
    return out


def _groups(text: str, L: Lex) -> list[tuple[int, int, str, str]]:
    """(start, end, key, surface) of plural group phrases: "the boys", "i quattro", "los 'Rocketboys'"."""
    out = []
    for m in L.group_re.finditer(text):
        if m.group("qn"):
            qn = m.group("qn").strip()
            if not qn.endswith(L.plural_endings or ("s",)):
                continue
            key = fold(qn).replace(" ", "")
        else:
            head = fold(m.group("head"))
            if head in L.numbers:
                nxt = re.match(r"[ \t]+([a-zà-ÿ]+)", text[m.end():m.end() + 30])
                w = nxt.group(1) if nxt else ""
                if w in L.group_nouns:
                    key = f"n{L.numbers[head]}"
                    m_end = m.end() + nxt.end()
                    out.append((m.start(), m_end, key, text[m.start():m_end]))
                    continue
                if w and (w in L.irregular_plurals or
                          (w.endswith(L.plural_endings) and w not in L.verb_exceptions and len(w) > 3)):
                    continue  # "the four rockets": a counted noun, not a group of people
                key = f"n{L.numbers[head]}"
            else:
                key = L.group_nouns[head]
                nxt = re.match(r"[ \t]+([a-zà-ÿ]+)", text[m.end():m.end() + 30])
                if nxt and nxt.group(1) in L.raw.get("group_stop_next", ()):
                    continue  # "la banda sonora" is a soundtrack
        out.append((m.start(), m.end(), key, m.group(0)))
    # "he and three of his friends": a group of four with the subject in it
    for m in L.companions_re.finditer(text):
        n = L.numbers.get(fold(m.group("num")))
        if n:
            out.append((m.start(), m.end(), f"n{n + 1}", m.group(0)))
    out.sort()
    return out


def _strip_common(o: Occ, text: str, L: Lex, lower: Counter, noninit: Counter) -> bool:
    """Drop sentence-initial common words ("The", "Director", "Unfortunately"); False = no name left."""
    if o.hon:
        # "a count. The old general": a title before a function word names nobody
        return not all(t[2].lower() in L.stop for t in o.toks)
    while o.toks:
        t = o.toks[0][2]
        lw = t.lower()
        common = lw in L.stop or (lower[lw] > 0 and lower[lw] >= noninit[t])
        if o.initial and not common and noninit[t] == 0 and len(o.toks) == 1:
            # seen only at sentence starts: a participle/adverb unless it recurs as a name
            # or is listed with other names ("Sam, Leo and Ada")
            common = t.lower().endswith(L.initial_suffixes) or (
                o.ev["_once"] > 0 and not _LISTED.match(text, o.e))
        if not (o.initial or len(o.toks) == 1) or not common:
            break
        o.toks.pop(0)
        while o.toks and not IS_CAP.match(o.toks[0][2]):
            o.toks.pop(0)  # a particle left at the front
        o.initial = False
        if o.toks:
            o.s = o.ns = o.toks[0][0]
            o.name = text[o.ns:o.e]
    return bool(o.toks)


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


# ----------------------------------------------------------------------------- clustering

class _UF:
    def __init__(self):
        self.p: dict[str, str] = {}

    def find(self, x: str) -> str:
        p = self.p.setdefault(x, x)
        if p != x:
            p = self.p[x] = self.find(p)
        return p

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[rb] = ra


def _cluster(keys: dict[str, tuple], counts: Counter, partonly: set[str], forced: dict[str, str] | None = None):
    """Person keys -> (root of each key, ambiguous key -> candidate roots).

    `forced` maps a nickname key to the full name it belongs to ("ros" -> "rosalind pike")."""
    forced = {k: v for k, v in (forced or {}).items() if k in keys and v in keys}
    uf = _UF()
    multi = [k for k, c in keys.items() if len(c) >= 2]
    single = [k for k, c in keys.items() if len(c) == 1]
    by_core: dict[tuple, str] = {}
    for k in multi:
        uf.find(k)
        c = keys[k]
        if c in by_core:
            uf.union(by_core[c], k)
        else:
            by_core[c] = k
    if len(multi) <= FUZZY_CAP:
        for i, a in enumerate(multi):
            ca = keys[a]
            for b in multi[i + 1:]:
                cb = keys[b]
                if len(ca) == len(cb) and ca != cb:
                    if all(x == y or (len(x) > 3 and fuzz.ratio(x, y) >= 80) for x, y in zip(ca, cb)) \
                            and fuzz.ratio(" ".join(ca), " ".join(cb)) >= 88:
                        uf.union(a, b)
                if ca[-1] == cb[-1] and ca[0] != cb[0] and min(len(ca[0]), len(cb[0])) >= 3 \
                        and (ca[0].startswith(cb[0]) or cb[0].startswith(ca[0])):
                    uf.union(a, b)  # nickname: Cal Hockley / Caledon Hockley
    # shorter multi-word names inside exactly one longer one: "Roy Lee" in "Roy Lee Cooke"
    grams: dict[tuple, set] = defaultdict(set)
    for k in multi:
        c = keys[k]
        for n in range(2, len(c)):
            for i in range(len(c) - n + 1):
                grams[c[i:i + n]].add(k)
    ambiguous: dict[str, list[str]] = {}
    for k in sorted(multi, key=lambda k: len(keys[k])):
        roots = {uf.find(x) for x in grams.get(keys[k], ())} - {uf.find(k)}
        if len(roots) == 1:
            uf.union(roots.pop(), k)
        elif len(roots) > 1:
            ambiguous[k] = sorted(roots)
    ambiguous = {k: sorted({uf.find(r) for r in v}) for k, v in ambiguous.items()}
    ambiguous = {k: v for k, v in ambiguous.items() if len(v) > 1}
    root_count: Counter = Counter()
    for k in multi:
        root_count[uf.find(k)] += counts[k]
    first: dict[str, set] = defaultdict(set)
    last: dict[str, set] = defaultdict(set)
    for k in multi:
        if k in ambiguous:
            continue
        first[keys[k][0]].add(uf.find(k))
        last[keys[k][-1]].add(uf.find(k))
    dropped: set[str] = set()
    for k in single:
        if k in forced:
            uf.union(forced[k], k)
            continue
        t = keys[k][0]
        cf, cl = first.get(t, set()), last.get(t, set())
        if cf and not cl:
            uf.union(max(cf, key=lambda r: (root_count[r], r)), k)  # first names identify a person
            continue
        cands = cf | cl
        if len(cands) == 1:
            uf.union(next(iter(cands)), k)
            continue
        if len(cands) > 1:
            ambiguous[k] = sorted(cands)  # a surname shared by a family: "Moreau"
            continue
        if len(t) >= 5:
            hits = {r for tok, rs in list(first.items()) + list(last.items())
                    if abs(len(tok) - len(t)) <= 2 and fuzz.ratio(tok, t) >= 85 for r in rs}
            if len(hits) == 1:
                uf.union(hits.pop(), k)
                continue
        if k in partonly:
            dropped.add(k)  # "de Laval" in "the de Laval nozzle": an eponym, not a character
            continue
        uf.find(k)
    roots = {k: uf.find(k) for k in keys if k not in ambiguous and k not in dropped}
    return roots, ambiguous



# ----------------------------------------------------------------------------- name shapes

def _merge_nicknames(occs: list[Occ], text: str) -> tuple[list[Occ], list[tuple[str, Occ]]]:
    """`Rosalind "Ros" Pike` is one person: merge first and last name, keep the nickname aside.

    Returns the occurrences without the quoted nickname and (nickname, merged occurrence) pairs."""
    out: list[Occ] = []
    nicks: list[tuple[str, Occ]] = []
    i = 0
    while i < len(occs):
        a = occs[i]
        if i + 2 < len(occs):
            b, c = occs[i + 1], occs[i + 2]
            if len(b.toks) == 1 and not b.hon and not c.hon and len(c.toks) <= 2 \
                    and _NICK_OPEN.fullmatch(text, a.e, b.s) and _NICK_CLOSE.fullmatch(text, b.e, c.s):
                m = Occ(a.doc, a.di, a.s, c.e, a.ns, f"{text[a.ns:a.e]} {c.name}", a.hon, a.initial, c.numbered,
                        a.toks + c.toks, poss=c.poss)
                out.append(m)
                nicks.append((b.name, m))
                i += 3
                continue
        out.append(a)
        i += 1
    return out, nicks


def _rename(o: Occ, first: Occ, surname: Occ) -> None:
    """Give a bare first name the surname it shares: "Carlo (and Nino Fabbri)" -> Carlo Fabbri."""
    o.name = f"{first.name} {surname.toks[-1][2]}"
    o.key = f"{first.key} {surname.core[-1]}"
    o.core = (first.core[0], surname.core[-1])


def _distribute_surnames(occs_by_doc: dict[str, list[Occ]], texts: dict[str, str], lexes: dict,
                         groups_by_doc: dict[str, list]) -> dict[tuple[str, int], list[Occ]]:
    """Surnames shared over a list of first names.

    "Carlo and Nino Fabbri" -> Carlo Fabbri, Nino Fabbri; "i due fratelli Lanzi, Pietro e Giulio" ->
    Pietro Lanzi, Giulio Lanzi. A first name that already belongs to someone with another surname is
    left alone. Returns the named members of a group phrase right before them: (doc, group start) -> occs.
    """
    firsts: dict[str, set] = defaultdict(set)
    lasts: set[str] = set()
    for occs in occs_by_doc.values():
        for o in occs:
            if len(o.core) >= 2:
                firsts[o.core[0]].add(o.core[-1])
                lasts.add(o.core[-1])

    def free(o: Occ, surname: str) -> bool:
        t = o.core[0] if len(o.core) == 1 else ""
        return bool(t) and not o.hon and t not in lasts and firsts.get(t, set()) <= {surname} \
            and o.ev[ACTOR] == 0

    hints: dict[tuple[str, int], list[Occ]] = {}
    for doc, occs in occs_by_doc.items():
        text, L = texts[doc], lexes[doc]
        gends = {g[1]: g[0] for g in groups_by_doc.get(doc, [])}
        i = 0
        while i < len(occs):
            o = occs[i]
            # the group phrase ends right before this name
            j = o.s
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            gstart = gends.get(j)
            # pattern A: <group> Surname, First, First e First
            if gstart is not None and len(o.core) == 1 and i + 1 < len(occs) \
                    and _COMMA.fullmatch(text, o.e, occs[i + 1].s):
                run = [occs[i + 1]]
                k = i + 1
                while k + 1 < len(occs) and L.list_gap_re.fullmatch(text, occs[k].e, occs[k + 1].s):
                    k += 1
                    run.append(occs[k])
                sur = o.core[0]
                if len(run) >= 2 and all(free(x, sur) for x in run):
                    for x in run:
                        _rename(x, x, o)
                    o.skip = True
                    hints[(doc, gstart)] = run
                    i = k + 1
                    continue
            # pattern B: [<group>] First (, First) and First Surname
            if len(o.core) == 1:
                run = [o]
                k = i
                while k + 1 < len(occs) and L.list_gap_re.fullmatch(text, occs[k].e, occs[k + 1].s) \
                        and len(occs[k + 1].core) == 1:
                    k += 1
                    run.append(occs[k])
                if k + 1 < len(occs) and len(occs[k + 1].core) == 2 \
                        and L.list_gap_re.fullmatch(text, occs[k].e, occs[k + 1].s):
                    last = occs[k + 1]
                    sur = last.core[-1]
                    joined_by_conj = len(run) == 1 and "," not in text[o.e:last.s]
                    if "(" in text[o.e:last.s]:
                        joined_by_conj, gstart = False, None  # "Sam (Actor) and Ada Lowell": two people
                    if (gstart is not None or joined_by_conj) and all(free(x, sur) for x in run) \
                            and not text[last.e:last.e + 2].lstrip(" \t").startswith("("):
                        for x in run:
                            _rename(x, x, last)
                        if gstart is not None:
                            hints[(doc, gstart)] = run + [last]
                        i = k + 2
                        continue
            i += 1
    return hints

def _called(occs: list[Occ], text: str, L: Lex) -> list[tuple[str, Occ]]:
    """`Aldo Cattaneo, detto «il Falco»`, `Ana, known as "the Hawk"`: the nickname names the person before it.

    A weak cue ("called", "detto", "llamado") needs a comma before it or a quote after it, so that
    "Sam called Tom" stays two people."""
    out = []
    for a, b in zip(occs, occs[1:]):
        if b.hon or len(b.toks) > 2:
            continue
        g = L.nick_gap_re.fullmatch(text, a.e, b.s)
        if g and (g.group("comma") or g.group("q") or g.group("cue").lower() in L.nick_strong):
            out.append((b.name, a))
    return out


def _reference_sentences(sents: list, text: str, L: Lex):
    """pos -> is it inside a sentence that gives an opinion, a credit or a reading pointer?"""
    spans = sorted((x.cstart, x.cend) for x in sents) if sents else []
    if not spans:
        b = 0
        for m in _SENT_SPLIT.finditer(text):
            spans.append((b, m.start()))
            b = m.end()
        spans.append((b, len(text)))
    starts = [a for a, _ in spans]
    flags = [L.reference_re.search(text, a, b) is not None for a, b in spans]

    def at(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < spans[i][1] and flags[i]
    return at


def _prose_tokens(occs_by_doc: dict[str, list[Occ]], texts: dict[str, str]) -> Counter:
    """Name words seen outside parentheses and outside "Name (Name)" pairs: the story's own prose."""
    c: Counter = Counter()
    for doc, occs in occs_by_doc.items():
        text = texts[doc]
        for o in occs:
            if text[max(0, o.s - 3):o.s].rstrip(" \t").endswith("(") or _PAREN_OPEN.match(text, o.e):
                continue
            for t in o.toks:
                c[fold(t[2])] += 1
    return c


def _actor_first(a: Occ, b: Occ, text: str, L: Lex, prose: Counter) -> bool:
    """In "A (B)" is A the actor? Yes after a cast-list cue ("Starring:", "Reparto:"), or when B's
    name is used in the story's prose and A's never is."""
    j, lo = a.s, max(0, a.s - 300)   # bounded: a credit list is short
    while j > lo and text[j - 1] not in ".!?\n":
        j -= 1
    if L.cast_list_re.match(text, j):
        return True
    if a.hon:
        return False   # "Miss Lane (Ada Ross)": a title marks the role even if the actor is praised later
    if not (_PAIR_AFTER.match(text, b.e) or _PAIR_BEFORE.search(text[max(0, a.s - 12):a.s])):
        return False   # a pair inside a story sentence is "Character (Actor)"; only credit lists may flip
    words = lambda o: [fold(t[2]) for t in o.toks if fold(t[2]) not in L.particles]
    return any(prose[w] for w in words(b)) and not any(prose[w] for w in words(a))


# ----------------------------------------------------------------------------- stage

def _sentence_index(sents: list, text: str):
    sents = sorted(sents, key=lambda s: s.cstart)
    if sents:
        starts = [s.cstart for s in sents]
        idxs = [s.idx for s in sents]
    else:  # segment has not run: a crude split keeps mentions usable
        starts, idxs = [0], [0]
        for m in _SENT_SPLIT.finditer(text):
            starts.append(m.end())
            idxs.append(len(idxs))

    def at(pos: int) -> int:
        return idxs[max(0, bisect_right(starts, pos) - 1)]
    return at


def run(story: Story) -> Story:
    """Fill story.characters, story.mentions and story.place_mentions.

    Guarantees: every Mention's text == Document.clean[cstart:cend] and `sent` is the idx of the
    Sentence containing cstart; mentions are in document order then offset; every char_id is a key
    of story.characters (groups have is_group=True and `members` = ids of cast characters);
    actors, directors and other crew are never characters; place mentions carry the place name
    as char_id. Runs in time linear in the text (one regex pass per document).
    """
    docs = [d for d in story.docs]
    texts = {d.doc: (d.clean or d.raw or "") for d in docs}
    lexes = {d.doc: lex(d.lang if d.lang in ("en", "es", "it") else "en") for d in docs}
    lower: Counter = Counter()
    occs_by_doc: dict[str, list[Occ]] = {}
    groups_by_doc: dict[str, list] = {}
    nick_pairs: list[tuple[str, Occ]] = []
    for di, d in enumerate(docs):
        text, L = texts[d.doc], lexes[d.doc]
        lower.update(_LOWER_WORD.findall(text))
        groups_by_doc[d.doc] = _groups(text, L)
        spans = sorted((g[0], g[1]) for g in groups_by_doc[d.doc])
        occs, nicks = _merge_nicknames(_scan(d.doc, di, text, L, spans), text)
        occs_by_doc[d.doc] = occs
        nick_pairs.extend(nicks)
        nick_pairs.extend(_called(occs, text, L))
        quoted = [(q.start(1), q.end(1)) for q in _QUOTED.finditer(text) if len(q.group(1).split()) <= 8]
        qi = 0
        for o in occs:
            while qi < len(quoted) and quoted[qi][1] < o.e:
                qi += 1
            if qi < len(quoted) and quoted[qi][0] <= o.s:
                o.ev[TITLE] += 2

    # capitalised uses away from sentence starts tell names from common words
    noninit: Counter = Counter()
    cap_total: Counter = Counter()
    for occs in occs_by_doc.values():
        for o in occs:
            for i, (_, _, t) in enumerate(o.toks):
                cap_total[t] += 1
                if i or not o.initial or o.hon:
                    noninit[t] += 1
    for nick, _ in nick_pairs:   # the quoted nickname is a name, even if later seen only at sentence starts
        cap_total[nick] += 1
        noninit[nick] += 1
    sents_of: dict[str, list] = defaultdict(list)
    for x in story.sentences:
        sents_of[x.doc].append(x)
    all_occs: list[Occ] = []
    fam_occs: list[tuple[Occ, int, int]] = []   # "la famiglia Bauer": (occ, phrase start, phrase end)
    for doc, occs in occs_by_doc.items():
        text, L = texts[doc], lexes[doc]
        in_ref = _reference_sentences(sents_of.get(doc, []), text, L)
        kept = []
        for o in occs:
            if len(o.toks) == 1 and cap_total[o.toks[0][2]] == 1:
                o.ev["_once"] = 1
            if not _strip_common(o, text, L, lower, noninit):
                continue
            o.ev.pop("_once", None)
            core = tuple(t for t in (fold(x[2]) for x in o.toks)
                         if t not in L.particles and not (len(t) == 2 and t.endswith(".")))
            if not core:
                continue
            if not o.hon and len(core) == 1 and core[0] in L.calendar:
                continue
            o.key = " ".join(fold(x[2]) for x in o.toks)
            o.core = core
            _evidence(o, text, L)
            if in_ref(o.s):
                o.ev[COMMENT] += 1   # a biographer's opinion, a photo credit: not the story's people
            if len(core) == 1 and not o.hon and not o.poss:
                pre = text[max(0, o.ns - 40):o.ns]
                nb = L.famgroup_before_re.length(pre)
                na = L.famgroup_after_re.match(text[o.e:o.e + 30])
                if na and not nb:
                    nb = L.article_re.length(pre)   # "the Bauer family" with its article
                if nb or na:
                    fam_occs.append((o, o.ns - nb, o.e + na.end() if na else o.e))
                    continue
            kept.append(o)
        occs_by_doc[doc] = kept
        all_occs.extend(kept)

    group_hints = _distribute_surnames(occs_by_doc, texts, lexes, groups_by_doc)
    forced = {fold(n): m.key for n, m in nick_pairs}

    # actors in parentheses: "Tom Reyes (Sam Hale)", "one teacher (Ada Ross)"
    actor_links: list[tuple[Occ, Occ]] = []
    prose = _prose_tokens(occs_by_doc, texts)
    for doc, occs in occs_by_doc.items():
        text, L = texts[doc], lexes[doc]
        for i, b in enumerate(occs):
            if not (_PAREN_CLOSE.match(text, b.e) and text[max(0, b.s - 3):b.s].rstrip(" \t").endswith("(")):
                continue
            b.in_paren = True
            a = occs[i - 1] if i else None
            if a is not None and _PAREN_OPEN.fullmatch(text, a.e, b.s):
                if _actor_first(a, b, text, L, prose):
                    a.ev[ACTOR] += 1     # "Starring: Marta Reis (Inês Carvalho)": the role is in brackets
                    actor_links.append((b, a))
                    continue
                b.ev[ACTOR] += 1
                if not L.relof_re.search(text, max(0, a.ns - 40), a.ns):
                    actor_links.append((a, b))
            elif len(b.core) > 1 and L.role_paren_re.search(text[max(0, b.s - 40):b.s]):
                # "one teacher (Laura Dern)"; a single word "his mother (Elsie)" is the character
                b.ev[ACTOR] += 1
    for a, b in actor_links:
        a.ev[PERSON] += 1

    cls, by_key = _classify(all_occs, lexes)
    for k in forced:
        if k in cls and cls[k] != ACTOR:
            cls[k] = PERSON   # a nickname is its person even when quoted
    _propagate_lists(occs_by_doc, texts, lexes, cls, by_key)
    core_of = {o.key: o.core for o in all_occs}
    counts = Counter(o.key for o in all_occs)

    # derived kinds: misspelt actors ("Ada Rosz" for Ada Ross), bare surnames of crew ("Marlow"),
    # single words of non-person names ("Voyager" of "Voyager 2" is numbered itself; "Kilimanjaro")
    actors = [k for k, c in cls.items() if c == ACTOR]
    person_tokens = {t for k, c in cls.items() if c == PERSON and len(core_of[k]) > 1 for t in core_of[k]}
    other_tokens: dict[str, str] = {}
    for k, c in cls.items():
        if c != PERSON and len(core_of[k]) > 1:
            for t in core_of[k]:
                other_tokens.setdefault(t, c)
    title_restored: set[str] = set()
    for k, c in list(cls.items()):
        core = core_of[k]
        if len(core) != 1 or by_key[k][ACTOR] or k in forced:
            continue
        t = core[0]
        if c == TITLE and t in person_tokens:
            cls[k] = PERSON   # "La cámara de Valdés" must not hide Ernesto Valdés
            title_restored.add(k)
        elif c == PLACE and not by_key[k][PLACE] and t in person_tokens:
            cls[k] = PERSON   # "wrote to Szabo": a weak preposition before a cast surname
        elif c == PERSON and "-" in t and not by_key[k][PERSON] \
                and all(p in person_tokens for p in t.split("-")):
            cls[k] = THING    # "Okafor-Szabo": a comet or a firm named after two of the cast
    for k, c in list(cls.items()):
        if c != PERSON or by_key[k][PERSON]:
            continue
        core = core_of[k]
        if len(core) > 1 and len(actors) < 2000:
            if any(len(core_of[a]) == len(core) and fuzz.ratio(k, a) >= 85 for a in actors):
                cls[k] = ACTOR
        elif len(core) == 1 and core[0] not in person_tokens and core[0] in other_tokens:
            cls[k] = other_tokens[core[0]]

    persons = {k: core_of[k] for k, c in cls.items() if c == PERSON}
    # names the later stages must recognise as not characters (an actor praised in a review)
    story.non_characters = {o.name: cls[o.key] for o in all_occs if cls.get(o.key, PERSON) != PERSON}
    not_partonly = {o.key for o in all_occs if not o.partonly}
    partonly = {k for k in persons if k not in not_partonly}
    roots, ambiguous = _cluster(persons, counts, partonly, forced)
    hon_roots = {roots[o.key] for o in all_occs if o.hon and o.key in roots}
    hons_of: dict[str, set] = defaultdict(set)      # root -> honorifics used with it
    gender_of: dict[str, set] = defaultdict(set)    # root -> genders those honorifics imply
    for o in all_occs:
        if o.hon and o.key in roots:
            h = fold(o.hon).rstrip(".")
            hons_of[roots[o.key]].add(h)
            g = lexes[o.doc].hon_gender.get(h)
            if g:
                gender_of[roots[o.key]].add(g)

    def resolve_shared(o: Occ, lst: list, at) -> str | None:
        """A surname shared by several people ("Szabo", "il conte Ferrandi"): the same honorific,
        else the honorific's gender, then the most recently mentioned of those left."""
        cands = ambiguous[o.key]
        if o.hon:
            h = fold(o.hon).rstrip(".")
            c1 = [r for r in cands if h in hons_of[r]]
            g = lexes[o.doc].hon_gender.get(h)
            if not c1 and g:   # "Mr." is not the one who was "Mrs." elsewhere
                c1 = [r for r in cands if gender_of[r] == {g}] or [r for r in cands if gender_of[r] <= {g}]
            cands = c1 or [r for r in cands if r in hon_roots] or cands
        ids = {char_of_root[r] for r in cands if r in char_of_root}
        if len(ids) == 1:
            return next(iter(ids))
        cur = at(o.s)
        if o.hon:   # "il conte Ferrandi": the last one mentioned with that title
            for x in reversed(lst[-60:]):
                if x[2] in ids:
                    return x[2]
            return None
        # "Elena, la hija de Rota": a relation's "of X" never names the person just mentioned
        L = lexes[o.doc]
        if L.relof_re.search(texts[o.doc], max(0, o.ns - 40), o.ns):
            ids -= {x[2] for x in lst[-20:] if at(x[0]) == cur}
            if len(ids) == 1:
                return next(iter(ids))
        # a bare "Rota": when only one of them has been written with that surname in this document
        # ("Elena" alone does not make her "the Rota" of the next sentence), that one; else the only
        # one named in the last few sentences
        sur = o.core[-1]
        bearers = {x[2] for x in lst[-200:] if x[2] in ids and sur in x[3].core}
        if len(bearers) == 1:
            return bearers.pop()
        near = set()
        for x in reversed(lst[-60:]):
            if at(x[0]) < cur - 3:
                break
            if x[2] in ids:
                near.add(x[2])
        return near.pop() if len(near) == 1 else None

    # ---- characters
    members: dict[str, list[str]] = defaultdict(list)
    for k, r in roots.items():
        members[r].append(k)
    surf: dict[str, Counter] = defaultdict(Counter)
    aliases_seen: dict[str, list[str]] = defaultdict(list)
    for o in all_occs:
        if o.key in roots:
            surf[o.key][o.name] += 1
    char_of_root: dict[str, str] = {}
    chars: dict[str, Character] = {}
    for r, ks in members.items():
        best = max(ks, key=lambda k: (len(persons[k]), len(k), counts[k], k))
        name = surf[best].most_common(1)[0][0]
        cid = slug(name)
        while cid in chars:
            cid += "-2"
        chars[cid] = Character(id=cid, name=name)
        char_of_root[r] = cid

    # ---- name mentions
    mentions: list[Mention] = []
    place_mentions: list[Mention] = []
    per_doc: dict[str, list[tuple[int, int, str, Occ]]] = {}
    sents_by_doc: dict[str, list] = defaultdict(list)
    for x in story.sentences:
        sents_by_doc[x.doc].append(x)
    sent_at = {d.doc: _sentence_index(sents_by_doc.get(d.doc, []), texts[d.doc]) for d in docs}
    place_name: dict[str, str] = {}
    for o in all_occs:
        if cls.get(o.key) == PLACE:
            place_name.setdefault(o.key, o.name if len(o.name) >= len(place_name.get(o.key, "")) else "")
    for doc, occs in occs_by_doc.items():
        text, at = texts[doc], sent_at[doc]
        lst = []
        for o in occs:
            cid = None
            if o.skip or (o.key in title_restored and o.ev[TITLE] >= 2):
                continue  # the surname of "i fratelli Lanzi, ...", a surname inside a film title
            if o.key in roots:
                cid = char_of_root[roots[o.key]]
            elif o.key in ambiguous:
                cid = resolve_shared(o, lst, at)
            if cid:
                lst.append((o.s, o.e, cid, o))
                al = text[o.s:o.e]
                if al not in aliases_seen[cid]:
                    aliases_seen[cid].append(al)
            elif cls.get(o.key) == PLACE:
                place_mentions.append(Mention(doc, at(o.s), o.s, o.e, text[o.s:o.e],
                                              place_name.get(o.key) or o.name))
        per_doc[doc] = lst
    for doc, lst in per_doc.items():
        at = sent_at[doc]
        mentions.extend(Mention(doc, at(s), s, e, texts[doc][s:e], cid) for s, e, cid, _ in lst)

    # actors from parentheses
    actor_of: dict[str, list[str]] = defaultdict(list)

    def add_actor(cid: str, name: str) -> None:
        if not any(fuzz.ratio(fold(name), fold(x)) >= 85 for x in actor_of[cid]):
            actor_of[cid].append(name)
    for a, b in actor_links:
        if a.key in roots:
            add_actor(char_of_root[roots[a.key]], b.name)

    # protagonist: the most mentioned character
    mcount = Counter(m.char_id for m in mentions)
    protagonist = mcount.most_common(1)[0][0] if mcount else None
    hon_chars = {char_of_root[r] for r in hon_roots if r in char_of_root}

    # ---- family relations (two passes: facts from "his father John", then bare "his father")
    facts: dict[tuple[str, str], str] = {}
    rel_hits = {}
    for d in docs:
        doc, text, L = d.doc, texts[d.doc], lexes[d.doc]
        lst = per_doc.get(doc, [])
        starts = [x[0] for x in lst]
        at = sent_at[doc]
        hits = []
        occs = occs_by_doc.get(doc, [])
        occ_ends = [o.e for o in occs]
        for m in L.rel_re.finditer(text):
            rel = L.family.get(fold(m.group("rel")))
            if not rel:
                continue
            det = (m.group("det") or "").lower()
            adj = (m.group("adj") or "").lower()
            possw = adj if adj in L.possessives else det
            if adj and adj not in L.possessives and fold(adj) in L.stop:
                det, possw = "", ""  # "the boys and his father": no determiner for this noun
            s0 = m.start("det") if m.group("det") and (det or possw) else m.start("rel")
            j = bisect_right(starts, m.end()) 
            nxt = lst[j] if j < len(lst) else None
            prv = lst[bisect_right(starts, s0) - 1] if bisect_right(starts, s0) else None
            targets: list[str] = []
            if nxt:
                g = L.appos_gap_re.fullmatch(text, m.end(), nxt[0])
                if g and not (g.group("adj") and (fold(g.group("adj")) in L.stop or
                                                  g.group("adj")[0].isupper())):
                    targets.append(nxt[2])
                    k = j
                    while k + 1 < len(lst) and L.list_gap_re.fullmatch(text, lst[k][1], lst[k + 1][0]):
                        k += 1
                        targets.append(lst[k][2])
            possessor = None
            explicit = False
            if prv and text[prv[1]:s0] in ("'s ", "’s ", "' ", "’ "):
                possessor, explicit, s0 = prv[2], False, m.start("rel")
            elif nxt and not targets and L.of_gap_re.fullmatch(text, m.end(), nxt[0]):
                possessor, explicit = nxt[2], True  # "il padre di Marco": the name follows
            elif possw or det:
                # the most recent named character in this or the previous sentence, else the protagonist
                cur = at(s0)
                for xi in range(bisect_right(starts, s0) - 1, -1, -1):
                    x = lst[xi]
                    if at(x[0]) < cur - 1:
                        break
                    if x[2] not in targets:
                        possessor = x[2]
                        break
                possessor = possessor or protagonist
            else:
                continue
            as_actor = None
            oi = bisect_right(occ_ends, s0) - 1
            if oi >= 0 and cls.get(occs[oi].key) == ACTOR:
                am = L.actor_after_re.match(text[occs[oi].e:m.end()])
                if am and occs[oi].e + am.end() >= s0:
                    as_actor = occs[oi].name  # "Chris Cooper as his father": that role's actor
            hits.append((m, rel, possw, s0, possessor, targets, explicit, nxt, as_actor))
            if targets and possessor:
                gender = L.possessives.get(possw, "u")
                if rel in ("children", "son", "daughter", "sons", "daughters"):
                    pkey = {"m": "father", "f": "mother"}.get(gender, "parent")
                    for t in targets:
                        if t != possessor:
                            facts.setdefault((t, pkey), possessor)
                elif targets[0] != possessor:
                    facts.setdefault((possessor, rel), targets[0])
        rel_hits[doc] = hits
    rel_mentions: list[Mention] = []
    occ_at = {doc: {o.s: o for o in occs} for doc, occs in occs_by_doc.items()}
    for d in docs:
        doc, text = d.doc, texts[d.doc]
        at = sent_at[doc]
        for m, rel, possw, s0, possessor, targets, explicit, nxt, as_actor in rel_hits[doc]:
            if targets or not possessor:
                continue
            cid = facts.get((possessor, rel))
            if not cid and rel in ("father", "mother"):
                cid = facts.get((possessor, "parent"))
            if not cid or cid == possessor:
                continue
            e0 = m.end()
            if as_actor:
                add_actor(cid, as_actor)
                continue
            rel_mentions.append(Mention(doc, at(s0), s0, e0, text[s0:e0], cid))
            tail = nxt[1] if explicit and nxt and nxt[2] == possessor and nxt[0] >= e0 else e0
            mm = _PAREN_OPEN.match(text, tail)
            if mm:
                o = occ_at[doc].get(mm.end())
                if o is not None and cls.get(o.key) == ACTOR:
                    add_actor(cid, o.name)
    mentions.extend(rel_mentions)

    # ---- groups
    by_surname: dict[str, list[str]] = defaultdict(list)
    for k, r in roots.items():
        if len(persons[k]) >= 2 and char_of_root[r] not in by_surname[persons[k][-1]]:
            by_surname[persons[k][-1]].append(char_of_root[r])
    group_chars: dict[str, Character] = {}
    mentions.sort(key=lambda x: (x.doc, x.cstart))
    by_doc_m: dict[str, list[Mention]] = defaultdict(list)
    for x in mentions:
        by_doc_m[x.doc].append(x)
    group_mentions: list[Mention] = []
    absorbed: set[tuple[str, int]] = set()   # surnames that became part of a group phrase
    partial: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        doc, text = d.doc, texts[d.doc]
        at = sent_at[doc]
        ms = by_doc_m.get(doc, [])
        mstarts = [x.cstart for x in ms]
        for gs, ge, key, surface in groups_by_doc[doc]:
            gid = "group-" + slug(key)
            gc = group_chars.get(gid)
            if gc is None:
                gc = group_chars[gid] = Character(id=gid, name=surface, is_group=True)
            elif len(surface) < len(gc.name):
                gc.name = surface  # "the four" reads better than "he and three of his friends"
            hint = group_hints.get((doc, gs))
            nxt = occ_at[doc].get(ge + 1) if text[ge:ge + 1] == " " else None
            if not hint and nxt is not None and len(nxt.core) == 1 and len(by_surname.get(nxt.core[0], ())) >= 2:
                # "i due fratelli Fabbri": the surname names the group's members, not one of them
                ge = nxt.e
                absorbed.add((doc, nxt.s))
                if not gc.members:
                    gc.members = list(by_surname[nxt.core[0]])
            group_mentions.append(Mention(doc, at(gs), gs, ge, text[gs:ge], gid))
            if hint and not gc.members:
                ids = [char_of_root[roots[x.key]] for x in hint if x.key in roots]
                gc.members = list(dict.fromkeys(ids))  # "i due fratelli Lanzi, Pietro e Giulio"
                if gc.members:
                    continue
            if fold(surface.split()[0]) in {fold(p) for p in lexes[doc].raw.get("subject_pronouns", ())}:
                k = bisect_right(mstarts, gs) - 1  # "he" = the most recent named character
                if k >= 0 and ms[k].sent >= at(gs) - 1 and ms[k].char_id not in partial[gid]:
                    partial[gid].append(ms[k].char_id)
                continue
            if key.startswith("n") and key[1:].isdigit() and not gc.members:
                n = int(key[1:])
                cur = at(gs)
                seen: list[str] = []
                same: list[str] = []
                for xi in range(bisect_right(mstarts, gs) - 1, -1, -1):
                    x = ms[xi]
                    if x.sent < cur - 2 or len(seen) > 4 * n:
                        break
                    if x.char_id not in seen:
                        seen.append(x.char_id)
                        if x.sent == cur:
                            same.insert(0, x.char_id)
                if len(same) == n:
                    gc.members = same
                else:
                    young = [c for c in seen if c not in hon_chars]
                    if len(young) >= n:
                        gc.members = young[:n][::-1]
    # "la famiglia Bauer", "the Bauer family", "los Bauer": everyone in the cast with that surname
    for o, fs, fe in fam_occs:
        ids = by_surname.get(o.core[0])
        if not ids:
            continue
        gid = "family-" + slug(o.core[0])
        text = texts[o.doc]
        gc = group_chars.get(gid)
        if gc is None:
            gc = group_chars[gid] = Character(id=gid, name=text[fs:fe], is_group=True, members=list(ids))
        group_mentions.append(Mention(o.doc, sent_at[o.doc](fs), fs, fe, text[fs:fe], gid))
    for gid, known in partial.items():
        if not group_chars[gid].members:
            group_chars[gid].members = list(known)
    resolved = [g for g in group_chars.values() if g.members]
    if resolved:
        main = max(resolved, key=lambda g: len(g.members))
        for g in group_chars.values():
            if not g.members:
                g.members = list(main.members)
    if absorbed:
        mentions = [x for x in mentions if (x.doc, x.cstart) not in absorbed]
    mentions.extend(group_mentions)

    # ---- finish
    doc_order = {d.doc: i for i, d in enumerate(docs)}
    mentions.sort(key=lambda x: (doc_order.get(x.doc, 0), x.cstart))
    per_char = Counter(x.char_id for x in mentions)
    char_docs: dict[str, dict[str, None]] = defaultdict(dict)
    for x in mentions:
        char_docs[x.char_id][x.doc] = None
    for cid, c in chars.items():
        c.aliases = [a for a in aliases_seen[cid] if a != c.name]
        c.actor = ", ".join(actor_of[cid]) or None
        c.mentions = per_char[cid]
        c.docs = sorted(char_docs[cid], key=lambda x: doc_order.get(x, 0))
    for gid, g in group_chars.items():
        g.mentions = per_char[gid]
        g.docs = sorted(char_docs[gid], key=lambda x: doc_order.get(x, 0))
    story.characters = {**{k: v for k, v in chars.items() if v.mentions}, **group_chars}
    story.mentions = mentions
    story.place_mentions = sorted(place_mentions, key=lambda x: (doc_order.get(x.doc, 0), x.cstart))
    return story
