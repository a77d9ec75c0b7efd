"""Curating a story in the dashboard: edits are appended to the store's log and survive restarts."""
from __future__ import annotations

import json

import pytest

from conftest import open_editor, show
from dashboard import library


def submit(at, label: str):
    """Click the form-submit / button whose label is `label`."""
    for b in at.button:
        if b.label == label:
            return b.click().run()
    raise AssertionError(f"no button {label!r}: {[b.label for b in at.button]}")


def details(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_edit_title_survives_restart_and_is_marked(sample_story, library_root, make_app):
    at = make_app(story=sample_story, ev="e005")
    open_editor(at)
    assert not at.exception
    at.text_input(key="ed_title_e005_0").set_value("Marta reaches the top of the bell tower")
    at.multiselect(key="ed_chars_e005_0").set_value(["Marta Bellini"])
    at.text_input(key="ed_chars_e005_0_more").set_value("Night watchman")
    submit(at, "Save changes")
    assert not at.exception and not at.error
    log = library.store(library_root).log(sample_story)
    assert log[-1]["who"] == "teacher"  # who made it is recorded: with no teacher key, the one local user
    ops = library.load_edits(sample_story, library_root)
    assert ops[-1]["op"] == "update" and ops[-1]["id"] == "e005"
    assert ops[-1]["fields"]["characters"] == ["Marta Bellini", "Night watchman"]
    # a new AppTest is a fresh session and a fresh cache: the edit comes from the store
    import streamlit as st
    st.cache_data.clear()
    again = make_app(story=sample_story, ev="e005")
    text = details(again)
    assert "Marta reaches the top of the bell tower" in text
    assert "✎ edited" in text
    assert "Night watchman" in text
    show(again, "Table")
    grid = again.dataframe[0].value
    row = grid[grid["id"] == "e005"].iloc[0]
    assert row["✎"] == "✎" and row["Headline"] == "Marta reaches the top of the bell tower"


def test_edits_survive_reprocessing(sample_story, library_root, make_app):
    at = make_app(story=sample_story, ev="e005")
    open_editor(at)
    at.text_input(key="ed_title_e005_0").set_value("A corrected headline")
    submit(at, "Save changes")
    # the pipeline output is stored again (as a re-run would): the overlay is replayed on it
    s = library.store(library_root)
    evs, cast, fingerprint = s.output(sample_story)
    s.put_output(sample_story, (evs, cast), fingerprint)
    import streamlit as st
    st.cache_data.clear()
    assert "A corrected headline" in details(make_app(story=sample_story, ev="e005"))


def test_merge_then_undo(sample_story, make_app):
    at = make_app(story=sample_story, ev="e005")
    open_editor(at)
    n_events = len(library.load_story(sample_story, at_root(at))[0])
    at.selectbox(key="ed_merge_e005").set_value("e006").run()
    at.button(key="ed_merge_go_e005").click().run()
    assert not at.exception and not at.error
    assert len(library.load_story(sample_story, at_root(at))[0]) == n_events - 1
    undo = at.button(key="undo")
    assert "merge" in undo.label.lower()
    undo.click().run()
    assert not at.exception
    assert len(library.load_story(sample_story, at_root(at))[0]) == n_events
    assert not any(b.key == "undo" for b in at.button)       # nothing left to undo


def at_root(at):
    import os
    return os.environ["STORYLINE_LIBRARY"]


def test_delete_needs_confirmation_and_undo_restores(sample_story, make_app):
    at = make_app(story=sample_story, ev="e005")
    open_editor(at)
    assert at.button(key="ed_del_e005").disabled
    at.checkbox(key="ed_del_ok_e005").check().run()
    at.button(key="ed_del_e005").click().run()
    title = "Marta climbs the tower at night"
    assert not any(title in o for o in at.selectbox(key="event_pick").options)
    at.button(key="undo").click().run()
    assert any(title in o for o in at.selectbox(key="event_pick").options)


def test_add_event_by_hand(sample_story, make_app):
    at = make_app(story=sample_story)
    at.toggle(key="add_open").set_value(True).run()
    at.text_input(key="add_title_0").set_value("The town holds a festival")
    at.text_input(key="add_date_0").set_value("1962-06-01")
    at.selectbox(key="add_prec_0").set_value("month")
    submit(at, "Add the event")
    assert not at.exception and not at.error
    pick = at.selectbox(key="event_pick").value
    assert pick.startswith("user-")
    assert "The town holds a festival" in details(at) and "June 1962" in details(at)


@pytest.mark.parametrize("date, words", [("1962-02-30", "calendar"), ("next week", "YYYY-MM-DD")])
def test_bad_date_is_refused_with_a_message(sample_story, library_root, make_app, date, words):
    at = make_app(story=sample_story, ev="e005")
    open_editor(at)
    at.text_input(key="ed_date_e005_0").set_value(date)
    submit(at, "Save changes")
    assert not at.exception
    assert at.error and words in at.error[0].value.replace("\\", "")
    assert library.store(library_root).log(sample_story) == []


def test_rename_and_merge_characters_in_cast(sample_story, make_app):
    at = make_app(story=sample_story, view="cast")
    at.selectbox(key="cast_rename_who").set_value("Luca Bellini")
    at.text_input(key="cast_rename_to_0").set_value("Luca B.")
    at.button(key="cast_rename_go").click().run()
    assert not at.exception and not at.error
    names = at.dataframe[0].value["Character"].tolist()
    assert "Luca B." in names and "Luca Bellini" not in names
    at.selectbox(key="cast_keep").set_value("Marta Bellini").run()
    at.selectbox(key="cast_other").set_value("Luca B.").run()
    at.button(key="cast_merge_go").click().run()
    names = at.dataframe[0].value["Character"].tolist()
    assert "Luca B." not in names
    assert "merge" in at.button(key="undo").label.lower()


def test_an_old_library_folder_opens_with_its_edits_and_a_corrupt_one_is_reported(library_root, make_app):
    """A library written by the folder-based version: imported on first start, its edits kept."""
    from conftest import SAMPLE
    for slug, edits_bytes in (("old-one", json.dumps([{"op": "update", "id": "e005",
                                                         "fields": {"title": "An old correction"}}]).encode()),
                              ("old-two", b"{not json")):
        d = library_root / slug
        (d / "docs").mkdir(parents=True)
        for p in (SAMPLE / "docs").glob("*.txt"):
            (d / "docs" / p.name).write_bytes(p.read_bytes())
        (d / "processed").mkdir()
        for name in ("events.json", "characters.json"):
            (d / "processed" / name).write_bytes((SAMPLE / name).read_bytes())
        (d / "meta.json").write_text(json.dumps({"title": slug.replace("-", " ").title(), "languages": ["en"],
                                                 "pipeline": library.pipeline_fingerprint()}), encoding="utf-8")
        (d / "edits.json").write_bytes(edits_bytes)
    at = make_app(story="old-one", ev="e005")
    assert not at.exception and not at.error
    assert "An old correction" in details(at)
    assert any(b.key == "undo" for b in at.button)  # no teacher key: the imported edits are this user's to undo
    at = make_app(story="old-two")
    warning = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "edits.json" in warning and "left where it is" in warning
    assert (library_root / "old-two" / "edits.json").read_bytes() == b"{not json"
    assert at.get("plotly_chart")


def test_a_damaged_library_database_is_a_message_not_a_crash(library_root, make_app):
    (library_root / "storyline.db").write_bytes(b"garbage " * 500)
    at = make_app()
    assert not at.exception
    assert at.error and "could not be opened" in at.error[0].value.replace("\\", "")
