"""The story library: the stories users created (title, documents, pipeline output, edits) and the
built-in October Sky, kept in the store (dashboard.store: one SQLite database under the library root,
default data/library/, or $STORYLINE_LIBRARY for the app).

This module holds the rules for what may be stored (titles, uploads, encodings, limits) and runs the
pipeline; dashboard.store holds the data. The built-in story's documents come from data/seeds and it
cannot be deleted; its processed output and edits live in the store like any other story's.

Processed output is rebuilt automatically when the pipeline code changed since it was made (a
fingerprint of pipeline/**), so improvements reach stored stories and the edits are replayed on the
fresh output. Old folder libraries (<root>/<slug>/meta.json, docs/, processed/, edits.json) are
imported into the store on first open.

Writes take an `actor` (dashboard.store.Actor); the default is the teacher (the CLI, one person on
their own machine). A viewer's writes raise store.ReadOnlyError.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path
from typing import Callable

import pandas as pd

import pipeline
from pipeline import ingest
from pipeline.schema import characters_frame, events_frame

from . import edits as _edits
from . import store as _store
from .store import TEACHER, Actor, LibraryError, ReadOnlyError  # noqa: F401 (part of this module's API)

DEFAULT_ROOT = pipeline.DATA_DIR / "library"
BUILTIN_SLUG = _store.BUILTIN_SLUG
BUILTIN_TITLE = _store.BUILTIN_TITLE
BUILTIN_DOCS = pipeline.DEFAULT_INPUT

MAX_FILES = 20
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TOTAL_BYTES = 10 * 1024 * 1024
MAX_TITLE = 120
_SLUG_MAX = 60
LANGS = ("en", "es", "it")

# ---------------------------------------------------------------- names

def slugify(title: str) -> str:
    """[a-z0-9-] only, accents folded ("Cañón" -> "canon"), never empty."""
    # drop accents only; any other non-ASCII character (’, —, ß...) separates words
    s = "".join(ch for ch in unicodedata.normalize("NFKD", title) if not unicodedata.combining(ch)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:_SLUG_MAX].strip("-")
    return s or "story"


def safe_filename(name: str, index: int = 0) -> str:
    """The upload's base name only (no folders, no "..", no control characters), ending in .txt."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    stem = base[:-4] if base.lower().endswith(".txt") else base
    stem = re.sub(r"[^\w.\- ]+", "_", stem).strip(" ._-")[:80].strip(" ._-")
    return f"{stem or f'document-{index + 1}'}.txt"


_check_slug = _store.check_slug


# ---------------------------------------------------------------- decoding uploads

def decode_upload(name: str, data: bytes) -> tuple[str, str]:
    """(text, encoding) of an uploaded text file, or LibraryError naming the file."""
    if not data or not data.strip():
        raise LibraryError(f"{name}: the file is empty.")
    text = enc = None
    bom16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    # UTF-16 without a BOM has NULs too: the pipeline's own test tells it from binary
    utf16 = None if bom16 or b"\x00" not in data[:8192] else ingest.utf16_without_bom(data)
    if b"\x00" in data[:8192] and not bom16 and utf16 is None:
        raise LibraryError(f"{name}: this looks like a binary file, not plain text; upload .txt files only.")
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif bom16:
        candidates = ["utf-16"]
    elif utf16:
        candidates = [utf16]
    else:
        candidates = ["utf-8", "cp1252"]
    for c in candidates:
        try:
            text, enc = data.decode(c), c
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise LibraryError(f"{name}: the file is not readable text (not UTF-8, UTF-16 or Windows-1252); "
                           "save it as UTF-8 text and upload it again.")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise LibraryError(f"{name}: this looks like a binary file, not plain text; upload .txt files only.")
    if not text.strip():
        raise LibraryError(f"{name}: the file is empty.")
    return text, enc


def _validate_uploads(files: dict[str, bytes]) -> list[tuple[str, str, str, int, str]]:
    """[(stored name, original name, text, size, encoding read as)] or LibraryError; checks every limit first."""
    if not files:
        raise LibraryError("Add at least one .txt document to create a story.")
    if len(files) > MAX_FILES:
        raise LibraryError(f"Too many files: {len(files)} (at most {MAX_FILES} per story).")
    total = 0
    for name, data in files.items():
        if not isinstance(data, (bytes, bytearray)):
            raise LibraryError(f"{name}: expected the file's bytes.")
        if len(data) > MAX_FILE_BYTES:
            raise LibraryError(f"{name}: the file is {len(data) / 1048576:.1f} MB; "
                               f"the limit is {MAX_FILE_BYTES // 1048576} MB per file.")
        total += len(data)
    if total > MAX_TOTAL_BYTES:
        raise LibraryError(f"The files total {total / 1048576:.1f} MB; "
                           f"the limit is {MAX_TOTAL_BYTES // 1048576} MB per story.")
    out, used = [], set()
    for i, (name, data) in enumerate(files.items()):
        text, enc = decode_upload(name, bytes(data))
        stored = safe_filename(name, i)
        stem, n = stored[:-4], 1
        while stored.casefold() in used:  # two uploads sanitised to the same name
            n += 1
            stored = f"{stem}-{n}.txt"
        used.add(stored.casefold())
        out.append((stored, name, text, len(data), enc))
    return out


# ---------------------------------------------------------------- the store

def _root(root: str | os.PathLike | None) -> Path:
    return Path(root) if root is not None else DEFAULT_ROOT


def store(root: str | os.PathLike | None = None) -> _store.Store:
    """The store under `root` (opened once per process; imports an old folder library the first time)."""
    return _store.open_store(_root(root))


def pipeline_fingerprint() -> str:
    """Changes whenever a pipeline source or lexicon file changes (size + mtime, cheap)."""
    h = hashlib.sha1()
    base = Path(pipeline.__file__).resolve().parent
    for p in sorted(base.rglob("*")):
        if p.suffix in (".py", ".json") and "__pycache__" not in p.parts:
            st = p.stat()
            h.update(f"{p.relative_to(base)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def _builtin_files() -> list[dict]:
    return [{"name": p.name} for p in sorted(BUILTIN_DOCS.glob("*.txt"))]


def story_meta(slug: str, root: str | os.PathLike | None = None) -> dict:
    meta = store(root).story_meta(slug)
    if meta["builtin"]:
        meta["files"] = _builtin_files()
    return meta


def list_stories(root: str | os.PathLike | None = None) -> list[dict]:
    """Every story's meta (slug, title, created, languages, files, builtin), the built-in first."""
    out = store(root).list_stories()
    for m in out:
        if m["builtin"]:
            m["files"] = _builtin_files()
    return out


def read_docs(slug: str, root: str | os.PathLike | None = None) -> dict[str, str]:
    """doc stem -> text of the story's documents (the texts that source offsets point into)."""
    if slug == BUILTIN_SLUG:
        from .data import read_text
        return {p.stem: read_text(p) for p in sorted(BUILTIN_DOCS.glob("*.txt"))}
    return {Path(d["name"]).stem: d["body"] for d in store(root).documents(slug)}


def story_stamp(slug: str, root: str | os.PathLike | None = None) -> tuple:
    try:
        return store(root).stamp(_check_slug(slug))
    except LibraryError:
        return ()


# ---------------------------------------------------------------- create / delete

def _run(slug: str | None, docs: list[dict], progress=None, lang_override: dict[str, str] | None = None,
         doc_dates: dict[str, str] | None = None):
    """((events, characters) records, languages, {document name: language}) of one pipeline run.

    `doc_dates` (doc stem -> YYYY-MM-DD) are the dates the documents were written, for today/yesterday."""
    try:
        if slug == BUILTIN_SLUG:
            story = pipeline.run([BUILTIN_DOCS], progress=progress, lang_override=lang_override or None)
        else:
            story = pipeline.run(texts={d["name"]: d["body"] for d in sorted(docs, key=lambda d: d["name"])},
                                 progress=progress, lang_override=lang_override or None,
                                 doc_dates=doc_dates or None)
        pipeline.frames(story)  # validates the output before anything is stored
    except pipeline.PipelineError as exc:
        raise LibraryError(f"The story could not be processed: {exc}") from exc
    langs = sorted({d.lang for d in story.docs})
    return pipeline.records(story), langs, {Path(d.path).name: d.lang for d in story.docs}


def create_story(title: str, files: dict[str, bytes], *, root: str | os.PathLike | None = None,
                 process: bool = True, progress: Callable[[str, int, int], None] | None = None,
                 lang_override: dict[str, str] | None = None, doc_dates: dict[str, str] | None = None,
                 actor: Actor = TEACHER) -> str:
    """Store a new story and (by default) run the pipeline on it; returns its slug.

    `lang_override` maps an upload name (or stored name) to en|es|it, `doc_dates` to the date the
    document was written (YYYY-MM-DD). The pipeline runs before anything
    is stored and the story goes in as one transaction, so a refused upload or a failure leaves nothing."""
    _store._require(actor, "Creating a story")
    title = " ".join(str(title or "").split())
    if not title:
        raise LibraryError("Give the story a title.")
    if len(title) > MAX_TITLE:
        raise LibraryError(f"The title is too long ({len(title)} characters, at most {MAX_TITLE}).")
    uploads = _validate_uploads(files)
    by_upload = {o: s for s, o, *_ in uploads}
    override = {Path(by_upload.get(k, k)).stem: v for k, v in (lang_override or {}).items() if v in LANGS}
    docs = [{"name": s, "uploaded_as": o, "bytes": n, "encoding": e, "body": text_}
            for s, o, text_, n, e in uploads]
    meta = {"languages": [], "pipeline": None}
    if override:
        meta["lang_override"] = override
    dated = {Path(by_upload.get(k, k)).stem: v for k, v in (doc_dates or {}).items() if v}
    if dated:
        meta["doc_dates"] = dated
    output = None
    if process:
        output, meta["languages"], doc_langs = _run(None, docs, progress, override, dated)
        meta["pipeline"] = pipeline_fingerprint()
        for d in docs:
            d["lang"] = doc_langs.get(d["name"])
    return store(root).create_story(slugify(title), title, docs, meta, actor, output=output)


def delete_story(slug: str, root: str | os.PathLike | None = None, *, actor: Actor = TEACHER) -> None:
    """Remove a story and everything stored with it (the built-in story cannot be deleted)."""
    store(root).delete_story(slug, actor)


# ---------------------------------------------------------------- loading

def reprocess_story(slug: str, root: str | os.PathLike | None = None, progress=None) -> None:
    """Run the pipeline again on the story's documents (edits are kept and replayed on load).

    Refreshing derived output is not a change to the story, so any session may cause it."""
    s = store(root)
    meta = s.story_meta(slug)
    override = meta.get("lang_override") if isinstance(meta.get("lang_override"), dict) else None
    dated = meta.get("doc_dates") if isinstance(meta.get("doc_dates"), dict) else None
    output, langs, doc_langs = _run(slug, s.documents(slug), progress, override, dated)
    s.put_output(slug, output, pipeline_fingerprint(), langs, doc_langs)


def load_edits(slug: str, root: str | os.PathLike | None = None) -> list[dict]:
    """The story's edit operations in force, in order."""
    return store(root).edits(slug)


def save_edits(slug: str, ops: list[dict], root: str | os.PathLike | None = None, *,
               actor: Actor = TEACHER) -> None:
    """Make `ops` the story's edits (kept as appended rows: see Store.replace)."""
    store(root).replace(slug, ops, actor)


def add_edit(slug: str, op: dict, root: str | os.PathLike | None = None, *, actor: Actor = TEACHER) -> int:
    """Append one edit (the app's way: never a read-modify-write of the whole list); returns its seq."""
    return store(root).append(slug, op, actor)[0]


def undo_edit(slug: str, root: str | os.PathLike | None = None, *, actor: Actor = TEACHER) -> dict | None:
    """Take back the actor's own last edit; returns it (None when the actor has none in force)."""
    return store(root).undo(slug, actor)


def last_own_edit(slug: str, root: str | os.PathLike | None = None, *, actor: Actor = TEACHER) -> dict | None:
    row = store(root).last_own(slug, actor)
    return None if row is None else row["op"]


def _frames(out) -> tuple[pd.DataFrame, pd.DataFrame]:
    if out is None:
        raise LibraryError("The processed output is missing or unreadable.")
    return events_frame(out[0]), characters_frame(out[1])


def load_story(slug: str, root: str | os.PathLike | None = None, *, apply_edits: bool = True,
               progress=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events, characters) of a story with its edits applied.

    Runs the pipeline first when the processed output is missing or stale (or damaged). Skipped edits
    and notes from the import of an old library are listed in events.attrs["edit_warnings"]."""
    s = store(root)
    meta = story_meta(slug, root)
    out = s.output(slug)
    if out is None or out[2] != pipeline_fingerprint():
        reprocess_story(slug, root, progress)
        out = s.output(slug)
    try:
        events_df, cast_df = _frames(out)
    except Exception:  # noqa: BLE001 (any damage: the output is derived and rebuilt from the documents)
        reprocess_story(slug, root, progress)  # a damaged output is rebuilt from the documents
        events_df, cast_df = _frames(s.output(slug))
    warnings: list[str] = list(s.notes(slug))
    if apply_edits:
        events_df, cast_df = _edits.apply(events_df, cast_df, s.edits(slug), warnings=warnings)
    events_df.attrs["edit_warnings"] = warnings
    events_df.attrs["story"] = meta
    return events_df, cast_df
