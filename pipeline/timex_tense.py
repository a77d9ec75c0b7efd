"""The tense a time expression is told in, for deictic and partial dates in a dated document.

"Apple announced Friday that it will give ..." is last Friday, "The trial is set to begin on Wednesday" the
next one; "In December sales fell" (in a January article) is last December. A tagger would read the verb
that governs the expression; without one, the nearest tense cue of the sentence (a past or future verb
form from the language's `past_cues` / `future_cues`) decides, which is that verb in almost all news and
letter sentences. A word that is both ("planned") counts as future: the future list is the specific one. The lead word of
the expression, when it has a direction ("until Friday", "desde junio"), comes first.

A present tense nearer than any past form ("The summit opens on Friday", "La cumbre se abre el viernes")
tells what is scheduled: in news it points forward, like a future. Reporting verbs ("says", "dice") are no
present cue of the `present_cues` tables: "Holt says Friday that ..." is read by its other verbs.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicons


@lru_cache(maxsize=None)
def _cues(lang: str) -> tuple[re.Pattern | None, ...]:
    tab = lexicons.load(lang if lang in lexicons.LANGS else "en", "temporal").get("timex", {})
    return tuple(re.compile(tab[k], re.IGNORECASE) if tab.get(k) else None
                 for k in ("future_cues", "past_cues", "future_leads", "past_leads", "present_cues"))


def _nearest(pat: re.Pattern | None, text: str, start: int, end: int) -> int | None:
    if pat is None:
        return None
    best = None
    for m in pat.finditer(text):
        if m.end() <= start:
            d = start - m.end()
        elif m.start() >= end:
            d = m.start() - end
        elif m.start() < start:
            d = 0  # a verb group running into the expression ("se celebrará el 12 de octubre")
        else:
            continue  # the expression's own words ("next Friday") are no verb
        if best is None or d < best:
            best = d
    return best


def tense(lang: str, text: str, start: int, end: int) -> int:
    """+1 when the sentence speaks of the future at text[start:end], -1 of the past, 0 when it gives no cue."""
    fut_pat, past_pat, fut_lead, past_lead, pres_pat = _cues(lang)
    # the word the expression hangs on says it first: "until Friday", "para el 3 de junio", "since June"
    head = text[max(0, start - 20):start]
    if fut_lead is not None and fut_lead.search(head):
        return 1
    if past_lead is not None and past_lead.search(head):
        return -1
    fut, past = _nearest(fut_pat, text, start, end), _nearest(past_pat, text, start, end)
    pres = _nearest(pres_pat, text, start, end)
    if pres is not None and (past is None or pres < past) and (fut is None or pres < fut):
        fut = pres  # scheduled: forward
    if fut is None and past is None:
        return 0
    if past is None or (fut is not None and fut <= past):
        return 1
    return -1
