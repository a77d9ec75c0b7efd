"""An existing library in the old folder layout is imported into the store on first start, once, whole."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pipeline
from dashboard import library, store
from store_support import child, sample_output

DOCS = {"first.txt": "Mira sails from the harbour in 1950. She reaches the island a week later.",
        "segunda.txt": "Mira zarpa del puerto en 1950. Llega a la isla una semana después."}
EDITS = [{"op": "update", "id": "e005", "fields": {"title": "Corrected in the old version"}},
         {"op": "delete", "id": "e006"},
         {"op": "rename_character", "name": "Luca Bellini", "to": "Luca B."}]


def old_library(root: Path) -> dict[str, bytes]:
    """Two stories and the built-in story's curation as the folder-based version wrote them."""
    evs, cast = sample_output()
    for slug, title, edits in (("harbour-story", "Harbour story", EDITS), ("quiet-one", "Quiet one", None)):
        d = root / slug
        (d / "docs").mkdir(parents=True)
        for name, text in DOCS.items():
            (d / "docs" / name).write_text(text, encoding="utf-8")
        (d / "processed").mkdir()
        (d / "processed" / "events.json").write_text(json.dumps(evs), encoding="utf-8")
        (d / "processed" / "characters.json").write_text(json.dumps(cast), encoding="utf-8")
        (d / "processed" / "events.csv").write_text("id\n", encoding="utf-8")
        meta = {"title": title, "created": "2026-05-01T10:00:00+00:00", "languages": ["en", "es"],
                "files": [{"name": n, "uploaded_as": "orig-" + n, "bytes": len(t), "encoding": "cp1252"}
                          for n, t in DOCS.items()],
                "pipeline": library.pipeline_fingerprint(), "lang_override": {"segunda": "es"}}
        (d / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        if edits:
            (d / "edits.json").write_text(json.dumps(edits), encoding="utf-8")
    (root / "october-sky").mkdir()
    (root / "october-sky" / "edits.json").write_text(json.dumps([{"op": "delete", "id": "nope"}]), encoding="utf-8")
    (root / ".new-0123abcd").mkdir()   # a half-made story from a crash: not a story
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_an_old_library_is_imported_whole_and_left_in_place(tmp_path):
    root = tmp_path / "library"
    before = old_library(root)
    metas = {m["slug"]: m for m in library.list_stories(root)}
    assert list(metas) == ["october-sky", "harbour-story", "quiet-one"]
    m = metas["harbour-story"]
    assert (m["title"], m["created"], m["languages"]) == ("Harbour story", "2026-05-01T10:00:00+00:00", ["en", "es"])
    assert [(f["name"], f["uploaded_as"], f["encoding"]) for f in m["files"]] == \
        [("first.txt", "orig-first.txt", "cp1252"), ("segunda.txt", "orig-segunda.txt", "cp1252")]
    assert m["lang_override"] == {"segunda": "es"}
    assert library.read_docs("harbour-story", root) == {Path(n).stem: t for n, t in DOCS.items()}
    assert library.load_edits("harbour-story", root) == EDITS          # every edit, in order
    assert library.load_edits("october-sky", root) == [{"op": "delete", "id": "nope"}]
    ev, cast = library.load_story("harbour-story", root)               # the stored output, no pipeline run
    ev = ev.set_index("id")
    assert ev.loc["e005", "title"] == "Corrected in the old version" and "e006" not in ev.index
    assert "Luca B." in set(cast["name"])
    assert library.load_edits("quiet-one", root) == []
    # the old folders are left exactly as they were
    after = {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
             if p.is_file() and not p.name.startswith("storyline.db")}
    assert after == before


def test_the_import_happens_once(tmp_path, monkeypatch):
    root = tmp_path / "library"
    old_library(root)
    library.list_stories(root)
    library.add_edit("harbour-story", {"op": "delete", "id": "e001"}, root)
    library.delete_story("quiet-one", root)
    store._stores.clear()                    # a restart: the folders are still there
    assert [m["slug"] for m in library.list_stories(root)] == ["october-sky", "harbour-story"]
    assert len(library.load_edits("harbour-story", root)) == len(EDITS) + 1


def test_two_servers_starting_together_import_once(tmp_path):
    root = tmp_path / "library"
    old_library(root)
    go = tmp_path / "go"
    code = ("import time; from pathlib import Path; from dashboard import library\n"
            f"while not Path({str(go)!r}).exists(): time.sleep(0.005)\n"
            f"print(len(library.list_stories({str(root)!r})))")
    procs = [child(code) for _ in range(2)]
    time.sleep(1.0)
    go.touch()
    outs = [p.communicate(timeout=120) for p in procs]
    assert [o.strip() for o, _ in outs] == ["3", "3"], outs
    assert len(library.load_edits("harbour-story", root)) == len(EDITS)


def test_an_empty_or_missing_library_folder_starts_a_store_with_the_builtin_story(tmp_path):
    root = tmp_path / "nothing-here"
    assert [m["slug"] for m in library.list_stories(root)] == [library.BUILTIN_SLUG]
    assert (root / store.DB_NAME).is_file()
    assert library.read_docs(library.BUILTIN_SLUG, root).keys() == {p.stem for p in pipeline.DEFAULT_INPUT.glob("*.txt")}
