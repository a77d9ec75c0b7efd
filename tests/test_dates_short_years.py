"""A year written without century or era ("En el 64", "nel 64", "in 64") is that year when the story states
it in full elsewhere; a section that opens by restating the year retells it from its start."""
import pytest

import pipeline

FULL = {"en": "In A.D. 64 a fire burned the market of Lund.",
        "es": "En el 64 d.C. un incendio quemó el mercado de Lund.",
        "it": "Nel 64 d.C. un incendio distrusse il mercato di Lund."}
SHORT = [("en", "In 64 Ada Vell lived with her mother in Lund.", "Ada Vell lived"),
         ("es", "En el 64 Ada Vell vivía con su madre en Lund.", "Ada Vell vivía"),
         ("it", "Nel 64 Ada Vell viveva con la madre a Lund.", "Ada Vell viveva")]


def _event(story, words):
    return next(e for e in story.events if any(words in s.text for s in e.sources))


@pytest.mark.parametrize("lang,text,words", SHORT, ids=[r[0] for r in SHORT])
def test_a_short_year_is_the_year_another_document_states(lang, text, words):
    other = "es" if lang != "es" else "it"
    story = pipeline.run(texts={f"full_{other}.txt": FULL[other], f"short_{lang}.txt": text})
    e = _event(story, words)
    assert (e.date, e.date_precision) == ("0064-01-01", "year")


@pytest.mark.parametrize("lang,text,words", SHORT, ids=[r[0] for r in SHORT])
def test_a_short_year_alone_is_no_date(lang, text, words):
    story = pipeline.run(texts={f"short_{lang}.txt": text})
    assert not (_event(story, words).date or "").startswith("0064")


RETELL = [
    ("es", "El 24 de agosto del 64 d.C. ardió el mercado de Lund. Los vecinos huyeron al puerto.\n\n"
           "La ciudad antes del fuego\n\n"
           "En el 64 Ada Vell vivía junto a su madre en Lund. Pequeños incendios amenazaban el barrio desde hacía meses.",
     "Pequeños incendios"),
    ("it", "Il 24 agosto del 64 d.C. bruciò il mercato di Lund. Gli abitanti fuggirono al porto.\n\n"
           "La città prima del fuoco\n\n"
           "Nel 64 Ada Vell viveva con la madre a Lund. Piccoli incendi minacciavano il quartiere da mesi.",
     "Piccoli incendi"),
    ("en", "On 24 August A.D. 64 the market of Lund burned. The people fled to the harbour.\n\n"
           "The town before the fire\n\n"
           "In 64 Ada Vell lived with her mother in Lund. Small fires had threatened the quarter for months.",
     "Small fires"),
]


@pytest.mark.parametrize("lang,text,words", RETELL, ids=[r[0] for r in RETELL])
def test_a_section_restating_the_year_retells_it_from_its_start(lang, text, words):
    story = pipeline.run(texts={f"retell_{lang}.txt": text})
    e = _event(story, words)
    assert (e.date_from or e.date or "") != "0064-08-24"
    assert not (e.date_from or "").startswith("0064-08")
