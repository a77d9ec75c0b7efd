"""Bad input given to `python -m pipeline`, as a user would: every refusal is one line on stderr
(no traceback) with a non-zero exit, earlier output in --out stays byte-for-byte, no temp files;
odd-but-valid input (other encodings, one huge line, markup, no dates/names) just works.

Cases are listed in tests/bad_input/README.md."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline
from pipeline import ingest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = Path(__file__).resolve().parent / "bad_input"
OUTPUTS = ["events.json", "characters.json", "events.csv"]

GOOD = {
    "en": "In 1912 Anna left Southampton on a ship. The next day she wrote a letter to her brother Tom.",
    "es": "En 1912 Ana zarpó de Southampton en un barco. Al día siguiente escribió una carta a su hermano Tomás.",
    "it": "Nel 1912 Anna partì da Southampton su una nave. Il giorno dopo scrisse una lettera al fratello Tommaso.",
}
# an accented word of each text, to check the decoded text reached the output intact
ACCENTED = {"en": "café", "es": "zarpó", "it": "partì"}
GOOD["en"] = GOOD["en"].replace("a ship.", "a ship from the café.")

NO_DATES = {"en": "Anna walks to the harbour and watches the boats. Tom follows her and they argue about the letter.",
            "es": "Ana camina hasta el puerto y mira los barcos. Tomás la sigue y discuten por la carta.",
            "it": "Anna cammina fino al porto e guarda le barche. Tommaso la segue e litigano per la lettera."}
NO_NAMES = {"en": "The rain falls on the village in 1957. The next day the river rises and takes the bridge.",
            "es": "La lluvia cae sobre el pueblo en 1957. Al día siguiente el río crece y se lleva el puente.",
            "it": "La pioggia cade sul villaggio nel 1957. Il giorno dopo il fiume cresce e porta via il ponte."}
ONLY_DATES = {"en": "1957.\nOctober 4, 1957.\nMarch 1958.\n",
              "es": "1957.\n4 de octubre de 1957.\nmarzo de 1958.\n",
              "it": "1957.\n4 ottobre 1957.\nmarzo 1958.\n"}


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=300)


def assert_refused(res: subprocess.CompletedProcess, *words: str) -> str:
    """Non-zero exit, exactly one stderr line starting with "error:", naming the problem."""
    err = res.stderr.strip()
    assert res.returncode != 0, f"exit 0 for bad input; stderr={res.stderr!r}"
    assert "Traceback" not in res.stderr, res.stderr
    assert len(err.splitlines()) == 1, f"expected one line on stderr, got:\n{res.stderr}"
    assert err.startswith("error:"), err
    for w in words:
        assert w.lower() in err.lower(), f"{w!r} not in {err!r}"
    return err


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden temp files included) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def previous_output(tmp_path_factory) -> Path:
    """A good earlier run's --out folder, made once and copied into each test that needs it."""
    base = tmp_path_factory.mktemp("previous")
    src = base / "good.txt"
    src.write_text(GOOD["en"], encoding="utf-8")
    res = cli(str(src), "--out", str(base / "out"), "-q")
    assert res.returncode == 0, res.stderr
    return base / "out"


@pytest.fixture
def out(tmp_path, previous_output) -> Path:
    dst = tmp_path / "out"
    shutil.copytree(previous_output, dst)
    return dst


def read_events(out: Path) -> list[dict]:
    for name in OUTPUTS:
        assert (out / name).is_file(), f"{name} not written"
    events = json.loads((out / "events.json").read_bytes().decode("utf-8"))
    assert isinstance(events, list)
    assert isinstance(json.loads((out / "characters.json").read_bytes().decode("utf-8")), list)
    return events


def source_text(events: list[dict]) -> str:
    return "\n".join(s.get("text", "") for e in events for s in e["sources"]) + "\n".join(
        f"{e['title']}\n{e['summary']}" for e in events)


# ---------------------------------------------------------------- refused files

@pytest.mark.parametrize("sample, problem", [
    ("empty.txt", "is empty"),
    ("whitespace.txt", "is empty"),
    ("image_png.txt", "is not text"),
    ("random_nul.txt", "is not text"),
])
def test_unusable_file_is_refused_and_earlier_output_kept(sample, problem, out):
    before = snapshot(out)
    res = cli(str(SAMPLES / sample), "--out", str(out))
    assert_refused(res, sample, problem)
    assert snapshot(out) == before  # same files, same bytes, no temp files left


def test_huge_file_is_refused_by_size(tmp_path, out):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:  # sparse: 50 MB on paper, a few bytes on disk
        f.write(GOOD["en"].encode())
        f.truncate(50 * 1024 * 1024)
    before = snapshot(out)
    res = cli(str(big), "--out", str(out))
    assert_refused(res, "huge.txt", "too large", "limit")
    assert snapshot(out) == before


def test_huge_file_is_never_read(tmp_path, monkeypatch):
    """The size check happens before reading: the 50 MB file's bytes are never loaded."""
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    small = tmp_path / "small.txt"
    small.write_text(GOOD["es"], encoding="utf-8")
    read = []
    real = Path.read_bytes

    def spy(self):
        read.append(self.name)
        return real(self)
    monkeypatch.setattr(Path, "read_bytes", spy)
    story = ingest.run(pipeline.Story(inputs=[str(big), str(small)]))
    assert read == ["small.txt"]
    assert any("huge.txt is too large" in m for m in story.messages)


def test_ten_thousand_files_are_refused_with_the_limit(tmp_path, out):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_bytes(b"Anna left.")
    before = snapshot(out)
    res = cli(str(folder), "--out", str(out))
    err = assert_refused(res, "too many", "10000")
    assert str(ingest.MAX_FILES) in err
    assert snapshot(out) == before


def test_folder_without_txt_files_is_refused(tmp_path, out):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "readme.md").write_text("# Anna\nIn 1912 Anna left.", encoding="utf-8")
    (folder / "picture.png").write_bytes((SAMPLES / "image_png.txt").read_bytes())
    (folder / "sub.txt").mkdir()  # a folder named like a text file is not a document
    before = snapshot(out)
    res = cli(str(folder), "--out", str(out))
    assert_refused(res, "notes", "no .txt files")
    assert snapshot(out) == before


def test_missing_path_is_refused(tmp_path, out):
    before = snapshot(out)
    res = cli(str(tmp_path / "nowhere.txt"), "--out", str(out))
    assert_refused(res, "nowhere.txt", "does not exist")
    assert snapshot(out) == before


# ---------------------------------------------------------------- mixed good and bad

@pytest.mark.parametrize("lang", list(GOOD))
def test_mixed_folder_processes_the_good_and_reports_the_bad(lang, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD[lang], encoding="utf-8")
    for bad in ("empty.txt", "whitespace.txt", "image_png.txt", "random_nul.txt"):
        shutil.copy(SAMPLES / bad, folder / bad)
    (folder / "notes.md").write_text("not a document", encoding="utf-8")
    res = cli(str(folder), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    for line in ("skipped: empty.txt is empty", "skipped: whitespace.txt is empty",
                 "skipped: image_png.txt is not text", "skipped: random_nul.txt is not text"):
        assert line in res.stderr.splitlines(), res.stderr
    events = read_events(tmp_path / "out")
    assert events and {s["doc"] for e in events for s in e["sources"]} == {"good"}
    assert ACCENTED[lang] in source_text(events)


# ---------------------------------------------------------------- encodings that must work

ENCODINGS = [  # (codec, BOM to prepend, what the CLI reports)
    ("utf-16-le", b"\xff\xfe", "utf-16"),
    ("utf-16-be", b"\xfe\xff", "utf-16"),
    ("utf-16-le", b"", "utf-16"),
    ("utf-16-be", b"", "utf-16"),
    ("latin-1", b"", "cp1252"),   # latin-1 letters are read through its superset cp1252
    ("cp1252", b"", "cp1252"),
]


@pytest.mark.parametrize("lang", list(GOOD))
@pytest.mark.parametrize("codec, bom, reported", ENCODINGS,
                         ids=[f"{c}{'-bom' if b else ''}" for c, b, _ in ENCODINGS])
def test_other_encodings_work_and_are_reported(lang, codec, bom, reported, tmp_path):
    src = tmp_path / f"story_{lang}.txt"
    src.write_bytes(bom + GOOD[lang].encode(codec))
    res = cli(str(src), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    assert f"story_{lang}: read as {reported}" in res.stderr.splitlines(), res.stderr
    events = read_events(tmp_path / "out")
    text = source_text(events)
    assert ACCENTED[lang] in text and "\x00" not in text and "\ufeff" not in text


@pytest.mark.parametrize("sample, reported, word", [
    ("utf16le_nobom_es.txt", "utf-16", "Sevilla"),
    ("utf16be_bom_it.txt", "utf-16", "Niccolò"),
    ("latin1_it.txt", "cp1252", "lasciò"),
    ("cp1252_en.txt", "cp1252", "\u201con the ship\u201d"),
])
def test_committed_encoding_samples_work(sample, reported, word, tmp_path):
    res = cli(str(SAMPLES / sample), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    assert f"read as {reported}" in res.stderr
    raw = json.loads((tmp_path / "out" / "events.json").read_text(encoding="utf-8"))
    assert word in source_text(raw)


# ---------------------------------------------------------------- unusual but valid text

def test_one_megabyte_single_line_works(tmp_path):
    sentence = "Anna built a small boat in 1912 and sailed it to the island. "
    src = tmp_path / "oneline.txt"
    src.write_text(sentence * (1_048_576 // len(sentence) + 1), encoding="utf-8")  # no newline at all
    assert src.stat().st_size > 1_048_576
    res = cli(str(src), "--out", str(tmp_path / "out"), "-q")
    assert res.returncode == 0, res.stderr
    assert res.stderr == ""
    events = read_events(tmp_path / "out")
    assert events and all(s["doc"] == "oneline" for e in events for s in e["sources"])


@pytest.mark.parametrize("lang", list(GOOD))
def test_markup_is_kept_as_text(lang, tmp_path):
    src = tmp_path / "markup.txt"
    evil = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)")
    src.write_text(f"<p>{GOOD[lang]}</p>\n" + " ".join(f"{GOOD[lang]} {e}" for e in evil), encoding="utf-8")
    res = cli(str(src), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    text = source_text(read_events(tmp_path / "out"))
    for e in evil:  # verbatim in the source sentences: not stripped, not escaped twice
        assert e in text, e
    assert "&lt;" not in text


@pytest.mark.parametrize("lang", list(GOOD))
@pytest.mark.parametrize("case", ["no_dates", "no_names", "only_dates"])
def test_story_without_dates_or_names_works(case, lang, tmp_path):
    text = {"no_dates": NO_DATES, "no_names": NO_NAMES, "only_dates": ONLY_DATES}[case][lang]
    src = tmp_path / f"{case}.txt"
    src.write_text(text, encoding="utf-8")
    res = cli(str(src), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    events = read_events(tmp_path / "out")
    if case == "no_dates":
        assert events and all(e["date"] is None for e in events)
    if case == "no_names":
        assert events and all(e["characters"] == [] for e in events)
        assert json.loads((tmp_path / "out" / "characters.json").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("sample", ["no_dates_en.txt", "no_names_es.txt", "only_dates_it.txt", "xss_en.txt"])
def test_committed_valid_samples_work(sample, tmp_path):
    res = cli(str(SAMPLES / sample), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    read_events(tmp_path / "out")


# ---------------------------------------------------------------- bad --out

def test_out_is_a_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(b"my notes")
    res = cli(str(SAMPLES / "no_dates_en.txt"), "--out", str(target))
    assert_refused(res, "cannot write output", str(target))
    assert target.read_bytes() == b"my notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_out_inside_a_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(b"my notes")
    res = cli(str(SAMPLES / "no_dates_en.txt"), "--out", str(target / "sub"))
    assert_refused(res, "cannot write output", "not a directory")
    assert target.read_bytes() == b"my notes"


def test_out_not_writable(tmp_path):
    if os.geteuid() != 0:
        target = tmp_path / "locked"
        target.mkdir()
        target.chmod(0o500)
        where = target / "out"
    else:  # root writes anywhere on a normal filesystem, but not into /proc
        where = Path("/proc") / f"storyline-bad-input-{os.getpid()}" / "out"
    try:
        res = cli(str(SAMPLES / "no_dates_en.txt"), "--out", str(where))
    finally:
        if os.geteuid() != 0:
            target.chmod(0o700)
    assert_refused(res, "cannot write output")
    assert not where.exists()


def test_failed_write_leaves_earlier_output_whole(out):
    """When one output cannot be replaced, the others must not be replaced either: a half-written
    --out (new events.json next to old events.csv) would mix two runs."""
    before = snapshot(out)
    (out / "events.csv").unlink()
    (out / "events.csv").mkdir()  # the third file cannot be replaced
    res = cli(str(SAMPLES / "no_names_es.txt"), "--out", str(out))
    assert_refused(res, "cannot write output", "events.csv")
    after = snapshot(out)
    assert after == {k: v for k, v in before.items() if k != "events.csv"}, \
        "events.json/characters.json were replaced although the run failed"
