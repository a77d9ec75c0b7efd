"""Who takes part in an event: mentions inside its span, groups standing for their members, subject
pronouns standing for the last person or group."""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicons
from .model import Mention, Story
from .textutil import fold, tokens


def _char_ids(story: Story, mentions: list[Mention]) -> set[str]:
    """Who takes part, for comparing tellings: groups stand for their members."""
    out: set[str] = set()
    for m in mentions:
        ch = story.characters.get(m.char_id)
        if ch is None:
            continue
        if ch.is_group:
            out |= set(ch.members) or {"group"}
        else:
            out.add(ch.id)
    return out


def _char_names(story: Story, mentions: list[Mention]) -> list[str]:
    names: list[str] = []
    for m in mentions:
        ch = story.characters.get(m.char_id)
        if ch is None:
            continue
        ids = ch.members if ch.is_group else [ch.id]
        for cid in ids:
            member = story.characters.get(cid)
            if member is not None and not member.is_group and member.name not in names:
                names.append(member.name)
    return names


@lru_cache(maxsize=None)
def _pronouns(lang: str, key: str) -> frozenset[str]:
    # case-folded but NOT accent-folded: Spanish "él" (he) is not the article "el"
    return frozenset(w.casefold() for w in lexicons.load(lang, "events").get(key) or [])


def _subject_names(story: Story, subject: frozenset[str] | None) -> list[str]:
    if not subject:
        return []
    out = []
    for cid in subject:
        ch = story.characters.get(cid)
        if ch is not None and not ch.is_group:
            out.append(ch.name)
    return sorted(out)


# family roles (the language-neutral values of characters.json "family") that tell a person's gender
ROLE_GENDER = {
    "father": "m", "stepfather": "m", "brother": "m", "son": "m", "husband": "m", "grandfather": "m",
    "grandson": "m", "uncle": "m", "nephew": "m", "fiance": "m", "boyfriend": "m", "stepson": "m",
    "mother": "f", "stepmother": "f", "sister": "f", "daughter": "f", "wife": "f", "grandmother": "f",
    "granddaughter": "f", "aunt": "f", "niece": "f", "fiancee": "f", "girlfriend": "f", "stepdaughter": "f",
}
WORD = re.compile(r"[\w'’.]+")


def genders(story: Story) -> dict[str, str]:
    """Character id -> "m" | "f" where something tells it: the characters stage (a `gender` attribute, when
    it gives one), else an honorific or a family word right before a mention ("Miss Vail", "his sister
    Paola", "sua madre Elsie"). Conflicting hints tell nothing."""
    votes: dict[str, set[str]] = {}
    docs = {d.doc: d for d in story.docs}
    for m in story.mentions:
        ch = story.characters.get(m.char_id)
        if ch is None or ch.is_group or m.doc not in docs:
            continue
        hon, fam = _gender_words(docs[m.doc].lang)
        before = [fold(w).rstrip(".") for w in WORD.findall(docs[m.doc].clean[max(0, m.cstart - 30):m.cstart])][-2:]
        inside = [fold(w).rstrip(".") for w in WORD.findall(m.text)][:1]
        for w in inside + before[::-1]:
            g = hon.get(w) or fam.get(w)
            if g:
                votes.setdefault(ch.id, set()).add(g)
                break
    out = {cid: next(iter(gs)) for cid, gs in votes.items() if len(gs) == 1}
    for ch in story.characters.values():
        g = getattr(ch, "gender", None)
        if g in ("m", "f"):
            out[ch.id] = g
    return out


@lru_cache(maxsize=None)
def _gender_words(lang: str) -> tuple[dict[str, str], dict[str, str | None]]:
    lex = lexicons.load(lang, "characters")
    hon = {fold(k).rstrip("."): v for k, v in (lex.get("honorific_gender") or {}).items()}
    fam = {fold(k): ROLE_GENDER.get(v) for k, v in (lex.get("family") or {}).items()}
    return hon, fam


@lru_cache(maxsize=None)
def _table(lang: str, key: str):
    return lexicons.load(lang, "events").get(key) or []


def opens_with_verb(body: str, doc_text: str, lang: str, *, any_verb: bool = False) -> bool:
    """Does a Spanish or Italian clause open with its verb, its subject left out ("Comenzó sus
    investigaciones", "Si trasferisce a Madrid", "Posteriormente consiguió un puesto")? Its first word
    is no noun phrase's (nominal_openers), no presentative verb ("llega la noche"), no proper noun
    written so mid-sentence elsewhere in `doc_text`, no plural noun. With `any_verb` a presentative verb
    ("Torna a Cagliari e ...") and a word hardly longer than a plural ending ("Es nombrada ...") count
    too: the clause tells something happening. Without it they do not, as the subject they would carry is
    often not the last one ("llega la noche", "Es sábado y ...")."""
    if not lexicons.load(lang, "events").get("pro_drop"):
        return False
    words = WORD.findall(body[:80])
    while words and fold(words[0]).endswith("mente"):
        words = words[1:]  # adverbs: "posteriormente consiguió"
    if not words:
        return False
    raw = words[0].rstrip(".")
    w = fold(raw)
    if w in _folded(lang, "presentative_verbs") and not any_verb:
        # "llega la noche" has its subject after the verb; "murió en Osel" has none there
        nxt = fold(words[1]) if len(words) > 1 else ""
        if nxt and nxt not in _folded(lang, "presentative_then_subjectless"):
            return False
    if w in _folded(lang, "nominal_openers") or not w.isalpha() or len(w) < 2:
        return False
    if raw[0].isupper() and re.search(rf"[a-zà-ÿ,;] {re.escape(raw)}\b", doc_text):
        return False  # a proper noun ("Italia acaba de ..."), written so in mid-sentence elsewhere
    # plural nouns and adjectives ("Pequeños temblores", "Pochi giorni") are no verbs
    return not any(w.endswith(e) and (len(w) > len(e) + 1 or not any_verb)
                   for e in _table(lang, "plural_noun_endings"))


@lru_cache(maxsize=None)
def _folded(lang: str, key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _table(lang, key))


@lru_cache(maxsize=None)
def _opening_preps(lang: str) -> frozenset[str]:
    lex = lexicons.load(lang, "events")
    return frozenset(fold(p) for p in (lex.get("opening_prepositions") or []) + (lex.get("time_prepositions") or []))


@lru_cache(maxsize=None)
def _place_relatives(lang: str) -> tuple[str, ...]:
    cuts = lexicons.load(lang, "events").get("clause_cuts") or {}
    return tuple(sorted({fold(w) for w in cuts.get("place_relatives", [])}, key=len, reverse=True))


@lru_cache(maxsize=None)
def _unnamed_cues(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    lex = lexicons.load(lang, "characters")
    return (frozenset(fold(w) for w in lex.get("indefinite_articles") or ()),
            frozenset(fold(w) for w in lex.get("role_nouns") or ()))


def opening_phrase_len(body: str, lang: str) -> int:
    """How much of a clause an opening prepositional phrase takes, up to its comma ("In a letter to his
    friend Father Osti, dated 3 May 1613, he defended ...", "With the help of Lia, he reached ..."): 0 when
    the clause does not open with a preposition (opening_prepositions, time_prepositions) or the phrase
    runs on without a comma. A participle aside inside the phrase ("dated 3 May 1613,") belongs to it."""
    from .clauses import rules  # clauses imports nothing from here; a late import keeps it that way
    f = fold(body[:60])
    if not any(f.startswith(p + " ") for p in _opening_preps(lang)):
        return 0
    participle = rules(lang).participle
    commas = [m.end() for m in re.finditer(",", body[:160])]
    for k, end in enumerate(commas):
        nxt = re.match(r"\s*([\w'’]+)", body[end:])
        w = fold(nxt.group(1)) if nxt else ""
        if participle is not None and w and participle.fullmatch(w) and k + 1 < len(commas):
            continue
        return end
    return 0


class Tracker:
    """Who the story was last about, in one document: the persons mentioned most recently (by gender when
    known), the last group or pair of co-subjects, and the last subject. Subject pronouns ("she", "lui",
    "ellos"), pair words ("the two", "i due", "ambos") and, in Spanish and Italian, a clause opening with
    its verb ("Comenzó sus estudios", "Si trasferisce a Roma") stand for them."""

    def __init__(self, story: Story, lang: str, gender: dict[str, str]):
        self.story, self.lang, self.gender = story, lang, gender
        self.recent: list[str] = []          # person ids, most recent last
        self.plural: list[str] = []          # the last group's members or co-subjects
        self.subject: list[str] = []         # the last subject's person ids
        self.unnamed = False                 # the last subject is a person the story has not named
        self.pron_gender = {k.casefold(): v for k, v in (lexicons.load(lang, "events").get("pronoun_gender") or {}).items()}
        self.pairs = tuple(fold(w) for w in _table(lang, "pair_words"))
        self.openers = frozenset(fold(w) for w in _table(lang, "nominal_openers"))
        self.pro_drop = bool(lexicons.load(lang, "events").get("pro_drop"))
        self.presentative = frozenset(fold(w) for w in _table(lang, "presentative_verbs"))

    def persons(self, mentions: list[Mention]) -> list[str]:
        out: list[str] = []
        for m in mentions:
            ch = self.story.characters.get(m.char_id)
            if ch is None:
                continue
            for cid in (ch.members if ch.is_group else [ch.id]):
                member = self.story.characters.get(cid)
                if member is not None and not member.is_group and cid not in out:
                    out.append(cid)
        return out

    def relational(self, before_subject: str) -> bool:
        """Is the subject named through someone else ("Her mother Ilse ...", "Su padre Adamo ...")? Then
        the pronouns that follow still point to that someone: the story's topic does not change."""
        lex = lexicons.load(self.lang, "characters")
        poss = {fold(k) for k in (lex.get("possessives") or {})}
        fam = {fold(k) for k in (lex.get("family") or {})}
        words = tokens(fold(before_subject))
        return any(w in poss for w in words) and any(w in fam for w in words)

    def see(self, mentions: list[Mention], subject: list[str] | None, relational: bool = False) -> None:
        """Record an event's mentions (in text order) and its subject (kept as the topic for pronouns unless
        it was named through a relation to the topic)."""
        for m in mentions:
            ch = self.story.characters.get(m.char_id)
            if ch is not None and ch.is_group and ch.members:
                self.plural = [c for c in ch.members if c in self.story.characters]
        for cid in self.persons(mentions):
            if cid in self.recent:
                self.recent.remove(cid)
            self.recent.append(cid)
        if subject and not relational:
            self.unnamed = False
            self.subject = list(subject)
            if len(subject) >= 2:
                self.plural = list(subject)

    def pronoun(self, word: str) -> list[str]:
        """The persons a subject pronoun stands for: plural -> the last group (or co-subjects); a gendered
        one -> the last subject if it matches, else the most recent person of that gender."""
        g = self.pron_gender.get(word.casefold())
        if g == "p":
            return list(self.plural) or list(self.subject)
        if self.unnamed:
            return []  # "A speech doctor tells the king ... He has Bertie ...": he is the doctor, no one named
        return self._one(g)

    def opens_unnamed(self, body: str) -> bool:
        """Does the clause open with a new person the story does not name ("A speech doctor tells Tom ...",
        "Un médico le dice a Tomás ...", "Una vicina racconta")? That person is its subject (a name after it
        is an object), and the topic: the pronouns and dropped subjects after it stand for no one named."""
        indef, roles = _unnamed_cues(self.lang)
        words = tokens(fold(body[:60]))
        return bool(words) and words[0] in indef and any(w in roles for w in words[1:4])

    def see_unnamed(self) -> None:
        self.unnamed, self.subject = True, []

    def _one(self, g: str | None) -> list[str]:
        """The person a singular pronoun of gender `g` stands for: the last subject unless known to differ
        (a biography's "she" is its subject, not the mother just named), else the most recent person not
        known to differ."""
        fits = [c for c in self.subject if g is None or self.gender.get(c, g) == g]
        if len(self.subject) == 1 and fits:
            return fits
        for cid in reversed(self.recent):
            if g is None or self.gender.get(cid, g) == g:
                return [cid]
        return []

    def pair(self, body: str) -> list[str] | None:
        """"The two leave the city" / "Los dos dejaron" / "I due partono": the last pair."""
        f = " ".join(tokens(fold(body[:40])))
        if not any(f == p or f.startswith(p + " ") for p in self.pairs):
            return None
        if len(self.plural) == 2:
            return list(self.plural)
        return self.recent[-2:] if len(self.recent) >= 2 else None

    def dropped_subject(self, body: str, doc_text: str) -> list[str] | None:
        """Spanish and Italian leave the subject out: a clause whose first word is not a noun phrase's
        ("Comenzó sus investigaciones", "Si trasferisce a Madrid", "Posteriormente consiguió un puesto")
        has the last subject's."""
        f = fold(body.lstrip())
        for rel in _place_relatives(self.lang):
            if f.startswith(rel + " "):
                body = body.lstrip()[len(rel) + 1:]  # "dove visse con la figlia Anna": lived - the last subject
                break
        if self.unnamed or not self.subject or not opens_with_verb(body, doc_text, self.lang):
            return None
        return list(self.subject)

    def aside_subject(self, after_name: str, subject: list[str]) -> tuple[bool, list[str]]:
        """A name followed by a bare participle ("Anna morta nel 1629", "Ana, muerta en 1629") has no finite
        verb of its own: it is a side note about that person (or an absolute clause before the main one),
        and the story's topic stays. Returns (aside, the topic when the main clause after the comma drops
        its subject: "Anna morta nel 1629, si ammalò" - he fell ill, not Anna)."""
        from .clauses import rules  # clauses imports nothing from here; a late import keeps it that way
        r = rules(self.lang)
        if (r.participle is None or r.needs_time or not self.subject or not subject
                or set(subject) <= set(self.subject)):
            return False, []
        m = re.match(r"\s*,?\s*(\w+)", after_name)
        w = fold(m.group(1)) if m else ""
        if not (m and m.group(1)[:1].islower() and r.participle.fullmatch(w) and w not in r.not_participles):
            return False, []
        comma = after_name.find(",", m.end())
        rest = after_name[comma + 1:] if comma >= 0 else ""
        return True, (list(self.subject) if rest.strip() and opens_with_verb(rest.strip(), "", self.lang) else [])

    def possessive(self, body: str) -> list[str]:
        """An event naming nobody but opening on a possessive ("his family moves", "qualcuno ruba il suo
        modello") involves the person it points to."""
        poss = {fold(k): v for k, v in (lexicons.load(self.lang, "characters").get("possessives") or {}).items()}
        for w in tokens(fold(body))[:8]:
            g = poss.get(w)
            if g is None:
                continue
            if g == "p":
                return list(self.plural) or list(self.subject)
            return self._one(g if g in ("m", "f") else None)
        return []


def full_names(story: Story) -> tuple[re.Pattern | None, dict[str, str]]:
    """One pattern for the full names (two words or more) of the cast, and name -> character id."""
    ids = {ch.name: ch.id for ch in story.characters.values()
           if not ch.is_group and " " in ch.name and len(ch.name) >= 6}
    if not ids:
        return None, {}
    alts = "|".join(re.escape(n) for n in sorted(ids, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)"), ids


def full_names_in(names: tuple[re.Pattern | None, dict[str, str]], text: str, known: set[str]) -> list[str]:
    """Characters whose full name stands in `text` although no mention was given for it there: every
    source of an event counts. `names` comes from full_names(story)."""
    pat, ids = names
    if pat is None:
        return []
    out = []
    for m in pat.finditer(text):
        cid = ids[m.group()]
        if cid not in known and cid not in out:
            out.append(cid)
    return out
