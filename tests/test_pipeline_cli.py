"""The command line, as a user runs it: `python -m pipeline [FOLDER ...] --out DIR` in a subprocess."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
STORIES = Path(__file__).resolve().parent / "fixtures" / "stories"
SEEDS = ROOT / "data" / "seeds"
OUTPUTS = ["events.json", "characters.json", "events.csv"]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def read_outputs(out: Path, expected_docs: set[str]) -> tuple[list, list, pd.DataFrame]:
    for name in OUTPUTS:
        assert (out / name).is_file(), f"{name} not written"
    events = json.loads((out / "events.json").read_bytes().decode("utf-8"))  # strict UTF-8
    cast = json.loads((out / "characters.json").read_bytes().decode("utf-8"))
    assert isinstance(events, list) and isinstance(cast, list)
    csv = pd.read_csv(out / "events.csv", encoding="utf-8")
    assert len(csv) == len(events)
    assert {"id", "title", "date", "order", "kind", "characters", "sources"} <= set(csv.columns)
    docs = {s["doc"] for e in events for s in e["sources"]}
    assert docs <= expected_docs, f"sources name documents that were not given: {docs - expected_docs}"
    return events, cast, csv


@pytest.mark.parametrize("folder", ["en_film_orchard", "es_film_relojes", "it_film_pasticceria", "multi_lighthouse"])
def test_folder_gives_three_output_files(folder, tmp_path):
    src = STORIES / folder
    res = cli(str(src), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    events, cast, _ = read_outputs(tmp_path / "out", {p.stem for p in src.glob("*.txt")})
    assert any(e["kind"] == "story" for e in events), "no story event written"
    assert cast, "no character written"
    # non-ASCII text is written as itself, not as \\u escapes
    text = (tmp_path / "out" / "events.json").read_text(encoding="utf-8")
    assert "\\u00" not in text


def test_no_path_runs_the_bundled_story(tmp_path):
    res = cli("--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    events, cast, _ = read_outputs(tmp_path / "out", {p.stem for p in SEEDS.glob("*.txt")})
    assert {s["doc"] for e in events for s in e["sources"]} == {p.stem for p in SEEDS.glob("*.txt")}
    assert cast


def _missing(tmp: Path) -> list[str]:
    return [str(tmp / "does-not-exist")]


def _empty_file(tmp: Path) -> list[str]:
    d = tmp / "in"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    return [str(d)]


def _binary_file(tmp: Path) -> list[str]:
    d = tmp / "in"
    d.mkdir()
    (d / "image.txt").write_bytes(bytes(range(256)) * 40)
    return [str(d)]


def _empty_folder(tmp: Path) -> list[str]:
    d = tmp / "in"
    d.mkdir()
    return [str(d)]


@pytest.mark.parametrize("make", [_missing, _empty_file, _binary_file, _empty_folder],
                         ids=["missing-path", "empty-file", "binary-file", "empty-folder"])
def test_bad_input_fails_with_one_line_and_writes_nothing(make, tmp_path):
    out = tmp_path / "out"
    res = cli(*make(tmp_path), "--out", str(out))
    assert res.returncode != 0
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got: {res.stderr!r}"
    assert "Traceback" not in res.stderr
    assert not out.exists() or not any(out.iterdir()), f"wrote {list(out.iterdir())}"
