"""An event its own words put in a century or a part of one ("A principios del siglo XX fundó ...",
"Alla fine del XIX secolo ...", "In the mid-20th century ...") gets those years as its interval, not the
previous event's date; after a stated date inside that span it starts there. A century naming who someone
was ("two early 19th century sculptors") dates nothing."""
from __future__ import annotations

import pytest

from tests.test_dates_anchors import make_multi

CASES = [
    ("es", ["Lucía Ferrán nació en 1850.", "A principios del siglo XX fundó una escuela de música."],
     ("1900", "1933")),
    ("it", ["Lucia Ferrani nacque nel 1850.", "All'inizio del Novecento fondò una scuola di musica."],
     ("1900", "1933")),
    ("en", ["Lucy Farran was born in 1850.", "In the mid-20th century she founded a music school."],
     ("1933", "1966")),
    # told after a stated date inside the span: not before that date
    ("it", ["Lucia Ferrani nacque il 3 maggio 1871.", "Alla fine del XIX secolo fondò una scuola di musica."],
     ("1871-05-03", "1899")),
    ("es", ["Lucía Ferrán nació en 1871.", "A finales del siglo XIX fundó una escuela de música."],
     ("1871", "1899")),
]


@pytest.mark.parametrize("lang,sentences,want", CASES)
def test_century_part_is_the_event_interval(lang, sentences, want):
    ev = make_multi([(f"d_{lang}", lang, sentences)]).events[-1]
    assert (ev.date_precision, ev.date_from, ev.date_to) == ("interval", *want)


@pytest.mark.parametrize("lang,sentences", [
    ("en", ["Lucy Farran was born in 1850.", "She copied the work of two early 19th century sculptors."]),
    ("es", ["Lucía Ferrán nació en 1850.", "Copió la obra de dos escultores del siglo XIX."]),
])
def test_century_naming_who_dates_nothing(lang, sentences):
    ev = make_multi([(f"d_{lang}", lang, sentences)]).events[-1]
    assert not (ev.date_from or "").startswith("18") or ev.date_from >= "1850"
