"""The output contract: event and character records and dataframe columns, validated here only."""
from __future__ import annotations

import calendar
import re
from typing import Any, Iterable

import pandas as pd

from .model import Character, Event

# "interval": no date of its own, only bounds (date_from/date_to) from the stated dates around it
PRECISIONS = ("day", "month", "season", "year", "decade", "relative", "interval", "unknown")
KINDS = ("story", "production", "reception")
LANGS = ("en", "es", "it")

EVENT_COLUMNS = ["id", "title", "summary", "date", "date_precision", "date_text", "order",
                 "kind", "category", "characters", "places", "sources",
                 # beyond the contract, for the dashboard: first-telling rank, whether the date is
                 # inferred (inherited or relative) rather than stated by the event's own sentence
                 "told", "date_approx", "lang",
                 # headline and summary in each language the event is told in (lang -> text)
                 "titles", "summaries",
                 # an interval event's bounds (ISO at the bound's grain, None = open); null for a point date
                 "date_from", "date_to"]
SOURCE_KEYS = ["doc", "lang", "start", "end", "text"]
CHARACTER_COLUMNS = ["name", "aliases", "actor", "mentions", "docs",
                     # beyond the contract: why the name is a person in the story ("given name", "subject of 'decides'")
                     "evidence"]

_DATE = re.compile(r"^-?\d{4}-\d{2}-\d{2}$")
_BOUND = re.compile(r"^-?\d{4}(?:-\d{2}(?:-\d{2})?)?$")   # ISO 8601 at reduced precision: 1957, 1957-10, 1957-10-04


class SchemaError(ValueError):
    pass


def event_record(e: Event) -> dict[str, Any]:
    return {
        "id": e.id, "title": e.title, "summary": e.summary, "date": e.date,
        "date_precision": e.date_precision, "date_text": e.date_text or "", "order": int(e.order),
        "kind": e.kind, "category": e.category, "characters": list(e.characters),
        "places": list(e.places),
        "told": int(e.extra.get("told_rank", 0)), "date_approx": bool(e.extra.get("date_approx", e.date is not None)),
        "lang": e.lang,
        "titles": dict(e.extra.get("titles") or {e.lang: e.title}),
        "summaries": dict(e.extra.get("summaries") or {e.lang: e.summary}),
        "date_from": e.date_from, "date_to": e.date_to,
        "sources": [{"doc": s.doc, "lang": s.lang, "start": int(s.start), "end": int(s.end), "text": s.text}
                    for s in e.sources],
    }


def character_record(c: Character) -> dict[str, Any]:
    return {"name": c.name, "aliases": list(c.aliases), "actor": c.actor,
            "mentions": int(c.mentions), "docs": list(c.docs), "evidence": list(c.evidence)}


def bound_start(v: str) -> str:
    """First day of a bound at its grain: "1957-10" -> "1957-10-01"."""
    return v + "-01-01"[len(v) - 4 - (v.startswith("-")):] if len(v.lstrip("-")) < 10 else v


def bound_end(v: str) -> str:
    """Last day of a bound at its grain: "1957-10" -> "1957-10-31", "1922" -> "1922-12-31"."""
    body = v.lstrip("-")
    if len(body) >= 10:
        return v
    sign = "-" if v.startswith("-") else ""
    y = int(body[:4])
    if len(body) == 4:
        return f"{sign}{body}-12-31"
    m = int(body[5:7])
    return f"{sign}{body}-{calendar.monthrange(max(y, 1), m)[1]:02d}"


def validate_event(r: dict[str, Any], docs: dict[str, str] | None = None) -> None:
    """Raise SchemaError naming the field when `r` breaks the contract.

    With `docs` (doc stem -> original text), also check that every source's offsets
    lie inside its document.
    """
    where = f"event {r.get('id')!r}"
    missing = [c for c in EVENT_COLUMNS[:12] if c not in r]
    if missing:
        raise SchemaError(f"{where}: missing {missing}")
    if not isinstance(r["id"], str) or not r["id"]:
        raise SchemaError(f"{where}: id must be a non-empty string")
    if not isinstance(r["title"], str) or len(r["title"]) > 90:
        raise SchemaError(f"{where}: title must be a string of at most 90 characters")
    if r["date"] is not None and not (isinstance(r["date"], str) and _DATE.match(r["date"])):
        raise SchemaError(f"{where}: date {r['date']!r} is not YYYY-MM-DD or null")
    if r["date_precision"] not in PRECISIONS:
        raise SchemaError(f"{where}: date_precision {r['date_precision']!r} not in {PRECISIONS}")
    for key in ("date_from", "date_to"):
        v = r.get(key)
        if v is not None and not (isinstance(v, str) and _BOUND.match(v)):
            raise SchemaError(f"{where}: {key} {v!r} is not YYYY[-MM[-DD]] or null")
    if r.get("date_from") and r.get("date_to") and not bound_start(r["date_from"]) <= bound_end(r["date_to"]):
        raise SchemaError(f"{where}: date_from {r['date_from']!r} is after date_to {r['date_to']!r}")
    if r["kind"] not in KINDS:
        raise SchemaError(f"{where}: kind {r['kind']!r} not in {KINDS}")
    if not isinstance(r["order"], int) or isinstance(r["order"], bool):
        raise SchemaError(f"{where}: order must be an int")
    for key in ("characters", "places"):
        if not isinstance(r[key], list) or not all(isinstance(x, str) for x in r[key]):
            raise SchemaError(f"{where}: {key} must be a list of strings")
    if not isinstance(r["sources"], list):
        raise SchemaError(f"{where}: sources must be a list")
    for s in r["sources"]:
        if not isinstance(s, dict) or any(k not in s for k in SOURCE_KEYS):
            raise SchemaError(f"{where}: each source needs {SOURCE_KEYS}")
        if not (isinstance(s["start"], int) and isinstance(s["end"], int) and 0 <= s["start"] <= s["end"]):
            raise SchemaError(f"{where}: source offsets {s['start']}..{s['end']} are invalid")
        if docs is not None:
            if s["doc"] not in docs:
                raise SchemaError(f"{where}: source document {s['doc']!r} is unknown")
            if s["end"] > len(docs[s["doc"]]):
                raise SchemaError(f"{where}: source offsets run past the end of {s['doc']!r}")


def validate_character(r: dict[str, Any]) -> None:
    missing = [c for c in CHARACTER_COLUMNS[:5] if c not in r]   # evidence is optional (older outputs)
    if missing:
        raise SchemaError(f"character {r.get('name')!r}: missing {missing}")
    if not isinstance(r["name"], str) or not r["name"].strip():
        raise SchemaError("character: name must be a non-empty string")
    if r["actor"] is not None and not isinstance(r["actor"], str):
        raise SchemaError(f"character {r['name']!r}: actor must be a string or null")
    if not isinstance(r["mentions"], int):
        raise SchemaError(f"character {r['name']!r}: mentions must be an int")
    ev = r.get("evidence", [])
    if not isinstance(ev, list) or not all(isinstance(x, str) for x in ev):
        raise SchemaError(f"character {r['name']!r}: evidence must be a list of strings")


def events_frame(records: Iterable[dict[str, Any]], docs: dict[str, str] | None = None) -> pd.DataFrame:
    records = list(records)
    for r in records:
        validate_event(r, docs)
    df = pd.DataFrame(records, columns=EVENT_COLUMNS)
    df["order"] = df["order"].astype("int64")
    df["told"] = df["told"].fillna(df["order"]).astype("int64")
    df["date_approx"] = df["date_approx"].fillna(False).astype(bool)
    df["lang"] = df["lang"].fillna("en")
    for col in ("date_from", "date_to"):  # absent from outputs written before intervals existed
        df[col] = df[col].astype(object).where(df[col].notna(), None)
    for col, base in (("titles", "title"), ("summaries", "summary")):
        df[col] = [v if isinstance(v, dict) else {lang: t}
                   for v, lang, t in zip(df[col], df["lang"], df[base])]
    return df


def characters_frame(records: Iterable[dict[str, Any]]) -> pd.DataFrame:
    records = list(records)
    for r in records:
        validate_character(r)
    df = pd.DataFrame(records, columns=CHARACTER_COLUMNS)
    df["mentions"] = df["mentions"].astype("int64")
    df["evidence"] = [v if isinstance(v, list) else [] for v in df["evidence"]]
    return df
