"""segment: sentences are cut into clauses at ';' and before connectors that start a new action."""
from __future__ import annotations

import pytest

from pipeline import ingest, segment
from pipeline.model import Story


def _clauses(text: str, lang: str) -> list[list[str]]:
    story = segment.run(ingest.run(Story(texts={"d": text}, lang_override={"d": lang})))
    return [[c.text for c in s.clauses] for s in story.sentences]


@pytest.mark.parametrize("lang, text, expected", [
    # new actions are cut
    ("en", "Homer returns to school, the boys return to rocket making, and soon win a school science fair.",
     ["Homer returns to school, the boys return to rocket making", "and soon win a school science fair."]),
    ("en", "The ship strikes an iceberg; the crew lowers the lifeboats.",
     ["The ship strikes an iceberg", "the crew lowers the lifeboats."]),
    ("en", "He finishes his dinner and then walks to the station alone.",
     ["He finishes his dinner", "and then walks to the station alone."]),
    ("en", "They recover the safe, but inside they find only a drawing.",
     ["They recover the safe", "but inside they find only a drawing."]),
    ("es", "Jack muere congelado en el agua; Rose sobrevive y es rescatada.",
     ["Jack muere congelado en el agua", "Rose sobrevive y es rescatada."]),
    ("es", "Jack impide que Rose salte por la popa, y los dos se enamoran pronto.",
     ["Jack impide que Rose salte por la popa", "y los dos se enamoran pronto."]),
    ("es", "El padre trabaja en la mina mientras el hijo construye cohetes.",
     ["El padre trabaja en la mina", "mientras el hijo construye cohetes."]),
    ("it", "Il padre lavora in miniera, ma il figlio sogna lo spazio.",
     ["Il padre lavora in miniera", "ma il figlio sogna lo spazio."]),
    ("it", "Homer abbandona la scuola mentre il padre si riprende lentamente.",
     ["Homer abbandona la scuola", "mentre il padre si riprende lentamente."]),
    ("it", "I ragazzi costruiscono un razzo e poi lo lanciano dal campo.",
     ["I ragazzi costruiscono un razzo", "e poi lo lanciano dal campo."]),
    # no cut: appositives, enumerations, short pieces, brackets
    ("en", "John Hickam (Chris Cooper), the mine superintendent, loves his job.",
     ["John Hickam (Chris Cooper), the mine superintendent, loves his job."]),
    ("en", "He invites his mother, his father, and his old teacher.",
     ["He invites his mother, his father, and his old teacher."]),
    ("en", "He waited for a while before leaving the house.",
     ["He waited for a while before leaving the house."]),
    ("en", "He left and then came back.", ["He left and then came back."]),
    ("en", "Yes; no, but maybe.", ["Yes; no, but maybe."]),
    ("en", "He said (and then he left; nobody stayed) that it was over.",
     ["He said (and then he left; nobody stayed) that it was over."]),
    ("es", "Compra pan, leche, y huevos en la tienda.", ["Compra pan, leche, y huevos en la tienda."]),
    ("es", "Basado en hechos reales, es la historia de un adolescente.",
     ["Basado en hechos reales, es la historia de un adolescente."]),
    ("it", "Compra pane, latte, e uova al mercato.", ["Compra pane, latte, e uova al mercato."]),
    ("it", "Il preside, il signor Turner, stabilisce la causa.", ["Il preside, il signor Turner, stabilisce la causa."]),
])
def test_clauses(lang, text, expected):
    assert _clauses(text, lang) == [expected]


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_every_clause_has_three_words_and_offsets_point_into_the_text(lang):
    text = ("He runs; she hides, and then they meet, but then it rains. "
            "Corre; ella se esconde, y luego se ven, pero llueve mucho. "
            "Corre; lei si nasconde, e poi si vedono, ma piove molto.")
    story = segment.run(ingest.run(Story(texts={"d": text}, lang_override={"d": lang})))
    doc = story.docs[0]
    for s in story.sentences:
        for c in s.clauses:
            assert len(c.text.split()) >= 3 or c.text == s.text
            assert doc.raw[c.start:c.end] == c.text
