"""Fields of a time-expression match (the families of timex_classes): TimeML type, granularity, offset
from the document date, ISO 8601 durations; and the checks that tell a duration from an age, a frequency
or a measure ("100 years old", "twice a day", "75 hours of video" stays a duration)."""
from __future__ import annotations

import re
from typing import Any

from . import timex_tense
from .timex_classes import (AGO_UNIT, DUR_CODE, DUR_MULT, ROMAN, _before_pat, _Classes, _DIGITS, _LEAD_DIGITS, _norm,
                            _PREV_WORD, _RELATIVE_TAIL)


def _g(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


def _num(C: _Classes, s: str | None) -> float | None:
    if not s:
        return None
    n = _norm(s)
    if _DIGITS.fullmatch(n):
        return float(n.replace(",", "."))
    return C.numbers.get(n)


def _roman(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = ROMAN.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if 0 < total <= 21 else None


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 30), pos)
    return _norm(m.group(1)) if m else ""


def _next_words(text: str, pos: int) -> str:
    return _norm(text[pos:pos + 20])


def _dur_value(n: float | None, code: str) -> str:
    """ISO 8601 duration: 3, "D" -> P3D; "TH" -> PT3H; unknown count -> PXD."""
    letter, is_time = DUR_CODE.get(code, ("D", False))
    if n is None and code in ("DE", "CE", "ML"):
        return "PX" + code  # "decades", "siglos": an unknown number of decades
    if n is None:
        amount = "X"
    else:
        n = n * DUR_MULT.get(code, 1)
        amount = str(int(n)) if float(n).is_integer() else f"{n:g}"
    if letter == "WE":
        return f"P{amount}WE"
    return ("PT" if is_time else "P") + amount + letter


def fields(C: _Classes, family: str, m: re.Match, text: str) -> dict[str, Any] | None:
    before = text[:m.start()]
    if family == "weekday":
        wd = _norm(m.group("wd"))
        if C.tab.get("weekday_capitalised") and not text[m.start("wd")].isupper():
            return None
        mod = _norm(_g(m, "wmod") or "")
        post = _norm(_g(m, "wpost") or "")
        off = C.wmod_offset.get(mod, C.wmod_offset.get(post))
        if post in ("negro", "black"):
            return None  # "lunes negro": a name for a day, dated elsewhere
        return _weekday(C, wd, off, m, text)
    if family == "dayword":
        key = _norm(m.group("dw"))
        prev, nxt = _prev_word(text, m.start()), _next_words(text, m.end()).split(" ")[0] if text[m.end():].strip() else ""
        if prev in C.blocked_before.get(key, ()) or nxt.strip(",.;:") in C.blocked_after.get(key, ()):
            return None
        val = C.day_words[key]
        off, tod = (val[0], val[1]) if isinstance(val, list) else (val, None)
        return dict(kind="deictic", type="TIME" if tod else "DATE", unit="day", amount=off, tod=tod,
                    precision="day")
    if family == "ref":
        key = _norm(m.group("ref"))
        prev = _prev_word(text, m.start())
        if prev in C.blocked_before.get(key, ()):
            return None
        nxt = _next_words(text, m.end())
        if nxt[:1].isdigit() or nxt.split(" ")[0].strip(",.;:") in C.blocked_after.get(key, ()):
            return None
        if key in C.ref_need_lead and (C.ref_leads is None or not C.ref_leads.search(before)):
            return None  # "the past" / "actual" need "in the past", "a corto plazo"; else ordinary words
        if C.lang == "it" and key == "ora" and prev and prev[-1].isdigit():
            return None
        return dict(kind="ref", type="DATE", timeml=C.refs[key], precision="unknown")
    if family == "deictic":
        if _g(m, "dpart"):
            # "the end of the year", "finales de año", "fine mese": a part of the current period
            unit = C.cunits.get(_norm(m.group("cunit")))
            off = C.dpost.get(_norm(m.group("dpost"))) if _g(m, "dpost") else 0  # "fine del secolo scorso"
            return dict(kind="deictic", type="DATE", unit=unit, amount=off or 0, mod=_part_mod(m.group("dpart")),
                        precision=unit) if unit else None
        if _g(m, "dthe"):
            # "the weekend", "el fin de semana": the one of the document's week
            return dict(kind="deictic", type="DATE", unit="weekend", amount=0, precision="unknown")
        if _g(m, "dpre2"):
            # "the same month a year ago": the period the sentence spoke of, `amount` years back
            return dict(kind="deictic", type="DATE", unit="same", amount=-1 if _g(m, "dyear") else 0,
                        precision="unknown")
        if _g(m, "dpre"):
            off = C.dpre.get(_norm(m.group("dpre")))
        else:
            off = C.dpost.get(_norm(m.group("dpost")))
        if off is None:
            return None
        if _g(m, "dmonth"):
            # "last September", "el pasado septiembre", "settembre scorso": the nearest one before/after the document
            if C.month_capitalised and not text[m.start("dmonth")].isupper():
                return None
            return dict(kind="deictic", type="DATE", unit="monthname", amount=off,
                        month=C.months[_norm(m.group("dmonth"))], precision="month")
        if _g(m, "season"):
            key = _norm(m.group("season"))
            return dict(kind="deictic", type="DATE", unit="season", amount=off, month=C.seasons[key],
                        season=C.season_names.get(key, key), precision="season")
        unit = C.cunits.get(_norm(m.group("cunit")))
        if unit is None:
            return None
        return dict(kind="deictic", type="DATE", unit=unit, amount=off, precision=unit)
    if family == "sameday":
        # "ended the day", "cerró la jornada": the day the report is about, the sentence's own day or else the
        # document's (like "today"); undated without either
        return dict(kind="deictic", type="DATE", unit="day", amount=0, tod=None, sameday=True,
                    mod=_part_mod(m.group("span")) if _norm(m.group("span")).count(" ") > 1 else None,
                    precision="day")
    if family == "duration":
        return _duration(C, m, text)
    if family == "ago":
        n = _num(C, _g(m, "num"))
        code = C.dunits.get(_norm(_g(m, "dunit") or ""), "D")
        if _g(m, "dunit") and code in ("S", "TM", "TH") and (_g(m, "few") or n is None):
            # "a few hours ago", "hace unas horas": some hours before the document, on its day
            return dict(kind="ago", type="DATE", amount=None, unit=AGO_UNIT[code], precision="unknown")
        if _g(m, "few") or _g(m, "bare") or n is None and not _g(m, "dunit"):
            return dict(kind="ago", type="DATE", timeml="PAST_REF", precision="unknown")
        if _g(m, "half"):
            n += 0.5
        return dict(kind="ago", type="DATE", amount=n, unit=AGO_UNIT.get(code, "day"),
                    mult=DUR_MULT.get(code, 1) if code in ("2W", "6M", "Q", "ML") else 1, precision="unknown")
    if family == "quarter":
        if _g(m, "fy"):
            y = m.group("fy")
            year = int(y) if len(y) == 4 else 2000 + int(y)
            return dict(kind="quarter", type="DATE", year=year, timeml=f"FY{year}", precision="year")
        year = int(m.group("year")) if _g(m, "year") else None
        if _g(m, "qnum"):
            q, unit = int(m.group("qnum")), "quarter"
        elif _g(m, "qord"):
            q = C.tab["quarter_ordinals"].get(_norm(m.group("qord")))
            unit = "half" if _norm(m.group("qunit")) in ("half", "semestre") else "quarter"
            if unit == "half" and q and q > 2:
                q = 2
        else:
            return dict(kind="quarter", type="DATE", year=year, timeml=f"FY{year}", precision="year")
        rel = None
        if _g(m, "qdpre"):
            rel = {"this": 0, "last": -1, "next": 1, "este": 0}.get(_norm(m.group("qdpre")), -1)
        elif _g(m, "qdpre2"):
            rel = -1
        elif _g(m, "qthe") or year is None:
            rel = 0
        return dict(kind="quarter", type="DATE", year=year, amount=q, unit=unit, rel_year=rel, precision="unknown")
    if family == "century":
        if _g(m, "cname"):
            c = C.century_names.get(_norm(m.group("cname")))
        elif _g(m, "roman"):
            c = _roman(m.group("roman"))
        else:
            o = _norm(m.group("cord"))
            c = C.tab.get("century_ordinals", {}).get(o)
            if c is None and _LEAD_DIGITS.match(o):
                c = int(_LEAD_DIGITS.match(o).group(0))
        if not c or c > 21:
            return None
        return dict(kind="century", type="DATE", year=(c - 1) * 100, timeml=f"{c - 1:02d}", precision="century")
    if family == "clock":
        return _clock(C, m, text)
    if family == "tod":
        tod = C.tods.get(_norm(m.group("tod")))
        mod = _norm(_g(m, "todmod") or "")
        if mod in ("this", "esta", "questa"):
            return dict(kind="deictic", type="TIME", unit="day", amount=0, tod=tod, precision="day")
        if mod in ("that", "esa", "aquella", "quella"):
            return None  # "that night": the narrative's day, a relative of the temporal stage
        return dict(kind="tod", type="TIME", tod=tod, precision="unknown")
    if family == "set":
        if _g(m, "setword"):
            return dict(kind="set", type="SET", timeml=C.set_words.get(_norm(m.group("setword")), "P1D"),
                        precision="unknown")
        unit_s = next((x for x in (_g(m, "sunit"), _g(m, "sunit2"), _g(m, "sunit3"), _g(m, "sunit4")) if x), None)
        if unit_s:
            code = C.dunits.get(_norm(unit_s), "D")
            return dict(kind="set", type="SET", timeml=_dur_value(1, code), precision="unknown")
        if _g(m, "season"):
            name = C.season_names.get(_norm(m.group("season")), "")
            code = {"spring": "SP", "summer": "SU", "autumn": "FA", "winter": "WI"}.get(name, "XX")
            return dict(kind="set", type="SET", timeml=f"XXXX-{code}", precision="unknown")
        if _g(m, "wd"):
            return dict(kind="set", type="SET", timeml=f"XXXX-WXX-{C.weekdays[_norm(m.group('wd'))]}",
                        precision="unknown")
        return dict(kind="set", type="SET", timeml="P1D", precision="unknown")
    return None


def _part_mod(s: str) -> str | None:
    s = _norm(s)
    for words, mod in ((("begin", "start", "early", "princip", "comienz", "inici", "inizi", "prim"), "START"),
                       (("middle", "mid", "mediad", "metà"), "MID"), (("end", "fin", "rest", "late", "ultim"), "END")):
        if any(w in s for w in words):
            return mod
    return None


def _weekday(C: _Classes, wd: str, off: int | None, m: re.Match, text: str) -> dict[str, Any]:
    tod = C.tods.get(_norm(_g(m, "tod") or "")) if _g(m, "tod") else None
    if off is None and C.future is not None:
        # a bare weekday is the last one before the document date, unless the verb nearest to it speaks of the
        # future ("announced Friday that it will ..." is last Friday)
        off = 1 if timex_tense.tense(C.lang, text, m.start("wd"), m.end("wd")) > 0 else -1
        implied = True
    else:
        implied = False
    return dict(kind="weekday", type="TIME" if tod else "DATE", amount=off, weekday=C.weekdays[wd], tod=tod,
                implied=implied, precision="day")


def _duration(C: _Classes, m: re.Match, text: str) -> dict[str, Any] | None:
    prev_text = text[:m.start("span") if "span" in m.re.groupindex else m.start()]
    if _g(m, "dphrase"):
        return dict(kind="duration", type="DURATION", timeml=C.tab["duration_phrases"].get(
            next((k for k in C.tab["duration_phrases"] if _norm(k) == _norm(m.group("dphrase"))), ""), "PXD"),
            precision="unknown")
    if _g(m, "bare"):
        lead = _before_pat(tuple(C.tab.get("duration_bare_leads", [])))
        if lead is None or not lead.search(prev_text):
            return None  # "years" alone is a plural noun; "for years" is a duration
        code = C.dunits.get(_norm(m.group("bare")), "Y")
        return dict(kind="duration", type="DURATION", timeml=_dur_value(None, code), precision="unknown")
    if _g(m, "dunit1"):
        code = C.dunits.get(_norm(m.group("dunit1")), "Y")
        if _norm(m.group("dunit1")) in ("lifetime", "year-long"):
            code = "Y"
        return dict(kind="duration", type="DURATION", timeml=_dur_value(1, code), precision="unknown")
    unit_s = _norm(m.group("dunit"))
    code = C.dunits.get(unit_s)
    if code is None:
        return None
    if C.age_after is not None and C.age_after.match(text, m.end()):
        return None  # "100 years old": an age, the time stage's "age" kind where a birth can date it
    if text[m.end():m.end() + 4].lower().startswith("-old"):
        return None
    dmod = _norm(_g(m, "dmod") or "")
    head = prev_text if not dmod else prev_text
    if not dmod and C.age_before is not None and C.age_before.search(head) and unit_s in (
            "years", "año", "años", "anni", "anno", "year"):
        return None  # "a los 19 años", "aveva 19 anni", "aged 19 years": ages
    if C.freq_before is not None and (_norm(m.group("num") or "") in ("a", "an", "un", "una", "uno", "un'")) \
            and C.freq_before.search(prev_text) and not dmod:
        return None  # "twice a day", "tres veces al año": a frequency (a set), not a duration
    nxt = _norm(text[m.end():m.end() + 16])
    if _RELATIVE_TAIL.match(nxt):
        return None  # "three days later": a relative of the temporal stage
    n = _num(C, _g(m, "num"))
    if _g(m, "num") and n is None:
        return None
    if n is not None and n > 500:
        return None
    if _g(m, "half"):
        n = (n or 0) + 0.5
    if _g(m, "num") and not _g(m, "dmod"):
        numtxt = _norm(m.group("num"))
        if numtxt in ("a", "an", "un", "una", "uno") and unit_s in ("second", "minute", "moment", "segundo",
                                                                       "minuto", "secondo"):
            return None  # "a second chance", "un minuto de silencio" are not durations worth a timeline
    mod = C.dmods.get(dmod) if dmod else None
    return dict(kind="duration", type="DURATION", timeml=_dur_value(None if _g(m, "few") else n, code),
                amount=None if n is None else n, unit=AGO_UNIT.get(code), mod=mod, precision="unknown")


def _clock(C: _Classes, m: re.Match, text: str) -> dict[str, Any] | None:
    if _g(m, "noon"):
        n = _norm(m.group("noon"))
        hh = 0 if n in ("midnight", "medianoche", "mezzanotte") else 12
        return dict(kind="clock", type="TIME", hour=hh, minute=0, precision="unknown")
    h_s = m.group("hour")
    hour = int(h_s) if h_s.isdigit() else C.tab.get("hour_words", {}).get(_norm(h_s))
    if hour is None:
        return None
    minute = int(_g(m, "minute") or 0)
    mword = _norm(_g(m, "mword") or "")
    if mword in ("media", "mezza"):
        minute = 30
    elif mword in ("cuarto", "un quarto"):
        minute = 15
    ampm = _norm(_g(m, "ampm") or "").replace(".", "").replace(" ", "")
    tod = _norm(_g(m, "tod") or "")
    if ampm == "pm" or tod in ("tarde", "noche", "pomeriggio", "sera") and hour < 12:
        if hour < 12:
            hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if not ampm and not _g(m, "minute") and not tod and "clock" not in m.group(0).lower():
        return None
    if _g(m, "minute") and not ampm and not _g(m, "tz"):
        # "3.45" may be a price or a score: a bare h:mm needs a clock word or an hour lead ("at", "alle", "las")
        s = m.group(0).lower()
        if not re.match(r"(?:las?|alle|le|ore)\s", s) and not re.search(
                r"(?:\bat|\bby|\buntil|\bfrom|\baround|\bbefore|\bafter|\ba\s+las|\bde\s+las|\bhasta\s+las|"
                r"\bdesde\s+las|\balle|\bore|\bverso\s+le|\bdalle|\bentro\s+le)\s*\Z", text[:m.start()].lower()):
            return None
        if "." in m.group("hour") + s[len(m.group("hour")):len(m.group("hour")) + 1] and not re.search(
                r"(?:\bat|\balle|\bore|\blas)\s*\Z", text[:m.start()].lower()):
            return None
    tz = "Z" if (_g(m, "tz") or "").upper() in ("UTC", "GMT") else ""
    return dict(kind="clock", type="TIME", hour=hour, minute=minute, tz=tz, precision="unknown")
