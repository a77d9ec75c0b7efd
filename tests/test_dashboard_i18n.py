"""Words the builders add themselves (timeline legend and axes, short dates, details headings,
export texts) follow the interface language; English stays the default."""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import SAMPLE
from dashboard import data, export, filters as flt, i18n, text, timeline
from dashboard.palette import character_colors
from pipeline.schema import events_frame

ROOT = Path(__file__).resolve().parent.parent
LABELS = {lg: json.loads((ROOT / "dashboard" / "labels" / f"{lg}.json").read_text(encoding="utf-8"))
          for lg in i18n.LANGS}
STORY = data.load_folder(SAMPLE)
CAST = data.cast_order(STORY.events, STORY.characters)
COLORS = character_colors(CAST)
SHOWN = flt.apply(STORY.events, flt.Filters())
ALL = flt.apply(STORY.events, flt.Filters(kinds=()))      # production/reception events have no characters

# per language: what a reader of that interface must see
WORDS = {
    "en": dict(approx="≈ approximate date or interval", exact="date stated", undated="no date (placed by story order)",
               rows="Story order ↓", date_col="# · date", no_date="no date", day="3 Mar 1962",
               axis="Story order (#n = place in the story; evenly spaced) →", nobody="(no character)",
               chars="Characters:", date_head="**Date:**", month_line="May 1962 (month)", source_lang="· Italian",
               unknown="date unknown", step="Step 1", all_chars="All characters", sources="Sources:",
               long_day="4 October 1957", decade="1960s"),
    "es": dict(approx="≈ fecha aproximada o intervalo", exact="fecha indicada", undated="sin fecha (situado por el orden de la historia)",
               rows="Orden de la historia ↓", date_col="# · fecha", no_date="sin fecha", day="3 mar 1962",
               axis="Orden de la historia (#n = lugar en la historia; espaciado regular) →", nobody="(sin personaje)",
               chars="Personajes:", date_head="**Fecha:**", month_line="mayo de 1962 (mes)", source_lang="· italiano",
               unknown="fecha desconocida", step="Paso 1", all_chars="Todos los personajes", sources="Fuentes:",
               long_day="4 de octubre de 1957", decade="década de 1960"),
    "it": dict(approx="≈ data approssimativa o intervallo", exact="data indicata", undated="senza data (collocato secondo l'ordine della storia)",
               rows="Ordine della storia ↓", date_col="# · data", no_date="senza data", day="3 mar 1962",
               axis="Ordine della storia (#n = posizione nella storia; spaziatura regolare) →", nobody="(nessun personaggio)",
               chars="Personaggi:", date_head="**Data:**", month_line="maggio 1962 (mese)", source_lang="· italiano",
               unknown="data sconosciuta", step="Passo 1", all_chars="Tutti i personaggi", sources="Fonti:",
               long_day="4 ottobre 1957", decade="anni 1960"),
}
LANGS = list(WORDS)


def plain(s: str) -> str:
    return re.sub(r"<[^>]+>", "", s)


def build(events=SHOWN, **kw):
    return timeline.build_timeline(events, cast=CAST, colors=COLORS, **kw)


def legend(fig) -> set[str]:
    return {t.name for t in fig.data if t.showlegend is not False and t.name}


def event(eid: str) -> dict:
    return STORY.events[STORY.events["id"] == eid].iloc[0].to_dict()


# ---------------------------------------------------------------- label files

def test_every_builder_label_exists_in_all_three_languages():
    code = "".join((ROOT / "dashboard" / f).read_text(encoding="utf-8")
                   for f in ("timeline.py", "rows.py", "text.py", "export.py"))
    used = {k for k in re.findall(r"""\b_?t(?:_or|_list)?\(\s*["']([\w.]+)["']""", code) if not k.endswith(".")}
    # keys built at run time: one per marker status and per axis mode
    used |= {f"tl.legend.{s}" for s in timeline.SYMBOLS} | {f"tl.{k}.{m}" for k in ("rows", "xaxis")
                                                            for m in timeline.X_MODES}
    assert {"ex.date_unknown", "tl.date_col", "tl.legend.approx", "tl.rows.sequence"} <= used
    for lg, table in LABELS.items():
        assert not sorted(used - set(table)), lg
        assert len(table["months_short"]) == 12 and len(table["months"]) == 12 and len(table["seasons"]) == 4


# ---------------------------------------------------------------- timeline figure

@pytest.mark.parametrize("lang", LANGS)
def test_rows_legend_titles_and_short_dates_in_the_interface_language(lang):
    w = WORDS[lang]
    fig = build(lang=lang)
    assert {w["exact"], w["approx"], w["undated"]} <= legend(fig)
    notes = [a.text for a in fig.layout.annotations]
    assert w["rows"] in notes and w["date_col"] in notes
    left = dict(zip(fig.layout.meta["rows"], [x for t in fig.data if t.name == "dates" for x in t.text]))
    # "#n · date" on one line when it fits the date column, else on two
    cells = {k: plain(v.replace("<br>", "|").replace(" · ", "|")).split("|") for k, v in left.items()}
    assert cells["e004"] == ["#4", w["day"]]
    assert cells["e012"][1] == w["no_date"]
    hover = next(h for t in fig.data if t.name == "events" for h in t.hovertext)
    assert w["chars"] in hover


@pytest.mark.parametrize("lang", LANGS)
def test_strip_axis_title_lanes_and_hover_in_the_interface_language(lang):
    w = WORDS[lang]
    fig = build(ALL, style=timeline.Style(layout="strip"), lang=lang)
    assert plain(fig.layout.xaxis.title.text) == w["axis"]
    assert w["nobody"] in [plain(x) for x in fig.layout.yaxis.ticktext]
    assert timeline.NO_CHARACTER in fig.layout.meta["lanes"]       # the lane id itself is stable
    assert {w["exact"], w["approx"], w["undated"]} <= legend(fig)
    hover = next(h for t in fig.data if t.name == "events" for h in t.hovertext)
    assert w["chars"] in hover


@pytest.mark.parametrize("lang", LANGS)
def test_decade_bands_are_named_in_the_interface_language(lang):
    years = [1950 + 2 * k for k in range(14)]            # > 12 distinct years: bands per decade
    runs = timeline._eras(np.arange(14.0), pd.Series(pd.to_datetime([f"{y}-01-01" for y in years])), lang)
    assert [label for _, _, label in runs] == [i18n.t("date.decade", lang, decade=d) for d in (1950, 1960, 1970)]
    assert runs[1][2] == WORDS[lang]["decade"]


@pytest.mark.parametrize("lang, date, precision, approx, short", [
    ("en", "1957-10-04", "month", False, "Oct 1957"), ("es", "1957-10-04", "month", False, "oct 1957"),
    ("it", "1957-10-04", "month", False, "ott 1957"), ("en", "1962-01-12", "day", True, "≈ 12 Jan 1962"),
    ("es", "1962-01-12", "day", True, "≈ 12 ene 1962"), ("it", "1962-01-12", "day", True, "≈ 12 gen 1962"),
    ("es", "1962-07-01", "season", False, "verano 1962"), ("it", None, "unknown", False, "senza data"),
])
def test_short_dates_use_the_languages_month_abbreviations(lang, date, precision, approx, short):
    if precision == "season" and lang == "es":
        short = "verano de 1962"
    assert text.short_date(date, precision, approx, lang) == short


def test_english_is_the_default_everywhere():
    a, b = build(), build(lang="en")
    assert a.to_json() == b.to_json()
    assert text.details_markdown(event("e007"), STORY.docs) == text.details_markdown(event("e007"), STORY.docs, "en")
    assert text.human_date("1962-05-01", "month") == "May 1962"


# ---------------------------------------------------------------- details

@pytest.mark.parametrize("lang", LANGS)
def test_details_headings_and_dates_in_the_interface_language(lang):
    w = WORDS[lang]
    blocks = text.details_markdown(event("e007"), STORY.docs, lang)
    assert w["date_head"] in blocks[2]
    assert w["month_line"] in blocks[2].replace("\\", "")
    ev = event("e001")
    src = text.details_markdown(ev, STORY.docs, lang)
    assert any(b.startswith("#### ") and w["source_lang"] in b.replace("\\", "") for b in src[3:])
    assert text.human_date("1957-10-04", "day", lang) == w["long_day"]
    assert text.human_date("1964-10-04", "decade", lang) == w["decade"]


@pytest.mark.parametrize("lang, word", [("en", "month"), ("es", "mes"), ("it", "mese")])
def test_table_precision_words(lang, word):
    tbl = text.table_frame(SHOWN, lang)
    assert word in set(tbl["Precision"])


# ---------------------------------------------------------------- exports

def frame(rows) -> pd.DataFrame:
    return events_frame([{"id": f"e{i}", "title": title, "summary": "s", "date": d, "date_precision": p,
                          "date_text": dt, "order": i, "kind": "story", "category": "work", "characters": c,
                          "places": ["Coalwood"], "sources": [{"doc": "d", "lang": "en", "start": 0, "end": 1,
                                                               "text": title}],
                          "told": i, "date_approx": False, "lang": "en"}
                         for i, (title, d, p, dt, c) in enumerate(rows, 1)])


DATED = [("Launch", "1957-10-04", "day", "", ["Homer"]), ("Then", None, "unknown", "", ["Homer", "Quentin"])]
UNDATED = [("A", None, "unknown", "", []), ("B", None, "unknown", "", [])]


@pytest.mark.parametrize("lang", LANGS)
def test_timelinejs_display_dates_are_translated(lang):
    w = WORDS[lang]
    doc = export.timelinejs_json(frame(DATED), lang=lang)
    first, second = doc["events"]
    assert second["start_date"]["display_date"] == w["unknown"]
    # English: TimelineJS formats the date itself; other languages get it written out
    assert first.get("display_date") == (None if lang == "en" else w["long_day"])
    assert w["sources"] in first["text"]["text"] and w["chars"] in first["text"]["text"]
    steps = export.timelinejs_json(frame(UNDATED), lang=lang)
    assert steps["events"][0]["display_date"] == w["step"]
    assert w["unknown"] in export.timelinejs_sheet_csv(frame(DATED), lang=lang)


@pytest.mark.parametrize("lang", LANGS)
def test_offline_dropdown_and_basic_figure_in_the_interface_language(lang):
    w = WORDS[lang]
    df = frame(DATED)
    fig = export.add_character_dropdown(export._basic_figure(df, lang=lang), df, lang=lang)
    assert fig.layout.updatemenus[0].buttons[0].label == w["all_chars"]
    fig = export.timeline_figure_for(df, lang=lang)
    assert {w["exact"], w["undated"]} <= legend(fig)
