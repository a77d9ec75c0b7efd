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


@pytest.mark.parametrize("lang,text,person,not_people", [
    # the translation of a place's name in brackets is no actor: "Isole Morte (Dead Isles)"
    ("en", "Marco Teal sailed on to the Isole Morte (Dead Isles), and he met the natives there.", "Marco Teal",
     ["Isole Morte", "Dead Isles"]),
    # a ship's name after a vessel noun; a capitalised word after a comma is another name, not a role
    # ("Niña" is also "a girl"): "la carabela Bruna, la carabela Niña"
    ("es", "Participaron tres naves: la carabela Bruna, la carabela Niña y la nao Gaviota. Tomás Rey mandaba "
           "la Bruna y él llegó primero.", "Tomás Rey", ["Bruna", "Niña", "Gaviota"]),
    ("it", "Partirono la caravella Bruna, la caravella Niña e il galeone Gaviota. Giorgio Neri comandava la Bruna.",
     "Giorgio Neri", ["Bruna", "Niña", "Gaviota"]),
    # "nella Chiesa sa ...": no epithet cut out of a word, no verb "sa" inside "Chiesa"
    ("it", "Le sue opere: il Codice Verde, che adesso si trova nella Biblioteca Rossa, e L'Ultima Tela nella "
           "Chiesa di Santa Rita. Marco Fabbri nacque nel 1452.", "Marco Fabbri", ["L'Ultima Tela"]),
])
def test_translations_ships_and_works_are_no_people(lang, text, person, not_people):
    story = make_story({"d": (lang, text)})
    names = cast_names(story)
    assert fold(person) in names
    for n in not_people:
        assert fold(n) not in names, (n, names)
    assert not any(c.actor for c in story.characters.values())


@pytest.mark.parametrize("lang,text,person,not_people", [
    # after a place phrase opening the sentence, the description belongs to the clause's subject
    ("it", "Quel giorno Marco Rossi sopravvive. A Londra, il capo dell'esercito apprende la notizia. Marco Rossi "
           "parte.", "Marco Rossi", ["Londra"]),
    # a unit's name after its noun: "la compañía Charlie", "il battaglione Aosta"
    ("es", "El capitán Juan Vela, que manda la compañía Charlie en el batallón Norte, sobrevive.", "Juan Vela",
     ["Charlie", "Norte"]),
    ("it", "Il tenente Marco Rossi, del battaglione Aosta e della compagnia Bruno, sopravvive.", "Marco Rossi",
     ["Aosta", "Bruno"]),
    # "gli abitanti di X", "X, borgo fedele al re", "fuori X": a place
    ("it", "Lucia Sarti nasce a Vellano. Vellano si trova sul confine. Gli abitanti di Vellano, borgo fedele al "
           "re, fuggono. Lucia torna a Vellano.", "Lucia Sarti", ["Vellano"]),
    ("en", "Born in Castor, just outside Mirabel, Ana Ruiz was the daughter of a notary. Mirabel, a hamlet, grew. "
           "Ana moved to Mirabel.", "Ana Ruiz", ["Mirabel"]),
    # "X, or Y" names X again; a name opening with a common word is no person for being listed with one
    ("es", "El primer viaje de Tomás Rey, o Viaje del Regreso, fue una expedición. Tomás Rey vuelve a casa.",
     "Tomás Rey", ["Viaje del Regreso"]),
])
def test_places_units_and_alternative_names_beside_people_are_no_people(lang, text, person, not_people):
    names = cast_names(make_story({"d": (lang, text)}))
    assert fold(person) in names
    for n in not_people:
        assert fold(n) not in names, (n, names)


@pytest.mark.parametrize("lang,text,person,not_people", [
    # saints and angels the story invokes: after "santas", "arcángel", and the list they open
    ("es", "Juana Ruiz creció en el campo. Con 12 años dijo que oía las voces de santas Lucía y Marta y "
           "del arcángel Gabriel. Juana partió.", "Juana Ruiz", ["Lucía", "Marta", "Gabriel"]),
    ("it", "Giovanna Neri cresce in campagna. Dice di sentire le voci di sante Lucia e Marta e dell'arcangelo "
           "Gabriele. Giovanna parte.", "Giovanna Neri", ["Lucia", "Marta", "Gabriele"]),
    ("en", "Jane Rowe grew up on a farm. She said she heard the voices of saints Lucy and Martha and the archangel "
           "Gabriel. Jane left.", "Jane Rowe", ["Lucy", "Martha", "Gabriel"]),
    # a work named after its titled hero: quoted, or after "wrote"
    ("es", "Ana Ruiz compuso obras tan famosas como «Don Tadeo» y «La fuente». Entre los soldados estaba Miguel "
           "Sanz, que luego escribió Don Rodrigo. Ana Ruiz murió.", "Ana Ruiz", ["Tadeo", "Rodrigo", "Don Tadeo"]),
    ("en", "Among the soldiers was a young Miguel Sanz, who later wrote Don Rodrigo. Miguel Sanz was wounded.",
     "Miguel Sanz", ["Rodrigo", "Don Rodrigo"]),
])
def test_saints_invoked_and_works_named_after_a_titled_hero_are_no_people(lang, text, person, not_people):
    story = make_story({"d": (lang, text)})
    names = cast_names(story)
    assert fold(person) in names
    for n in not_people:
        assert fold(n) not in names, (n, names)
