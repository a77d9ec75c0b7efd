"""Values of time expressions: TimeML value strings, and deictic expressions resolved against the
document's date ("yesterday", "last week", "Friday", "four years ago", "the third quarter").

Without a document date a deictic expression keeps no calendar value (never a guess); its TimeML value
stays underspecified ("XXXX-WXX-5"). `value` (ISO first day + precision) is only ever set for the
precisions the rest of the pipeline knows (day, month, season, year, decade); weeks, quarters and
centuries get a TimeML value only.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

SEASON_CODE = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
TYPES = {"date": "DATE", "month": "DATE", "season": "DATE", "year": "DATE", "decade": "DATE",
         "underspecified": "DATE", "relative": "DATE", "ordinal": "DATE", "age": "DURATION"}


def parse_date(value: Any) -> dt.date | None:
    """A document date given as "YYYY-MM-DD", a date or a datetime; None when unusable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return dt.date(y, m + 1, 1)


def _week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def timeml_of(f: dict[str, Any]) -> str | None:
    """The TimeML value of an explicit expression from its ISO value and precision."""
    v, p = f.get("value"), f.get("precision")
    if not v:
        return f.get("timeml")
    y, m, _d = v.split("-")
    return {"day": v, "month": f"{y}-{m}", "season": f"{y}-{SEASON_CODE.get(int(m), 'XX')}", "year": y,
            "decade": y[:3]}.get(p, f.get("timeml"))


def resolve(f: dict[str, Any], dct: dt.date | None) -> None:
    """Fill value/precision/timeml of a deictic expression in place (value only when `dct` is known)."""
    kind = f["kind"]
    if kind == "weekday":
        wd, off = f["weekday"], f.get("amount")
        tod = f.get("tod")
        if dct is None:
            f["timeml"] = f"XXXX-WXX-{wd}" + (f"T{tod}" if tod else "")
            f.update(value=None, precision="unknown")
            return
        delta = (wd - dct.isoweekday()) % 7
        if off is not None and off < 0:
            day = dct - dt.timedelta(days=(7 - delta) % 7 or 7) if not f.get("implied") else \
                dct - dt.timedelta(days=(dct.isoweekday() - wd) % 7)
        elif off is not None and off > 0:
            day = dct + dt.timedelta(days=delta or 7) if not f.get("implied") else dct + dt.timedelta(days=delta)
        else:
            day = dct + dt.timedelta(days=delta - 7 if delta > 3 else delta)
        f.update(value=day.isoformat(), precision="day", timeml=day.isoformat() + (f"T{tod}" if tod else ""))
        return
    if kind == "deictic":
        _deictic(f, dct)
        return
    if kind == "ago":
        n, unit = f.get("amount"), f.get("unit")
        if unit in ("second", "minute", "hour"):
            # "two hours ago", "hace unas horas": the document's day, or the one before once a day has passed
            if dct is None:
                f.update(value=None, precision="unknown", timeml="PAST_REF")
                return
            hours = (n or 0) * {"second": 1 / 3600, "minute": 1 / 60, "hour": 1}[unit]
            d = dct - dt.timedelta(days=int(hours // 24))
            f.update(value=d.isoformat(), precision="day", timeml=d.isoformat())
            return
        if n is None or dct is None:
            f.setdefault("timeml", "PAST_REF" if n is None else None)
            f.update(value=None, precision="unknown")
            return
        n = n * f.get("mult", 1)
        whole = int(n)
        if unit == "day":
            d = dct - dt.timedelta(days=whole)
            f.update(value=d.isoformat(), precision="day", timeml=d.isoformat())
        elif unit == "week" and n == whole:
            # "a week ago", "hace dos semanas": the day that many weeks back, as news corpora annotate it
            d = dct - dt.timedelta(weeks=whole)
            f.update(value=d.isoformat(), precision="day", timeml=d.isoformat())
        elif unit == "week":
            d = dct - dt.timedelta(weeks=whole)
            f.update(value=None, precision="unknown", timeml=_week(d))
        elif unit == "month":
            d = _add_months(dct, -whole)
            f.update(value=d.isoformat(), precision="month", timeml=d.isoformat()[:7])
        elif unit == "quarter":
            d = _add_months(dct, -3 * whole)
            f.update(value=None, precision="unknown", timeml=f"{d.year}-Q{(d.month - 1) // 3 + 1}")
        elif unit in ("year", "decade", "century"):
            years = whole * {"year": 1, "decade": 10, "century": 100}[unit]
            y = dct.year - years
            f.update(value=f"{y:04d}-01-01", precision="year", timeml=f"{y:04d}")
        return
    if kind == "quarter":
        year = f.get("year")
        if f.get("timeml", "").startswith("FY"):
            return
        if year is None and f.get("rel_year") is not None and dct is not None:
            year = dct.year + f["rel_year"]
        q = f.get("amount")
        code = ("H" if f.get("unit") == "half" else "Q") + str(q or "X")
        f["timeml"] = f"{year:04d}-{code}" if year is not None else f"XXXX-{code}"
        f.update(value=None, precision="unknown")
        return


def partial_date(f: dict[str, Any], dct: dt.date, tense: int) -> None:
    """A day and month or a month without a year ("June 17", "enero", "l'estate") in a dated document: the
    document's year; a past-tense date after the document date is the year before ("in December sales fell",
    told in January), a future-tense one before it the year after. Fills an explicit kind in place."""
    m, d = f["month"], f.get("day")
    year = dct.year
    told, now = (m, d or 1), (dct.month, dct.day if d else 1)
    if tense < 0 and told > now:
        year -= 1
    elif tense > 0 and told < now:
        year += 1
    if d:
        try:
            value = dt.date(year, m, d).isoformat()
        except ValueError:  # "February 30": no such day, no value
            f.update(value=None, precision="unknown", timeml=None)
            return
        f.update(kind="date", value=value, precision="day", timeml=value, year=year)
    elif f.get("season"):
        f.update(kind="season", value=f"{year:04d}-{m:02d}-01", precision="season", year=year,
                 timeml=f"{year:04d}-{SEASON_CODE.get(m, 'XX')}")
    else:
        f.update(kind="month", value=f"{year:04d}-{m:02d}-01", precision="month", year=year,
                 timeml=f"{year:04d}-{m:02d}")


def _deictic(f: dict[str, Any], dct: dt.date | None) -> None:
    unit, off, tod = f.get("unit"), f.get("amount") or 0, f.get("tod")
    if unit == "same":
        f.update(value=None, precision="unknown", timeml=None)
        return
    if unit == "monthname":
        m = f["month"]
        if dct is None:
            f.update(value=None, precision="unknown", timeml=f"XXXX-{m:02d}")
            return
        y = dct.year - (off < 0 and m >= dct.month) + (off > 0 and m <= dct.month)
        f.update(value=f"{y:04d}-{m:02d}-01", precision="month", timeml=f"{y:04d}-{m:02d}")
        return
    if dct is None:
        f["timeml"] = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX",
                       "season": "XXXX-" + SEASON_CODE.get(f.get("month") or 0, "XX"), "quarter": "XXXX-QX",
                       "half": "XXXX-HX", "weekend": "XXXX-WXX-WE", "decade": "XXX", "century": "XX"}.get(unit)
        if unit == "day" and off == 0 and not tod:
            f["timeml"] = "PRESENT_REF"
        if tod and f["timeml"]:
            f["timeml"] += "T" + tod
        f.update(value=None, precision="unknown")
        return
    value, precision, timeml = None, "unknown", None
    if unit == "day":
        d = dct + dt.timedelta(days=off)
        value, precision, timeml = d.isoformat(), "day", d.isoformat() + (f"T{tod}" if tod else "")
    elif unit == "week":
        timeml = _week(dct + dt.timedelta(weeks=off))
    elif unit == "weekend":
        timeml = _week(dct + dt.timedelta(weeks=off)) + "-WE"
    elif unit == "month":
        d = _add_months(dct, off)
        value, precision, timeml = d.isoformat(), "month", d.isoformat()[:7]
    elif unit == "year":
        y = dct.year + off
        value, precision, timeml = f"{y:04d}-01-01", "year", f"{y:04d}"
    elif unit == "quarter":
        d = _add_months(dct, 3 * off)
        timeml = f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    elif unit == "half":
        d = _add_months(dct, 6 * off)
        timeml = f"{d.year}-H{(d.month - 1) // 6 + 1}"
    elif unit == "decade":
        y = dct.year // 10 * 10 + 10 * off
        value, precision, timeml = f"{y:04d}-01-01", "decade", f"{y:04d}"[:3]
    elif unit == "century":
        c = dct.year // 100 + off
        timeml = f"{c:02d}"
    elif unit == "season":
        # "this summer" is the summer of the document's year; "last winter" the one before the document
        m = f.get("month") or 6
        y = dct.year + off
        if off < 0 and m < dct.month:
            y += 1
        elif off > 0 and m > dct.month:
            y -= 1
        value, precision, timeml = f"{y:04d}-{m:02d}-01", "season", f"{y:04d}-{SEASON_CODE.get(m, 'XX')}"
    f.update(value=value, precision=precision, timeml=timeml)


def clock_timeml(f: dict[str, Any], dct: dt.date | None) -> None:
    hh, mm = f.get("hour", 0), f.get("minute", 0)
    day = dct.isoformat() if dct is not None else "XXXX-XX-XX"
    f.update(timeml=f"{day}T{hh:02d}:{mm:02d}{f.get('tz', '')}", value=None, precision="unknown")


_HEAD_LINE = re.compile(r"[^\n]{0,160}")


def heading_date(clean: str, found: list[tuple[int, int, str | None, str]]) -> str | None:
    """The document's date when a dateline or heading states one: a day-precise date that (nearly) makes
    up one of the first lines ("ROMA, 3 marzo 1921 —", "Monday, May 4, 1998", "October 04, 2005") and that
    the text does not tell again as a date of its story.

    `found` holds (cstart, cend, value, precision) of the expressions of the first sentences."""
    lines, pos = [], 0
    for line in clean.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
        if len(lines) >= 4 or pos > 1500:
            break
    for a, b in lines:
        line = clean[a:b]
        for s, e, value, precision in found:
            if precision != "day" or not value or not (a <= s and e <= b):
                continue
            rest = (line[:s - a] + " " + line[e - a:]).strip()
            words = re.findall(r"[^\W\d_]+", rest)
            # a heading is the date alone, or a place before it and a dash/colon after it
            dateline = re.fullmatch(r"[^\W\d_][\w'’ .\-]{0,40},?\s*(?:\w+,?\s*)?", line[:s - a].strip() + " ") \
                and re.match(r"\s*(?:[—–\-:(]|$)", line[e - a:])
            restated = any(v == value and not (a <= s2 and e2 <= b) for s2, e2, v, _ in found)
            if restated:
                # "May 3, 1911 The bridge opens ... On the morning of May 3, 1911, ...": the day a
                # page is about, told again as the story's, not the day it was written
                continue
            if len(words) <= 2 or dateline:
                return value
    return None
