"""Characters stage: cast lines of a listing page — which names are credited actors and which the parts they play.

A cast line is a line opened by a cast label ("Attori: ...", "Cast: ...") or a line of a cast section (the lines
under a heading that is a cast label alone on its line, up to the first prose line or page label). In each item
of such a line (items end at a comma or semicolon) the name before a dash, dots, a colon or the language's "as"
is the actor and the name after it the part: "Ann Lee - Ada Roe", "Ann Lee as Ada Roe", "Ann Lee: Ada Roe"."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .names import Lex, fold, lex

_HEADING = re.compile(r"[ \t*#•|-]*([^\n:]{1,30}?)[ \t]*:?[ \t]*$")
_PROSE_END = re.compile(r"(?<!\b[A-ZÀ-Þ])[.!?][\"”»)]?[ \t]+[A-ZÀ-Þ]|[.!?][ \t]*$")   # a sentence ends inside or at the line's end
_MAX_ITEM_WORDS = 14
# "Vestuario: Ana Ruiz.", "Data uscita: 12 ottobre": one line of a data sheet, a short label and its value
_SHEET_LINE = re.compile(r"[ \t*#•|-]*(?P<label>[^\W\d_][^\W\d_'’-]*(?:[ \t]+[^\W\d_][^\W\d_'’-]*){0,3})[ \t]*:"
                         r"[ \t]+(?P<value>\S[^\n]*)")
# "Ann Lee (Ada Roe)": a name and the name in brackets after it, one item of a credit
_PAIR = re.compile(r"[A-ZÀ-Þ][^()\n,;:]{0,60}\([ \t]*[A-ZÀ-Þ][^()\n]{0,60}\)")
_SHEET_MIN = 3
_LOWER_RUN = re.compile(r"(?<![\w'’])[a-zß-ÿ]{3,}(?![\w'’])")   # the words of prose: "tenta", "della", "moves"
_PROSE_WORDS = 4
_INNER_END = re.compile(r"(?<![\w'’])[a-zß-ÿ]{2,}[.!?][\"”»)]?[ \t]+[A-ZÀ-Þ¿¡\"“«]")   # "... capolavoro. Un film"


@lru_cache(maxsize=None)
def credit_role_sep(lang: str) -> re.Pattern:
    """Between an actor and the part: a dash, dots, a colon, or the language's cast_role_links ("as")."""
    links = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in lex(lang).raw.get("cast_role_links", []))
    return re.compile(rf"[ \t]+(?:[-–—]|\.{{2,}}|…{'|' + links if links else ''})[ \t]+|[ \t]*:[ \t]+")


@lru_cache(maxsize=None)
def _cast_cues(lang: str) -> frozenset:
    return frozenset(fold(w) for w in lex(lang).raw.get("cast_list_cues", []))


@lru_cache(maxsize=16)
def cast_sections(text: str, lang: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(starts, ends) of the line spans that make a cast section: the lines under a cast heading ("Cast",
    "Reparto") while they are short list items, not prose and not another page label (blank lines pass)."""
    L = lex(lang)
    starts: list[int] = []
    ends: list[int] = []
    pos, open_at = 0, -1
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        s, pos = pos, pos + len(raw)
        hm = _HEADING.fullmatch(line)
        label = fold(hm.group(1)) if hm else ""
        if label in _cast_cues(lang):
            open_at = pos
            continue
        if open_at < 0 or not line.strip():
            continue
        if label in L.page_labels or len(line.split()) > _MAX_ITEM_WORDS or _PROSE_END.search(line):
            if open_at < s:
                starts.append(open_at)
                ends.append(s)
            open_at = -1
    if open_at >= 0 and open_at < len(text):
        starts.append(open_at)
        ends.append(len(text))
    return tuple(starts), tuple(ends)


@lru_cache(maxsize=16)
def data_sheet(text: str, lang: str) -> dict[int, int]:
    """Line start -> where its value begins, for the lines of a data sheet: a run of at least three lines
    "Label: value" with different labels, at most one blank line between ("Dirección: ...", "Año: 2001.",
    "Vestuario: ..."). Whatever a page labels so, its names are credits, not people of the story — whatever
    the label says. A script's "Ada: ..." lines are no sheet: their labels are given names and they repeat; a
    value with a past verb narrates ("Exilio: Huyó a Buenos Aires en 1940."): a chronology credits nobody."""
    from .kind_doc import narrates, past_re
    from .names import given_names
    past = past_re(lang)
    out: dict[int, int] = {}
    run: list[tuple[int, int, str]] = []
    blanks, pos = 0, 0

    def close():
        labels = [x[2] for x in run]
        if len(run) >= _SHEET_MIN and len(set(labels)) == len(labels) \
                and not any(lab.split()[0] in given_names() for lab in labels):
            out.update((a, b) for a, b, _ in run if b <= len(text))
    for raw in text.splitlines(keepends=True):
        s, pos = pos, pos + len(raw)
        if not raw.strip():
            blanks += 1
            if blanks > 1:
                close()
                run = []
            continue
        blanks = 0
        m = _SHEET_LINE.match(raw)
        if m and len(m.group("label")) <= 30:
            # a value that reads as prose ("Commento: ... Alex(Daniel Brühl) tenta di ...") credits nobody
            value = m.group("value")
            prose = _INNER_END.search(value) or len(_LOWER_RUN.findall(value)) >= _PROSE_WORDS \
                and not len(_PAIR.findall(value)) >= 2 or narrates(value, text, lang, past)
            run.append((s, len(text) + 1 if prose else s + m.start("value"), fold(m.group("label"))))
        else:
            close()
            run = []
    close()
    return out


def cast_line(text: str, line: int, L: Lex) -> int:
    """Where the items of the cast line starting at `line` begin (after its label), or -1 if it is none.
    A data sheet's line of "Actor (Part)" pairs is one under any label ("Interpretación: Ann Lee (Ada), ...")."""
    m = L.cast_list_re.match(text, line)
    if m:
        return m.end()
    v = data_sheet(text, L.lang).get(line)
    if v is not None:
        end = text.find("\n", v)
        if len(_PAIR.findall(text, v, end if end >= 0 else len(text))) >= 2:
            return v
    starts, ends = cast_sections(text, L.lang)
    i = bisect_right(starts, line) - 1
    return line if i >= 0 and line < ends[i] else -1


def credited_role(text: str, line: int, ns: int, L: Lex) -> bool:
    """Is the name at `ns` the part in its item of a cast line? `line` is where its line starts. Only a cast
    line: "Regia: Ann Lee - USA 1993" credits no part."""
    begin = cast_line(text, line, L)
    if begin < 0 or begin > ns:
        return False
    item = max(begin, text.rfind(",", begin, ns) + 1, text.rfind(";", begin, ns) + 1)
    return credit_role_sep(L.lang).search(text, item, ns) is not None
