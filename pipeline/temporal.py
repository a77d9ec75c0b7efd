"""Stage: temporal - find time expressions by rule and normalise them.

Every pattern comes from pipeline/lexicons/<lang>/temporal.json and is compiled once per
language. Values are computed from the regex groups (month tables, number words); dateparser
is only asked about purely numeric dates ("14/04/1912"), whose day/month order depends on the
language, and its answers are cached per (lang, text). Whole-text date search is never used:
it turns "may", "now", "ora" and "9,100 m" into dates.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import lexicons, timex_classes, timex_extent, timex_ranges, timex_values
from .timex_classes import _casefree, _finditer
from .model import Sentence, Story, TimeExpr

NEW_RANK = 7  # weekdays, durations ...: on an equal span the narrative kinds above win
KIND_RANK = {"date": 0, "month": 1, "season": 2, "decade": 3, "year": 4, "underspecified": 5, "ordinal": 5,
             "age": 5, "relative": 6}
QUOTES = '"“”«»'
_DIGIT = re.compile(r"\d")
_YEAR4 = re.compile(r"(?<!\d)(?:1\d{3}|20\d{2}|2100)(?!\d)")
_DECADE_DIGITS = re.compile(r"\d0(?!\d)")
YEAR_MIN, YEAR_MAX = 1000, 2100

_DAY = r"(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?<![$€£\d])(?P<year>1\d{{3}}|20\d{{2}}|2100)(?!\d|[.,]\d|['’]?s\b)"
_HEAD_YEAR = re.compile(r"\s*(?P<year>1\d{3}|20\d{2})(?=\s*[,:]\s+[A-ZÀ-Ý])")
_NUMERIC = re.compile(r"(?<![\w/.\-])(?:\d{1,2}[/.]\d{1,2}[/.](?:1\d{3}|20\d{2})|(?:1\d{3}|20\d{2})-\d{2}-\d{2})"
                      r"(?![\w/\-]|\.\d)")


def _phrase(text: str) -> str:
    """A lexicon phrase as regex: spaces match any whitespace, both apostrophes match."""
    out = re.escape(text.strip())
    out = out.replace(r"\ ", r"\s+").replace("'", "['’]")
    return out


def _alt(words: Any) -> str:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return "(?:" + "|".join(_phrase(w) for w in words) + ")"


def _leads(leads: list[str], optional: bool) -> str:
    """Lead words ("on", "nell'") kept inside the span; an apostrophe lead glues to the next word."""
    parts = []
    for lead in sorted(set(leads), key=len, reverse=True):
        lead = lead.strip()
        if not lead:
            continue
        tail = r"\s*" if lead[-1] in "'’-" else r"\s+"  # "nell'anno", "mid-2011": glued
        parts.append(_phrase(lead) + tail)
    if not parts:
        return ""
    group = "(?:" + "|".join(parts) + ")"
    return group + "?" if optional else group


@dataclass
class _Lang:
    lang: str
    lex: dict[str, Any]
    months: dict[str, int]
    seasons: dict[str, int]
    season_names: dict[str, str]
    decade_words: dict[str, int]
    measure: set[str]
    patterns: list[tuple[str, tuple[re.Pattern, bool], frozenset[str] | None]]  # (family, _casefree(), tokens one of which it needs)
    rel_patterns: list[tuple[str, tuple[re.Pattern, bool], frozenset[str]]]  # (family, _casefree(), needed tokens)
    rel: dict[str, Any]
    phrase_info: dict[str, dict[str, Any]]
    need_day: set[str]
    trig_words: set[str]     # month/season/decade tokens: a cheap test before the costly patterns
    trig_rel: set[str]       # unit and fixed-phrase tokens
    prefix: re.Pattern       # the count before a unit: "three", "a few", "the"
    same_year: re.Pattern | None  # "of that year" right after a month: the narrative's year, never the next
    holidays: dict[str, dict[str, Any]]   # "christmas eve" -> {"month": 12, "day": 24} | {"season": "spring"}
    holiday_pat: tuple[re.Pattern, bool] | None
    trig_holiday: set[str]
    ordinals: dict[str, int]
    trig_ordinal: set[str]   # "day", "tappa": the unit tokens an ordinal pattern needs
    trig_age: set[str]
    era_hint: re.Pattern | None  # "A.D.", "d.C.": years of the first millennium are only found after one
    # "between April and June": (opener, the link and what follows it: a month with an optional year)
    ranges: tuple[tuple[re.Pattern, re.Pattern, re.Pattern], ...] = ()
    year_pairs: re.Pattern | None = None


_WORD = re.compile(r"\w+")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)]|$)")


def _needed_word(template: str) -> str | None:
    """A word a pattern template cannot match without (the longest literal outside groups, classes and
    placeholders, "edad" in "a\\s+la\\s+edad\\s+de\\s+{NUM}"), or None. A pattern whose word is not a token
    of the sentence need not run: most sentences hold no time expression."""
    src = re.sub(r"\{[A-Z0-9]+\}|\\[a-zA-Z]|\[[^\]]*\]", " ", template)
    top, depth = [], 0
    for i, c in enumerate(src):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            if c == "|":
                return None  # an alternative at the top: no word is needed by all of them
            top.append(" " if i + 1 < len(src) and src[i + 1] in "?*{" else c)
    words = re.findall(r"(?<![^\W\d_])[^\W\d_]{2,}(?![^\W\d_])", "".join(top).lower())
    return max(reversed(words), key=len) if words else None  # on a tie the later word: "the age" -> "age"


def _longest_token(s: str) -> str:
    # on a tie the later word, the rarer one in a phrase: "the day of" gates on "day", not on "the"
    return max(reversed(_WORD.findall(s.lower())), key=len)


@lru_cache(maxsize=65536)
def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower().replace("’", "'")).strip()


@lru_cache(maxsize=None)
def _compiled(lang: str) -> _Lang:
    lex = lexicons.load(lang, "temporal") or lexicons.load("en", "temporal")
    months = {_norm(k): v for k, v in lex["months"].items()}
    need_day = {_norm(m) for m in lex.get("months_need_day_or_year", [])}
    full_months = [m for m in months if not m.endswith(".")]  # "may": _explicit decides
    seasons = {_norm(k): v for k, v in lex["seasons"].items()}
    decade_words = {_norm(k): v for k, v in lex.get("decade_words", {}).items()}
    subs = {
        "DAY": _DAY.format(name="day"), "DAY2": _DAY.format(name="day2"),
        "MONTH": "(?P<month>" + _alt(months) + r")(?![\w])",
        "MONTHFULL": "(?P<month>" + _alt(full_months) + ")",
        "YEAR": _YEAR.replace("{{", "{").replace("}}", "}"),
        "SEASON": "(?P<season>" + _alt(seasons) + r")(?![\w])",
        "DECWORD": _alt(decade_words) if decade_words else "(?!x)x",
        "ORD": "(?P<ord>" + (_alt(lex.get("ordinals", {})) + "|" if lex.get("ordinals") else "")
               + r"\d{1,2}(?:st|nd|rd|th|º|ª|°|[oa]))(?![\w])",
        "OUNIT": "(?P<ounit>" + (_alt(lex.get("ordinal_units", [])) if lex.get("ordinal_units") else "(?!x)x") + ")",
        "NUM": "(?P<num>" + _alt(lex["relative"]["number_words"]) + r"|\d{1,3})(?![\w])",
    }
    leads = {"date": lex.get("date_leads", []), "month": lex.get("month_leads", []),
             "season": lex.get("month_leads", []), "decade": lex.get("decade_leads", []),
             "under": lex.get("month_leads", [])}
    patterns: list[tuple[str, re.Pattern]] = []
    # the words one of which a pattern needs as a token: a month name, a season name (or None: no such need)
    month_tokens = frozenset(_longest_token(w) for w in months)
    season_tokens = frozenset(_longest_token(w) for w in seasons)
    needs: list[frozenset[str] | None] = []
    for family, templates in lex["patterns"].items():
        for tpl in templates:
            word = _needed_word(tpl)
            needs.append(month_tokens if "{MONTH" in tpl and "{SEASON}" not in tpl else
                         season_tokens if "{SEASON}" in tpl and "{MONTH" not in tpl else
                         frozenset([word]) if word and _WORD.fullmatch(word) else None)
            src = tpl
            for key, val in subs.items():
                src = src.replace("{" + key + "}", val)
            src = src.replace("{LEAD}", _leads(leads.get(family, []), True))
            src = src.replace("{ULEAD}", _leads(leads.get(family, []), False))
            patterns.append((family, re.compile(r"(?<![\w'’])" + src, re.IGNORECASE)))
    # years: a year context word before the number is required
    year_src = _leads(lex.get("year_leads", []), False) + subs["YEAR"]
    patterns.append(("year", re.compile(r"(?<![\w'’])" + year_src, re.IGNORECASE)))
    needs.append(None)

    rel = lex["relative"]
    nums = _alt(rel["number_words"])
    few = _alt(rel["few_words"])
    units = _alt(rel["units"])
    post = _alt(rel["post_words"])
    dets = _leads(rel.get("dets", []), False)
    anchor_leads = [a for a in rel.get("anchor_leads", []) if a]
    anchor = (r"(?:\s+(?P<anchor>" + _leads(anchor_leads, bool(rel.get("anchor_bare")))
              + r"[^\W\d_][\w'’\-]*))?")
    # "three days later": the unit+word core is searched first, the count before it only where a core matched
    num_part = (r"(?<![\w'’])(?:(?P<num>" + nums + r"|\d{1,3})(?:\s+|(?<=['’]))|(?P<few>" + few
                + r")\s+|(?P<det>" + dets + r"))\Z")
    prefix = re.compile(num_part, re.IGNORECASE)
    rel_patterns = [("post", re.compile(r"(?<!\w)(?P<unit>" + units + r")\s+(?P<post>"
                                        + post + r")(?![\w])" + anchor, re.IGNORECASE))]
    if rel.get("pre_words"):
        rel_patterns.append(("pre", re.compile(r"(?<![\w'’])" + dets + "(?P<pre>" + _alt(rel["pre_words"])
                                               + r")\s+(?P<unit>" + units + r")(?![\w])", re.IGNORECASE)))
    if rel.get("same_dets"):
        rel_patterns.append(("same", re.compile(r"(?<![\w'’])(?P<same>" + _alt(rel["same_dets"]) + r")\s+(?P<unit>"
                                                + units + r")(?![\w])", re.IGNORECASE)))
    phrase_info = {_norm(p["text"]): p for p in rel.get("phrases", [])}
    if phrase_info:
        rel_patterns.append(("phrase", re.compile(r"(?<![\w'’])(?P<phrase>" + _alt(phrase_info) + r")(?![\w])"
                                                  + anchor, re.IGNORECASE)))
    # a pattern family can only match when one of its key words is a token of the sentence
    trig_words = {_longest_token(w) for w in list(months) + list(seasons) + list(decade_words)}
    trig_rel = {_longest_token(w) for w in list(rel["units"]) + list(phrase_info)}
    same_year = (re.compile(r"\s*,?\s*" + _alt(lex["same_year_phrases"]) + r"(?![\w])", re.IGNORECASE)
                 if lex.get("same_year_phrases") else None)
    holidays = {_norm(h["text"]): h for h in lex.get("holidays", [])}
    holiday_pat = None
    if holidays:
        link = lex.get("holiday_year_link", "").replace("{YEAR}", subs["YEAR"])
        holiday_pat = re.compile(r"(?<![\w'’])" + _leads(lex.get("holiday_leads", []), True) + "(?P<holiday>"
                                 + _alt(h["text"] for h in lex["holidays"]) + r")(?![\w])" + link, re.IGNORECASE)
    ordinals = {_norm(k): v for k, v in lex.get("ordinals", {}).items()}
    patterns = [(f, _casefree(p), need) for (f, p), need in zip(patterns, needs)]
    # each relative family needs one of its own words: "later"/"después" (post), "following" (pre), ...
    rel_needs = {"post": rel["post_words"], "pre": rel.get("pre_words", []), "same": rel.get("same_dets", []),
                 "phrase": list(phrase_info)}
    rel_patterns = [(f, _casefree(p), frozenset(_longest_token(w) for w in rel_needs[f]))
                    for f, p in rel_patterns]
    holiday_pat = _casefree(holiday_pat) if holiday_pat is not None else None
    ranges, year_pairs = timex_ranges.compile_ranges(lex, full_months, subs["YEAR"])
    return _Lang(lang, lex, months, seasons, {_norm(k): v for k, v in lex.get("season_names", {}).items()},
                 decade_words, {_norm(m) for m in lex.get("measure_words", [])}, patterns, rel_patterns, rel,
                 phrase_info, need_day, trig_words, trig_rel, prefix, same_year, holidays, holiday_pat,
                 {_longest_token(h) for h in holidays}, ordinals,
                 {_norm(u) for u in lex.get("ordinal_units", [])},
                 {"age", "aged", "años", "anni", "età", "edad"}
                 # "At fifteen, she ...": a number word alone may be an age (not "one", "un", "a")
                 | {_norm(k) for k, v in rel.get("number_words", {}).items() if isinstance(v, int) and v >= 2},
                 re.compile(lex["era_hint"]) if lex.get("era_hint") else None, tuple(ranges), year_pairs)


@lru_cache(maxsize=4096)
def _dateparser_day(lang: str, text: str) -> str | None:
    """Normalise a numeric date with dateparser (day/month order follows the language)."""
    parser = _date_parser(lang)
    data = parser.get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date().isoformat()


@lru_cache(maxsize=None)
def _date_parser(lang: str):
    from dateparser.date import DateDataParser  # imported lazily: slow to import, rarely needed
    return DateDataParser(languages=[lang], settings={
        "RELATIVE_BASE": dt.datetime(1900, 1, 1), "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]})


_QUOTE_CHARS = re.compile("[" + QUOTES + "]")


def _inside_quotes(text: str, pos: int) -> bool:
    if _QUOTE_CHARS.search(text, 0, pos) is None:  # most sentences quote nothing
        return False
    return sum(text.count(q, 0, pos) for q in QUOTES) % 2 == 1


_TWO_WORDS = re.compile(r"\s*([^\s,;:()]+)(?:\s+([^\s,;:()]+))?")


def _measure_after(text: str, pos: int, measure: set[str]) -> bool:
    """"2006 metres", "1950 por ciento": a number before a measure word is no year ("1950 por la tarde" is)."""
    m = _TWO_WORDS.match(text, pos)
    if not m:
        return False
    one = _norm(m.group(1)).rstrip(".")
    return one in measure or bool(m.group(2)) and f"{_norm(m.group(1))} {_norm(m.group(2)).rstrip('.')}" in measure


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s*([^\s,;:()]+)", text[pos:])
    return _norm(m.group(1)).rstrip(".") if m else ""


def _grp(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)  # not groupdict(): building the dict of every group costs more than the match
    except IndexError:  # a group this pattern does not have
        return None


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _counted(L: _Lang, m: re.Match, text: str) -> bool:
    """"about 1500 soldiers", "unos 1500 hombres", "circa 1500 soldati": a word that approximates a year also
    approximates a count, and a plural noun right after the number says which one it is ("in about 1482 he
    moved", "hacia 1500 llegó" stay years)."""
    if m.groupdict().get("year") is None:
        return False
    lead = _norm(m.group(0)[: m.start("year") - m.start()]).strip()
    if not lead or not any(lead == c or lead.endswith(" " + c) or lead.startswith(c + " ")
                           for c in L.lex.get("count_leads", ())):
        return False
    nxt = _NEXT_WORD.match(text, m.end())
    word = nxt.group(1) if nxt else ""
    return len(word) >= 4 and word.islower() and word.endswith(tuple(L.lex.get("plural_endings", ())))


def _explicit(L: _Lang, family: str, m: re.Match, text: str) -> dict[str, Any] | None:
    """Fields of an explicit (non-relative) match, or None when the match is not a date after all."""
    month_s, year_s, day_s = _grp(m, "month"), _grp(m, "year"), _grp(m, "day")
    era = _grp(m, "eyear")  # "A.D. 79", "79 d.C.": an era marker makes any number a year
    if era:
        family, year_s = "year", era
    month = L.months.get(_norm(month_s)) if month_s else None
    year = int(year_s) if year_s else None
    day = int(day_s) if day_s else None
    if month_s:
        if L.lex.get("month_capitalised") and not month_s[0].isupper():
            return None  # "march", "may" as verbs
        if _norm(month_s) in L.need_day and day is None and year is None and (
                family != "under" or not _CLAUSE_END.match(text, m.end())):
            return None  # "may" is a verb or a name; "written in May," closing its clause is the month
    if year is not None:
        if not (1 if era else YEAR_MIN) <= year <= YEAR_MAX or _measure_after(text, m.end(), L.measure):
            return None
        if family == "year" and _counted(L, m, text):
            return None
    if family == "date":
        if year is None:
            return dict(kind="underspecified", month=month, day=day, precision="unknown")
        if not timex_ranges.valid_day(year, month, day):
            return None
        return dict(kind="date", value=f"{year:04d}-{month:02d}-{day:02d}", precision="day",
                    year=year, month=month, day=day)
    if family == "month":
        return dict(kind="month", value=f"{year:04d}-{month:02d}-01", precision="month", year=year, month=month)
    if family == "season":
        key = _norm(_grp(m, "season"))
        first = L.seasons[key]
        return dict(kind="season", value=f"{year:04d}-{first:02d}-01", precision="season", year=year,
                    month=first, season=L.season_names.get(key, key))
    if family == "year":
        if not era and m.group(0)[:1].isdigit() and len(text[:m.start()].split()) > 4:
            return None  # a bare year closes a heading ("Oslen, 1944."), not a sentence listing numbers
        return dict(kind="year", value=f"{year:04d}-01-01", precision="year", year=year)
    if family == "decade":
        if _grp(m, "full"):
            start = int(m.group("full")) // 10 * 10
        elif _grp(m, "two"):
            start = 1900 + int(m.group("two"))  # "the '50s": a two-digit decade means the 1900s
        else:
            start = 1900 + L.decade_words[_norm(m.group("word"))]
        return dict(kind="decade", value=f"{start:04d}-01-01", precision="decade", year=start)
    if family in ("that", "next"):
        # "that winter": the next winter at or after the narrative; "the following spring": strictly after it
        key = _norm(m.group("season"))
        return dict(kind="underspecified", month=L.seasons[key], season=L.season_names.get(key, key),
                    unit="season", direction="same" if family == "that" else "after")
    if family == "ordinal":
        o = _norm(m.group("ord"))
        n = L.ordinals.get(o)
        if n is None:
            digits = re.match(r"\d+", o)
            n = int(digits.group(0)) if digits else None
        if not n or n > 60:
            return None
        return dict(kind="ordinal", amount=n, unit="day", precision="unknown")
    if family == "age":
        a = _norm(m.group("num"))
        n = int(a) if a.isdigit() else _normed(L.lang, "number_words").get(a)
        if not n or n > 120:
            return None
        return dict(kind="age", amount=n, unit="year", precision="unknown")
    if family == "dayonly":
        # "A la mañana del 14": a day of the month the narrative is in; dates gives it month and year
        return dict(kind="underspecified", day=day, precision="unknown")
    if family == "under":
        if _grp(m, "season"):
            key = _norm(m.group("season"))
            return dict(kind="underspecified", month=L.seasons[key], season=L.season_names.get(key, key))
        return dict(kind="underspecified", month=month)
    return None


@lru_cache(maxsize=None)
def _normed(lang: str, table: str) -> dict[str, Any]:
    """A relative-phrase table of the lexicon with normalised keys."""
    return {_norm(k): v for k, v in _compiled(lang).rel[table].items()}


def _relative(L: _Lang, family: str, m: re.Match, sent_text: str) -> tuple[dict[str, Any], int, int] | None:
    """Fields of a relative match and its span (the count before it added, an unusable anchor cut off)."""
    rel = L.rel
    start, end = m.start(), m.end()
    unit_s = _grp(m, "unit")
    unit = rel["units"].get(unit_s.lower()) if unit_s else None
    if unit is None and unit_s:
        unit = _normed(L.lang, "units").get(_norm(unit_s))
    amount: int | None = None
    if family == "post":
        direction = _normed(L.lang, "post_words")[_norm(m.group("post"))]
        pm = L.prefix.search(sent_text, max(0, start - 40), start)
        if pm:
            start = pm.start()
        if pm and pm.group("num"):
            n = _norm(pm.group("num"))
            amount = int(n) if n.isdigit() else _normed(L.lang, "number_words").get(n)
        elif pm and pm.group("det"):
            amount = 1  # "the day after", "il giorno dopo"
        anchor_ok = _norm(m.group("post")) in {_norm(w) for w in rel.get("anchor_post", [])}
    elif family == "pre":
        direction = _normed(L.lang, "pre_words")[_norm(m.group("pre"))]
        # "the next day" is one; "the following weeks" are some, how many is not said
        plural = unit_s is not None and _norm(unit_s) in {_norm(w) for w in rel.get("plural_units", [])}
        amount, anchor_ok = (None if plural else 1), False
    elif family == "same":
        direction, amount, anchor_ok = "same", 0, False
    else:
        info = L.phrase_info[_norm(m.group("phrase"))]
        if info.get("initial"):
            before = sent_text[:m.start()].rstrip()
            if before and before[-1] not in ",;:([—–-\"“":
                return None  # "and later his classmates": not a time cue in mid-clause
        if info.get("need_anchor") and not _grp(m, "anchor"):
            return None  # "la mattina" alone is not a time cue; "la mattina del voto" is the day of the vote
        direction, amount, unit = info["direction"], info.get("amount"), info.get("unit")
        anchor_ok = bool(info.get("anchor"))
    anchor = None
    if _grp(m, "anchor"):
        words = _norm(m.group("anchor")).split(" ")
        strip = {_norm(w) for w in rel.get("anchor_strip", [])}
        while words and words[0] in strip:
            words = words[1:]
        bad = {_norm(w) for w in rel.get("anchor_stop", [])} | {_norm(w) for w in rel["number_words"]}
        bad |= {_norm(w) for w in rel["units"]} | set(L.months)
        noun = words[-1].split("'")[-1] if words else ""
        if anchor_ok and noun and noun not in bad and not noun.isdigit():
            anchor = m.group("anchor")
            for w in rel.get("anchor_strip", []):
                if re.match(_phrase(w) + r"\s+", anchor, re.IGNORECASE):
                    anchor = anchor[re.match(_phrase(w) + r"\s+", anchor, re.IGNORECASE).end():]
                    break
        else:
            end = m.start("anchor")
            while end > m.start() and sent_text[end - 1].isspace():
                end -= 1
    if family == "phrase" and anchor is None and L.phrase_info[_norm(m.group("phrase"))].get("need_anchor"):
        return None  # "the night of course": no event named after all
    return dict(kind="relative", precision="relative", direction=direction, amount=amount, unit=unit,
                anchor=anchor), start, end


def _holiday(L: _Lang, m: re.Match) -> dict[str, Any] | None:
    """A fixed feast is a month and day (movable ones a season), dated by the narrative unless a year follows."""
    name = m.group("holiday")
    if not any(ch.isupper() for ch in name):
        return None  # "paese natale", "pascua" as a common noun: a feast is written capitalised
    if m.start() == m.start("holiday") and _in_name(m.string, m.start("holiday"), m.end("holiday")):
        return None  # "el Fuerte Navidad", "Christmas Island": a place named after the feast, no time
    # "la noche de Navidad" is Christmas Eve: the longest tail of lead + name that is a feast of its own
    words = _norm(m.string[m.start():m.end("holiday")]).split(" ")
    info = next(L.holidays[k] for k in (" ".join(words[i:]) for i in range(len(words))) if k in L.holidays)
    year_s = _grp(m, "year")
    year = int(year_s) if year_s else None
    if "season" in info:
        season = info["season"]
        first = next((v for k, v in L.seasons.items() if L.season_names.get(k, k) == season), 3)
        if year is not None:
            return dict(kind="season", value=f"{year:04d}-{first:02d}-01", precision="season", year=year,
                        month=first, season=season)
        return dict(kind="underspecified", month=first, season=season, unit="season", direction="same")
    month, day = int(info["month"]), int(info["day"])
    if year is not None:
        return dict(kind="date", value=f"{year:04d}-{month:02d}-{day:02d}", precision="day", year=year,
                    month=month, day=day)
    return dict(kind="underspecified", month=month, day=day, unit="occurrence", direction="after")


def extract(text: str, lang: str, dct: dt.date | None = None) -> list[dict[str, Any]]:
    """Time expressions in one sentence: dicts with start, end (into `text`), text and TimeExpr fields.

    Spans follow TimeML (the preposition is `lead`, outside); deictic ones are resolved against `dct`."""
    lang = lang if lang in lexicons.LANGS else "en"
    found = _candidates(text, lang)
    return timex_extent.finish(text, lang, found, dct)


@lru_cache(maxsize=None)
def _any_trigger(lang: str) -> frozenset[str]:
    """Every token one of the pattern families below is gated on (the families gate on these or on digits)."""
    L = _compiled(lang)
    C = timex_classes.compiled(lang)
    return frozenset(L.trig_words | L.trig_rel | L.trig_holiday | L.trig_ordinal | L.trig_age
                     | (set(C.token_families) if C is not None else set()))


def _candidates(text: str, lang: str) -> list[dict[str, Any]]:
    L = _compiled(lang)
    cands: list[tuple[int, int, int, dict[str, Any]]] = []
    # most sentences hold no time expression: two cheap searches decide which pattern families can match
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): offsets must stay the sentence's
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    tokens = set(_WORD.findall(low))
    has_digit = _DIGIT.search(text) is not None
    if not has_digit and tokens.isdisjoint(_any_trigger(lang)):
        return []  # no word any family starts from, and no number: nothing below could match
    has_word = not tokens.isdisjoint(L.trig_words)
    has_year = has_digit and _YEAR4.search(text) is not None
    has_decade = has_word or (has_digit and _DECADE_DIGITS.search(text) is not None)
    can = {"date": has_word and has_digit, "month": has_word and has_year, "season": has_word and has_year,
           "year": has_year, "decade": has_decade, "under": has_word, "that": has_word, "next": has_word,
           "ordinal": not tokens.isdisjoint(L.trig_ordinal), "dayonly": has_digit, "age": has_digit or not tokens.isdisjoint(L.trig_age),
           "era": has_digit and L.era_hint is not None and L.era_hint.search(text) is not None}
    if L.holiday_pat is not None and not tokens.isdisjoint(L.trig_holiday):
        for m in _finditer(L.holiday_pat, text, low):
            if _inside_quotes(text, m.start()):
                continue
            fields = _holiday(L, m)
            if fields:
                cands.append((m.start(), m.end(), KIND_RANK[fields["kind"]], fields))
    for family, pat, need in L.patterns:
        if not can.get(family, True) or need is not None and tokens.isdisjoint(need):
            continue
        for m in _finditer(pat, text, low):
            if _inside_quotes(text, m.start()):
                continue  # titles in quotes: "April Snow" is not a date
            fields = _explicit(L, family, m, text)
            if fields:
                end = m.end()
                if fields["kind"] == "underspecified" and L.same_year is not None:
                    sy = L.same_year.match(text, end)
                    if sy:
                        # "in January of that year": the year is the narrative's, stated; no forward roll
                        end = sy.end()
                        fields.update(direction="same", unit="year")
                cands.append((m.start(), end, KIND_RANK[fields["kind"]], fields))
    head = _HEAD_YEAR.match(text) if has_year else None
    if head and not any(c[0] <= head.start("year") < c[1] for c in cands):
        # "1893, Liceo Varno, Osel: ..." / "1893: the mill": a year heading its sentence dates it
        y = int(head.group("year"))
        if YEAR_MIN <= y <= YEAR_MAX:
            cands.append((head.start("year"), head.end("year"), KIND_RANK["year"],
                          dict(kind="year", value=f"{y:04d}-01-01", precision="year", year=y)))
    if has_digit:
        for m in _NUMERIC.finditer(text):
            value = _dateparser_day(L.lang, m.group(0))
            if value:
                y, mo, d = (int(x) for x in value.split("-"))
                cands.append((m.start(), m.end(), 0, dict(kind="date", value=value, precision="day",
                                                          year=y, month=mo, day=d)))
    for family, pat, need in (L.rel_patterns if not tokens.isdisjoint(L.trig_rel) else ()):
        if tokens.isdisjoint(need):
            continue
        for m in _finditer(pat, text, low):
            got = _relative(L, family, m, text)
            if got:
                fields, start, end = got
                cands.append((start, end, KIND_RANK["relative"], fields))
    for s, e, fields in timex_classes.find(text, L.lang, tokens, low):
        if not _inside_quotes(text, s):
            cands.append((s, e, NEW_RANK, fields))
    # longest span wins; on equal length the more explicit kind
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for s, e, _, fields in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.append(dict(start=s, end=e, text=text[s:e], **fields))
    out.sort(key=lambda d: d["start"])
    if L.ranges and (out or has_year):
        timex_ranges.find(L, text, out, has_year, lambda pos: _measure_after(text, pos, L.measure))
    return out


_FIELDS = {f.name for f in dataclasses.fields(TimeExpr)}


def sentence_timex(sent: Sentence, dct: dt.date | None = None, found: list[dict[str, Any]] | None = None,
                   told: dict[str, int] | None = None) -> list[TimeExpr]:
    """The TimeExprs of a sentence; `found` = its _candidates when already computed, `told` what the
    document's earlier sentences stated (see timex_extent.finish)."""
    if found is None:
        found = _candidates(sent.text, sent.lang if sent.lang in lexicons.LANGS else "en")
    res = []
    for f in timex_extent.finish(sent.text, sent.lang, [dict(c) for c in found], dct, told):
        s, e = f["start"], f["end"]
        kw = {k: v for k, v in f.items() if k in _FIELDS and k not in ("start", "end", "pstart", "pend")}
        res.append(TimeExpr(doc=sent.doc, sent=sent.idx, cstart=sent.cstart + s, cend=sent.cstart + e,
                            pstart=sent.cstart + f.get("pstart", s), pend=sent.cstart + f.get("pend", e), **kw))
    return res


def _doc_key(name: str) -> str:
    return name[:-4] if name.lower().endswith(".txt") else name


def run(story: Story) -> Story:
    given = {_doc_key(k): v for k, v in (story.doc_dates or {}).items()}
    by_doc: dict[str, list[Sentence]] = {}
    for sent in story.sentences:
        by_doc.setdefault(sent.doc, []).append(sent)
    clean = {d.doc: d.clean for d in story.docs}
    for doc, sents in by_doc.items():
        found = [_candidates(s.text, s.lang if s.lang in lexicons.LANGS else "en") for s in sents]
        dct = timex_values.parse_date(given.get(doc))
        # a dateline or a heading that is a date ("ROMA, 3 marzo 1921 —") is the document's date. It wins
        # over a date given from outside (a catalogue's, a crawl's, a form's): "yesterday" and "on Friday"
        # are the writer's, counted from the day the writer put at the head of the text
        head = [(s.cstart + f["start"], s.cstart + f["end"], f.get("value"), f.get("precision"))
                for s, fs in zip(sents, found) if s.cstart < 1500 for f in fs]
        stated = timex_values.parse_date(timex_values.heading_date(clean.get(doc, ""), head))
        if stated is not None:
            if dct is not None and stated != dct:
                story.messages.append(f"{doc}: its dateline says {stated.isoformat()}, not the given "
                                      f"{dct.isoformat()}; the dateline's date is used")
            dct = stated
        if dct is not None:
            story.doc_dates[doc] = dct.isoformat()
        told: dict[str, int] = {}
        for sent, fs in zip(sents, found):
            story.timex.extend(sentence_timex(sent, dct, fs, told))
    return story


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.-]*)\s+$")
_WORD_AFTER = re.compile(r"\s+([^\W\d_][\w'’-]*)")


def _in_name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised word at text[start:end] is one word of a longer name: a capitalised word right
    before it that does not open the sentence ("el Fuerte Navidad") or right after it ("Christmas Island")."""
    before = _WORD_BEFORE.search(text[:start])
    if before is not None and before.group(1)[0].isupper() and text[:before.start(1)].strip():
        return True
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1)[0].isupper()
