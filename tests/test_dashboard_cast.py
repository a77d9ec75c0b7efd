"""The Cast table as a teacher reads it: documents by their titles, the columns and the reasons in the
interface language, the quoted words of the story left as the story wrote them."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard import cast


def frames():
    chars = pd.DataFrame([{"name": "Ola Brun", "aliases": ["Ola"], "actor": "Ida Lind", "mentions": 4,
                           "docs": ["002_92fda2849280da6a", "notes_en"],
                           "evidence": ["given name", "subject of 'decide'", "played by Ida Lind", "a new reason"]}])
    events = pd.DataFrame({"characters": [["Ola Brun"], []]})
    docs = {"002_92fda2849280da6a": "The lighthouse keeper's year\n\nOla Brun decides to stay.", "notes_en": "x"}
    return chars, events, docs


def test_documents_are_named_by_their_titles_never_by_machine_file_names():
    chars, events, docs = frames()
    row = cast.cast_table(chars, events, ["Ola Brun"], docs).iloc[0]
    assert row["Documents"] == "The lighthouse keeper's year, notes_en"   # a name the user gave stays
    assert row["Events"] == 1


@pytest.mark.parametrize("lang, expected", [
    ("en", "given name; subject of 'decide'; played by Ida Lind; a new reason"),
    ("es", "nombre de pila; sujeto de 'decide'; interpretado por Ida Lind; a new reason"),
    ("it", "nome di battesimo; soggetto di 'decide'; interpretato da Ida Lind; a new reason")])
def test_why_a_name_is_in_the_cast_reads_in_the_interface_language(lang, expected):
    chars, events, docs = frames()
    assert cast.cast_table(chars, events, ["Ola Brun"], docs, lang).iloc[0]["Why"] == expected


def test_names_left_out_say_their_kind_and_reason_in_the_interface_language():
    chars, _, _ = frames()
    left = cast.left_out_table([{"name": "Kestria", "kind": "place", "reason": "a place (after a place word)"},
                                {"name": "Durata", "kind": "thing", "reason": "page furniture (a label)"}],
                               chars, [{"op": "exclude_character", "name": "Mira Holt"}], "es")
    assert left.to_dict("records") == [
        {"Name": "Mira Holt", "Kind": "", "Why": "quitado del reparto por un profesor"},
        {"Name": "Kestria", "Kind": "lugar", "Why": "un lugar (tras una palabra de lugar)"},
        {"Name": "Durata", "Kind": "cosa", "Why": "elemento de la página (una etiqueta)"}]


def test_every_reason_the_pipeline_gives_has_a_spanish_and_an_italian_wording():
    from dashboard.i18n import labels
    from pipeline import characters_kinds as ev
    from pipeline import characters_scan as sc
    reasons = set(ev._REASONS.values()) | {ev.reason(sc.THING, {sc.LABEL: 1, sc.PART: 0})}
    for lang in ("es", "it"):
        untranslated = [r for r in reasons if cast.why_text(r, lang) == r]
        assert untranslated == [], lang
        assert {k for k in labels("en") if k.startswith("why.")} <= set(labels(lang))
