"""The birth a biography tells again without a date ("Tomás Brill (4 May 1801 – 9 March 1860) was ...
Born into a wealthy family, Brill led ..."): it is the birth the lifespan after the subject's name states,
not some time after the last date the summary sentence listed. Only the subject's birth: a sentence that
names someone else being born ("his son was born") keeps what the walk gave it.
"""
from __future__ import annotations

import re

from . import datecues as cues
from .dates_narrative import EXPLICIT, _set
from .model import Event, Sentence, TimeExpr

_DASH = re.compile(r"^\s*[-–—]\s*$")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]{2,}")


def _lifespan(sentences: dict[int, Sentence], timex: list[TimeExpr]) -> tuple[TimeExpr, set[str]] | None:
    """The first sentence that opens "Name (birth – death)": the birth date and the name's words."""
    for idx in sorted(sentences)[:3]:
        sent = sentences[idx]
        ts = sorted((t for t in timex if t.sent == idx and t.value is not None and t.kind in EXPLICIT),
                    key=lambda t: t.cstart)
        for a, b in zip(ts, ts[1:]):
            before = sent.text[:a.cstart - sent.cstart]
            if (before.rstrip().endswith("(") and _DASH.match(sent.text[a.cend - sent.cstart:b.cstart - sent.cstart])
                    and sent.text[b.cend - sent.cstart:].lstrip().startswith(")")):
                name = before.rstrip()[:-1]
                words = {w.lower() for w in _NAME_WORD.findall(name) if w[0].isupper()}
                if words and "(" not in name:
                    return a, words
    return None


def births_retold(events: list[Event], sentences: dict[int, Sentence], timex: list[TimeExpr], lang: str) -> None:
    cue = cues.birth_cue(lang)
    life = _lifespan(sentences, timex) if cue is not None else None
    if life is None:
        return
    born, words = life
    for ev in events:
        if ev.kind != "story" or not ev.sources or any(t.kind in EXPLICIT for t in ev.timex):
            continue
        text = ev.sources[0].text or ""
        m = cue.search(text)
        if m is None or not words & {w.lower() for w in _NAME_WORD.findall(text)}:
            continue
        _set(ev, born.value, born.precision, born.text, False)
