"""Event categories from language-independent concepts, weighted by where they stand in the clause."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from . import lexicons
from .textutil import concepts_in, fold, tokens

@lru_cache(maxsize=None)
def _categories() -> dict[str, str]:
    return json.loads((lexicons.HERE / "categories.json").read_text(encoding="utf-8"))["categories"]


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
            for c in concepts_in(lang, f):
                out[c] = out.get(c, 0.0) + (2.0 if main else 1.0) * (2.0 if c in strong else 1.0)
    return out
