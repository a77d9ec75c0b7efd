"""Many writers, crashes and failed writes: every committed edit is kept, nothing stored is lost."""
from __future__ import annotations

import signal
import sqlite3
import time

import pytest

from dashboard import edits, library, store
from store_support import child, stored_story

WRITER = """
import time
from pathlib import Path
from dashboard import library, store
root, slug, name, n, go = {args}
who = store.Actor("session:" + name, "local")
while not Path(go).exists():   # start together: the edits really race
    time.sleep(0.005)
for i in range(int(n)):
    library.add_edit(slug, {{"op": "add", "event": {{"id": f"{{name}}-{{i}}", "title": f"Added by {{name}} #{{i}}"}}}},
                     root, actor=who)
print("done", flush=True)
"""


def writer(root, slug, name, n, go):
    return child(WRITER.format(args=repr((str(root), slug, name, str(n), str(go)))))


def test_two_processes_appending_200_edits_at_once_keep_all_200(tmp_path):
    root = tmp_path / "library"
    slug = stored_story(root)
    base = len(library.load_story(slug, root)[0])
    go = tmp_path / "go"
    procs = [writer(root, slug, name, 100, go) for name in ("ann", "bo")]
    time.sleep(1.0)           # both children imported and waiting
    go.touch()
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0 and "done" in out, err
    log = library.store(root).log(slug)
    assert len(log) == 200
    assert {r["who"] for r in log} == {"session:ann", "session:bo"}
    ev, _ = library.load_story(slug, root)
    added = set(ev["id"]) - set(library.load_story(slug, root, apply_edits=False)[0]["id"])
    assert len(ev) == base + 200 and added == {f"{n}-{i}" for n in ("ann", "bo") for i in range(100)}
    assert ev.attrs["edit_warnings"] == []
    # each writer's own edits are replayed in the order it made them
    ann = [r["op"]["event"]["id"] for r in log if r["who"] == "session:ann"]
    assert ann == [f"ann-{i}" for i in range(100)]


KILLED = """
from dashboard import library, store
root, slug = {args}
who = store.Actor("session:doomed", "local")
i = 0
while True:   # batches of 25 operations per transaction: a kill usually lands inside one
    ops = [{{"op": "add", "event": {{"id": f"k-{{i}}-{{j}}", "title": "A sentence long enough " * 3}}}} for j in range(25)]
    library.store(root).append(slug, ops, who)
    print(i, flush=True)
    i += 1
"""


def test_a_process_killed_while_saving_leaves_every_committed_edit(tmp_path):
    root = tmp_path / "library"
    slug = stored_story(root)
    library.add_edit(slug, {"op": "update", "id": "e005", "fields": {"title": "Saved before the crash"}}, root)
    p = child(KILLED.format(args=repr((str(root), slug))))
    committed = []
    while len(committed) < 40:
        line = p.stdout.readline()
        assert line, p.stderr.read()
        committed.append(int(line))
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=30)
    store._stores.clear()     # open the database afresh, as a restarted server would
    con = sqlite3.connect(root / store.DB_NAME)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    log = library.store(root).log(slug)
    batches = {r["op"]["event"]["id"].split("-")[1] for r in log if r["op"]["op"] == "add"}
    assert {str(i) for i in committed} <= batches                   # every reported commit is there
    by_batch = {}
    for r in log[1:]:
        by_batch.setdefault(r["op"]["event"]["id"].split("-")[1], []).append(r)
    assert all(len(rows) == 25 for rows in by_batch.values())       # and no half transaction
    ev, _ = library.load_story(slug, root)
    assert ev.set_index("id").loc["e005", "title"] == "Saved before the crash"
    library.add_edit(slug, {"op": "delete", "id": "e006"}, root)    # and the store takes new edits


def test_a_write_failing_half_way_changes_nothing(tmp_path):
    root = tmp_path / "library"
    slug = stored_story(root)
    library.add_edit(slug, {"op": "delete", "id": "e006"}, root)
    s = library.store(root)
    before = s.dump()
    with pytest.raises(TypeError):   # fails inside the transaction, after the story row was updated
        s.put_output(slug, ([{"id": object()}], []), "x", ["en"])
    with pytest.raises(edits.EditsError):
        s.append(slug, [{"op": "delete", "id": "e001"}, {"op": "delete"}], store.TEACHER)
    assert s.dump() == before
    assert library.load_story(slug, root)[0].attrs["edit_warnings"] == []


def test_undo_takes_back_your_own_last_edit_only(tmp_path):
    root = tmp_path / "library"
    slug = stored_story(root)
    ann, bo = store.Actor("session:ann", "local"), store.Actor("session:bo", "local")
    library.add_edit(slug, {"op": "update", "id": "e005", "fields": {"title": "Ann's title"}}, root, actor=ann)
    library.add_edit(slug, {"op": "delete", "id": "e006"}, root, actor=bo)
    assert library.last_own_edit(slug, root, actor=ann)["id"] == "e005"
    assert library.undo_edit(slug, root, actor=ann)["op"] == "update"   # Bo's later delete stays
    ev = library.load_story(slug, root)[0].set_index("id")
    assert "e006" not in ev.index and ev.loc["e005", "title"] != "Ann's title"
    assert library.undo_edit(slug, root, actor=ann) is None             # nothing more of Ann's
    assert library.undo_edit(slug, root, actor=bo)["op"] == "delete"
    assert "e006" in set(library.load_story(slug, root)[0]["id"])
    assert len(library.store(root).log(slug)) == 4                      # undo rows are appended, never deletes


def test_a_damaged_database_file_is_a_clear_message_and_is_left_alone(tmp_path):
    root = tmp_path / "library"
    root.mkdir()
    (root / store.DB_NAME).write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(library.LibraryError, match="could not be opened.*move the file aside"):
        library.list_stories(root)
    assert (root / store.DB_NAME).read_bytes() == b"this is not a database at all" * 100
