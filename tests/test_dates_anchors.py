"""A year stated in a sentence anchors its "that summer"; "Back in YEAR" returns from an earlier-year
thread; "the day after the funeral" is dated from the event naming the funeral (in its own document or
another); a day offset from a season never lands before the days other documents state in it."""
from __future__ import annotations

import pytest

from pipeline import dates, temporal
from pipeline.model import Document, Event, Sentence, Source, Story
from tests.test_dates_narrative import make_story


def make_multi(docs: list[tuple[str, str, list[str]]]) -> Story:
    """Several documents, one story event per sentence, told in document order."""
    story = Story()
    told = 0.0
    for doc, lang, sentences in docs:
        clean = " ".join(sentences)
        story.docs.append(Document(doc=doc, path=doc, raw=clean, encoding="utf-8", clean=clean, lang=lang))
        pos = 0
        for i, s in enumerate(sentences):
            story.sentences.append(Sentence(doc=doc, lang=lang, idx=i, cstart=pos, cend=pos + len(s), start=pos,
                                            end=pos + len(s), text=s))
            pos += len(s) + 1
    temporal.run(story)
    for s in story.sentences:
        story.events.append(Event(title=s.text[:80], kind="story", lang=s.lang, told=told,
                                  sources=[Source(doc=s.doc, lang=s.lang, start=s.start, end=s.end, text=s.text,
                                                  sent=s.idx, order_in_doc=s.idx)],
                                  timex=[t for t in story.timex if t.doc == s.doc and t.sent == s.idx]))
        told += 1
    return dates.run(story)


FRAME_RETURN = {
    "en": ["In the autumn of 1979 Agnes receives a parcel.", "In June 1944 Agnes finds a wounded airman.",
           "On 3 September 1944 the airman is arrested.",
           "Back in 1979, Agnes reaches the village, and the letter reveals that Lukas died that summer."],
    "es": ["En el otoño de 1979 Agnes recibe un paquete.", "En junio de 1944 Agnes encuentra a un aviador herido.",
           "El 3 de septiembre de 1944 el aviador es arrestado.",
           "De vuelta en 1979, Agnes llega al pueblo y la carta revela que Lukas murió ese verano."],
    "it": ["Nell'autunno del 1979 Agnes riceve un pacco.", "Nel giugno 1944 Agnes trova un aviatore ferito.",
           "Il 3 settembre 1944 l'aviatore viene arrestato.",
           "Tornati al 1979, Agnes arriva al villaggio e la lettera rivela che Lukas morì quell'estate."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_back_in_the_frame_year_returns_to_the_frame_not_the_next_summer(lang):
    s = make_story(lang, FRAME_RETURN[lang])
    assert [(e.date, e.date_precision) for e in s.events] == [
        ("1979-09-01", "season"), ("1944-06-01", "month"), ("1944-09-03", "day"), ("1979-09-01", "interval")]
    # "Back in 1979" is all it states: from the frame's autumn to the end of that year
    assert (s.events[3].date_from, s.events[3].date_to) == ("1979-09", "1979")


SAME_SENTENCE_YEAR = {
    "en": ["On 3 September 1944 the airman is arrested.", "In 1979 the letter reveals that he died that summer."],
    "es": ["El 3 de septiembre de 1944 el aviador es arrestado.", "En 1979 la carta revela que murió ese verano."],
    "it": ["Il 3 settembre 1944 l'aviatore viene arrestato.", "Nel 1979 la lettera rivela che morì quell'estate."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_a_year_in_the_sentence_anchors_that_summer(lang):
    s = make_story(lang, SAME_SENTENCE_YEAR[lang])
    assert (s.events[1].date, s.events[1].date_precision) == ("1979-01-01", "year")
    summer = [t for t in s.events[1].timex if t.kind == "underspecified"]
    assert [t.value for t in summer] == ["1979-06-01"]


DAY_AFTER_NOUN = {
    "en": ["In March 1987 Nora returns home for the funeral of her father.", "Brandt wants to buy the ferry.",
           "The day after the funeral the siblings argue on the pier."],
    "es": ["En marzo de 1987 Nora vuelve a casa para el funeral de su padre.", "Brandt quiere comprar el ferry.",
           "Al día siguiente del funeral los hermanos discuten en el muelle."],
    "it": ["Nel marzo 1987 Nora torna a casa per il funerale del padre.", "Brandt vuole comprare il traghetto.",
           "All'indomani del funerale i fratelli litigano sul molo."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_the_day_after_a_named_event_follows_that_event(lang):
    s = make_story(lang, DAY_AFTER_NOUN[lang])
    ev = s.events[2]
    # the funeral is known to its month only: the day after it is some day from March 1987 on
    assert (ev.date, ev.date_precision, ev.date_from) == ("1987-03-01", "interval", "1987-03")
    assert ev.extra.get("after") is s.events[0]


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_the_day_after_an_event_named_only_in_another_document_is_dated_from_it(lang):
    other = "it" if lang != "it" else "en"
    s = make_multi([("plot", other, DAY_AFTER_NOUN[other][:1]), ("review", lang, DAY_AFTER_NOUN[lang][2:])])
    assert (s.events[1].date, s.events[1].date_precision, s.events[1].date_from) == ("1987-03-01", "interval", "1987-03")


SEASON_NEXT_DAY = {
    "en": ["In the spring of 1898 the weavers went on strike.", "The next day the owner locked the gates."],
    "es": ["En la primavera de 1898 las obreras se declararon en huelga.",
           "Al día siguiente el dueño cerró las puertas de la fábrica."],
    "it": ["Nella primavera del 1898 le operaie entrarono in sciopero.",
           "Il giorno dopo il padrone fece chiudere i cancelli."],
}
DAYS_STATED = {
    "en": ["On 2 May 1898 the weavers went on strike.", "On 8 May 1898 the prefect ordered an arrest."],
    "es": ["El 2 de mayo de 1898 las obreras se declararon en huelga.",
           "El 8 de mayo de 1898 el prefecto mandó detener a la tejedora."],
    "it": ["Il 2 maggio 1898 le operaie entrarono in sciopero.", "L'8 maggio 1898 il prefetto fece arrestare Giulia."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_the_next_day_after_a_season_keeps_the_season_value(lang):
    s = make_story(lang, SEASON_NEXT_DAY[lang])
    assert [(e.date, e.date_precision) for e in s.events] == [("1898-03-01", "season"), ("1898-03-01", "interval")]
    assert s.events[1].date_from == "1898-03"  # a day of spring 1898 or later, not the first of March


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_the_next_day_after_a_season_never_precedes_days_stated_elsewhere(lang):
    other = "es" if lang != "es" else "it"
    s = make_multi([("chapter", other, DAYS_STATED[other]), ("summary", lang, SEASON_NEXT_DAY[lang])])
    assert [(e.date, e.date_precision) for e in s.events] == [
        ("1898-05-02", "day"), ("1898-05-08", "day"), ("1898-03-01", "season"), ("1898-05-03", "interval")]
    assert s.events[3].date_from == "1898-05-03"


LAST_CHAPTER = {
    "en": "In the last chapter Agnes scatters salt into the sea.",
    "es": "En el último capítulo Agnes esparce sal en el mar.",
    "it": "Nel finale Agnes sparge il sale in mare.",
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_the_last_chapter_returns_to_the_frame(lang):
    s = make_story(lang, FRAME_RETURN[lang][:3] + [LAST_CHAPTER[lang]])
    assert (s.events[3].date, s.events[3].date_precision, s.events[3].date_from) == ("1979-09-01", "interval", "1979-09")
