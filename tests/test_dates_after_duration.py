""""After three months" counts from the story's date as "three months later" does: the event is three months
on, not at the last date told. The time expression itself stays a DURATION (TimeML leaves "after" out)."""
from __future__ import annotations

import pytest

import pipeline

AFTER = [
    ("en", "The fleet left Osel on 20 September 1519. In December, they reached Tarsa. After three months of "
           "searching, storms forced the fleet to stop.", "storms"),
    ("es", "La flota salió de Osel el 20 de septiembre de 1519. En diciembre llegaron a Tarsa. Tras tres meses de "
           "búsqueda, las tormentas detuvieron la flota.", "tormentas"),
    ("es", "La flota salió de Osel el 20 de septiembre de 1519. En diciembre llegaron a Tarsa. Al cabo de tres "
           "meses, las tormentas detuvieron la flota.", "tormentas"),
    ("it", "La flotta lasciò Osel il 20 settembre 1519. A dicembre raggiunse Tarsa. Dopo tre mesi di ricerche, le "
           "tempeste fermarono la flotta.", "tempeste"),
]


@pytest.mark.parametrize("lang,text,word", AFTER)
def test_after_a_duration_is_that_long_after_the_story_date(lang, text, word):
    story = pipeline.run(texts={"d": text}, lang_override={"d": lang})
    (ev,) = [e for e in story.events if word in e.sources[0].text]
    assert (ev.date or "")[:7] == "1520-03", (ev.date, ev.date_from, ev.date_to)
    assert any(t.type == "DURATION" and t.text.startswith(("three", "tres", "tre")) for t in story.timex)


@pytest.mark.parametrize("lang,text", [
    ("en", "Tom Vell was born in 1950. He lived in Osel for three years. In 1960 he moved to Tarsa."),
    ("it", "Tom Vell nacque nel 1950. Visse a Osel per tre anni. Nel 1960 si trasferì a Tarsa."),
])
def test_a_duration_without_after_dates_nothing(lang, text):
    story = pipeline.run(texts={"d": text}, lang_override={"d": lang})
    (ev,) = [e for e in story.events if "Osel" in e.sources[0].text]
    assert ev.date_from == "1950" and ev.date_to in ("1960", None)


# a fraction of a month is counted in days: the story never crashes on "a month and a half"
@pytest.mark.parametrize("lang,text,day", [
    ("it", "La flotta lasciò Osel il 3 agosto 1492. Dopo un mese e mezzo di navigazione, la flotta raggiunse Tarsa.",
     "1492-09-17"),
    ("en", "The fleet left Osel on 3 August 1492. After two and a half months at sea, the fleet reached Tarsa.",
     "1492-10-17"),
    ("es", "La flota salió de Osel el 3 de agosto de 1492. Tras dos meses y medio de navegación, la flota llegó a "
           "Tarsa.", "1492-10-17"),
])
def test_after_a_fraction_of_a_month_is_counted_in_days(lang, text, day):
    story = pipeline.run(texts={"d": text}, lang_override={"d": lang})
    (ev,) = [e for e in story.events if "Tarsa" in e.sources[0].text]
    assert ev.date == day
