"""The teacher's notes and picture per slide: a `slide` edit, replayed like the other edits."""
from __future__ import annotations

import pytest

from dashboard import edits
from test_edits_overlay import LANGS, frames


@pytest.mark.parametrize("lang", LANGS)
def test_slide_notes_and_image_replay_and_the_last_wins(lang):
    ev, ch = frames(lang)
    ops = [edits.slide_op("e1", "Ask the class why.", "https://example.org/a.png"),
           {"op": "update", "id": "e2", "fields": {"title": "Changed"}},
           edits.slide_op("e1", "Ask the class why they left.", "")]
    out, _ = edits.apply(ev, ch, ops)
    row = out.set_index("id").loc["e1"]
    assert (row["notes"], row["image"]) == ("Ask the class why they left.", "")
    assert not bool(row["edited"])                       # notes change no fact of the event
    assert out.set_index("id").loc["e0", "notes"] == ""


@pytest.mark.parametrize("op", [
    {"op": "slide", "id": "e1", "notes": "x", "image": "javascript:alert(1)"},
    {"op": "slide", "id": "e1", "notes": "x", "image": "data:image/png;base64,AAAA"},
    {"op": "slide", "id": "e1", "notes": "x" * (edits.MAX_NOTES + 1)},
    {"op": "slide", "id": "", "notes": "x"},
    {"op": "slide", "id": "e1", "notes": 3},
])
def test_bad_slide_edits_are_refused(op):
    with pytest.raises(edits.EditsError):
        edits.validate_op(op)


def test_a_slide_edit_for_a_deleted_event_is_skipped_with_a_warning():
    ev, ch = frames("en")
    warns: list[str] = []
    out, _ = edits.apply(ev, ch, [{"op": "delete", "id": "e1"}, edits.slide_op("e1", "gone")], warnings=warns)
    assert "e1" not in set(out["id"]) and any("slide" in w for w in warns)


def test_slide_edits_survive_the_edit_file(tmp_path):
    path = tmp_path / "edits.json"
    edits.save(path, [edits.slide_op("e0", "Line one\nLine two", "https://example.org/p.jpg")])
    assert edits.load(path)[0]["notes"] == "Line one\nLine two"
