"""Page lines the dates stage keeps out of story time: a publication dateline opening a document, a listing
field's date value, a posting day after page furniture. Read before the walk (dates_walk.py)."""
from __future__ import annotations

from .datecues import weekday_names
from .model import Sentence, TimeExpr


def datelines(orphans: list[TimeExpr], sentences: dict[int, Sentence], lang: str) -> set[int]:
    """"Sunday, October 02, 2011" opening a document: when it was published, not when its story happens.

    A sentence among the first two that is nothing but a weekday and a dated day, or the first line that is
    nothing but a full date; a heading that frames the story ("España, 1944.") names no weekday."""
    days = weekday_names(lang)
    out: set[int] = set()
    if days is None:
        return out
    for t in orphans:
        sent = sentences.get(t.sent)
        if sent is None or t.precision != "day" or t.sent > 1:
            continue
        rest = (sent.text[:t.cstart - sent.cstart] + sent.text[t.cend - sent.cstart:]).strip(" ,.;:-–—")
        m = days.fullmatch(rest.strip()) if rest else None
        if m is not None or (days.search(t.text) and not rest):
            out.add(t.sent)
        elif not rest and t.sent == 0 and t.year is not None and not sent.text.rstrip().endswith("."):
            # "21 abril 2009" alone, unpunctuated, atop a page: a post's date line (a heading that frames the
            # story states a place or a year and ends as a sentence: "España, 1944.")
            out.add(t.sent)
    return out


def field_dates(orphans: list[TimeExpr], sentences: dict[int, Sentence], lang: str, production,
                story_sents: set[int]) -> set[int]:
    """Lines that are nothing but a dated day (and perhaps its weekday) and belong to the page, not the story.

    A listing gives a field's value on the line after its label ("- Estreno en España" / "- 05/06/1950"): a
    date-only line right after a production line is that production's date. A weekday and a day alone after
    page furniture (a byline, a comment counter: no story event) is when the text was posted, wherever it
    stands. `production(sent_idx)` says whether a sentence is production; `story_sents` hold story events."""
    days = weekday_names(lang)
    out: set[int] = set()
    for t in sorted(orphans, key=lambda t: t.sent):
        sent = sentences.get(t.sent)
        if sent is None or t.precision != "day":
            continue
        rest = (sent.text[:t.cstart - sent.cstart] + sent.text[t.cend - sent.cstart:]).strip(" ,.;:-–—")
        weekday = bool(days is not None and (days.fullmatch(rest) if rest else days.search(t.text)))
        if rest and not weekday:
            continue
        prev = t.sent - 1
        if production(prev) or prev in out or (weekday and prev not in story_sents):
            out.add(t.sent)
    return out
