"""Details text: escaping, paragraph context, grouping, fixture offsets."""
from __future__ import annotations

import json

import pytest

from dashboard import data, text
from conftest import SAMPLE

STORY = data.load_folder(SAMPLE)


@pytest.mark.parametrize("raw, shown_escaped", [
    ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;\\/script&gt;"),
    ("**not bold** _no_", "\\*\\*not bold\\*\\* \\_no\\_"),
    (":red[x] $1", "\\:red\\[x\\] \\$1"),
    ("&quot;El relojero&quot;", '"El relojero"'),
])
def test_md_escape(raw, shown_escaped):
    assert text.md_escape(raw) == shown_escaped


def test_fixture_offsets_point_at_the_quoted_text():
    for e in json.loads((SAMPLE / "events.json").read_text(encoding="utf-8")):
        for s in e["sources"]:
            assert STORY.docs[s["doc"]][s["start"]:s["end"]] == s["text"]


@pytest.mark.parametrize("eid, doc, bold", [
    ("e004", "001_plot_en", "On 3 March 1962 the tower clock stops"),
    ("e004", "002_trama_it", "Il 3 marzo 1962 l'orologio si ferma"),
    ("e021", "000_resena_es", "Mucho después, el pueblo entero"),
])
def test_source_span_is_bold_inside_its_paragraph(eid, doc, bold):
    e = STORY.events.set_index("id").loc[eid]
    src = next(s for s in e["sources"] if s["doc"] == doc)
    md = text.source_markdown(src, STORY.docs[doc])
    assert f"**{text.md_escape(bold)}" in md
    assert len(md) > len(text.md_escape(src["text"])) + 10      # paragraph context around it


def test_missing_document_falls_back_to_quote():
    src = {"doc": "gone", "lang": "en", "start": 5, "end": 9, "text": "<b>quote</b>"}
    assert text.source_markdown(src, None) == "**&lt;b&gt;quote&lt;\\/b&gt;**"


def test_sources_grouped_by_document_and_language():
    e = STORY.events.set_index("id").loc["e006"].to_dict() | {"id": "e006"}
    groups = text.grouped_sources(e["sources"])
    assert [(d, lg) for d, lg, _ in groups] == [("000_resena_es", "es"), ("001_plot_en", "en"), ("002_trama_it", "it")]
    blocks = text.details_markdown(e, STORY.docs)
    assert len(blocks) == 3 + 3 and "Spanish" in blocks[3]


def test_table_frame_is_plain():
    tbl = text.table_frame(STORY.events)
    assert len(tbl) == 30 and tbl["Characters"].map(type).eq(str).all()
    assert set(tbl["≈"]) == {"", "≈", "—"}


@pytest.mark.parametrize("date, precision, shown", [
    ("1957-01-01", "year", "1957"), ("1950-01-01", "decade", "1950"), ("1957-10-01", "month", "1957-10"),
    ("1957-10-04", "day", "1957-10-04"), (None, "unknown", ""), ("-0044-03-15", "day", "-0044-03-15"),
])
def test_the_table_shows_a_date_at_its_stated_precision(date, precision, shown):
    from dashboard import text
    assert text.table_date(date, precision) == shown


@pytest.mark.parametrize("stem, body, label", [
    ("002_92fda2849280da6a", "La bottega dell'orologiaio\n\nNel paese ...", "La bottega dell'orologiaio"),
    ("001_plot_en", "Whatever", "001_plot_en"),
    ("notes", None, "notes"),
    ("003_1c3e1ff2f1fa35f1", None, "003_1c3e1ff2f1fa35f1"),   # no text to name it by
])
def test_sources_are_labelled_by_a_readable_document_name(stem, body, label):
    from dashboard import text
    assert text.doc_label(stem, body) == label


def test_the_table_marks_a_headline_no_source_tells_in_the_interface_language():
    """One language at a time: in the Table, as in the timeline, an Italian-only headline says "[IT]" in the
    English interface; one an English source tells has no mark."""
    import pandas as pd
    from dashboard import data, text
    ev = data.prepare(pd.DataFrame([
        {"id": "a", "title": "Ola parte per Torino", "lang": "it", "titles": {"it": "Ola parte per Torino"}, "order": 1},
        {"id": "b", "title": "Ola comes home", "lang": "en", "titles": {"en": "Ola comes home"}, "order": 2}]))
    assert list(text.table_frame(ev, "en")["Headline"]) == ["Ola parte per Torino [IT]", "Ola comes home"]
    assert list(text.table_frame(ev, "it")["Headline"]) == ["Ola parte per Torino", "Ola comes home [EN]"]
