"""Different events are never fused, however much else they share: the same date, the same people, the
same campaign (our own invented stories, told by two or three documents in en/es/it)."""
from __future__ import annotations

import re

import pytest

from fuse_support import StoryRuns, event_telling

STORIES = {
    # one day, two events: a wedding in one document, a death in the other
    "same_day": {
        "day_en.txt": "Tomas Rell was a painter in the hill town of Corvino. On 12 June 1911 Tomas married the "
                      "singer Ada Vole in the chapel of Corvino. The couple moved to the coast in 1913.",
        "day_es.txt": "Tomas Rell pintaba retratos en Corvino. El 12 de junio de 1911 murió su hermano Piet Rell "
                      "en un accidente en la mina. Tomas pintó su retrato en 1912.",
    },
    "same_day_it": {
        "giorno_it.txt": "Il 9 settembre 1874 la nave Alba affondò davanti al porto di Lerici con tutto il carico. "
                         "Il capitano Ugo Sarti fu accusato di negligenza.",
        "giorno_en.txt": "On 9 September 1874 Captain Ugo Sarti was awarded a medal by the town council of Lerici. "
                         "Two years later he retired to his farm.",
    },
    # a wedding and a death told under the same stated day, by the same family
    "same_day_family": {
        "a_en.txt": "Lena Hort grew up in the mountain village of Brisk. On 3 March 1922 Lena married the "
                    "teacher Oskar Brand. In 1925 the couple opened a bakery in Brisk.",
        "a_es.txt": "Lena Hort creció en el pueblo de Brisk. El 3 de marzo de 1922 murió su padre Anton "
                    "Hort. En 1925 Lena y Oskar abrieron una panadería en Brisk.",
    },
    # the king on the same day, doing two different things
    "same_day_king": {
        "b_it.txt": "Nel 1850 la città di Morra fu colpita da un terremoto. Il 9 maggio 1851 il re Ottone "
                    "visitò le rovine. La ricostruzione della cattedrale, conclusa il 9 maggio 1861, costò "
                    "dieci anni di lavoro.",
        "b_es.txt": "En 1850 un terremoto destruyó la ciudad de Morra. El 9 de mayo de 1851 el rey Ottone "
                    "firmó un decreto para reconstruirla. Los trabajos duraron diez años.",
    },
    # a neighbour that only names the same ship is the next event, not the rest of this one
    "rescue_ship": {
        "ferry_en.txt": "In 1931 the ferry Alcina left the port of Tarvo with Leo Brun and his uncle Tomas. The storm "
                        "sank the ferry at night. Tomas drowned in the icy water while helping Leo onto a plank. On "
                        "board the Orsino, Leo gave a false name and hid from the captain.",
        "ferry_es.txt": "En 1931 el ferry Alcina salió del puerto de Tarvo con Leo Brun y su tío Tomas. La tormenta "
                        "hundió el ferry por la noche. Tomas se ahogó en el agua helada; Leo sobrevivió y fue "
                        "rescatado por el Orsino.",
    },
    # a campaign of six steps told in six sentences here, in one sentence there
    "campaign": {
        "war_en.txt": "On 11 May 1702 the rebels of Captain Mara Ferro landed at the bay of Castro. Three days "
                      "later the rebels took the fortress of Serra after a short siege. On 20 May the rebels "
                      "defeated the royal army at the bridge of Calvi. A week later the rebels crossed the river "
                      "Tavo by night. In June the rebels entered the city of Mirena in triumph. In July the rebels "
                      "burned the archives of the governor.",
        "war_es.txt": "En mayo de 1702 los rebeldes de la capitana Mara Ferro desembarcaron en la bahía de Castro, "
                      "tomaron la fortaleza de Serra y derrotaron al ejército real; en julio quemaron los archivos "
                      "del gobernador.",
    },
    # the same people on the same dated day doing three different things
    "one_day_three_things": {
        "fair_en.txt": "On 2 August 1950 Nina Bosk won the cycling race of the fair in Dorran. The same day her "
                       "father Emil sold his farm to a stranger. That evening Nina argued with her father.",
        "fair_it.txt": "Il 2 agosto 1950 Emil Bosk vendette la fattoria a uno sconosciuto. Il 2 agosto 1950 sua "
                       "figlia Nina vinse la corsa ciclistica della fiera di Dorran.",
    },
    # each document's only bakery sentence: opening the bakery and selling it are two events, though each
    # is the other's best match (a weak mutual best match still needs to tell the same thing)
    "bakery": {
        "bak_en.txt": "Ada Pell grew up on a farm near Brisk. After her wedding Ada opened a bakery in Brisk. "
                      "Her son Otto was born the next spring.",
        "bak_es.txt": "Ada Pell creció en una granja cerca de Brisk. Su hijo Otto nació en primavera. Muchos "
                      "años después Ada vendió la panadería y se marchó a la costa.",
    },
    # a review names the actor at each character's first mention, which is another event in each telling
    "actors": {
        "act_en.txt": "Pavel Dorn (Marek Ilves) loses his job at the docks of Velka. He tells his wife Ilse (Lina "
                      "Ostra) over dinner, and they count their savings. Ilse sells their blankets to a neighbour. "
                      "With the money Pavel buys an old boat. He goes fishing every night.",
        "act_es.txt": "Pavel Dorn (Marek Ilves) pierde su trabajo en el puerto de Velka. Ilse (Lina Ostra), su "
                      "esposa, empeña las mantas de la casa. Con ese dinero Pavel compra una barca vieja.",
        "act_it.txt": "Pavel Dorn (Marek Ilves) perde il lavoro al porto di Velka. Ilse (Lina Ostra) cuce reti per "
                      "i pescatori del porto.",
    },
    # a sentence told far later than its best match (a chair in 1950, studies in the first years) is a later
    # event the other telling leaves out, not that one told out of order
    "chair": {
        "chem_es.txt": "Nora Vill nació en Graz en 1905. Estudió química en la universidad de Graz. Después "
                       "obtuvo un puesto de ayudante con su maestro, el químico Emil Hart. En 1933 se casó con el "
                       "pintor Ugo Brand. En 1935 nació su hija Lia. En 1938 huyó a Suiza con su familia. En 1945 "
                       "regresó a Graz y abrió un laboratorio.",
        "chem_it.txt": "Nora Vill nacque a Graz nel 1905. Nel 1933 sposò il pittore Ugo Brand. Nel 1938 fuggì in "
                       "Svizzera con la famiglia. Nel 1950 ottenne la cattedra di chimica all'università di Lund, "
                       "dove lavorò con il suo maestro Emil Hart.",
    },
}

# (story, document, words of one event, document, words of a different event): never one event
DIFFERENT = [
    ("rescue_ship", "ferry_en", "gave a false name", "ferry_es", "se ahogó"),
    ("same_day_family", "a_en", "Lena married the teacher", "a_es", "murió su padre"),
    ("same_day_king", "b_it", "visitò le rovine", "b_es", "firmó un decreto"),
    ("same_day", "day_en", "married the singer", "day_es", "murió su hermano"),
    ("same_day_it", "giorno_it", "affondò davanti al porto", "giorno_en", "awarded a medal"),
    ("one_day_three_things", "fair_en", "won the cycling race", "fair_it", "vendette la fattoria"),
    ("one_day_three_things", "fair_en", "sold his farm", "fair_it", "vinse la corsa"),
    ("one_day_three_things", "fair_en", "argued with her father", "fair_it", "vendette la fattoria"),
    ("bakery", "bak_en", "opened a bakery", "bak_es", "vendió la panadería"),
    ("actors", "act_es", "empeña las mantas", "act_en", "loses his job"),
    ("actors", "act_it", "cuce reti", "act_es", "empeña las mantas"),
    ("chair", "chem_it", "ottenne la cattedra", "chem_es", "Estudió química"),
    ("chair", "chem_it", "lavorò con il suo maestro", "chem_es", "puesto de ayudante"),
]

# (story, document, words, document, words): these must be one event
SAME = [
    ("rescue_ship", "ferry_en", "drowned in the icy water", "ferry_es", "se ahogó"),
    ("same_day_family", "a_en", "opened a bakery", "a_es", "abrieron una panadería"),
    ("same_day_king", "b_it", "colpita da un terremoto", "b_es", "un terremoto destruyó"),
    ("one_day_three_things", "fair_en", "won the cycling race", "fair_it", "vinse la corsa"),
    ("one_day_three_things", "fair_en", "sold his farm", "fair_it", "vendette la fattoria"),
    ("actors", "act_en", "sells their blankets", "act_es", "empeña las mantas"),
    ("actors", "act_en", "loses his job", "act_es", "pierde su trabajo"),
    ("chair", "chem_es", "huyó a Suiza", "chem_it", "fuggì in Svizzera"),
]

run = StoryRuns(STORIES)


@pytest.mark.parametrize("name,doc_a,words_a,doc_b,words_b", DIFFERENT)
def test_different_events_on_one_date_stay_apart(name, doc_a, words_a, doc_b, words_b):
    story = run(name)
    a, b = event_telling(story, doc_a, words_a), event_telling(story, doc_b, words_b)
    assert a is not b, f"{words_a!r} and {words_b!r} fused into {a.title!r}: {[s.text for s in a.sources]}"


@pytest.mark.parametrize("name,doc_a,words_a,doc_b,words_b", SAME)
def test_the_same_event_on_that_date_is_still_fused(name, doc_a, words_a, doc_b, words_b):
    story = run(name)
    a, b = event_telling(story, doc_a, words_a), event_telling(story, doc_b, words_b)
    assert a is b, f"{words_a!r} -> {a.title!r}; {words_b!r} -> {b.title!r}"


def test_a_campaign_told_step_by_step_is_not_collapsed_into_one_event():
    story = run("campaign")
    steps = ["landed at the bay", "took the fortress", "defeated the royal army", "crossed the river",
             "entered the city", "burned the archives"]
    events = {id(event_telling(story, "war_en", s)) for s in steps}
    assert len(events) >= 5, [e.title for e in story.events]


@pytest.mark.parametrize("name", sorted(STORIES))
def test_a_fused_headline_tells_the_event_of_its_sources(name):
    """The headline of a fused event comes from one of its own sentences, never from a neighbour's."""
    story = run(name)
    for e in story.events:
        if len(e.sources) > 1:
            head = e.title.rstrip("…")[:20].casefold()
            # headlines leave out what a sentence says in brackets (an actor's name)
            told = [re.sub(r"\s*\([^)]*\)", "", s.text).casefold() for s in e.sources]
            assert any(head in t for t in told), (e.title, [s.text for s in e.sources])
