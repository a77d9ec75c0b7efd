"""The curation overlay: a user's corrections replayed over the pipeline output."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard import edits
from pipeline.schema import characters_frame, events_frame

# per language: three event titles and two character names of a made-up story
STORIES = {
    "en": (["The storm breaks", "The ship leaves port", "Anna writes a letter"], ["Anna Berg", "Tom"]),
    "es": (["Estalla la tormenta", "El barco zarpa", "Ana escribe una carta"], ["Ana Vidal", "Tomás"]),
    "it": (["Scoppia la tempesta", "La nave salpa", "Anna scrive una lettera"], ["Anna Rossi", "Tommaso"]),
}


def frames(lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    titles, (a, b) = STORIES[lang]
    dates = ["1912-04-10", None, "1912-04-15"]
    chars = [[a], [a, b], [b]]
    recs = [{"id": f"e{i}", "title": t, "summary": t + ".", "date": d,
             "date_precision": "day" if d else "unknown", "date_text": d or "", "order": i,
             "kind": "story", "category": "other", "characters": c, "places": [],
             "sources": [{"doc": f"d{i}", "lang": lang, "start": 0, "end": len(t), "text": t}],
             "told": i, "date_approx": False, "lang": lang}
            for i, (t, d, c) in enumerate(zip(titles, dates, chars))]
    cast = [{"name": a, "aliases": [a.split()[0]], "actor": None, "mentions": 5, "docs": ["d0"]},
            {"name": b, "aliases": [], "actor": "Someone", "mentions": 3, "docs": ["d1"]}]
    return events_frame(recs), characters_frame(cast)


LANGS = list(STORIES)


@pytest.mark.parametrize("lang", LANGS)
def test_update_changes_fields_and_marks_event_edited(lang):
    ev, ch = frames(lang)
    ops = [{"op": "update", "id": "e1", "fields": {"title": "Nuovo titolo", "date": "1912-04-12",
                                                    "date_precision": "day", "kind": "reception"}}]
    out, _ = edits.apply(ev, ch, ops)
    row = out.set_index("id").loc["e1"]
    assert (row["title"], row["date"], row["kind"]) == ("Nuovo titolo", "1912-04-12", "reception")
    assert out["edited"].tolist() == [False, True, False]
    assert ev["title"].tolist() == STORIES[lang][0]  # the pipeline output itself is untouched


@pytest.mark.parametrize("lang", LANGS)
def test_delete_and_merge_events(lang):
    ev, ch = frames(lang)
    out, _ = edits.apply(ev, ch, [{"op": "merge", "keep": "e0", "other": "e1"},
                                  {"op": "delete", "id": "e2"}])
    assert out["id"].tolist() == ["e0"]
    kept = out.iloc[0]
    assert kept["title"] == STORIES[lang][0][0]                 # the first keeps its fields
    assert [s["doc"] for s in kept["sources"]] == ["d0", "d1"]  # sources united
    assert set(kept["characters"]) == set(STORIES[lang][1])
    assert bool(kept["edited"])


@pytest.mark.parametrize("lang", LANGS)
def test_added_event_goes_into_story_order(lang):
    ev, ch = frames(lang)
    by_date = {"op": "add", "event": {"id": "u1", "title": "Por fecha", "date": "1912-04-11"}}
    after = {"op": "add", "event": {"id": "u2", "title": "Dopo", "after": "e0"}}
    undated = {"op": "add", "event": {"id": "u3", "title": "At the end"}}
    out, _ = edits.apply(ev, ch, [by_date, after, undated])
    assert out["id"].tolist() == ["e0", "u2", "u1", "e1", "e2", "u3"]
    assert out["order"].tolist() == list(range(6))
    assert out.set_index("id").loc["u1", "date_precision"] == "day"
    assert out.set_index("id")["edited"].to_dict() == {"e0": False, "u2": True, "u1": True, "e1": False,
                                                       "e2": False, "u3": True}


@pytest.mark.parametrize("lang", LANGS)
def test_rename_and_merge_characters_follow_into_events(lang):
    ev, ch = frames(lang)
    a, b = STORIES[lang][1]
    out_ev, out_ch = edits.apply(ev, ch, [{"op": "rename_character", "name": a, "to": "Capitana"}])
    assert "Capitana" in out_ch["name"].tolist() and a in out_ch.set_index("name").loc["Capitana", "aliases"]
    assert out_ev["characters"].tolist()[0] == ["Capitana"]

    out_ev, out_ch = edits.apply(ev, ch, [{"op": "merge_characters", "keep": a, "other": b}])
    assert out_ch["name"].tolist() == [a]
    merged = out_ch.iloc[0]
    assert b in merged["aliases"] and merged["mentions"] == 8 and merged["actor"] == "Someone"
    assert out_ev["characters"].tolist() == [[a], [a], [a]]


@pytest.mark.parametrize("lang", LANGS)
def test_ops_on_missing_events_are_skipped_with_warnings(lang):
    ev, ch = frames(lang)
    warnings: list[str] = []
    ops = [{"op": "delete", "id": "e0"},
           {"op": "update", "id": "e0", "fields": {"title": "x"}},   # deleted just before
           {"op": "merge", "keep": "gone", "other": "e1"},
           {"op": "merge_characters", "keep": "Nobody", "other": STORIES[lang][1][0]},
           {"op": "update", "id": "e2", "fields": {"summary": "still applied"}}]
    out, _ = edits.apply(ev, ch, ops, warnings=warnings)
    assert out["id"].tolist() == ["e1", "e2"]
    assert out.set_index("id").loc["e2", "summary"] == "still applied"
    assert len(warnings) == 3 and "'e0'" in warnings[0] and "'gone'" in warnings[1] and "Nobody" in warnings[2]
    assert out.attrs["edit_warnings"] == warnings


def test_undo_drops_only_the_last_operation():
    ops = [{"op": "delete", "id": "e0"}, {"op": "delete", "id": "e1"}]
    assert edits.undo(ops) == [{"op": "delete", "id": "e0"}]
    assert len(ops) == 2 and edits.undo([]) == []


@pytest.mark.parametrize("op, message", [
    ({"op": "explode", "id": "e1"}, "unknown operation"),
    ({"op": "update", "id": "e1", "fields": {"order": 3}}, "cannot be edited"),
    ({"op": "update", "id": "e1", "fields": {"date": "12/04/1912"}}, "YYYY-MM-DD"),
    ({"op": "update", "id": "e1", "fields": {"date": "1912-02-30"}}, "real calendar date"),
    ({"op": "update", "id": "e1", "fields": {"date_precision": "week"}}, "date_precision"),
    ({"op": "update", "id": "e1", "fields": {"title": "x" * 91}}, "90"),
    ({"op": "update", "id": "e1", "fields": {"characters": "Anna"}}, "list of names"),
    ({"op": "merge", "keep": "e1", "other": "e1"}, "itself"),
    ({"op": "add", "event": {"summary": "no title"}}, "title"),
])
def test_invalid_operations_are_refused_with_a_reason(op, message):
    with pytest.raises(edits.EditsError, match=message):
        edits.validate_op(op)


def test_save_then_load_roundtrip_is_atomic(tmp_path):
    path = tmp_path / "edits.json"
    ops = [edits.new_event_op("Añadido à la main", date="1912-04-11"), {"op": "delete", "id": "e2"}]
    edits.save(path, ops)
    assert edits.load(path) == ops
    assert [p.name for p in tmp_path.iterdir()] == ["edits.json"]  # no temp files left
    with pytest.raises(edits.EditsError):
        edits.save(path, [{"op": "bogus"}])
    assert edits.load(path) == ops  # a refused save leaves the old file
    assert edits.load(tmp_path / "missing.json") == []


@pytest.mark.parametrize("content", ["[{\"op\": \"delete\", \"id\": ", "{\"op\": \"delete\"}",
                                     "[{\"op\": \"teleport\"}]", "\xff\xfe garbage"])
def test_corrupt_file_is_moved_aside_never_overwritten(tmp_path, content):
    path = tmp_path / "edits.json"
    for attempt in range(2):
        path.write_text(content, encoding="latin-1")
        with pytest.raises(edits.EditsError, match="moved aside"):
            edits.load(path)
        assert not path.exists()
    aside = sorted(p.name for p in tmp_path.glob("edits.corrupt-*.json"))
    assert len(aside) == 2  # the second corrupt copy did not replace the first
    assert all((tmp_path / n).read_text(encoding="latin-1") == content for n in aside)
    assert edits.load(path) == []  # the story opens again


def test_edits_survive_a_new_pipeline_output():
    """Replaying the same ops over a re-run output (new event, one gone) keeps the user's work."""
    ev, ch = frames("en")
    ops = [{"op": "update", "id": "e0", "fields": {"title": "Mine"}}, {"op": "delete", "id": "e1"}]
    rerun = events_frame(json.loads(ev.drop(index=1).to_json(orient="records")))  # e1 gone upstream
    out, _ = edits.apply(rerun, ch, ops, warnings=(w := []))
    assert out.set_index("id").loc["e0", "title"] == "Mine" and "e1" not in out["id"].tolist()
    assert len(w) == 1
