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
"""
from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from . import lexicons
from .model import Event
from .textutil import fold, tokens

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


@lru_cache(maxsize=50_000)
def name_key(word: str) -> str:
    """A proper noun with its spelling levelled and vowels dropped, unstemmed: Berlin / Berlín / Berlino,
    Varsavia / Warsaw, Gorbachev / Gorbachov / Gorbaciov meet. Short names stay as they are."""
    if len(word) < 4 or not word.isalpha():
        return word
    w = word
    for pat, rep in _LEVEL:
        w = pat.sub(rep, w)
    lead = w[0] if w[0] in "aeiou" else ""
    cons = re.sub(r"(.)\1+", r"\1", lead + _VOWELS.sub("", w[1:] if lead else w))
    return "n:" + cons[:SKELETON] if len(cons) >= 3 else word


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
    for raw in tokens(text.casefold()):
        w = fold(raw)
        if len(w) >= MIN_STEM and w not in caps:
            c = table.get(_stem(w, lang)) or (table.get("=" + raw) if not raw.isascii() else None)
            if c:
                out.add(c)
    return out


def _content(text: str, lang: str, names: frozenset[str], cog: set[str], concepts: set[str]) -> None:
    """One pass over a sentence's content words: cognate keys into `cog`, stem concepts into `concepts`."""
    stop = _function_words(lang)
    table = _stem_concepts(lang)
    caps = {fold(m.group(1)) for m in _CAPWORD.finditer(text) if m.start() > 0}
    for raw in tokens(text.casefold()):
        w = fold(raw)
        if len(w) < MIN_STEM or w in stop or w in caps or w in names or not w.isalpha():
            continue
        c = table.get(_stem(w, lang)) or (table.get("=" + raw) if not raw.isascii() else None)
        if c:
            concepts.add(c)
        cog.update(skeleton(w, lang))


def features(ev: Event) -> None:
    """Fill ev.extra with `fuse_concepts`, `fuse_chars`, `cognates`, `content_anchors` and `gate_anchors`
    (once; cached on the event)."""
    x = ev.extra
    if "cognates" in x:
        return
    names = frozenset(w for n in ev.characters + ev.places for w in tokens(fold(n)))
    cog: set[str] = set()
    concepts = set(x.get("concepts", ()))
    for src in ev.sources:
        _content(src.text, src.lang, names, cog, concepts)
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
        anchors.add(name_key(a) if a.isalpha() else a)
    # people, also by the spelling of their names: "Pliny" and "Plinio" may be two entries of the cast
    x["fuse_chars"] = set(x.get("char_ids", ())) | {name_key(w) for n in ev.characters for w in tokens(fold(n))
                                                     if len(w) >= 4}
    x["cognates"] = cog
    x["content_anchors"] = anchors
    # a shared place is where, not what: with a shared date it would merge a shipwreck and a medal
    # ceremony in one harbour, so places count in the score but cannot open a match on their own
    places = {name_key(w) for p in ev.places for w in tokens(fold(p))}
    x["gate_anchors"] = {a for a in anchors if a not in places}
