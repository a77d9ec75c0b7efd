"""Dates on page lines (a listing's field value, a comment's posting day) never date the story after them."""
import pytest

import pipeline

ROWS = [
    ("es", "Los relojes de Lund (1951)\n- País\n- Italia\n- Estreno en España\n- 05/06/1953\n\n"
           "En una aldea pobre, Tomás Brill busca trabajo durante meses. Su mujer vende las sábanas de la boda.",
     "1953"),
    ("it", "Recensione di Marco Tessi\n\nFeedback: 120 | altri commenti e recensioni di Marco Tessi\n"
           "domenica 14 marzo 2021\n\n"
           "Nella Torino del dopoguerra, Aldo Ferri cerca lavoro da mesi. La moglie vende le lenzuola del corredo.",
     "2021"),
    ("en", "Review by Jane Roe\n\nComments: 12 | more reviews by Jane Roe\nSaturday, March 13, 2021\n\n"
           "In a poor town, Tom Brill looks for work for months. His wife sells the sheets of her dowry.",
     "2021"),
]


@pytest.mark.parametrize("lang,text,page_year", ROWS, ids=[r[0] for r in ROWS])
def test_a_page_date_does_not_date_the_story(lang, text, page_year):
    story = pipeline.run(texts={f"page_{lang}.txt": text})
    told = [e for e in story.events if e.kind == "story"]
    assert told, "the story sentences are events"
    for e in told:
        shown = [e.date or "", e.date_from or "", e.date_to or ""]
        assert not any(v.startswith(page_year) for v in shown), (e.title, shown)
