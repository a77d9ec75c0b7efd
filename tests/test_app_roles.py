"""One server, a whole class: with a teacher key, sessions are viewers until the key is entered."""
from __future__ import annotations

import pytest

from conftest import open_editor, page, show
from dashboard import library

KEY = "owl-7-harbour"


@pytest.fixture
def keyed(monkeypatch, sample_story):
    monkeypatch.setenv("STORYLINE_TEACHER_KEY", KEY)
    return sample_story


def _root() -> str:
    import os
    return os.environ["STORYLINE_LIBRARY"]


def keys(at) -> set[str]:
    """Every widget key drawn on the page (buttons, inputs, selects, checkboxes, toggles)."""
    return {w.key for kind in ("button", "text_input", "text_area", "selectbox", "checkbox", "toggle",
                               "multiselect", "file_uploader")
            for w in (at.get(kind) or []) if getattr(w, "key", None)}


def page_text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info] + \
            [s.value for s in at.success] + [e.value for e in at.error]
    return "\n".join(str(p) for p in parts)


def enter_key(at, typed: str):
    at.text_input(key="_key_entry").input(typed).run()
    return at


EDIT_CONTROLS = ("ed_title_e005_0", "ed_del_e005", "ed_merge_go_e005", "add_open")


def test_without_a_key_everyone_edits_and_the_sidebar_says_so(sample_story, make_app):
    at = make_app(story=sample_story, ev="e005")
    assert not at.exception
    assert "ed_open" in keys(at)
    open_editor(at)
    assert set(EDIT_CONTROLS) | {"data_dir"} <= keys(at)
    assert "No teacher key is set" in page_text(at)
    assert "_key_entry" not in keys(at) and "follow" not in keys(at)


def test_a_viewer_sees_no_edit_upload_delete_or_undo_controls(keyed, make_app):
    library.add_edit(keyed, {"op": "delete", "id": "e006"}, _root())  # an edit exists: still no Undo
    at = make_app(story=keyed, ev="e005")
    assert not at.exception and not at.error
    drawn = keys(at)
    assert not drawn & set(EDIT_CONTROLS) and "undo" not in drawn and "ed_open" not in drawn
    assert "data_dir" not in drawn                                  # no reading folders on the server's disk
    assert {"_key_entry", "follow", "x_prepare"} <= drawn            # key field, follow toggle, export
    assert "Viewer" in page_text(at)
    show(at, "Cast")
    assert "cast_rename_go" not in keys(at)
    show(at, "Stories")
    drawn = keys(at)
    assert not any(k.startswith(("del_", "new_create", "new_title")) for k in drawn)
    assert "Only the teacher can add or delete stories." in page_text(at)
    # browsing and presenting still work
    show(at, "Presentation")
    at.button(key="next").click().run()                  # from the title slide to the first event
    at.button(key="next").click().run()
    assert not at.exception and "### 2 / " in page_text(at)
    assert not any(k.startswith("slide_") for k in keys(at))   # no slide-notes form for a viewer


def test_a_wrong_key_is_refused_and_the_right_one_makes_a_teacher(keyed, make_app):
    at = make_app(story=keyed, ev="e005")
    enter_key(at, "guess")
    assert "That is not the teacher key." in page_text(at)
    assert "ed_title_e005_0" not in keys(at)
    assert at.text_input(key="_key_entry").value == ""             # the typed text is not kept
    enter_key(at, KEY)
    assert not at.exception
    open_editor(at)
    assert set(EDIT_CONTROLS) <= keys(at) and "_key_entry" not in keys(at)
    assert "Teacher" in page_text(at) and KEY not in page_text(at)
    assert KEY not in repr(at.session_state)                        # nor kept anywhere in the session
    # the teacher's edit is recorded as the teacher's, and the teacher can undo it
    at.checkbox(key="ed_del_ok_e005").check().run()
    at.button(key="ed_del_e005").click().run()
    assert library.store(_root()).log(keyed)[-1]["who"] == "teacher"
    assert "delete" in at.button(key="undo").label.lower()
    at.button(key="sign_out").click().run()
    assert "ed_title_e005_0" not in keys(at) and "ed_open" not in keys(at) and "undo" not in keys(at)


def test_a_slide_of_a_story_the_viewer_cannot_open_is_skipped_once(keyed, make_app):
    library.store(_root()).publish("gone-story", {}, 2, library.TEACHER)
    viewer = make_app(story=keyed)
    viewer.toggle(key="follow").set_value(True).run()
    assert not viewer.exception and viewer.session_state["story"] == keyed
    seq = library.store(_root()).presenter()["seq"]
    assert viewer.session_state["_followed"] == seq                  # taken: no rerun every second for it


def test_the_teachers_slide_is_followed_and_leaving_follow_mode_browses_freely(keyed, make_app):
    teacher = make_app(story=keyed, view="present")
    enter_key(teacher, KEY)
    for _ in range(3):                                   # the title slide, then events 1, 2, 3
        teacher.button(key="next").click().run()
    assert library.store(_root()).presenter()["step"] == 3
    viewer = make_app(story=library.BUILTIN_SLUG)
    viewer.toggle(key="follow").set_value(True).run()
    assert not viewer.exception
    assert viewer.session_state["story"] == keyed and page(viewer) == "Presentation"
    assert "### 3 / " in page_text(viewer) and viewer.button(key="next").disabled
    teacher.button(key="next").click().run()
    viewer.run()                                                    # the follow fragment's next look
    assert "### 4 / " in page_text(viewer)
    viewer.toggle(key="follow").set_value(False).run()
    viewer.button(key="next").click().run()
    assert "### 5 / " in page_text(viewer)
    teacher.button(key="prev").click().run()
    viewer.run()
    assert "### 5 / " in page_text(viewer)                          # not following: its own slide


def test_the_key_can_come_from_streamlit_secrets(sample_story, monkeypatch):
    from streamlit.testing.v1 import AppTest
    from conftest import APP
    monkeypatch.delenv("STORYLINE_TEACHER_KEY", raising=False)
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.secrets["teacher_key"] = KEY
    at.query_params["story"] = sample_story
    at.run()
    assert not at.exception
    assert "_key_entry" in keys(at) and "Viewer" in page_text(at)
    enter_key(at, KEY)
    assert "Teacher" in page_text(at) and "sign_out" in keys(at)
