"""Time expressions found by rule and normalised, per language: phrase -> kind, value, precision, fields."""
from __future__ import annotations

import pytest

from pipeline import temporal
from pipeline.model import Document, Sentence, Story


def only(text: str, lang: str) -> dict:
    found = temporal.extract(text, lang)
    assert len(found) == 1, found
    return found[0]


def phrase(t: dict, sentence: str) -> str:
    """The whole phrase: lead word + TimeML span (+ relative tail); the span itself never holds the lead."""
    whole = sentence[t["pstart"]:t["pend"]]
    assert sentence[t["start"]:t["end"]] == t["text"] and t["text"] in whole
    if t["lead"]:
        assert whole.startswith(t["lead"]) and not t["text"].startswith(t["lead"] + " ")
    return whole


EXPLICIT = [
    # lang, sentence, expression text, kind, value, precision
    ("en", "On March 3, 1921, the treaty was signed.", "On March 3, 1921", "date", "1921-03-03", "day"),
    ("en", "He was born on 3 March 1921 in Ohio.", "on 3 March 1921", "date", "1921-03-03", "day"),
    ("en", "The ship sank on April 14, 1912.", "on April 14, 1912", "date", "1912-04-14", "day"),
    ("en", "It sinks in the early hours of April 15, 1912.", "in the early hours of April 15, 1912", "date",
     "1912-04-15", "day"),
    ("en", "The letter is dated 14/04/1912 in pencil.", "14/04/1912", "date", "1912-04-14", "day"),
    ("en", "May 5, 1999 was the day.", "May 5, 1999", "date", "1999-05-05", "day"),
    ("en", "Sputnik flew in October 1957.", "in October 1957", "month", "1957-10-01", "month"),
    ("en", "They met in the summer of 1969.", "in the summer of 1969", "season", "1969-06-01", "season"),
    ("en", "The mine opened in 1957.", "in 1957", "year", "1957-01-01", "year"),
    ("en", "The film is set in the year 1957.", "in the year 1957", "year", "1957-01-01", "year"),
    ("en", "He lost everything in the 1929 crash.", "the 1929", "year", "1929-01-01", "year"),
    ("en", "Life in the 1950s was hard.", "in the 1950s", "decade", "1950-01-01", "decade"),
    ("en", "Music of the '50s plays.", "of the '50s", "decade", "1950-01-01", "decade"),
    ("es", "El 9 de julio de 1816 se declaró la independencia.", "El 9 de julio de 1816", "date", "1816-07-09", "day"),
    ("es", "El barco se hundió el 15 de abril de 1912.", "el 15 de abril de 1912", "date", "1912-04-15", "day"),
    ("es", "La noche del 14 de abril de 1912, el barco choca.", "La noche del 14 de abril de 1912", "date",
     "1912-04-14", "day"),
    ("es", "El satélite voló en octubre de 1957.", "en octubre de 1957", "month", "1957-10-01", "month"),
    ("es", "Se conocieron en el verano de 1969.", "en el verano de 1969", "season", "1969-06-01", "season"),
    ("es", "La mina abrió en 1957.", "en 1957", "year", "1957-01-01", "year"),
    ("es", "Es el viaje del 1912.", "del 1912", "year", "1912-01-01", "year"),
    ("es", "Una ciudad en los años 50.", "en los años 50", "decade", "1950-01-01", "decade"),
    ("es", "Ocurre en la década de 1950.", "en la década de 1950", "decade", "1950-01-01", "decade"),
    ("it", "Il 2 giugno 1946 si vota.", "Il 2 giugno 1946", "date", "1946-06-02", "day"),
    ("it", "Nella notte tra il 14 e il 15 aprile 1912 la nave affonda.", "Nella notte tra il 14 e il 15 aprile 1912",
     "date", "1912-04-14", "day"),
    ("it", "Tutto cambia nell'ottobre del 1957.", "nell'ottobre del 1957", "month", "1957-10-01", "month"),
    ("it", "Tutto cambia in ottobre 1957.", "in ottobre 1957", "month", "1957-10-01", "month"),
    ("it", "Si conobbero nell'estate del 1969.", "nell'estate del 1969", "season", "1969-06-01", "season"),
    ("it", "La miniera apre nel 1957.", "nel 1957", "year", "1957-01-01", "year"),
    ("it", "Il film è uscito nel 1997.", "nel 1997", "year", "1997-01-01", "year"),
    ("it", "Una città degli anni '50 chiamata Coalwood.", "degli anni '50", "decade", "1950-01-01", "decade"),
    ("it", "Negli anni '50 tutto cambia.", "Negli anni '50", "decade", "1950-01-01", "decade"),
    ("it", "Sono gli anni Cinquanta.", "gli anni Cinquanta", "decade", "1950-01-01", "decade"),
]


@pytest.mark.parametrize("lang,sentence,text,kind,value,precision", EXPLICIT)
def test_explicit_expressions_are_found_and_normalised(lang, sentence, text, kind, value, precision):
    t = only(sentence, lang)
    assert (phrase(t, sentence), t["kind"], t["value"], t["precision"]) == (text, kind, value, precision)


UNDERSPECIFIED = [
    ("en", "In October, news reaches the town.", "In October", 10, None),
    ("en", "On March 3 they sail.", "On March 3", 3, 3),
    ("es", "En octubre, la noticia llega.", "En octubre", 10, None),
    ("es", "Llegan el 9 de julio al puerto.", "el 9 de julio", 7, 9),
    ("it", "A ottobre la notizia arriva.", "A ottobre", 10, None),
    ("it", "Nell'ottobre la notizia arriva.", "Nell'ottobre", 10, None),
]


@pytest.mark.parametrize("lang,sentence,text,month,day", UNDERSPECIFIED)
def test_underspecified_expressions_keep_their_parts_and_no_value(lang, sentence, text, month, day):
    t = only(sentence, lang)
    assert (phrase(t, sentence), t["kind"], t.get("value"), t.get("month"), t.get("day")) == (
        text, "underspecified", None, month, day)


RELATIVE = [
    # lang, sentence, text, direction, amount, unit, anchor
    ("en", "The next day, they are arrested.", "The next day", "after", 1, "day", None),
    ("en", "The following morning Anna leaves.", "The following morning", "after", 1, "day", None),
    ("en", "That night, the ship strikes an iceberg.", "That night", "same", 0, "day", None),
    ("en", "Jack takes Rose to a party that evening.", "that evening", "same", 0, "day", None),
    ("en", "Overnight, someone steals the nozzle.", "Overnight", "after", None, "hour", None),
    ("en", "Later, Homer is inspired.", "Later", "after", None, "moment", None),
    ("en", "Years later, Cal loses his fortune.", "Years later", "after", None, "year", None),
    ("en", "A few months later they marry.", "A few months later", "after", None, "month", None),
    ("en", "She ran away three days before the wedding.", "three days before the wedding", "before", 3, "day",
     "the wedding"),
    ("en", "Two weeks after, he returns.", "Two weeks after", "after", 2, "week", None),
    ("en", "Minutes before departure, Jack wins a ticket.", "Minutes before departure", "before", None, "minute",
     "departure"),
    ("es", "Al día siguiente, los arrestan.", "Al día siguiente", "after", 1, "day", None),
    ("es", "Esa noche, el barco choca.", "Esa noche", "same", 0, "day", None),
    ("es", "Días después, Jack la salva.", "Días después", "after", None, "day", None),
    ("es", "Huyó tres días antes de la boda.", "tres días antes de la boda", "before", 3, "day", "la boda"),
    ("es", "Gana su pasaje pocos minutos antes de zarpar.", "pocos minutos antes de zarpar", "before", None,
     "minute", "zarpar"),
    ("es", "Años más tarde, Cal pierde su fortuna.", "Años más tarde", "after", None, "year", None),
    ("it", "Il giorno dopo vengono arrestati.", "Il giorno dopo", "after", 1, "day", None),
    ("it", "Quella notte la nave affonda.", "Quella notte", "same", 0, "day", None),
    ("it", "Tre giorni dopo tornano a casa.", "Tre giorni dopo", "after", 3, "day", None),
    ("it", "Qualche mese dopo si sposano.", "Qualche mese dopo", "after", None, "month", None),
    ("it", "Anni dopo Cal perde tutto.", "Anni dopo", "after", None, "year", None),
    ("it", "In seguito, Homer costruisce razzi.", "In seguito", "after", None, "moment", None),
    ("it", "Un'ora dopo la nave affonda.", "Un'ora dopo", "after", 1, "hour", None),
]


@pytest.mark.parametrize("lang,sentence,text,direction,amount,unit,anchor", RELATIVE)
def test_relative_expressions_give_direction_amount_unit_anchor(lang, sentence, text, direction, amount, unit, anchor):
    t = only(sentence, lang)
    assert (phrase(t, sentence), t["kind"], t["precision"]) == (text, "relative", "relative")
    assert (t["direction"], t["amount"], t["unit"], t["anchor"]) == (direction, amount, unit, anchor)


@pytest.mark.parametrize("lang,sentence", [
    ("en", "Back in 1996, that night, the old Rose walks to the stern."),
    ("es", "De vuelta en 1996, esa noche, la anciana Rose camina."),
    ("it", "Tornati nel 1996, quella notte, la vecchia Rose cammina."),
])
def test_year_and_relative_in_one_sentence_are_both_found_in_text_order(lang, sentence):
    kinds = [t["kind"] for t in temporal.extract(sentence, lang)]
    assert kinds == ["year", "relative"]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "First line. On April 10, 1912, Rose boards the ship.", "On April 10, 1912"),
    ("es", "Primera línea. El 10 de abril de 1912, Rose sube al barco.", "El 10 de abril de 1912"),
    ("it", "Prima riga. Il 10 aprile 1912 Rose sale sulla nave.", "Il 10 aprile 1912"),
])
def test_run_offsets_point_into_the_clean_document_text(lang, text, expected):
    cut = text.index(". ") + 2
    sents = [Sentence("d", lang, 0, 0, cut - 1, 0, cut - 1, text[:cut - 1]),
             Sentence("d", lang, 1, cut, len(text), cut, len(text), text[cut:])]
    story = Story(docs=[Document("d", "d", text, "utf-8", clean=text, lang=lang)], sentences=sents)
    temporal.run(story)
    [t] = story.timex
    assert (t.doc, t.sent, text[t.phrase_start:t.phrase_end], t.kind) == ("d", 1, expected, "date")
    assert text[t.cstart:t.cend] == t.text and expected.endswith(t.text)


@pytest.mark.parametrize("lang,sentence,value", [
    ("en", "The letter is dated 4/14/1912.", "1912-04-14"),
    ("es", "La carta lleva fecha 14/04/1912.", "1912-04-14"),
    ("it", "La lettera porta la data 14/04/1912.", "1912-04-14"),
])
def test_numeric_dates_follow_the_language_day_month_order(lang, sentence, value):
    t = only(sentence, lang)
    assert (t["kind"], t["value"], t["precision"]) == ("date", value, "day")
