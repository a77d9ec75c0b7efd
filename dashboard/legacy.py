"""One-time import of the story library's old folder layout into the store (dashboard.store).

    <root>/<slug>/meta.json          title, created, languages, files, pipeline, lang_override
    <root>/<slug>/docs/*.txt         the documents (UTF-8)
    <root>/<slug>/processed/         events.json, characters.json
    <root>/<slug>/edits.json         the list of edit operations

Everything is read first and written in one transaction together with the "imported" mark, so a crash
half-way imports nothing and the next start tries again; the folders are left untouched (nothing is
deleted), and an unreadable part is reported as a note on the story instead of stopping the import.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from . import edits as _edits

MARK = "legacy_import"


def _json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _text(path: Path) -> str:
    data = path.read_bytes()
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _edit_ops(folder: Path, notes: list[str]) -> list[tuple[dict, str]]:
    path = folder / "edits.json"
    if not path.exists():
        return []
    at = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).isoformat(timespec="milliseconds")
    data = _json(path)
    if not isinstance(data, list):
        notes.append(f"The old edits file {path} could not be read; it was left where it is and the story "
                     "opens without those edits.")
        return []
    out = []
    for i, op in enumerate(data):
        try:
            _edits.validate_op(op, f"operation {i + 1}")
        except _edits.EditsError as exc:
            notes.append(f"Imported edits: {exc}; skipped (the old file {path} is kept).")
            continue
        out.append((op, at))
    return out


def _read_story(folder: Path, builtin: bool) -> dict | None:
    meta = _json(folder / "meta.json")
    if not isinstance(meta, dict) and not builtin:
        return None  # not a story folder
    meta = dict(meta or {})
    notes: list[str] = []
    docs = []
    if not builtin:
        files = {f.get("name"): f for f in meta.get("files") or [] if isinstance(f, dict)}
        for p in sorted((folder / "docs").glob("*.txt")) if (folder / "docs").is_dir() else []:
            f = files.get(p.name, {})
            docs.append({"name": p.name, "uploaded_as": f.get("uploaded_as", p.name),
                         "bytes": f.get("bytes", p.stat().st_size), "encoding": f.get("encoding", "utf-8"),
                         "lang": f.get("lang"), "body": _text(p)})
    evs, cast = _json(folder / "processed" / "events.json"), _json(folder / "processed" / "characters.json")
    output = (evs, cast) if isinstance(evs, list) and isinstance(cast, list) else None
    return {"slug": folder.name, "title": str(meta.pop("title", folder.name)), "created": meta.pop("created", None),
            "meta": {k: v for k, v in meta.items() if k not in ("files", "slug", "builtin", "read_only")},
            "docs": docs, "output": output, "edits": _edit_ops(folder, notes), "notes": notes}


def import_once(store) -> int:
    """Import the old folders under store.root unless done before; returns how many stories came in."""
    from .store import BUILTIN_SLUG, TEACHER, check_slug
    c = store._conn()
    if c.execute("SELECT 1 FROM info WHERE key = ?", (MARK,)).fetchone():
        return 0
    found = []
    for d in sorted(store.root.iterdir()):
        if not d.is_dir() or d.name.startswith("."):
            continue
        try:
            check_slug(d.name)
        except ValueError:
            continue
        story = _read_story(d, d.name == BUILTIN_SLUG)
        if story:
            found.append(story)
    with store.write() as c:
        if c.execute("SELECT 1 FROM info WHERE key = ?", (MARK,)).fetchone():
            return 0  # another process imported meanwhile
        n = 0
        for s in found:
            slug = s["slug"]
            if slug == BUILTIN_SLUG:
                c.execute("UPDATE stories SET meta = ? WHERE slug = ?",
                          (json.dumps({k: v for k, v in s["meta"].items() if k in ("languages", "pipeline")}),
                           slug))
            elif c.execute("SELECT 1 FROM stories WHERE slug = ?", (slug,)).fetchone():
                continue
            else:
                c.execute("INSERT INTO stories (slug, title, created, builtin, meta) VALUES (?, ?, ?, 0, ?)",
                          (slug, s["title"], s["created"], json.dumps(s["meta"], ensure_ascii=False)))
                c.executemany("INSERT INTO documents (slug, name, uploaded_as, bytes, encoding, lang, body) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)",
                              [(slug, d["name"], d["uploaded_as"], d["bytes"], d["encoding"], d["lang"], d["body"])
                               for d in s["docs"]])
            if s["output"] is not None:
                store._put_output(c, slug, s["output"], s["meta"].get("pipeline"))
            c.executemany("INSERT INTO edits (slug, op, who, role, at) VALUES (?, ?, ?, ?, ?)",
                          [(slug, json.dumps(op, ensure_ascii=False), TEACHER.who, TEACHER.role, at)
                           for op, at in s["edits"]])
            c.executemany("INSERT INTO notes (slug, text) VALUES (?, ?)", [(slug, t) for t in s["notes"]])
            n += 1
        c.execute("INSERT INTO info (key, value) VALUES (?, ?)", (MARK, json.dumps({"stories": n})))
    return n
