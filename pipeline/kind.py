"""Is a sentence story, production (the making, release, broadcast of the work) or reception (opinions
and awards about the work)? Cue lexicons per language, actor and crew names, the work's authors."""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicons
from .headline import PAREN
# kinds decided over a document's sections and paragraphs live in kind_doc (this module had passed 450 lines)
from .kind_doc import (COMMENTARY, PRONOUNS, QUOTE_CHARS, captions, paragraph_kinds,  # noqa: F401
                       present_remarks, section_kinds)
from .model import Story
from .textutil import cues, fold, tokens

def _actor_pattern(story: Story) -> re.Pattern | None:
    names = {c.actor for c in story.characters.values() if c.actor}
    names |= {n for n, kind in story.non_characters.items() if kind == "actor" and " " in n}
    names = {n for n in names if len(n) > 3}
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")


QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]{1,200})[\"“”«»]")
TITLE_QUOTE = re.compile(r"[\"“«][A-ZÀ-Ý¿¡][^\"“”«»]*\s[^\"“”«»]*[\"”»]|[\"“«][^\"“”«»]{1,80}[\"”»]\s*\(\d{4}\)")


def _quoted_title(text: str) -> bool:
    """A quoted title ("«Il faro» (1998)", "in “The Salt Road”"), not a line of speech that is the whole
    sentence ("«Resta qui e tieni acceso il fuoco.»") nor words a colon introduces (a motto, an
    inscription, a line someone says: "...engraved with a verse: «Whoever saves one life ...»")."""
    body = text.strip()
    for m in TITLE_QUOTE.finditer(text):
        if text[:m.start()].rstrip().endswith(":"):
            continue
        if m.start() <= 1 and m.end() >= len(body) - 1 and not m.group(0).rstrip().endswith(")"):
            continue
        return True
    return False


@lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[tuple[re.Pattern, str], ...]:
    table = lexicons.load(lang, "events").get("strong_patterns") or {}
    return tuple((re.compile(p), kind) for kind, ps in table.items() for p in ps)


@lru_cache(maxsize=None)
def _meta(lang: str, key: str = "narration_meta") -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in lexicons.load(lang, "events").get(key) or [])


LABEL = re.compile(r"^\W*([^\W\d][\w' ]{0,28}?)\s*:")
# a page's label standing alone ("Plot:", "Trama (fonte X):"): it introduces what follows, it tells nothing
LABEL_ONLY = re.compile(r"^\W*([^\W\d][\w']*(?: [\w']+){0,2})\s*(?:\([^()]{0,60}\))?\s*:\s*$")


# a list of words or a title before a colon ("Vida, dolores, desafíos:"), not someone speaking ("Anna dice:")
STANDFIRST = re.compile(r"^([^:.!?]{3,60}):\s*(.+)")


@lru_cache(maxsize=None)
def _relatives(lang: str) -> frozenset[str]:
    return frozenset(w for w in lexicons.load(lang, "events").get("relative_pronouns") or [] if " " not in w)


@lru_cache(maxsize=None)
def _teasers(lang: str) -> tuple[str, ...]:
    return tuple(fold(w) + " " for w in lexicons.load(lang, "events").get("teaser_heads") or [])


@lru_cache(maxsize=None)
def _labels(lang: str) -> dict[str, str]:
    table = lexicons.load(lang, "events").get("line_labels") or {}
    return {" ".join(tokens(fold(w))): kind for kind, ws in table.items() for w in ws}


def strong_kind(text: str, lang: str, *, dated_character: bool = False) -> str | None:
    """production | reception when the sentence is meta prose whatever else it says (a runtime, a rating,
    a first-person opinion, historians' debate, a publication note, a credit or a study prompt, a
    "Starring: ..." / "Exercise: ..." line), else None. Quoted speech is ignored: a character saying
    "I think" is still story. A judgement of a person or of history ("without whom ... would never have")
    decides only when the sentence tells no dated event of a character (`dated_character`): "X, born
    on 4 May 1480, without whom ..." tells a birth."""
    only = LABEL_ONLY.match(text)
    if only is not None and not (PRONOUNS & set(tokens(fold(only.group(1))))):
        return "production"  # "She said:" is someone speaking
    lab = LABEL.match(text)
    if lab is not None:
        kind = _labels(lang).get(" ".join(tokens(fold(lab.group(1)))))
        if kind:
            return kind
    teaser = STANDFIRST.match(text)
    if teaser is not None and fold(teaser.group(2)).startswith(_teasers(lang)) and (
            "," in teaser.group(1) or all(w[:1].isupper() for w in teaser.group(1).split())) and not (
            _relatives(lang) & set(tokens(fold(teaser.group(2))))):
        # "Life, pain, challenges: the story of the first woman doctor": the page's teaser. With "..., who
        # founded a school" it still tells an event.
        return "production"
    folded = fold(QUOTED.sub(" ", PAREN.sub(" ", text)))
    toks = tokens(folded)
    flat = " ".join(toks)
    for pat, kind in _patterns(lang):
        if pat.search(flat):
            return kind
    spaced = " ".join(folded.split())  # a list of what someone was needs its commas
    if not dated_character and any(p.search(flat) or p.search(spaced) for p in _meta(lang, "judgement_patterns")):
        return "reception"
    if cues(lang, "events", "strong_reception").find(folded, toks):
        return "reception"
    if cues(lang, "events", "strong_production").find(folded, toks):
        return "production"
    if (cues(lang, "events", "publication").find(folded, toks)
            and cues(lang, "events", "publication_sources").find(folded, toks)):
        return "production"
    return None


@lru_cache(maxsize=None)
def _single_work_words(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicons.load(lang, "events").get("work_refs") or () if w.isalpha())


def _work_refs(folded: str, toks: list[str], lang: str) -> int:
    """Words naming THE work ("the film", "questo romanzo"), not a work a character owns or makes ("his
    first novel", "escribir una novela", "il suo libro"): a single-word reference right after a possessive
    or an indefinite article (or one word after it) does not count."""
    cs = cues(lang, "events", "work_refs")
    n = len(cs.find(folded, toks))
    if not n:
        return 0
    owners = _owner_words(lang)
    works = _own_works(lang)
    if any(t in works and any(w in owners for w in toks[max(0, i - 3):i]) for i, t in enumerate(toks)):
        return 0  # "compone le sue opere ..., dette 'trilogia rurale'": the trilogy is the character's
    frames = _time_frames(lang)
    for i, t in enumerate(toks):
        if cs.label(t) is None:
            continue
        if any(w in owners for w in toks[max(0, i - 2):i]):
            n -= 1
        elif any(tuple(toks[max(0, i - len(f)):i]) == f for f in frames):
            n -= 1  # "Durante el film el viejo pescador recorre ...": the span of story time the telling covers
    return max(0, n)


@lru_cache(maxsize=None)
def _time_frames(lang: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(tokens(fold(w))) for w in lexicons.load(lang, "events").get("work_time_frames") or [])


@lru_cache(maxsize=None)
def _own_works(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicons.load(lang, "events").get("own_works") or [])


@lru_cache(maxsize=None)
def _owner_words(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicons.load(lang, "events").get("work_owner_words") or [])


@lru_cache(maxsize=None)
def _work_subject_re(lang: str) -> re.Pattern | None:
    """"The film ..." / "Il film di X ..." / "La película ..." opening a sentence: the work is the subject."""
    heads = lexicons.load(lang, "events").get("work_subjects") or []
    if not heads:
        return None
    alts = "|".join(re.escape(fold(h)) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"^(?:{alts})\b")


# a release word with one of PRONOUNS (subject and object pronouns of the three languages) is a character's


@lru_cache(maxsize=None)
def _release(lang: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in lexicons.load(lang, "events").get("release_patterns") or [])


@lru_cache(maxsize=None)
def _adverbials(lang: str) -> tuple[str, ...]:
    return tuple(sorted((fold(x) for x in lexicons.load(lang, "events").get("leading_adverbials") or []), key=len,
                        reverse=True))


def work_subject(text: str, lang: str) -> bool:
    """Is THE work the subject of the sentence ("The film recounts ...", "Il film di Bruni non ha nulla di
    sorprendente", "La película obtuvo tres premios")? Checked after leading connectors."""
    pat = _work_subject_re(lang)
    if pat is None:
        return False
    f = " ".join(tokens(fold(PAREN.sub(" ", text[:120]))))
    for w in _adverbials(lang):
        if f.startswith(w + " "):
            f = f[len(w) + 1:]
            break
    return bool(pat.match(f))


def evidence(text: str, lang: str, *, n_characters: int, actor_outside_parens: bool, has_date: bool = False,
             about_work: bool = False) -> tuple[str, str]:
    """(kind, strength) for one sentence. strength: "strong" (a cue that decides whatever else the sentence
    says), "cue" (counted cue words), "story" (story evidence: a character and nothing about the work),
    "dated" (story time stated) or "none" (nothing either way: story by default, open to its paragraph's kind).

    Evidence for "about the work": the work as subject, the work's title (`about_work`), film/crew/cast
    vocabulary, evaluative words, awards for films, the reviewer in first or second person. For story:
    the story's characters, story time. A character's own prize, book or film is story: only THE work
    counts (see _work_refs)."""
    strong = strong_kind(text, lang, dated_character=bool(n_characters and has_date))
    if strong:
        return strong, "strong"
    folded = fold(PAREN.sub(" ", text))
    toks = tokens(folded)
    flat = " ".join(toks)
    if not n_characters and any(p.search(flat) for p in _meta(lang)):
        return "production", "strong"  # "Then the story goes back a few days": how it is told, no one acts
    if not n_characters and any(p.search(flat) for p in _meta(lang, "interpretive_patterns")):
        return "reception", "strong"  # "The journey is thus also a moral one": the writer's reading, no one acts
    if not has_date and any(p.search(flat) for p in _meta(lang, "commentary_patterns")):
        return "reception", "strong"  # "The dry summer was one of the reasons for the famine": an explanation
    if (not has_date and not n_characters and not (PRONOUNS & set(toks))
            and cues(lang, "events", "name_glosses").find(folded, toks)):
        return "production", "strong"  # "Brackwater was the name of the inn nearest the ford": the page explaining
    if not actor_outside_parens and (cues(lang, "events", "story_setting").find(folded, toks)
                                     or cues(lang, "events", "story_opening").find(folded, toks)):
        return "story", "dated"  # "The film is set in X in 1957" / "The film opens in 1987 when ..." state story time
    # evaluative adjectives ("great", "fine") count half: stories use them too ("the great crane")
    rec = len(cues(lang, "events", "reception").find(folded, toks))
    rec += 0.5 * len(cues(lang, "events", "reception_weak").find(folded, toks))
    prod = len(cues(lang, "events", "production").find(folded, toks))
    # "a movie-mad teenager", "a film-buff": a work word opening a compound names no work
    single = _single_work_words(lang)
    glued = re.sub(r"\b(\w+)-(?=\w)", lambda m: m.group(1) if m.group(1) in single else m.group(0), folded)
    work = _work_refs(glued, tokens(glued), lang) + _quoted_title(text) + bool(about_work)
    subject = work_subject(text, lang)
    if subject and n_characters and any(re.search(rf"\b{re.escape(w)}\b", flat)
                                        for w in lexicons.load(lang, "events").get("story_opening_when") or []):
        subject = False  # "La novela retrocede a 1936, cuando Lucía ...": the when-clause tells an event
    awards = len(cues(lang, "events", "film_awards").find(folded, toks))
    if awards and not (n_characters and not work):
        return "reception", "strong"  # "Ganó tres premios Óscar" / "Candidato a cinque David": about the film
    if not n_characters and any(p.search(flat) for p in _release(lang)) and not (PRONOUNS & set(toks)):
        return "production", "strong"  # "Released in Italy on 4 March 1999." / "Estrenada en España el ..."
    if cues(lang, "events", "present_day").find(folded, toks) and not n_characters:
        return "production", "strong"  # "the letters survive and ...", "ahora se denomina": commentary now
    if work or actor_outside_parens:
        # single nouns ("archive", "director", "release") are production only about the work itself
        prod += min(1, work) + len(cues(lang, "events", "production_weak").find(folded, toks))
    if actor_outside_parens:
        rec += 2
    elif n_characters and has_date and rec < 1 and not subject:
        return "story", "dated"  # a character and a date: story time, even if the film is mentioned
    if subject:
        # the work is what the sentence is about: its making, or what someone thinks of it
        return ("reception" if rec >= 0.5 and rec >= prod - 1 else "production"), "strong"
    if prod and prod >= rec and not (n_characters and prod < 2):
        return "production", "cue"
    if rec >= 2 or (rec >= 1 and n_characters == 0):
        return ("reception" if rec > prod or not prod else "production"), "cue"
    if has_date:
        return "story", "dated"
    if n_characters:
        return "story", "story"
    return "story", ("cue" if rec or prod else "none")


def classify(text: str, lang: str, *, n_characters: int, actor_outside_parens: bool,
             has_date: bool = False, about_work: bool = False) -> str:
    """story | production | reception for one sentence. `has_date`: it states a calendar date or year;
    `about_work`: it names the work's title."""
    return evidence(text, lang, n_characters=n_characters, actor_outside_parens=actor_outside_parens,
                    has_date=has_date, about_work=about_work)[0]


NAME_RE = r"[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:de\s+|di\s+|del\s+|da\s+|van\s+|von\s+)?[A-ZÀ-Ý][\w'’.-]+){0,3}"
QUOTED_RE = r"[\"“«][^\"“”«»]{1,120}[\"”»]"


@lru_cache(maxsize=None)
def _framing(lang: str) -> tuple[re.Pattern, ...]:
    table = lexicons.load(lang, "events").get("framing_prefix") or []
    return tuple(re.compile(p.replace("NAME", NAME_RE).replace("QUOTED", QUOTED_RE)) for p in table)


def framing_len(text: str, lang: str) -> int:
    """Length of an opening that only names the work ("In the novel by X, «T»," / "En «T», de X," /
    "Nel romanzo di X «T»"), when a clause of at least four words follows; else 0."""
    if not text:
        return 0
    low = text[0].lower() + text[1:]  # the preposition may be capitalised; names must stay so
    for pat in _framing(lang):
        m = pat.match(low)
        if m is None or m.end() >= len(text):
            continue
        head = fold(m.group(0))
        if not (QUOTE_CHARS.search(m.group(0)) or cues(lang, "events", "work_refs").find(head, tokens(head))):
            continue
        if len(text[m.end():].split()) >= 4 and not text[m.end()].isdigit():
            return m.end()
    return 0


@lru_cache(maxsize=None)
def _author_res(lang: str) -> tuple[re.Pattern, ...]:
    table = lexicons.load(lang, "events").get("author_patterns") or []
    return tuple(re.compile(p.replace("NAME", NAME_RE)) for p in table)


def authors(story: Story) -> set[str]:
    """Names of the people who wrote the work ("the third novel by Helena Marsh", "«T» di Helena Marsh"),
    with their surnames: a sentence about them is about the book, never the story."""
    out: set[str] = set()
    for doc in story.docs:
        for pat in _author_res(doc.lang):
            for m in pat.finditer(doc.clean):
                name = m.group(1).strip(" .")
                if name:
                    out.add(name)
                    out.add(name.split()[-1])
    chars = {n for c in story.characters.values() for n in [c.name, *c.aliases] if c.name not in out}
    return {n for n in out if len(n) > 2 and n not in chars}


def _author_subject(text: str, names: set[str]) -> bool:
    """Does the sentence open with an author ("Marsh è bravissima ...", "Marsh's prose ...")?"""
    return any(text.startswith(n) and (len(text) == len(n) or not text[len(n)].isalnum()) for n in names)


def _crew_pattern(story: Story) -> re.Pattern | None:
    """Names of people behind the work (directors, composers: non-characters of kind actor that no
    character answers to), for "Okafor shoots every night scene by candlelight" = production."""
    chars = {fold(n) for c in story.characters.values() for n in [c.name, *c.aliases]}
    names = {n for n, kind in story.non_characters.items() if kind == "actor" and fold(n) not in chars and len(n) > 2}
    if not names:
        return None
    return re.compile(r"(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")


TITLE_YEAR = re.compile(r"^(.{2,80}?)\s*\(\s*(\d{4})\s*\)")
ALT_TITLE = re.compile(r"^(.{2,80}?)\s*\(([^()\d]{3,80})\)\s*$")  # "The Bicycle Thief (Ladri di biciclette)"


def cast_names(story: Story) -> set[str]:
    return {fold(n) for c in story.characters.values() for n in [c.name, *c.aliases]}


def work_titles(story: Story, doc: str, heads: list[str], names: set[str] | None = None) -> list[str]:
    """Titles of the work a document is about, from its opening heading lines: "Title (2009) ...",
    "Title (Original title)", or a short heading when the document speaks of a film or a book. A title
    that is a character's name ("Federico Lorca" heading a biography) is no title of a work."""
    if not heads:
        return []
    d = story.doc(doc)
    f = fold(d.clean[:4000])
    worky = _work_refs(f, tokens(f), d.lang) > 0
    names = cast_names(story) if names is None else names
    out: list[str] = []
    for h in heads[:3]:
        h = h.strip()
        m = TITLE_YEAR.match(h)
        alt = ALT_TITLE.match(h)
        if m:
            cands = [m.group(1)]
        elif alt:
            cands = [alt.group(1), alt.group(2)]
        elif worky and 2 <= len(h.split()) <= 6:
            cands = [h]  # a one-word heading ("Roma") is too often a place or a name of the story
        else:
            continue
        for c in cands:
            c = c.strip(" .:-–—\"'“”«»")
            if len(c) >= 4 and fold(c) not in names and not any(len(n) > 3 and n in fold(c).split() for n in names):
                out.append(c)
    return out


def _title_re(titles: list[str]) -> re.Pattern | None:
    if not titles:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in sorted(set(titles), key=len, reverse=True))
                      + r")(?!\w)")

