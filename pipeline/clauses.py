"""Where one sentence tells several things that happen: the cuts that make a clause an event of its own.

The segment stage cuts a sentence into clauses at connectors; the events stage keeps those clauses together
unless one of them is a new moment. These rules find the new moments the segment cuts miss or the events
stage would glue back, from the words alone (no parser):

- a coordinator followed by a time of its own ("... y, en 1936 se graduó", "and in 1938 she left"), or a
  coordinated part that states a different date than the part before it ("nel 1947 ottiene ... e resterà
  fino al 1977");
- a shift word opening the part ("then", "later", "poi", "luego", "after that", "and eventually");
- a place relative telling a new action ("torna a Granada dove viene arrestato", ", where she founds");
- a relative that moves on in time (", who later won the prize");
- a participle opening (it/es: "Laureatasi nel 1936, ...", "Nato a X, nel 1909 si trasferisce ...") that
  is an action of its own: it states its own time or its participle is an action concept.

Every rule needs words on both sides (a piece of one or two words is no event) and never cuts inside a
time expression or brackets. Per-language words live in lexicons/<lang>/events.json ("clause_cuts").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicons
from .model import Sentence, TimeExpr
from .textutil import cues, fold

# a stated date, whole or without its year ("el 17 de septiembre"): a clause stating one tells its own moment
DATED = ("date", "month", "season", "year", "decade", "underspecified")
MIN_LEFT = 3    # words before a cut
MIN_RIGHT = 3   # words after it (the connector included)
_WORD = re.compile(r"\w+")


def _alt(words) -> str:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)


@dataclass(frozen=True)
class CutRules:
    coord: re.Pattern | None        # a coordinator, with an optional comma after it
    shift: re.Pattern | None        # a shift word opening a piece (after its connector)
    clause_open: re.Pattern | None  # a conjunction that always opens a finite clause ("hasta que", "finché")
    coord_clitic: re.Pattern | None  # a coordinator before a clitic pronoun: a finite verb follows ("e si trascina")
    place_rel: re.Pattern | None    # a place relative ("where", "dove")
    rel_shift: re.Pattern | None    # ", who later" / ", che poi"
    participle: re.Pattern | None
    not_participles: frozenset[str]
    openers: frozenset[str]         # words that may come before a participle opening ("Invece,")
    needs_time: bool                # English "-ed" is also the past tense: a participle opening needs its date
    coord_concessive: re.Pattern | None  # "and despite", "e nonostante": a coordinated clause against the odds
    gerund: re.Pattern | None       # a trailing gerund after a comma (", receiving her diploma two years later")
    sub_open: re.Pattern | None     # a subordinator opening the sentence ("Cuando despierta, ...")
    rel_any: re.Pattern | None      # a relative after a comma (", who", ", que", ", il quale")
    nonfinite: re.Pattern | None    # "before leaving", "antes de volver", "dopo aver vinto"


@lru_cache(maxsize=None)
def rules(lang: str) -> CutRules:
    t = lexicons.load(lang, "events").get("clause_cuts") or {}
    coord = _alt(t.get("coordinators", []))
    shift = _alt(t.get("shift_words", []))
    clause_words = _alt(t.get("clause_openers", []))
    clitics = _alt(t.get("clitics", []))
    # a word that can only be a finite verb ("y dedicó", "e tornò"): a finite clause follows, as after a clitic
    finite = t.get("finite_verb") or r"(?!x)x"
    place = _alt(t.get("place_relatives", []))
    rel = _alt(lexicons.load(lang, "events").get("relative_pronouns") or [])
    comma_place = t.get("place_relative_needs_comma", True)
    concessive = _alt(t.get("concessives", []))
    subordinators = _alt(t.get("opening_subordinators", []))
    return CutRules(
        coord=re.compile(rf"(?:,\s*|\s+)(?=(?:{coord})\b)", re.I) if coord else None,
        shift=re.compile(rf"^\W*(?:(?:{coord})\s*,?\s+)?(?:{shift})\b", re.I) if shift else None,
        clause_open=re.compile(rf"(?:,\s*|\s+)(?=(?:{clause_words})\b)", re.I) if clause_words else None,
        coord_clitic=re.compile(rf"\s+(?=(?:{coord})\s+(?:(?:{clitics})\s+\w|(?:{finite})(?!\w)))", re.I)
        if coord and clitics else None,
        place_rel=re.compile((r",\s*" if comma_place else r"(?:,\s*|\s+)") + rf"(?=(?:{place})\b)", re.I)
        if place else None,
        rel_shift=re.compile(rf",\s+(?=(?:{rel})\s+(?:\w+\s+)?(?:{shift})\b)", re.I) if rel and shift else None,
        participle=re.compile(t["participle"], re.I) if t.get("participle") else None,
        not_participles=frozenset(fold(w) for w in t.get("not_participles", [])),
        openers=frozenset(fold(w) for w in t.get("participle_openers", [])),
        needs_time=bool(t.get("participle_needs_time", False)),
        coord_concessive=re.compile(rf"(?:,\s*|\s+)(?=(?:{coord})\s+(?:{concessive})\b)", re.I)
        if coord and concessive else None,
        gerund=re.compile(rf",\s+(?={t['gerund']}\b)", re.I) if t.get("gerund") else None,
        sub_open=re.compile(rf"\W*(?:{subordinators})\b", re.I) if subordinators else None,
        rel_any=re.compile(rf",\s+(?=(?:{rel})\s)", re.I) if rel else None,
        nonfinite=re.compile(rf"(?:,\s*|\s+)(?=(?:{t['nonfinite']})\b)", re.I) if t.get("nonfinite") else None,
    )


def _inside(p: int, timex: list[TimeExpr], clean: str, a: int) -> bool:
    """Is position p inside a time expression or inside brackets (counted from a)?"""
    if any(t.cstart < p < t.cend for t in timex):
        return True
    seg = clean[a:p]
    return seg.count("(") > seg.count(")") or seg.count("[") > seg.count("]")


def _words(clean: str, a: int, b: int) -> int:
    return len(_WORD.findall(clean, a, b))


def _dated(timex: list[TimeExpr], a: int, b: int) -> list[TimeExpr]:
    return [t for t in timex if a <= t.cstart < b and t.kind in DATED]


def shifts(text: str, lang: str) -> bool:
    """Does the piece open with a shift in time ("then", "y luego", "e poi", "and eventually") and then tell
    something (three words at least: "and finally they succeed" is the same moment's ending)?"""
    r = rules(lang)
    m = r.shift.match(text) if r.shift else None
    return bool(m) and len(_WORD.findall(text, m.end())) >= 3


def _time_near(clean: str, p: int, b: int, timex: list[TimeExpr], lang: str) -> bool:
    """A time of its own right after the connector at p ("y, en 1936", "and in 1938", "e poi")."""
    conn = _WORD.match(clean, p)
    conn_end = conn.end() if conn else p
    while conn_end < b and clean[conn_end] in " ,":
        conn_end += 1
    return any(p <= t.phrase_start <= conn_end and t.kind in OWN_TIME for t in timex) or shifts(clean[p:b], lang)


def cuts(clean: str, a: int, b: int, lang: str, timex: list[TimeExpr], first: bool) -> list[tuple[int, str]]:
    """Positions inside clean[a:b] where a new event starts, with the rule that cut there ("coord", "place", "rel", "participle"). `first`: the piece opens its sentence (a participle opening
    can only be there)."""
    r = rules(lang)
    found: dict[int, str] = {}

    def ok(p: int, right_min: int = MIN_RIGHT) -> bool:
        return (_words(clean, a, p) >= MIN_LEFT and _words(clean, p, b) >= right_min
                and not _inside(p, timex, clean, a))

    if r.coord is not None:
        for m in r.coord.finditer(clean, a, b):
            p = m.end()
            if not ok(p):
                continue
            before = any(m.start() - 2 <= t.cend <= m.start() + 1 for t in timex)
            conn_end = _WORD.match(clean, p).end()
            after = any(conn_end < t.cstart <= conn_end + 5 for t in timex)
            if before and after:
                continue  # "between 1940 and 1945", "el 5 y el 6 de junio": one span of time, not two clauses
            left_dates = {fold(t.text) for t in _dated(timex, a, p)}
            right = _dated(timex, p, b)
            if _time_near(clean, p, b, timex, lang) or (
                    left_dates and right and not any(fold(t.text) in left_dates for t in right)):
                found.setdefault(p, "coord")
    for pat, why in ((r.clause_open, "coord"), (r.coord_clitic, "coord")):
        if pat is not None:
            for m in pat.finditer(clean, a, b):
                if ok(m.end(), 4):
                    found.setdefault(m.end(), why)
    if r.place_rel is not None:
        for m in r.place_rel.finditer(clean, a, b):
            p = m.end()
            # "la estación de radio donde trabajaba" restricts its noun (no event); after a comma or a place's
            # name ("torna a Granada dove viene arrestato") the relative tells what happens there
            before = clean[max(a, m.start() - 30):m.start()].split()
            if ok(p, 4) and ("," in m.group() or (before and before[-1][:1].isupper())):
                found.setdefault(p, "place")
    if r.rel_shift is not None:
        for m in r.rel_shift.finditer(clean, a, b):
            if ok(m.end()):
                found.setdefault(m.end(), "rel")
    # a part after a comma that states a date of its own, other than the dates before it, tells its own
    # moment: a relative (", who founded the school in 1907"), a participle (", stampato a Firenze nel 1632",
    # ", born on 4 May 1480"), "before/after" with a non-finite verb ("antes de volver a Madrid en 1931").
    # Without a date of its own it describes its noun or the same action and stays.
    for p, why in _dated_openings(clean, a, b, timex, r):
        if ok(p, 4) and _words(clean, a, p) - _timex_words(clean, a, p, timex) >= MIN_LEFT:
            found.setdefault(p, why)
    if r.coord_concessive is not None:
        for m in r.coord_concessive.finditer(clean, a, b):
            if ok(m.end(), 4):
                found.setdefault(m.end(), "coord")
    if r.gerund is not None:
        for m in r.gerund.finditer(clean, a, b):
            # ", receiving her diploma two years later": a later step told as a trailing gerund. Without a
            # time that moves on, the gerund says how the same action went (", crying") or how long it
            # lasted (", lasting from 2 May to 20 May 1898")
            p = m.end()
            if ok(p) and any(p <= t.cstart < b and t.kind == "relative" for t in timex):
                found.setdefault(p, "gerund")
    if first and r.sub_open is not None:
        p = _subordinate_cut(clean, a, b, lang, timex, r)
        if p is not None and ok(p, 4):
            found.setdefault(p, "subordinate")
    if first and r.participle is not None:
        p = _participle_cut(clean, a, b, lang, timex, r)
        if p is not None:
            found.setdefault(p, "participle")
    return sorted(found.items())


def _timex_words(clean: str, a: int, b: int, timex: list[TimeExpr]) -> int:
    return sum(_words(clean, max(a, t.cstart), min(b, t.cend)) for t in timex if t.cend > a and t.cstart < b)


def _phrase_end(clean: str, p: int, b: int, timex: list[TimeExpr], a: int) -> int:
    c = _comma_outside(clean, p, b, timex, a)
    return b if c is None else c


def _new_date(timex: list[TimeExpr], a: int, p: int, q: int) -> bool:
    """Does clean[p:q] state a date that clean[a:p] does not?"""
    left = {fold(t.text) for t in _dated(timex, a, p)}
    return any(fold(t.text) not in left for t in _dated(timex, p, q))


def _participle_at(clean: str, p: int, q: int, r: CutRules) -> bool:
    """Does clean[p:q] open with a participle, or with a name and then one ("Suor Anna morta")?"""
    for k, w in enumerate(_WORD.finditer(clean, p, q)):
        word = w.group()
        if word[:1].islower() and r.participle.fullmatch(fold(word)) and fold(word) not in r.not_participles:
            return True
        if k >= 3 or not word[:1].isupper():
            return False
    return False


def _dated_openings(clean: str, a: int, b: int, timex: list[TimeExpr], r: CutRules):
    """(position, rule) of relatives, participles and non-finite subordinates after a comma that state a new
    date. A participle phrase closed by a comma before the main clause goes on is an aside (see aside())."""
    if r.rel_any is not None:
        for m in r.rel_any.finditer(clean, a, b):
            q = _phrase_end(clean, m.end(), b, timex, a)
            # ", who in 1848 had founded a society, proclaimed ...": an aside the events stage takes out
            if _new_date(timex, a, m.end(), q) and _words(clean, q, b) < 2:
                yield m.end(), "rel_date"
    if r.nonfinite is not None:
        for m in r.nonfinite.finditer(clean, a, b):
            if _new_date(timex, a, m.end(), _phrase_end(clean, m.end(), b, timex, a)):
                yield m.end(), "nonfinite"
    if r.participle is not None:
        pos = a
        while (c := _comma_outside(clean, pos, b, timex, a)) is not None:
            pos = c + 1
            p = pos
            while p < b and clean[p].isspace():
                p += 1
            q = _phrase_end(clean, p, b, timex, a)
            if _words(clean, q, b) >= 4:
                continue  # the main clause goes on after it: an aside
            # a trailing participle is cut off only when the clause before states its own date: without one,
            # the participle's date is the best the clause has ("assigned to the murder of L., attacked in
            # her home in June 1974")
            if _participle_at(clean, p, q, r) and _new_date(timex, a, p, q) and _dated(timex, a, c):
                yield p, "apposition"


def aside(clean: str, a: int, b: int, lang: str, timex: list[TimeExpr]) -> tuple[int, int] | None:
    """A participle phrase between commas with a date of its own ("the glider, tested at the coast in 1902,
    flew ..."; "Magellano, nato il 4 febbraio 1480, ..."): an event of its own inside the main clause."""
    r = rules(lang)
    if r.participle is None:
        return None
    pos = a
    while (c := _comma_outside(clean, pos, b, timex, a)) is not None:
        pos = c + 1
        p = pos
        while p < b and clean[p].isspace():
            p += 1
        q = _phrase_end(clean, p, b, timex, a)
        if (q < b and _words(clean, q, b) >= 4 and _words(clean, p, q) >= 3
                and _participle_at(clean, p, q, r) and _new_date(timex, a, p, q)):
            return p, q
    return None


def opening(clean: str, prev: tuple[int, int] | None, a: int, b: int, lang: str, timex: list[TimeExpr]) -> str:
    """The rule a piece the segment stage cut off (at ", and", ";", ", pero") opens with: a coordinator
    before its own time or a clitic (a finite verb), a place relative, or "" (a clause of the same action)."""
    r = rules(lang)
    text = clean[a:b]
    if _words(clean, a, b) < 4:
        return ""
    if r.coord is not None and r.coord.match(" " + text) and _time_near(clean, a, b, timex, lang):
        return "coord"
    if r.place_rel is not None and r.place_rel.match(", " + text):
        return "place"
    if r.coord_clitic is not None and r.coord_clitic.match(" " + text):
        return "coord"
    if r.coord_concessive is not None and r.coord_concessive.match(" " + text):
        return "coord"
    if prev is not None:
        # ", before opening a school in 1911" cut off by the segment stage: a moment of its own when dated anew
        q = _phrase_end(clean, a, b, timex, a)
        for pat, why in ((r.nonfinite, "nonfinite"), (r.rel_any, "rel_date")):
            if pat is not None and pat.match(", " + text.lstrip()) and _new_date(timex, prev[0], a, q):
                return why
    return ""


OWN_TIME = DATED + ("relative",)  # a time that places a moment ("two years later"); not a duration


def _subordinate_cut(clean: str, a: int, b: int, lang: str, timex: list[TimeExpr], r: CutRules) -> int | None:
    """Where the main clause starts after an opening subordinate that carries its own time ("Cuando
    vuelve, dos años después, su hermana ...", "When she returns in 1921, ..."): the moment it names is an
    event of its own, what the main clause tells another. Without a time the subordinate only sets the
    scene of the main clause ("When the army enters the city, ...") and stays with it."""
    if not r.sub_open.match(clean, a, b):
        return None
    c = _comma_outside(clean, a, b, timex, a)
    if c is None:
        return None
    end = c + 1
    # a time set off by commas right after it belongs to it: "Cuando vuelve, dos años después, ..."
    nxt = clean.find(",", end, b)
    if nxt > 0 and _words(clean, end, nxt) <= 4 and any(end <= t.cstart < nxt for t in timex):
        end = nxt + 1
    while end < b and clean[end].isspace():
        end += 1
    # "After studying in Brussels, on her return she ...": the main clause moving on in time parts them too
    if not any(a <= t.cstart < end for t in timex if t.kind in OWN_TIME) and not shifts(clean[end:b], lang):
        return None
    return end


def _comma_outside(clean: str, pos: int, b: int, timex: list[TimeExpr], a: int) -> int | None:
    """The first comma in [pos, b) that is not inside a time expression or brackets ("On 3 May, 1950, ...")."""
    while True:
        c = clean.find(",", pos, b)
        if c < 0 or not _inside(c, timex, clean, a):
            return c if c >= 0 else None
        pos = c + 1


def _participle_cut(clean: str, a: int, b: int, lang: str, timex: list[TimeExpr], r: CutRules) -> int | None:
    words = list(_WORD.finditer(clean, a, b))
    k = 0
    while k < len(words) - 1 and fold(words[k].group()) in r.openers:
        k += 1
    if k >= len(words):
        return None
    w = words[k]
    word = fold(w.group())
    if not r.participle.fullmatch(word) or word in r.not_participles:
        return None
    # the participial phrase runs to the first comma outside a time expression and brackets
    c = _comma_outside(clean, w.end(), b, timex, a)
    if c is None:
        return None
    p = c + 1
    while p < b and clean[p].isspace():
        p += 1
    if _words(clean, w.start(), c) < 3 or _words(clean, p, b) < 4:
        return None
    own_time = bool(_dated(timex, w.start(), c)) or _time_near(clean, p, b, timex, lang)
    action = bool(cues(lang, "concepts", "concepts").find(word, [word]))
    return p if own_time or (action and not r.needs_time) else None


# ---------------------------------------------------------------- a sentence's parts for the events stage

COLON = re.compile(r"(?<=\w)[:—–]\s+(?=\w)")


@lru_cache(maxsize=None)
def _final_re(lang: str) -> re.Pattern | None:
    words = lexicons.load(lang, "events").get("final_connectors") or []
    if not words:
        return None
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"[,;]?\s+(?=(?:{alts})\b)", re.I)


def _parts(sent: Sentence, clean: str, lang: str = "en", timex: list[TimeExpr] = ()) -> list[tuple[int, int]]:
    """Clause spans (see _ruled_parts)."""
    return [(a, b) for a, b, _ in _ruled_parts(sent, clean, lang, timex)]


def _ruled_parts(sent: Sentence, clean: str, lang: str = "en", timex: list[TimeExpr] = ()) -> list[tuple[int, int, str]]:
    """Clause spans, further cut at a colon or dash between two statements, before "and finally" /
    "y al final" / "e alla fine" (what follows is a later moment, told in the same breath) and where
    pipeline/clauses.py finds a new action; each with the rule that opened it ("" for the segment's cuts)."""
    spans = [(c.cstart, c.cend) for c in sent.clauses] or [(sent.cstart, sent.cend)]
    final = _final_re(lang)
    out = []
    for a, b in spans:
        cut = a
        marks = list(COLON.finditer(clean, a, b))
        if final is not None:
            marks += list(final.finditer(clean, a, b))
        finals = {m.start() for m in marks if m.re is not COLON}
        rule = ""
        for m in sorted(marks, key=lambda m: m.start()):
            if m.start() < cut:
                continue
            # after "e alla fine" the connector's own words don't count: "e alla fine hanno successo" stays whole
            need = 6 if m.start() in finals else 4
            if len(clean[cut:m.start()].split()) >= 4 and len(clean[m.end():b].split()) >= need:
                out.append((cut, m.start() + 1, rule))
                cut = m.end()
                rule = "final" if m.start() in finals else "colon"
        out.append((cut, b, rule))
    refined = []
    for k, (a, b, rule) in enumerate(out):
        if not rule and k:
            rule = opening(clean, out[k - 1][:2], a, b, lang, list(timex))
        cur = a
        for p, why in cuts(clean, a, b, lang, list(timex), first=k == 0):
            if p <= cur:
                continue
            refined.append((cur, p, "participle_open" if why == "participle" and not rule else rule))
            cur, rule = p, why
        refined.append((cur, b, rule))
    return refined


def _other_subject(clean: str, start: int, a: int, b: int, lang: str, persons) -> bool:
    """Does the clause open with an adversative and then a person the sentence has not named yet ("Tom
    wants to leave the school, but his mother Ada goes to talk to the teacher")? Another person's action against the
    first one is an event of its own; "but he stammers" (the same person) stays with it."""
    adv = _adversative_re(lang)
    m = adv.match(clean, a, b) if adv is not None else None
    if m is None:
        return False
    near = [cid for at, cid in persons(m.end(), b) if _words_between(clean, m.end(), at) <= 3]
    before = {cid for _, cid in persons(start, a)}
    return bool(near and before and near[0] not in before)


def _words_between(clean: str, a: int, b: int) -> int:
    return len(_WORD.findall(clean, a, b))


@lru_cache(maxsize=None)
def _adversative_re(lang: str) -> re.Pattern | None:
    words = (lexicons.load(lang, "events").get("clause_cuts") or {}).get("adversatives") or []
    if not words:
        return None
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"[\s,;]*(?:{alts})\b[\s,]*", re.I)


NEW_ACTION = ("coord", "place", "rel", "participle", "final", "gerund", "subordinate", "rel_date", "apposition",
              "nonfinite")


def _other_date(timex: list[TimeExpr], a0: int, b0: int, a: int, b: int) -> bool:
    """Does clean[a:b] state a date and clean[a0:b0] a different one?"""
    left = {fold(t.text) for t in timex if a0 <= t.cstart < b0 and t.kind in DATED}
    right = {fold(t.text) for t in timex if a <= t.cstart < b and t.kind in DATED}
    return bool(left and right and not (left & right))


def _drop_relative(text: str, role: str) -> str:
    """A place relative's clause told as an event: "dove viene arrestato" -> "viene arrestato"."""
    return re.sub(r"^\W*\w+\s+", "", text, count=1) if role == "place" else text


