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



# a summary document states the strike's day first; another opens on the century's background
ORDER = [
    ("en", "The weavers' strike began on 4 June 1897.",
     "In the late 19th century the Farran mill employed 300 workers. On 4 June 1897 the weavers walked out."),
    ("es", "La huelga de las tejedoras empezó el 4 de junio de 1897.",
     "A finales del siglo XIX la fábrica Farran empleaba a 300 obreras. El 4 de junio de 1897 las tejedoras "
     "salieron a la calle."),
    ("it", "Lo sciopero delle tessitrici iniziò il 4 giugno 1897.",
     "Alla fine dell’Ottocento la fabbrica Farran dava lavoro a 300 operaie. Il 4 giugno 1897 le tessitrici "
     "uscirono in strada."),
]


@pytest.mark.parametrize("lang,summary,chapter", ORDER)
def test_century_background_sorts_at_its_span_not_after_the_later_date(lang, summary, chapter):
    import pipeline
    story = pipeline.run(texts={f"a_summary_{lang}": summary, f"b_chapter_{lang}": chapter})
    evs = sorted((e for e in story.events if e.kind == "story"), key=lambda e: e.order)
    dated = [e.date for e in evs if e.date]
    assert dated == sorted(dated)  # no date runs backwards against the story order
    assert evs[0].date_precision == "interval" and evs[0].date_to == "1899"
