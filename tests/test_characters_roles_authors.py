"""Characters stage: capitalised role words before names, fathers and daughters sharing a surname,
authors of the book, places after a relative's noun."""
from __future__ import annotations

import pytest

from pipeline.model import Story
from pipeline.names import fold

from characters_support import make_story


def person(story: Story, name: str):
    for c in story.characters.values():
        if not c.is_group and fold(name) in {fold(x) for x in [c.name, *c.aliases]}:
            return c
    return None


def names(story: Story) -> set[str]:
    return {c.name for c in story.characters.values() if not c.is_group}


ROLE_TITLES = [
    ("en", "In May, Constable Peter Wren questions the fishermen. Later the constable meets Peter at the pier.",
     "Peter Wren"),
    ("en", "Owner Marco Zanin closes the gates. Marco refuses to talk.", "Marco Zanin"),
    ("es", "Alcalde Rubén Olmo cierra el puerto. Al día siguiente Rubén habla con los pescadores.", "Rubén Olmo"),
    ("es", "Capataz Rubén Olmo despide a los obreros. Rubén se va a casa.", "Rubén Olmo"),
    ("it", "Sindaco Marco Zanin chiude il porto. Il giorno dopo Marco parla con i pescatori.", "Marco Zanin"),
    ("it", "Il giorno dopo il proprietario, Marco Zanin, chiude i cancelli. Marco non parla.", "Marco Zanin"),
]


@pytest.mark.parametrize("lang,text,name", ROLE_TITLES)
def test_capitalised_role_word_is_a_title_not_part_of_the_name(lang, text, name):
    story = make_story({"d": (lang, text)})
    assert names(story) == {name}
    assert len(person(story, name).aliases) >= 1   # the given name alone joins the full name


SHARED_SURNAME = [
    ("en", "Ramón Duarte owns the mill. The next day Duarte fires everyone. A week later Inés, the daughter "
           "of Duarte, visits the prison. Inés weeps. Inés marries Leo. Days later Duarte signs the deal."),
    ("es", "La fábrica es de Ramón Duarte. Al día siguiente Duarte despide a todas. Pocos días después Inés, "
           "la hija de Duarte, visita la cárcel. Inés llora. Inés se casa con Leo. Días después Duarte firmó "
           "un acuerdo."),
    ("it", "La fabbrica è di Ramón Duarte. Il giorno dopo Duarte licenzia tutte. Pochi giorni dopo Inés, "
           "la figlia di Duarte, visita il carcere. Inés piange. Inés sposa Leo. Giorni dopo Duarte firmò "
           "un accordo."),
]


@pytest.mark.parametrize("lang,text", SHARED_SURNAME)
def test_bare_surname_goes_to_the_one_written_with_it_not_to_his_daughter(lang, text):
    story = make_story({"other": ("en", "Inés Duarte is the daughter of Ramón Duarte."), "d": (lang, text)})
    ramon, ines = person(story, "Ramón Duarte"), person(story, "Inés Duarte")
    assert ramon is not None and ines is not None and ramon.id != ines.id
    bare = [m for m in story.mentions if m.doc == "d" and m.text == "Duarte"]
    assert len(bare) == 3
    assert {m.char_id for m in bare} == {ramon.id}


AUTHORS = [
    ("en", "The Glass Orchard is the second novel by Clara Voss. Tom Reed finds a key. Voss writes well."),
    ("en", '"The Glass Orchard" by Clara Voss opens in 1950. Tom Reed finds a key. Voss writes well.'),
    ("es", "El huerto de cristal es la segunda novela de Clara Voss. Tomás Reyes encuentra una llave. "
           "Voss escribe bien."),
    ("it", "«Il frutteto di vetro» di Clara Voss è un romanzo. Tommaso Ricci trova una chiave. Voss scrive bene."),
    ("it", "È il secondo romanzo di Clara Voss. Tommaso Ricci trova una chiave. Voss scrive bene."),
]


@pytest.mark.parametrize("lang,text", AUTHORS)
def test_author_of_the_book_is_not_a_character(lang, text):
    story = make_story({"d": (lang, text)})
    assert person(story, "Clara Voss") is None and person(story, "Voss") is None
    assert story.non_characters.get("Clara Voss") == "author"
    assert len(names(story)) == 1   # the hero is kept


PLACE_AFTER_RELATIVE = [
    ("en", "Lia Moro, shaken by her brother's death in Provence, leaves the village. Lia cries."),
    ("es", "Lia Moro, afectada por la muerte de su hermano en Provenza, deja el pueblo. Lia llora."),
    ("it", "Ma Lia Moro, sconvolta dalla morte del fratello in Provenza, lascia il paese. Lia piange."),
]


@pytest.mark.parametrize("lang,text", PLACE_AFTER_RELATIVE)
def test_place_after_a_relatives_noun_and_a_preposition_is_not_a_person(lang, text):
    story = make_story({"d": (lang, text)})
    assert names(story) == {"Lia Moro"}
