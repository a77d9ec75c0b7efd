"""Kinds decided over a whole document rather than one sentence: sections under a heading about the work,
captions of the page's pictures and links, remarks from today in a document told in the past, paragraphs
about the work as a whole (see kind.py for one sentence's evidence)."""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicons
from .participants import opens_with_verb
from .textutil import fold, tokens

# subject and object pronouns of the three languages: someone the sentence speaks of
PRONOUNS = frozenset("he she they him her them his ella ellos ellas lui lei loro egli essa".split())
# the subject pronouns among them: "She said:" is someone speaking, no label of a data sheet
SUBJECT_PRONOUNS = frozenset("he she they ella ellos ellas lui lei egli essa".split())
QUOTE_CHARS = re.compile(r"[\"“”«»]")


@lru_cache(maxsize=None)
def _section_heads(lang: str) -> tuple[tuple[str, str], ...]:
    table = lexicons.load(lang, "events").get("section_headings") or {}
    return tuple((kind, " ".join(tokens(fold(w)))) for kind, ws in table.items() for w in ws)


@lru_cache(maxsize=None)
def _furniture(lang: str, key: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in lexicons.load(lang, "events").get(key) or [])


STOPPED = re.compile(r"[.!?…:;]\W*$")


def captions(rows: list[tuple[int, int, bool, str]], lang: str) -> set[int]:
    """Sentences that caption something of the page, by their shape: a line of its own without a final
    stop next to a picture counter ("(3 of 7)"), the sentence just before a link call ("Clicca qui >>")
    in its paragraph, and the calls themselves ("Read more", "Visit our history section for more!").
    They label a picture or a link, or speak to the reader; they do not tell the story."""
    counters, calls = _furniture(lang, "gallery_counters"), _furniture(lang, "link_calls")
    readers = _furniture(lang, "reader_calls")
    flat = [" ".join(tokens(fold(text))) for _, _, _, text in rows]
    size: dict[int, int] = {}
    for _, para, _, _ in rows:
        size[para] = size.get(para, 0) + 1
    out: set[int] = set()
    for k, (idx, para, is_head, text) in enumerate(rows):
        if is_head:
            continue
        if any(p.search(flat[k]) for p in (*calls, *readers)):
            out.add(idx)  # "Read more", "¡Visita nuestra sección de historia!": the page speaking to its reader
            continue
        near = [j for j in (k - 1, k + 1) if 0 <= j < len(rows) and rows[j][1] != para]
        if (size[para] == 1 and not STOPPED.search(text)
                and any(p.search(flat[j]) for j in near for p in counters)):
            out.add(idx)
        elif k + 1 < len(rows) and rows[k + 1][1] == para and any(p.search(flat[k + 1]) for p in calls):
            out.add(idx)
    return out


def section_kinds(rows: list[tuple[int, int, bool, str]], lang: str, names: frozenset[str] | set[str] = frozenset()
                  ) -> dict[int, str]:
    """The kind of the sentences under a heading that names a section about the work ("¿Por qué ver
    …?", "Para pensar", "Recensione", "Cast"), up to the next heading. `rows`: (sentence idx, paragraph,
    is a heading, text) in telling order; a line that is a paragraph of its own and names such a section is
    its heading even when it ends in a question mark. What such a section says of the characters ("Alex
    teme que su madre ...", a question for the class) is a reading of the work, not the story told again."""
    size: dict[int, int] = {}
    for _, para, _, _ in rows:
        size[para] = size.get(para, 0) + 1
    out: dict[int, str] = {}
    current: str | None = None
    for idx, para, is_head, text in rows:
        flat = " ".join(tokens(fold(text)))
        # a single word names the section only alone ("Crítica", "Cast": not "Opinión pública"); a phrase
        # may go on with the work's title ("¿Por qué ver Good Bye, Lenin?")
        named = next((k for k, w in _section_heads(lang)
                      if flat == w or (" " in w and flat.startswith(w + " "))), None)
        if is_head or (size[para] == 1 and named and len(flat.split()) <= 8):
            current = named
            if named and not is_head:
                out[idx] = named
        elif current:
            out[idx] = current
    for idx in captions(rows, lang) | figure_notes(rows, lang) | data_sheet(rows, lang, names):
        out.setdefault(idx, "production")
    for idx in present_remarks(rows, lang):
        out.setdefault(idx, COMMENTARY)
    return out


# "Label: value" - a label of one to four words without digits (a year opening a chronology is no label)
LABEL_LINE = re.compile(r"^\W*([^\W\d_]+(?:[ '’-][^\W\d_]+){0,3})\s*:\s*(\S.*)$", re.S)
SHEET_RUN = 3  # three labelled lines in a row are a data sheet; one or two may be someone speaking
SHEET_VALUE_WORDS = 12


def data_sheet(rows: list[tuple[int, int, bool, str]], lang: str, names: frozenset[str] | set[str] = frozenset()
               ) -> set[int]:
    """Lines of a page's data sheet ("Director: X.", "Year: 2001.", "Costumes: Y.", "Cast: A (B), C (D)"):
    a run of at least three "Label: value" lines, each value short or a list, with no past verb, no
    subject pronoun, no opening verb and no quotation (a chronology or a dialogue tells the story), the
    label no character's name (a script's speakers). Whatever the label words, such a run describes the work, not the story."""
    past = past_re(lang)
    whole = " ".join(text for _, _, _, text in rows)
    marks: list[int | None] = []
    for idx, _, is_head, text in rows:
        m = None if is_head else LABEL_LINE.match(text.strip())
        ok = m is not None
        if ok:
            label, value = fold(m.group(1)), m.group(2)
            words = value.split()
            listed = "," in value or "(" in value or "/" in value
            ok = (label not in names and not (SUBJECT_PRONOUNS & set(tokens(label)))
                  and (len(words) <= SHEET_VALUE_WORDS or listed) and not narrates(value, whole, lang, past))
        marks.append(idx if ok else None)
    out: set[int] = set()
    run: list[int] = []
    for idx in marks + [None]:
        if idx is None:
            if len(run) >= SHEET_RUN:
                out |= set(run)
            run = []
        else:
            run.append(idx)
    return out


def narrates(value: str, whole: str, lang: str, past: re.Pattern | None = None) -> bool:
    """Does the value of a "Label: value" line tell something (a past verb, a subject pronoun, an opening verb,
    a quotation)? Then the line belongs to a chronology or a dialogue, not to a data sheet."""
    past = past_re(lang) if past is None else past
    return bool(QUOTE_CHARS.search(value) or (past is not None and past.search(value))
                or SUBJECT_PRONOUNS & set(tokens(fold(value)))
                or (value[:1].islower() and opens_with_verb(value, whole, lang, any_verb=True)))


# the strength of a sentence whose characters are all owners ("X's letters survive in ..."): story evidence in
# its paragraph, but a remark from today when it has no past verb
OWNED = "owned"

# a section kind for a sentence that is commentary unless it has story evidence of its own (see paragraph_kinds)
COMMENTARY = "commentary"
PAST_SHARE = 0.6  # a document with at least this share of its sentences in a past tense narrates in the past


def _told_in_past(rows: list[tuple[int, int, bool, str]], lang: str) -> tuple[list[tuple[int, str]], set[int]] | None:
    """(full sentences, those with a past verb) of a document told in the past, else None."""
    past = past_re(lang)
    body = [(idx, text) for idx, _, is_head, text in rows if not is_head and len(text.split()) >= 5]
    if past is None or len(body) < 4:
        return None
    pasts = {idx for idx, text in body if past.search(text)}
    if len(pasts) < PAST_SHARE * len(body):
        return None
    return body, pasts


def figure_notes(rows: list[tuple[int, int, bool, str]], lang: str) -> set[int]:
    """Paragraphs of a document told in the past that have no past verb and end without a final stop
    ("Their routes; the double line marks the first voyage. The dotted line traces the second"): the
    page's note on a map or a picture, written from today and set apart as a caption. Both shapes are
    needed: a present-tense paragraph alone may be the story told in the historical present, a line
    without a stop alone may be a title."""
    told = _told_in_past(rows, lang)
    if told is None:
        return set()
    past = past_re(lang)
    by_para: dict[int, list[tuple[int, bool, str]]] = {}
    for idx, para, is_head, text in rows:
        by_para.setdefault(para, []).append((idx, is_head, text))
    out: set[int] = set()
    for sents in by_para.values():
        if any(is_head for _, is_head, _ in sents) or len(" ".join(t for *_, t in sents).split()) < 5:
            continue
        if STOPPED.search(sents[-1][2]) or any(past.search(t) or QUOTE_CHARS.search(t) for *_, t in sents):
            continue
        out |= {idx for idx, _, _ in sents}
    return out


def present_remarks(rows: list[tuple[int, int, bool, str]], lang: str) -> set[int]:
    """Sentences of a document told in the past that have no past verb ("Miseno offers a fine view of the
    gulf", "The route is 30 km long"): the writer's remark from today, not a moment of the story. Only
    full sentences (five words, a final stop, no question)."""
    told = _told_in_past(rows, lang)
    if told is None:
        return set()
    body, pasts = told
    whole = " ".join(text for _, _, _, text in rows)
    # "They built their glider ...": a pronoun is someone acting, whatever the tense; so is a Spanish or
    # Italian sentence opening with its verb ("Regresa a Sevilla y ...": its subject is left out)
    # speech keeps its own tense ("«Come back now», ..."): only the writer's own sentences are remarks
    return {idx for idx, text in body if idx not in pasts and STOPPED.search(text) and not text.rstrip().endswith("?")
            and not QUOTE_CHARS.search(text) and not (PRONOUNS & set(tokens(fold(text))))
            and not opens_with_verb(text, whole, lang, any_verb=True)}


@lru_cache(maxsize=None)
def past_re(lang: str) -> re.Pattern | None:
    pat = (lexicons.load(lang, "temporal").get("timex") or {}).get("past_cues")
    forms = lexicons.load(lang, "events").get("past_forms") or []
    words = [r"\w+" + re.escape(w[1:]) if w.startswith("-") else re.escape(w) for w in forms]
    alts = [p for p in (pat, r"\b(?:" + "|".join(words) + r")\b" if words else None) if p]
    return re.compile("|".join(alts), re.IGNORECASE) if alts else None


def paragraph_kinds(items: list[tuple[int, int, str, str]], sections: dict[int, str] | None = None) -> dict[int, str]:
    """Kinds decided per paragraph as well as per sentence. `items`: (sentence idx, paragraph, kind,
    strength, see evidence()) in telling order. A paragraph whose sentences about the work (an opinion among them,
    or two at least) outnumber its sentences with story evidence is about the work as a whole: its neutral sentences ("La música
    acompaña.") take the paragraph's kind; when they outnumber the story ones three to one, even a
    sentence naming a character does ("Espósito es un personaje complejo"), unless it states a date."""
    out = {idx: kind for idx, _, kind, _ in items}
    by_para: dict[int, list[tuple[int, str, str]]] = {}
    for idx, para, kind, strength in items:
        by_para.setdefault(para, []).append((idx, kind, strength))
    for rows in by_para.values():
        if len(rows) < 2:
            continue
        meta = [k for _, k, _ in rows if k != "story"]
        story_ev = sum(1 for _, k, s in rows if k == "story" and s in ("story", "dated", OWNED))
        if len(meta) <= story_ev or (len(meta) < 2 and "reception" not in meta):
            continue  # one remark on the making or on history ("It became the symbol of ...") is no review
        kind = max(("reception", "production"), key=lambda k: (meta.count(k), k == "reception"))
        wholly = len(meta) >= 3 * max(1, story_ev) and len(meta) >= 3
        for idx, k, s in rows:
            if k == "story" and (s in ("none", "cue") or (wholly and s == "story")):
                out[idx] = kind
    strength = {idx: s for idx, _, _, s in items}
    for idx, kind in (sections or {}).items():
        if kind == COMMENTARY:
            if out.get(idx) == "story" and strength.get(idx) in ("none", "cue", OWNED):
                out[idx] = "production"  # a remark from today with no character and no date: commentary
        elif out.get(idx) == "story":
            out[idx] = kind
    return out
