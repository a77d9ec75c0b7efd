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
