"""Characters stage, step 3: which names are one person (clustering, surnames shared over lists)."""
from __future__ import annotations

from collections import Counter, defaultdict

from rapidfuzz import fuzz

from .characters_scan import ACTOR, FUZZY_CAP, Occ, _COMMA

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


def _subseq(short: tuple, long: tuple) -> bool:
    it = iter(long)
    return all(t in it for t in short)


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
                if len(ca) != len(cb) and ca[0] == cb[0] and ca[-1] == cb[-1] and _subseq(*sorted((ca, cb), key=len)):
                    uf.union(a, b)  # middle names: "Ana Ruiz Vela" / "Ana María de Jesús Ruiz Vela"
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




def _sense(key: str, L) -> tuple:
    """A name in language-neutral senses: "plinio il giovane" -> ("~pliny", "~younger"), "giovanni paolo ii" ->
    ("~john", "~paul", "ii"); the words no table knows (surnames, numerals) stay as they are. A rank that a
    credited title made part of the key ("queen~ adela") is a sense too."""
    for phrase, sense in L.epithet_senses.items():
        if key.endswith(" " + phrase):
            key = key[:-len(phrase)] + "~" + sense
            break
    out = []
    for t in key.split():
        if t.endswith("~"):
            out.append("^" + L.rank_senses.get(t[:-1], t[:-1]))
        elif t.startswith("~"):
            out.append(t)
        else:
            out.append("~" + L.given_exonyms[t] if t in L.given_exonyms else t)
    return tuple(out)


def merge_across_languages(roots: dict[str, str], ambiguous: dict[str, list[str]], langs_of: dict[str, set],
                           lexes_by_lang: dict, ranks_of: dict[str, set] | None = None) -> None:
    """One person told in several languages is one cast entry: "Pliny the Younger" / "Plinio il Giovane" /
    "Catón el Viejo", "John Paul II" / "Giovanni Paolo II", "Queen Elizabeth" / "Reina Isabel". Two names of
    documents in different languages merge only when their senses agree word by word and some word is no given
    name (a surname, an epithet, a numeral) or the name is always written with one rank (`ranks_of`: key -> rank
    senses): "Giovanni" and "John" alone, or "Juan Pablo" and "John Paul", stay apart. Rewrites `roots` (and the
    candidates of `ambiguous`) in place."""
    epithets = {v for L in lexes_by_lang.values() for v in L.epithet_senses.values()}
    ranks_of = ranks_of or {}
    by_sense: dict[tuple, list[str]] = defaultdict(list)
    for k in roots:
        langs = langs_of.get(k, set())
        if len(langs) != 1:
            continue
        sense = _sense(k, lexes_by_lang[next(iter(langs))])
        if not any(t.startswith("^") for t in sense) and len(ranks_of.get(k, ())) == 1:
            sense = ("^" + next(iter(ranks_of[k])),) + sense
        if len(sense) >= 2 and any(not t.startswith("~") or t[1:] in epithets for t in sense):
            by_sense[sense].append(k)
    uf = _UF()
    for ks in by_sense.values():
        if len({next(iter(langs_of[k])) for k in ks}) < 2:
            continue   # the same language: spelling variants are the clustering's business
        for k in ks[1:]:
            uf.union(roots[ks[0]], roots[k])
    if not uf.p:
        return
    for k, r in roots.items():
        roots[k] = uf.find(r)
    for k, rs in ambiguous.items():
        ambiguous[k] = sorted({uf.find(r) for r in rs})


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

