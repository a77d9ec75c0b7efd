"""A bare day of the month told with a part of the day ("A la mañana del 14", "La mattina del 14", "On the
morning of the 14th") is found as a time expression and takes the month of the narrative, or the next month
once that day has passed; without it the event borrowed the day before's date."""
from __future__ import annotations

import pytest

from tests.test_dates_anchors import make_multi

CASES = [
    ("en", ["On March 9, 1911 the balloon was ready, but the crew waited.",
            "On the morning of the 11th, Rudolph took off and crashed."], "1911-03-11"),
    ("es", ["El 9 de marzo de 1911 el globo estaba listo, pero la tripulación esperó.",
            "A la mañana del 11, Rodrigo despegó y se estrelló."], "1911-03-11"),
    ("it", ["Il 9 marzo 1911 il pallone era pronto, ma l'equipaggio aspettò.",
            "La mattina del 11 Rodolfo decollò e precipitò."], "1911-03-11"),
    # the day has passed: the next month
    ("es", ["El 28 de marzo de 1911 el globo estaba listo.",
            "En la noche del 2, Rodrigo despegó."], "1911-04-02"),
    ("it", ["Il 30 dicembre 1911 il pallone era pronto.",
            "Nella notte del 3 Rodolfo decollò."], "1912-01-03"),
    # "el día 15", "il giorno 15": a bare day named as a day
    ("es", ["El 4 de marzo de 1911 la nave recala en Lanz.", "El día 15 el capitán Orm regresa a Orvi."], "1911-03-15"),
    ("it", ["Il 4 marzo 1911 la nave approda a Lanz.", "Il giorno 15 il capitano Orm torna a Orvi."], "1911-03-15"),
]


@pytest.mark.parametrize("lang,sentences,want", CASES)
def test_bare_day_takes_the_narrative_month(lang, sentences, want):
    story = make_multi([(f"d_{lang}", lang, sentences)])
    ev = story.events[-1]
    assert (ev.date, ev.date_precision) == (want, "day")


@pytest.mark.parametrize("lang,text", [
    ("en", "On the morning of the 14th of May 1911 Rudolph took off."),
    ("es", "La mañana del 14 de mayo de 1911 Rodrigo despegó."),
    ("it", "La mattina del 14 maggio 1911 Rodolfo decollò."),
])
def test_full_date_after_a_part_of_day_still_wins(lang, text):
    story = make_multi([(f"d_{lang}", lang, [text])])
    assert story.events[0].date == "1911-05-14"



# a life summed up in one sentence (birth, then death: two events), then "baptised on 9 May": six days after
# the birth, not the May after the death, and told in that order
LIFE = {
    "es": "Nació en 1902 en Soria el 3 de mayo y murió el 8 de octubre de 1950 en Madrid. "
          "Fue bautizado el 9 de mayo en la iglesia del pueblo.",
    "en": "She was born in 1902 in Soria on 3 May and died on 8 October 1950 in Madrid. "
          "She was baptised on 9 May in the village church.",
    "it": "Nacque nel 1902 a Soria il 3 maggio e morì l'8 ottobre 1950 a Madrid. "
          "Fu battezzata il 9 maggio nella chiesa del paese.",
}


@pytest.mark.parametrize("lang", sorted(LIFE))
def test_day_and_month_after_a_life_summary_steps_from_the_birth(lang):
    import pipeline
    story = pipeline.run(texts={f"d_{lang}": LIFE[lang]}, lang_override={f"d_{lang}": lang})
    dates = [e.date for e in story.events if e.kind == "story"]
    assert dates == ["1902-05-03", "1902-05-09", "1950-10-08"]


# a day told in full, then background of another year, then the same day and month again: that day, not
# the background's year
SAME_DAY = [
    ("es", ["El 4 de julio de 1976 la plaza se llenó de gente.",
            "El puente, construido en 1931 por la ciudad, unía los dos barrios.",
            "El 4 de julio, el alcalde cortó la cinta."]),
    ("it", ["Il 4 luglio 1976 la piazza si riempì di gente.",
            "Il ponte, costruito nel 1931 dal comune, univa i due quartieri.",
            "Il 4 luglio il sindaco tagliò il nastro."]),
]


@pytest.mark.parametrize("lang,sentences", SAME_DAY)
def test_a_day_already_stated_in_full_is_that_day_again(lang, sentences):
    story = make_multi([(f"d_{lang}", lang, sentences)])
    ev = max(story.events, key=lambda e: e.sources[0].start)
    assert ev.date == "1976-07-04"
