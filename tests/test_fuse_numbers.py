"""Fusing tellings: number words are shared across languages; a dated sentence is never swallowed."""
import pytest

from pipeline import fuse
from pipeline.events import _anchors
from pipeline.model import Event, Source, Story


def ev(doc, k, text, lang, chars=("lucia",), concepts=(), own_time=False):
    e = Event(title=text, kind="story", lang=lang,
              sources=[Source(doc=doc, lang=lang, start=k * 100, end=k * 100 + 90, text=text, sent=k)],
              told=k * 100.0)
    e.extra.update(char_ids=set(chars), concepts=set(concepts), anchors=_anchors(text, [], [], lang),
                   date_approx=True, own_time=own_time)
    return e


@pytest.mark.parametrize("lang,text", [
    ("en", "The three sisters and Lucia replant the vines together."),
    ("es", "Las tres hermanas y su madre Lucia vuelven a plantar las viñas."),
    ("it", "Le tre sorelle e la madre Lucia ripiantano le viti."),
])
def test_fuse_number_words_are_language_neutral_anchors(lang, text):
    assert "3" in _anchors(text, [], [], lang)


@pytest.mark.parametrize("lang,text,number", [
    ("en", "The weavers worked fourteen-hour shifts at the Osk mill.", "14"),
    ("es", "Las tejedoras trabajaban turnos de catorce horas.", "14"),
    ("it", "Le tessitrici facevano turni di quattordici ore.", "14"),
    ("it", "Il mulino dava lavoro a quasi quattrocento persone.", "400"),
    ("es", "La fábrica empleaba a cuatrocientas obreras.", "400"),
    ("en", "Sixty sailors left the port.", "60"),
])
def test_fuse_teens_tens_and_hundreds_are_number_anchors(lang, text, number):
    assert number in _anchors(text, [], [], lang)


@pytest.mark.parametrize("other_lang,other", [
    ("es", "Las tres hermanas y su madre Lucia vuelven a plantar las viñas."),
    ("it", "Le tre sorelle e la madre Lucia ripiantano le viti."),
])
def test_fuse_the_same_people_and_number_in_two_languages_fuse(other_lang, other):
    en = [ev("en", 0, "The court cancels the sale of the farm.", "en", ("court",), ["court"]),
          ev("en", 1, "The three sisters and Lucia replant the vines together.", "en"),
          ev("en", 2, "The wine wins a medal at the fair.", "en", ("wine",), ["prize"])]
    xx = [ev(other_lang, 0, "The court cancels the sale.", other_lang, ("court",), ["court"]),
          ev(other_lang, 1, other, other_lang),
          ev(other_lang, 2, "The wine wins a medal.", other_lang, ("wine",), ["prize"])]
    out = fuse.run(Story(events=en + xx)).events
    assert len(out) == 3
    assert all(len({s.doc for s in e.sources}) == 2 for e in out)


def test_fuse_a_later_dated_sentence_of_one_document_is_not_absorbed_by_its_neighbour():
    en = [ev("en", 0, "Kit lives on the farm with her father Marco.", "en", ("kit", "marco"), ["farm", "frost"]),
          ev("en", 1, "On the night of 2 October a frost kills the vines.", "en", ("kit",), ["frost", "kill"],
             own_time=True)]
    es = [ev("es", 0, "Año de helada: Kit vive en una finca con su padre Marco.", "es", ("kit", "marco"),
             ["frost", "farm"])]
    out = fuse.run(Story(events=en + es)).events
    dated = next(e for e in out if any(s.doc == "en" and s.sent == 1 for s in e.sources))
    assert [s.doc for s in dated.sources] == ["en"] or all(s.sent != 0 for s in dated.sources if s.doc == "en")
