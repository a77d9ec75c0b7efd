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


def _strip_leading(text: str, lang: str, timex: list[TimeExpr], offset: int) -> str:
    """Drop complete opening time phrases and connectors: "The next day, they are arrested" -> "They are
    arrested"; "After nine days of rain, the engineer ..." -> "The engineer ..."; never part of a clause."""
    for _ in range(4):
        before = text
        for t in timex:
            rel = t.cstart - offset
            if 0 <= rel <= 12 and re.sub(r"\W+", " ", text[:rel]).strip().lower() in TIME_PREPS:
                rest = text[rel + (t.cend - t.cstart):]
                if _takes_object(t.text, rest, lang):
                    # "Due ore dopo l'arrivo, il direttore ...": the phrase runs to its comma; dropped
                    # whole or not at all, never leaving "l'arrivo il direttore"
                    comma = rest.find(",")
                    if not (0 < comma <= 60 and not re.search(r"[.;:]", rest[:comma])):
                        break
                    rest = rest[comma + 1:]
                # the time phrase must end the opening: followed by a comma or straight by the clause
                text = LEADING_PUNCT.sub("", rest)
                offset = t.cend
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
