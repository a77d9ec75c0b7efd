"""The names left out of the cast, with their reason, reach the output and the Cast view, and a teacher can
overrule the pipeline (put a left-out name in the cast, take a cast entry out) through the edit overlay.
Every sentence is invented."""
from __future__ import annotations

import json

import pytest

import pipeline
from dashboard import cast as cast_view
from dashboard import data, edits, library
from pipeline.schema import characters_frame, events_frame

TEXTS = {
    "en": "Historians agree that without Bishop Alvar Kemp the revolt would have failed. Tom Reyes decides to "
          "leave Quillan. Tom Reyes goes to Ines Carow for help. She hides him.",
    "es": "Los historiadores coinciden en que sin el obispo Alvar Kemp la revuelta habría fracasado. Tomás Reyes "
          "decide salir de Quillán. Tomás Reyes acude a Inés Caro en busca de ayuda. Ella lo esconde.",
    "it": "Gli storici concordano che senza il vescovo Alvar Kemp la rivolta sarebbe fallita. Tommaso Rea decide "
          "di lasciare Quillano. Tommaso Rea va da Ines Caro per chiedere aiuto. Lei lo nasconde.",
}


@pytest.mark.parametrize("lang", list(TEXTS))
def test_outputs_hold_the_names_left_out_and_why(lang, tmp_path):
    story = pipeline.run(texts={f"plot_{lang}.txt": TEXTS[lang]})
    pipeline.write_outputs(story, tmp_path)
    left = json.loads((tmp_path / "non_characters.json").read_text(encoding="utf-8"))
    why = {r["name"]: r["reason"] for r in left}
    assert "opinion" in why["Alvar Kemp"]
    cast = {c["name"] for c in json.loads((tmp_path / "characters.json").read_text(encoding="utf-8"))}
    assert not cast & set(why)
    assert data.load_folder(tmp_path).left_out == left
    (tmp_path / "non_characters.json").unlink()   # an older output: nothing left out is known
    assert data.load_folder(tmp_path).left_out == []


def frames():
    recs = [{"id": f"e{i}", "title": t, "summary": t + ".", "date": None, "date_precision": "unknown",
             "date_text": "", "order": i, "kind": "story", "category": "other", "characters": c, "places": [],
             "sources": [{"doc": "d", "lang": "en", "start": 0, "end": len(t), "text": t}], "told": i,
             "date_approx": False, "lang": "en"}
            for i, (t, c) in enumerate([("Tom Reyes leaves Quillan", ["Tom Reyes"]),
                                        ("Tom asks Ines Carow for help", ["Tom Reyes", "Quillan Bay"]),
                                        ("Ines Carow hides Tom", ["Tom Reyes"])])]
    cast = [{"name": "Tom Reyes", "aliases": ["Tom"], "actor": None, "mentions": 3, "docs": ["d"]},
            {"name": "Quillan Bay", "aliases": [], "actor": None, "mentions": 1, "docs": ["d"]}]
    return events_frame(recs), characters_frame(cast)


def test_a_teacher_puts_a_left_out_name_in_the_cast_and_takes_one_out():
    ev, ch = frames()
    ops = [{"op": "include_character", "name": "Ines Carow"}, {"op": "exclude_character", "name": "Quillan Bay"}]
    out_ev, out_ch, warns = edits.apply_with_warnings(ev, ch, ops)
    assert warns == []
    assert set(out_ch["name"]) == {"Tom Reyes", "Ines Carow"}
    ines = out_ch.set_index("name").loc["Ines Carow"]
    assert ines["mentions"] == 2 and list(ines["evidence"]) == [edits.INCLUDED_WHY]
    assert [("Ines Carow" in cs, "Quillan Bay" in cs) for cs in out_ev["characters"]] == \
        [(False, False), (True, False), (True, False)]
    left = cast_view.left_out_table([{"name": "Ines Carow", "kind": "place", "reason": "a place"},
                                     {"name": "Quillan", "kind": "place", "reason": "a place"}], out_ch, ops)
    assert dict(zip(left["Name"], left["Why"])) == {"Quillan Bay": cast_view.EXCLUDED_WHY, "Quillan": "a place"}


@pytest.mark.parametrize("op, words", [({"op": "include_character", "name": "Tom Reyes"}, "already"),
                                       ({"op": "exclude_character", "name": "Nobody"}, "not found"),
                                       ({"op": "include_character", "name": "  "}, "non-empty")])
def test_an_overrule_that_cannot_apply_is_skipped_with_a_warning(op, words):
    ev, ch = frames()
    _, out_ch, warns = edits.apply_with_warnings(ev, ch, [op])
    assert len(warns) == 1 and words in warns[0]
    assert list(out_ch["name"]) == list(ch["name"])


def test_cast_view_lists_left_out_names_and_a_teacher_overrules(sample_story, library_root, make_app):
    s = library.store(library_root)
    out = s.output(sample_story)
    s.put_output(sample_story, out[:2], library.pipeline_fingerprint(), ["en", "es", "it"],
                 extra_meta={"left_out": [{"name": "Dorotea Vass", "kind": "place",
                                           "reason": "a place (after a place word)"}]})
    at = make_app(story=sample_story, view="cast")
    assert not at.exception
    left = at.dataframe[1].value
    assert dict(zip(left["Name"], left["Why"])) == {"Dorotea Vass": "a place (after a place word)"}
    at.selectbox(key="cast_include_who").set_value("Dorotea Vass").run()
    at.button(key="cast_include_go").click().run()
    assert not at.exception and not at.error
    assert "Dorotea Vass" in at.dataframe[0].value["Character"].tolist()
    assert "Dorotea Vass" not in at.dataframe[1].value["Name"].tolist()
    at.selectbox(key="cast_exclude_who").set_value("Luca Bellini").run()
    at.button(key="cast_exclude_go").click().run()
    assert "Luca Bellini" not in at.dataframe[0].value["Character"].tolist()
    assert "Luca Bellini" in at.dataframe[1].value["Name"].tolist()
    assert [op["op"] for op in s.edits(sample_story)] == ["include_character", "exclude_character"]
