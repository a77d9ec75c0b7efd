"""The library CLI and the app share one store: what one writes, the other reads."""
from __future__ import annotations

import subprocess
import sys

import pytest

from dashboard import library
from store_support import ROOT, stored_story


def cli(root, *args):
    return subprocess.run([sys.executable, "-m", "dashboard.library_cli", "--root", str(root), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_cli_lists_and_undoes_what_the_app_library_stored(tmp_path):
    root = tmp_path / "library"
    slug = stored_story(root)
    library.add_edit(slug, {"op": "delete", "id": "e006"}, root)
    out = cli(root, "list")
    assert out.returncode == 0 and f"{slug}\tHarbour story" in out.stdout and "1 edit(s)" in out.stdout
    log = cli(root, "edits", slug)
    assert '#1\t' in log.stdout and '"op": "delete"' in log.stdout and "\tteacher\t" in log.stdout
    assert "undone" in cli(root, "undo", slug).stdout
    assert library.load_edits(slug, root) == []
    assert cli(root, "delete", slug).returncode == 0
    assert [m["slug"] for m in library.list_stories(root)] == [library.BUILTIN_SLUG]


@pytest.mark.parametrize("args, words", [
    (("delete", "october-sky"), "cannot be deleted"),
    (("edits", "../etc"), "no story called"),
    (("undo", "nope"), "no story called"),
    (("add", "Empty", "EMPTY"), "the file is empty"),
])
def test_bad_cli_input_is_a_clear_message(tmp_path, args, words):
    root = tmp_path / "library"
    (tmp_path / "EMPTY").write_bytes(b"")
    out = subprocess.run([sys.executable, "-m", "dashboard.library_cli", "--root", str(root),
                          *[str(tmp_path / a) if a == "EMPTY" else a for a in args]],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 1 and words in out.stderr and "Traceback" not in out.stderr
