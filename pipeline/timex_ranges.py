"""Ranges of time told as two expressions: "between April and June", "entre 1914 y 1918", "dal 3 al 5 giugno".

TimeML marks each end as its own expression; here the second end is found even without a lead word of its
own ("and June"), the pair is marked `range` "start"/"end" (the dates stage gives the event that interval),
and a year stated at one end dates the other. The opener and link words are the lexicon's `range_links`
(`range_articles`, `range_year_link`: what may stand before a year, between a month and its year).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from .timex_classes import _alt, _norm, _phrase

YEAR_MIN, YEAR_MAX = 1000, 2100
_YEAR4 = re.compile(r"(?<!\d)(?:1\d{3}|20\d{2}|2100)(?!\d)")


def valid_day(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def compile_ranges(lex: dict[str, Any], full_months: list[str], year_group: str):
    """(per opener: (opener, link, link + month [+ year]) patterns), the year-pair pattern or None."""
    ranges = []
    opens = lex.get("range_links", {})
    year_pairs = None  # "between 1914 and 1918": opener, first year, link, second year
    if opens:
        year = r"(?:1\d{3}|20\d{2})(?![\d.,]\d|\d)"
        art = (r"(?:" + _alt(lex["range_articles"]) + r"\s+)?") if lex.get("range_articles") else ""
        links = _alt(w for ls in opens.values() for w in ls)
        year_pairs = re.compile(r"(?<![\w'’])" + _alt(opens) + r"\s+" + art + "(?P<y1>" + year + r")\s+" + links
                                + r"\s+(?P<b>" + art + "(?P<y2>" + year + "))", re.IGNORECASE)
    for opener, links in lex.get("range_links", {}).items():
        link = r"\s+(?P<link>" + _alt(links) + r")\s+"
        ranges.append((re.compile(_phrase(opener) + r"\s", re.IGNORECASE), re.compile(link, re.IGNORECASE),
                       re.compile(link + "(?P<month>" + _alt(full_months) + r")(?![\w])(?:"
                                  + lex.get("range_year_link", r"\s+") + year_group + ")?", re.IGNORECASE)))
    return tuple(ranges), year_pairs


RANGED = ("underspecified", "month", "date", "season", "year")
# "Pisa 1589-91, Padua 1592-1610", "la guerra del 1915–18": a span of years written with a dash, which
# biographies and histories use everywhere and which needs no lead word (four digits, a dash, a later year)
_DASHED = re.compile(r"(?<![\w\-–/.,])(?P<y1>1\d{3}|20\d{2})\s?[-–]\s?(?P<y2>1\d{3}|20\d{2}|\d{2})(?![\w\-–/]|[.,]\d)")


def _dashed(text: str, out: list[dict[str, Any]], measure_after: Callable[[int], bool]) -> None:
    for m in _DASHED.finditer(text):
        y1, raw2 = int(m.group("y1")), m.group("y2")
        y2 = (y1 // 100) * 100 + int(raw2) if len(raw2) == 2 else int(raw2)
        if not (YEAR_MIN <= y1 < y2 <= min(y1 + 100, YEAR_MAX)) or measure_after(m.end()):
            continue
        inside = [o for o in out if o["start"] < m.end() and m.start() < o["end"]]
        if any(o["kind"] != "year" or o.get("range") for o in inside):
            continue  # part of a longer expression (a date, an ISO day)
        start = min([m.start()] + [o["start"] for o in inside])
        out[:] = [o for o in out if o not in inside]
        out.append(dict(start=start, end=m.end("y1"), text=text[start:m.end("y1")], kind="year",
                        value=f"{y1:04d}-01-01", precision="year", year=y1, range="start"))
        out.append(dict(start=m.start("y2"), end=m.end(), text=text[m.start("y2"):m.end()], kind="year",
                        value=f"{y2:04d}-01-01", precision="year", year=y2, range="end"))
        out.sort(key=lambda d: d["start"])


def find(L, text: str, out: list[dict[str, Any]], has_year: bool, measure_after: Callable[[int], bool]) -> None:
    """"between April and June", "entre abril y junio", "tra aprile e giugno": one interval, told as two
    expressions (TimeML marks each). The second is found here even without a lead word of its own; the pair is
    marked `range` start/end, and a year stated on one side is the other's too ("from April to June 1943")."""
    if has_year:
        _dashed(text, out, measure_after)
    two_years = has_year and L.year_pairs is not None and len(_YEAR4.findall(text)) >= 2
    for pair in L.year_pairs.finditer(text) if two_years else ():
        y1, y2 = int(pair.group("y1")), int(pair.group("y2"))
        # "between 1914 and 1918": a span of years; "between 1500 and 2000 soldiers" is a count
        inside = [o for o in out if o["start"] < pair.end() and pair.start() < o["end"]]
        if not (YEAR_MIN <= y1 < y2 <= min(y1 + 100, YEAR_MAX)) or measure_after(pair.end()):
            out[:] = [o for o in out if o not in inside or o["kind"] != "year"]  # counts, not years
            continue
        if any(o["kind"] != "year" or o["start"] < pair.start() or o["end"] > pair.end() for o in inside):
            continue  # part of a longer expression
        out[:] = [o for o in out if o not in inside]
        for y, s, e, end in ((y1, pair.start(), pair.end("y1"), "start"), (y2, pair.start("b"), pair.end(), "end")):
            out.append(dict(start=s, end=e, text=text[s:e], kind="year", value=f"{y:04d}-01-01", precision="year",
                            year=y, range=end))
        out.sort(key=lambda d: d["start"])
    i = 0
    while i < len(out):
        a = out[i]
        hit = next(((link, tail) for opener, link, tail in L.ranges if opener.match(a["text"])), None)
        if a["kind"] not in RANGED or hit is None or a["kind"] == "underspecified" and not a.get("month") \
                or a.get("range"):
            i += 1
            continue
        link, tail = hit
        b = out[i + 1] if i + 1 < len(out) else None
        lm = link.match(text, a["end"])
        # the next expression joins when the link word comes between (or opens it: "to 1945" keeps its lead)
        if b is not None and (b["kind"] not in RANGED or lm is None or b["start"] not in (lm.end(), lm.start("link"))):
            b = None
        if b is None:
            m = tail.match(text, a["end"])
            if m is None or (L.lex.get("month_capitalised") and not m.group("month")[0].isupper()):
                i += 1
                continue
            month = L.months[_norm(m.group("month"))]
            s = m.start("month")
            year = int(m.group("year")) if m.group("year") else None
            if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
                year = None
            if year is None:
                b = dict(start=s, end=m.end("month"), text=text[s:m.end("month")], kind="underspecified",
                         month=month)
            else:
                b = dict(start=s, end=m.end(), text=text[s:m.end()], kind="month",
                         value=f"{year:04d}-{month:02d}-01", precision="month", year=year, month=month)
            if any(s < o["end"] and o["start"] < b["end"] for o in out):
                i += 1
                continue
            out.insert(i + 1, b)
        if a["kind"] == "underspecified" and a.get("month") and not a.get("season") and b.get("year"):
            y, day = b["year"], a.get("day")
            if day and valid_day(y, a["month"], day):  # "desde el 3 de marzo hasta el 5 de abril de 1943"
                a.update(kind="date", value=f"{y:04d}-{a['month']:02d}-{day:02d}", precision="day", year=y)
            elif not day:
                a.update(kind="month", value=f"{y:04d}-{a['month']:02d}-01", precision="month", year=y)
        elif b["kind"] == "underspecified" and b.get("month") and a.get("year") and a["kind"] in ("month", "date"):
            y = a["year"]
            b.update(kind="month", value=f"{y:04d}-{b['month']:02d}-01", precision="month", year=y)
        a["range"], b["range"] = "start", "end"
        i += 2


