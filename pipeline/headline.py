"""Headlines and summaries of events: a slide title in the source's language, leading time phrases and
connectors dropped whole, asides dropped, cut only at a clause or word boundary."""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicons
from .model import TimeExpr
from .textutil import cues, fold, tokens

TITLE_MAX = 90
SUMMARY_MAX = 320
PAREN = re.compile(r"\s*\([^()]{0,120}\)")
LEADING_PUNCT = re.compile(r"^[\s,;:.\-–—\"'“”«»]+")


@lru_cache(maxsize=None)
def _words(lang: str, key: str) -> tuple[str, ...]:
    table = lexicons.load(lang, "events").get(key) or []
    # longest first so "in the meantime" wins over "in"
    return tuple(sorted((fold(w) for w in table), key=len, reverse=True))


TIME_PREPS = ("", "on", "in", "at", "the", "el", "la", "en", "il", "nel", "nell", "a", "al", "alle", "la", "l",
              "lo", "de", "del", "di", "during")


CLOCK = re.compile(r"\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\d{1,2}[:.h]\d{2}\b", re.I)
OPENING_PHRASE_MAX = 8
# a time phrase opened by a preposition is never the subject of the copula after it ("Nel 1638 era cieco")
PREP_LEADS = frozenset(("on", "in", "at", "during", "en", "durante", "nel", "nell", "nella", "al", "alle", "a"))
GOES_ON = re.compile(r"\s*(?:of|de|del|della|dello|delle|dei|degli|di|d'|d’)\s", re.I)
COPULA = re.compile(r"\s*(?:is|was|are|were|es|fue|era|son|è|fu|era|sono)\s", re.I)  # words of an opening adverbial dropped whole up to its comma


def _at(text: str, timex: list[TimeExpr], offset: int) -> list[tuple[int, TimeExpr]]:
    """Time phrases of `timex` found where their offsets put them in `text` (which starts at clean offset
    `offset`): a phrase whose words are not there (a headline built from pieces, an offset off by a few
    characters) is ignored rather than cut at the wrong place ("Ntoine ...")."""
    out = []
    for t in timex:
        core = t.cstart - offset
        rel = t.phrase_start - offset  # the phrase with its lead word: "On 3 May," is dropped whole
        if 0 <= rel <= core < len(text) and text[core:core + (t.cend - t.cstart)] == t.text:
            out.append((rel, t))
    return sorted(out, key=lambda x: x[0])


def _span(t: TimeExpr) -> int:
    return t.phrase_end - t.phrase_start


@lru_cache(maxsize=None)
def _filler(lang: str) -> frozenset[str]:
    """Words an opening time adverbial may hold besides time phrases: prepositions, articles, months."""
    months = {fold(m).rstrip(".") for m in lexicons.load(lang, "temporal").get("months") or []}
    return frozenset(_words(lang, "time_prepositions")) | frozenset(_words(lang, "time_filler")) | frozenset(
        TIME_PREPS) | frozenset(months)


def _opening_adverbial(text: str, lang: str, timex: list[TimeExpr], offset: int) -> int:
    """Length of an opening adverbial of time that runs to a comma and that the time stage may have found
    only in pieces ("At 9:40 pm on 4 May, ..." / "Alle 21:40 del 4 maggio, ..."): it opens with a time
    preposition, holds a time phrase or a clock time and has no more than a few words; 0 if none."""
    comma = text.find(",", 0, 80)
    if comma <= 0 or len(text[:comma].split()) > OPENING_PHRASE_MAX or re.search(r"[.;:()]", CLOCK.sub(" ", text[:comma])):
        return 0
    words = tokens(fold(text[:comma]))
    if not words or words[0] not in _words(lang, "time_prepositions"):
        return 0
    head = text[:comma]
    found = [(rel, t) for rel, t in _at(text, timex, offset) if rel < comma]
    if not (found or CLOCK.search(head)):
        return 0
    # nothing but time in it: "In 1920 the war ended," is a clause, not an adverbial
    for rel, t in sorted(found, key=lambda x: -x[0]):
        head = head[:rel] + " " + head[rel + _span(t):]
    head = CLOCK.sub(" ", head)
    filler = _filler(lang)
    if any(w not in filler and not w.isdigit() for w in tokens(fold(head))):
        return 0
    return comma + 1


def _strip_leading(text: str, lang: str, timex: list[TimeExpr], offset: int) -> str:
    """Drop complete opening time phrases and connectors: "The next day, they are arrested" -> "They are
    arrested"; "After nine days of rain, the engineer ..." -> "The engineer ..."; never part of a clause.
    `offset` is the clean-text offset of text[0]; it follows every cut so later time phrases are found
    where they are."""
    pos = offset

    def cut(k: int) -> None:
        nonlocal text, pos
        rest = text[k:]
        first = re.match(r"\W*(\w+)", text[:k])
        opened_by_prep = bool(first) and first.group(1).casefold() in PREP_LEADS
        if GOES_ON.match(rest) or (not text[:k].rstrip().endswith(",") and not opened_by_prep
                                   and COPULA.match(rest)):
            # "Il 24 agosto del 79 è la data ...", "Alla fine della guerra, ...": the phrase goes on or is
            # the subject; dropping part of it would change what the headline says
            return
        lead = len(rest) - len(LEADING_PUNCT.sub("", rest))
        text, pos = rest[lead:], pos + k + lead

    for _ in range(4):
        before = text
        k = _opening_adverbial(text, lang, timex, pos)
        if k:
            cut(k)
        for rel, t in _at(text, timex, pos):
            if rel > 12 or re.sub(r"\W+", " ", text[:rel]).strip().lower() not in TIME_PREPS:
                continue
            end = rel + _span(t)
            if end < len(text) and text[end].isalnum():
                break  # the phrase ends inside a word: not an opening of its own
            for rel2, t2 in _at(text, timex, pos):
                # "Entre 1940 y 1945 Pedro ...": the second end of a span belongs to the same opening
                if end < rel2 <= end + 6 and text[end:rel2].strip().lower() in RANGE_JOINERS:
                    end = rel2 + _span(t2)
                    break
            else:
                year = RANGE_YEAR.match(text, end)
                first = re.search(r"\d{3,4}", t.text)
                if year and first and int(year.group(1)) > int(first.group()):
                    end = year.end()  # "Entre 1940 y 1945": the second year the time stage left out of the span
            rest = text[end:]
            if _takes_object(text[rel:end], rest, lang):
                # "Due ore dopo l'arrivo, il direttore ...": the phrase runs to its comma; dropped
                # whole or not at all, never leaving "l'arrivo il direttore"
                comma = rest.find(",")
                if not (0 < comma <= 60 and not re.search(r"[.;:]", rest[:comma])):
                    break
                end += comma + 1
            # the time phrase must end the opening: followed by a comma or straight by the clause
            cut(end)
            break
        f = fold(text)
        for w in _words(lang, "leading_time_units"):
            # "after + noun phrase," is one unit: dropped whole up to its comma, or kept whole
            if f.startswith(w) and len(f) > len(w) and not f[len(w)].isalnum():
                comma = text.find(",", len(w))
                if 0 < comma <= 80 and not re.search(r"[.;:]", text[:comma]):
                    cut(comma + 1)
                break
        f = fold(text)
        for w in _words(lang, "leading_adverbials"):
            if f.startswith(w) and (len(f) == len(w) or not f[len(w)].isalnum()):
                cut(len(w))
                break
        if text == before:
            break
    return text


RANGE_YEAR = re.compile(r"\s*(?:and|to|y|a|al|e|ed|-|\u2013)\s*(\d{3,4})\b(?!\s*%)", re.I)
RANGE_JOINERS = frozenset({"and", "to", "y", "a", "al", "e", "ed", "-", "\u2013", "or", "o"})
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
        if inner.split()[-1].casefold() in DANGLING or inner.split()[0].casefold() in ("that", "que", "che"):
            continue  # ", warning the man that, ...": the aside opens what follows, dropping it cuts the sentence
        if re.match(rf"{CONJ}\s", rest) or re.search(rf"(?:^|\s){CONJ}\s", inner):
            continue  # "injuries, accidents and operations, which ..." / "A, B, and C": the tail of a list
        return t[:m.start()] + " " + t[m.end():]
    return t


def _drop_opening_phrase(t: str, lang: str) -> str:
    """"With the help of his friends, A and B, and support from C, the four try out ..." -> "The four try
    out ...": a long opening prepositional phrase goes whole, up to the last comma that still leaves a
    clause of four words or more; cutting the end instead would keep the helpers and lose the event."""
    head = tokens(fold(t[:40]))
    if not any(head[:len(w)] == w for w in (tokens(x) for x in _words(lang, "opening_prepositions"))):
        return t
    commas = [m.end() for m in re.finditer(r",\s+", t)]
    for c in reversed(commas):
        rest = t[c:]
        if len(rest.split()) >= 4 and not re.match(rf"{CONJ}\s", rest):
            if len(re.split(r",\s+", rest)[0].split()) >= 4:
                return rest[0].upper() + rest[1:]
    return t


def _list_before(t: str, m: re.Match) -> bool:
    """Is the ", and ..." of `m` the last member of a list ("injuries, accidents, and operations")? The
    connector is a conjunction and the piece before it is one or two words after another comma."""
    if not re.fullmatch(rf",\s+{CONJ}\s", m.group()):
        return False
    prev = t.rfind(",", 0, m.start())
    return prev >= 0 and len(t[prev + 1:m.start()].split()) <= 2


# a headline cut short never ends on a word that needs a next one ("... which…", "... to the…")
DANGLING = frozenset("the a an of to for and or but which who whom that in on at with by from as his her their its "
                     "el la los las un una unos unas de del y o que en con por para al su sus "
                     "il lo gli le i uno di della dello dei degli delle e ed che con per da su sul sulla alla al "
                     "suo sua suoi sue loro".split())


def _cut_words(t: str, n: int) -> str:
    words = t[:n].rsplit(" ", 1)[0].rstrip(",;: ").split(" ")
    while len(words) > 3 and words[-1].casefold().strip(",;:") in DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;: ")


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
        t = _drop_opening_phrase(t, lang)
    if len(t) > TITLE_MAX:
        colon = t.find(": ")
        if 20 <= colon < TITLE_MAX:
            return t[:colon]
        # cut at the end of a clause (before "; " or ", and/but/which ..."), never inside an aside
        cut = max(t.rfind("; ", 0, TITLE_MAX - 1),
                  max((m.start() for m in CLAUSE_END.finditer(t, 0, TITLE_MAX + 8)
                       if m.start() < TITLE_MAX - 1 and not _list_before(t, m)), default=-1))
        if cut >= 50:
            t = t[:cut]
        else:
            t = _cut_words(t, TITLE_MAX - 1) + "…"
    return t[:TITLE_MAX]


def summarize(text: str, actors: re.Pattern | None) -> str:
    s = text
    if actors is not None:
        s = re.sub(r"\s*\((" + actors.pattern + r")\)", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    if len(s) > SUMMARY_MAX:
        s = s[:SUMMARY_MAX - 1].rsplit(" ", 1)[0] + "…"
    return s
