"""Small text helpers shared by the events, fuse and order stages."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import lexicons

WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Casefold and strip accents, so cue words match across MT spelling noise."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


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

    def label(self, token: str) -> str | None:
        """The label of a folded token, or None."""
        hit = self.words.get(token)
        if hit is not None:
            return hit
        for k in range(min(len(token), self.maxlen), 2, -1):
            hit = self.prefixes.get(token[:k])
            if hit is not None:
                return hit
        return None

    def find(self, folded: str, tokens: list[str]) -> list[str]:
        """Labels of every cue in a folded text (one per hit)."""
        out = [lab for t in tokens if (lab := self.label(t)) is not None]
        if self.phrases:
            joined = f" {' '.join(tokens)} "
            out += [lab for p, lab in self.phrases if f" {p} " in joined]
        return out


@lru_cache(maxsize=None)
def cues(lang: str, topic: str, key: str) -> CueSet:
    table = lexicons.load(lang, topic).get(key) or lexicons.load("en", topic).get(key) or []
    return CueSet(table)


def tokens(folded: str) -> list[str]:
    return WORD.findall(folded)
