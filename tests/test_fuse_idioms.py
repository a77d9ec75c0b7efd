"""Words that only look like an event's vocabulary (idioms) tell no concept, the words a translation uses
do, and a time counted from the day before ("that afternoon") is that day, not the day
another telling states (our own invented sentences, en/es/it)."""
from __future__ import annotations

import pytest

from fuse_support import StoryRuns, event_telling
from pipeline.textutil import concepts_in, fold


@pytest.mark.parametrize("lang,text,concept", [
    ("es", "A partir de ese invierno vivió con su tía en el pueblo", "depart"),   # "from", not a departure
    ("it", "A partire da quel giorno visse con la zia", "depart"),
    ("it", "Il fiume divise la città in due parti", "depart"),                     # parts, not "you leave"
    ("es", "Al mando de tres barcos, el capitán cruzó el estrecho", "choose"),    # in command, not "sent"
])
def test_an_idiom_tells_no_concept(lang, text, concept):
    assert concept not in concepts_in(lang, fold(text))


@pytest.mark.parametrize("lang,text,concept", [
    ("es", "El barco partió de Palo al amanecer", "depart"),
    ("es", "Mandó una carta a su hermana", "choose"),
    ("en", "She built a telescope in her garden", "telescope"),
    ("it", "Costruì un cannocchiale nel suo giardino", "telescope"),
    ("es", "Construyó un telescopio en su jardín", "telescope"),
    ("en", "The sailors mutinied against the captain", "mutiny"),
    ("es", "Los marineros se amotinaron contra el capitán", "mutiny"),
    ("it", "I marinai si ammutinarono contro il capitano", "mutiny"),
    ("it", "Ricevette un'ammonizione dal vescovo", "warn"),
    ("it", "Il primo tentativo si concluse con uno schianto", "crash"),
])
def test_the_words_themselves_still_tell_their_concept(lang, text, concept):
    assert concept in concepts_in(lang, fold(text))


runs = StoryRuns({
    # "that afternoon" is the 17th; the other telling's 13 December is another day
    "afternoon": {
        "air_en.txt": "In 1907 the brothers Tarn built a balloon at Corra. On 17 December 1907 the balloon rose "
                      "from the field at Corra. That afternoon the brothers sent a telegram to their sister Ada "
                      "in Lisca.",
        "air_es.txt": "En 1907 los hermanos Tarn construyeron un globo en Corra. El 13 de diciembre enviaron un "
                      "telegrama a su hermana Ada en Lisca para pedirle consejo. El 17 de diciembre de 1907 el "
                      "globo se elevó sobre el campo de Corra.",
    },
})


def test_a_time_counted_from_another_day_is_not_the_day_a_telling_states():
    story = runs("afternoon")
    assert event_telling(story, "air_en", "That afternoon") is not event_telling(story, "air_es", "13 de diciembre")
    # the flight itself, told on the same stated day by both, is still one event
    assert event_telling(story, "air_en", "balloon rose") is event_telling(story, "air_es", "globo se elevó")
