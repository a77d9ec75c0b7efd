"""Stage: events. One event per story sentence (or per clause that carries its own time).

Each event gets a kind (story / production / reception, from cue lexicons and from actor names
used outside parentheses), a headline, a summary, a category (from language-independent
concepts), its characters (mentions inside its span, groups expanded to members, a subject
pronoun falling back to the previous event's people) and places.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache

from . import lexicons
from .model import Event, Mention, Sentence, Source, Story, TimeExpr
from .textutil import cues, fold, tokens

TITLE_MAX = 90
SUMMARY_MAX = 320
PAREN = re.compile(r"\s*\([^()]{0,120}\)")
LEADING_PUNCT = re.compile(r"^[\s,;:.\-–—\"'“”«»]+")


@lru_cache(maxsize=None)
def _categories() -> dict[str, str]:
    return json.loads((lexicons.HERE / "categories.json").read_text(encoding="utf-8"))["categories"]


@lru_cache(maxsize=None)
def _words(lang: str, key: str) -> tuple[str, ...]:
    table = lexicons.load(lang, "events").get(key) or []
    # longest first so "in the meantime" wins over "in"
    return tuple(sorted((fold(w) for w in table), key=len, reverse=True))


def _index(items, key):
    out = defaultdict(list)
    for it in items:
        out[key(it)].append(it)
    return out


def _actor_pattern(story: Story) -> re.Pattern | None:
    names = {c.actor for c in story.characters.values() if c.actor}
    names |= {n for n, kind in story.non_characters.items() if kind == "actor" and " " in n}
    names = {n for n in names if len(n) > 3}
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")


QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]{1,200})[\"“”«»]")
TITLE_QUOTE = re.compile(r"[\"“«][A-ZÀ-Ý¿¡][^\"“”«»]*\s[^\"“”«»]*[\"”»]|[\"“«][^\"“”«»]{1,80}[\"”»]\s*\(\d{4}\)")


@lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[tuple[re.Pattern, str], ...]:
    table = lexicons.load(lang, "events").get("strong_patterns") or {}
    return tuple((re.compile(p), kind) for kind, ps in table.items() for p in ps)


@lru_cache(maxsize=None)
def _meta(lang: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in lexicons.load(lang, "events").get("narration_meta") or [])


LABEL = re.compile(r"^\W*([^\W\d][\w' ]{0,28}?)\s*:")


@lru_cache(maxsize=None)
def _labels(lang: str) -> dict[str, str]:
    table = lexicons.load(lang, "events").get("line_labels") or {}
    return {" ".join(tokens(fold(w))): kind for kind, ws in table.items() for w in ws}


def strong_kind(text: str, lang: str) -> str | None:
    """production | reception when the sentence is meta prose whatever else it says (a runtime, a rating,
    a first-person opinion, historians' debate, a publication note, a credit or a study prompt, a
    "Starring: ..." / "Exercise: ..." line), else None. Quoted speech is ignored: a character saying
    "I think" is still story."""
    lab = LABEL.match(text)
    if lab is not None:
        kind = _labels(lang).get(" ".join(tokens(fold(lab.group(1)))))
        if kind:
            return kind
    folded = fold(QUOTED.sub(" ", PAREN.sub(" ", text)))
    toks = tokens(folded)
    flat = " ".join(toks)
    for pat, kind in _patterns(lang):
        if pat.search(flat):
            return kind
    if cues(lang, "events", "strong_reception").find(folded, toks):
        return "reception"
    if cues(lang, "events", "strong_production").find(folded, toks):
        return "production"
    if (cues(lang, "events", "publication").find(folded, toks)
            and cues(lang, "events", "publication_sources").find(folded, toks)):
        return "production"
    return None


def classify(text: str, lang: str, *, n_characters: int, actor_outside_parens: bool,
             has_date: bool = False) -> str:
    """story | production | reception for one sentence. `has_date`: it states a calendar date or year."""
    strong = strong_kind(text, lang)
    if strong:
        return strong
    folded = fold(PAREN.sub(" ", text))
    toks = tokens(folded)
    if not n_characters and any(p.search(" ".join(toks)) for p in _meta(lang)):
        return "production"  # "Then the story goes back a few days": how it is told, no one acts
    if not actor_outside_parens and (cues(lang, "events", "story_setting").find(folded, toks)
                                     or cues(lang, "events", "story_opening").find(folded, toks)):
        return "story"  # "The film is set in X in 1957" / "The film opens in 1987 when ..." state story time
    # evaluative adjectives ("great", "fine") count half: stories use them too ("the great crane")
    rec = len(cues(lang, "events", "reception").find(folded, toks))
    rec += 0.5 * len(cues(lang, "events", "reception_weak").find(folded, toks))
    prod = len(cues(lang, "events", "production").find(folded, toks))
    work = len(cues(lang, "events", "work_refs").find(folded, toks)) + bool(TITLE_QUOTE.search(text))
    if work or actor_outside_parens:
        # single nouns ("archive", "director", "release") are production only about the work itself
        prod += min(1, work) + len(cues(lang, "events", "production_weak").find(folded, toks))
    if actor_outside_parens:
        rec += 2
    elif n_characters and has_date and rec < 1:
        return "story"  # a character and a date: story time, even if the film is mentioned
    if prod and prod >= rec and not (n_characters and prod < 2):
        return "production"
    if rec >= 2 or (rec >= 1 and n_characters == 0):
        return "reception" if rec > prod or not prod else "production"
    return "story"


NAME_RE = r"[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:de\s+|di\s+|del\s+|da\s+|van\s+|von\s+)?[A-ZÀ-Ý][\w'’.-]+){0,3}"
QUOTED_RE = r"[\"“«][^\"“”«»]{1,120}[\"”»]"
QUOTE_CHARS = re.compile(r"[\"“”«»]")


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


COLON = re.compile(r"(?<=\w)[:—–]\s+(?=\w)")


@lru_cache(maxsize=None)
def _final_re(lang: str) -> re.Pattern | None:
    words = lexicons.load(lang, "events").get("final_connectors") or []
    if not words:
        return None
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"[,;]?\s+(?=(?:{alts})\b)", re.I)


def _parts(sent: Sentence, clean: str, lang: str = "en") -> list[tuple[int, int]]:
    """Clause spans, further cut at a colon or dash between two statements and before "and finally" /
    "y al final" / "e alla fine": what follows is a later moment, told in the same breath."""
    spans = [(c.cstart, c.cend) for c in sent.clauses] or [(sent.cstart, sent.cend)]
    final = _final_re(lang)
    out = []
    for a, b in spans:
        cut = a
        cuts = list(COLON.finditer(clean, a, b))
        if final is not None:
            cuts += list(final.finditer(clean, a, b))
        finals = {m.start() for m in cuts if m.re is not COLON}
        for m in sorted(cuts, key=lambda m: m.start()):
            if m.start() < cut:
                continue
            # after "e alla fine" the connector's own words don't count: "e alla fine hanno successo" stays whole
            need = 6 if m.start() in finals else 4
            if len(clean[cut:m.start()].split()) >= 4 and len(clean[m.end():b].split()) >= need:
                out.append((cut, m.start() + 1))
                cut = m.end()
        out.append((cut, b))
    return out


def _spans(sent: Sentence, clean: str, timex: list[TimeExpr], lang: str, sent_kind: str,
           n_chars, actor_out) -> list[tuple[int, int, str]]:
    """Events in a sentence as (cstart, cend, kind): parts of one kind stay together unless a later
    part carries its own time, which makes it an event of its own."""
    start = sent.cstart
    frame = framing_len(clean[sent.cstart:sent.cend], lang)
    if frame:
        # "In the novel by X, «T», the inspector investigates ... on 3 November 1952": the framing says
        # which work; the clause after it is judged on its own (a character and a date make it story)
        start = sent.cstart + frame
        sent_kind = classify(clean[start:sent.cend], lang, n_characters=n_chars(start, sent.cend),
                             actor_outside_parens=actor_out(start, sent.cend),
                             has_date=any(start <= t.cstart < sent.cend and t.kind in DATED for t in timex))
    parts = [(max(a, start), b) for a, b in _parts(sent, clean, lang) if b > start + 1]
    if len(parts) == 1:
        return [(parts[0][0], parts[0][1], sent_kind)]
    out: list[list] = []
    for a, b in parts:
        # a clause opening with its own time ("and that evening ...") is an event of its own;
        # a time inside a subordinate aside is not
        own_time = any(a <= t.phrase_start <= a + 12 for t in timex) or _opens_with_time(clean[a:b], [], a, lang)
        kind = classify(clean[a:b], lang, n_characters=n_chars(a, b), actor_outside_parens=actor_out(a, b))
        if kind == "story" and not own_time and sent_kind != "story":
            kind = sent_kind
        if out and not own_time and clean[max(0, a - 3):a].strip().endswith(":"):
            kind = out[-1][2]  # what follows a colon says more of the same, unless it has its own time
        if out and out[-1][2] == kind and not (own_time and kind == "story" and a > start):
            out[-1][1] = b
        else:
            out.append([a, b, kind])
    return [tuple(x) for x in out]


TIME_PREPS = ("", "on", "in", "at", "the", "el", "la", "en", "il", "nel", "nell", "a", "al", "alle", "la", "l",
              "lo", "de", "del", "di", "during")


def _strip_leading(text: str, lang: str, timex: list[TimeExpr], offset: int) -> str:
    """Drop complete opening time phrases and connectors: "The next day, they are arrested" -> "They are
    arrested"; "After nine days of rain, the engineer ..." -> "The engineer ..."; never part of a clause."""
    for _ in range(4):
        before = text
        for t in timex:
            rel = t.phrase_start - offset  # the phrase with its lead word: "On 3 May," is dropped whole
            if 0 <= rel <= 12 and re.sub(r"\W+", " ", text[:rel]).strip().lower() in TIME_PREPS:
                rest = text[rel + (t.phrase_end - t.phrase_start):]
                if _takes_object(text[rel:rel + (t.phrase_end - t.phrase_start)], rest, lang):
                    # "Due ore dopo l'arrivo, il direttore ...": the phrase runs to its comma; dropped
                    # whole or not at all, never leaving "l'arrivo il direttore"
                    comma = rest.find(",")
                    if not (0 < comma <= 60 and not re.search(r"[.;:]", rest[:comma])):
                        break
                    rest = rest[comma + 1:]
                # the time phrase must end the opening: followed by a comma or straight by the clause
                text = LEADING_PUNCT.sub("", rest)
                offset = t.phrase_end
                break
        f = fold(text)
        for w in _words(lang, "leading_time_units"):
            # "after + noun phrase," is one unit: dropped whole up to its comma, or kept whole
            if f.startswith(w) and len(f) > len(w) and not f[len(w)].isalnum():
                comma = text.find(",", len(w))
                if 0 < comma <= 80 and not re.search(r"[.;:]", text[:comma]):
                    text = LEADING_PUNCT.sub("", text[comma + 1:])
                break
        f = fold(text)
        for w in _words(lang, "leading_adverbials"):
            if f.startswith(w) and (len(f) == len(w) or not f[len(w)].isalnum()):
                text = LEADING_PUNCT.sub("", text[len(w):])
                break
        if text == before:
            break
    return text


POSTPOSITIONS = ("after", "before", "dopo", "prima", "despues", "antes")


def _takes_object(time_text: str, rest: str, lang: str) -> bool:
    """Does a time phrase ending in after/dopo/después go on with its object ("two hours after the
    arrival")? Seen from the article that follows it."""
    words = tokens(fold(time_text))
    if not words or words[-1] not in POSTPOSITIONS:
        return False
    nxt = tokens(fold(rest[:20]))
    arts = set(_words(lang, "object_articles"))
    return bool(nxt) and nxt[0] in arts and not rest.lstrip().startswith(",")


APPOSITIVE = re.compile(r", ((?:[^,;:()]+?\s){0,3}[^,;:()\s]+), ")
CONJ = r"(?:and|or|y|o|e|ed|u|oppure|nor|ni|ne)"
LIST_AFTER = re.compile(rf"^[^,;:.]*,\s*{CONJ}\s|^[^,;:.]*\s{CONJ}\s[^,;:.]*(?:[.;:]|$)")
UPPER_WORD = re.compile(r"(?<![\w'])[A-ZÀ-Ý]")


CLAUSE_END = re.compile(r",\s+(?:and|but|while|which|who|whereas|y|pero|mientras|que|quien|e|ma|mentre|che|"
                        r"mentre|cuando|quando|when)\s")


def _drop_appositive(t: str) -> str:
    """Drop the first short aside that is safe to drop: not a list item ("A, B, C and D"), not a name."""
    for m in APPOSITIVE.finditer(t):
        inner, rest = m.group(1), t[m.end():]
        if UPPER_WORD.search(inner):
            continue  # "el conductor Paco Ibarra" is a person of its own, not an aside
        head = re.split(r"[,;:.]", rest, maxsplit=1)[0]
        if UPPER_WORD.match(rest) or (len(head.split()) <= 4 and UPPER_WORD.search(head) and "," in rest):
            continue  # ", the priest, Father Baltazar, threatens": dropping would glue two clauses
        nxt = re.split(r"[,;:.]", rest, maxsplit=1)[0]
        if re.search(rf",\s*{CONJ}\s", rest) or (re.search(rf"\s{CONJ}\s", " " + nxt) and len(nxt.split()) <= 6):
            continue  # a list item
        return t[:m.start()] + " " + t[m.end():]
    return t


def _opening_when(text: str, lang: str) -> str:
    """"The film opens in 1987 in Valencia, when X leaves prison" -> "X leaves prison"."""
    f = fold(text)
    if not cues(lang, "events", "story_opening").find(f, tokens(f)[:5]):
        return text
    for w in _words(lang, "story_opening_when"):
        m = re.search(rf",\s+{re.escape(w)}\s+", f)
        if m and len(text) - m.end() >= 15:
            return text[m.end():]
    return text


def headline(text: str, lang: str, timex: list[TimeExpr], cstart: int) -> str:
    """A slide title: leading time adverbials and connectors, asides in brackets and, when too
    long, short appositives (", the mine superintendent,") dropped; cut before a colon or at a clause if still long."""
    t = _strip_leading(_opening_when(text, lang), lang, timex, cstart)
    t = t.strip()
    if t.startswith("(") and t.rstrip(". ").endswith(")"):
        t = t.strip("(). ")
    prev = None
    while prev != t:  # nested brackets go inner first
        prev, t = t, PAREN.sub("", t)
    t = re.sub(r"\s+", " ", t).strip().rstrip(".;:, ")
    if not t:
        t = re.sub(r"\s+", " ", text).strip()
    t = t[0].upper() + t[1:] if t else t
    while len(t) > TITLE_MAX:
        shorter = _drop_appositive(t)
        if shorter == t:
            break
        t = re.sub(r"\s+", " ", shorter)
    if len(t) > TITLE_MAX:
        colon = t.find(": ")
        if 20 <= colon < TITLE_MAX:
            return t[:colon]
        # cut at the end of a clause (before "; " or ", and/but/which ..."), never inside an aside
        cut = max(t.rfind("; ", 0, TITLE_MAX - 1),
                  max((m.start() for m in CLAUSE_END.finditer(t, 0, TITLE_MAX + 8) if m.start() < TITLE_MAX - 1),
                      default=-1))
        if cut >= 50:
            t = t[:cut]
        else:
            t = t[:TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(",;: ") + "…"
    return t[:TITLE_MAX]


def summarize(text: str, actors: re.Pattern | None) -> str:
    s = text
    if actors is not None:
        s = re.sub(r"\s*\((" + actors.pattern + r")\)", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    if len(s) > SUMMARY_MAX:
        s = s[:SUMMARY_MAX - 1].rsplit(" ", 1)[0] + "…"
    return s


def category(concepts: list[str] | dict[str, float]) -> str:
    """The most cued category; on a tie the one cued first. Concepts of category "other" never decide.
    A dict gives each concept a weight (see concept_weights); a list counts each hit once."""
    cats = _categories()
    items = concepts.items() if isinstance(concepts, dict) else ((c, 1.0) for c in concepts)
    counts: dict[str, float] = {}
    for c, w in items:
        cat = cats.get(c, "other")
        if cat != "other":
            counts[cat] = counts.get(cat, 0.0) + w
    if not counts:
        return "other"
    top = max(counts.values())
    return next(cat for cat, n in counts.items() if n == top)


@lru_cache(maxsize=None)
def _strong() -> frozenset[str]:
    return frozenset(json.loads((lexicons.HERE / "categories.json").read_text(encoding="utf-8")).get("strong", []))


@lru_cache(maxsize=None)
def _cut_re(lang: str) -> re.Pattern:
    """Where a main clause ends: punctuation that opens an aside, or a subordinating connector /
    relative pronoun (per-language list in concepts.json). Bare "that/que/che" is left out on purpose:
    it mostly introduces a reported fact ("learns that he has died") that is the event itself."""
    words = lexicons.load(lang, "concepts").get("connectors") or []
    def alt(ws):
        return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) or "(?!)"
    comma = [w for w in words if w.startswith(",")]
    bare = [w for w in words if not w.startswith(",")]
    # connectors first: ", que ..." is a relative clause, not a plain comma
    return re.compile(r"(?:(?<!\w)(?:" + alt(bare) + r")|(?:" + alt(comma) + r"))(?!\w)|[,;:()\[\]]|\s[–—-]\s", re.I)


def _clauses(text: str, lang: str, start: int) -> list[tuple[int, int, bool]]:
    """Split `text` (names already blanked) from `start` into (a, b, is_main) pieces. A piece opened by a
    connector or relative pronoun ("while ...", ", who ...", "cuando ...") is subordinate up to the next
    punctuation; so is a parenthesis and a short comma-led appositive (", now thirteen,", ", il dottor X,").
    Any other piece is main clause: the one before the connector, the one after the aside, the one after a
    colon or semicolon ("The twist comes late: the killer is X")."""
    cut = _cut_re(lang)
    out: list[tuple[int, int, bool]] = []
    if start > 0:
        out.append((0, start, False))  # the opening time phrase
    pos, opener, n = start, "", len(text)
    while pos < n:
        m = cut.search(text, pos)
        end = m.start() if m else n
        seg = text[pos:end]
        if opener.lstrip(", ")[:1].isalpha():
            main = False
        elif opener in ("(", "["):
            main = False
        elif opener == "," and m is not None and m.group() in (",", "(") and len(tokens(fold(seg))) <= 4:
            main = False  # an appositive between commas
        elif opener in ("-", "–", "—") or opener.strip() in ("-", "–", "—"):
            main = False
        else:
            main = True
        if seg.strip():
            out.append((pos, end, main))
        if m is None:
            break
        g = m.group()
        if g.lstrip(", ")[:1].isalpha():
            opener = g  # the connector opens the next piece
        elif g in (")", "]"):
            opener = ","  # what follows a parenthesis continues the clause around it
        elif g in (",", ";", ":", "(", "["):
            # punctuation after a subordinate piece returns to the main clause unless a connector follows
            opener = g
        else:
            opener = g.strip()
        pos = max(m.end(), pos + 1)
    return out


def concept_weights(text: str, lang: str, start: int = 0) -> dict[str, float]:
    """Concepts of a clause weighted by where they stand: 2 in the main clause, 1 elsewhere (time phrase,
    subordinate clauses, asides); concepts listed as "strong" in categories.json (mostly actions: arrest,
    marry, die, win) count double. Main-clause concepts come first so they win ties."""
    cs = cues(lang, "concepts", "concepts")
    strong = _strong()
    pieces = _clauses(text, lang, start)
    if not any(main for _, _, main in pieces):
        pieces = [(a, b, True) for a, b, _ in pieces]  # a bare subordinate fragment: nothing outranks
    out: dict[str, float] = {}
    for want_main in (True, False):
        for a, b, main in pieces:
            if main != want_main:
                continue
            f = fold(text[a:b])
            for c in cs.find(f, tokens(f)):
                out[c] = out.get(c, 0.0) + (2.0 if main else 1.0) * (2.0 if c in strong else 1.0)
    return out


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


HEADING_END = re.compile(r"[.!?…:;,\"'”»)\]]\s*$")
YEAR_TAIL = re.compile(r"\s*\(\s*\d{4}\s*\)\s*$")  # "The Lantern Keeper (2019)": a title line
HEADING_MAX_WORDS = 10
DATED = ("date", "month", "season", "year", "decade")


def headings(sents: list[Sentence], busy: frozenset[int] | set[int] = frozenset()) -> set[int]:
    """Sentence.idx of headings: a short line without final punctuation that is a paragraph of its own
    ("Chapter Nine", "Lezione 7 – La rivolta", "L'alluvione di Valmora"), or a very short label opening a
    paragraph ("Background.", "Course of the strike.", "Capitolo 7.") even with its full stop, and a
    title line right after such a label. `busy`: sentences naming a character or stating a date, which
    are never labels. Never events."""
    out: set[int] = set()
    for k, s in enumerate(sents):
        first = k == 0 or sents[k - 1].para != s.para or sents[k - 1].idx in out
        last = k + 1 == len(sents) or sents[k + 1].para != s.para
        alone = first and last
        text = YEAR_TAIL.sub("", s.text)
        n = len(text.split())
        if not text:
            continue
        if alone and n <= HEADING_MAX_WORDS and not HEADING_END.search(text):
            out.add(s.idx)
        elif (first and s.idx not in busy and not HEADING_END.search(text.rstrip(".").rstrip())
              and (n <= LABEL_MAX_WORDS if text.rstrip().endswith(".") else n <= HEADING_MAX_WORDS)
              and (not last or not text.rstrip().endswith("."))
              and text.rstrip().count(".") <= 1 and text[:1].isupper()
              and not (PRONOUN_WORDS & set(tokens(fold(text))))):
            # a label inside a paragraph: "Aftermath. In 1903 ..." / "Capitolo 7. Lo sciopero ..."
            out.add(s.idx)
    return out


# "She dies." is a clause, not a label: any subject pronoun of the three languages rules a label out
PRONOUN_WORDS = frozenset({"he", "she", "they", "it", "we", "i", "you", "el", "ella", "ellos", "ellas", "lui", "lei",
                           "loro", "io", "noi", "yo", "nosotros", "egli", "essa", "esso"})
LABEL_MAX_WORDS = 4  # "Course of the strike." - longer sentences ending in a full stop are statements


@lru_cache(maxsize=None)
def _pronouns(lang: str, key: str) -> frozenset[str]:
    # case-folded but NOT accent-folded: Spanish "él" (he) is not the article "el"
    return frozenset(w.casefold() for w in lexicons.load(lang, "events").get(key) or [])


def _lead_len(text: str, lang: str, tx: list[TimeExpr], cstart: int) -> int:
    """How many characters of `text` the opening time phrase and connectors take."""
    rest = _strip_leading(text, lang, tx, cstart)
    return len(text) - len(rest)


def run(story: Story) -> Story:
    mentions = _index(story.mentions, lambda m: (m.doc, m.sent))
    places = _index(story.place_mentions, lambda m: (m.doc, m.sent))
    timex = _index(story.timex, lambda t: (t.doc, t.sent))
    actors = _actor_pattern(story)
    crew = _crew_pattern(story)
    writers = authors(story)
    doc_rank = {d.doc: i for i, d in enumerate(story.docs)}
    events: list[Event] = []
    for doc in story.docs:
        lang = doc.lang
        pronouns = _pronouns(lang, "subject_pronouns")
        plural = _pronouns(lang, "plural_pronouns")
        prev_story: Event | None = None
        n_in_doc = 0
        sents = story.sentences_of(doc.doc)
        busy = {k[1] for k in mentions if k[0] == doc.doc} | {
            k[1] for k, ts in timex.items() if k[0] == doc.doc and any(t.kind in DATED for t in ts)}
        heads = headings(sents, busy)
        label = ""
        for sent in sents:
            if sent.idx in heads:
                label = sent.text.strip()  # an era/act label for the events under it, not an event
                continue
            key = (doc.doc, sent.idx)
            sent_tx = timex.get(key, [])
            outside = PAREN.sub(" ", sent.text)
            actor_out = bool(actors and actors.search(outside))
            sent_m = mentions.get(key, [])
            kind = classify(sent.text, lang, n_characters=len(sent_m), actor_outside_parens=actor_out,
                            has_date=any(t.kind in DATED for t in sent_tx))
            if kind == "story" and writers and _author_subject(
                    _strip_leading(sent.text, lang, sent_tx, sent.cstart), writers):
                kind = "reception"  # about the author's craft, not the story
            if kind == "story" and crew is not None:
                body = _strip_leading(sent.text, lang, sent_tx, sent.cstart)
                if crew.match(body) and not any(m.cstart - sent.cstart <= len(sent.text) - len(body) + 2
                                                for m in sent_m):
                    kind = "production"  # the subject is the director or another crew member

            def n_chars(a, b, ms=sent_m):
                return sum(a <= m.cstart < b for m in ms)

            def actor_in(a, b):
                return bool(actors and actors.search(PAREN.sub(" ", doc.clean[a:b])))

            main: Event | None = None
            for cstart, cend, kind, role in _asides(_spans(sent, doc.clean, sent_tx, lang, kind, n_chars, actor_in),
                                                    doc.clean, sent_tx, lang):
                if role == "cont" and main is not None:
                    _continue(main, doc, cstart, cend, sent, sent_tx, mentions.get(key, []), story, actors)
                    continue
                text = doc.clean[cstart:cend].strip()
                lead = len(doc.clean[cstart:cend]) - len(doc.clean[cstart:cend].lstrip())
                cstart += lead
                cend = cstart + len(text)
                folded = fold(text)
                toks = tokens(folded)
                if len(toks) < 3:
                    continue
                ms = [m for m in sent_m if cstart <= m.cstart < cend]
                tx = [t for t in sent_tx if cstart <= t.cstart < cend]
                # names are not vocabulary: "Hope", "King" or "Hunter" must not read as concepts
                masked = text
                for m in ms + [p for p in places.get(key, []) if cstart <= p.cstart < cend]:
                    a, b = m.cstart - cstart, m.cend - cstart
                    if 0 <= a < b <= len(masked):
                        masked = masked[:a] + " " * (b - a) + masked[b:]
                mfold = fold(masked)
                concepts = cues(lang, "concepts", "concepts").find(mfold, tokens(mfold))
                names = [n for n in _char_names(story, ms) if n not in writers]
                # the subject: a name or a pronoun opening the clause once its time phrase is dropped
                lead_n = _lead_len(text, lang, tx, cstart)
                body_at = cstart + lead_n
                pron, pron_at = None, None
                for k, w in enumerate(WORD_RAW.finditer(text, lead_n)):
                    if k >= 8:
                        break
                    if w.group().casefold() in pronouns or w.group().casefold() in plural:
                        pron, pron_at = w.group().casefold(), cstart + w.start()
                        break
                subj_m = next((m for m in ms if body_at <= m.cstart <= body_at + 40), None)
                subject: frozenset[str] | None = None
                if subj_m is not None and (pron_at is None or subj_m.cstart < pron_at):
                    subject = frozenset(_char_ids(story, [subj_m])) or None
                    pron = None  # a pronoun after the subject is an object or another clause's subject
                elif pron is not None and prev_story is not None:
                    subject = prev_story.extra.get("last_subject", prev_story.extra.get("subject"))
                if kind == "story":
                    if pron is not None and prev_story is not None:
                        before = prev_story.extra.get("subject_names") or prev_story.characters
                        carried = list(before) if pron in plural else list(before)[:1]
                        names = carried + [n for n in names if n not in carried]
                    worthy = names or tx or concepts or len(toks) >= 8
                    if not worthy or len(toks) < 4:
                        continue
                start, end = doc.to_raw(cstart, cend)
                src = Source(doc=doc.doc, lang=lang, start=start, end=end, text=text, sent=sent.idx,
                             order_in_doc=n_in_doc)
                n_in_doc += 1
                place_names = []
                for p in places.get(key, []):
                    if cstart <= p.cstart < cend and p.char_id not in place_names:
                        place_names.append(p.char_id)
                # the main action decides the category: its clause starts after the opening time phrase
                weights = concept_weights(masked, lang, max(body_at - cstart, 0))
                ev = Event(title=headline(text, lang, tx, cstart), summary=summarize(text, actors),
                           kind=kind, category=category(weights) if kind == "story" else kind,
                           characters=names, places=place_names, sources=[src], lang=lang, timex=tx,
                           told=doc_rank[doc.doc] * 1e7 + cstart)
                ev.extra.update(titles={lang: ev.title}, summaries={lang: ev.summary},
                                concepts=set(concepts), char_ids=_char_ids(story, ms), cat_weights=weights,
                                anchors=_anchors(text, ms, tx, lang), doc=doc.doc, cstart=cstart, cend=cend,
                                para=sent.para, subject=subject, own_time=bool(tx) and lead_n > 0 or _opens_with_time(
                                    text, tx, cstart, lang),
                                subject_names=_subject_names(story, subject))
                if label:
                    ev.extra["heading"] = label
                events.append(ev)
                if role == "aside":
                    ev.extra.update(subject=None, own_time=True)  # a flashback aside is a scene of its own
                    ante = [m for m in sent_m if m.cend <= cstart]
                    if ante:  # "the count, who in 1848 had founded ..." is about the count
                        rel = re.sub(r"^\W*\w+\s+", "", text, count=1)
                        ev.title = headline(ante[-1].text + " " + rel, lang, tx, cstart)
                        ev.extra["titles"] = {lang: ev.title}
                        for n in _char_names(story, ante[-1:]):
                            if n not in ev.characters:
                                ev.characters.insert(0, n)
                        ev.extra["char_ids"] = ev.extra["char_ids"] | _char_ids(story, ante[-1:])
                    continue
                main = ev
                if kind == "story":
                    prev_story = ev
    story.events = scenes(events)
    return story


WORD_RAW = re.compile(r"\w+")


@lru_cache(maxsize=None)
def _aside_re(lang: str) -> re.Pattern | None:
    rel = _words(lang, "relative_pronouns")
    if not rel:
        return None
    return re.compile(r",\s+((?:" + "|".join(re.escape(w) for w in rel) + r")\s[^,;:()]{10,160}?),\s", re.I)


def _asides(spans, clean: str, timex: list[TimeExpr], lang: str):
    """A relative aside that carries its own date ("the count, who in 1848 had founded the society,
    proclaimed ...") is an event of its own; the main clause continues after it as a second source."""
    pat = _aside_re(lang)
    for a, b, kind in spans:
        m = pat.search(fold(clean[a:b])) if pat is not None and kind == "story" else None
        if m is not None:
            s, e = a + m.start(1), a + m.end(1)
            if any(s <= t.cstart < e and t.kind in DATED for t in timex) and len(clean[s:e].split()) >= 4:
                yield a, a + m.start(), kind, ""
                yield s, e, kind, "aside"
                yield a + m.end(), b, kind, "cont"
                continue
        yield a, b, kind, ""


def _continue(ev: Event, doc, cstart: int, cend: int, sent: Sentence, sent_tx: list[TimeExpr],
              sent_m: list[Mention], story: Story, actors) -> None:
    """The main clause resumes after an aside: a second source of the same event."""
    text = doc.clean[cstart:cend].strip()
    cstart += len(doc.clean[cstart:cend]) - len(doc.clean[cstart:cend].lstrip())
    cend = cstart + len(text)
    start, end = doc.to_raw(cstart, cend)
    ev.sources.append(Source(doc=doc.doc, lang=doc.lang, start=start, end=end, text=text, sent=sent.idx,
                             order_in_doc=ev.sources[-1].order_in_doc))
    joined = ev.sources[0].text.rstrip(" ,") + " " + text
    ev.title = headline(joined, doc.lang, ev.timex, ev.extra["cstart"])
    ev.summary = summarize(joined, actors)
    ev.extra.update(titles={doc.lang: ev.title}, summaries={doc.lang: ev.summary}, cend=cend)
    ms = [m for m in sent_m if cstart <= m.cstart < cend]
    for n in _char_names(story, ms):
        if n not in ev.characters:
            ev.characters.append(n)
    ev.extra["char_ids"] = ev.extra["char_ids"] | _char_ids(story, ms)
    ev.timex = ev.timex + [t for t in sent_tx if cstart <= t.cstart < cend]
    f = fold(text)
    ev.extra["concepts"] = ev.extra["concepts"] | set(cues(doc.lang, "concepts", "concepts").find(f, tokens(f)))
    ev.extra["anchors"] = ev.extra["anchors"] | _anchors(text, ms, [], doc.lang)
    if ev.kind == "story":
        # the main clause resumes here: its concepts weigh as main-clause ones
        weights = dict(ev.extra.get("cat_weights") or {})
        for c, w in concept_weights(text, doc.lang, 0).items():
            weights[c] = weights.get(c, 0.0) + w
        ev.extra["cat_weights"] = weights
        ev.category = category(weights)


def _opens_with_time(text: str, tx: list[TimeExpr], cstart: int, lang: str = "en") -> bool:
    """Does the text open with its own time ("The next day", or "On the fourth day" that the time
    stage may leave undated)? Two such openings are two moments: never one event."""
    if any(0 <= t.phrase_start - cstart <= 12 for t in tx):
        return True
    f = LEADING_PUNCT.sub("", fold(text))
    return any(p.match(f) for p in _time_openings(lang))


@lru_cache(maxsize=None)
def _time_openings(lang: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in lexicons.load(lang, "events").get("time_openings") or [])


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


def _subject_names(story: Story, subject: frozenset[str] | None) -> list[str]:
    if not subject:
        return []
    out = []
    for cid in subject:
        ch = story.characters.get(cid)
        if ch is not None and not ch.is_group:
            out.append(ch.name)
    return sorted(out)


SCENE_MAX = 2  # sentences; longer runs would swallow separate events


def scenes(events: list[Event]) -> list[Event]:
    """Join a story sentence to the one before it in the same document and paragraph only when it
    carries on the same scene: no time expression of its own and the same subject (a name or a
    pronoun standing for it). A sentence with its own time always starts a new event."""
    out: list[Event] = []
    for ev in events:
        prev = out[-1] if out else None
        if (prev is not None and ev.kind == prev.kind == "story" and not ev.timex and not ev.extra.get("own_time")
                and prev.sources[0].doc == ev.sources[0].doc
                and prev.extra.get("para") == ev.extra.get("para")
                and len(prev.sources) < SCENE_MAX
                and ev.sources[0].sent == prev.sources[-1].sent + 1
                and _same_scene(prev, ev)):
            prev.sources.append(ev.sources[0])
            prev.summary = summarize(prev.summary + " " + ev.summary, None)
            prev.extra["summaries"][prev.lang] = prev.summary
            for c in ev.characters:
                if c not in prev.characters:
                    prev.characters.append(c)
            for p in ev.places:
                if p not in prev.places:
                    prev.places.append(p)
            for k in ("concepts", "char_ids", "anchors"):
                prev.extra[k] = prev.extra[k] | ev.extra[k]
            prev.extra["last_subject"] = ev.extra.get("subject")
            if prev.category == "other":
                prev.category = ev.category
            continue
        out.append(ev)
    return out


def _same_scene(a: Event, b: Event) -> bool:
    subj = b.extra.get("subject")
    last = a.extra.get("last_subject", a.extra.get("subject"))
    return bool(subj) and subj == last


NUM = re.compile(r"\b\d[\d.,]*\b")
CAP = re.compile(r"(?<![\w'])([A-ZÀ-Ý][\w'’-]{2,})")


def _anchors(text: str, ms: list[Mention], tx: list[TimeExpr], lang: str = "en") -> set[str]:
    """Language-neutral tokens two tellings of one event tend to share: numbers and proper nouns."""
    out = {n.replace(",", "").replace(".", "") for n in NUM.findall(text)}
    names = " ".join(m.text for m in ms)
    for m in CAP.finditer(text):
        w = m.group(1)
        if m.start() == 0 or w in names:
            continue
        out.add(fold(w))
    # number words: "the three sisters" / "las tres hermanas" / "le tre sorelle"
    nums = _numbers(lang)
    for w in tokens(fold(text)):
        if w in nums:
            out.add(nums[w])
    # cognates: "campo base" / "base camp", "expedition" / "expedición" share a word start
    for w in tokens(fold(text)):
        if len(w) >= 6 and not w.isdigit():
            out.add("~" + w[:5])
    return {a for a in out if a}


@lru_cache(maxsize=None)
def _numbers(lang: str) -> dict[str, str]:
    table = lexicons.load(lang, "events").get("number_words") or {}
    return {fold(w): n for n, ws in table.items() for w in ws}
