"""Time expressions beyond calendar dates: weekdays, today/yesterday, now/the past, this/last/next + unit,
durations, "N ago", quarters, centuries, clock times, times of day and sets ("every summer").

Everything language-specific is the "timex" table of pipeline/lexicons/<lang>/temporal.json: word tables
({WEEKDAY}, {DUNIT}, ...) and regex templates per family that use them. This module turns a match into
fields (TimeML type, granularity, offset from the document date); timex_values computes values from them.
Spans follow TimeML: a preposition before the expression is never part of it (temporal.py splits leads).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import lexicons

_WORD = re.compile(r"\w+")
# cheap tests before the costly families: a clock time has digits around ":" or an am/pm
_CLOCK_HINT = re.compile(r"\d[:.][0-5]\d|\d{4}\s+(?:utc|gmt)|\d\s*[ap]\.?\s?m\b")  # over the lower-cased text
_CAPITAL = re.compile(r"(?<!\\)(?<!\(\?P<)(?<!\(\?)[A-Z]")
_QUARTER_HINT = re.compile(r"\bQ[1-4]\b|\bFY\s?\d")
ROMAN = {"I": 1, "V": 5, "X": 10}
# TimeML duration unit codes of the lexicon -> (ISO 8601 designator, time part?)
DUR_CODE = {"S": ("S", True), "TM": ("M", True), "TH": ("H", True), "D": ("D", False), "W": ("W", False),
            "2W": ("W", False), "M": ("M", False), "6M": ("M", False), "Y": ("Y", False), "DE": ("Y", False),
            "CE": ("Y", False), "Q": ("M", False), "WE": ("WE", False), "ML": ("Y", False)}
DUR_MULT = {"2W": 2, "6M": 6, "DE": 10, "CE": 100, "Q": 3, "ML": 1000}
# a duration's unit as a calendar unit for "N ago" arithmetic
AGO_UNIT = {"S": "second", "TM": "minute", "TH": "hour", "D": "day", "W": "week", "2W": "week", "M": "month",
            "6M": "month", "Y": "year", "DE": "decade", "CE": "century", "Q": "quarter", "WE": "week",
            "ML": "century"}


_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+(?:[.,]\d)?")
_LEAD_DIGITS = re.compile(r"\d+")
_PREV_WORD = re.compile(r"([\w'’]+)\s*\Z")
_RELATIVE_TAIL = re.compile(r"(?:later|earlier|before|after|ago|afterwards|prior|después|antes|atrás|más tarde|dopo|"
                            r"prima|fa|più tardi)\b")


@lru_cache(maxsize=65536)
def _norm(s: str) -> str:
    return _SPACES.sub(" ", s.lower().replace("’", "'")).strip()


def _phrase(text: str) -> str:
    out = re.escape(text.strip())
    return out.replace(r"\ ", r"\s+").replace("'", "['’]")


def _alt(words) -> str:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return "(?!x)x"
    parts = []
    for w in words:
        p = _phrase(w)
        parts.append(p + (r"\s*" if w.endswith("'") else ""))
    return "(?:" + "|".join(parts) + ")"


@dataclass
class _Classes:
    lang: str
    tab: dict[str, Any]
    hints: dict[str, re.Pattern]  # family -> literal scan its patterns need to succeed (case-sensitive, lower case)
    token_families: dict[str, frozenset[str]]  # a word -> the families it can trigger
    # family, tokens one of which it needs, (pattern, runs over the lower-cased sentence?)
    families: list[tuple[str, frozenset[str], list[tuple[re.Pattern, bool, Any]]]]  # + _pattern_need()
    numbers: dict[str, int]
    weekdays: dict[str, int]
    tods: dict[str, str]
    day_words: dict[str, Any]
    refs: dict[str, str]
    dpre: dict[str, int]
    dpost: dict[str, int]
    cunits: dict[str, str]
    dunits: dict[str, str]
    dmods: dict[str, str | None]
    set_words: dict[str, str]
    wmod_offset: dict[str, int]
    blocked_before: dict[str, set[str]]
    blocked_after: dict[str, set[str]]
    ref_need_lead: set[str]
    ref_leads: re.Pattern | None
    age_after: re.Pattern | None
    age_before: re.Pattern | None
    freq_before: re.Pattern | None
    future: re.Pattern | None
    seasons: dict[str, int]
    season_names: dict[str, str]
    century_names: dict[str, int]
    months: dict[str, int] = None  # full month names -> number ("last September", "el pasado septiembre")
    month_capitalised: bool = False


_DIGIT_NEED = object()
_ONE_DIGIT = re.compile(r"\d")
_OPEN = re.compile(r"\(\?<!\[\\w'’\]\)|\(\?<!\\w\)")
_DIGIT_ALT = re.compile(r"(?:\[[0-9\-]+\]\??|\\d(?:\{\d+(?:,\d+)?\})?|[0-9]\??)+")
_WORD_ALT = re.compile(r"[^\W\d_][^\W\d_'’]*(?:\\s\+[^\W\d_][^\W\d_'’]*)*")


def _pattern_need(src: str):
    """What a family pattern cannot match without, when it opens with a named group of plain words
    ("(?P<noon>noon|midday|midnight)": one of those tokens) or of digits ("(?P<hour>[01]?\\d|2[0-3])": a
    digit); None otherwise. Such a pattern is skipped on sentences without it."""
    m = _OPEN.match(src)
    rest = src[m.end():] if m else src
    g = re.match(r"\(\?P<\w+>([^()]*)\)(?![?*{])", rest)
    if not g:
        return None
    alts = g.group(1).split("|")
    if all(_DIGIT_ALT.fullmatch(a) for a in alts):
        return _DIGIT_NEED
    if all(_WORD_ALT.fullmatch(a) for a in alts):
        return frozenset(max(reversed(a.lower().split("\\s+")), key=len) for a in alts)
    return None


def _casefree(pat: re.Pattern) -> tuple[re.Pattern, bool]:
    """(pattern, runs over the lower-cased sentence?): IGNORECASE costs ~5x, so a pattern without capital
    letters is compiled case-sensitively and run over the lower-cased text (its groups are read back from
    the original sentence by _Orig, so capitalisation checks still see the real case)."""
    if _CAPITAL.search(pat.pattern):
        return pat, False
    return re.compile(pat.pattern, pat.flags & ~re.IGNORECASE), True


class _Orig:
    """A match over the lower-cased sentence that reads its groups from the original one."""
    __slots__ = ("_m", "string")

    def __init__(self, m: re.Match, text: str):
        self._m, self.string = m, text

    def group(self, name: int | str = 0) -> str | None:
        s, e = self._m.span(name)
        return None if s < 0 else self.string[s:e]

    def groupdict(self) -> dict[str, str | None]:
        return {k: self.group(k) for k in self._m.re.groupindex}

    def start(self, name: int | str = 0) -> int:
        return self._m.start(name)

    def end(self, name: int | str = 0) -> int:
        return self._m.end(name)


def _finditer(pat_low: tuple[re.Pattern, bool], text: str, low: str):
    pat, lowered = pat_low
    if not lowered:
        yield from pat.finditer(text)
        return
    for m in pat.finditer(low):
        yield _Orig(m, text)


def _literal(words) -> re.Pattern:
    words = sorted({_norm(w) for w in words if w}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")" if words else "(?!x)x")


def _tokens_of(words) -> set[str]:
    out = set()
    for w in words:
        toks = _WORD.findall(w.lower())
        if toks:
            out.add(max(toks, key=len))
    return out


@lru_cache(maxsize=None)
def _before_pat(words: tuple[str, ...]) -> re.Pattern | None:
    """Matches when one of `words` ends right before a position (searched on the text before it)."""
    words = [w for w in words if w]
    if not words:
        return None
    return re.compile(r"(?:^|(?<=[\s(\"“«]))" + _alt(words) + r"\s*\Z", re.IGNORECASE)


@lru_cache(maxsize=None)
def compiled(lang: str) -> _Classes | None:
    lex = lexicons.load(lang, "temporal")
    tab = lex.get("timex")
    if not tab:
        return None
    rel = lex["relative"]
    numbers = {_norm(k): v for k, v in rel["number_words"].items()}
    seasons = {_norm(k): v for k, v in lex["seasons"].items()}
    dunits = {_norm(k): v for k, v in tab["duration_units"].items()}
    singular = [k for k in tab["duration_units"] if not k.endswith("s") or lang != "en"]
    full_months = [k for k in lex["months"] if not k.endswith(".")]
    subs = {
        "WEEKDAY": _alt(tab["weekdays"]) + r"(?![\w])",
        "WMOD": _alt(tab.get("weekday_mods", [])),
        "TOD": _alt(tab["times_of_day"]) + r"(?![\w])",
        "DAYWORD": _alt(tab["day_words"]) + r"(?![\w])",
        "REF": _alt(tab["refs"]) + r"(?![\w])",
        "DPRE": _alt(tab["deictic_pre"]),
        "DPOST": _alt(tab.get("deictic_post", {})) + r"(?![\w])",
        "ART": _alt(tab.get("deictic_arts", [])),
        "CUNIT": _alt(tab["calendar_units"]) + r"(?![\w])",
        "SEASON": _alt(lex["seasons"]) + r"(?![\w])",
        "DUNIT": _alt(tab["duration_units"]) + r"(?![\w])",
        "DUNITSG": _alt(singular) + r"(?![\w])",
        "DMOD": _alt(tab.get("duration_mods", {})),
        "NUM": "(?:" + _alt(rel["number_words"]) + r"|\d{1,3}(?:[.,]\d)?)(?![\w])",
        "FEW": _alt(rel["few_words"]) + r"(?![\w])",
        "HALF": _alt(tab.get("half", [])),
        "DPHRASE": _alt(tab.get("duration_phrases", {})) + r"(?![\w])",
        "DBARE": _alt(tab.get("duration_bare", [])) + r"(?![\w])",
        "DBARELEAD": _alt(tab.get("duration_bare_leads", [])),
        "QORD": _alt(tab.get("quarter_ordinals", {})) + r"(?![\w])",
        "CORD": _alt(tab.get("century_ordinals", {})),
        "CNAME": "(?-i:" + _alt(tab.get("century_names", {})) + r")(?![\w])",
        "SETDET": _alt(tab.get("set_dets", {})),
        "SETWORD": _alt(tab.get("set_words", {})) + r"(?![\w])",
        "HOURWORD": _alt(tab.get("hour_words", {})),
        "YEAR": r"(?P<year>1\d{3}|20\d{2})(?!\d)",
        "MONTHNAME": _alt(full_months) + r"(?![\w])",
    }
    patterns = []
    for family, templates in tab["timex_patterns"].items():
        for tpl in templates:
            src = tpl
            for key, val in subs.items():
                src = src.replace("{" + key + "}", val)
            src = r"(?<![\w'’])" + src
            # case-insensitive matching costs ~5x: a pattern with no capital letter runs case-sensitively
            # over the lower-cased sentence; the few with capitals (UTC, Q3, XIX) keep IGNORECASE
            if _CAPITAL.search(src):
                patterns.append((family, re.compile(src, re.IGNORECASE), False))
            else:
                patterns.append((family, re.compile(src), True))
    few = _tokens_of(rel["few_words"])
    dur_trig = _tokens_of(tab["duration_units"]) | _tokens_of(tab.get("duration_phrases", {}))
    triggers = {
        "weekday": _tokens_of(tab["weekdays"]),
        "dayword": _tokens_of(tab["day_words"]),
        "ref": _tokens_of(tab["refs"]),
        "deictic": _tokens_of(tab["calendar_units"]) | _tokens_of(lex["seasons"]) | {"periodo", "período", "momento",
                                                                                       "period", "time"},
        "dmonth": _tokens_of(full_months),
        "duration": dur_trig | _tokens_of(["decade", "century", "fortnight", "lifetime", "year-long"]),
        "ago": _tokens_of(tab.get("ago", [])) | _tokens_of(tab.get("ago_pre", [])),
        "quarter": {"quarter", "half", "fiscal", "financial", "trimestre", "semestre", "fiscale", "esercizio"},
        "century": {"century", "siglo", "secolo"} | {_norm(k) for k in tab.get("century_names", {})},
        "clock": {"noon", "midday", "midnight", "mediodía", "medianoche", "mezzogiorno", "mezzanotte", "clock"},
        "tod": _tokens_of(tab["times_of_day"]),
        "set": _tokens_of(tab.get("set_dets", {})) | _tokens_of(tab.get("set_words", {})),
        # "ended the day", "cerró la jornada": the day the text is at (news of a market, a match, a vote)
        "sameday": {"day", "día", "jornada", "giornata"},
    }
    del few
    triggers["setfreq"] = {"times", "once", "twice"}
    families: dict[str, list[tuple[re.Pattern, bool, Any]]] = {}
    for family, pat, lower in patterns:
        families.setdefault(family, []).append((pat, lower, _pattern_need(pat.pattern)))
    lead_list = tab.get("ref_leads", [])
    # one cheap scan decides whether a family's costly patterns can match: its key phrases, lower case
    hints = {"set": _literal(list(tab.get("set_dets", {})) + list(tab.get("set_words", {}))),
             # "las ocho de la noche", "le otto di sera": an hour word before a part of the day
             "clock": re.compile(r"(?:de\s+la|di|del|della)\s+" + _literal(tab["times_of_day"]).pattern)}
    if tab.get("sameday_hints"):
        hints["sameday"] = _literal(tab["sameday_hints"])
    # "last September": a month after a word of the deictic tables, or before one ("septiembre pasado")
    deictic_words = list(tab["deictic_pre"]) + list(tab.get("deictic_post", {}))
    hints["dmonth"] = re.compile(r"(?<!\w)(?:" + _literal(deictic_words).pattern + r")(?!\w)")
    token_families: dict[str, set[str]] = {}
    for family, words in list(triggers.items()) + [("tod", set(_tokens_of(tab["times_of_day"])))]:
        for w in words:
            token_families.setdefault(w, set()).add(family)
    return _Classes(
        lang, tab, hints, {w: frozenset(f) for w, f in token_families.items()},
        [(f, frozenset(triggers[f]), ps) for f, ps in families.items()], numbers,
        {_norm(k): v for k, v in tab["weekdays"].items()},
        {_norm(k): v for k, v in tab["times_of_day"].items()},
        {_norm(k): v for k, v in tab["day_words"].items()},
        {_norm(k): v for k, v in tab["refs"].items()},
        {_norm(k): v for k, v in tab["deictic_pre"].items()},
        {_norm(k): v for k, v in tab.get("deictic_post", {}).items()},
        {_norm(k): v for k, v in tab["calendar_units"].items()},
        dunits,
        {_norm(k): v for k, v in tab.get("duration_mods", {}).items()},
        {_norm(k): v for k, v in tab.get("set_words", {}).items()},
        {_norm(k): v for k, v in tab.get("weekday_mod_offset", {}).items()},
        {_norm(k): {_norm(w) for w in v} for k, v in tab.get("blocked_before", {}).items()},
        {_norm(k): {_norm(w) for w in v} for k, v in tab.get("blocked_after", {}).items()},
        {_norm(w) for w in tab.get("ref_need_lead", [])},
        _before_pat(tuple(lead_list)),
        re.compile(r"\s*(?:" + _alt(tab.get("age_after", [])) + r")(?![\w])", re.IGNORECASE)
        if tab.get("age_after") else None,
        _before_pat(tuple(tab.get("age_before", []))),
        _before_pat(tuple(tab.get("freq_before", []))),
        re.compile(tab["future_cues"], re.IGNORECASE) if tab.get("future_cues") else None,
        seasons, {_norm(k): v for k, v in lex.get("season_names", {}).items()},
        {_norm(k): v for k, v in tab.get("century_names", {}).items()},
        {_norm(k): v for k, v in lex["months"].items() if not k.endswith(".")}, bool(lex.get("month_capitalised")),
    )


def find(text: str, lang: str, tokens: set[str] | None = None,
         low: str | None = None) -> list[tuple[int, int, dict[str, Any]]]:
    """Candidates (start, end, fields) of the families above in one sentence (`tokens`: its lower-case words,
    `low`: the sentence lower-cased with its length kept)."""
    C = compiled(lang)
    if C is None:
        return []
    if low is None:
        low = text.lower()
        if len(low) != len(text):  # a letter whose lower case is longer ("İ"): offsets must stay the sentence's
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if tokens is None:
        tokens = set(_WORD.findall(low))
    # which families one of the sentence's words can start: one dict look-up per word
    fams: set[str] = set()
    digits = False
    for t in tokens:
        f = C.token_families.get(t)
        if f is not None:
            fams |= f
        elif not digits and t[:1].isdigit():
            digits = True
    out = []
    for family, _trig, pats in C.families:
        if family == "clock":
            if "clock" not in fams and not (digits and _CLOCK_HINT.search(low)) and (
                    "tod" not in fams or C.hints["clock"].search(low) is None):
                continue
        elif family == "quarter":
            if "quarter" not in fams and not (digits and _QUARTER_HINT.search(text)):
                continue
        elif family not in fams or family in C.hints and C.hints[family].search(low) is None:
            continue
        kind = {"setfreq": "set", "dmonth": "deictic"}.get(family, family)
        for pat, lower, need in pats:
            if need is not None and (_ONE_DIGIT.search(low) is None if need is _DIGIT_NEED
                                     else tokens.isdisjoint(need)):
                continue
            span = "span" in pat.groupindex  # a pattern may match context (a lead) around its span
            for m in pat.finditer(low if lower else text):
                fields = timex_fields.fields(C, kind, m, text)
                if fields is not None:
                    out.append((m.start("span"), m.end("span"), fields) if span else (m.start(), m.end(), fields))
    return out


from . import timex_fields  # noqa: E402  (it reads this module's tables: imported last)
