"""Characters stage: nicknames, surnames shared by several people, families, surnames in titles."""
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


def people(story: Story) -> list:
    return [c for c in story.characters.values() if not c.is_group]


NICKNAMES = [
    ("en", 'Theodora "Teddy" Blane (Ann Rook) learns to fly. Her aunt Greta Blane (Joy Hale) disapproves. '
           "Teddy crashes in 1950."),
    ("es", 'Theodora "Teddy" Blane (Ann Rook) aprende a volar. Su tía Greta Blane (Joy Hale) no lo aprueba. '
           "Teddy se estrella en 1950."),
    ("it", "Theodora “Teddy” Blane (Ann Rook) impara a volare. Sua zia Greta Blane (Joy Hale) non approva. "
           "Teddy precipita nel 1950."),
]


@pytest.mark.parametrize("lang,text", NICKNAMES)
def test_first_nick_last_is_one_person_with_the_nickname_as_alias(lang, text):
    story = make_story({"d": (lang, text)})
    teddy = person(story, "Teddy")
    assert teddy is not None and teddy.name == "Theodora Blane"
    assert teddy.actor == "Ann Rook" and teddy.mentions == 2
    greta = person(story, "Greta Blane")
    assert greta is not None and greta is not teddy and greta.actor == "Joy Hale"
    assert len(people(story)) == 2


DISTRIBUTED = [
    ("en", "The two sisters Mara and Elsa Dunne ran the mill. Mara kept the books."),
    ("en", "The sisters Dunne, Mara and Elsa, ran the mill. Mara kept the books."),
    ("es", "Las dos hermanas Mara y Elsa Dunne llevaban el molino. Mara llevaba las cuentas."),
    ("es", "Las hermanas Dunne, Mara y Elsa, llevaban el molino. Mara llevaba las cuentas."),
    ("it", "Le due sorelle Mara ed Elsa Dunne gestivano il mulino. Mara teneva i conti."),
    ("it", "Le due sorelle Dunne, Mara e Elsa, gestivano il mulino. Mara teneva i conti."),
]


@pytest.mark.parametrize("lang,text", DISTRIBUTED)
def test_a_surname_after_several_first_names_belongs_to_each(lang, text):
    story = make_story({"d": (lang, text)})
    names = sorted(c.name for c in people(story))
    assert names == ["Elsa Dunne", "Mara Dunne"]
    mara = person(story, "Mara Dunne")
    assert mara.mentions == 2
    groups = [g for g in story.characters.values() if g.is_group]
    assert groups and sorted(groups[0].members) == sorted([mara.id, person(story, "Elsa Dunne").id])


def test_first_name_of_someone_with_another_surname_is_not_given_a_new_one():
    story = make_story({"d": ("en", "Mara Quinn met Paul. Later Mara and Elsa Dunne ran the mill.")})
    assert person(story, "Mara").name == "Mara Quinn"
    assert person(story, "Mara Dunne") is None


SHARED_SURNAME = [
    ("en", "Professor Hal Ostrow taught at the college. His wife, Mrs. Wren Ostrow, painted. "
           "Mrs. Ostrow sold a painting. Mr. Ostrow was angry.",
     [("Mrs. Ostrow", "Wren Ostrow"), ("Mr. Ostrow", "Hal Ostrow")]),
    ("es", "El conde Ugo Ravelli vivía en Lucerna. Su hija Bice Ravelli cosía banderas. El conde Ravelli partió. "
           "La Sra. Ravelli lloró.",
     [("conde Ravelli", "Ugo Ravelli"), ("Sra. Ravelli", "Bice Ravelli")]),
    ("it", "Il conte Ugo Ravelli viveva a Lucerna. Sua figlia Bice Ravelli cuciva bandiere. Il conte Ravelli partì. "
           "La signora Ravelli pianse.",
     [("conte Ravelli", "Ugo Ravelli"), ("signora Ravelli", "Bice Ravelli")]),
]


@pytest.mark.parametrize("lang,text,links", SHARED_SURNAME)
def test_a_shared_surname_with_a_title_goes_to_the_one_with_that_title_or_gender(lang, text, links):
    story = make_story({"d": (lang, text)})
    for surface, name in links:
        ms = [m for m in story.mentions if m.text == surface]
        assert ms, (surface, [m.text for m in story.mentions])
        assert {story.characters[m.char_id].name for m in ms} == {name}, surface


def test_a_bare_shared_surname_goes_to_the_only_one_named_nearby():
    story = make_story({"d": ("en", "Mrs. Ada Lorne wrote a letter. The rain fell. The roads closed. "
                                    "The school shut. The bridge fell. Professor Ivo Lorne read the notes. "
                                    "Lorne smiled.")})
    ms = [m for m in story.mentions if m.text == "Lorne"]
    assert [story.characters[m.char_id].name for m in ms] == ["Ivo Lorne"]


TITLES = [
    ("en", '"The Ledger of Holt" (2019), directed by Rosa Prat, follows Julian Holt (Pau Vives). '
           "Holt hides a secret."),
    ("es", '"La casa de Holt" (2019), dirigida por Rosa Prat, sigue a Don Julian Holt (Pau Vives). '
           "Holt esconde un secreto."),
    ("it", '"Il registro di Holt" (2019), diretto da Rosa Prat, segue Julian Holt (Pau Vives). '
           "Holt nasconde un segreto."),
]


@pytest.mark.parametrize("lang,text", TITLES)
def test_a_film_title_does_not_hide_a_characters_surname(lang, text):
    story = make_story({"d": (lang, text)})
    julian = person(story, "Julian Holt")
    assert julian is not None and julian.actor == "Pau Vives"
    texts = [m.text for m in story.mentions if m.char_id == julian.id]
    assert "Holt" in texts
    assert not [m for m in story.mentions if m.cstart < text.index(")")]  # nothing inside the title


FAMILIES = [
    ("en", "Greta Lind (Ann Rook) and her brother Olaf Lind run a farm. In 1930 the Lind family loses the farm.",
     "the Lind family"),
    ("es", "Greta Lind (Ann Rook) y su hermano Olaf Lind llevan una granja. En 1930 la familia Lind pierde la "
           "granja.", "la familia Lind"),
    ("it", "Greta Lind (Ann Rook) e suo fratello Olaf Lind gestiscono una fattoria. Nel 1930 la famiglia Lind "
           "perde la fattoria.", "la famiglia Lind"),
]


@pytest.mark.parametrize("lang,text,phrase", FAMILIES)
def test_the_family_phrase_is_a_group_of_everyone_with_that_surname(lang, text, phrase):
    story = make_story({"d": (lang, text)})
    greta, olaf = person(story, "Greta Lind"), person(story, "Olaf Lind")
    assert greta and olaf and greta is not olaf
    ms = [m for m in story.mentions if m.text.lower() == phrase.lower()]
    assert len(ms) == 1
    fam = story.characters[ms[0].char_id]
    assert fam.is_group and sorted(fam.members) == sorted([greta.id, olaf.id])


GROUP_SURNAME = [
    ("en", "The two sisters Mara and Elsa Dunne ran the mill. In 1950 the two sisters Dunne sold it.",
     "the two sisters Dunne"),
    ("es", "Las dos hermanas Mara y Elsa Dunne llevaban el molino. En 1950 las dos hermanas Dunne lo vendieron.",
     "las dos hermanas Dunne"),
    ("it", "Le due sorelle Mara ed Elsa Dunne gestivano il mulino. Nel 1950 le due sorelle Dunne lo vendettero.",
     "le due sorelle Dunne"),
]


@pytest.mark.parametrize("lang,text,phrase", GROUP_SURNAME)
def test_a_shared_surname_after_a_group_phrase_names_the_group(lang, text, phrase):
    story = make_story({"d": (lang, text)})
    ms = [m for m in story.mentions if m.text == phrase]
    assert len(ms) == 1
    g = story.characters[ms[0].char_id]
    assert g.is_group and len(g.members) == 2
    assert not [m for m in story.mentions if m.text == "Dunne"]
