"""Name utilities for the characters stage: folding, slugs, per-language compiled patterns.

Everything language-specific comes from pipeline/lexicons/<lang>/characters.json; the
patterns are compiled once per language and cached.
"""
from __future__ import annotations

import importlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import lexicons

UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
LOW = "a-zß-öø-ÿāăąćčďđēęěğīłńňōőœřśşšţťūůűźżž"
# A capitalised word: Anna, O'Neill, DeLuca, DiMaio, McAllister, Jean-Luc. All-caps acronyms
# (RMS, USA) are deliberately not names.
TOK = rf"[{UP}](?:['’][{UP}])?[{LOW}]+(?:[{UP}][{LOW}]+)*(?:-[{UP}{LOW}][{LOW}]+)*"
INIT = rf"[{UP}]\."
TOKEN_RE = re.compile(rf"{TOK}['’]?|{INIT}|[^\s]+")
IS_CAP = re.compile(rf"[{UP}]")


@lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """Lowercase, accents removed, curly apostrophes straightened, spaces collapsed."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.lower().split())


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-") or "x"


def _alt(words, escape: bool = True) -> str:
    """Regex alternation, longest first so "high school" wins over "school"; spaces match any blanks."""
    items = sorted({w for w in words if w}, key=len, reverse=True)
    if not items:
        return "(?!x)x"
    parts = []
    for w in items:
        p = re.escape(w) if escape else w
        parts.append(p.replace(r"\ ", r"\s+"))
    return "|".join(parts)


class _RevCue:
    """A cue phrase ending right before a name, tested by an anchored match on the reversed
    context: no scanning, so each test costs about the length of the cue."""

    def __init__(self, words):
        items = sorted({w.lower()[::-1] for w in words if w}, key=len, reverse=True)
        alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) or "(?!x)x"
        self.rx = re.compile(rf"[ \t]*(?:{alt})(?![\w])", re.I)

    def search(self, pre: str) -> bool:
        return self.rx.match(pre[::-1]) is not None

    def length(self, pre: str) -> int:
        """Characters of `pre` the cue (with its blanks) takes at its end; 0 when absent."""
        m = self.rx.match(pre[::-1])
        return m.end() if m else 0


def _cue_before(words) -> _RevCue:
    # the cue must end right before the name (only blanks between)
    return _RevCue(words)


def _cue_after(words) -> re.Pattern:
    return re.compile(rf"^[ \t]*(?:{_alt(words)})(?![\w])", re.I)


def _actor_after(cues, loose) -> re.Pattern:
    """"plays", "in the role of", and a light verb only with a performance noun a few words on ("gives a
    moving performance"): "gives a speech" is what a character does."""
    verbs, nouns = loose.get("verbs") or [], loose.get("nouns") or []
    extra = rf"|(?:{_alt(verbs)})(?:[ \t]+[\w\-]+){{0,3}}?[ \t]+(?:{_alt(nouns)})" if verbs and nouns else ""
    return re.compile(rf"^[ \t]*(?:{_alt(cues)}{extra})(?![\w])", re.I)


def _author_after(cues, works) -> re.Pattern:
    """"'s novel", "'s unproduced play": a cue ending with a work noun also takes up to two words between its
    possessive and the work ("Ann Lee and Bo Roe's unproduced play")."""
    pairs = [c.split() for c in cues if len(c.split()) == 2 and c.split()[-1] in works]
    loose = rf"(?:{_alt({p[0] for p in pairs})})(?:[ \t]+[a-z\-]+){{0,2}}?[ \t]+(?:{_alt({p[1] for p in pairs})})" \
        if pairs else "(?!x)x"
    return re.compile(rf"^[ \t]*(?:{_alt(cues)}|{loose})(?![\w])", re.I)


@dataclass
class Lex:
    lang: str
    raw: dict
    name_re: re.Pattern
    hon_rev_re: re.Pattern
    stop: frozenset
    articles: frozenset
    crew_re: _RevCue
    actor_after_re: re.Pattern
    place_re: _RevCue
    vehicle_re: _RevCue
    title_re: _RevCue
    title_after_re: re.Pattern
    disease_before_re: _RevCue
    disease_after_re: re.Pattern
    article_re: _RevCue
    foreign_part_re: _RevCue
    appos_re: re.Pattern          # "his father " / "sua madre, la " right before a name
    role_paren_re: _RevCue        # "one teacher (" right before a parenthesised name
    relof_re: re.Pattern          # "il padre di " right before a name
    rel_re: re.Pattern            # any family phrase
    group_re: re.Pattern
    companions_re: re.Pattern     # "he and three of his friends"
    list_gap_re: re.Pattern
    appos_gap_re: re.Pattern
    of_gap_re: re.Pattern
    place_heads: frozenset
    place_prefixes: frozenset
    org_heads: frozenset
    things: frozenset             # awards, nationalities, other capitalised non-persons
    calendar: frozenset
    vehicle_prefixes: frozenset
    particles: frozenset
    foreign_particles: frozenset
    initial_suffixes: tuple
    family: dict
    possessives: dict
    group_nouns: dict
    numbers: dict
    plural_endings: tuple
    verb_exceptions: frozenset
    irregular_plurals: frozenset
    place_after_re: re.Pattern     # ", una cittadina" right after a name: the name is a place
    place_weak_re: re.Pattern      # "to"/"da"/"finca de" right before a name (prev word captured)
    place_weak_cancel: frozenset   # "said to", "chiede a": the weak preposition introduces a person
    commentator_re: _RevCue        # "according to"/"secondo"/"según" right before a name
    hon_gender: dict               # folded honorific -> "m" | "f"
    famgroup_before_re: _RevCue    # "la famiglia" / "los" right before a surname
    famgroup_after_re: re.Pattern  # "family" right after a surname
    cap_honorifics: frozenset = frozenset()   # "Father", "Padre": titles only when capitalised
    regnal_hons: frozenset = frozenset()      # titles after which a bare "I" is a regnal numeral
    rank_senses: dict = None                  # "reina" -> queen: ranks, part of how a person is named
    peer_re: re.Pattern | None = None          # "Duke Roderic of " / "the duke of " right before a name
    field_re: _RevCue | None = None            # "estudiar" before a name: a field of study
    institution_re: re.Pattern | None = None   # "Junta para " before a name: part of an institution
    reference_re: re.Pattern | None = None     # opinion/credit/reference sentence cues
    nick_gap_re: re.Pattern | None = None      # ", detto «il " between a person and their nickname
    nick_strong: frozenset = frozenset()
    known_as_re: _RevCue | None = None         # "knows " right before a person whose other name follows ...
    known_as_gap_re: re.Pattern | None = None  # ... " as " ("knows Ada as Mrs. Lind")
    self_alias_re: _RevCue | None = None       # "introduces herself as " right before a name the subject goes by
    cast_list_re: re.Pattern | None = None     # "Starring:" at the start of an actor-first list
    poss_place_re: re.Pattern | None = None    # "nel suo negozio di " before a name: a place
    hon_next_re: re.Pattern | None = None      # what follows a lone title that is not a name itself
    link_words: frozenset = frozenset()        # last words of peer_re/institution_re/poss_place_re
    role_titles: frozenset = frozenset()       # "Owner", "Constable", "Sindaco": a capitalised role before a name
    part_words: frozenset = frozenset()        # "Equerry", "Segretario": an unnamed part in a credit list
    author_re: re.Pattern | None = None        # "the third novel by " / "«...» di ": an author follows
    # positive evidence that a name is a person (see characters_evidence)
    human_verb_re: re.Pattern | None = None    # right after a name: "(Actor) finally decides", "ha deciso"
    human_object_re: _RevCue | None = None     # right before a name: "met ", "se casa con ", "sposò "
    role_nouns: frozenset = frozenset()        # "friend", "doctor", "vicino": "her friend Kit" is a person
    person_pronouns: frozenset = frozenset()   # he/she, él/ella, lui/lei: a later reference to a person
    author_after_re: re.Pattern | None = None  # "'s novel" right after a name: its author
    epithet_re: re.Pattern | None = None       # " the Elder", " il Vecchio" right after a name: part of it
    nationalities: frozenset = frozenset()     # "Mexican", "argentino": never the first word of a name
    page_labels: frozenset = frozenset()       # "Durata", "Reparto", "Plot" (every language's): page furniture
    page_labels_crew: frozenset = frozenset()  # the labels after which names are cast or crew
    alias_cue_re: re.Pattern | None = None     # "née ", "nata con il nome di " right before a name
    actor_paren_re: re.Pattern | None = None   # "(played by " right before a name
    actor_plays_re: re.Pattern | None = None   # " plays " between an actor and the role
    actor_is_re: re.Pattern | None = None      # " is played by Mexican actor " between a role and its actor
    person_after_re: re.Pattern | None = None  # " for help" right after a name: one asks a person, not a place
    surname_join_re: re.Pattern | None = None  # " y " between the two parts of a compound surname
    epithet_senses: dict = None                # folded epithet -> a language-neutral sense ("il giovane" -> younger)
    given_exonyms: dict = None                 # folded given name -> a language-neutral sense ("giovanni" -> john)
    of_words: frozenset = frozenset()          # "di", "del", "dell": a credit's preposition before an adjective
    author_by: frozenset = frozenset()         # "by", "di", "de": the preposition before a work's author
    crew_story_re: _RevCue | None = None       # "aspiring filmmaker ": a trade the character pursues, no credit


@lru_cache(maxsize=None)
def honorifics_all() -> tuple[str, ...]:
    """Honorifics of every language: translated text keeps "Miss", "Dr." in Italian and Spanish."""
    out: set[str] = set()
    for lang in lexicons.LANGS:
        out.update(h.lower().rstrip(".") for h in lexicons.load(lang, "characters").get("honorifics", []))
    return tuple(sorted(out, key=len, reverse=True))


@lru_cache(maxsize=None)
def honorifics_abbr() -> tuple[str, ...]:
    """Abbreviated honorifics of every language ("dr", "sig.ra"): the only ones written with a full stop."""
    out: set[str] = set()
    for lang in lexicons.LANGS:
        d = lexicons.load(lang, "characters")
        out.update(h.lower().rstrip(".") for h in d.get("honorific_abbreviations", []))
        out.update(h.lower().rstrip(".") for h in d.get("honorifics", []) if "." in h)
    return tuple(sorted(out, key=len, reverse=True))


@lru_cache(maxsize=None)
def job_heads(lang: str) -> frozenset:
    """The head nouns of the job titles of the Faker locales a lexicon lists (job_locales; the head is the
    title's last word before a comma in English, "Accountant, chartered" / "Tree surgeon"): occupations, so
    "the accountant Ada Roe" and "Ada Roe, a surgeon" are role evidence. Words of five letters or more,
    without those the lexicon lists as no person (not_job_heads)."""
    d = lexicons.load(lang, "characters")
    pos = -1 if d.get("job_head", "last") == "last" else 0
    skip = {fold(w) for w in d.get("not_job_heads", [])}
    out: set[str] = set()
    for loc in d.get("job_locales", []):
        try:
            jobs = importlib.import_module(f"faker.providers.job.{loc}").Provider.jobs
        except (ImportError, AttributeError):
            continue
        for j in jobs:
            words = j.split(",")[0].split()
            w = fold(words[pos]) if words else ""
            if len(w) >= 5 and w.isalpha() and w not in skip:
                out.add(w)
    return frozenset(out)


@lru_cache(maxsize=None)
def country_names(lang: str) -> frozenset:
    """Country names (folded) in one language ("Alemania", "Francia" in Spanish), from the Faker address
    providers of the locales of that language the lexicons list (given_name_locales): a gazetteer of states,
    loaded once on first use. Only the document's own language: "Maurice" is Mauritius only in French."""
    out: set[str] = set()
    locales = sorted({loc for lg in lexicons.LANGS
                      for loc in lexicons.load(lg, "characters").get("given_name_locales", [])
                      if loc.split("_")[0] == lang})
    for loc in locales:
        try:
            countries = importlib.import_module(f"faker.providers.address.{loc}").Provider.countries
        except (ImportError, AttributeError):
            continue
        if isinstance(countries, (list, tuple)):
            out.update(fold(c) for c in countries if isinstance(c, str))
    return frozenset(out)


@lru_cache(maxsize=1)
def given_names() -> frozenset:
    """First names of the Faker locales the lexicons list (folded), loaded once on first use.

    A gazetteer of given names is positive evidence that a capitalised word names a person; the
    names of every listed locale count in every language (a Polish pianist in a Spanish review)."""
    out: set[str] = set()
    locales = sorted({loc for lang in lexicons.LANGS
                      for loc in lexicons.load(lang, "characters").get("given_name_locales", [])})
    for loc in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:   # a locale this Faker version lacks: the others still count
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            names = getattr(provider, attr, None)
            if isinstance(names, (list, tuple, dict)):   # lists or weighted dicts; some locales use properties
                out.update(fold(n) for n in names)
    # names that are far more often places or words in a story ("América", "Florencia", "Victoria")
    out -= {fold(w) for lang in lexicons.LANGS for w in lexicons.load(lang, "characters").get("not_given_names", [])}
    return frozenset(out)


@lru_cache(maxsize=1)
def _given_spellings() -> tuple[frozenset, dict]:
    """The gazetteer's given names as written (lowercase, accents kept), and folded name -> the languages of
    the locales that list it."""
    written: set[str] = set()
    langs: dict[str, set] = {}
    locales = sorted({loc for lang in lexicons.LANGS
                      for loc in lexicons.load(lang, "characters").get("given_name_locales", [])})
    for loc in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            names = getattr(provider, attr, None)
            if isinstance(names, (list, tuple, dict)):
                for n in names:
                    written.add(unicodedata.normalize("NFC", n).lower())
                    langs.setdefault(fold(n), set()).add(loc.split("_")[0])
    return frozenset(written), langs


def is_given_name(word: str, lang: str) -> bool:
    """A word the gazetteer knows as a first name. An accent the text writes and no list of the gazetteer
    does makes another word ("Orán" is a city, not the Irish "Oran"), unless the name is one of the
    document language's own, whose lists may drop accents ("Tobías" in Spanish)."""
    f = fold(word)
    if f not in given_names():
        return False
    low = unicodedata.normalize("NFC", word.replace("’", "'")).lower()
    written, langs = _given_spellings()
    return low == f or low in written or lang in langs.get(f, ())


@lru_cache(maxsize=None)
def _all_langs(key: str) -> frozenset:
    """Folded entries of one list in every language: a Spanish listing page labels a text of any language."""
    return frozenset(fold(w) for lang in lexicons.LANGS for w in lexicons.load(lang, "characters").get(key, []))


@lru_cache(maxsize=None)
def lex(lang: str) -> Lex:
    d = lexicons.load(lang, "characters") or lexicons.load("en", "characters")
    g = d.get
    parts = g("particles", [])
    part_alt = _alt(parts)
    tok = rf"{TOK}(?:['’](?=[ \t]+[{UP}]))?"  # Italian "Ca' Rossa"
    name = rf"{tok}(?:[ \t]+(?:(?:{part_alt})[ \t]+)*(?:{tok}|{INIT}(?=[ \t]+[{UP}])))*"
    # names start at a capital; the honorific before them is found by an anchored match on the
    # reversed context (an alternation of ~100 honorifics tried at every word would be slow)
    name_re = re.compile(rf"(?<![\w])(?P<name>{name})(?P<num>[ \t]+\d+(?![\d.,:]\d))?(?![\w])")
    rev = lambda ws: "|".join(re.escape(w[::-1]).replace(r"\ ", r"\s+")
                              for w in sorted(set(ws), key=len, reverse=True)) or "(?!x)x"
    # only abbreviations may end with a full stop: "Dr. Li", but "made Mora a count. The old" is no title
    abbr = {h.lower().rstrip(".") for h in honorifics_abbr()}
    full = [h for h in honorifics_all() if h not in abbr]
    hon_rev_re = re.compile(rf"[ \t]+(?:(?P<p>{rev(parts)})[ \t]+)?(?P<h>\.?(?:{rev(abbr)})|(?:{rev(full)}))(?![\w])",
                            re.I)
    arts = [a.lower() for a in g("articles", [])]
    fam = g("family", {})
    poss = g("possessives", {})
    dets = list(poss) + arts + g("group_articles", [])
    fam_alt = _alt(fam)
    roles = list(g("role_nouns", [])) + list(fam)
    # the connectives that open sentences ("Intanto, Mark ...", "Meanwhile, Ada ...") are never names
    opening = [w for w in (lexicons.load(lang, "events").get("leading_adverbials") or []) if " " not in w]
    stop = frozenset(w.lower() for w in g("stopwords", []) + opening) | frozenset(fold(w) for w in opening)
    conj = g("conj", ["and"])
    gn = g("group_nouns", {})
    nums = g("numbers", {})
    things = set(g("awards", [])) | set(g("nationalities", [])) | set(g("non_person_words", []))
    calendar = set(g("months", [])) | set(g("days", []))
    return Lex(
        lang=lang, raw=d, name_re=name_re, hon_rev_re=hon_rev_re, stop=stop, articles=frozenset(arts),
        crew_re=_cue_before(g("crew_before", [])),
        crew_story_re=_cue_before(g("crew_in_story", [])),
        actor_after_re=_actor_after(g("actor_after", []), g("actor_after_loose", {})),
        place_re=_cue_before(g("place_before", [])),
        vehicle_re=_cue_before(g("vehicle_before", [])),
        title_re=_cue_before(g("title_before", [])),
        title_after_re=_cue_after(g("title_after", [])),
        disease_before_re=_cue_before(g("disease_before", [])),
        disease_after_re=re.compile(rf"^(?:'s)?[ \t]*(?:{_alt(g('disease_after', []))})(?![\w])", re.I)
        if g("disease_after") else re.compile(r"(?!x)x"),
        article_re=_cue_before(arts),
        foreign_part_re=_cue_before(g("foreign_particles", [])),
        appos_re=re.compile(
            rf"(?:^|[^\w])(?:{_alt(dets)})[ \t]+(?:[\w\-]+[ \t]+)?(?:{fam_alt})"
            rf"(?:[ \t]+[^\W\d_]+)?[ \t]*,?[ \t]+(?:(?:{_alt(arts)})[ \t]+)?$", re.I),
        role_paren_re=_cue_before([r + " (" for r in roles] + [r + "(" for r in roles]),
        relof_re=re.compile(rf"(?:^|[^\w])(?:{fam_alt})[ \t]+(?:{_alt(g('of', []))})[ \t]+$", re.I),
        rel_re=re.compile(
            rf"(?<![\w])(?:(?P<det>{_alt(dets)})[ \t]+(?:(?P<adj>[\w\-]+)[ \t]+)?)?"
            rf"(?P<rel>{fam_alt})(?![\w])", re.I),
        group_re=re.compile(
            rf"(?<![\w])(?P<art>(?i:{_alt(g('group_articles', []))}))[ \t]+"
            rf"(?:(?P<q>[\"'‘“])(?P<qn>[{UP}][^\"'‘’“”\n]{{1,40}}?)[\"'’”]"
            rf"|(?:(?P<mod>[\w\-]+)[ \t]+)?(?P<head>(?i:{_alt(list(gn) + list(nums))})))(?![\w])"),
        companions_re=re.compile(
            rf"(?<![\w])(?P<subj>{_alt(g('subject_pronouns', []))})[ \t]+(?:{_alt(conj)})[ \t]+"
            rf"(?P<num>{_alt(list(nums))})[ \t]+(?:(?:{_alt(g('companion_of', []))})[ \t]+)?"
            rf"(?:(?:{_alt(dets)})[ \t]+)+(?:[\w\-]+[ \t]+){{0,3}}?(?:{_alt(g('companion_nouns', []))})(?![\w])",
            re.I),
        list_gap_re=re.compile(
            rf"[ \t]*(?:\([^()\n]{{0,80}}\)[ \t]*)?(?:,|,?[ \t]+(?:{_alt(conj)}))[ \t]+"
            rf"(?:(?:{_alt(g('weak_preps', []))})[ \t]+)?", re.I),
        appos_gap_re=re.compile(
            rf"(?:[ \t]+(?P<adj>[^\W\d_]+))?[ \t]*,?[ \t]+(?:(?:{_alt(arts)})[ \t]+)?", re.I),
        of_gap_re=re.compile(rf"[ \t]+(?:{_alt(g('of', []))})[ \t]+", re.I),
        place_heads=frozenset(fold(w) for w in g("place_heads", [])),
        place_prefixes=frozenset(fold(w) for w in g("place_prefixes", [])),
        org_heads=frozenset(fold(w) for w in g("org_heads", [])),
        things=frozenset(fold(w) for w in things),
        calendar=frozenset(fold(w) for w in calendar),
        vehicle_prefixes=frozenset(w.lower() for w in g("vehicle_prefixes", [])),
        particles=frozenset(parts),
        foreign_particles=frozenset(g("foreign_particles", [])),
        initial_suffixes=tuple(g("initial_suffixes", [])),
        family={fold(k): v for k, v in fam.items()},
        possessives={k.lower(): v for k, v in poss.items()},
        group_nouns={fold(k): v for k, v in gn.items()},
        numbers={fold(k): v for k, v in nums.items()},
        plural_endings=tuple(g("plural_endings", [])),
        verb_exceptions=frozenset(g("verb_exceptions", [])),
        irregular_plurals=frozenset(g("irregular_plurals", [])),
        place_after_re=_cue_after(g("place_after", [])) if g("place_after") else re.compile(r"(?!x)x"),
        place_weak_re=re.compile(
            rf"(?:^|[^\w'’])(?:(?P<prev>[\w'’]+)[ \t]+)?(?P<prep>{_alt(g('place_weak_before', []))})[ \t]+$", re.I),
        place_weak_cancel=frozenset(fold(w) for w in g("place_weak_cancel", [])) | frozenset(fold(w) for w in fam)
        | frozenset(fold(w) for w in g("role_nouns", [])),
        commentator_re=_cue_before(g("commentator_before", [])),
        hon_gender={fold(k).rstrip("."): v for k, v in g("honorific_gender", {}).items()},
        famgroup_before_re=_cue_before(g("family_group_before", [])),
        famgroup_after_re=_cue_after(g("family_group_after", [])) if g("family_group_after")
        else re.compile(r"(?!x)x"),
        cap_honorifics=frozenset(g("capital_honorifics", [])),
        regnal_hons=frozenset(fold(w) for w in g("regnal_honorifics", [])),
        rank_senses={fold(k): v for k, v in g("rank_senses", {}).items()},
        peer_re=re.compile(
            rf"(?:^|[^\w])(?i:{_alt(g('peerage', []))})(?:[ \t]+{TOK}){{0,2}}[ \t]+(?:{_alt(g('of', []))})[ \t]+$"),
        field_re=_cue_before(g("field_before", [])),
        institution_re=re.compile(
            rf"(?:^|[^\w])(?:{_alt(g('institution_heads', []))})(?:[ \t]+{TOK})*[ \t]+"
            rf"(?:{_alt(g('institution_links', []))})[ \t]+$"),
        reference_re=re.compile(rf"(?<![\w])(?:{_alt(g('reference_cues', []))})(?![\w])", re.I),
        nick_gap_re=re.compile(
            rf"(?P<comma>[ \t]*,)?[ \t]*(?P<cue>(?i:{_alt(g('nickname_cues', []))}))[ \t]*"
            rf"(?P<q>[\"“«'‘][ \t]*)?(?:(?i:{_alt(arts)})[ \t]+)?"),
        nick_strong=frozenset(w.lower() for w in g("nickname_strong", [])),
        known_as_re=_cue_before(g("known_as_before", [])) if g("known_as_before") else None,
        known_as_gap_re=re.compile(rf"[ \t]+(?:{_alt(g('known_as_link', []))})[ \t]+[\"“«'‘]?", re.I)
        if g("known_as_link") else None,
        self_alias_re=_cue_before(g("self_alias_cues", [])) if g("self_alias_cues") else None,
        cast_list_re=re.compile(rf"[ \t]*(?i:{_alt(g('cast_list_cues', []))})[ \t]*:"),
        poss_place_re=re.compile(
            rf"(?:^|[^\w])(?i:{_alt(list(poss))})[ \t]+(?P<noun>[^\W\d_]+)[ \t]+(?:{_alt(g('poss_place_preps', []))})[ \t]*$")
        if g("poss_place_preps") else None,
        hon_next_re=re.compile(rf"\.?[ \t]+(?:[{UP}]|(?:{part_alt})[ \t])"),
        role_titles=frozenset(fold(w) for w in g("role_titles", []) + lexicons.load("en", "characters").get("role_titles", [])),
        author_re=re.compile(
            rf"(?:(?:^|[^\w])(?i:{_alt(g('author_works', []))})(?:[ \t]+[^\s.!?;:]+){{0,3}}?|[»\"”])"
            rf"[ \t]+(?i:{_alt(g('author_by', []))})[ \t]+$") if g("author_works") else None,
        human_verb_re=re.compile(
            # an epithet: "Pliny the Younger wrote" (a whole word: "nella Chiesa" is no "nella Chie" + the verb "sa")
            rf"(?:[ \t]+(?:{_alt(arts)})[ \t]+[{UP}][{LOW}]+(?![\w]))?"
            rf"[ \t]*(?:\([^()\n]{{0,60}}\)[ \t]*)?(?:[ \t]*(?:{_alt(g('verb_aux', []))})(?![\w]))*[ \t]*"
            rf"(?P<v>{_alt(g('human_verbs', []))})(?![\w])", re.I) if g("human_verbs") else None,
        person_pronouns=frozenset(w.lower() for w in g("person_pronouns", [])),
        human_object_re=_cue_before(g("human_object_before", [])),
        role_nouns=frozenset(fold(w) for w in g("role_nouns", [])) | job_heads(lang),
        part_words=frozenset(fold(w) for w in g("part_nouns", []) + g("role_nouns", []) + g("role_titles", [])),
        page_labels=_all_langs("page_labels"),
        nationalities=_all_langs("nationalities"),
        author_after_re=_author_after(g("author_after", []), g("author_works", [])) if g("author_after") else None,
        epithet_re=re.compile(rf"[ \t]+(?i:{_alt(g('epithets', []))})(?![\w])") if g("epithets") else None,
        page_labels_crew=_all_langs("page_labels_crew"),
        alias_cue_re=re.compile(rf"(?:^|[^\w])(?:{_alt(g('alias_cues', []))})[ \t]+[\"“«'‘]?$", re.I)
        if g("alias_cues") else None,
        actor_is_re=re.compile(
            rf"[ \t]+(?:{_alt(g('actor_is_cues', []))})[ \t]+(?:[^\W\d_]+[ \t]+){{0,3}}?", re.I)
        if g("actor_is_cues") else None,
        actor_plays_re=re.compile(rf"[ \t]+(?:{_alt(g('actor_plays', []))})[ \t]+", re.I)
        if g("actor_plays") else None,
        actor_paren_re=re.compile(rf"[ \t]*\([ \t]*(?:{_alt(g('actor_paren_cues', []))})[ \t]+", re.I)
        if g("actor_paren_cues") else None,
        person_after_re=_cue_after(g("person_after", [])) if g("person_after") else None,
        surname_join_re=re.compile(rf"[ \t]+(?:{_alt(g('surname_joiners', []))})[ \t]+(?={TOK}(?![\w'’-]))")
        if g("surname_joiners") else None,
        of_words=frozenset(fold(w) for w in g("of", []) + g("author_by", []) + g("elided_of", [])),
        author_by=frozenset(fold(w) for w in g("author_by", [])),
        epithet_senses={fold(k): v for k, v in g("epithet_senses", {}).items()},
        given_exonyms={fold(k): v for k, v in g("given_exonyms", {}).items()},
        link_words=frozenset(w.lower().split()[-1] for w in
                             g("of", []) + g("institution_links", []) + g("poss_place_preps", [])),
    )
