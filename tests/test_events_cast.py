"""A name that only lines about the work name (a director in a review, the leads praised, who wrote the script)
is nobody in the story: it leaves the cast, with its reason, and no event keeps it."""
from __future__ import annotations

import pytest

import pipeline

REVIEWS = [
    ("it", "Bruno Dalla e sua figlia Nina vivono a Bari. Bruno lascia Greta, la madre di Nina. Il perdono e la "
           "redenzione: Ivo Kral ripropone i temi dei suoi film precedenti e ne realizza una sintesi commovente. Un "
           "film delicato e malinconico, e i due interpreti principali (Tea Moro e Lia Sarti) lo illuminano con le "
           "loro interpretazioni.", ["Bruno Dalla", "Nina", "Greta"], ["Ivo Kral", "Tea Moro", "Lia Sarti"]),
    ("it", "Lino Vasi torna a dirigere Ugo Ferri nel suo nuovo lavoro, presentato alla Festa del Cinema di Roma. Il "
           "diciottenne Marco Serra viene rapito una notte. Marco Serra è costretto a combattere.", ["Marco Serra"], ["Lino Vasi", "Ugo Ferri"]),
    ("es", "Un muchacho obligado por su padre va al médico y le engaña. Para su protagonista el director eligió a "
           "Ivo Kral, cuya voz suena diferente de la de los otros personajes.", [], ["Ivo Kral"]),
]


@pytest.mark.parametrize("lang,text,people,not_people", REVIEWS)
def test_people_named_only_about_the_work_are_not_the_cast(lang, text, people, not_people):
    story = pipeline.run(texts={"d": text}, lang_override={"d": lang})
    names = {c.name for c in story.characters.values() if not c.is_group}
    assert set(people) <= names and not names & set(not_people), (names, story.non_characters)
    for name in not_people:
        assert name in story.non_characters and story.non_character_reasons.get(name)
    assert not any(n in e.characters for e in story.events for n in not_people)
