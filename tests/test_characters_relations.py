"""Characters stage: groups with their members, family phrases resolved to characters."""
from __future__ import annotations

import pytest

from pipeline.model import Story
from pipeline.names import fold

from characters_support import make_story


def char_id(story: Story, name: str) -> str:
    for c in story.characters.values():
        if not c.is_group and fold(name) in {fold(x) for x in [c.name, *c.aliases]}:
            return c.id
    raise KeyError(name)


GROUPS = [
    ("en", "Sam, Leo, Ada and Tom build a raft in Kent. The four sail down the river. Later the boys argue.",
     "The four", ["Sam", "Leo", "Ada", "Tom"], ["the boys"]),
    ("es", "Marta, Julia y Rosa abren un café en Vigo. Las tres trabajan juntas. Un día la pandilla discute.",
     "Las tres", ["Marta", "Julia", "Rosa"], ["la pandilla"]),
    ("it", "Paolo, Dario, Nino e Carla costruiscono una barca nel porto di Chioggia. I quattro partono all'alba. "
           "Poi i ragazzi tornano a casa.",
     "I quattro", ["Paolo", "Dario", "Nino", "Carla"], ["i ragazzi"]),
]


@pytest.mark.parametrize("lang,text,numbered,members,others", GROUPS)
def test_group_phrase_gets_the_members_the_text_names(lang, text, numbered, members, others):
    story = make_story({"d": (lang, text)})
    groups = {c.name: c for c in story.characters.values() if c.is_group}
    assert numbered in groups
    want = {char_id(story, m) for m in members}
    assert set(groups[numbered].members) == want
    for o in others:
        assert o in groups and set(groups[o].members) == want  # the gang of the story
    # group mentions point at the group, and groups are not part of the cast
    gm = [m for m in story.mentions if m.char_id == groups[numbered].id]
    assert [m.text for m in gm] == [numbered]
    assert all(not fold(g) in {fold(c.name) for c in story.characters.values() if not c.is_group}
               for g in groups)


def test_numbered_group_skips_adults_named_with_a_title():
    story = make_story({"d": ("en", "One day Nell teams up with Omar. With the help of her friends, Bea Cruz and Ivo Park, "
                                    "and support from their teacher, Miss Lang, the four build a kite.")})
    g = next(c for c in story.characters.values() if c.is_group)
    assert set(g.members) == {char_id(story, n) for n in ("Nell", "Omar", "Bea Cruz", "Ivo Park")}


FAMILY = [
    ("en", "Nora Blake lives in Whitby with her father Henry. Nora's father (Sean Doyle) is a fisherman. "
           "One day her father disappears.",
     "Henry", "Sean Doyle", ["father", "her father"]),
    ("es", "Elena vive con su padre Arturo en Cádiz. El padre de Elena (Raúl Pinto) es pescador. "
           "Un día su padre enferma.",
     "Arturo", "Raúl Pinto", ["El padre", "su padre"]),
    ("it", "Marta abita con sua madre Irene a Bari. La madre di Marta (Anna Fosco) lavora in porto. "
           "Poi sua madre parte.",
     "Irene", "Anna Fosco", ["La madre", "sua madre"]),
]


@pytest.mark.parametrize("lang,text,relative,actor,phrases", FAMILY)
def test_family_phrases_resolve_to_the_named_relative(lang, text, relative, actor, phrases):
    story = make_story({"d": (lang, text)})
    cid = char_id(story, relative)
    c = story.characters[cid]
    assert c.actor == actor
    texts = [m.text for m in story.mentions if m.char_id == cid]
    assert texts[0] == relative
    assert texts[1:] == phrases
    assert fold(actor) not in {fold(x.name) for x in story.characters.values()}


def test_relation_stated_in_one_document_resolves_in_another():
    story = make_story({
        "plot": ("en", "Walter Grey (Colin Reed) hopes that his sons, Ben (Tim Fry) and Max, will run the farm. "
                       "Max wants to paint."),
        "review": ("es", "Max sueña con pintar, pero el padre de Max (Colin Reed) no lo entiende."),
    })
    walter = char_id(story, "Walter Grey")
    assert story.characters[walter].actor == "Colin Reed"
    ms = [m for m in story.mentions if m.doc == "review" and m.char_id == walter]
    assert [m.text for m in ms] == ["el padre"]
    assert story.characters[char_id(story, "Ben")].actor == "Tim Fry"


def test_actor_cast_as_a_relative_in_a_review_is_linked_not_mentioned():
    story = make_story({"plot": ("en", "Ana lives with her father Luis in Oviedo. Ana studies."),
                        "review": ("en", "Carlos Mena as her father gives a fine performance.")})
    luis = char_id(story, "Luis")
    assert story.characters[luis].actor == "Carlos Mena"
    assert not [m for m in story.mentions if m.doc == "review"]


def test_surname_shared_by_a_family_is_not_an_alias_of_either():
    story = make_story({"d": ("en", "Ruth Kane loves her husband Abel Kane. Kane works at the docks. "
                                    "Ruth waits for Abel.")})
    for name in ("Ruth Kane", "Abel Kane"):
        c = story.characters[char_id(story, name)]
        assert "Kane" not in c.aliases
    assert not [m for m in story.mentions if m.text == "Kane"]


@pytest.mark.parametrize("lang,text", [
    ("en", "Young Lou Garza (Nick Dane) loves kites. He and two of his friends fly them in Tulsa."),
    ("es", "El joven Lou Garza ama las cometas. Él y dos de sus amigos las vuelan en Tulsa."),
    ("it", "Il giovane Lou Garza ama gli aquiloni. Lui e due dei suoi amici li fanno volare a Tulsa."),
])
def test_he_and_n_of_his_friends_is_a_group_with_him_in_it(lang, text):
    story = make_story({"d": (lang, text)})
    g = story.characters["group-n3"]
    assert g.is_group and g.members == [char_id(story, "Lou Garza")]
    assert [m.text.lower()[:3] for m in story.mentions if m.char_id == g.id] == [text.split(". ")[1][:3].lower()]


def test_single_name_in_parentheses_after_a_relation_is_the_relative_not_an_actor():
    story = make_story({"d": ("en", "Otto Brand (Ben Cole) works at the docks of Hull. His mother (Greta) keeps house. "
                                    "Greta cooks for Otto.")})
    greta = story.characters[char_id(story, "Greta")]
    assert greta.actor is None and greta.mentions >= 2
    assert story.characters[char_id(story, "Otto Brand")].actor == "Ben Cole"
