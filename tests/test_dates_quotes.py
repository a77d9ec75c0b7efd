"""A message quoted in its own words (a paragraph a colon introduces: a letter, a telegram, a speech) states
the message's times, not the story's: "home for Christmas" in a telegram is a plan, not the day it is sent."""
from __future__ import annotations

import pytest

from pipeline import dates, temporal
from pipeline.model import Document, Event, Source, Sentence, Story


def story_of(lang: str, paragraphs: list[list[str]]) -> Story:
    """One document, one event per sentence, sentences in the paragraphs given."""
    sents, pos, idx = [], 0, 0
    texts = []
    for p, para in enumerate(paragraphs):
        for s in para:
            sents.append(Sentence(doc="d", lang=lang, idx=idx, cstart=pos, cend=pos + len(s), start=pos,
                                  end=pos + len(s), text=s, para=p))
            texts.append(s)
            pos += len(s) + 1
            idx += 1
    clean = " ".join(texts)
    story = Story(docs=[Document(doc="d", path="d", raw=clean, encoding="utf-8", clean=clean, lang=lang)],
                  sentences=sents)
    temporal.run(story)
    for s in sents:
        story.events.append(Event(title=s.text[:80], kind="story", lang=lang, told=float(s.idx),
                                  sources=[Source(doc="d", lang=lang, start=s.start, end=s.end, text=s.text,
                                                  sent=s.idx, order_in_doc=s.idx)],
                                  timex=[t for t in story.timex if t.sent == s.idx]))
    return dates.run(story)


TELEGRAM = {
    "en": [["On 17 December 1903 the brothers fly four times.", "That afternoon they send a telegram to their father:"],
           ["Success four flights this morning, inform press, home Christmas."],
           ["On 19 December they pack the machine."]],
    "es": [["El 17 de diciembre de 1903 los hermanos vuelan cuatro veces.",
            "Esa tarde envían un telegrama a su padre:"],
           ["Éxito cuatro vuelos esta mañana, avisad a la prensa, en casa para Navidad."],
           ["El 19 de diciembre embalan la máquina."]],
    "it": [["Il 17 dicembre 1903 i fratelli volano quattro volte.", "Quel pomeriggio mandano un telegramma al padre:"],
           ["Successo quattro voli stamattina, avvisate la stampa, a casa per Natale."],
           ["Il 19 dicembre imballano la macchina."]],
}


@pytest.mark.parametrize("lang", TELEGRAM)
def test_a_quoted_telegram_s_christmas_does_not_date_the_story(lang):
    fly, send, message, pack = story_of(lang, TELEGRAM[lang]).events
    assert (message.date_precision, message.date_from, message.date_to) == ("interval", "1903-12-17", "1903-12-19")
    assert (pack.date, pack.date_precision) == ("1903-12-19", "day")


NOT_A_MESSAGE = {
    "en": [[["Plot:"], ["On 17 December 1903 the brothers fly."]],
           [["This is what happens in the film that night:"],
            ["On 17 December 1903 the brothers fly.", "They send a telegram.", "They eat.", "They sleep."]]],
    "es": [[["Trama:"], ["El 17 de diciembre de 1903 los hermanos vuelan."]],
           [["Esto es lo que ocurre en la película esa noche:"],
            ["El 17 de diciembre de 1903 los hermanos vuelan.", "Envían un telegrama.", "Cenan.", "Duermen."]]],
    "it": [[["Trama:"], ["Il 17 dicembre 1903 i fratelli volano."]],
           [["Ecco che cosa succede nel film quella notte:"],
            ["Il 17 dicembre 1903 i fratelli volano.", "Mandano un telegramma.", "Cenano.", "Dormono."]]],
}


@pytest.mark.parametrize("lang,paragraphs", [(lang, p) for lang, ps in NOT_A_MESSAGE.items() for p in ps])
def test_a_label_or_a_whole_plot_after_a_colon_keeps_its_dates(lang, paragraphs):
    evs = story_of(lang, paragraphs).events
    assert (evs[1].date, evs[1].date_precision) == ("1903-12-17", "day")
