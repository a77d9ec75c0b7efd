"""Text cues the dates stage reads: the per-language lexicon patterns (pluperfect, production, birth,
return, memory, weekday, intention cues) and the passes that complete what the finder left out before
the narrative walk (a bare year after a day and month, a day before a month, date-only headings, ages
told as clauses, publication datelines). Kept apart from the walk in dates.py, which only resolves.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from . import lexicons
from .model import Document, Event, Sentence, Story, TimeExpr


@lru_cache(maxsize=None)
def flashback_cue(lang: str) -> re.Pattern | None:
    """Pluperfect ("had arranged", "había arreglado", "aveva organizzato"): a look back from the narrative."""
    cues = lexicons.load(lang, "temporal").get("flashback_cues", [])
    return re.compile("|".join(f"(?:{c})" for c in cues), re.IGNORECASE) if cues else None


@lru_cache(maxsize=None)
def cue_words(lang: str, topic: str) -> re.Pattern | None:
    """production_cues ("released"), setting_cues ("is set in") of a language as one pattern."""
    cues = lexicons.load(lang, "temporal").get(topic, [])
    if not cues:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
                      + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def birth_cue(lang: str) -> re.Pattern | None:
    """"was born", "nació", and the historic present of biographies ("nasce", "nace", "is born")."""
    return cue_list(lang, "birth_cues", "birth_cues_present")


@lru_cache(maxsize=None)
def pattern_list(lang: str, topic: str) -> re.Pattern | None:
    """A lexicon list of regular expressions as one pattern (small_hours)."""
    pats = lexicons.load(lang, "temporal").get(topic, [])
    return re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE) if pats else None


@lru_cache(maxsize=None)
def scope_cue(lang: str) -> re.Pattern | None:
    """"La novela retrocede al verano de 1936", "The novel goes back to 1936": a look-back scope opens."""
    return cue_list(lang, "scope_cues")


def _alternation(words: list[str], apostrophes: bool = False) -> str:
    """Lexicon phrases as one regex alternation, longest first, any run of spaces between their words
    (and, with `apostrophes`, either apostrophe)."""
    alts = (re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return "|".join(a.replace("'", "['’]") if apostrophes else a for a in alts)


def _lexicon_pattern(lang: str, keys: tuple[str, ...], before: str, apostrophes: bool = False) -> re.Pattern | None:
    table = lexicons.load(lang, "temporal")
    words = [w for key in keys for w in table.get(key, [])]
    if not words:
        return None
    return re.compile(before + "(?:" + _alternation(words, apostrophes) + r")(?!\w)", re.IGNORECASE)


def cue_list(lang: str, topic: str, *more: str) -> re.Pattern | None:
    return _lexicon_pattern(lang, (topic, *more), r"(?<!\w)", apostrophes=True)


@lru_cache(maxsize=None)
def return_cue(lang: str) -> re.Pattern | None:
    """"Now ...", "Back in ...", "Ora ...": a sentence that brings the story back from a look-back."""
    return _lexicon_pattern(lang, ("return_cues",), r"^[\W_]*")


@lru_cache(maxsize=None)
def relative_pronoun(lang: str) -> re.Pattern | None:
    """", che ...", ", who ...": the start of a relative clause, whose dates are its own."""
    return _lexicon_pattern(lang, ("relative_pronouns",), r",\s*")


# what may follow a parenthesised date that closes its sentence: ")" and the sentence's end
_CLOSES_SENTENCE = re.compile(r"\s*\)\s*[.!?;]?\s*$")


def subordinate_start(t: TimeExpr, sent: Sentence | None, lang: str) -> int | None:
    """Where the relative clause or parenthesis holding `t` opens (clean offset), else None.

    Such a date dates that clause only: "il conte, che nel 1848 aveva fondato la società, proclamò ..."
    is not an event of 1848 (the clause is, when it is told as an event of its own)."""
    if sent is None:
        return None
    before = sent.text[:max(0, t.cstart - sent.cstart)]
    if before.count("(") > before.count(")"):
        opens = before.rfind("(")
        inside, after = before[opens + 1:], sent.text[max(0, t.cend - sent.cstart):]
        if not inside.strip() and _CLOSES_SENTENCE.match(after) and t.kind in ("date", "month", "season", "year"):
            # "libera Orléans dagli inglesi (maggio 1429).": a parenthesis holding only a date that closes the
            # sentence dates what the sentence tells, as "in May 1429" would; mid-sentence ("il trattato
            # di Troyes (1420) e ...") it dates the thing just named
            return None
        return sent.cstart + opens
    cut = before.rfind(",")  # only the last comma can open the clause that holds the date
    if cut < 0:
        return None
    pat = relative_pronoun(lang)
    if pat is not None and pat.match(before, cut) is not None:
        return sent.cstart + cut
    det = _determiner(lang)
    after = sent.text[max(0, t.cend - sent.cstart):]
    if det is not None and det.match(before, cut + 1) is not None and re.match(r"\s*[,;)]", after):
        # ", una Norton 500 M18 del 1939, i due partono": a noun phrase between commas; its year is the
        # thing's (a model, a vintage), not the event's
        return sent.cstart + cut
    return None


def planned(t: TimeExpr, sentences: dict[int, Sentence], lang: str) -> bool:
    """"Officials intended to bring in the changes the next day", "hoping to arrive by April 2": the
    plan's date, not the event's (a full date stays: "decided to leave on 3 May 1950" is often kept)."""
    intent = cue_list(lang, "intention_cues")
    if intent is None or t.kind not in ("relative", "underspecified"):
        return False
    sent = sentences.get(t.sent)
    return bool(sent is not None and intent.search(sent.text, 0, max(0, t.cstart - sent.cstart)))


def subordinate_ids(orphans: list[TimeExpr], events: list[Event], sentences: dict[int, Sentence],
                    document: Document | None, lang: str) -> set[int]:
    """id() of the expressions dating only their relative clause or parenthesis, not the event they are in."""
    sub: set[int] = set()
    for t in orphans:
        if subordinate_start(t, sentences.get(t.sent), lang) is not None:
            sub.add(id(t))
    for e in events:
        for t in e.timex:
            opens = subordinate_start(t, sentences.get(t.sent), lang)
            # an event told by the clause itself ("che nel 1848 aveva fondato ...") keeps the clause's date
            if opens is not None and (e.sources[0].sent != t.sent
                                      or e.sources[0].start <= (document.to_raw(opens, opens + 1)[0]
                                                                if document is not None else opens)):
                sub.add(id(t))
    return sub


@lru_cache(maxsize=None)
def _determiner(lang: str) -> re.Pattern | None:
    words = lexicons.load(lang, "temporal").get("apposition_determiners", [])
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"\s*(?:" + alt + r")(?:(?<=['’])|\s+)", re.IGNORECASE)


def weekday_alt(lang: str) -> str | None:
    names = lexicons.load(lang, "temporal").get("weekday_names", {})
    return "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True)) if names else None


@lru_cache(maxsize=None)
def weekday_names(lang: str) -> re.Pattern | None:
    alt = weekday_alt(lang)
    return re.compile(r"(?<!\w)(?:" + alt + r")(?!\w)", re.IGNORECASE) if alt else None


@lru_cache(maxsize=None)
def weekday_past(lang: str) -> re.Pattern | None:
    """"last Thursday", "el jueves pasado", "giovedì scorso": the named weekday before the story's day."""
    alt, pats = weekday_alt(lang), lexicons.load(lang, "temporal").get("weekday_past", [])
    if not alt or not pats:
        return None
    # one named group per alternative: a pattern may not reuse a group name
    parts = [re.escape(p).replace(r"\ ", r"\s+").replace(r"\{DAY\}", f"(?P<day{i}>{alt})")
             for i, p in enumerate(pats)]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def past_weekday(m: re.Match, value: str, lang: str) -> str | None:
    """The date of "last Thursday" told on the narrative day `value`."""
    name = next((g for g in m.groups() if g), None)
    names = {k.lower(): v for k, v in lexicons.load(lang, "temporal").get("weekday_names", {}).items()}
    if name is None or name.lower() not in names:
        return None
    cur = dt.date.fromisoformat(value)
    back = (cur.weekday() - names[name.lower()]) % 7 or 7
    return (cur - dt.timedelta(days=back)).isoformat()


# "21 de agosto 1929", "3 marzo, 1920": a year right after a day and month, without "de"/"del"
_BARE_YEAR = re.compile(r"\s*,?\s*(\d{4})(?![\d.,:/-]\d)")


# "España, 1944.", "Berlin, 1961", "1944.": a line that is only a place and a year frames what follows
_HEADING = re.compile(r"^\W*(?:[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,4}\s*,\s*)?(\d{4})\s*\.?\s*$")


# "1927, Orvi School, Kent (England): Tom is fifteen ...", "1944: the war ...": a year opening the sentence, then
# a comma or a colon and a word: the dateline of what the sentence tells
_DATELINE_OPENER = re.compile(r"^\W*(\d{4})\s*[,:]\s+(?=[^\W\d_])")


_DAY_BEFORE = re.compile(r"(?<![\w.,:/-])([0-3]?\d)\s+$")


def complete(story: Story, docs: dict[str, Document]) -> None:
    """Every pass below, in order: they complete or add time expressions (story.timex, and the events'
    own when the sentence has an event)."""
    complete_years(story, docs)
    era_years(story, docs)
    short_years(story)
    headings(story)
    find_age_clauses(story)


def complete_years(story: Story, docs: dict[str, Document]) -> None:
    """Give the finder's day-and-month the year written right after it ("21 de agosto 1929"), and its
    month-and-year the day written right before it ("9 noviembre 1989")."""
    for t in story.timex:
        if t.kind == "month" and t.day is None and t.value is not None and t.text[:1].isalpha():
            d = docs.get(t.doc)
            m = _DAY_BEFORE.search(d.clean, max(0, t.cstart - 4), t.cstart) if d is not None else None
            if m is not None and 1 <= int(m.group(1)) <= 31:
                try:
                    value = dt.date(int(t.value[:4]), int(t.value[5:7]), int(m.group(1))).isoformat()
                except ValueError:
                    continue
                t.kind, t.day, t.value, t.precision = "date", int(m.group(1)), value, "day"
                t.text, t.cstart = d.clean[m.start(1):t.cend], m.start(1)
            continue
        if t.kind != "underspecified" or t.day is None or t.month is None or t.year is not None:
            continue
        d = docs.get(t.doc)
        m = _BARE_YEAR.match(d.clean, t.cend) if d is not None else None
        if m is None or not 1000 <= int(m.group(1)) <= 2100:
            continue
        try:
            value = dt.date(int(m.group(1)), t.month, t.day).isoformat()
        except ValueError:
            continue
        t.kind, t.year, t.value, t.precision = "date", int(m.group(1)), value, "day"
        t.text += d.clean[t.cend:m.end()]
        t.cend = m.end()


@lru_cache(maxsize=None)
def _era(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern] | None:
    marks = lexicons.load(lang, "temporal").get("era_markers_ce", [])
    if not marks:
        return None
    alt = "|".join(re.escape(m).replace(r"\ ", r"\s*") for m in sorted(marks, key=len, reverse=True))
    after = re.compile(r"(?<![\d.,])(\d{1,3})\s*(?:" + alt + r")(?!\w)")
    before = re.compile(r"(?<!\w)(?:" + alt + r")\s*(\d{1,3})(?![\d.,]\d|\d)")
    return re.compile(alt), after, before  # the marker alone first: most sentences have none


_DAY_MONTH_GAP = re.compile(r"\s*,?\s*(?:\w{1,3}\s+)?$")  # "24 agosto del 79": at most a short word between


@lru_cache(maxsize=None)
def _short_year(lang: str) -> re.Pattern | None:
    leads = lexicons.load(lang, "temporal").get("short_year_leads", [])
    if not leads:
        return None
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(leads, key=len, reverse=True))
    # a lower-case word after the number makes it a count ("en el 79 por ciento", "in 30 days")
    return re.compile(r"(?<!\w)(?i:" + alt + r")\s+(\d{1,3})(?![\d.,:/%]|\s*(?:%|[a-zà-öø-ÿ]))")


def short_years(story: Story) -> None:
    """"En el 79 Plinio habitaba ...": a year written without its century or era is that year when the
    story states it in full elsewhere (another document's "A.D. 79", "79 d.C."); alone, "en el 79" may as
    well be 1979 or a count, so it stays no date."""
    known = {t.year for t in story.timex if t.year is not None and t.year < 1000 and t.precision in
             ("year", "month", "season", "day")}
    if not known:
        return
    langs = {d.doc: d.lang for d in story.docs}
    by_sent: dict[tuple[str, int], list[TimeExpr]] = {}
    for t in story.timex:
        by_sent.setdefault((t.doc, t.sent), []).append(t)
    for sent in story.sentences:
        pat = _short_year(langs.get(sent.doc, sent.lang))
        if pat is None:
            continue
        for m in pat.finditer(sent.text):
            y = int(m.group(1))
            if y not in known:
                continue
            start, end = sent.cstart + m.start(1), sent.cstart + m.end(1)
            ts = by_sent.setdefault((sent.doc, sent.idx), [])
            if any(t.cstart < end and start < t.cend for t in ts):
                continue
            t = TimeExpr(doc=sent.doc, sent=sent.idx, cstart=start, cend=end, text=m.group(1), kind="year",
                         value=f"{y:04d}-01-01", precision="year", year=y, lead=m.group(0)[:m.start(1) - m.start()].strip())
            story.timex.append(t)
            ts.append(t)
            for e in story.events:
                if e.sources and e.sources[0].doc == sent.doc and e.sources[0].sent == sent.idx:
                    e.timex.append(t)
                    break


def era_years(story: Story, docs: dict[str, Document]) -> None:
    """A year of the first millennium with its era ("del 79 d.C.", "in A.D. 79"): the finder reads four-digit
    years only, and without the era "del 79" may as well be 1979. Completes the day and month before it, or
    adds the year to its sentence."""
    langs = {d.doc: d.lang for d in story.docs}
    by_sent: dict[tuple[str, int], list[TimeExpr]] = {}
    for t in story.timex:
        by_sent.setdefault((t.doc, t.sent), []).append(t)
    for sent in story.sentences:
        pats = _era(langs.get(sent.doc, sent.lang))
        if pats is None or not pats[0].search(sent.text):
            continue
        for pat in pats[1:]:
            for m in pat.finditer(sent.text):
                y = int(m.group(1))
                if y < 1:
                    continue
                start, end = sent.cstart + m.start(), sent.cstart + m.end()
                ts = by_sent.setdefault((sent.doc, sent.idx), [])
                if any(t.cstart < end and start < t.cend and t.year is not None for t in ts):
                    continue
                prev = max((t for t in ts if t.cend <= start and t.kind == "underspecified" and t.day and t.month
                            and t.year is None), key=lambda t: t.cend, default=None)
                d = docs.get(sent.doc)
                if prev is not None and d is not None and _DAY_MONTH_GAP.match(d.clean[prev.cend:start]):
                    try:
                        value = dt.date(y, prev.month, prev.day).isoformat()
                    except ValueError:
                        continue
                    prev.kind, prev.year, prev.value, prev.precision = "date", y, value, "day"
                    prev.text, prev.cend = d.clean[prev.cstart:end], end
                    continue
                t = TimeExpr(doc=sent.doc, sent=sent.idx, cstart=start, cend=end, text=m.group(0), kind="year",
                             value=f"{y:04d}-01-01", precision="year", year=y)
                story.timex.append(t)
                ts.append(t)
                for e in story.events:
                    if e.sources and e.sources[0].doc == sent.doc and e.sources[0].sent == sent.idx:
                        e.timex.append(t)
                        break


def headings(story: Story) -> None:
    """A date-only heading line ("España, 1944.") states the year of what follows it; so does a year that opens
    a sentence as its dateline ("1927, Orvi School, Kent: Tom is fifteen ...")."""
    has = {(t.doc, t.sent) for t in story.timex}
    spans = {(t.doc, t.sent): [] for t in story.timex}
    for t in story.timex:
        spans[(t.doc, t.sent)].append((t.cstart, t.cend))
    for sent in story.sentences:
        m = _HEADING.match(sent.text) if (sent.doc, sent.idx) not in has and len(sent.text) <= 60 else None
        text = sent.text.strip()
        if m is None:
            m = _DATELINE_OPENER.match(sent.text)
            if m is not None and any(a < sent.cstart + m.end(1) and sent.cstart + m.start(1) < b
                                     for a, b in spans.get((sent.doc, sent.idx), ())):
                continue  # the finder already read that year
            text = m.group(1) if m is not None else text
        if m is None or not 1000 <= int(m.group(1)) <= 2100:
            continue
        y = int(m.group(1))
        t = TimeExpr(doc=sent.doc, sent=sent.idx, cstart=sent.cstart + m.start(1), cend=sent.cstart + m.end(1),
                     text=text, kind="year", value=f"{y:04d}-01-01", precision="year", year=y)
        story.timex.append(t)
        for e in story.events:
            if e.sources and e.sources[0].doc == sent.doc and e.sources[0].sent == sent.idx:
                e.timex.append(t)
                break


@lru_cache(maxsize=None)
def age_clauses(lang: str) -> tuple[re.Pattern | None, dict[str, int]]:
    """"when she was three", "cuando tenía cinco o seis años", "quando aveva tre anni": an age told as
    a clause (the finder knows "a los 15 años"), with the language's number words."""
    table = lexicons.load(lang, "temporal")
    words = {k.lower(): v for k, v in table.get("relative", {}).get("number_words", {}).items()}
    pats = table.get("age_clauses", [])
    if not pats:
        return None, words
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r"|\d{1,3}"
    # each alternative names its numbers: numbered per alternative so the group names stay unique
    parts = [p.replace("{NUM}", f"(?P<n{i}>{alt})").replace("{NUM2}", f"(?P<m{i}>{alt})") for i, p in enumerate(pats)]
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in parts) + r")", re.IGNORECASE), words


def find_age_clauses(story: Story) -> None:
    """Add the ages told as clauses to the time expressions of their sentences and events."""
    have = {(t.doc, t.sent) for t in story.timex if t.kind == "age"}
    langs = {d.doc: d.lang for d in story.docs}
    by_sent: dict[tuple[str, int], list[Event]] = {}
    for e in story.events:
        if e.sources:
            by_sent.setdefault((e.sources[0].doc, e.sources[0].sent), []).append(e)
    for sent in story.sentences:
        if (sent.doc, sent.idx) in have:
            continue
        pat, words = age_clauses(langs.get(sent.doc, sent.lang))
        m = pat.search(sent.text) if pat is not None else None
        if m is None:
            continue
        nums = [(k, v) for k, v in m.groupdict().items() if v]
        vals = [int(v) if v.isdigit() else words.get(v.lower()) for _, v in nums]
        if not vals or vals[0] is None or vals[0] > 120:
            continue
        t = TimeExpr(doc=sent.doc, sent=sent.idx, cstart=sent.cstart + m.start(), cend=sent.cstart + m.end(),
                     text=m.group(0), kind="age", amount=vals[0], unit="year")
        if len(vals) > 1 and vals[1] is not None and vals[0] < vals[1] <= vals[0] + 5:
            t.age_more = vals[1] - vals[0]  # "five or six": how many more years the age may run (_ages_as_years)
        story.timex.append(t)
        for e in by_sent.get((sent.doc, sent.idx), [])[:1]:
            e.timex.append(t)


def day_reading(month: int, day: int, told: list[tuple[str, str]]) -> tuple[str, str, int] | None:
    """A day and month with no year ("Fue bautizado el 11 de junio") read from the days just told
    (`told`: (ISO day, its text)): the first such day on or after one of them, the one reached by the
    smallest step forward, as (ISO day, the text it was read from, days stepped). "Nació el 5 de junio
    de 1898 y falleció el 3 de agosto de 1936. Fue bautizado el 11 de junio" steps six days from the birth,
    not ten months from the death: the sentence after a summary of a life goes back to its start."""
    best: tuple[str, str, int] | None = None
    for value, text in told:
        try:
            d0 = dt.date.fromisoformat(value)
        except ValueError:
            continue
        for year in (d0.year, d0.year + 1):
            try:
                cand = dt.date(year, month, day)
            except ValueError:
                continue
            if cand >= d0:
                gap = (cand - d0).days
                if best is None or gap < best[2]:
                    best = (cand.isoformat(), text, gap)
                break
    return best


def read_day(t: TimeExpr, narrative: str | None, day_grain: bool, back: bool,
             told: list[tuple[int, str, str]]) -> None:
    """A day and month without a year (`t`, already read from the narrative date), read again as a reader
    does from the days told before it (`told`: (sentence, ISO day, text)): a day the document already stated
    in full, when the narrative knows no day of its own or looks back ("El 9 de noviembre de 1989 ...
    construido en 1961 ... El 9 de noviembre, el anuncio ..."), is that day again; else (not looking back) the
    smallest step forward from a day stated in its own or the previous sentence, when that is smaller than
    the step from the narrative date (day_reading)."""
    if narrative is None or t.month is None or t.day is None:
        return
    if back or not day_grain:
        same = [(v, x) for _, v, x in told if int(v[5:7]) == t.month and int(v[8:10]) == t.day]
        if same:
            t.value, t.precision, t.resolved_from = same[-1][0], "day", same[-1][1]
            return
    if back or t.value is None or t.precision != "day":
        return
    near = day_reading(t.month, t.day, [(v, x) for s, v, x in told if s >= t.sent - 1])
    if near is not None and near[2] < (dt.date.fromisoformat(t.value) - dt.date.fromisoformat(narrative)).days:
        t.value, t.resolved_from = near[0], near[1]


# what may stand between a counted look-back and the date put beside it: ", en 1974", " – in 1960"
_APPOSED_GAP = re.compile(r"\s*[,;:(\u2013\u2014-]\s*")
_WORDS = re.compile(r"[^\W\d_]+")


def counted_appositions(ts: list[TimeExpr], sentences: dict[int, Sentence]) -> list[tuple[TimeExpr, TimeExpr]]:
    """(relative, explicit) pairs of "ocurrido veinticinco años antes, en 1974", "a fire set twenty years
    earlier, in 1960": a count of years or months back from the story's present, inside the sentence (a
    participle or relative clause naming a past thing), with the date it names beside it. The explicit
    date is the past's; the present the sentence is told from is that date plus the count. Opening a
    sentence ("Two years earlier, in 1929, she had ...") the count is a look back from the narrative, and
    "The next year, in 1935" counts on from it: neither is a present of its own."""
    out = []
    by_sent: dict[int, list[TimeExpr]] = {}
    for t in ts:
        by_sent.setdefault(t.sent, []).append(t)
    for idx, group in by_sent.items():
        sent = sentences.get(idx)
        if sent is None:
            continue
        group = sorted(group, key=lambda t: t.cstart)
        for rel, nxt in zip(group, group[1:]):
            if (rel.kind == "relative" and rel.anchor is None and rel.amount and rel.unit in ("year", "month")
                    and rel.direction == "before" and nxt.kind in ("date", "month", "year") and nxt.value is not None
                    and len(_WORDS.findall(sent.text[:rel.phrase_start - sent.cstart])) >= 2):
                gap = sent.text[rel.phrase_end - sent.cstart:nxt.phrase_start - sent.cstart]
                if _APPOSED_GAP.fullmatch(gap):
                    out.append((rel, nxt))
    return out


QUOTE_INTRO_WORDS = 6     # "That night she wrote a short note to her brother:" (a label is one or two words)
QUOTE_MAX_SENTENCES = 3   # a telegram, a short letter; a plot told after a colon runs longer


def quoted_paragraphs(sentences: dict[int, Sentence]) -> set[int]:
    """The sentences of a paragraph that the paragraph before introduces with a colon ("... and wrote a
    short note to her brother:" then "Arrived safe ... back on Sunday."): a letter, a telegram, a speech
    in its own words. Its times are the message's (a plan, the writer's "for some years"), not the story's.
    A label ("Plot:") or a long paragraph after a colon ("Here is what happens:" and the whole plot) is no
    message: the introducing line must be a sentence and the message short."""
    out: set[int] = set()
    for idx, sent in sentences.items():
        before = sentences.get(idx - 1)
        if (before is None or before.para == sent.para or not before.text.rstrip().endswith(":")
                or len(re.findall(r"\w+", before.text)) < QUOTE_INTRO_WORDS):
            continue
        para = [k for k in range(idx, idx + QUOTE_MAX_SENTENCES + 1)
                if k in sentences and sentences[k].para == sent.para]
        if len(para) <= QUOTE_MAX_SENTENCES:
            out.update(para)
    return out

