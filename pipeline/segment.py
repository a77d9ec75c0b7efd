"""Stage: segment - sentences and clauses with offsets into the clean and the original text.

A rule-based splitter (pysbd is ~50x slower on long texts): a sentence ends at . ! ? or an
ellipsis (plus closing quotes/brackets) followed by whitespace and an uppercase letter or an
opening quote/bracket, and at every paragraph break. A '.' does not end a sentence after an
abbreviation of the document's language (lexicons/<lang>/segment.json), and after an initial or
an initialism ("J.", "U.S.") only when the next word is a typical sentence starter ("The", "El").
Paragraphs: every line break starts one, except in hard-wrapped text (most lines short and ending
mid-sentence) where only blank lines do.

Clauses: a sentence is cut at ';' and before a connector that starts a new action (", and then",
", pero", " mentre", ... per language), never inside brackets or quotes, never leaving a piece
shorter than three words, never inside an enumeration ("A, B, and C").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from . import lexicons
from .model import Clause, Document, Sentence, Story

_STOP = re.compile(r"(?<![.!?\u2026])[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*+(?=\s|$)")
_OPENERS = "\"'\u201c\u2018\u00ab([\u00bf\u00a1"
_NEXT = re.compile(r"\s+([\"'\u201c\u2018\u00ab(\[\u00bf\u00a1]*)(\w*)")
_INITIALISM = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_LINE = re.compile(r"(?<![ \t\f\v])[ \t\f\v]*(?:\r\n?|\n)\s*")
_BLANK_LINE = re.compile(r"(?<![ \t\f\v])[ \t\f\v]*(?:\r\n?|\n)[ \t\f\v]*(?:\r\n?|\n)\s*")
_WORD = re.compile(r"\w+")
_OPEN_END = ".!?:;\"'\u201d\u2019\u00bb)\u2026"
# a stop glued to the next sentence by a page's markup ("Lenin!Plot", "ends here.Then"): ! or ? before a
# capitalised word, or a '.' between a lowercase word and a capitalised one (not "U.S.", "St.Louis")
_GLUED = re.compile(r"[!?]+(?=[A-ZÀ-Ý][a-zà-ÿ]{2})|(?<=[a-zà-ÿ]{3})\.(?=[A-ZÀ-Ý][a-zà-ÿ]{2})")


@dataclass(frozen=True)
class Rules:
    abbreviations: frozenset[str]
    starters: frozenset[str]
    clause_cut: re.Pattern
    page_label: re.Pattern | None


_RULES: dict[str, Rules] = {}


def _alternation(words: list[str]) -> str:
    words = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)


def rules(lang: str) -> Rules:
    """The compiled segmentation rules of `lang` (built once per language)."""
    if lang not in _RULES:
        table = lexicons.load(lang, "segment") or lexicons.load("en", "segment")
        comma = _alternation(table.get("comma_connectors", []))
        bare = _alternation(table.get("bare_connectors", []))
        parts = [r"(?P<semi>;)\s*"]
        if comma:
            parts.append(rf"(?P<comma>,)\s+(?=(?:{comma})\b)")
        if bare:
            parts.append(rf"(?<!\s)(?P<bare>\s+)(?=(?:{bare})\b)")
        labels = _alternation(table.get("page_labels", []))
        _RULES[lang] = Rules(
            abbreviations=frozenset(a.lower() for a in table.get("abbreviations", [])),
            starters=frozenset(table.get("starters", [])),
            clause_cut=re.compile("|".join(parts)),
            # "Plot (source X): ..." opening a sentence: the page's label, not the story's words
            page_label=re.compile(rf"(?i:{labels})\b\s*(?:\([^()\n]{{0,60}}\))?\s*:\s+(?=\S)") if labels else None,
        )
    return _RULES[lang]


# ---------------------------------------------------------------- sentences

def _is_wrapped(text: str) -> bool:
    """Hard-wrapped prose: many short lines, most of them ending mid-sentence."""
    if text.count("\n") < 6:
        return False
    lines = [ln.rstrip() for ln in text.splitlines() if ln.strip()]
    if len(lines) < 6:
        return False
    lengths = sorted(len(ln) for ln in lines)
    if lengths[int(len(lengths) * 0.9)] > 100 or lengths[len(lengths) // 2] < 30:
        return False
    open_ends = sum(1 for ln in lines if ln[-1] not in _OPEN_END)
    return open_ends > 0.5 * len(lines)


def _ends_sentence(text: str, m: re.Match, end: int, r: Rules) -> bool:
    nxt = _NEXT.match(text, m.end(), end)
    if nxt is None or nxt.end() >= end and not nxt.group(0).strip():
        return False
    opener, word = nxt.group(1), nxt.group(2)
    if not opener and not (word and word[0].isupper()):
        return False
    stop = m.group()
    if stop[0] != "." or stop.startswith(".."):
        return True
    before = text[max(0, m.start() - 40):m.start()]
    token = before.split()[-1] if before and not before[-1].isspace() else ""
    token = token.lstrip(_OPENERS)
    if token.lower() in r.abbreviations:
        return False
    if (len(token) == 1 and token.isalpha()) or _INITIALISM.fullmatch(token):
        return word in r.starters
    return True


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def sentence_spans(text: str, lang: str) -> list[tuple[int, int, int]]:
    """(cstart, cend, paragraph) of every sentence of `text`, in order, trimmed, non-empty."""
    r = rules(lang)
    brk = _BLANK_LINE if _is_wrapped(text) else _LINE
    spans: list[tuple[int, int, int]] = []
    para = 0
    bounds = [(m.start(), m.end()) for m in brk.finditer(text)] + [(len(text), len(text))]
    pos = 0
    for pend, nxt in bounds:
        before = len(spans)
        cut = pos
        stops = {m.end() for m in _GLUED.finditer(text, pos, pend)}
        stops |= {m.end() for m in _STOP.finditer(text, pos, pend) if _ends_sentence(text, m, pend, r)}
        for end in sorted(stops):
            a, b = _trim(text, cut, end)
            if a < b:
                spans.extend((x, y, para) for x, y in _label_split(text, a, b, r))
            cut = end
        a, b = _trim(text, cut, pend)
        if a < b:
            spans.extend((x, y, para) for x, y in _label_split(text, a, b, r))
        if len(spans) > before:
            para += 1
        pos = nxt
    return spans


def _label_split(text: str, a: int, b: int, r: Rules) -> list[tuple[int, int]]:
    """A page label that opens a sentence ("Trama (fonte X): Anna ...") is a sentence of its own."""
    m = r.page_label.match(text, a, b) if r.page_label is not None else None
    if m is None:
        return [(a, b)]
    x, y = _trim(text, a, m.end())
    return [(x, y), _trim(text, m.end(), b)]


# ---------------------------------------------------------------- clauses

def clause_spans(text: str, a: int, b: int, lang: str) -> list[tuple[int, int]]:
    """Clause spans inside the sentence text[a:b]; [(a, b)] when it is not cut."""
    r = rules(lang)
    cands = []
    depth_pos, paren, quote, curly = a, 0, 0, 0
    for m in r.clause_cut.finditer(text, a, b):
        p = m.start()
        # bracket and quote balance up to p, counted incrementally
        paren += text.count("(", depth_pos, p) + text.count("[", depth_pos, p) \
            - text.count(")", depth_pos, p) - text.count("]", depth_pos, p)
        quote += text.count('"', depth_pos, p)
        curly += text.count("\u201c", depth_pos, p) + text.count("\u00ab", depth_pos, p) \
            - text.count("\u201d", depth_pos, p) - text.count("\u00bb", depth_pos, p)
        depth_pos = p
        if paren > 0 or quote % 2 or curly > 0:
            continue
        if m.group("semi"):
            cands.append((p, m.end(), False))
        elif m.group("comma"):
            cands.append((p, m.end(), True))
        else:
            cands.append((p, m.end(), False))
    if not cands:
        return [(a, b)]
    starts = [w.start() for w in _WORD.finditer(text, a, b)]

    def words(x: int, y: int) -> int:
        return bisect_left(starts, y) - bisect_left(starts, x)

    out = []
    cur = a
    for left_end, right_start, is_comma in cands:
        if left_end <= cur or words(cur, left_end) < 3 or words(right_start, b) < 3:
            continue
        if is_comma:
            # "A, B, and C": a short item between two commas is an enumeration, not a new action
            prev = text.rfind(",", cur, left_end)
            if prev >= 0 and words(prev, left_end) <= 3:
                continue
        s, e = _trim(text, cur, left_end)
        out.append((s, e))
        cur = right_start
    s, e = _trim(text, cur, b)
    out.append((s, e))
    return out


# ---------------------------------------------------------------- stage

def segment_document(doc: Document) -> list[Sentence]:
    text = doc.clean or doc.raw
    out = []
    for idx, (cs, ce, para) in enumerate(sentence_spans(text, doc.lang)):
        start, end = doc.to_raw(cs, ce)
        sent = Sentence(doc=doc.doc, lang=doc.lang, idx=idx, cstart=cs, cend=ce, start=start, end=end,
                        text=text[cs:ce], para=para)
        for ks, ke in clause_spans(text, cs, ce, doc.lang):
            kr, ker = doc.to_raw(ks, ke)
            sent.clauses.append(Clause(cstart=ks, cend=ke, start=kr, end=ker, text=text[ks:ke]))
        out.append(sent)
    return out


def run(story: Story) -> Story:
    sentences: list[Sentence] = []
    for doc in story.docs:
        sentences.extend(segment_document(doc))
    story.sentences = sentences
    return story
