"""Characters stage, step 1: name candidates (`Occ`) with their context, group phrases, nicknames.

One regex pass per document; sentence-initial common words are cut from the front of a candidate."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .names import IS_CAP, TOKEN_RE, Lex, fold, given_names, honorifics_all


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
# positive evidence that a name is a person in the story (evidence only; see characters_evidence)
GIVEN, VERB, PRON, LABEL = "_given", "_verb", "_pron", "_label"
OPINION = "_opinion"   # evidence only: named after an opinion cue in its sentence ("historians agree ... X")
REPORTED = "_reported"   # evidence only: named after a news or media noun in its clause ("the news of ... X")
HONEV = "_hon"   # evidence only: the part of PERSON that came from a title ("Princess X") and nothing else
ASIDE = "_aside"   # evidence only: named inside a bracketed aside after other words ("(preceding Ann Lee)")
SAINT = "_saint"   # evidence only: after "saint"/"santa"/"arcangelo" or in a list they open ("santas X y Y")
PART = "_part"   # evidence only: a credited part that is a role, not a name ("Robert Roe (Equerry)")
NOEV = "no_evidence"   # a kind: a capitalised name with nothing saying it is a person


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
    hon_of: bool = False     # an "of" stood between the title and the name ("Duca di Arden")
    skip: bool = False       # part of a group phrase ("i fratelli Lanzi, ..."): no mention of its own
    why: list = field(default_factory=list)    # the person evidence in words: "subject of 'decides'"



# ----------------------------------------------------------------------------- scanning

# "the U.S. War Department", "D.C. Water": the full stop of a one-letter abbreviation ends no sentence
_LETTER_ABBR = re.compile(r"(?:^|[\s.(])[A-ZÀ-Þ]\.$")


def _is_initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and (text[j] in " \t" or text[j] in _OPEN):
        j -= 1
    if j >= 0 and text[j] == "." and _LETTER_ABBR.search(text, max(0, j - 2), j + 1):
        return False
    return j < 0 or text[j] in _SENT_END


# "Pedro de AlbaRuy de Soria": a page that lost the comma between two names glues them; a capital
# after five lowercase letters starts the next name ("McDonald", "DiCaprio", "LaGuardia" stay one word)
_GLUED = re.compile(r"(?<=[a-zß-öø-ÿ]{5})(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")


_ABBR_BEFORE = re.compile(r"(?<![\w.])(?P<a>[A-ZÀ-Þ][a-z]{0,2}\.)[ \t]?$")


def _name_spans(text: str, L: Lex):
    """(start, end, numbered) of each capitalised name run, glued runs cut in two."""
    for m in L.name_re.finditer(text):
        s, e, num = m.start(), m.end("name"), bool(m.group("num"))
        g = _GLUED.search(text, s, e)
        while g is not None:
            yield s, g.start(), False
            s = g.start()
            g = _GLUED.search(text, s + 1, e)
        yield s, e, num


def _scan(doc: str, di: int, text: str, L: Lex, group_spans: list[tuple[int, int]]) -> list[Occ]:
    out: list[Occ] = []
    gi = 0
    hons = HONS()
    joined_to = -1
    for s, e, num in _name_spans(text, L):
        if s < joined_to:
            continue   # the second part of a compound surname already joined to the name before
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
        am = None if hon else _ABBR_BEFORE.search(text, max(0, s - 5), s)
        if am and fold(am.group("a")) in L.place_prefixes:
            hon, s0 = am.group("a"), am.start("a")   # "S.Croce", "S. Giovanni": a saint's abbreviation
        if hon and fold(hon) in L.place_prefixes and ns == s:
            # "St. Ives": a saint's title names a place (a port, a church) far more often than a person
            toks.insert(0, (s0, s0 + len(hon), hon))
            hon, ns = "", s0
        # "Miss Lane", "Signora Rita X" caught as one capitalised run: the first word is a title
        hon_of = False   # "Duca di Arden": the title's "of" was cut with it, the rest is its seat
        while len(toks) > 1 and (toks[0][2].lower().rstrip(".") in hons or toks[0][2] in L.cap_honorifics):
            hon = hon or toks[0][2].rstrip(".")
            toks.pop(0)
            while len(toks) > 1 and toks[0][2] in L.particles:
                hon_of = hon_of or fold(toks[0][2]) in L.of_words
                toks.pop(0)
            ns = toks[0][0]
        # "Owner Anselmo Rota", "Constable Harold Quick": a capitalised role word is a title, not a name part
        while len(toks) > 1 and fold(toks[0][2]) in L.role_titles and IS_CAP.match(toks[1][2]):
            hon = hon or toks[0][2]
            toks.pop(0)
            ns = toks[0][0]
        crew = False
        # "Argentine Rodrigo Vela": a nationality before a name is no part of it; in "the Nazi Party", "the
        # Italian Navy" it is part of an institution's name
        while len(toks) > 1 and fold(toks[0][2]) in L.nationalities and IS_CAP.match(toks[1][2]) \
                and not any(fold(t[2]) in L.org_heads or fold(t[2]) in L.place_heads for t in toks[1:]):
            toks.pop(0)
            ns = s0 = toks[0][0]
        while len(toks) > 1 and fold(toks[0][2]) in L.page_labels and IS_CAP.match(toks[1][2]):
            crew = crew or fold(toks[0][2]) in L.page_labels_crew   # "Regia Vittorio De Sica": a credit
            toks.pop(0)
            ns = s0 = toks[0][0]
        if len(toks) == 1 and (toks[0][2].lower() in hons or toks[0][2] in L.cap_honorifics) \
                and L.hon_next_re.match(text, e):
            continue  # "Mr" of "Mr. Turner": the next match carries the name ("il Conte corse" is a name)
        rm = _REGNAL.match(text, e)
        # "son of Charles V, commanded": a one-letter numeral after a given name with no full stop (no initial)
        lone = rm is not None and rm.group("r") in ("V", "X") and text[rm.end():rm.end() + 1] != "." \
            and len(toks) == 1 and fold(toks[0][2]) in given_names()
        if rm and (len(rm.group("r")) > 1 or fold(hon) in L.regnal_hons or lone) and not num:
            toks.append((rm.start("r"), rm.end("r"), rm.group("r")))   # "King Aldric III" is one name
            e = rm.end("r")
        em = L.epithet_re.match(text, e) if L.epithet_re is not None else None
        if em and text[em.end() - len(em.group().split()[-1]):em.end()][:1].isupper():
            # "Pliny the Elder": the epithet (capitalised) is part of the name
            for t in TOKEN_RE.finditer(text, e, em.end()):
                toks.append((t.start(), t.end(), t.group()))
            e = em.end()
        jm = L.surname_join_re.match(text, e) if L.surname_join_re is not None and not num else None
        if jm and _joins_surname(text, s0, toks, jm, L):
            # "Ramón y Cajal": one compound surname, not two people listed
            tm = TOKEN_RE.match(text, jm.end())
            toks.append((jm.end() - len(jm.group().lstrip()), jm.end(), jm.group().strip()))
            toks.append((tm.start(), tm.end(), tm.group()))
            e = joined_to = tm.end()
        name = text[ns:e]
        oc = Occ(doc, di, s0, e, ns, name, hon, _is_initial(text, s0), num, toks,
                 poss=bool(_POSS_S.match(after)), hon_of=hon_of)
        if crew:
            oc.ev[ACTOR] += 1
        out.append(oc)
    return out


def _joins_surname(text: str, s0: int, toks: list, jm: re.Match, L: Lex) -> bool:
    """"Ramón y Cajal", "José Ortega y Gasset": the capitalised word after the joiner is the second half of a
    compound surname when it is no given name ("Ana y Luis" are two), the name before it is a given name or
    already has several words besides particles ("Madrid y Barcelona", "De Sanctis y Montesano" are two), no
    place word comes before it ("entre Santiago y Valparaíso") and no verb follows ("Pérez y Gómez firmaron" are
    two people acting)."""
    tm = TOKEN_RE.match(text, jm.end())
    if tm is None or not IS_CAP.match(tm.group()) or fold(tm.group()).rstrip("'’") in given_names():
        return False
    # "De Sanctis y Montesano" are two: a particle does not make the name before it a full name
    if sum(t[2].lower() not in L.particles for t in toks) < 2 and fold(toks[-1][2]) not in given_names():
        return False
    pre = text[max(0, s0 - 40):s0]
    if L.place_re.search(pre) or L.place_weak_re.search(pre):
        return False
    after = text[tm.end():tm.end() + 2]
    if after[:1] == "-" or (after[:1] in " \t" and IS_CAP.match(after[1:2] or "a")):
        return False   # more capitalised words: a longer list or name, left as it is
    return L.human_verb_re is None or L.human_verb_re.match(text, tm.end()) is None


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
        if o.initial and not common and noninit[t] == 0 and len(o.toks) > 1:
            # a sentence-initial word glued to a name: "Nicknamed Toto", "Six-year-old Sal", "Young Ada",
            # "Retiree Ben Ruiz" (never capitalised elsewhere, not a given name, before one or a participle)
            ft = fold(t)
            common = ft not in given_names() and ft not in L.place_prefixes and t not in L.particles and (
                fold(o.toks[1][2]) in given_names() or lw.endswith(L.initial_suffixes) or "-" in t and
                any(p[:1].islower() for p in t.split("-")[1:]))
        elif o.initial and not common and noninit[t] == 0 and len(o.toks) == 1:
            # seen only at sentence starts: a participle/adverb unless it recurs as a name
            # or is listed with other names ("Sam, Leo and Ada")
            # "Leo era hijo del notario": a given name with a verb after it is the sentence's subject
            common = t.lower().endswith(L.initial_suffixes) or (
                o.ev["_once"] > 0 and not _LISTED.match(text, o.e)
                and not (fold(t) in given_names() and _verb_follows(text, o.e, L)))
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



def _verb_follows(text: str, e: int, L: Lex) -> bool:
    """A person's verb, or an auxiliary, right after position `e` ("Leo era", "Ada decides")."""
    if L.human_verb_re is not None and L.human_verb_re.match(text, e):
        return True
    m = re.match(r"[ \t]+([^\W\d_]+)", text[e:e + 30])
    return bool(m) and m.group(1).lower() in _aux_words(L.lang)


@lru_cache(maxsize=None)
def _aux_words(lang: str) -> frozenset:
    from .names import lex
    return frozenset(w.lower() for w in lex(lang).raw.get("verb_aux", []) if " " not in w)


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



def _called(occs: list[Occ], text: str, L: Lex) -> list[tuple[str, Occ]]:
    """`Aldo Cattaneo, detto «il Falco»`, `Ana, known as "the Hawk"`, "Ana introduces herself as Mrs. Lind": the
    nickname or assumed name names the person before it.

    A weak cue ("called", "detto", "llamado") needs a comma before it or a quote after it, so that
    "Sam called Tom" stays two people."""
    out = []
    for a, b in zip(occs, occs[1:]):
        if len(b.toks) <= 3 and (
                L.self_alias_re is not None and L.self_alias_re.search(text[max(0, b.s - 60):b.s])
                and not any(c in text[a.e:b.s] for c in ".!?;\n")
                or L.known_as_gap_re is not None and L.known_as_gap_re.fullmatch(text, a.e, b.s)
                and L.known_as_re.search(text[max(0, a.s - 40):a.s])):
            # "Ada introduces herself as Mrs. Lind", "the doctor knows Ada as Mrs. Lind": a name she goes by
            out.append((b.name, a))
            continue
        if b.hon or len(b.toks) > 2:
            continue
        g = L.nick_gap_re.fullmatch(text, a.e, b.s)
        if g and (g.group("comma") or g.group("q") or g.group("cue").lower() in L.nick_strong):
            out.append((b.name, a))
    return out


def _birth_names(occs: list[Occ], text: str, L: Lex) -> list[tuple[Occ, list[Occ]]]:
    """"née Ada Lind", "nata con il nome di Ada", "nació en Toledo con el nombre de Ada": the name after a
    birth-name cue is another name of the nearest person named earlier in the sentence; the candidates
    (nearest first) are checked once the kinds are known, so the place "Toledo" is passed over."""
    if L.alias_cue_re is None:
        return []
    out = []
    for i, b in enumerate(occs):
        lo = max(0, b.s - 40)
        if b.hon or not L.alias_cue_re.search(text, lo, b.s):
            continue
        cands = []
        for a in reversed(occs[max(0, i - 6):i]):
            if any(c in text[a.e:b.s] for c in ".!?\n") or b.s - a.e > 200:
                break
            cands.append(a)
        if cands:
            out.append((b, cands))
    return out


def _reference_sentences(sents: list, text: str, L: Lex):
    """(in_ref, in_opinion): pos -> is it inside a sentence that gives an opinion, a credit or a reading pointer?
    and pos -> does such a cue come before it in its sentence? ("gli storici concordano nel ruolo che ebbe X",
    "Y testified that without X ..."): X is what the opinion is about, Y gives it. One cue search per sentence."""
    spans = sorted((x.cstart, x.cend) for x in sents) if sents else _crude_spans(text)
    starts = [a for a, _ in spans]
    first: list[int] = []   # where the sentence's first cue ends, -1 without one
    for a, b in spans:
        m = L.reference_re.search(text, a, b)
        first.append(m.end() if m else -1)

    def sent(pos: int) -> int:
        i = bisect_right(starts, pos) - 1
        return i if i >= 0 and pos < spans[i][1] else -1

    def in_ref(pos: int) -> bool:
        i = sent(pos)
        return i >= 0 and first[i] >= 0

    def in_opinion(pos: int) -> bool:
        i = sent(pos)
        return i >= 0 and 0 <= first[i] <= pos
    return in_ref, in_opinion


# ----------------------------------------------------------------------------- stage

_WRAP_MIN = 45   # a line this long that ends mid-sentence was wrapped by the page, not by its author


def unwrap(text: str) -> str:
    """The text with the line breaks of hard-wrapped prose turned into spaces (same length, so every offset
    still points into the clean text): "junto a Andrés\nBello" is one name, "Simón Bolívar, nació el 24\nde
    julio" no short title line. A break stays when its line ends a sentence, the next line is blank, or the
    line is short (headings, data sheets, cast lists) and the next one starts with a capital. Only documents where most long lines run on are touched."""
    lines = text.split("\n")
    longs = [x for x in lines if len(x.rstrip()) >= _WRAP_MIN]
    runon = [x for x in longs if x.rstrip()[-1:] not in ".!?:;\"”»)|"]
    if len(runon) < 2 or len(runon) * 2 < len(longs):
        return text
    out = list(text)
    pos = 0
    for i, x in enumerate(lines[:-1]):
        pos += len(x)
        nxt = lines[i + 1]
        runs_on = x.strip() and x.rstrip()[-1:] not in ".!?:;\"”»)|"
        if runs_on and nxt.strip() and (len(x.rstrip()) >= _WRAP_MIN or nxt.lstrip()[:1].islower()):
            out[pos] = " "   # a short line runs on too when the next one goes on in lowercase ("24\nde julio")
        pos += 1
    return "".join(out)

def _crude_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans when segment has not run (the stage's own tests)."""
    spans, b = [], 0
    for m in _SENT_SPLIT.finditer(text):
        spans.append((b, m.start()))
        b = m.end()
    spans.append((b, len(text)))
    return spans


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

