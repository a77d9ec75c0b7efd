"""A library of stories under a root folder (default data/library/).

    <root>/<slug>/docs/*.txt          the uploaded documents (stored as UTF-8)
    <root>/<slug>/processed/          events.json, characters.json, events.csv (pipeline.write_outputs)
    <root>/<slug>/edits.json          the curation overlay (dashboard.edits)
    <root>/<slug>/meta.json           title, created, languages, files, pipeline fingerprint

The bundled story (data/seeds) is always listed as the read-only story "october-sky": its
documents come from data/seeds and it cannot be deleted; its processed cache and edits
live in <root>/october-sky/ like any other story's.

Processed output is rebuilt automatically when the pipeline code changed since it was
written (a fingerprint of pipeline/**), so improvements reach stored stories and the
edits overlay is replayed on the fresh output.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import unicodedata
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import pandas as pd

import pipeline
from pipeline import files, ingest
from pipeline.schema import characters_frame, events_frame

from . import edits as _edits

DEFAULT_ROOT = pipeline.DATA_DIR / "library"
BUILTIN_SLUG = "october-sky"
BUILTIN_TITLE = "October Sky"
BUILTIN_DOCS = pipeline.DEFAULT_INPUT

MAX_FILES = 20
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TOTAL_BYTES = 10 * 1024 * 1024
MAX_TITLE = 120
_SLUG_MAX = 60


class LibraryError(ValueError):
    """A refused or failed library operation; the message is meant for the user."""


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


def _check_slug(slug: str) -> str:
    if not isinstance(slug, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise LibraryError(f"There is no story called {slug!r}.")
    return slug


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


# ---------------------------------------------------------------- paths and meta

def _root(root: str | os.PathLike | None) -> Path:
    return Path(root) if root is not None else DEFAULT_ROOT


def story_dir(slug: str, root: str | os.PathLike | None = None) -> Path:
    return _root(root) / _check_slug(slug)


def docs_dir(slug: str, root: str | os.PathLike | None = None) -> Path:
    return BUILTIN_DOCS if slug == BUILTIN_SLUG else story_dir(slug, root) / "docs"


def edits_path(slug: str, root: str | os.PathLike | None = None) -> Path:
    return story_dir(slug, root) / "edits.json"


def pipeline_fingerprint() -> str:
    """Changes whenever a pipeline source or lexicon file changes (size + mtime, cheap)."""
    h = hashlib.sha1()
    base = Path(pipeline.__file__).resolve().parent
    for p in sorted(base.rglob("*")):
        if p.suffix in (".py", ".json") and "__pycache__" not in p.parts:
            st = p.stat()
            h.update(f"{p.relative_to(base)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def _read_json(path: Path, default=None):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default


def _write_json(path: Path, obj) -> None:
    files.write(path, json.dumps(obj, ensure_ascii=False, indent=1))


def _builtin_meta() -> dict:
    return {"slug": BUILTIN_SLUG, "title": BUILTIN_TITLE, "created": None, "languages": [],
            "files": [{"name": p.name} for p in sorted(BUILTIN_DOCS.glob("*.txt"))],
            "builtin": True, "read_only": True}


def story_meta(slug: str, root: str | os.PathLike | None = None) -> dict:
    _check_slug(slug)
    if slug == BUILTIN_SLUG:
        meta = _builtin_meta()
        cached = _read_json(story_dir(slug, root) / "meta.json", {}) or {}
        meta["languages"] = cached.get("languages", [])
        return meta
    meta = _read_json(story_dir(slug, root) / "meta.json")
    if not isinstance(meta, dict):
        raise LibraryError(f"There is no story called {slug!r}.")
    meta.update(slug=slug, builtin=False, read_only=False)
    return meta


def list_stories(root: str | os.PathLike | None = None) -> list[dict]:
    """Every story's meta (slug, title, created, languages, files, builtin), the built-in first."""
    out = [story_meta(BUILTIN_SLUG, root)]
    r = _root(root)
    found = []
    if r.is_dir():
        for d in r.iterdir():
            if d.is_dir() and not d.name.startswith(".") and d.name != BUILTIN_SLUG:
                try:
                    found.append(story_meta(d.name, root))
                except LibraryError:
                    continue  # not a story folder
    found.sort(key=lambda m: (str(m.get("title", "")).casefold(), m["slug"]))
    return out + found


# ---------------------------------------------------------------- create / delete

def _process(docs: Path, processed: Path, progress=None, lang_override: dict[str, str] | None = None) -> list[str]:
    """Run the pipeline over `docs`, write into `processed`; returns the languages found."""
    try:
        story = pipeline.run([docs], progress=progress, lang_override=lang_override or None)
        pipeline.write_outputs(story, processed)
    except pipeline.PipelineError as exc:
        raise LibraryError(f"The story could not be processed: {exc}") from exc
    return sorted({d.lang for d in story.docs})


def create_story(title: str, files: dict[str, bytes], *, root: str | os.PathLike | None = None,
                 process: bool = True, progress: Callable[[str, int, int], None] | None = None) -> str:
    """Store a new story and (by default) run the pipeline on it; returns its slug.

    Everything is built in a hidden temporary folder and renamed into place at the end,
    so a refused upload or a pipeline failure leaves nothing behind."""
    title = " ".join(str(title or "").split())
    if not title:
        raise LibraryError("Give the story a title.")
    if len(title) > MAX_TITLE:
        raise LibraryError(f"The title is too long ({len(title)} characters, at most {MAX_TITLE}).")
    uploads = _validate_uploads(files)
    r = _root(root)
    r.mkdir(parents=True, exist_ok=True)
    tmp = r / f".new-{uuid.uuid4().hex}"
    try:
        (tmp / "docs").mkdir(parents=True)
        for stored, _orig, text, _size, _enc in uploads:
            (tmp / "docs" / stored).write_text(text, encoding="utf-8", newline="")
        langs = _process(tmp / "docs", tmp / "processed", progress) if process else []
        meta = {"title": title, "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "languages": langs,
                "files": [{"name": s, "uploaded_as": o, "bytes": n, "encoding": e} for s, o, _t, n, e in uploads],
                "pipeline": pipeline_fingerprint() if process else None}
        _write_json(tmp / "meta.json", meta)
        base = slugify(title)
        for n in range(1, 1000):
            slug = base if n == 1 else f"{base[:_SLUG_MAX - 4]}-{n}"
            if slug == BUILTIN_SLUG or (r / slug).exists():
                continue
            try:
                os.rename(tmp, r / slug)  # atomic; fails if another writer took the name meanwhile
                return slug
            except OSError:
                if (r / slug).exists():
                    continue
                raise
        raise LibraryError("Too many stories with this title; choose another title.")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def delete_story(slug: str, root: str | os.PathLike | None = None) -> None:
    """Remove a story and everything stored with it (the built-in story cannot be deleted)."""
    if slug == BUILTIN_SLUG:
        raise LibraryError(f"{BUILTIN_TITLE} is the built-in example story and cannot be deleted.")
    d = story_dir(slug, root)
    if not (d / "meta.json").is_file():
        raise LibraryError(f"There is no story called {slug!r}.")
    # rename first so a half-deleted folder is never listed as a story
    trash = d.parent / f".del-{slug}-{uuid.uuid4().hex[:8]}"
    os.rename(d, trash)
    shutil.rmtree(trash, ignore_errors=True)


# ---------------------------------------------------------------- loading

def _frames_from(processed: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    evs = _read_json(processed / "events.json")
    cast = _read_json(processed / "characters.json")
    if not isinstance(evs, list) or not isinstance(cast, list):
        raise LibraryError("The processed output is missing or unreadable.")
    return events_frame(evs), characters_frame(cast)


def reprocess_story(slug: str, root: str | os.PathLike | None = None, progress=None) -> None:
    """Run the pipeline again on the story's documents (edits are kept and replayed on load)."""
    d = story_dir(slug, root)
    if slug != BUILTIN_SLUG and not (d / "meta.json").is_file():
        raise LibraryError(f"There is no story called {slug!r}.")
    meta = _read_json(d / "meta.json", {}) if slug != BUILTIN_SLUG else {}
    meta = meta if isinstance(meta, dict) else {}
    # the teacher's language choices survive a re-run of a newer pipeline
    override = meta.get("lang_override") if isinstance(meta.get("lang_override"), dict) else None
    langs = _process(docs_dir(slug, root), d / "processed", progress, override)
    if slug == BUILTIN_SLUG:
        meta.update(title=BUILTIN_TITLE)
    meta.update(languages=langs, pipeline=pipeline_fingerprint())
    _write_json(d / "meta.json", meta)


def load_edits(slug: str, root: str | os.PathLike | None = None) -> list[dict]:
    """The story's edit operations (EditsError if the file was corrupt and has been moved aside)."""
    return _edits.load(edits_path(slug, root))


def save_edits(slug: str, ops: list[dict], root: str | os.PathLike | None = None) -> None:
    story_meta(slug, root)  # the story must exist
    _edits.save(edits_path(slug, root), ops)


def load_story(slug: str, root: str | os.PathLike | None = None, *, apply_edits: bool = True,
               progress=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events, characters) of a story with its edits applied.

    Runs the pipeline first when the processed output is missing or stale. Skipped edits
    are listed in events.attrs["edit_warnings"]; a corrupt edits file is moved aside and
    reported in events.attrs["edit_warnings"] too, so the story still opens."""
    meta = story_meta(slug, root)
    d = story_dir(slug, root)
    stored = _read_json(d / "meta.json", {}) or {}
    processed = d / "processed"
    if not (processed / "events.json").is_file() or stored.get("pipeline") != pipeline_fingerprint():
        reprocess_story(slug, root, progress)
    try:
        events_df, cast_df = _frames_from(processed)
    except (LibraryError, ValueError):
        reprocess_story(slug, root, progress)  # a damaged cache is rebuilt from the documents
        events_df, cast_df = _frames_from(processed)
    warnings: list[str] = []
    if apply_edits:
        try:
            ops = load_edits(slug, root)
        except _edits.EditsError as exc:
            ops = []
            warnings.append(str(exc))
        except OSError as exc:  # edits.json unreadable (a folder, no permission): open the story without them
            ops = []
            warnings.append(f"The edits of this story could not be read ({exc.strerror or exc}); "
                            "the story is shown without them.")
        events_df, cast_df = _edits.apply(events_df, cast_df, ops, warnings=warnings)
    events_df.attrs["edit_warnings"] = warnings
    events_df.attrs["story"] = meta
    return events_df, cast_df
