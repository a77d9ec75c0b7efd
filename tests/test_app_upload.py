"""Bring your own story by pasting text (the browser test covers file uploads): it is processed
and opened; every bad input gives a clear message, no traceback, and the open story is kept."""
from __future__ import annotations


import pytest

from conftest import open_editor, show
from dashboard import library

TEXTS = {
    "en": "On 9 July 1816 Manuel Belgrano arrived in Tucuman. The next day Juana Azurduy spoke with him in the square.",
    "es": "El 9 de julio de 1816 Manuel Belgrano llegó a Tucumán. Al día siguiente, Juana Azurduy habló con él en la plaza.",
    "it": "Il 9 luglio 1816 Manuel Belgrano arrivò a Tucumán. Il giorno dopo Juana Azurduy parlò con lui nella piazza.",
}


def new_story(at, title: str, body: str, name: str = ""):
    show(at, "Stories")
    n = at.session_state["_new_nonce"]
    at.text_input(key=f"new_title_{n}").set_value(title)
    at.text_input(key=f"new_paste_name_{n}").set_value(name)
    at.text_area(key=f"new_paste_{n}").set_value(body).run()
    return n


def messages(at) -> str:
    return " ".join(e.value for e in at.error).replace("\\", "")


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_pasted_story_is_processed_and_opened(library_root, make_app, lang):
    at = make_app()
    n = new_story(at, f"Story {lang}", TEXTS[lang], name=f"chapter-{lang}")
    names = {"en": "English", "es": "Spanish", "it": "Italian"}
    assert any(f"detected: {names[lang]}" in c.value for c in at.caption)
    at.button(key=f"new_create_{n}").click().run()
    assert not at.exception and not at.error
    slug = f"story-{lang}"
    assert at.session_state["story"] == slug and at.query_params["story"] == [slug] or \
        at.query_params["story"] == slug
    assert f"chapter-{lang}" in library.read_docs(slug, library_root)
    assert any("Story " + lang in c.value for c in at.caption)
    assert at.get("plotly_chart")
    # the story is in the switcher, and the built-in story is still there
    assert set(at.selectbox(key="story").options) >= {"October Sky", f"Story {lang}"}


def test_language_override_is_used(library_root, make_app):
    at = make_app()
    n = new_story(at, "Forced", TEXTS["es"], name="doc")
    at.selectbox(key=f"new_lang_{n}_0").set_value("it").run()
    at.button(key=f"new_create_{n}").click().run()
    assert not at.exception and not at.error
    meta = library.story_meta("forced", library_root)
    assert meta["languages"] == ["it"] and [f["lang"] for f in meta["files"]] == ["it"]


def test_document_date_dates_its_yesterday(library_root, make_app):
    import datetime as dt
    at = make_app()
    n = new_story(at, "Dated", "Dara Vell opened the bakery in Oslen yesterday.", name="note")
    at.date_input(key=f"new_date_{n}_0").set_value(dt.date(2011, 3, 16)).run()
    at.button(key=f"new_create_{n}").click().run()
    assert not at.exception and not at.error
    stored = library.store(library_root)
    assert stored.story_meta("dated")["doc_dates"] == {"note": "2011-03-16"}
    evs, _cast, _fingerprint = stored.output("dated")
    assert [e["date"] for e in evs] == ["2011-03-15"]


def open_with_edit(sample_story, make_app):
    at = make_app(story=sample_story, ev="e005")
    open_editor(at)
    at.text_input(key="ed_title_e005_0").set_value("An edit that must survive")
    for b in at.button:
        if b.label == "Save changes":
            b.click().run()
            break
    return at


@pytest.mark.parametrize("title, body, name, expect", [
    ("Huge", "word " * (library.MAX_FILE_BYTES // 5 + 10), "big", "MB"),
    ("", TEXTS["en"], "doc", "title"),
    ("Controls", "abc\x00\x01\x02\x03" * 200, "doc", "binary"),
])
def test_bad_paste_gives_message_and_keeps_open_story(sample_story, library_root, make_app, title, body, name, expect):
    at = open_with_edit(sample_story, make_app)
    before = library.store(library_root).dump()
    n = new_story(at, title, body, name)
    at.button(key=f"new_create_{n}").click().run()
    assert not at.exception
    assert expect.lower() in messages(at).lower()
    assert "Traceback" not in messages(at)
    assert library.store(library_root).dump() == before      # nothing half-created
    assert at.session_state["story"] == sample_story
    show(at, "Timeline")
    assert "An edit that must survive" in "\n".join(m.value for m in at.markdown)


def test_empty_paste_cannot_be_submitted(library_root, make_app):
    at = make_app()
    n = new_story(at, "Nothing", "   \n  ")
    assert at.button(key=f"new_create_{n}").disabled


def test_hostile_name_and_html_are_harmless(library_root, make_app):
    at = make_app()
    body = "<script>alert('x')</script> " + TEXTS["en"] + " <b>bold</b>"
    n = new_story(at, "<img src=x onerror=alert(1)>", body, name="../../etc/passwd")
    assert any(t.value == "../../etc/passwd.txt" for t in at.text)      # the name is shown as text
    at.button(key=f"new_create_{n}").click().run()
    assert not at.exception and not at.error
    slug = at.session_state["story"]
    assert [d["name"] for d in library.store(library_root).documents(slug)] == ["passwd.txt"]
    assert not (library_root.parent / "etc").exists()
    page = "\n".join(m.value for m in at.markdown)
    assert "<script>" not in page and "<img" not in page


def test_pipeline_failure_is_a_message(sample_story, library_root, make_app, monkeypatch):
    import pipeline

    def boom(*a, **kw):
        raise pipeline.PipelineError("events", "RuntimeError: simulated bug")
    at = open_with_edit(sample_story, make_app)
    monkeypatch.setattr(pipeline, "run", boom)
    n = new_story(at, "Doomed", TEXTS["en"], "doc")
    at.button(key=f"new_create_{n}").click().run()
    assert not at.exception
    assert "could not be processed" in messages(at) and "simulated bug" in messages(at)
    assert "doomed" not in {m["slug"] for m in library.list_stories(library_root)}
    assert at.session_state["story"] == sample_story


def test_delete_story_needs_confirmation(sample_story, library_root, make_app):
    at = make_app(story=sample_story, view="stories")
    assert at.button(key=f"del_{sample_story}").disabled
    assert not any(b.key == f"del_{library.BUILTIN_SLUG}" for b in at.button)   # the built-in cannot be deleted
    at.checkbox(key=f"del_ok_{sample_story}").check().run()
    at.button(key=f"del_{sample_story}").click().run()
    assert not at.exception
    assert sample_story not in {m["slug"] for m in library.list_stories(library_root)}
    assert at.session_state["story"] == library.BUILTIN_SLUG


def test_unknown_story_in_url_falls_back_with_warning(library_root, make_app):
    at = make_app(story="no-such-story")
    assert not at.exception
    assert at.session_state["story"] == library.BUILTIN_SLUG
    assert any("no-such-story" in w.value.replace("\\", "") for w in at.warning)
