"""TimeML extents and values of the expressions the temporal stage selected in one sentence.

* the preposition before an expression ("in", "on", "since", "desde", "nell'") is not part of it: it
  becomes `lead`; `pstart`/`pend` keep the whole phrase for stages that cut time phrases out of text;
* a count with a relative tail ("three days later") is a duration plus a signal: the span is the count;
* a part of a period before it ("the end of", "finales de", "fine") and a weekday before a date
  ("Monday, May 4, 1998") belong to the expression;
* every expression gets its TimeML type and value; deictic ones are resolved against the document date.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from . import lexicons, timex_tense, timex_values
from .timex_classes import _alt, _norm

_THE_YEAR = re.compile(r"the (?=\d{4}\Z)", re.IGNORECASE)
DATED = ("date", "month", "season", "year", "decade", "underspecified", "deictic", "quarter", "century",
         "weekday", "ago")


@lru_cache(maxsize=None)
def _tables(lang: str):
    lex = lexicons.load(lang, "temporal")
    tab = lex.get("timex", {})
    leads = tab.get("extent_leads", [])
    glued = [w for w in leads if w.endswith("'")]
    spaced = [w for w in leads if not w.endswith("'")]
    parts = [r"(?:" + _alt(spaced) + r")\s+" if spaced else None, r"(?:" + _alt(glued) + r")" if glued else None]
    alt = "|".join(p for p in parts if p)
    head = re.compile(r"(?:" + alt + r")(?=\S)", re.IGNORECASE) if alt else None
    before = re.compile(r"(?:^|(?<=[\s(\"“«,]))(?:" + alt + r")\s*\Z", re.IGNORECASE) if alt else None
    rel = lex["relative"]
    counts = {_norm(w) for w in list(rel["number_words"]) + list(rel["few_words"])}
    posts = sorted({_norm(w) for w in rel["post_words"]}, key=len, reverse=True)
    post = re.compile(r"\s+(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in posts) + r")(?![\w])",
                      re.IGNORECASE) if posts else None
    part_tab = {_norm(k): v for k, v in tab.get("part_pre", {}).items()}
    # "All’inizio del Novecento": an elided preposition glues to the part word
    part = re.compile(r"(?:^|(?<=[\s(\"“«,'’]))(?P<part>" + _alt(tab.get("part_pre", {})) + r")\s*\Z",
                      re.IGNORECASE) if part_tab else None
    part_head = re.compile(r"(?P<part>" + _alt(tab.get("part_pre", {})) + r")(?:\s+|(?<=-))", re.IGNORECASE)
    dunits = {_norm(k): v for k, v in tab.get("duration_units", {}).items()}
    return head, before, counts, post, part, part_tab, part_head, dunits


@lru_cache(maxsize=None)
def _year_tail(lang: str) -> tuple[re.Pattern | None, dict[str, int]]:
    """"October of next year", "octubre del año que viene": the year a month is told in, after it."""
    tails = {_norm(k): v for k, v in lexicons.load(lang, "temporal").get("month_year_tails", {}).items()}
    if not tails:
        return None, tails
    return re.compile(r"\s*,?\s*(?P<tail>" + _alt(tails) + r")(?![\w])", re.IGNORECASE), tails


def finish(text: str, lang: str, found: list[dict[str, Any]], dct: dt.date | None,
           told: dict[str, int] | None = None) -> list[dict[str, Any]]:
    """`told` carries, across a document's sentences, the year of its last stated month or day ("year")."""
    head, before, counts, post, part, part_tab, part_head, dunits = _tables(lang)
    found = _merge_weekday_dates(text, found)
    out = []
    prev_end = 0
    for f in found:
        s, e = f["start"], f["end"]
        ps, pe = s, e
        lead = ""
        if head is not None and f["kind"] != "relative":  # "in seguito", "al día siguiente": fixed phrases
            m = head.match(text, s, e)
            if m and m.end() < e:
                lead = text[s:m.end()].strip()
                s = m.end()
        if lang == "en" and f["kind"] == "year" and not lead and _THE_YEAR.match(text, s, e):
            # "the 1991 settlement": the article belongs to the noun the year modifies
            lead, s = "the", s + 4
        if f["kind"] == "relative" and f.get("amount") is not None and post is not None:
            first = _norm(text[s:e]).split(" ")[0]
            if first in counts or first[:1].isdigit():
                m = post.search(text, s, e)
                if m and m.start() > s:
                    e = m.start()
                    f["type"] = "DURATION"
                    f["timeml"] = _dur(f, dunits)
        if part is not None and f["kind"] in DATED:
            # "the end of 2009", "a mediados del siglo XIX": the part joins, a preposition it holds goes in
            m = part.search(text, max(prev_end, ps - 40), s)
            if m:
                f["mod"] = part_tab.get(_norm(m.group("part")))
                s = ps = m.start()
                lead = ""
        if not lead and before is not None:
            m = before.search(text, max(prev_end, s - 30), s)
            if m:
                lead = text[m.start():s].strip()
                ps = m.start()
        if lead and part is not None and f["kind"] in DATED and not f.get("mod"):
            pm = part_head.match(text, s, e)  # "a finales de 2009": the part is in, the preposition out
            if pm:
                f["mod"] = part_tab.get(_norm(pm.group("part")))
        f.update(start=s, end=e, text=text[s:e], lead=lead, pstart=ps, pend=pe)
        f.setdefault("type", timex_values.TYPES.get(f["kind"], "DATE"))
        _value(f, dct, lang, text, told)
        if f["kind"] == "deictic" and f.get("unit") == "same" and f.get("amount"):
            _same_period(f, out)
        elif f.get("sameday"):
            # "Stocks rose on Friday. [...] The Dow gained 39 points, ending the day at 8,017": the last day told
            day = next((p["value"] for p in reversed(out) if p.get("value") and p.get("precision") == "day"),
                       (told or {}).get("day") if dct is not None else None)  # a report's, not a story's idiom
            if day is not None:
                f.update(value=day, timeml=day)
            elif f.get("timeml") == "PRESENT_REF":
                f["timeml"] = "XXXX-XX-XX"
        elif (f["kind"] == "relative" and f.get("direction") == "same" and f.get("unit") == "day" and dct is not None
              and not f.get("anchor") and told and told.get("day")):
            # "Stocks rose on Friday [...] a report released on the same day": in a report, the last day it told
            f.update(value=told["day"], timeml=told["day"])
        if told is not None and f.get("precision") == "day" and f.get("value") and f["type"] in ("DATE", "TIME"):
            told["day"] = f["value"]
        if told is not None and f.get("year") is not None and f["kind"] in ("date", "month", "season"):
            # a month or a day the text is at; a bare year ("the 1987 crash", "en 1989") is often background
            told["year"] = f["year"]
        out.append(f)
        prev_end = pe
    return out


def _same_period(f: dict[str, Any], before: list[dict[str, Any]]) -> None:
    """"Sales rose in February compared to the same period last year": the month (or day, season) the sentence
    named before it, that many years earlier."""
    prev = next((p for p in reversed(before) if p.get("value") and p.get("precision") in ("day", "month", "season")),
                None)
    if prev is None:
        return
    y = int(prev["value"][:4]) + f["amount"]
    value = f"{y:04d}{prev['value'][4:]}"
    try:
        dt.date.fromisoformat(value)
    except ValueError:  # 29 February
        return
    f.update(value=value, precision=prev["precision"], year=y,
             timeml=timex_values.timeml_of({"value": value, "precision": prev["precision"]}))


def _dur(f: dict[str, Any], dunits) -> str:
    unit = {"moment": "TM", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M",
            "year": "Y"}.get(f.get("unit") or "", "D")
    n = f.get("amount")
    letter = {"TM": "M", "TH": "H"}.get(unit, unit)
    amount = "X" if n is None else str(n)
    return ("PT" if unit in ("TM", "TH") else "P") + amount + letter


def _merge_weekday_dates(text: str, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """"Monday, May 4, 1998": the weekday names the date's day; one expression."""
    out: list[dict[str, Any]] = []
    for f in found:
        if out and out[-1]["kind"] == "weekday" and f["kind"] in ("date", "underspecified") \
                and re.fullmatch(r",?\s*(?:the\s+)?", text[out[-1]["end"]:f["start"]]):
            wd = out.pop()
            f = dict(f, start=wd["start"], text=text[wd["start"]:f["end"]])
        out.append(f)
    return out


def _value(f: dict[str, Any], dct: dt.date | None, lang: str, text: str, told: dict[str, int] | None) -> None:
    kind = f["kind"]
    if dct is not None and told and kind in ("weekday", "underspecified") \
            and abs(told.get("year", dct.year) - dct.year) > 1:
        # a review dated 2009 telling a journey "in January 1952 ... on April 2": the story has left the
        # document's time, so a weekday or a yearless date is the narrative's to place, not the document's
        dct = None
    if kind in ("weekday", "deictic", "ago", "quarter"):
        timex_values.resolve(f, dct)
    elif kind == "clock":
        timex_values.clock_timeml(f, dct)
    elif kind == "tod":
        f["timeml"] = ((dct.isoformat() if dct else "XXXX-XX-XX") + "T" + (f.get("tod") or "XX"))
    elif kind == "underspecified":
        if dct is not None and f.get("month"):
            if not f.get("unit") and not f.get("direction"):
                # "June 17", "en enero" in a dated document: the document's year, or the one before/after
                # when the verb says the date is past/to come; it is then as explicit as a stated date
                pat, tails = _year_tail(lang)
                m = pat.match(text, f["end"]) if pat is not None else None
                if m is not None:
                    # "after October of next year": the year the words name, whatever the tense
                    timex_values.partial_date(f, dct.replace(year=dct.year + tails[_norm(m.group("tail"))],
                                                             month=1, day=1), 0)
                    return
                timex_values.partial_date(f, dct, timex_tense.tense(lang, text, f["start"], f["end"]))
                return
            # what the date most likely means in a dated document; the narrative stage decides the value
            m, d = f["month"], f.get("day")
            f["timeml"] = (f"{dct.year:04d}-{m:02d}-{d:02d}" if d else f"{dct.year:04d}-{m:02d}") \
                if not f.get("season") else f"{dct.year:04d}-{timex_values.SEASON_CODE.get(m, 'XX')}"
    elif kind not in ("ref", "duration", "set", "century", "relative", "age", "ordinal"):
        f["timeml"] = timex_values.timeml_of(f)
    elif kind == "age" and f.get("amount"):
        f["timeml"] = f"P{f['amount']}Y"
