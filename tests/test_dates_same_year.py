"""'of the same year' after a month names the year last stated (in its sentence or before), never the next
year the document goes on to state."""
import pytest

import pipeline

ROWS = [
    ("en", "Lund was invaded on 1 September 1939 and Tarn on 17 September of the same year. "
           "In 1940 the war reached the coast.", "17 September of the same year", "1939-09-17"),
    ("es", "Lund fue invadida el 1 de septiembre de 1939 y Tarn el 17 de noviembre del mismo año. "
           "En 1940 la guerra llegó a la costa.", "el 17 de noviembre del mismo año", "1939-11-17"),
    ("it", "Lund fu invasa il 1 settembre 1939 e Tarn il 17 settembre dello stesso anno. "
           "Nel 1940 la guerra raggiunse la costa.", "il 17 settembre dello stesso anno", "1939-09-17"),
]


@pytest.mark.parametrize("lang,text,expr,want", ROWS, ids=[r[0] for r in ROWS])
def test_the_same_year_is_the_year_last_stated(lang, text, expr, want):
    story = pipeline.run(texts={f"war_{lang}.txt": text})
    t = next(t for t in story.timex if t.text == expr)
    assert t.value == want
