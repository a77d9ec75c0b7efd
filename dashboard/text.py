"""Event details as safe Markdown: story text is never interpreted as HTML or Markdown.

Everything from the documents goes through `md_escape` (html.escape, then a backslash before
every Markdown-significant character), so "<script>" is shown as text and "**" stays literal.
"""
from __future__ import annotations

import html
import re

import pandas as pd

from .i18n import DEFAULT, t, t_list, t_or

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$:^=/])")
LANG_NAMES = {"en": "English", "es": "Spanish", "it": "Italian"}
PRECISION_WORDS = {"day": "exact day", "month": "month", "season": "season", "year": "year",
                   "decade": "decade", "relative": "relative to another event",
                   "interval": "between the stated dates around it", "unknown": "unknown"}


def md_escape(text: str) -> str:
    """Plain text -> Markdown that renders as exactly that text (entities like &quot; decoded first)."""
    text = " ".join(html.unescape(str(text)).split())
    return html.escape(_MD_SPECIAL.sub(r"\\\1", text), quote=False)


def paragraph_bounds(doc: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (blank-line or newline separated block) around [start, end)."""
    a = doc.rfind("\n", 0, start)
    b = doc.find("\n", end)
    return (a + 1 if a >= 0 else 0), (b if b >= 0 else len(doc))


def source_markdown(src: dict, doc_text: str | None, max_context: int = 700) -> str:
    """The source sentence inside its paragraph, the span in bold. Falls back to the quoted text
    when the document is unknown or the offsets don't point at it (stale output)."""
    start, end, quote = int(src.get("start", 0)), int(src.get("end", 0)), str(src.get("text", ""))
    if not doc_text or end > len(doc_text) or start >= end:
        return f"**{md_escape(quote)}**" if quote else "_(no text)_"
    a, b = paragraph_bounds(doc_text, start, end)
    a, b = max(a, start - max_context // 2), min(b, end + max_context // 2)
    before, span, after = doc_text[a:start], doc_text[start:end], doc_text[end:b]
    lead = "… " if a > 0 and doc_text[a - 1] != "\n" else ""
    tail = " …" if b < len(doc_text) and doc_text[b] != "\n" else ""
    parts = [lead + md_escape(before), f"**{md_escape(span)}**", md_escape(after) + tail]
    return " ".join(p for p in parts if p)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring", 6: "summer",
           7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}
SEASON_INDEX = {m: (m % 12) // 3 for m in range(1, 13)}   # into the "seasons" label list (winter first)
SEASON_PRECISIONS = ("season", "year", "decade")            # short_date: no month to abbreviate


def human_date(date: str | None, precision: str, lang: str = DEFAULT) -> str:
    """"1962-05-01", "month" -> "May 1962" ("mayo de 1962" in Spanish); shows no more than the
    precision stated. Words and word order come from the label tables of `lang`."""
    if not isinstance(date, str) or len(date) < 10:
        return t("date.none", lang)
    neg = date.startswith("-")
    y, m, d = (int(x) for x in date.lstrip("-").split("-")[:3])
    year = t("date.bc", lang, year=y) if neg else str(y)
    if precision == "decade":
        return t("date.decade", lang, decade=y - y % 10)
    if precision == "year":
        return year
    if precision == "season":
        return t("date.season", lang, season=t_list("seasons", lang)[SEASON_INDEX[m]], year=year)
    month = t_list("months", lang)[m - 1]
    if precision == "month":
        return t("date.month", lang, month=month, year=year)
    return t("date.day", lang, day=d, month=month, year=year)


def short_date(date: str | None, precision: str, approx: bool = False, lang: str = DEFAULT) -> str:
    """"≈ Oct 1957", "3 Mar 1962", "no date": human_date with abbreviated months, for narrow columns."""
    if not isinstance(date, str) or len(date) < 10:
        return t("date.short_none", lang)
    if precision not in SEASON_PRECISIONS:
        neg = date.startswith("-")
        y, m, d = (int(x) for x in date.lstrip("-").split("-")[:3])
        year = t("date.bc", lang, year=y) if neg else str(y)
        month = t_list("months_short", lang)[m - 1]
        s = (t("date.month_short", lang, month=month, year=year) if precision == "month"
             else t("date.day_short", lang, day=d, month=month, year=year))
    else:
        s = human_date(date, precision, lang)
    return t("date.about", lang, date=s) if approx else s


def _bound(bound: str, short: bool, lang: str) -> str:
    """One end of an interval at its own grain: "1957" -> "1957", "1957-10" -> "Oct 1957" (short)."""
    neg = bound.startswith("-")
    parts = bound.lstrip("-").split("-")
    grain = {1: "year", 2: "month"}.get(len(parts), "day")
    iso = ("-" if neg else "") + "-".join(parts + ["01"] * (3 - len(parts)))
    return short_date(iso, grain, False, lang) if short else human_date(iso, grain, lang)


def interval_date(date_from: str | None, date_to: str | None, lang: str = DEFAULT, short: bool = False) -> str:
    """An event with no date of its own, between the stated dates around it: "after Oct 1957",
    "before 1930", "between 1914 and 1922" (in `lang`); "no date" with neither bound."""
    lo = date_from if isinstance(date_from, str) and date_from else None
    hi = date_to if isinstance(date_to, str) and date_to else None
    if lo is None and hi is None:
        return t("date.short_none" if short else "date.none", lang)
    if hi is None:
        return t("date.after", lang, date=_bound(lo, short, lang))
    if lo is None:
        return t("date.before", lang, date=_bound(hi, short, lang))
    if lo == hi:
        return t("date.about", lang, date=_bound(lo, short, lang))
    if len(hi.lstrip("-")) == 4 and lo.lstrip("-")[:4] == hi.lstrip("-") and lo.startswith("-") == hi.startswith("-"):
        # "Back in 1979" told in the autumn of 1979: from the autumn to the end of that year
        return t("date.within", lang, start=_bound(lo, short, lang), year=_bound(hi, short, lang))
    return t("date.between", lang, start=_bound(lo, short, lang), end=_bound(hi, short, lang))


def precision_word(precision: str, lang: str = DEFAULT) -> str:
    return t_or("precision." + precision, precision, lang)


def lang_name(code: str, lang: str = DEFAULT) -> str:
    """The name of a document language ("es") in the interface language `lang`."""
    return t_or("lang." + code, LANG_NAMES.get(code, code), lang)


def date_line(e: dict, lang: str = DEFAULT) -> str:
    if e.get("date_precision") == "interval":
        out = interval_date(e.get("date_from"), e.get("date_to"), lang)  # "after October 1957" says it all
    elif isinstance(e.get("date"), str):
        prec = e.get("date_precision") or "unknown"
        out = f"{human_date(e['date'], prec, lang)} ({precision_word(prec, lang)})"
        if e.get("_status") == "approx" or e.get("date_approx"):
            out = t("date.about", lang, date=out)
    else:
        out = t("date.none", lang)
    if e.get("date_text"):
        out += f" — “{e['date_text']}”"
    return out


def grouped_sources(sources: list[dict]) -> list[tuple[str, str, list[dict]]]:
    """(doc, lang, sources) per document, documents in name order, sources by position."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for s in sources:
        groups.setdefault((str(s.get("doc", "?")), str(s.get("lang", ""))), []).append(s)
    return [(d, lg, sorted(ss, key=lambda s: int(s.get("start", 0)))) for (d, lg), ss in sorted(groups.items())]


def details_markdown(e: dict, docs: dict[str, str], lang: str = DEFAULT) -> list[str]:
    """Markdown blocks for one event: header lines, then one block per document with its sources.
    Headings, dates, categories and language names are in `lang`; story text is left as it is."""
    cat, kind = str(e.get("category", "")), str(e.get("kind", ""))
    blocks = [
        f"### {md_escape(e['title'])}",
        md_escape(e.get("summary") or ""),
        f"**{t('d.date', lang)}:** {md_escape(date_line(e, lang))}  \n"
        f"**{t('d.characters', lang)}:** {md_escape(', '.join(e.get('characters') or []) or '—')}  \n"
        f"**{t('d.places', lang)}:** {md_escape(', '.join(e.get('places') or []) or '—')}  \n"
        f"**{t('d.order', lang)}:** {int(e['order'])} · **{t('d.told', lang)}:** {int(e['told'])} · "
        f"**{t('d.category', lang)}:** {md_escape(t_or('cat.' + cat, cat, lang))} · "
        f"**{t('d.kind', lang)}:** {md_escape(t_or('kind.' + kind, kind, lang))}",
    ]
    for doc, lg, ss in grouped_sources(e.get("sources") or []):
        head = f"#### {md_escape(doc_label(doc, docs.get(doc)))} · {md_escape(lang_name(lg, lang))}"
        quotes = "\n\n".join(f"> {source_markdown(s, docs.get(doc))}" for s in ss)
        blocks.append(f"{head}\n\n{quotes}")
    return blocks


def other_language(titles, event_lang, lang: str) -> str:
    """"IT" for a headline no source tells in the interface language `lang` (one language at a time: a
    headline in another language says which), else ""."""
    told_here = isinstance(titles, dict) and isinstance(titles.get(lang), str) and titles[lang].strip()
    if not isinstance(titles, dict) or not titles or told_here or not isinstance(event_lang, str) or event_lang == lang:
        return ""
    return event_lang.upper()


def table_frame(events: pd.DataFrame, lang: str = DEFAULT) -> pd.DataFrame:
    """The accessible table: one row per event, lists joined, plain strings. Column names stay
    English (the caller labels them); precision words are in `lang`."""
    return pd.DataFrame({
        "#": events["order"].astype(int),
        "Told": events["told"].astype(int),
        # an interval event shows its bounds ("after Oct 1957"), never its lower bound's first day as a date
        "Date": [interval_date(f, to, lang, short=True) if p == "interval" else (d if isinstance(d, str) else "")
                 for d, p, f, to in zip(events["date"], events["date_precision"],
                                        events.get("date_from", pd.Series([None] * len(events), index=events.index)),
                                        events.get("date_to", pd.Series([None] * len(events), index=events.index)))],
        "Precision": events["date_precision"].map(lambda p: precision_word(p, lang) if isinstance(p, str) else p)
        if lang != DEFAULT else events["date_precision"],
        "≈": events["_status"].map({"exact": "", "approx": "≈", "undated": "—"}),
        "Headline": [f"{h} [{o}]" if o else h for h, o in zip(
            events["title"], (other_language(ti, lg, lang) for ti, lg in zip(
                events["titles"] if "titles" in events else [None] * len(events), events["lang"])))],
        "Characters": events["characters"].map(", ".join),
        "Places": events["places"].map(", ".join),
        "Category": events["category"].map(lambda c: t_or("cat." + str(c), str(c), lang))
        if lang != DEFAULT else events["category"],
        "Kind": events["kind"].map(lambda k: t_or("kind." + str(k), str(k), lang)) if lang != DEFAULT else events["kind"],
        "Sources": events["sources"].map(len),
        "id": events["id"],
    })


def table_date(date, precision) -> str:
    """The Table's date at the precision stated: "1957" for a year, "1957-10" for a month or season,
    the whole ISO day otherwise; "" without a date."""
    if not isinstance(date, str) or len(date) < 10:
        return ""
    if precision in ("year", "decade"):
        return date[:-6]
    if precision in ("month", "season"):
        return date[:-3]
    return date


_MACHINE_STEM = re.compile(r"^(\d+[_-])?([0-9a-f]{8,}|[0-9a-f-]{20,})$", re.I)


def doc_label(stem: str, doc_text: str | None = None, width: int = 70) -> str:
    """A document's readable name: its file name as the user gave it ("plot_en"), or, for a machine name
    ("002_92fda2849280da6a"), the document's first line (its title)."""
    stem = str(stem)
    if _MACHINE_STEM.match(stem) and doc_text:
        first = next((ln.strip() for ln in doc_text.splitlines() if ln.strip()), "")
        if first:
            return first if len(first) <= width else first[:width].rsplit(" ", 1)[0] + " …"
    return stem
