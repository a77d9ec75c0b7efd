"""Curation overlay: the user's corrections, replayed over the pipeline output.

The pipeline output is never modified; the edits are operations replayed over it, so
re-running the pipeline keeps them. The library keeps them as an append-only log in the
store (dashboard.store); `load`/`save` read and write the old edits.json list format.
Operations (all dicts with an "op" key):

    {"op": "update", "id": EV, "fields": {title|summary|date|date_precision|characters|category|kind: value}}
    {"op": "delete", "id": EV}
    {"op": "merge", "keep": EV, "other": EV}        # sources/characters/places united, `keep` keeps its fields
    {"op": "add", "event": {"id"?, "title", "summary"?, "date"?, "date_precision"?, "characters"?, ...,
                            "after"?: EV}}         # placed after `after`, else by date, else last
    {"op": "rename_character", "name": OLD, "to": NEW}
    {"op": "merge_characters", "keep": NAME, "other": NAME}
    {"op": "include_character", "name": NAME}      # a teacher puts a name the pipeline left out in the cast
    {"op": "exclude_character", "name": NAME}      # a teacher takes a cast entry out (it is no character)
    {"op": "slide", "id": EV, "notes": TEXT, "image": URL}   # the teacher's notes and picture for a slide

A `slide` op changes no fact of the event (it is not marked edited); the last one per event wins and
its notes/image become the `notes`/`image` columns.

`apply` replays them in order. An op naming an event or character that no longer exists
(the pipeline changed, or an earlier op deleted it) is skipped with a warning, never a crash.
"""
from __future__ import annotations

import json
import math
import os
import re
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import files
from pipeline.schema import CHARACTER_COLUMNS, EVENT_COLUMNS, KINDS, PRECISIONS, SchemaError, events_frame

EDITABLE_FIELDS = ("title", "summary", "date", "date_precision", "characters", "category", "kind")
OPS = ("update", "delete", "merge", "add", "rename_character", "merge_characters", "include_character",
       "exclude_character", "slide")
INCLUDED_WHY = "added to the cast by a teacher"   # the evidence of an included name
MAX_NOTES = 2000
_IMAGE = re.compile(r"^https?://[^\s\"'<>]+$")
_DATE = re.compile(r"^-?\d{4}-\d{2}-\d{2}$")
_ADD_FIELDS = EDITABLE_FIELDS + ("id", "places", "date_text", "after")


class EditsError(ValueError):
    """An invalid operation or an unreadable edits file; the message is meant for the user."""


# ---------------------------------------------------------------- validation

def _check_field(name: str, value: Any, where: str) -> None:
    if name in ("title", "summary", "category", "date_text"):
        if not isinstance(value, str):
            raise EditsError(f"{where}: {name} must be text")
        if name == "title" and not (0 < len(value.strip()) <= 90):
            raise EditsError(f"{where}: title must be 1 to 90 characters")
    elif name == "date":
        if value is not None and not (isinstance(value, str) and _DATE.match(value)):
            raise EditsError(f"{where}: date {value!r} must be YYYY-MM-DD or null")
        if value is not None:
            try:
                datetime.strptime(value.lstrip("-").zfill(10), "%Y-%m-%d")
            except ValueError:
                raise EditsError(f"{where}: date {value!r} is not a real calendar date") from None
    elif name == "date_precision":
        if value not in PRECISIONS:
            raise EditsError(f"{where}: date_precision must be one of {', '.join(PRECISIONS)}")
    elif name == "kind":
        if value not in KINDS:
            raise EditsError(f"{where}: kind must be one of {', '.join(KINDS)}")
    elif name in ("characters", "places"):
        if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
            raise EditsError(f"{where}: {name} must be a list of names")
    elif name in ("id", "after"):
        if not isinstance(value, str) or not value:
            raise EditsError(f"{where}: {name} must be an event id")
    else:
        raise EditsError(f"{where}: field {name!r} cannot be edited "
                         f"(editable: {', '.join(EDITABLE_FIELDS)})")


def _need_str(op: dict, key: str, where: str) -> None:
    if not isinstance(op.get(key), str) or not op[key].strip():
        raise EditsError(f"{where}: {key!r} must be a non-empty string")


def validate_op(op: Any, where: str = "edit") -> None:
    """Raise EditsError with a message naming the problem when `op` is not a well-formed operation."""
    if not isinstance(op, dict):
        raise EditsError(f"{where}: expected an object, got {type(op).__name__}")
    kind = op.get("op")
    if kind not in OPS:
        raise EditsError(f"{where}: unknown operation {kind!r} (known: {', '.join(OPS)})")
    where = f"{where} ({kind})"
    if kind in ("update", "delete"):
        _need_str(op, "id", where)
    if kind == "update":
        fields = op.get("fields")
        if not isinstance(fields, dict) or not fields:
            raise EditsError(f"{where}: 'fields' must be a non-empty object")
        for name, value in fields.items():
            if name not in EDITABLE_FIELDS:
                raise EditsError(f"{where}: field {name!r} cannot be edited "
                                 f"(editable: {', '.join(EDITABLE_FIELDS)})")
            _check_field(name, value, where)
    elif kind in ("merge", "merge_characters"):
        _need_str(op, "keep", where)
        _need_str(op, "other", where)
        if op["keep"] == op["other"]:
            raise EditsError(f"{where}: cannot merge {op['keep']!r} with itself")
    elif kind == "add":
        ev = op.get("event")
        if not isinstance(ev, dict):
            raise EditsError(f"{where}: 'event' must be an object")
        if "title" not in ev:
            raise EditsError(f"{where}: a new event needs a title")
        for name, value in ev.items():
            if name not in _ADD_FIELDS:
                raise EditsError(f"{where}: unknown event field {name!r}")
            _check_field(name, value, where)
    elif kind == "rename_character":
        _need_str(op, "name", where)
        _need_str(op, "to", where)
    elif kind in ("include_character", "exclude_character"):
        _need_str(op, "name", where)
    elif kind == "slide":
        _need_str(op, "id", where)
        notes, image = op.get("notes", ""), op.get("image", "")
        if not isinstance(notes, str) or len(notes) > MAX_NOTES:
            raise EditsError(f"{where}: notes must be text of at most {MAX_NOTES} characters")
        if not isinstance(image, str) or (image.strip() and not _IMAGE.match(image.strip())):
            raise EditsError(f"{where}: the image must be an http(s) address")


# ---------------------------------------------------------------- helpers for the UI

def new_event_op(title: str, **fields: Any) -> dict:
    """An "add" operation with a fresh id ("user-xxxxxxxx"), validated."""
    ev = {"id": f"user-{uuid.uuid4().hex[:8]}", "title": title, **fields}
    op = {"op": "add", "event": ev}
    validate_op(op)
    return op


def slide_op(eid: str, notes: str = "", image: str = "") -> dict:
    """A "slide" operation (teacher's notes, image address) for event `eid`, validated."""
    op = {"op": "slide", "id": eid, "notes": notes.strip(), "image": image.strip()}
    validate_op(op)
    return op


def undo(ops: list[dict]) -> list[dict]:
    """The operations without the last one (a new list; `ops` is not changed)."""
    return list(ops[:-1])


# ---------------------------------------------------------------- files

def _corrupt_path(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    cand = path.with_suffix(f".corrupt-{stamp}.json")
    n = 1
    while cand.exists():  # never overwrite an earlier corrupt copy
        n += 1
        cand = path.with_suffix(f".corrupt-{stamp}-{n}.json")
    return cand


def load(path: str | os.PathLike) -> list[dict]:
    """The operations stored at `path` ([] when there is no file).

    A file that is not valid JSON or holds an invalid operation is moved aside to
    `<name>.corrupt-<timestamp>.json` (so the user's work is not lost and the story opens
    again) and EditsError says where it went.
    """
    path = Path(path)
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, list):
            raise EditsError("the file must hold a list of operations")
        for i, op in enumerate(data):
            validate_op(op, f"operation {i + 1}")
    except (ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError and EditsError are ValueErrors
        aside = _corrupt_path(path)
        os.replace(path, aside)
        raise EditsError(f"The edits file {path.name} could not be read ({exc}); "
                         f"it was moved aside to {aside.name} and the story opens without edits.") from exc
    return data


def save(path: str | os.PathLike, ops: list[dict]) -> None:
    """Write `ops` atomically (temp file + os.replace): a crash leaves the old file or the new one."""
    path = Path(path)
    for i, op in enumerate(ops):
        validate_op(op, f"operation {i + 1}")
    files.write(path, json.dumps(ops, ensure_ascii=False, indent=1))


# ---------------------------------------------------------------- replay

def _plain(v: Any) -> Any:
    """numpy scalars / NaN from a dataframe cell -> plain Python values."""
    if hasattr(v, "item") and not isinstance(v, (list, dict, str)):
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def _as_list(v: Any) -> list:
    """A list cell as a list (dataframes read from parquet hold numpy arrays; missing -> [])."""
    if v is None or isinstance(v, float):
        return []
    if isinstance(v, str):
        return [v]
    return list(v)


def _event_rows(df: pd.DataFrame) -> list[dict]:
    rows = []
    for r in df.to_dict("records"):
        r = {k: _plain(v) if not isinstance(v, (list, dict)) else v for k, v in r.items()}
        for key in ("characters", "places", "sources"):
            r[key] = _as_list(r.get(key))
        r["edited"] = bool(r.get("edited") or False)
        rows.append(r)
    return rows


def _char_rows(df: pd.DataFrame | None) -> list[dict]:
    if df is None:
        return []
    rows = []
    for r in df.to_dict("records"):
        r = {k: _plain(v) if not isinstance(v, (list, dict)) else v for k, v in r.items()}
        r["aliases"] = _as_list(r.get("aliases"))
        r["docs"] = _as_list(r.get("docs"))
        rows.append(r)
    return rows


def _union(a: list, b: list, key=lambda x: x) -> list:
    seen, out = set(), []
    for x in list(a) + list(b):
        k = key(x)
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


def _find_char(chars: list[dict], name: str) -> dict | None:
    for c in chars:
        if c["name"] == name:
            return c
    low = name.casefold()
    for c in chars:
        if c["name"].casefold() == low:
            return c
    return None


def _rename_in_events(events: list[dict], old: str, new: str) -> None:
    for e in events:
        if old in e["characters"]:
            e["characters"] = _union([new if c == old else c for c in e["characters"]], [])


def _merge_chars(events: list[dict], chars: list[dict], keep: dict, other: dict) -> None:
    keep["aliases"] = [a for a in _union(keep["aliases"], [other["name"]] + other["aliases"])
                       if a != keep["name"]]
    keep["mentions"] = int(keep.get("mentions") or 0) + int(other.get("mentions") or 0)
    keep["docs"] = _union(keep["docs"], other["docs"])
    if not keep.get("actor"):
        keep["actor"] = other.get("actor")
    chars.remove(other)
    _rename_in_events(events, other["name"], keep["name"])


def _place_added(events: list[dict], ev: dict, after: str | None) -> int:
    """Index at which a hand-added event goes in story order."""
    if after is not None:
        for i, e in enumerate(events):
            if e["id"] == after:
                return i + 1
    if ev.get("date"):
        # after the last event dated on or before it: dates sort as strings in YYYY-MM-DD
        pos = None
        for i, e in enumerate(events):
            if e.get("date") and e["date"] <= ev["date"]:
                pos = i + 1
        if pos is not None:
            return pos
        for i, e in enumerate(events):
            if e.get("date"):
                return i
    return len(events)


def _include(events: list[dict], chars: list[dict], name: str) -> None:
    """A name the pipeline left out joins the cast, with the events whose title or summary name it."""
    word = re.compile(rf"(?<![\w]){re.escape(name.casefold())}(?![\w])")
    told = [e for e in events if word.search(f"{e.get('title') or ''} {e.get('summary') or ''}".casefold())]
    for e in told:
        e["characters"] = _union(e["characters"], [name])
    chars.append({"name": name, "aliases": [], "actor": None, "mentions": len(told), "docs": [],
                  "evidence": [INCLUDED_WHY]})


def apply_with_warnings(events_df: pd.DataFrame, characters_df: pd.DataFrame | None,
                        ops: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Replay `ops`; returns (events, characters, warnings about skipped operations)."""
    events = sorted(_event_rows(events_df), key=lambda e: e["order"])
    chars = _char_rows(characters_df)
    warnings: list[str] = []
    added = slides = False
    added_ids: set[str] = set()
    base = int(events_df["order"].min()) if len(events_df) else 0
    by_id = {e["id"]: e for e in events}

    def event(op_no: int, eid: str, kind: str) -> dict | None:
        e = by_id.get(eid)
        if e is None:
            warnings.append(f"edit {op_no} ({kind}): event {eid!r} no longer exists; skipped")
        return e

    for n, op in enumerate(ops, 1):
        try:
            validate_op(op, f"edit {n}")
        except EditsError as exc:
            warnings.append(f"{exc}; skipped")
            continue
        kind = op["op"]
        if kind == "update":
            e = event(n, op["id"], kind)
            if e is None:
                continue
            for name, value in op["fields"].items():
                e[name] = list(value) if isinstance(value, list) else value
            if {"date", "date_precision"} & set(op["fields"]) and e.get("date_precision") != "interval":
                e["date_from"] = e["date_to"] = None  # a date the user states replaces the pipeline's interval
            e["edited"] = True
        elif kind == "delete":
            e = event(n, op["id"], kind)
            if e is not None:
                events.remove(e)
                del by_id[e["id"]]
        elif kind == "merge":
            keep, other = event(n, op["keep"], kind), event(n, op["other"], kind)
            if keep is None or other is None:
                continue
            skey = lambda s: (s.get("doc"), s.get("start"), s.get("end"))  # noqa: E731
            keep["sources"] = _union(keep["sources"], other["sources"], skey)
            keep["characters"] = _union(keep["characters"], other["characters"])
            keep["places"] = _union(keep["places"], other["places"])
            keep["told"] = min(int(keep.get("told") or 0), int(other.get("told") or 0))
            keep["edited"] = True
            events.remove(other)
            del by_id[other["id"]]
        elif kind == "add":
            spec = dict(op["event"])
            eid = spec.pop("id", None) or f"user-{n}"
            if eid in by_id:
                warnings.append(f"edit {n} (add): an event with id {eid!r} already exists; skipped")
                continue
            after = spec.pop("after", None)
            ev = {"id": eid, "title": spec.pop("title"), "summary": "", "date": None,
                  "date_precision": "unknown", "date_text": "", "order": 0, "kind": "story",
                  "category": "other", "characters": [], "places": [], "sources": [],
                  "told": 0, "date_approx": False, "lang": events[0]["lang"] if events else "en",
                  "edited": True}
            ev.update(spec)
            if ev["date"] is not None and ev["date_precision"] == "unknown":
                ev["date_precision"] = "day"
            if ev["date"] is not None and not ev["date_text"]:
                ev["date_text"] = ev["date"]
            events.insert(_place_added(events, ev, after), ev)
            by_id[eid] = ev
            added = True
            added_ids.add(eid)
        elif kind == "rename_character":
            c = _find_char(chars, op["name"])
            in_events = any(op["name"] in e["characters"] for e in events)
            if c is None and not in_events:
                warnings.append(f"edit {n} (rename_character): character {op['name']!r} not found; skipped")
                continue
            target = _find_char(chars, op["to"])
            if c is not None and target is not None and target is not c:
                _merge_chars(events, chars, target, c)  # renaming onto an existing name joins the two
                continue
            old = c["name"] if c is not None else op["name"]
            if c is not None:
                c["aliases"] = [a for a in _union(c["aliases"], [old]) if a != op["to"]]
                c["name"] = op["to"]
            _rename_in_events(events, old, op["to"])
        elif kind == "slide":
            e = event(n, op["id"], kind)
            if e is not None:
                e["notes"], e["image"] = op.get("notes", "").strip(), op.get("image", "").strip()
                slides = True
        elif kind == "merge_characters":
            keep, other = _find_char(chars, op["keep"]), _find_char(chars, op["other"])
            if keep is None or other is None or keep is other:
                missing = op["keep"] if keep is None else op["other"]
                warnings.append(f"edit {n} (merge_characters): character {missing!r} not found; skipped")
                continue
            _merge_chars(events, chars, keep, other)
        elif kind == "exclude_character":
            c = _find_char(chars, op["name"])
            if c is None:
                warnings.append(f"edit {n} (exclude_character): character {op['name']!r} not found; skipped")
                continue
            chars.remove(c)
            for e in events:
                e["characters"] = [x for x in e["characters"] if x != c["name"]]
        elif kind == "include_character":
            name = " ".join(op["name"].split())
            if _find_char(chars, name) is not None:
                warnings.append(f"edit {n} (include_character): {name!r} is already in the cast; skipped")
                continue
            _include(events, chars, name)

    if added:  # hand-added events need a place in the chronology: renumber from the first order value
        for i, e in enumerate(events):
            e["order"] = base + i
            if e["id"] in added_ids:  # a hand-added event was "told" where the user put it
                e["told"] = e["order"]
    out_cols = list(events_df.columns) if len(events_df.columns) else list(EVENT_COLUMNS)
    extra = [c for c in out_cols if c not in EVENT_COLUMNS and c != "edited"]
    try:
        ev_df = events_frame([{k: e.get(k) for k in EVENT_COLUMNS} for e in events])
    except SchemaError as exc:  # only reachable through a malformed base frame
        raise EditsError(f"the edited events are invalid: {exc}") from exc
    for c in extra:
        ev_df[c] = [e.get(c) for e in events]
    ev_df["edited"] = pd.Series([bool(e["edited"]) for e in events], dtype=bool)
    if slides or "notes" in extra:
        ev_df["notes"] = [str(e.get("notes") or "") for e in events]
        ev_df["image"] = [str(e.get("image") or "") for e in events]
    ch_df = pd.DataFrame(chars, columns=list(characters_df.columns) if characters_df is not None
                         and len(characters_df.columns) else CHARACTER_COLUMNS)
    if "mentions" in ch_df:
        ch_df["mentions"] = ch_df["mentions"].fillna(0).astype("int64")
    if len(ch_df):
        ch_df = ch_df.sort_values(["mentions", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return ev_df, ch_df, warnings


def apply(events_df: pd.DataFrame, characters_df: pd.DataFrame | None, ops: list[dict], *,
          warnings: list[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Replay `ops` over the pipeline output; events touched by update/merge/add get `edited`=True.

    Skipped operations are described in `warnings` (if a list is given) and in
    `events.attrs["edit_warnings"]`.
    """
    ev, ch, warns = apply_with_warnings(events_df, characters_df, ops)
    if warnings is not None:
        warnings.extend(warns)
    ev.attrs["edit_warnings"] = list(warns)
    return ev, ch
