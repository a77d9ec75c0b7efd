"""A document that opens on a day and states that day again in a later paragraph starts telling the day at
the restatement: what its paragraphs in between tell with no time of their own is that day's background
(at or before the day), not something after it; without the restatement it stays at or after the day."""
import pytest

import pipeline

# (lang, opening on the day, background paragraph, the day stated again)
DOCS = [
    ("en", "The fall of the Varna bridge, on 4 March 1961, closed an era for the town.",
     "The bridge joined the two halves of the old town.",
     "On 4 March 1961 the mayor announced that the bridge would close."),
    ("es", "La caída del puente de Varna, el 4 de marzo de 1961, cerró una época para la ciudad.",
     "El puente unía las dos mitades de la ciudad vieja.",
     "El 4 de marzo de 1961 el alcalde anunció que el puente se cerraría."),
    ("it", "Il crollo del ponte di Varna, il 4 marzo 1961, chiuse un'epoca per la città.",
     "Il ponte univa le due metà della città vecchia.",
     "Il 4 marzo 1961 il sindaco annunciò che il ponte sarebbe stato chiuso."),
]


def _run(lang, paras):
    return pipeline.run(texts={f"d_{lang}.txt": "\n\n".join(paras) + "\n"}, lang_override={f"d_{lang}.txt": lang})


@pytest.mark.parametrize("lang,opening,background,again", DOCS, ids=[d[0] for d in DOCS])
def test_background_between_a_day_and_its_restatement_is_before_it(lang, opening, background, again):
    story = _run(lang, [opening, background, again])
    ev = next(e for e in story.events if e.sources[0].text in background)
    assert (ev.date_from, ev.date_to) == (None, "1961-03-04")
    later = next(e for e in story.events if e.sources[0].text in again)
    assert ev.order < later.order


@pytest.mark.parametrize("lang,opening,background,again", DOCS, ids=[d[0] for d in DOCS])
def test_without_the_restatement_it_stays_after_the_day(lang, opening, background, again):
    story = _run(lang, [opening, background])
    ev = next(e for e in story.events if e.sources[0].text in background)
    assert ev.date_from == "1961-03-04" and ev.date_to is None


# A biography whose lead paragraph sums up the life, then tells the birth again (undated) and starts over:
# the summary happens some time after the birth, not before the first date the retold story states.
LEADS = [
    ("it", ["Il 3 marzo 1920 nacque Lia Ferro.", "Fu la prima donna pilota del paese.",
            "Figlia di un pescatore, Lia nacque nel porto di Tolva. Nel 1931 la famiglia si trasferì a Lima."]),
    ("es", ["El 3 de marzo de 1920 nació Lía Ferro.", "Fue la primera mujer piloto del país.",
            "Hija de un pescador, Lía nació en el puerto de Tolva. En 1931 la familia se mudó a Lima."]),
    ("en", ["Lia Ferro was born on 3 March 1920.", "She became the first woman pilot of her country.",
            "The daughter of a fisherman, Lia was born in the port of Tolva. In 1931 the family moved to Lima."]),
]


@pytest.mark.parametrize("lang,paras", LEADS, ids=[d[0] for d in LEADS])
def test_a_lead_summary_before_the_birth_is_told_again_is_not_bounded_by_the_retold_story(lang, paras):
    story = _run(lang, paras)
    ev = next(e for e in story.events if e.sources[0].text in paras[1])
    assert (ev.date_from, ev.date_to) == ("1920-03-03", None)
    # without the retold birth the next stated date bounds it, as for any event told in order
    story = _run(lang, [paras[0], paras[1], paras[2].split(". ")[1]])
    ev = next(e for e in story.events if e.sources[0].text in paras[1])
    assert (ev.date_from, ev.date_to) == ("1920-03-03", "1931")
