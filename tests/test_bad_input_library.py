"""Bad input given to the story library (dashboard.library), the layer under the Streamlit UI:
refusals are LibraryError/EditsError naming the problem, nothing is half-created, earlier
stories and edits stay as they were; odd-but-valid uploads work. Uses the real pipeline.

Cases are listed in tests/bad_input/README.md."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dashboard import edits, library

SAMPLES = Path(__file__).resolve().parent / "bad_input"

GOOD = {
    "en": "In 1912 Anna left Southampton on a ship from the café. The next day she wrote a letter to her brother Tom.",
    "es": "En 1912 Ana zarpó de Southampton en un barco. Al día siguiente escribió una carta a su hermano Tomás.",
    "it": "Nel 1912 Anna partì da Southampton su una nave. Il giorno dopo scrisse una lettera al fratello Tommaso.",
}
ACCENTED = {"en": "café", "es": "zarpó", "it": "partì"}
NO_DATES = {"en": "Anna walks to the harbour and watches the boats. Tom follows her and they argue about the letter.",
            "es": "Ana camina hasta el puerto y mira los barcos. Tomás la sigue y discuten por la carta.",
            "it": "Anna cammina fino al porto e guarda le barche. Tommaso la segue e litigano per la lettera."}
NO_NAMES = {"en": "The rain falls on the village in 1957. The next day the river rises and takes the bridge.",
            "es": "La lluvia cae sobre el pueblo en 1957. Al día siguiente el río crece y se lleva el puente.",
            "it": "La pioggia cade sul villaggio nel 1957. Il giorno dopo il fiume cresce e porta via il ponte."}
ONLY_DATES = {"en": "1957.\nOctober 4, 1957.\nMarch 1958.\n",
              "es": "1957.\n4 de octubre de 1957.\nmarzo de 1958.\n",
              "it": "1957.\n4 ottobre 1957.\nmarzo 1958.\n"}


def snapshot(root: Path) -> dict:
    """Everything the library holds (the store's rows)."""
    return library.store(root).dump()


def db(root: Path):
    import sqlite3
    return sqlite3.connect(root / "storyline.db", isolation_level=None)


@pytest.fixture
def root(tmp_path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def earlier(root) -> tuple[str, dict[str, bytes]]:
    """A story created before the bad input arrives, with one edit: (slug, its files' bytes)."""
    slug = library.create_story("Earlier story", {"a.txt": GOOD["en"].encode()}, root=root)
    ev, _ = library.load_story(slug, root)
    library.save_edits(slug, [{"op": "update", "id": ev["id"].iloc[0], "fields": {"title": "Kept title"}}], root)
    return slug, snapshot(root)


def assert_library_unchanged(root: Path, earlier) -> None:
    slug, before = earlier
    assert snapshot(root) == before, "the library changed although the operation was refused"
    assert {p.name for p in root.iterdir()} <= {"storyline.db", "storyline.db-wal", "storyline.db-shm"}, \
        "a temporary file or folder was left"
    ev, _ = library.load_story(slug, root)
    assert ev["title"].iloc[0] == "Kept title"


# ---------------------------------------------------------------- refused uploads

@pytest.mark.parametrize("sample, problem", [
    ("empty.txt", "empty"),
    ("whitespace.txt", "empty"),
    ("image_png.txt", "binary"),
    ("random_nul.txt", "binary"),
])
def test_unusable_upload_is_refused(sample, problem, root, earlier):
    with pytest.raises(library.LibraryError) as exc:
        library.create_story("Bad", {sample: (SAMPLES / sample).read_bytes()}, root=root)
    assert sample in str(exc.value) and problem in str(exc.value)
    assert_library_unchanged(root, earlier)


@pytest.mark.parametrize("lang", list(GOOD))
def test_mixed_upload_names_the_bad_file_and_creates_nothing(lang, root, earlier):
    """The library validates every upload before storing any: one bad file refuses the story
    with a message naming it (the CLI, by contrast, skips it and processes the rest)."""
    files = {"good.txt": GOOD[lang].encode(), "picture.txt": (SAMPLES / "image_png.txt").read_bytes()}
    with pytest.raises(library.LibraryError, match="picture.txt"):
        library.create_story("Mixed", files, root=root)
    assert_library_unchanged(root, earlier)


def test_huge_upload_is_refused_by_size(root, earlier):
    data = bytearray(50 * 1024 * 1024)
    data[:len(GOOD["en"])] = GOOD["en"].encode()
    with pytest.raises(library.LibraryError) as exc:
        library.create_story("Huge", {"huge.txt": bytes(data)}, root=root)
    assert "huge.txt" in str(exc.value) and "50.0 MB" in str(exc.value) and "limit" in str(exc.value)
    assert_library_unchanged(root, earlier)


def test_ten_thousand_uploads_are_refused_with_the_limit(root, earlier):
    files = {f"{i:05d}.txt": b"Anna left." for i in range(10_000)}
    with pytest.raises(library.LibraryError) as exc:
        library.create_story("Many", files, root=root)
    assert "10000" in str(exc.value) and str(library.MAX_FILES) in str(exc.value)
    assert_library_unchanged(root, earlier)


def test_no_files_is_refused(root, earlier):
    with pytest.raises(library.LibraryError, match="at least one"):
        library.create_story("Nothing", {}, root=root)
    assert_library_unchanged(root, earlier)


# ---------------------------------------------------------------- encodings that must work

ENCODINGS = [  # (codec, BOM, encoding the library should report)
    ("utf-16-le", b"\xff\xfe", "utf-16"),
    ("utf-16-be", b"\xfe\xff", "utf-16"),
    ("utf-16-le", b"", "utf-16"),
    ("utf-16-be", b"", "utf-16"),
    ("latin-1", b"", "cp1252"),
    ("cp1252", b"", "cp1252"),
]
ENC_IDS = [f"{c}{'-bom' if b else ''}" for c, b, _ in ENCODINGS]


@pytest.mark.parametrize("lang", list(GOOD))
@pytest.mark.parametrize("codec, bom, reported", ENCODINGS, ids=ENC_IDS)
def test_upload_in_other_encodings_decodes(lang, codec, bom, reported):
    text, enc = library.decode_upload("story.txt", bom + GOOD[lang].encode(codec))
    assert text == GOOD[lang]
    assert enc.replace("-le", "").replace("-be", "") == reported


@pytest.mark.parametrize("codec, bom, reported", ENCODINGS, ids=ENC_IDS)
def test_story_from_other_encodings_is_stored_as_utf8_with_encoding_in_meta(codec, bom, reported, root):
    lang = "es"
    slug = library.create_story("Encoded", {"story.txt": bom + GOOD[lang].encode(codec)}, root=root)
    assert library.read_docs(slug, root) == {"story": GOOD[lang]}
    ev, _ = library.load_story(slug, root)
    assert ACCENTED[lang] in " ".join(s["text"] for ss in ev["sources"] for s in ss)
    meta = library.story_meta(slug, root)
    assert meta["languages"] == [lang]
    # the user should learn how the file was read (the CLI prints "read as ...")
    assert [str(f.get("encoding")).replace("-le", "").replace("-be", "") for f in meta["files"]] == [reported]


# ---------------------------------------------------------------- unusual but valid text

def test_one_megabyte_single_line_story(root):
    sentence = "Anna built a small boat in 1912 and sailed it to the island. "
    data = (sentence * (1_048_576 // len(sentence) + 1)).encode()
    slug = library.create_story("One line", {"oneline.txt": data}, root=root)
    ev, _ = library.load_story(slug, root)
    assert len(ev) > 0


@pytest.mark.parametrize("lang", list(GOOD))
def test_markup_upload_stays_text(lang, root):
    evil = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)"]
    text = f"<p>{GOOD[lang]}</p>\n" + " ".join(f"{GOOD[lang]} {e}" for e in evil)
    slug = library.create_story("<script>alert(1)</script>", {"<b>x</b>.txt": text.encode()}, root=root)
    assert slug == "script-alert-1-script"
    meta = library.story_meta(slug, root)
    assert meta["title"] == "<script>alert(1)</script>"
    stored = [d["name"] for d in library.store(root).documents(slug)]
    assert len(stored) == 1 and re.fullmatch(r"[\w.\- ]+\.txt", stored[0]), stored
    ev, _ = library.load_story(slug, root)
    sources = " ".join(s["text"] for ss in ev["sources"] for s in ss)
    for e in evil:
        assert e in sources


@pytest.mark.parametrize("lang", list(GOOD))
@pytest.mark.parametrize("case", ["no_dates", "no_names", "only_dates"])
def test_story_without_dates_or_names_loads(case, lang, root):
    text = {"no_dates": NO_DATES, "no_names": NO_NAMES, "only_dates": ONLY_DATES}[case][lang]
    slug = library.create_story(case, {f"{case}.txt": text.encode()}, root=root)
    ev, cast = library.load_story(slug, root)
    if case == "no_dates":
        assert len(ev) and ev["date"].isna().all()
    if case == "no_names":
        assert len(ev) and len(cast) == 0


# ---------------------------------------------------------------- hostile file names

NAMES = [
    "../../x.txt",
    "..\\..\\x.txt",
    "/etc/passwd",
    "C:\\Windows\\evil.txt",
    "..",
    ".txt",
    "",
    "a\x00b.txt",
    "line\nbreak\r\t\x1b[31m.txt",
    "\u202eevil\u200b.txt",   # right-to-left override, zero-width space
    "x" * 5000 + ".txt",
    ".hidden.txt",
]


@pytest.mark.parametrize("name", NAMES, ids=[repr(n)[:30] for n in NAMES])
def test_hostile_file_names_stay_inside_the_story(name, tmp_path, root):
    slug = library.create_story("Names", {name: GOOD["it"].encode(), "other.txt": GOOD["en"].encode()},
                                root=root, process=False)
    stored = sorted(d["name"] for d in library.store(root).documents(slug))
    assert len(stored) == 2 and "other.txt" in stored
    for s in stored:
        assert s.endswith(".txt") and len(s) <= 84 and not s.startswith(".")
        assert all(ch.isprintable() for ch in s) and "/" not in s and "\\" not in s
    # nothing was written outside the library, and no document became a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library"]
    assert not list(root.rglob("*.txt"))


def test_names_that_sanitise_alike_do_not_overwrite_each_other(root):
    files = {"../a.txt": GOOD["en"].encode(), "a.txt": GOOD["es"].encode(), "A.TXT": GOOD["it"].encode()}
    slug = library.create_story("Alike", files, root=root, process=False)
    texts = sorted(library.read_docs(slug, root).values())
    assert texts == sorted(GOOD.values())


@pytest.mark.parametrize("slug", ["../x", "a/b", "", "a\x00b", "A", "-x", "x" * 5000 + "/.."])
def test_bad_slugs_are_refused(slug, root, earlier):
    with pytest.raises(library.LibraryError, match="no story"):
        library.load_story(slug, root)
    with pytest.raises(library.LibraryError):
        library.delete_story(slug, root)
    assert_library_unchanged(root, earlier)


# ---------------------------------------------------------------- corrupt edits in an old library folder

CORRUPT = {
    "not json": b"{not json",
    "truncated": b'[{"op": "delete", "id": "e1"',
    "not a list": b'{"op": "delete"}',
    "binary": (SAMPLES / "random_nul.txt").read_bytes(),
    "empty": b"",
}


def old_folder(root: Path, edits_bytes: bytes) -> Path:
    """A story in the library's old folder layout, as an earlier version wrote it."""
    d = root / "old-story"
    (d / "docs").mkdir(parents=True)
    (d / "docs" / "a.txt").write_text(GOOD["en"], encoding="utf-8")
    (d / "meta.json").write_text(json.dumps({"title": "Old story", "created": "2026-01-01T00:00:00+00:00",
                                             "files": [{"name": "a.txt"}]}), encoding="utf-8")
    (d / "edits.json").write_bytes(edits_bytes)
    return d


@pytest.mark.parametrize("what", list(CORRUPT))
def test_corrupt_old_edits_are_left_in_place_and_the_story_opens(what, root):
    d = old_folder(root, CORRUPT[what])
    ev, cast = library.load_story("old-story", root)
    assert len(ev) > 0
    warn = " ".join(ev.attrs["edit_warnings"])
    assert "edits.json" in warn and "left where it is" in warn
    assert (d / "edits.json").read_bytes() == CORRUPT[what]  # the user's bytes are kept


def test_an_invalid_old_operation_is_skipped_and_the_valid_ones_imported(root):
    old_folder(root, json.dumps([{"op": "explode", "id": "e1"},
                                 {"op": "rename_character", "name": "Anna", "to": "Annetta"}]).encode())
    ev, _ = library.load_story("old-story", root)
    assert "Annetta" in ev["characters"].iloc[0]
    assert "explode" in " ".join(ev.attrs["edit_warnings"])


def test_saving_invalid_edits_is_refused_and_old_edits_kept(root, earlier):
    slug, before = earlier
    with pytest.raises(edits.EditsError, match="title"):
        library.save_edits(slug, [{"op": "update", "id": "e0", "fields": {"title": ""}}], root)
    with pytest.raises(edits.EditsError, match="unknown operation"):
        library.add_edit(slug, {"op": "explode"}, root)
    assert snapshot(root) == before


# ---------------------------------------------------------------- story vanished while open

def test_story_deleted_while_open(root, earlier):
    slug, _ = earlier
    library.load_story(slug, root)
    library.delete_story(slug, root)  # another tab / user deleted it
    for call in (lambda: library.load_story(slug, root),
                 lambda: library.reprocess_story(slug, root),
                 lambda: library.save_edits(slug, [], root),
                 lambda: library.add_edit(slug, {"op": "delete", "id": "e0"}, root),
                 lambda: library.undo_edit(slug, root),
                 lambda: library.delete_story(slug, root)):
        with pytest.raises(library.LibraryError, match=f"no story called '{slug}'"):
            call()
    assert [m["slug"] for m in library.list_stories(root)] == [library.BUILTIN_SLUG]
    assert not library.store(root).log(slug)  # its edits went with it


def test_story_documents_lost_while_open(root, earlier):
    slug, _ = earlier
    db(root).execute("DELETE FROM documents WHERE slug = ?", (slug,))
    with pytest.raises(library.LibraryError, match="could not be processed"):
        library.reprocess_story(slug, root)
    ev, _ = library.load_story(slug, root)  # the stored output still opens
    assert ev["title"].iloc[0] == "Kept title"


@pytest.mark.parametrize("garbage", ["\x00garbage", "{}", "[1, 2]"])
def test_damaged_output_is_rebuilt(root, earlier, garbage):
    slug, _ = earlier
    db(root).execute("UPDATE outputs SET events = ? WHERE slug = ?", (garbage, slug))
    ev, _ = library.load_story(slug, root)
    assert ev["title"].iloc[0] == "Kept title"
    assert json.loads(db(root).execute("SELECT events FROM outputs WHERE slug = ?", (slug,)).fetchone()[0])
