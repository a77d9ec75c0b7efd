"""The story library: uploads stored safely, limits enforced, edits overlaid, nothing half-created."""
from __future__ import annotations

import pytest

import pipeline
from dashboard import library
from pipeline.model import Character, Document, Event, Source, Story

TEXTS = {
    "en": "In 1912 the ship left Southampton. Anna wrote a letter the next day.",
    "es": "En 1912 el barco zarpó de Southampton. Ana escribió una carta al día siguiente.",
    "it": "Nel 1912 la nave salpò da Southampton. Anna scrisse una lettera il giorno dopo.",
}


def fake_run(inputs=None, texts=None, **kw):
    """A stand-in for the pipeline (in flux elsewhere): one event per document, first sentence."""
    story = Story(inputs=[str(p) for p in inputs or []])
    if texts is None:
        texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(library.Path(inputs[0]).glob("*.txt"))}
    for i, (name, raw) in enumerate(texts.items()):
        p = library.Path(name)
        lang = next((k for k, v in TEXTS.items() if v == raw), "en")
        story.docs.append(Document(doc=p.stem, path=str(p), raw=raw, encoding="utf-8", lang=lang))
        end = raw.index(".") + 1
        story.events.append(Event(id=f"e{i}", title=raw[:end][:60], summary=raw[:end], date="1912-01-01",
                                  date_precision="year", order=i, lang=lang,
                                  characters=["Anna"] if "Ann" in raw or "Ana" in raw else [],
                                  sources=[Source(doc=p.stem, lang=lang, start=0, end=end, text=raw[:end])]))
    story.characters["anna"] = Character(id="anna", name="Anna", mentions=len(story.docs))
    return story


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "run", fake_run)
    return tmp_path / "library"


def leftovers(root):
    """Files beside the store, and stories in it besides the built-in one."""
    files = [p.name for p in root.iterdir() if not p.name.startswith("storyline.db")] if root.exists() else []
    return files + [m["slug"] for m in library.list_stories(root) if not m["builtin"]]


@pytest.mark.parametrize("lang", list(TEXTS))
def test_create_list_load_delete(root, lang):
    slug = library.create_story("Le Voyage d’Été!", {f"{lang}.txt": TEXTS[lang].encode()}, root=root)
    assert slug == "le-voyage-d-ete"
    metas = {m["slug"]: m for m in library.list_stories(root)}
    assert metas[slug]["title"] == "Le Voyage d’Été!" and metas[slug]["languages"] == [lang]
    assert metas[library.BUILTIN_SLUG]["builtin"] and list(metas)[0] == library.BUILTIN_SLUG
    ev, ch = library.load_story(slug, root)
    assert ev["title"].tolist() == [TEXTS[lang].split(".")[0] + "."] and ch["name"].tolist() == ["Anna"]
    assert library.read_docs(slug, root) == {lang: TEXTS[lang]}
    library.delete_story(slug, root)
    assert slug not in {m["slug"] for m in library.list_stories(root)}
    assert leftovers(root) == []


def test_same_title_gets_a_new_slug_and_builtin_name_is_reserved(root):
    files = {"a.txt": TEXTS["en"].encode()}
    assert library.create_story("Trip", files, root=root) == "trip"
    assert library.create_story("Trip", files, root=root) == "trip-2"
    assert library.create_story("October Sky", files, root=root) == "october-sky-2"


def test_builtin_story_is_listed_and_read_only(root):
    with pytest.raises(library.LibraryError, match="cannot be deleted"):
        library.delete_story(library.BUILTIN_SLUG, root)
    assert library.read_docs(library.BUILTIN_SLUG, root).keys() == \
        {p.stem for p in pipeline.DEFAULT_INPUT.glob("*.txt")}


@pytest.mark.parametrize("name, stored", [
    ("../../x.txt", "x.txt"),
    ("..\\..\\evil.txt", "evil.txt"),
    ("/etc/passwd", "passwd.txt"),
    ("notes\x00.txt", "notes.txt"),
    ("..", "document-1.txt"),
    ("reseña año.txt", "reseña año.txt"),
])
def test_upload_names_stay_inside_the_story_folder(root, name, stored):
    slug = library.create_story("Names", {name: TEXTS["es"].encode()}, root=root)
    assert [d["name"] for d in library.store(root).documents(slug)] == [stored]
    assert {p.name for p in root.iterdir()} <= {"storyline.db", "storyline.db-wal", "storyline.db-shm"}


def test_two_uploads_with_the_same_sanitised_name_both_kept(root):
    slug = library.create_story("Dupes", {"a/x.txt": b"First text here.", "b/x.txt": b"Second text here."},
                                root=root)
    assert [d["name"] for d in library.store(root).documents(slug)] == ["x-2.txt", "x.txt"]


@pytest.mark.parametrize("files, message", [
    ({}, "at least one"),
    ({f"f{i}.txt": b"Some text." for i in range(library.MAX_FILES + 1)}, "Too many files"),
    ({"big.txt": b"a" * (library.MAX_FILE_BYTES + 1)}, "big.txt.*limit is 2 MB"),
    ({f"p{i}.txt": b"a" * library.MAX_FILE_BYTES for i in range(6)}, "limit is 10 MB"),
    ({"ok.txt": b"Fine text.", "empty.txt": b""}, "empty.txt: the file is empty"),
    ({"blank.txt": b"  \n\t "}, "blank.txt: the file is empty"),
    ({"photo.txt": bytes(range(256)) * 4}, "photo.txt: this looks like a binary file"),
    ({"weird.txt": b"caf\x81\x8d\x8f\x90 text"}, "weird.txt: the file is not readable text"),
])
def test_refused_uploads_name_the_problem_and_leave_nothing(root, files, message):
    with pytest.raises(library.LibraryError, match=message):
        library.create_story("Refused", files, root=root)
    assert leftovers(root) == [] and [m["slug"] for m in library.list_stories(root)] == [library.BUILTIN_SLUG]


@pytest.mark.parametrize("data, encoding", [
    ("Año 1912: la señora escribió.".encode("utf-8"), "utf-8"),
    ("\ufeffNel 1912 la nave salpò.".encode("utf-8"), "utf-8-sig"),
    ("Nel 1912 la nave salpò.".encode("utf-16"), "utf-16"),
    ("Año 1912 — “la señora”.".encode("cp1252"), "cp1252"),
])
def test_common_encodings_are_stored_as_utf8(root, data, encoding):
    text, enc = library.decode_upload("doc.txt", data)
    assert enc == encoding and "1912" in text
    slug = library.create_story("Encodings", {"doc.txt": data}, root=root)
    assert library.read_docs(slug, root) == {"doc": text}


def test_pipeline_failure_leaves_nothing_half_created(root, monkeypatch):
    def broken(*a, **kw):
        raise pipeline.PipelineError("segment", "boom")
    monkeypatch.setattr(pipeline, "run", broken)
    with pytest.raises(library.LibraryError, match="could not be processed: segment: boom"):
        library.create_story("Broken", {"a.txt": TEXTS["it"].encode()}, root=root)
    assert leftovers(root) == [] and not (root / "broken").exists()


def test_edits_are_applied_on_load_and_kept_when_the_pipeline_reruns(root):
    slug = library.create_story("Edited", {"en.txt": TEXTS["en"].encode(), "it.txt": TEXTS["it"].encode()},
                                root=root)
    library.save_edits(slug, [{"op": "update", "id": "e0", "fields": {"title": "My title"}},
                              {"op": "delete", "id": "nope"}], root)
    ev, _ = library.load_story(slug, root)
    assert ev.set_index("id").loc["e0", "title"] == "My title" and bool(ev.set_index("id").loc["e0", "edited"])
    assert len(ev.attrs["edit_warnings"]) == 1
    library.reprocess_story(slug, root)
    ev, _ = library.load_story(slug, root)
    assert ev.set_index("id").loc["e0", "title"] == "My title"
    raw, _ = library.load_story(slug, root, apply_edits=False)
    assert raw.set_index("id").loc["e0", "title"] != "My title"


def test_stale_or_missing_processed_output_is_rebuilt(root, monkeypatch):
    slug = library.create_story("Lazy", {"es.txt": TEXTS["es"].encode()}, root=root, process=False)
    assert library.store(root).output(slug) is None
    ev, _ = library.load_story(slug, root)
    assert len(ev) == 1 and library.store(root).output(slug) is not None
    monkeypatch.setattr(library, "pipeline_fingerprint", lambda: "changed")
    calls = []
    real = library._run
    monkeypatch.setattr(library, "_run", lambda *a, **k: calls.append(a) or real(*a, **k))
    library.load_story(slug, root)
    library.load_story(slug, root)
    assert len(calls) == 1  # rebuilt once, then the fresh output is used


@pytest.mark.parametrize("slug", ["../etc", "UPPER", "a/b", "", "x--"])
def test_bad_slugs_are_refused(root, slug):
    with pytest.raises(library.LibraryError):
        library.load_story(slug, root)
    with pytest.raises(library.LibraryError):
        library.delete_story(slug, root)


@pytest.mark.parametrize("lang", list(TEXTS))
def test_real_pipeline_output_is_stored_and_loads(tmp_path, lang):
    root = tmp_path / "lib"
    slug = library.create_story("Real", {f"{lang}.txt": TEXTS[lang].encode()}, root=root)
    evs, cast, fingerprint = library.store(root).output(slug)
    assert evs and fingerprint == library.pipeline_fingerprint()
    assert [f["lang"] for f in library.story_meta(slug, root)["files"]] == [lang]  # per-document language
    ev, ch = library.load_story(slug, root)
    cols = pipeline.schema.EVENT_COLUMNS
    assert list(ev.columns[:len(cols)]) == cols and "edited" in ev.columns
    assert not ev["edited"].any()


def test_builtin_story_loads_from_the_seeds_without_copying_them(root):
    ev, _ = library.load_story(library.BUILTIN_SLUG, root)
    seeds = sorted(pipeline.DEFAULT_INPUT.glob("*.txt"))
    assert len(ev) == len(seeds) and library.store(root).output(library.BUILTIN_SLUG) is not None
    assert library.store(root).documents(library.BUILTIN_SLUG) == []  # read from data/seeds, not copied
    library.save_edits(library.BUILTIN_SLUG, [{"op": "delete", "id": "e0"}], root)  # curating it is allowed
    assert len(library.load_story(library.BUILTIN_SLUG, root)[0]) == len(seeds) - 1
