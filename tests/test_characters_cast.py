"""Characters stage: who is in the cast, with which actor, under which canonical name."""
from __future__ import annotations


import pytest

from pipeline.model import Story
from pipeline.names import fold

from characters_support import make_story


def cast(story: Story) -> dict[str, object]:
    return {fold(c.name): c for c in story.characters.values() if not c.is_group}


def find(story: Story, name: str):
    """The cast member whose name or alias is `name`."""
    for c in story.characters.values():
        if not c.is_group and fold(name) in {fold(x) for x in [c.name, *c.aliases]}:
            return c
    return None


ACTORS = [
    ("en", "Maggie Lowell (Anna Keller) grows up in Bristol, England. Her teacher (Ruth Ammon) encourages her. "
           "Director Paul Brenner keeps the pace slow. Anna Keller gives a fine performance and Maggie wins the prize.",
     "Maggie Lowell", "Anna Keller", ["Anna Keller", "Ruth Ammon", "Paul Brenner", "Bristol", "England"]),
    ("es", "La película, dirigida por Álvaro Ruiz, sigue a Inés Carrasco (Lola Vidal), una maestra que vive en Sevilla. "
           "Un vecino (Pedro Lanza) la ayuda. Lola Vidal está magnífica. Al final Inés se queda en Sevilla.",
     "Inés Carrasco", "Lola Vidal", ["Lola Vidal", "Pedro Lanza", "Álvaro Ruiz", "Sevilla"]),
    ("it", "Il film, diretto da Marco Rinaldi, racconta la storia di Chiara Benassi (Elena Sarti), che vive nella "
           "città di Torino. Un insegnante (Franco Dolci) la aiuta. Elena Sarti e Luca Moro hanno una bella intesa. "
           "Alla fine Chiara lascia Torino.",
     "Chiara Benassi", "Elena Sarti", ["Elena Sarti", "Franco Dolci", "Marco Rinaldi", "Luca Moro", "Torino"]),
]


@pytest.mark.parametrize("lang,text,name,actor,not_chars", ACTORS)
def test_actor_in_parentheses_is_linked_and_never_a_character(lang, text, name, actor, not_chars):
    story = make_story({"d": (lang, text)})
    c = find(story, name)
    assert c is not None and c.name == name
    assert c.actor == actor
    names = set(cast(story))
    for bad in not_chars:
        assert fold(bad) not in names, bad


@pytest.mark.parametrize("lang,review", [
    ("en", "Rosa Alba was around 30 when this movie was made, and Julia Mendez is wonderful."),
    ("es", "Julia Mendes tenía unos 30 años durante el rodaje y está espléndida."),
    ("it", "Julia Mendes è bravissima e il regista la dirige con mano leggera."),
])
def test_actor_known_from_one_document_is_no_character_in_another(lang, review):
    story = make_story({"plot": ("en", "Rosa Alba (Julia Mendes) runs a bakery in Leeds. Rosa hires a boy."),
                        "review": (lang, review)})
    names = set(cast(story))
    assert "julia mendes" not in names and "julia mendez" not in names
    assert find(story, "Rosa Alba").actor == "Julia Mendes"


NON_PERSONS = [
    ("en", 'In 1961 the satellite Vostok 3 reaches orbit. Peter Marsh joins the Royal Rowing Club and studies at '
           'Oakfield University. He climbs Mount Talbot and sails on the ship Marigold. His film "Silver Wind" wins '
           "an Oscar. Peter Marsh later falls ill with Crohn's disease.",
     "Peter Marsh", ["Mount Talbot"]),
    ("es", 'Lucas Ferrer trabaja en la Compañía Minera del Norte y vive en Valparaíso. Viaja en el barco Esperanza '
           'y gana el Premio Cervantes. Su libro "Mar de fondo" es famoso. Lucas Ferrer sufre la enfermedad de Chagas.',
     "Lucas Ferrer", ["Valparaíso"]),
    ("it", "Giorgio Bassi lavora per la Società Elettrica e vive nella città di Ferrara. Sale sulla nave Aurora e "
           "vince il Premio Strega. Giorgio Bassi si ammala del morbo di Parkinson. Il satellite Sirio 2 passa "
           "sopra Ferrara.",
     "Giorgio Bassi", ["Ferrara"]),
]


@pytest.mark.parametrize("lang,text,person,places", NON_PERSONS)
def test_places_organisations_vehicles_titles_awards_diseases_are_not_characters(lang, text, person, places):
    story = make_story({"d": (lang, text)})
    assert list(cast(story)) == [fold(person)]
    found = {m.char_id for m in story.place_mentions}
    for p in places:
        assert p in found


def test_place_with_state_is_a_place_not_a_character():
    story = make_story({"d": ("en", "The story is set in Millbrook, Ohio in 1950. Millbrook is a mill town. "
                                    "Ada Quinn (Lisa Ray) dreams of leaving Millbrook.")})
    assert set(cast(story)) == {"ada quinn"}
    assert {"Millbrook", "Ohio"} <= {m.char_id for m in story.place_mentions}


def test_film_title_in_quotes_and_films_listed_after_a_director_are_not_characters():
    story = make_story({"d": ("en", 'Director Sam Oduya is known for movies such as Dustland & Cold River 2 & '
                                    '"Blue Hour". "Blue Hour" follows Tilda Marr (Jo Fenn) and her friend Kit. '
                                    "Tilda and Kit open a shop.")})
    assert set(cast(story)) == {"tilda marr", "kit"}


ALIASES = [
    # first name / surname / ambiguous shared surname
    ({"d": ("en", "Eleanor Vance and her brother Peter Vance run a bakery in Dunmore. Eleanor bakes bread while "
                  "Peter sells it. Vance is a common name in Dunmore. Mrs. Okafor, their neighbour, buys bread. "
                  "Later Grace Okafor helps Peter.")},
     {"Eleanor Vance": ["Eleanor"], "Peter Vance": ["Peter"], "Grace Okafor": ["Mrs. Okafor"]}, ["Vance"]),
    # Spanish honorifics
    ({"d": ("es", "La señora Carmen Olmos abre una tienda en Cádiz. La Sra. Olmos vende pan. Carmen trabaja mucho. "
                  "Don Julián Pardo, el panadero, la visita.")},
     {"Carmen Olmos": ["señora Carmen Olmos", "Sra. Olmos", "Carmen"], "Julián Pardo": ["Don Julián Pardo"]}, []),
    # Italian and English honorific forms of one person across documents, with the actor from English
    ({"it": ("it", "La signorina Anna Ricci insegna a Siena. Un giorno la signorina Ricci parte."),
      "en": ("en", "Miss Ricci (Paola Neri) teaches in Siena.")},
     {"Anna Ricci": ["signorina Anna Ricci", "signorina Ricci", "Miss Ricci"]}, []),
    # machine-translation spelling variants
    ({"en": ("en", "Ivan Petrovsky (Karl Mohr) works in the mine. Ivan is brave."),
      "it": ("it", "Ivan Petrovski lavora in miniera. Il sostituto di Petrovski arriva.")},
     {"Ivan Petrovsky": ["Ivan Petrovski", "Ivan", "Petrovski"]}, []),
]


@pytest.mark.parametrize("docs,expected,not_aliases", ALIASES)
def test_aliases_cluster_into_one_character(docs, expected, not_aliases):
    story = make_story(docs)
    people = cast(story)
    assert len(people) == len(expected), sorted(people)
    for name, aliases in expected.items():
        c = people[fold(name)]
        assert c.name == name
        for a in aliases:
            assert a in c.aliases, (a, c.aliases)
        for a in not_aliases:
            assert a not in c.aliases


def test_character_fields_are_complete():
    story = make_story({"a": ("en", "Maggie Lowell (Anna Keller) grows up in Bristol. Maggie sings."),
                        "b": ("it", "Maggie canta a Bristol.")})
    c = find(story, "Maggie Lowell")
    assert c.id == "maggie-lowell" and c.id in story.characters
    assert c.mentions == 3 and c.docs == ["a", "b"]
    assert c.aliases == ["Maggie"]
    assert not c.is_group
