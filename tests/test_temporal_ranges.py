"""Ranges ("between April and June"), "the previous year" and seasons named without a preposition ("that
summer"), per language: what a reader gets from them in a story and in a dated article."""
from __future__ import annotations

import pytest

import pipeline
from pipeline import temporal


def _run(text, lang, day=None):
    return pipeline.run(texts={"d": text}, lang_override={"d": lang}, doc_dates={"d": day} if day else None)


RANGES = [
    # lang, sentence, (first span, its lead), (second span, its lead)
    ("en", "The Oslen economy shrank between April and June.", ("April", "between"), ("June", "")),
    ("en", "The Oslen mill was closed from April to June 1943.", ("April", "from"), ("June 1943", "to")),
    ("es", "La economía de Osel se contrajo entre abril y junio.", ("abril", "entre"), ("junio", "")),
    ("es", "El molino de Osel estuvo cerrado de abril a junio de 1943.", ("abril", "de"), ("junio de 1943", "a")),
    ("it", "L'economia di Osella si è contratta tra aprile e giugno.", ("aprile", "tra"), ("giugno", "")),
    ("it", "Il mulino di Osella restò chiuso da aprile a giugno del 1943.", ("aprile", "da"),
     ("giugno del 1943", "a")),
    ("en", "The Oslen mill was closed between 1914 and 1918.", ("1914", "between"), ("1918", "")),
    ("es", "El molino de Osel estuvo cerrado entre 1914 y 1918.", ("1914", "entre"), ("1918", "")),
    ("it", "Il mulino di Osella restò chiuso tra il 1914 e il 1918.", ("il 1914", "tra"), ("il 1918", "")),
]


@pytest.mark.parametrize("lang,sentence,first,second", RANGES)
def test_both_ends_of_a_range_are_found_with_their_leads_outside(lang, sentence, first, second):
    got = [(t["text"], t["lead"], t["range"]) for t in temporal.extract(sentence, lang)]
    assert got == [(first[0], first[1], "start"), (second[0], second[1], "end")]


@pytest.mark.parametrize("lang,sentence", [
    ("en", "Between 1500 and 2000 soldiers died at Oslen."),
    ("es", "Entre 1500 y 2000 soldados murieron en Osel."),
    ("en", "Between 1990 and 2000 people left Oslen."),
])
def test_a_range_of_counts_is_no_range_of_years(lang, sentence):
    assert [t["text"] for t in temporal.extract(sentence, lang) if t["kind"] == "year"] == []


def test_a_day_and_month_opening_a_range_takes_the_year_that_closes_it():
    got = temporal.extract("Desde el 3 de marzo hasta el 5 de abril de 1943 el molino estuvo cerrado.", "es")
    assert [(t["value"], t["range"]) for t in got] == [("1943-03-03", "start"), ("1943-04-05", "end")]


@pytest.mark.parametrize("lang,sentence", [(lang, s) for lang, s, a, b in RANGES
                                           if b[0][-4:].isdigit() and not a[0][-4:].isdigit()])
def test_a_year_stated_at_the_end_of_a_range_dates_both_ends(lang, sentence):
    assert [t["value"] for t in temporal.extract(sentence, lang)] == ["1943-04-01", "1943-06-01"]


@pytest.mark.parametrize("lang,text", [
    ("en", "In 1943 the war reached Varn. Between April and June the river flooded the mill."),
    ("es", "En 1943 la guerra llegó a Varn. Entre abril y junio el río inundó el molino."),
    ("it", "Nel 1943 la guerra arrivò a Varn. Tra aprile e giugno il fiume allagò il mulino."),
])
def test_an_event_told_between_two_months_gets_that_interval(lang, text):
    ev = _run(text, lang).events[-1]
    assert (ev.date_from, ev.date_to, ev.date_precision) == ("1943-04", "1943-06", "interval")


@pytest.mark.parametrize("lang,text", [
    ("en", "The Oslen mill was closed between 1914 and 1918."),
    ("es", "El molino de Osel estuvo cerrado entre 1914 y 1918."),
    ("it", "Il mulino di Osella restò chiuso tra il 1914 e il 1918."),
])
def test_an_event_told_between_two_years_gets_that_interval(lang, text):
    [ev] = _run(text, lang).events
    assert (ev.date_from, ev.date_to, ev.date_precision) == ("1914", "1918", "interval")
    assert not ev.title.lower().startswith(("june", "junio", "giugno"))  # the whole range is cut from the headline


PREVIOUS = [
    ("en", "The mill at Varn closed in 1912. The previous year it had lost money."),
    ("es", "El molino de Varn cerró en 1912. El año anterior había perdido dinero."),
    ("it", "Il mulino di Varn chiuse nel 1912. L'anno precedente aveva perso denaro."),
]


@pytest.mark.parametrize("lang,text", PREVIOUS)
def test_the_previous_year_in_a_story_is_the_year_before_the_stated_one(lang, text):
    story = _run(text, lang)
    assert [e.date[:4] for e in sorted(story.events, key=lambda e: e.told)] == ["1912", "1911"]


COMPARED = [
    # a dated article: the comparison counts from the clause's own date (or the article's), the event keeps its date
    ("en", "Velkin cut its costs last year, more than the previous year.", "the previous year", "2009"),
    ("en", "Velkin cut its costs last year, $19 million more than the year previous.", "the year previous", "2009"),
    ("es", "Velkin redujo sus costes el año pasado, más que el año anterior.", "el año anterior", "2009"),
    ("it", "Velkin ha ridotto i costi l'anno scorso, più dell'anno precedente.", "anno precedente", "2009"),
]


@pytest.mark.parametrize("lang,text,span,event_year", COMPARED)
def test_the_previous_year_in_a_dated_article_counts_from_the_clause_s_date(lang, text, span, event_year):
    story = _run(text, lang, "2010-01-28")
    [t] = [t for t in story.timex if t.text == span]
    assert t.value[:4] == "2008"
    assert [e.date[:4] for e in story.events] == [event_year]


def test_the_previous_year_with_nothing_before_it_counts_from_the_article_s_date_and_dates_no_event():
    story = _run("Velkin sales dropped 42% from the previous year.", "en", "2009-02-03")
    [t] = [t for t in story.timex if t.text == "the previous year"]
    assert t.value[:4] == "2008"
    assert [e.date for e in story.events] == [None]
    assert _run("Velkin sales dropped 42% from the previous year.", "en").timex[0].value is None


SEASONS = [
    ("en", "On 3 March 1943 the war reached Varn. That summer the river flooded the mill.", "That summer"),
    ("en", "The war reached Varn in 1943. The river flooded the mill that summer.", "that summer"),
    ("es", "El 3 de marzo de 1943 la guerra llegó a Varn. Ese verano el río inundó el molino.", "Ese verano"),
    ("es", "En 1943 la guerra llegó a Varn. El río inundó el molino aquel verano.", "aquel verano"),
    ("it", "Il 3 marzo 1943 la guerra arrivò a Varn. Quell'estate il fiume allagò il mulino.", "Quell'estate"),
    ("it", "Nel 1943 la guerra arrivò a Varn. Il fiume allagò il mulino quell’estate.", "quell’estate"),
]


@pytest.mark.parametrize("lang,text,span", SEASONS)
def test_a_season_named_by_a_demonstrative_is_the_story_s_year_s(lang, text, span):
    story = _run(text, lang)
    [t] = [t for t in story.timex if t.text == span]
    assert (t.value, t.precision) == ("1943-06-01", "season")
    assert sorted(story.events, key=lambda e: e.told)[-1].date == "1943-06-01"


@pytest.mark.parametrize("lang,text,span,value", [
    ("en", "That summer the Oslen mill lost half its workers.", "That summer", "2009-06-01"),
    ("en", "The Oslen mill will reopen that summer.", "that summer", "2010-06-01"),
    ("es", "Ese verano el molino de Osel perdió la mitad de sus obreros.", "Ese verano", "2009-06-01"),
    ("it", "Quell'estate il mulino di Osella licenziò metà degli operai.", "Quell'estate", "2009-06-01"),
])
def test_a_season_in_a_dated_article_with_no_year_stated_is_placed_by_tense(lang, text, span, value):
    [t] = [t for t in _run(text, lang, "2010-01-20").timex if t.text == span]
    assert t.value == value
    [t] = [t for t in _run(text, lang).timex if t.text == span]
    assert t.value is None


DASHED = [
    # lang, sentence, first span, second span, values
    ("en", "Varo Lenti taught at Osel 1589-91 and then moved on.", "1589", "91", ("1589-01-01", "1591-01-01")),
    ("en", "The Oslen mill stayed closed 1914–1918.", "1914", "1918", ("1914-01-01", "1918-01-01")),
    ("es", "Varo Lenti enseñó en Osel 1592-1610, lejos de su casa.", "1592", "1610", ("1592-01-01", "1610-01-01")),
    ("it", "Varo Lenti insegnò a Osella nel 1915-18.", "1915", "18", ("1915-01-01", "1918-01-01")),
]


@pytest.mark.parametrize("lang,sentence,first,second,values", DASHED)
def test_a_span_of_years_written_with_a_dash_is_a_range(lang, sentence, first, second, values):
    got = [(t["text"], t["range"], t["value"]) for t in temporal.extract(sentence, lang)]
    assert got == [(first, "start", values[0]), (second, "end", values[1])]


@pytest.mark.parametrize("lang,sentence", [
    ("en", "Varo Lenti paid 1500-2000 dollars for the mill."),
    ("en", "The Oslen mill was opened on 1990-12-01."),
    ("en", "Varo Lenti counted 1600-1500 sacks."),
])
def test_a_dash_between_counts_or_inside_a_day_is_no_span_of_years(lang, sentence):
    assert [t for t in temporal.extract(sentence, lang) if t.get("range")] == []


def test_an_event_told_with_a_dashed_span_gets_that_interval():
    story = _run("Varo Lenti was born in 1564. He taught at Osel 1589-91, and at Varn 1592-1610.", "en")
    spans = [(e.date_from, e.date_to) for e in story.events if "taught" in e.sources[0].text or "Varn" in e.sources[0].text]
    assert ("1589", "1591") in spans and ("1592", "1610") in spans


APPROX = [
    ("en", "In about 1482 Varo Lenti moved to Osel.", "1482-01-01"),
    ("en", "Varo Lenti painted the Osel altar c. 1450.", "1450-01-01"),
    ("es", "Alrededor de 1482 Varo Lenti se mudó a Osel.", "1482-01-01"),
    ("it", "Attorno al 1482 Varo Lenti si trasferì a Osella.", "1482-01-01"),
]


@pytest.mark.parametrize("lang,sentence,value", APPROX)
def test_an_approximate_year_is_a_year(lang, sentence, value):
    assert [t["value"] for t in temporal.extract(sentence, lang)] == [value]


@pytest.mark.parametrize("lang,sentence", [
    ("en", "About 1500 soldiers died at Osel."),
    ("en", "The Osel mill ran for about 1500 years."),
    ("es", "Alrededor de 1500 soldados murieron en Osel."),
    ("it", "Circa 1500 soldati morirono a Osella."),
])
def test_an_approximate_count_is_no_year(lang, sentence):
    assert [t for t in temporal.extract(sentence, lang) if t["kind"] == "year"] == []
