"""The story store: one SQLite database (<library folder>/storyline.db) shared by the app and the CLI.

Why a database and not folders of JSON: in class one server serves every student, and the edits used
to be saved as a read-modify-write of a whole edits.json, so two sessions saving at once lost one edit.
Here every change is one transaction (BEGIN IMMEDIATE ... COMMIT, WAL journal, synchronous=FULL):
an edit is an appended row that cannot overwrite another, and a process killed mid-write leaves the
database as of its last commit.

    stories    slug, title, created, builtin, meta (JSON: languages, files, pipeline, lang_override), version
    documents  the uploaded texts (UTF-8) with their stored name, upload name, size, encoding, language
    outputs    the pipeline output (events, characters as JSON) and the pipeline fingerprint it came from
    edits      the edit log: seq, slug, op (JSON), who, role, at; an undo is a row naming the seq it undoes
    presenter  the teacher's current slide (story, filters, step) for the students who follow it

The edits are replayed in seq order over the pipeline output (dashboard.edits.apply); an undone row and
its undo row are skipped. Who wrote a row is recorded, so Undo takes back the writer's own last edit.

Writes take an Actor; a viewer's Actor is refused (ReadOnlyError) whatever the caller, so the read-only
role does not depend on the interface hiding buttons. Old data/library/ folders (meta.json, docs/,
processed/, edits.json) are imported on first open, once; the folders are left where they were.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import edits as _edits

DB_NAME = "storyline.db"
BUILTIN_SLUG = "october-sky"
BUILTIN_TITLE = "October Sky"
_SLUG_MAX = 60
_SCHEMA = """
CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
    slug TEXT PRIMARY KEY, title TEXT NOT NULL, created TEXT, builtin INTEGER NOT NULL DEFAULT 0,
    meta TEXT NOT NULL DEFAULT '{}', version INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS documents (
    slug TEXT NOT NULL REFERENCES stories(slug) ON DELETE CASCADE, name TEXT NOT NULL, uploaded_as TEXT,
    bytes INTEGER, encoding TEXT, lang TEXT, body TEXT NOT NULL, PRIMARY KEY (slug, name));
CREATE TABLE IF NOT EXISTS outputs (
    slug TEXT PRIMARY KEY REFERENCES stories(slug) ON DELETE CASCADE, pipeline TEXT,
    events TEXT NOT NULL, characters TEXT NOT NULL, made TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edits (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, slug TEXT NOT NULL REFERENCES stories(slug) ON DELETE CASCADE,
    op TEXT NOT NULL, who TEXT NOT NULL, role TEXT NOT NULL, at TEXT NOT NULL, undoes INTEGER);
CREATE INDEX IF NOT EXISTS edits_by_story ON edits (slug, seq);
CREATE TABLE IF NOT EXISTS notes (slug TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS presenter (
    id INTEGER PRIMARY KEY CHECK (id = 1), story TEXT, state TEXT NOT NULL, step INTEGER NOT NULL,
    seq INTEGER NOT NULL, who TEXT NOT NULL, at TEXT NOT NULL);
"""


class LibraryError(ValueError):
    """A refused or failed library operation; the message is meant for the user."""


class ReadOnlyError(PermissionError):
    """A write from a session that may only look (a viewer)."""


@dataclass(frozen=True)
class Actor:
    """Who asks for a change: `who` is recorded with every edit ("teacher", or a session id) and decides
    whose last edit Undo takes back; `role` is "teacher", "local" (no teacher key: everyone edits, as on
    one's own machine) or "viewer" (read-only)."""
    who: str
    role: str = "teacher"

    @property
    def can_write(self) -> bool:
        return self.role in ("teacher", "local")


TEACHER = Actor("teacher", "teacher")  # the CLI, the importer and the library's old entry points


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def check_slug(slug) -> str:
    if not isinstance(slug, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise LibraryError(f"There is no story called {slug!r}.")
    return slug


def _require(actor: Actor, what: str) -> None:
    if not isinstance(actor, Actor) or not actor.can_write:
        raise ReadOnlyError(f"{what}: this session can only look (viewer); only the teacher can change "
                            "the library. Enter the teacher key in the sidebar to edit.")


_stores: dict[tuple[int, str], "Store"] = {}
_stores_lock = threading.Lock()


def open_store(root: str | os.PathLike) -> "Store":
    """The store under `root`, opened once per process (and per root)."""
    path = Path(root).resolve()
    key = (os.getpid(), str(path))  # a forked child must not share its parent's connections
    with _stores_lock:
        s = _stores.get(key)
        if s is None or not s.path.exists():
            try:
                s = _stores[key] = Store(path)
            except sqlite3.DatabaseError as exc:  # not a database, or damaged beyond what SQLite repairs
                raise LibraryError(f"The story library {path / DB_NAME} could not be opened ({exc}). Nothing "
                                   "was changed; move the file aside to start an empty library.") from exc
        return s


class Store:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.path = self.root / DB_NAME
        self._local = threading.local()
        self._wal(self._conn())
        with self.write() as c:
            for stmt in _SCHEMA.split(";"):
                if stmt.strip():
                    c.execute(stmt)
            c.execute("INSERT OR IGNORE INTO stories (slug, title, builtin) VALUES (?, ?, 1)",
                      (BUILTIN_SLUG, BUILTIN_TITLE))
        from . import legacy
        legacy.import_once(self)

    @staticmethod
    def _wal(c: sqlite3.Connection) -> None:
        """WAL journal (readers never wait for the writer; persistent per file). Switching a new file to WAL
        needs it alone for a moment and SQLite answers "locked" at once, without its busy timeout, when
        another process (a second server starting) holds it: retry for a while before giving up."""
        for attempt in range(200):
            try:
                c.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or attempt == 199:
                    raise
                time.sleep(0.05)

    # ------------------------------------------------------------ connections and transactions
    def _conn(self) -> sqlite3.Connection:
        # one connection per thread: sqlite3 connections must stay on the thread that made them
        c = getattr(self._local, "conn", None)
        if c is None:
            c = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            c.execute("PRAGMA busy_timeout=30000")
            c.execute("PRAGMA synchronous=FULL")   # a committed edit survives a crash of the machine too
            c.execute("PRAGMA foreign_keys=ON")
            c.row_factory = sqlite3.Row
            self._local.conn = c
        return c

    @contextmanager
    def write(self):
        """One transaction holding the write lock from its start (no read-then-upgrade deadlocks)."""
        c = self._conn()
        c.execute("BEGIN IMMEDIATE")
        try:
            yield c
        except BaseException:
            c.execute("ROLLBACK")
            raise
        c.execute("COMMIT")

    @contextmanager
    def read(self):
        """A consistent snapshot for several SELECTs."""
        c = self._conn()
        c.execute("BEGIN")
        try:
            yield c
        finally:
            c.execute("COMMIT")

    def dump(self) -> dict[str, list[tuple]]:
        """Every stored row of every table but the presenter's (tests compare a library before and after)."""
        with self.read() as c:
            return {t: [tuple(r) for r in c.execute(f"SELECT * FROM {t} ORDER BY rowid")]
                    for t in ("info", "stories", "documents", "outputs", "edits", "notes")}

    # ------------------------------------------------------------ stories
    def _meta(self, row, docs=None) -> dict:
        meta = json.loads(row["meta"] or "{}")
        meta.update(slug=row["slug"], title=row["title"], created=row["created"],
                    builtin=bool(row["builtin"]), read_only=bool(row["builtin"]))
        meta.setdefault("languages", [])
        if docs is not None:
            meta["files"] = docs
        return meta

    def _files(self, c, slug: str) -> list[dict]:
        return [{"name": r["name"], "uploaded_as": r["uploaded_as"], "bytes": r["bytes"],
                 "encoding": r["encoding"], "lang": r["lang"]}
                for r in c.execute("SELECT name, uploaded_as, bytes, encoding, lang FROM documents "
                                   "WHERE slug = ? ORDER BY name", (slug,))]

    def list_stories(self) -> list[dict]:
        with self.read() as c:
            rows = c.execute("SELECT * FROM stories").fetchall()
            metas = [self._meta(r, self._files(c, r["slug"])) for r in rows]
        metas.sort(key=lambda m: (not m["builtin"], str(m["title"]).casefold(), m["slug"]))
        return metas

    def story_meta(self, slug: str) -> dict:
        check_slug(slug)
        with self.read() as c:
            row = c.execute("SELECT * FROM stories WHERE slug = ?", (slug,)).fetchone()
            if row is None:
                raise LibraryError(f"There is no story called {slug!r}.")
            return self._meta(row, self._files(c, slug))

    def _free_slug(self, c, base: str) -> str:
        for n in range(1, 1000):
            slug = base if n == 1 else f"{base[:_SLUG_MAX - 4]}-{n}"
            if c.execute("SELECT 1 FROM stories WHERE slug = ?", (slug,)).fetchone() is None:
                return slug
        raise LibraryError("Too many stories with this title; choose another title.")

    def create_story(self, base_slug: str, title: str, docs: list[dict], meta: dict, actor: Actor,
                     output: tuple[list, list] | None = None, created: str | None = None) -> str:
        """Store a story with its documents (and output) in one transaction; returns the slug it got.
        docs: [{name, uploaded_as, bytes, encoding, lang, body}]."""
        _require(actor, "Creating a story")
        with self.write() as c:
            slug = self._free_slug(c, check_slug(base_slug))
            c.execute("INSERT INTO stories (slug, title, created, builtin, meta) VALUES (?, ?, ?, 0, ?)",
                      (slug, title, created or now(), json.dumps(meta, ensure_ascii=False)))
            c.executemany("INSERT INTO documents (slug, name, uploaded_as, bytes, encoding, lang, body) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)",
                          [(slug, d["name"], d.get("uploaded_as"), d.get("bytes"), d.get("encoding"),
                            d.get("lang"), d["body"]) for d in docs])
            if output is not None:
                self._put_output(c, slug, output, meta.get("pipeline"))
        return slug

    def delete_story(self, slug: str, actor: Actor) -> None:
        _require(actor, "Deleting a story")
        check_slug(slug)
        with self.write() as c:
            row = c.execute("SELECT builtin FROM stories WHERE slug = ?", (slug,)).fetchone()
            if row is None:
                raise LibraryError(f"There is no story called {slug!r}.")
            if row["builtin"]:
                raise LibraryError(f"{BUILTIN_TITLE} is the built-in example story and cannot be deleted.")
            c.execute("DELETE FROM stories WHERE slug = ?", (slug,))  # documents, outputs, edits cascade
            c.execute("DELETE FROM notes WHERE slug = ?", (slug,))

    def documents(self, slug: str) -> list[dict]:
        return [dict(r) for r in self._conn().execute(
            "SELECT name, uploaded_as, bytes, encoding, lang, body FROM documents WHERE slug = ? ORDER BY name",
            (check_slug(slug),))]

    # ------------------------------------------------------------ pipeline output (derived data: anyone may refresh it)
    def _put_output(self, c, slug: str, output: tuple[list, list], fingerprint: str | None) -> None:
        evs, cast = output
        c.execute("INSERT OR REPLACE INTO outputs (slug, pipeline, events, characters, made) VALUES (?, ?, ?, ?, ?)",
                  (slug, fingerprint, json.dumps(evs, ensure_ascii=False), json.dumps(cast, ensure_ascii=False),
                   now()))

    def put_output(self, slug: str, output: tuple[list, list], fingerprint: str | None,
                   languages: list[str] | None = None, doc_langs: dict[str, str] | None = None,
                   extra_meta: dict | None = None) -> None:
        with self.write() as c:
            row = c.execute("SELECT meta FROM stories WHERE slug = ?", (check_slug(slug),)).fetchone()
            if row is None:
                raise LibraryError(f"There is no story called {slug!r}.")
            meta = json.loads(row["meta"] or "{}")
            meta.update(extra_meta or {})   # derived notes of the run ("left_out": names not in the cast)
            meta["pipeline"] = fingerprint
            if languages is not None:
                meta["languages"] = languages
            c.execute("UPDATE stories SET meta = ?, version = version + 1 WHERE slug = ?",
                      (json.dumps(meta, ensure_ascii=False), slug))
            for name, lang in (doc_langs or {}).items():
                c.execute("UPDATE documents SET lang = ? WHERE slug = ? AND name = ?", (lang, slug, name))
            self._put_output(c, slug, output, fingerprint)

    def output(self, slug: str) -> tuple[list, list, str | None] | None:
        """(events, characters, pipeline fingerprint) as stored, None when there is none or it is unreadable."""
        row = self._conn().execute("SELECT events, characters, pipeline FROM outputs WHERE slug = ?",
                                   (check_slug(slug),)).fetchone()
        if row is None:
            return None
        try:
            evs, cast = json.loads(row["events"]), json.loads(row["characters"])
        except ValueError:
            return None
        if not isinstance(evs, list) or not isinstance(cast, list):
            return None
        return evs, cast, row["pipeline"]

    def stamp(self, slug: str) -> tuple:
        """Changes whenever the story's output, meta or edits change: the cache key of a loaded story."""
        with self.read() as c:
            row = c.execute("SELECT version FROM stories WHERE slug = ?", (slug,)).fetchone()
            last = c.execute("SELECT MAX(seq) FROM edits WHERE slug = ?", (slug,)).fetchone()[0]
        return () if row is None else (row["version"], last or 0)

    def notes(self, slug: str) -> list[str]:
        return [r[0] for r in self._conn().execute("SELECT text FROM notes WHERE slug = ?", (slug,))]

    # ------------------------------------------------------------ the edit log
    def _exists(self, c, slug: str) -> None:
        if c.execute("SELECT 1 FROM stories WHERE slug = ?", (check_slug(slug),)).fetchone() is None:
            raise LibraryError(f"There is no story called {slug!r}.")

    def log(self, slug: str) -> list[dict]:
        """Every row of the story's edit log, oldest first (undone ones and undo rows included)."""
        rows = self._conn().execute("SELECT seq, op, who, role, at, undoes FROM edits WHERE slug = ? ORDER BY seq",
                                    (check_slug(slug),)).fetchall()
        return [dict(r, op=json.loads(r["op"])) for r in rows]

    @staticmethod
    def _active(rows) -> list[dict]:
        undone = {r["undoes"] for r in rows if r["undoes"] is not None}
        return [r for r in rows if r["undoes"] is None and r["seq"] not in undone]

    def edits(self, slug: str) -> list[dict]:
        """The operations in force, in the order they were made (what dashboard.edits.apply replays)."""
        return [r["op"] for r in self._active(self.log(slug))]

    def append(self, slug: str, ops: list[dict] | dict, actor: Actor) -> list[int]:
        """Append operations (validated first; nothing is written if one is invalid); returns their seqs."""
        _require(actor, "Saving an edit")
        ops = [ops] if isinstance(ops, dict) else list(ops)
        for i, op in enumerate(ops):
            _edits.validate_op(op, f"operation {i + 1}")
        seqs = []
        with self.write() as c:
            self._exists(c, slug)
            for op in ops:
                cur = c.execute("INSERT INTO edits (slug, op, who, role, at) VALUES (?, ?, ?, ?, ?)",
                                (slug, json.dumps(op, ensure_ascii=False), actor.who, actor.role, now()))
                seqs.append(cur.lastrowid)
        return seqs

    def last_own(self, slug: str, actor: Actor) -> dict | None:
        """The actor's own last edit still in force (what Undo would take back), or None."""
        mine = [r for r in self._active(self.log(slug)) if r["who"] == actor.who]
        return mine[-1] if mine else None

    def undo(self, slug: str, actor: Actor) -> dict | None:
        """Take back the actor's own last edit still in force (others' edits stay); returns its op or None."""
        _require(actor, "Undo")
        with self.write() as c:  # look up and undo in one transaction: two Undo clicks never undo one row twice
            self._exists(c, slug)
            rows = [dict(r) for r in c.execute("SELECT seq, who, undoes, op FROM edits WHERE slug = ? ORDER BY seq",
                                               (slug,))]
            mine = [r for r in self._active(rows) if r["who"] == actor.who]
            if not mine:
                return None
            target = mine[-1]
            c.execute("INSERT INTO edits (slug, op, who, role, at, undoes) VALUES (?, ?, ?, ?, ?, ?)",
                      (slug, json.dumps({"op": "undo", "seq": target["seq"]}), actor.who, actor.role, now(),
                       target["seq"]))
        return json.loads(target["op"])

    def replace(self, slug: str, ops: list[dict], actor: Actor) -> None:
        """Make `ops` the operations in force, still append-only: rows no longer wanted get undo rows,
        the new tail is appended (the old save-the-whole-list entry point)."""
        _require(actor, "Saving edits")
        for i, op in enumerate(ops):
            _edits.validate_op(op, f"operation {i + 1}")
        with self.write() as c:
            self._exists(c, slug)
            rows = [dict(r) for r in c.execute("SELECT seq, op, undoes FROM edits WHERE slug = ? ORDER BY seq",
                                               (slug,))]
            active = self._active(rows)
            keep = 0
            while keep < min(len(active), len(ops)) and json.loads(active[keep]["op"]) == ops[keep]:
                keep += 1
            t = now()
            for r in active[keep:]:
                c.execute("INSERT INTO edits (slug, op, who, role, at, undoes) VALUES (?, ?, ?, ?, ?, ?)",
                          (slug, json.dumps({"op": "undo", "seq": r["seq"]}), actor.who, actor.role, t, r["seq"]))
            for op in ops[keep:]:
                c.execute("INSERT INTO edits (slug, op, who, role, at) VALUES (?, ?, ?, ?, ?)",
                          (slug, json.dumps(op, ensure_ascii=False), actor.who, actor.role, t))

    # ------------------------------------------------------------ follow the presenter
    def publish(self, story: str, state: dict, step: int, actor: Actor) -> int:
        """The teacher's current slide; returns its sequence number (grows with every change)."""
        if not isinstance(actor, Actor) or actor.role != "teacher":
            raise ReadOnlyError("Only the teacher's presentation can be followed.")
        with self.write() as c:
            row = c.execute("SELECT seq FROM presenter WHERE id = 1").fetchone()
            seq = (row["seq"] if row else 0) + 1
            c.execute("INSERT OR REPLACE INTO presenter (id, story, state, step, seq, who, at) "
                      "VALUES (1, ?, ?, ?, ?, ?, ?)",
                      (story, json.dumps(state, ensure_ascii=False), int(step), seq, actor.who, now()))
        return seq

    def presenter(self) -> dict | None:
        row = self._conn().execute("SELECT story, state, step, seq, at FROM presenter WHERE id = 1").fetchone()
        return None if row is None else dict(row, state=json.loads(row["state"]))
