"""Small text helpers shared by the events, fuse and order stages."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import lexicons

WORD = re.compile(r"\w+", re.UNICODE)


class _FoldTable(dict):
    """str.translate table that strips accents, filled lazily one code point at a time."""

    def __missing__(self, cp: int) -> str:
        out = "".join(c for c in unicodedata.normalize("NFKD", chr(cp)) if not unicodedata.combining(c))
        self[cp] = out
        return out


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Casefold and strip accents, so cue words match across MT spelling noise."""
    text = text.casefold()
    return text if text.isascii() else text.translate(_FOLD)


_UNSEEN = object()


class CueSet:
    """Whole words, prefixes (entries ending in *) and phrases (entries with spaces) of one cue list."""

    def __init__(self, entries: list[str] | dict[str, list[str]]):
        # a dict maps a label to its entries; a list is one unlabelled set
        items = entries.items() if isinstance(entries, dict) else [("", entries)]
        self.words: dict[str, str] = {}
        self.prefixes: dict[str, str] = {}
        self.phrases: list[tuple[str, str]] = []
        for label, words in items:
            for w in words:
                w = fold(w)
                if " " in w or "'" in w or "-" in w:
                    self.phrases.append((" ".join(WORD.findall(w.rstrip("*"))), label))
                elif w.endswith("*"):
                    self.prefixes[w[:-1]] = label
                else:
                    self.words[w] = label
        self.maxlen = max((len(p) for p in self.prefixes), default=0)
        self._seen: dict[str, str | None] = {}
        self._phrase_label = {p: lab for p, lab in self.phrases}
        # one pass for every phrase; the lookahead lets phrases overlap ("the film is set" / "is set in")
        self._phrase_re = re.compile(
            "(?= (" + "|".join(re.escape(p) for p in sorted(self._phrase_label, key=len, reverse=True)) + ") )"
        ) if self.phrases else None

    def label(self, token: str) -> str | None:
        """The label of a folded token, or None."""
        try:
            return self._seen[token]
        except KeyError:
            pass
        hit = self.words.get(token)
        if hit is None:
            for k in range(min(len(token), self.maxlen), 2, -1):
                hit = self.prefixes.get(token[:k])
                if hit is not None:
                    break
        if len(self._seen) < 200_000:  # words repeat; the bound keeps memory flat on huge inputs
            self._seen[token] = hit
        return hit

    def find(self, folded: str, tokens: list[str]) -> list[str]:
        """Labels of every cue in a folded text (one per hit)."""
        seen, out = self._seen, []
        for t in tokens:  # the per-token cache inline: this loop runs for every cue list of every sentence
            lab = seen.get(t, _UNSEEN)
            if lab is _UNSEEN:
                lab = self.label(t)
            if lab is not None:
                out.append(lab)
        if self.phrases:
            joined = f" {' '.join(tokens)} "
            out += [self._phrase_label[m.group(1)] for m in self._phrase_re.finditer(joined)]
        return out


@lru_cache(maxsize=None)
def cues(lang: str, topic: str, key: str) -> CueSet:
    table = lexicons.load(lang, topic).get(key) or lexicons.load("en", topic).get(key) or []
    return CueSet(table)


def tokens(folded: str) -> list[str]:
    return WORD.findall(folded)


@lru_cache(maxsize=None)
def _idioms(lang: str) -> tuple[tuple[str, ...], ...]:
    return tuple(t for t in (tuple(WORD.findall(fold(p))) for p in lexicons.load(lang, "concepts").get("idioms") or [])
                 if t)


def mask_idioms(lang: str, toks: list[str]) -> list[str]:
    """Folded tokens with the words of the language's idioms (concepts.json "idioms") blanked: "a partir de"
    is "from", and its verb must not tell a departure to the concept lookup or the fuse stage."""
    idioms = _idioms(lang)
    if not idioms:
        return toks
    out = list(toks)
    for i in range(len(toks)):
        for p in idioms:
            if tuple(toks[i:i + len(p)]) == p:
                out[i:i + len(p)] = [""] * len(p)
    return out


def concepts_in(lang: str, folded: str) -> list[str]:
    """Concepts (lexicons/<lang>/concepts.json) of a folded text, idioms left out."""
    toks = mask_idioms(lang, tokens(folded))
    return cues(lang, "concepts", "concepts").find(" ".join(toks), toks)
