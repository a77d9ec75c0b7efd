"""Ordinary words, ages, measures and titles never become dates."""
from __future__ import annotations

import pytest

from pipeline import temporal

NO_TIMEX = [
    ("en", "Filled with awe and a belief that this may be his chance out of Coalwood."),
    ("en", "Now the gang must learn to perfect their craft."),
    ("en", "Jake Gyllenhaal was around 19, when this movie was released."),
    ("en", "The rocket reached an altitude of 30,000 feet (9,100 m) higher than Everest."),
    ("en", 'Jumanji & Jurassic Park 3 & "October Sky" surely stands above all of his other films.'),
    ("en", "News of the launch of Sputnik 1 reaches Coalwood."),
    ("en", "Seventeen-year-old Rose boards the ship."),
    ("en", "Rose, now 100 years old, sees the drawing."),
    ("en", "Today the film is a classic and I may watch it again."),
    ("en", "Initially, his family and later his classmates think he has gone crazy."),
    ("en", "In May they hope for rain."),
    ("en", "The soldiers march 3 miles each morning."),
    ("en", "The town had 2000 people and one mine."),
    ("en", "Whether the truce will last may depend on the harvest."),  # "last may": no month
    ("es", "Ahora la pandilla debe aprender a perfeccionar su oficio."),
    ("es", "Jake Gyllenhaal fue alrededor de 19, cuando se lanzó esta película."),
    ("es", 'Sin dudas, "October Sky" es su mejor esfuerzo.'),
    ("es", "Llegó a 19 años sin ver el mar."),
    ("es", "El cohete alcanzó 9.100 metros de altura."),
    ("es", "La noticia del lanzamiento del Sputnik 1 llega."),
    ("it", "Ora la banda deve imparare a perfezionare il proprio mestiere."),
    ("it", "Il razzo raggiunse i 9.100 metri di quota."),
    ("it", "Il razzo raggiunse 9,100 m di quota."),
    ("it", "La notizia del lancio dello Sputnik 1 raggiunge la città."),
    ("it", "Che in seguito si era trasferito sottoterra."),  # relative, but no anchor "si"
]


DATED = ("date", "month", "season", "year", "decade", "underspecified")


@pytest.mark.parametrize("lang,sentence", NO_TIMEX[:-1])
def test_no_false_time_expressions(lang, sentence):
    # "Now", "Today", "each morning" are time expressions (PRESENT_REF, a set) but never a date
    got = temporal.extract(sentence, lang)
    assert [(t["text"], t["kind"]) for t in got if t.get("value") or t["kind"] in DATED] == []
    assert [t["text"] for t in got if t["kind"] in ("duration", "age")] == []


def test_a_pronoun_after_a_relative_cue_is_not_an_anchor():
    [t] = temporal.extract(NO_TIMEX[-1][1], "it")
    assert (t["text"], t["anchor"]) == ("in seguito", None)


@pytest.mark.parametrize("lang,sentence,word", [
    ("en", "Now the gang must learn to perfect their craft.", "Now"),
    ("es", "Ahora la pandilla debe aprender a perfeccionar su oficio.", "Ahora"),
    ("it", "Ora la banda deve imparare a perfezionare il proprio mestiere.", "Ora"),
])
def test_now_is_the_present_and_no_date(lang, sentence, word):
    [t] = temporal.extract(sentence, lang)
    assert (t["text"], t["type"], t["timeml"], t.get("value")) == (word, "DATE", "PRESENT_REF", None)


@pytest.mark.parametrize("lang,sentence", [
    ("en", 'They watched "In October 1957" at the cinema.'),
    ("es", 'Vieron "En octubre de 1957" en el cine.'),
    ("it", 'Hanno visto "Nell\'ottobre del 1957" al cinema.'),
])
def test_expressions_inside_quoted_titles_are_ignored(lang, sentence):
    assert [t for t in temporal.extract(sentence, lang) if t["kind"] != "relative"] == []
