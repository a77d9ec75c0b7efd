"""What two tellings of an event share: the features the fuse stage compares, computed once per event.

Five kinds of evidence, each a set of language-neutral keys:
- people (`char_ids`, groups standing for their members) and places (canonical names);
- concepts (the translated vocabulary of lexicons/<lang>/concepts.json: "se separó" / "venne separato" /
  "detached" all give `separate`);
- cognates: the consonant skeleton of a content word after the spelling differences of en/es/it are
  levelled ("expedición" / "spedizione" / "expedition" all give `spdc`), so vocabulary the lexicon lacks
  still meets across languages;
- anchors: numbers and proper nouns, WITHOUT the numbers of the event's own time expressions — a date is
  not content, and two different events told under one date share it.
Content is everything but the people and the stated date: two tellings must share some of it to fuse.

The scores built on them live here too: rarity weights, weighted overlaps, the date test and
`similarity()` (a running fused group against one telling) used by the fuse stage's alignment.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from typing import Any

import snowballstemmer

from . import lexicons
from .fuse_dates import (_COARSE, _stated, _told_dates_agree, dated_together, dates_agree,  # noqa: F401
                         dates_apart, year_stated)
from .model import Event
from .textutil import fold, mask_idioms, tokens

# spelling that differs between cognates of en/es/it, levelled before taking the skeleton; order matters
_LEVEL = [
    (re.compile(r"^ex(?=[aeiou])"), "es"),  # examen / esame
    (re.compile(r"^e?[sx](?=[^aeiou])"), "s"),  # estado / stato / state, expedición / spedizione
    (re.compile(r"ph"), "f"), (re.compile(r"th"), "t"), (re.compile(r"qu"), "c"), (re.compile(r"ch"), "c"),
    (re.compile(r"ti(?=[aeiou])"), "ci"),   # nation / nación / nazione
    (re.compile(r"[kzxq]"), lambda m: "s" if m.group(0) == "x" else "c"),
    (re.compile(r"[jy]"), lambda m: "g" if m.group(0) == "j" else "i"),  # viaje / viaggio
    (re.compile(r"h"), ""), (re.compile(r"w"), "v"),
    (re.compile(r"ct|pt"), "t"), (re.compile(r"ns(?=[^aeiou])"), "s"),  # acción / azione, transporte / trasporto
    (re.compile(r"gn"), "n"),
    (re.compile(r"d"), "t"),  # unidos / uniti, mercado / mercato, soldado / soldato
    (re.compile(r"b"), "v"),  # gobierno / governo, deber / dovere
]
_VOWELS = re.compile(r"[aeiou]+")
SKELETON = 4          # consonants kept: enough to tell words apart, few enough to survive inflection
MIN_WORD = 6          # shorter words are mostly grammar, and their skeletons collide


_STEMMERS = {"en": "english", "es": "spanish", "it": "italian"}


@lru_cache(maxsize=None)
def _stemmer(lang: str):
    return snowballstemmer.stemmer(_STEMMERS.get(lang, "english"))


@lru_cache(maxsize=200_000)
def _stem(word: str, lang: str) -> str:
    return _stemmer(lang).stemWord(word)


@lru_cache(maxsize=100_000)
def skeleton(word: str, lang: str = "en") -> tuple[str, ...]:
    """Cognate keys of a folded word: its Snowball stem with the spelling levelled, vowels dropped but
    a leading one, doubled consonants single; the first four letters of that and the first three
    (inflection and suffixes differ at the end: "demolish" / "demol"). Empty for short words."""
    if len(word) < MIN_WORD or not word.isalpha():
        return ()
    w = _stem(word, lang)
    for pat, rep in _LEVEL:
        w = pat.sub(rep, w)
    lead = w[0] if w[0] in "aeiou" else ""
    cons = lead + _VOWELS.sub("", w[1:] if lead else w)
    cons = re.sub(r"(.)\1+", r"\1", cons)
    if len(cons) < 3:
        return ()
    return (cons[:SKELETON], cons[:3]) if len(cons) > 3 else (cons,)


@lru_cache(maxsize=None)
def _function_words(lang: str) -> frozenset[str]:
    """Grammar words and month/day names (dates are compared as dates, never as content)."""
    table = lexicons.load(lang, "characters")
    words: set[str] = set()
    for key in ("stopwords", "months", "days", "articles", "weak_preps", "subject_pronouns", "possessives"):
        vals = table.get(key) or []
        if isinstance(vals, dict):
            vals = [w for ws in vals.values() for w in (ws if isinstance(ws, list) else [ws])]
        words |= {fold(w) for w in vals if isinstance(w, str)}
    concepts = lexicons.load(lang, "concepts")
    words |= {fold(w) for w in concepts.get("fuse_function_words", [])}
    return frozenset(words)


_NUM = re.compile(r"\d+")
_POSSESSIVE = re.compile(r"['’]s?$")
_CAPWORD = re.compile(r"(?<![\w'’])([A-ZÀ-Ý][\w'’-]*)")


def cognates(text: str, lang: str, names: frozenset[str] = frozenset()) -> set[str]:
    """Cognate keys of the content words of a text (proper nouns are anchors, not cognates; `names`
    are the folded words of the event's people and places, which may open the sentence)."""
    stop = _function_words(lang)
    caps = {fold(m.group(1)) for m in _CAPWORD.finditer(text) if m.start() > 0} | names
    out = set()
    for w in tokens(fold(text)):
        if w in stop or w in caps:
            continue
        out.update(skeleton(w, lang))
    return out


# the endings Latin, Italian and Spanish give one name: Vesuvius / Vesuvio, Misenum / Miseno, Naples / Napoli
_NAME_END = re.compile(r"(?:[aeiou]+[sm]?|es)$")


@lru_cache(maxsize=50_000)
def name_key(word: str, endings: bool = True) -> str:
    """A proper noun with its ending dropped, its spelling levelled (b and v too: Vesubio / Vesuvio) and
    vowels dropped, unstemmed: Berlin / Berlín / Berlino, Varsavia / Warsaw, Gorbachev / Gorbachov /
    Gorbaciov, Tacitus / Tácito meet. Short names stay as they are. People's names keep their endings
    (`endings=False`): Giovanni and Giovanna are two people, and the cast links a person's spellings anyway."""
    if len(word) < 4 or not word.isalpha():
        return word
    w = word
    if endings and len(w) >= 5:
        w = _NAME_END.sub("", w) or w
    for pat, rep in _LEVEL:
        w = pat.sub(rep, w)
    w = w.replace("b", "v")
    lead = w[0] if w[0] in "aeiou" else ""
    cons = re.sub(r"(.)\1+", r"\1", lead + _VOWELS.sub("", w[1:] if lead else w))
    if len(cons) >= 3:
        return "n:" + cons[:SKELETON]
    # a short name keeps its vowels, its doubled letters single: Ravena / Ravenna
    return "n:" + re.sub(r"(.)\1+", r"\1", w) if len(word) >= 5 else word


_CLITICS = {"se", "si", "ne", "me", "mi", "te", "ti", "lo", "la"}
MIN_STEM = 5  # shorter stems are shared by unrelated words ("part": parten / parte)


@lru_cache(maxsize=None)
def _stem_concepts(lang: str) -> dict[str, str]:
    """Stem -> concept for the whole-word entries of the concept lexicon (and "se traslada"-style reflexive
    phrases), so any inflection of a listed verb meets its concept: "se trasladó" finds `move` through
    "se traslada". Stems claimed by two concepts, short stems and grammar words are left out."""
    lex = lexicons.load(lang, "concepts")
    table = lex.get("concepts") or {}
    variants = [(fold(a), b) for a, b in lex.get("fuse_prefix_variants") or []]
    stem = _stemmer(lang).stemWord
    stop = _function_words(lang)
    owner: dict[str, str | None] = {}
    for cid, words in table.items():
        for w in words:
            w = fold(w)
            if w.endswith("*"):
                # prefixes already match every ending but the one that changes the last letter
                for end, alt in variants:
                    if w[:-1].endswith(end) and len(w) >= 6 and " " not in w:
                        word = "=" + w[:-1 - len(end)] + alt  # looked up only for words written with the accent
                        owner[word] = cid if owner.get(word, cid) == cid else None
                continue
            parts = w.replace("'", " ").split()
            if len(parts) == 2 and parts[0] in _CLITICS:
                parts = parts[1:]
            if len(parts) != 1 or not parts[0].isalpha() or parts[0] in stop:
                continue
            st = stem(parts[0])
            if len(st) < MIN_STEM:
                continue
            owner[st] = cid if owner.get(st, cid) == cid else None
    return {k: v for k, v in owner.items() if v}


def stem_concepts(text: str, lang: str) -> set[str]:
    """Concepts found through stems (see _stem_concepts), for comparing tellings only."""
    table = _stem_concepts(lang)
    caps = {fold(m.group(1)) for m in _CAPWORD.finditer(text) if m.start() > 0}
    out = set()
    raws = tokens(text.casefold())
    for raw, w in zip(raws, mask_idioms(lang, [fold(r) for r in raws])):
        if len(w) >= MIN_STEM and w not in caps:
            c = table.get(_stem(w, lang)) or (table.get("=" + raw) if not raw.isascii() else None)
            if c:
                out.add(c)
    return out


def _content(text: str, lang: str, names: frozenset[str], cog: set[str], concepts: set[str],
             titles: set[str] | None = None) -> None:
    """One pass over a sentence's content words: cognate keys into `cog`, stem concepts into `concepts`;
    the cognate keys of its capitalised words that name no person or place into `titles` (see titles())."""
    stop = _function_words(lang)
    table = _stem_concepts(lang)
    caps = {fold(m.group(1)) for m in _CAPWORD.finditer(text) if m.start() > 0}
    raws = tokens(text.casefold())
    # an idiom's words are no content: "a partir de" is "from", not a departure
    for raw, w in zip(raws, mask_idioms(lang, [fold(r) for r in raws])):
        if len(w) < MIN_STEM or w in stop or w in names or not w.isalpha():
            continue
        if w in caps:
            if titles is not None:
                titles.update(skeleton(w, lang))
            continue
        c = table.get(_stem(w, lang)) or (table.get("=" + raw) if not raw.isascii() else None)
        if c:
            concepts.add(c)
        cog.update(skeleton(w, lang))


# people outside the told story: their names in a telling say who played or wrote it, not what happens
OUTSIDE_KINDS = ("actor", "author", "commentator")


def outside_names(story) -> frozenset[str]:
    """Name keys of the actors, authors and commentators of a story ("Tullio (Aldo Ferri)"): a
    review names the actor at a character's first mention, which is another event in each telling."""
    names = [n for n, kind in story.non_characters.items() if kind in OUTSIDE_KINDS]
    names += [c.actor for c in story.characters.values() if c.actor]
    return frozenset(name_key(w) for n in names for w in tokens(fold(n)) if len(w) >= 4)


def features(ev: Event, outside: frozenset[str] = frozenset()) -> None:
    """Fill ev.extra with `fuse_concepts`, `fuse_chars`, `cognates`, `content_anchors` and `gate_anchors`
    (once; cached on the event). `outside`: name keys never taken as content (see outside_names)."""
    x = ev.extra
    if "cognates" in x:
        return
    names = frozenset(w for n in ev.characters + ev.places for w in tokens(fold(n)))
    cog: set[str] = set()
    titles: set[str] = set()
    concepts = set(x.get("concepts", ()))
    for src in ev.sources:
        _content(src.text, src.lang, names, cog, concepts, titles)
    x["title_cognates"] = titles - cog
    concepts |= {_BROADER[c] for c in concepts if c in _BROADER}
    x["fuse_concepts"] = concepts
    date_nums: set[str] = set()
    for t in ev.timex:
        date_nums |= set(_NUM.findall(t.text))
    stop = _function_words(ev.sources[0].lang) if ev.sources else frozenset()
    anchors = set()
    for a in x.get("anchors", ()):
        if a.startswith("~"):
            continue  # word starts: the cognate keys do this job across languages
        if a in date_nums or a in stop:
            continue  # the stated date (its numbers, a capitalised month) is compared as a date, never as content
        a = _POSSESSIVE.sub("", a)  # "the Guild's ships": the name is "Guild"
        key = name_key(a) if a.isalpha() else a
        if key not in outside:
            anchors.add(key)
    # people, also by the spelling of their names: "Pliny" and "Plinio" may be two entries of the cast
    x["fuse_chars"] = set(x.get("char_ids", ())) | {name_key(w, False) for n in ev.characters for w in tokens(fold(n))
                                                     if len(w) >= 4}
    x["fuse_person_of"] = _persons(ev)
    x["cognates"] = cog
    x["content_anchors"] = anchors
    # a shared place is where, not what: with a shared date it would merge a shipwreck and a medal
    # ceremony in one harbour, so places count in the score but cannot open a match on their own
    places = {name_key(w) for p in ev.places for w in tokens(fold(p))}
    x["gate_anchors"] = {a for a in anchors if a not in places}


def titles(events: list[Event]) -> None:
    """A capitalised word that another document writes in lower case is a common noun written as a title
    ("the Chancellor" / "el canciller" / "il cancelliere"): its cognate keys join the event's cognates.
    A name no telling writes in lower case ("Orvane") stays a proper noun, compared as an anchor only.
    Call after features() for the events that are compared."""
    lower: dict[str, set[str]] = {}
    for e in events:
        doc = e.sources[0].doc if e.sources else ""
        for k in e.extra.get("cognates", ()):
            lower.setdefault(k, set()).add(doc)
    for e in events:
        doc = e.sources[0].doc if e.sources else ""
        found = {k for k in e.extra.get("title_cognates", ()) if lower.get(k, set()) - {doc}}
        if found:
            e.extra["cognates"] = e.extra["cognates"] | found


def _persons(ev: Event) -> dict[str, frozenset[str]]:
    """Each people key of an event -> all the keys of that one person (cast id and the spellings of each
    part of the name): "Tullio Berti" is one person however many of his keys two tellings share."""
    parts = [{name_key(w, False) for w in tokens(fold(n)) if len(w) >= 4} for n in ev.characters]
    parts += [{cid} | {name_key(w, False) for w in cid.split("-") if len(w) >= 4}
              for cid in ev.extra.get("char_ids", ())]
    merged: list[set[str]] = []
    for p in parts:
        for m in [m for m in merged if not m.isdisjoint(p)]:
            p |= m
            merged.remove(m)
        merged.append(p)
    return {k: frozenset(m) for m in merged for k in m}


# ---------------------------------------------------------------- scores

MAX_POS_GAP = 0.45        # relative positions further apart than this never match
CHAR_REF = 2.4            # weight (log(1 + n/df)) of people seen in about a tenth of the events: full evidence
CONCEPT_REF = 2.5         # likewise for concepts: one common concept ("town") contained in a longer sentence is weak
W_CHARS, W_CONCEPTS, W_ANCHORS, W_COGNATES = 0.35, 0.45, 0.2, 0.2  # weights of the evidence in similarity()
POS_SLOPE, POS_STEEP = 0.15, 0.6  # the position penalty: gentle, then steep past half of MAX_POS_GAP


def _weights(events: list[Event]) -> dict[str, float]:
    df: Counter = Counter()
    for e in events:
        for f in e.extra.get("fuse_chars", ()):
            df["c:" + f] += 1
        for f in e.extra.get("fuse_concepts", ()):
            df["k:" + f] += 1
        for f in e.extra.get("content_anchors", ()):
            df["a:" + f] += 1
        for f in e.extra.get("cognates", ()):
            df["g:" + f] += 1
    n = max(1, len(events))
    return {f: math.log(1 + n / c) for f, c in df.items()}


def _mass(xs: set, prefix: str, w: dict[str, float]) -> float:
    # not cached by id(): a set's id is reused once it is freed, and the weights differ from story to story,
    # so such a cache gave one story's (or one freed set's) weight to another
    return sum(w.get(prefix + x, 1.0) for x in xs)


def _wjaccard(a: set, b: set, prefix: str, w: dict[str, float], ref: float = 0.0) -> float:
    """Weighted overlap of two feature sets. With `ref`, sharing only common features (the protagonist, who
    is in most sentences) counts for less than sharing rare ones, however small the sets."""
    if not a or not b:
        return 0.0
    shared = a & b
    if not shared:
        return 0.0
    inter = sum(w.get(prefix + x, 1.0) for x in shared)
    ma, mb = _mass(a, prefix, w), _mass(b, prefix, w)
    union = ma + mb - inter
    if not union:
        return 0.0
    # half Jaccard, half containment: a two-sentence telling should still match its one-sentence twin
    score = 0.5 * inter / union + 0.5 * inter / min(ma, mb)
    return score * min(1.0, inter / ref) if ref else score


# decisive actions (categories.json "strong": die, marry, arrest...), the concepts a shared year may confirm
_STRONG = frozenset(json.loads((lexicons.HERE / "categories.json").read_text(encoding="utf-8")).get("strong", ()))
_BROADER = json.loads((lexicons.HERE / "categories.json").read_text(encoding="utf-8")).get("broader", {})
def content_shared(concepts_a: set, concepts_b: set, anchors_a: set, anchors_b: set,
                   cog_a: set, cog_b: set) -> bool:
    """Do two tellings share any content at all: a concept, a number or name that is not their date, a
    four-letter cognate key or two shorter ones? People and dates alone never make one event."""
    if not concepts_a.isdisjoint(concepts_b) or not anchors_a.isdisjoint(anchors_b):
        return True
    shared = cog_a & cog_b
    return len(shared) >= 2 or any(len(k) >= 4 for k in shared)


def similarity(g: Any, ev: Event, pos: float, w: dict[str, float], same_doc_ok: bool = False,
               placed: bool = False) -> float:
    """How well a telling matches a group (or one member). `placed`: the caller knows the two are told at
    the same point of their tellings (neighbours, or an alignment that checks it), which is one kind of
    evidence; otherwise two kinds are needed here (see two_kinds)."""
    if g.kind != ev.kind or (ev.sources[0].doc in g.docs and not same_doc_ok):
        return 0.0
    x = ev.extra
    ev_concepts, ev_anchors = x.get("fuse_concepts", set()), x.get("content_anchors", set())
    ev_cog = x.get("cognates", set())
    if not content_shared(g.concepts, ev_concepts, g.gate, x.get("gate_anchors", set()), g.cognates, ev_cog):
        return 0.0  # the same people doing something else, or another event on the same date
    if any(dates_apart(ev, other) for other in g.members):
        return 0.0  # a date one telling states lies outside the bounds of another: two moments
    gap = abs(g.pos - pos)
    ev_chars, ev_persons = x.get("fuse_chars", set()), x.get("fuse_person_of", {})
    g_persons = getattr(g, "person_of", None)
    if g_persons is None:
        g_persons = g.members[0].extra.get("fuse_person_of", {}) if len(g.members) == 1 else {}
    if not placed and not two_kinds(g, ev, w):
        return 0.0
    chars = _people(g.chars, g_persons, ev_chars, ev_persons, w)
    concepts = _wjaccard(g.concepts, ev_concepts, "k:", w, CONCEPT_REF)
    anchors = _wjaccard(g.anchors, ev_anchors, "a:", w)
    cog = _wjaccard(g.cognates, ev_cog, "g:", w)
    s = W_CHARS * chars + W_CONCEPTS * concepts + W_ANCHORS * anchors + W_COGNATES * cog  # cognates add, never dilute
    if anchors and concepts:
        s += 0.1
    mine = _stated(ev)
    bonus = 0.0
    for other in g.members if mine else ():
        theirs = _stated(other)
        if theirs:
            if not _told_dates_agree(ev, mine, other, theirs):
                return 0.0  # two stated dates that disagree are two events, whatever else they share
            # agreeing stated dates add to shared content (content_shared() already passed); a shared year
            # only when what is shared is a decisive action (a death, a wedding), since whole stories share a year
            if min(_COARSE[mine[1]], _COARSE[theirs[1]]) >= 7:
                bonus = 0.15
            elif not _STRONG.isdisjoint(g.concepts & ev_concepts):
                bonus = max(bonus, 0.08)
    s += bonus
    return s - position_penalty(gap)


RARE_PERSON = 1.6  # people weight (log(1 + n/df)) of someone in fewer than about a quarter of the events


def _components(keys: set, maps: tuple[dict, ...]) -> list[set]:
    """The people among `keys`: keys of one person (in any of the maps) count as one."""
    seen: set = set()
    out = []
    for k in keys:
        if k in seen:
            continue
        comp = {k}
        for m in maps:
            comp |= m.get(k, frozenset())
        comp &= keys
        seen |= comp
        out.append(comp)
    return out


def _person_mass(keys: set, maps: tuple[dict, ...], w: dict[str, float]) -> float:
    return sum(max(w.get("c:" + k, 1.0) for k in comp) for comp in _components(keys, maps))


def _people(a: set, a_of: dict, b: set, b_of: dict, w: dict[str, float]) -> float:
    """Weighted overlap of the people of two tellings, each person counted once (by their rarest key):
    the three keys of the protagonist shared by every pair of sentences are one, common, person."""
    shared = a & b
    if not shared:
        return 0.0
    inter = _person_mass(shared, (a_of, b_of), w)
    ma, mb = _person_mass(a, (a_of,), w), _person_mass(b, (b_of,), w)
    union = ma + mb - inter
    if union <= 0 or min(ma, mb) <= 0:
        return 0.0
    score = 0.5 * inter / union + 0.5 * min(1.0, inter / min(ma, mb))
    return score * min(1.0, inter / CHAR_REF)


def two_kinds(g: Any, ev: Event, w: dict[str, float]) -> bool:
    """A match across documents needs two independent pieces of evidence: two shared items of content
    (concepts, names and numbers; cognate keys only where no concept is shared, since they are mostly the
    same word again), or one item and something else that is not everywhere in the story: a person who is
    not in most of its events, a place, or a date both state. One common concept with the protagonist, who
    is in every event, is not two: "Maria studied" and "Maria went to school" are years apart. Being told
    at the same point of both tellings is the other kind the callers that know it may supply."""
    x = ev.extra
    g_persons = getattr(g, "person_of", None)
    if g_persons is None:
        g_persons = g.members[0].extra.get("fuse_person_of", {}) if len(g.members) == 1 else {}
    concepts = g.concepts & x.get("fuse_concepts", set())
    anchors = g.anchors & x.get("content_anchors", set())
    gate = g.gate & x.get("gate_anchors", set())
    items = len(concepts) + len(gate)
    if not concepts and content_shared(set(), set(), set(), set(), g.cognates, x.get("cognates", set())):
        items += 1
    if items >= 2:
        return True
    if anchors - gate:
        return True  # a shared place
    shared = g.chars & x.get("fuse_chars", set())
    for comp in _components(shared, (g_persons, x.get("fuse_person_of", {}))):
        if max(w.get("c:" + k, 1.0) for k in comp) >= RARE_PERSON:
            return True
    return dated_together(g, ev)


def position_penalty(gap: float) -> float:
    """Tellings keep the story's order, so far-apart positions need much stronger evidence."""
    return POS_SLOPE * gap + POS_STEEP * max(0.0, gap - MAX_POS_GAP / 2)


def _own_content(e: Event, gate: bool = False) -> tuple[set, set, set]:
    x = e.extra
    anchors = x.get("gate_anchors" if gate else "content_anchors", set())
    return x.get("fuse_concepts", set()), anchors, x.get("cognates", set())


def _pair_score(a: Event, b: Event, w: dict[str, float]) -> float:
    """How much two members tell the same thing: their shared content (concepts, names and numbers,
    cognates) and people, weighted by rarity."""
    ka, aa, ga = _own_content(a)
    kb, ab, gb = _own_content(b)
    return (0.45 * _wjaccard(ka, kb, "k:", w, CONCEPT_REF) + 0.2 * _wjaccard(aa, ab, "a:", w)
            + 0.2 * _wjaccard(ga, gb, "g:", w)
            + 0.35 * _wjaccard(a.extra.get("fuse_chars", set()), b.extra.get("fuse_chars", set()), "c:", w, CHAR_REF))
