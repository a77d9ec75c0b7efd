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
