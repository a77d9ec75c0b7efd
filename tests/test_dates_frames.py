"""Frame stories told out of order: each event is dated by its own frame, relative phrases by their anchor."""
from __future__ import annotations

import pytest

from pipeline import dates, temporal
from pipeline.model import Document, Event, Sentence, Source, Story


def make_story(lang: str, sentences: list[str], kinds: dict[int, str] | None = None, doc: str = "d") -> Story:
    kinds = kinds or {}
    clean = " ".join(sentences)
    sents, pos = [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(doc=doc, lang=lang, idx=i, cstart=pos, cend=pos + len(s), start=pos,
                              end=pos + len(s), text=s))
        pos += len(s) + 1
    story = Story(docs=[Document(doc=doc, path=doc, raw=clean, encoding="utf-8", clean=clean, lang=lang)],
                  sentences=sents)
    temporal.run(story)
    for s in sents:
        story.events.append(Event(title=s.text[:80], kind=kinds.get(s.idx, "story"), lang=lang, told=float(s.idx),
                                  sources=[Source(doc=doc, lang=lang, start=s.start, end=s.end, text=s.text,
                                                  sent=s.idx, order_in_doc=s.idx)],
                                  timex=[t for t in story.timex if t.sent == s.idx]))
    return dates.run(story)


# An old woman in 2001 remembers a voyage of 1935, then the frame returns.
FRAME = {
    "en": ["In 2001, a diver finds an old camera in a wreck.",
           "The old Martha sees the photos in a newspaper.",
           "On May 3, 1935, young Martha boards the steamer.",
           "Minutes before departure, Paul wins a ticket at cards.",
           "A few days later, the two fall in love.",
           "On May 9, 1935, a storm hits the steamer.",
           "That night, the ship sinks.",
           "Years later, Paul dies in the 1950 flood.",
           "Back in 2001, that evening, Martha throws the camera into the sea."],
    "es": ["En 2001, un buzo encuentra una cámara vieja en un naufragio.",
           "La anciana Marta ve las fotos en un periódico.",
           "El 3 de mayo de 1935, la joven Marta sube al vapor.",
           "Pocos minutos antes de zarpar, Pablo gana un billete a las cartas.",
           "Días después, los dos se enamoran.",
           "El 9 de mayo de 1935, una tormenta golpea el vapor.",
           "Esa noche, el barco se hunde.",
           "Años más tarde, Pablo muere en la inundación de 1950.",
           "De vuelta en 2001, esa tarde, Marta tira la cámara al mar."],
    "it": ["Nel 2001 un sub trova una vecchia macchina fotografica in un relitto.",
           "L'anziana Marta vede le foto su un giornale.",
           "Il 3 maggio 1935 la giovane Marta sale sul piroscafo.",
           "Pochi minuti prima della partenza Paolo vince un biglietto a carte.",
           "Qualche giorno dopo i due si innamorano.",
           "Il 9 maggio 1935 una tempesta colpisce il piroscafo.",
           "Quella notte la nave affonda.",
           "Anni dopo Paolo muore nell'alluvione del 1950.",
           "Tornati nel 2001, quella sera, Marta getta la macchina in mare."],
}
# the old Martha's event states no date: between the frame's 2001 and the return to 2001, not a borrowed point;
# "a few days later" is a day after the boarding or later (up to the storm), not the next day
EXPECTED = [("2001-01-01", "year"), ("2001-01-01", "interval"), ("1935-05-03", "day"), ("1935-05-03", "relative"),
            ("1935-05-04", "interval"), ("1935-05-09", "day"), ("1935-05-09", "relative"), ("1950-01-01", "year"),
            ("2001-01-01", "year")]


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_frame_story_each_event_dated_by_its_own_frame(lang):
    s = make_story(lang, FRAME[lang])
    assert [(e.date, e.date_precision) for e in s.events] == EXPECTED


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_frame_story_approx_flags_and_constraints(lang):
    evs = make_story(lang, FRAME[lang]).events
    assert [e.extra["date_approx"] for e in evs] == [False, True, False, True, True, False, True, False, False]
    assert evs[3].extra["before"] is evs[2]     # "minutes before departure": the boarding told just before
    assert evs[4].extra["after"] is evs[3]
    assert evs[6].rel.direction == "same"


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_documents_have_their_own_narrative(lang):
    s = make_story(lang, FRAME[lang][:3], doc="a")
    other = make_story(lang, [FRAME[lang][1]], doc="b")
    s.docs += other.docs
    s.sentences += other.sentences
    s.timex += other.timex
    s.events += other.events
    dates.run(s)
    assert s.events[-1].date is None



# A count of years told from the story's present, with the date it names beside it: the sentence is told from
# that present (the past's date plus the count), and the story goes on in the past until a return cue.
COUNTED = {
    "en": ["Haunted by a fire set twenty-five years earlier, in 1961, the old judge decides to write a book.",
           "The fire destroys the archive.", "Back in 1986, he calls his former clerk."],
    "es": ["Obsesionada por un incendio ocurrido veinticinco años antes, en 1961, la vieja jueza decide escribir.",
           "El fuego destruye el archivo.", "De vuelta en 1986, llama a su antiguo secretario."],
    "it": ["Ossessionata da un incendio avvenuto venticinque anni prima, nel 1961, la vecchia giudice decide di "
           "scrivere.", "Il fuoco distrugge l'archivio.", "Tornata nel 1986, chiama il suo vecchio segretario."],
}


@pytest.mark.parametrize("lang", sorted(COUNTED))
def test_counted_look_back_with_its_date_dates_the_present_it_is_told_from(lang):
    evs = make_story(lang, COUNTED[lang]).events
    assert evs[0].date == "1986-01-01" and evs[0].date_precision == "year"
    assert (evs[1].date_from, evs[1].date_to) == ("1961", "1986")  # told in the past: from 1961 until the return
    assert evs[2].date == "1986-01-01"


def test_the_clause_holding_the_count_alone_is_the_past():
    # "asesinato ocurrido veinticinco años antes, | en 1974, decide escribir": cut in two by the events stage
    s = make_story("es", ["Obsesionada por un incendio ocurrido veinticinco años antes, en 1961, decide escribir."])
    whole = s.events[0]
    cut = whole.sources[0].text.index(" en 1961")
    past, present = (Event(title=t, kind="story", lang="es", told=k,
                           sources=[Source(doc="d", lang="es", start=a, end=b, text=t, sent=0, order_in_doc=0)],
                           timex=[x for x in s.timex if a <= x.cstart < b])
                     for k, (a, b, t) in enumerate([(0, cut, whole.sources[0].text[:cut]),
                                                    (cut, whole.sources[0].end, whole.sources[0].text[cut:])]))
    s.events = [past, present]
    dates.run(s)
    assert [(e.date, e.date_precision) for e in s.events] == [("1961-01-01", "year"), ("1986-01-01", "year")]


@pytest.mark.parametrize("lang, sentences", [
    ("en", ["In 1931 Lida Marn marries a sailor.", "Two years earlier, in 1929, she had met him in Porto Alto."]),
    ("es", ["En 1931 Lida Marn se casa con un marinero.", "Dos años antes, en 1929, lo había conocido en Porto Alto."]),
])
def test_a_count_opening_the_sentence_is_a_look_back_from_the_narrative(lang, sentences):
    assert make_story(lang, sentences).events[1].date == "1929-01-01"
