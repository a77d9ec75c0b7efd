"""Kind per paragraph as well as per sentence: a paragraph of evaluation after a dated plot is reception as a
whole, its neutral-looking sentences included, and none of it takes the plot's date; a plot paragraph keeps
its sentences without a named character as story."""
import pytest

import pipeline
from events_support import build

# (lang, dated plot paragraph, review paragraph, a review sentence that alone would read as story)
PLOT_THEN_REVIEW = [
    ("en", "On 3 May 1952, Nora Kell leaves the orphanage and takes the night train to Lisbon. Two days later she "
           "finds work in a bakery near the harbour.",
     "Director Tom Aster does an incredible job with a small budget. Nothing is left to chance. The pacing is slow "
     "but never boring.", "Nothing is left to chance"),
    ("es", "El 3 de mayo de 1952, Nora Kell deja el orfanato y toma el tren nocturno a Lisboa. Dos días después "
           "encuentra trabajo en una panadería del puerto.",
     "El trabajo actoral es sobresaliente. Nada queda al azar en cada plano. El ritmo es lento pero nunca aburrido.",
     "Nada queda al azar"),
    ("it", "Il 3 maggio 1952, Nora Kell lascia l'orfanotrofio e prende il treno notturno per Lisbona. Due giorni "
           "dopo trova lavoro in una panetteria del porto.",
     "Un film che commuove dall'inizio alla fine. Niente è lasciato al caso. Il ritmo è lento ma mai noioso.",
     "Niente è lasciato al caso"),
]


@pytest.mark.parametrize("lang,plot,review,neutral", PLOT_THEN_REVIEW)
def test_a_review_paragraph_after_a_dated_plot_is_reception_and_undated(lang, plot, review, neutral):
    story = pipeline.run(texts={f"{lang}.txt": plot + "\n\n" + review + "\n"})
    evs = sorted(story.events, key=lambda e: e.told)
    in_review = [e for e in evs if e.sources[0].text in review]
    in_plot = [e for e in evs if e.sources[0].text in plot]
    assert in_plot and all(e.kind == "story" for e in in_plot)
    assert any(neutral in e.sources[0].text for e in in_review)
    for e in in_review:
        assert e.kind == "reception", (e.kind, e.sources[0].text)
        assert e.date is None, (e.date, e.sources[0].text)


# a plot paragraph: a sentence without a named character is still story, even next to a production note
PLOT_WITH_A_NOTE = [
    ("es", ["Marcos Vidal, un relojero de Cádiz, huye de la ciudad.", "Obligado a esconderse en el puerto, "
            "sobrevive gracias a los pescadores.", "Es una adaptación del diario de un marinero."],
     {"Marcos Vidal": ["Marcos Vidal"]}, "Obligado a esconderse"),
    ("it", ["Marco Vidali, un orologiaio di Trieste, fugge dalla città.", "Costretto a nascondersi nel porto, "
            "sopravvive grazie ai pescatori.", "È un adattamento delle memorie di un marinaio."],
     {"Marco Vidali": ["Marco Vidali"]}, "Costretto a nascondersi"),
]


@pytest.mark.parametrize("lang,para,cast,neutral", PLOT_WITH_A_NOTE)
def test_a_plot_paragraph_with_one_note_keeps_its_story(lang, para, cast, neutral):
    story = build(lang, [para], cast)
    ev = next(e for e in story.events if any(neutral in s.text for s in e.sources))
    assert ev.kind == "story"


def test_a_character_with_a_time_stays_story_in_a_paragraph_of_opinions():
    para = ["A year later, Lena receives an unsigned postcard from Marseille.", "Lola Ferrand is magnificent.",
            "The film grossed four million euros.", "Highly recommended, although the ending is predictable."]
    story = build("en", [para], {"Lena": ["Lena"]}, times=["A year later"], crew=["Lola Ferrand"])
    ev = next(e for e in story.events if "postcard" in e.sources[0].text)
    assert ev.kind == "story"


TITLE_LINES = [
    ("en", "The Lantern Keeper (Il guardiano del faro)"),
    ("es", "La guerra del valle (1910-1912)"),
    ("it", "Il guardiano del faro (1961) Dir."),
]


@pytest.mark.parametrize("lang,line", TITLE_LINES)
def test_a_title_line_with_brackets_is_no_event(lang, line):
    body = {"en": "Marta Lind keeps the lighthouse alone after her father dies in the storm.",
            "es": "Marta Lind cuida sola el faro después de que su padre muere en la tormenta.",
            "it": "Marta Lind custodisce da sola il faro dopo che il padre muore nella tempesta."}[lang]
    story = build(lang, [[line], [body]], {"Marta Lind": ["Marta Lind"]})
    assert all(line not in e.sources[0].text for e in story.events)
    assert any(body.rstrip(".") in e.sources[0].text for e in story.events)


# history: one remark from today next to an event told without names is no paragraph of opinions
HISTORY_REMARK = [
    ("it", ["Il ponte fu considerato il simbolo della divisione della valle.",
            "Il ponte divise in due il paese per trent'anni: durante questi anni annegarono nel fiume quaranta "
            "persone."], "annegarono"),
    ("es", ["Con los años el puente fue el mayor símbolo de un valle dividido.",
            "Durante treinta años el puente dividió el pueblo en dos y cuarenta personas se ahogaron en el río."],
     "se ahogaron"),
]


@pytest.mark.parametrize("lang,para,needle", HISTORY_REMARK)
def test_one_remark_does_not_hide_a_history_paragraphs_events(lang, para, needle):
    story = build(lang, [para], {})
    ev = next(e for e in story.events if any(needle in s.text for s in e.sources))
    assert ev.kind == "story"
