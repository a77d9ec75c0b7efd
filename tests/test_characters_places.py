"""Characters stage: places, commentators and things named after people never join the cast."""
from __future__ import annotations

import pytest

from pipeline.model import Story
from pipeline.names import fold

from characters_support import make_story


def cast_names(story: Story) -> set[str]:
    return {fold(n) for c in story.characters.values() if not c.is_group for n in [c.name, *c.aliases]}


def place_names(story: Story) -> set[str]:
    return {fold(m.char_id) for m in story.place_mentions}


PLACES = [
    # place-type nouns (river/torrente/airport/battle of/kingdom of/court of), weak prepositions used
    # every time (to/from, tra/da/a, desde/entre), "X, a small town", and a list of places
    ("en", "Nora Quill grew up by the river Tamsin. In 1990 Nora left Darlow, a small town on the coast, and "
           "took the train south to Kelbury. After the battle of Orrin, the court of Vessel sent Nora away.",
     ["Nora Quill"], ["Tamsin", "Darlow", "Kelbury", "Orrin", "Vessel"]),
    ("es", "Inés Cortázar creció junto al río Almedo. En 1990 Inés dejó Quintanar, un pueblo de la sierra, y "
           "viajó desde Torrevieja hasta el aeropuerto de Barajuelo. Tras la batalla de Orbaneja, Inés volvió "
           "a vivir entre Lorca y Baza.",
     ["Inés Cortázar"], ["Almedo", "Quintanar", "Torrevieja", "Barajuelo", "Orbaneja", "Lorca", "Baza"]),
    ("it", "Lucia Brambilla nacque presso il torrente Osnago. Nel 1990 Lucia lasciò Carvento, una cittadina tra "
           "Lodrino e Brenzone, e tornò da Trevisco. Dopo la battaglia di Molvena il tribunale di Ardesio "
           "condannò Lucia. Morì a Pradalto per la proclamazione del Regno d'Esperia.",
     ["Lucia Brambilla"], ["Osnago", "Carvento", "Lodrino", "Brenzone", "Trevisco", "Molvena", "Ardesio",
                           "Pradalto", "Esperia"]),
]


@pytest.mark.parametrize("lang,text,people,places", PLACES)
def test_places_go_to_place_mentions_not_to_the_cast(lang, text, people, places):
    story = make_story({"d": (lang, text)})
    names = cast_names(story)
    for p in people:
        assert fold(p) in names, (p, names)
    for p in places:
        assert fold(p) not in names, p
        assert fold(p) in place_names(story), (p, place_names(story))


WEAK_BUT_ACTING = [
    ("en", "Ada Marsh sailed from Pellow. Later Ada gave the key to Rufus and Rufus smiled.", "Rufus"),
    ("es", "Ada Marsh zarpó de Pellow. Más tarde Ada habló con Rufus y Rufus sonrió.", "Rufus"),
    ("it", "Ada Marsh partì da Pellow. Più tardi Ada diede la chiave a Rufus e Rufus sorrise.", "Rufus"),
]


@pytest.mark.parametrize("lang,text,person", WEAK_BUT_ACTING)
def test_a_name_that_also_acts_stays_a_person_after_a_preposition(lang, text, person):
    story = make_story({"d": (lang, text)})
    assert fold(person) in cast_names(story)
    assert fold("Pellow") not in cast_names(story)


COMMENTATORS = [
    ("en", "Tomas Reyl printed the leaflets that night. According to Simon Avery the leaflets mattered more "
           "than the army. Tomas fled in May.", "Simon Avery"),
    ("es", "Tomás Reyl imprimió los panfletos esa noche. Según Simón Ávila los panfletos importaron más que el "
           "ejército. Tomás huyó en mayo.", "Simón Ávila"),
    ("it", "Tommaso Reyl stampò i volantini quella notte. Secondo Simone Avelli i volantini contarono più "
           "dell'esercito. Tommaso fuggì a maggio.", "Simone Avelli"),
]


@pytest.mark.parametrize("lang,text,commentator", COMMENTATORS)
def test_a_commentator_who_never_acts_is_not_a_character(lang, text, commentator):
    story = make_story({"d": (lang, text)})
    assert fold(commentator) not in cast_names(story)
    assert story.non_characters.get(commentator) == "commentator"


HYPHENATED = [
    ("en", "Dr. Ivo Marsh and Dr. Lena Crane found the comet in 1990. In 1995 it was named Marsh-Crane."),
    ("es", "El Dr. Ivo Marsh y la Dra. Lena Crane descubrieron el cometa en 1990. En 1995 se llamó Marsh-Crane."),
    ("it", "Il dott. Ivo Marsh e la dott.ssa Lena Crane scoprirono la cometa nel 1990. Nel 1995 fu chiamata "
           "Marsh-Crane."),
]


@pytest.mark.parametrize("lang,text", HYPHENATED)
def test_a_thing_named_after_two_of_the_cast_is_not_a_new_person(lang, text):
    story = make_story({"d": (lang, text)})
    names = cast_names(story)
    assert {fold("Ivo Marsh"), fold("Lena Crane")} <= names
    assert fold("Marsh-Crane") not in names
