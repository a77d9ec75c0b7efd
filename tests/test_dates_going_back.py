"""A document that goes back for good (a biography returning to the childhood after its frame) and never
states the frame's date again: a new paragraph after the frame is no longer "after" the frame's date, and the
story order puts it before the earlier date the document goes back to. The frame's own paragraph stays
after its date."""
import pytest

import pipeline

ROWS = [
    ("en", "In 1950 Ada Lind moved to Oslo. Her brother Nils opened a bakery near the harbour.\n\n"
           "Her mother Greta taught her to sing.\n\n"
           "In 1931 Ada was born in Bergen. In 1938 she started school in Bergen.",
     "opened a bakery", "taught her to sing", "born"),
    ("es", "En 1950 Ada Lind se trasladó a Oslo. Abrió una panadería cerca del puerto.\n\n"
           "Su madre le enseñó a cantar de niña.\n\n"
           "En 1931 Ada nació en Bergen. En 1938 empezó la escuela en Bergen.",
     "panadería", "enseñó a cantar", "nació"),
    ("it", "Nel 1950 Ada Lind si trasferì a Oslo. Aprì una panetteria vicino al porto.\n\n"
           "Sua madre le insegnò a cantare da bambina.\n\n"
           "Nel 1931 Ada nacque a Bergen. Nel 1938 cominciò la scuola a Bergen.",
     "panetteria", "insegnò a cantare", "nacque"),
]


def _find(events, words):
    return next(e for e in events if any(words in s.text for s in e.sources))


@pytest.mark.parametrize("lang,text,frame,back,earlier", ROWS, ids=[r[0] for r in ROWS])
def test_a_document_that_goes_back_for_good(lang, text, frame, back, earlier):
    evs = [e for e in pipeline.run(texts={f"bio_{lang}.txt": text}).events if e.kind == "story"]
    f, b, e = _find(evs, frame), _find(evs, back), _find(evs, earlier)
    assert f.date_from == "1950"                      # the frame's paragraph stays after the frame's date
    assert not (b.date_from or "").startswith("1950")  # the new paragraph is not "after 1950"
    assert b.order < e.order                           # it leads up to the earlier date told next
