"""Interface in English, Spanish and Italian; event text in the chosen language when it exists."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import nav_titles
from dashboard import i18n

ROOT = Path(__file__).resolve().parent.parent
LABELS = {lg: json.loads((ROOT / "dashboard" / "labels" / f"{lg}.json").read_text(encoding="utf-8"))
          for lg in i18n.LANGS}


def test_every_key_in_every_language():
    keys = set(LABELS["en"])
    for lg, table in LABELS.items():
        assert set(table) == keys, (lg, keys ^ set(table))
        for k, v in table.items():
            assert v, (lg, k)
            if isinstance(v, str):    # same placeholders in every language
                assert set(re.findall(r"{(\w+)}", v)) == set(re.findall(r"{(\w+)}", LABELS["en"][k])), (lg, k)


def test_every_label_used_in_code_exists():
    files = [ROOT / "app.py", ROOT / "dashboard" / "curate.py", *sorted((ROOT / "views").glob("*.py"))]
    code = "".join(p.read_text(encoding="utf-8") for p in files)
    used = set(re.findall(r"""\bt\(["']([\w.]+)["']""", code))
    assert used and not [k for k in used if not k.endswith((".", "_")) and k not in LABELS["en"]]


@pytest.mark.parametrize("header, lang", [("es-ES,es;q=0.9,en;q=0.8", "es"), ("it-IT", "it"), ("fr-FR,it;q=0.5", "it"),
                                          ("de-DE", "en"), (None, "en"), ("en-US,es;q=0.9", "en")])
def test_browser_language_negotiation(header, lang):
    assert i18n.negotiate(header) == lang


@pytest.mark.parametrize("lang, view_label, count", [("en", "Timeline", "21 of 30 events"),
                                                     ("es", "Línea de tiempo", "21 de 30 eventos"),
                                                     ("it", "Linea del tempo", "21 di 30 eventi")])
def test_ui_language_from_url(sample_story, make_app, lang, view_label, count):
    at = make_app(story=sample_story, ui=lang)
    assert not at.exception
    assert nav_titles(at)[0] == view_label
    assert any(count in c.value for c in at.caption)


def test_switching_language_changes_labels_and_keeps_filters(sample_story, make_app):
    at = make_app(story=sample_story)
    at.multiselect(key="f_chars").set_value(["Luca Bellini"]).run()
    # a filter change reruns only the chart's fragment; AppTest's tree then holds only what it redrew (a
    # browser keeps the rest), so the sidebar is reached after a plain rerun
    at.run()
    assert at.button(key="x_prepare").label == "Prepare the file"
    at.selectbox(key="ui").set_value("es").run()
    assert not at.exception
    assert at.button(key="x_prepare").label == "Preparar el archivo"
    assert at.multiselect(key="f_chars").value == ["Luca Bellini"]
    assert any("2 de 30 eventos" in c.value for c in at.caption)
    assert at.query_params["ui"] in ("es", ["es"])


@pytest.mark.parametrize("lang", ["es", "it"])
def test_event_text_in_the_chosen_language(sample_story, library_root, make_app, lang):
    # give one event a headline and summary in each language, as the pipeline does
    from dashboard import library
    store = library.store(library_root)
    events, cast, fingerprint = store.output(sample_story)
    e = next(x for x in events if x["id"] == "e005")
    e["titles"] = {"en": e["title"], "es": "Marta sube al campanario de noche", "it": "Marta sale sul campanile di notte"}
    e["summaries"] = {"en": e["summary"], "es": "Resumen en español.", "it": "Riassunto in italiano."}
    store.put_output(sample_story, (events, cast), fingerprint)
    at = make_app(story=sample_story, ev="e005", ui=lang)
    text = "\n".join(m.value for m in at.markdown)
    assert e["titles"][lang] in text and e["summaries"][lang].replace(".", "\\.") in text
    # an event without text in that language keeps its own headline
    at.selectbox(key="event_pick").set_value("e019").run()
    assert "travels alone to Rome" in "\n".join(m.value for m in at.markdown)
