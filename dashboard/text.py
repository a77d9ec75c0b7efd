"""Event details as safe Markdown: story text is never interpreted as HTML or Markdown.

Everything from the documents goes through `md_escape` (html.escape, then a backslash before
every Markdown-significant character), so "<script>" is shown as text and "**" stays literal.
"""
from __future__ import annotations

import html
import re

import pandas as pd

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$:^=/])")
LANG_NAMES = {"en": "English", "es": "Spanish", "it": "Italian"}
PRECISION_WORDS = {"day": "exact day", "month": "month", "season": "season", "year": "year",
                   "decade": "decade", "relative": "relative to another event", "unknown": "unknown"}


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


def human_date(date: str | None, precision: str) -> str:
    """"1962-05-01", "month" -> "May 1962"; shows no more than the precision stated."""
    if not isinstance(date, str) or len(date) < 10:
        return "no date given"
    neg = date.startswith("-")
    y, m, d = (int(x) for x in date.lstrip("-").split("-")[:3])
    year = f"{y} BC" if neg else str(y)
    if precision == "decade":
        return f"{y - y % 10}s"
    if precision == "year":
        return year
    if precision == "season":
        return f"{SEASONS[m]} {year}"
    if precision == "month":
        return f"{MONTHS[m - 1]} {year}"
    return f"{d} {MONTHS[m - 1]} {year}"


def date_line(e: dict) -> str:
    if isinstance(e.get("date"), str):
        approx = "≈ " if e.get("_status") == "approx" or e.get("date_approx") else ""
        prec = e.get("date_precision") or "unknown"
        out = f"{approx}{human_date(e['date'], prec)} ({PRECISION_WORDS.get(prec, prec)})"
    else:
        out = "no date given"
    if e.get("date_text"):
        out += f" — “{e['date_text']}”"
    return out


def grouped_sources(sources: list[dict]) -> list[tuple[str, str, list[dict]]]:
    """(doc, lang, sources) per document, documents in name order, sources by position."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for s in sources:
        groups.setdefault((str(s.get("doc", "?")), str(s.get("lang", ""))), []).append(s)
    return [(d, lg, sorted(ss, key=lambda s: int(s.get("start", 0)))) for (d, lg), ss in sorted(groups.items())]


def details_markdown(e: dict, docs: dict[str, str]) -> list[str]:
    """Markdown blocks for one event: header lines, then one block per document with its sources."""
    blocks = [
        f"### {md_escape(e['title'])}",
        md_escape(e.get("summary") or ""),
        f"**Date:** {md_escape(date_line(e))}  \n"
        f"**Characters:** {md_escape(', '.join(e.get('characters') or []) or '—')}  \n"
        f"**Places:** {md_escape(', '.join(e.get('places') or []) or '—')}  \n"
        f"**Story order:** {int(e['order'])} · **told:** {int(e['told'])} · "
        f"**category:** {md_escape(e.get('category', ''))} · **kind:** {md_escape(e.get('kind', ''))}",
    ]
    for doc, lang, ss in grouped_sources(e.get("sources") or []):
        head = f"#### {md_escape(doc)} · {md_escape(LANG_NAMES.get(lang, lang))}"
        quotes = "\n\n".join(f"> {source_markdown(s, docs.get(doc))}" for s in ss)
        blocks.append(f"{head}\n\n{quotes}")
    return blocks


def table_frame(events: pd.DataFrame) -> pd.DataFrame:
    """The accessible table: one row per event, lists joined, plain strings."""
    return pd.DataFrame({
        "#": events["order"].astype(int),
        "Told": events["told"].astype(int),
        "Date": events["date"].fillna(""),
        "Precision": events["date_precision"],
        "≈": events["_status"].map({"exact": "", "approx": "≈", "undated": "—"}),
        "Headline": events["title"],
        "Characters": events["characters"].map(", ".join),
        "Places": events["places"].map(", ".join),
        "Category": events["category"],
        "Kind": events["kind"],
        "Sources": events["sources"].map(len),
        "id": events["id"],
    })
