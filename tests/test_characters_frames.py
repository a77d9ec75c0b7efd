"""Characters stage: the frame around a name says whether it is a person in the story.

A work's title named after a person, a compound surname, a person named only inside an opinion, a credit
through a misspelt nationality, and one asked for help. Every sentence is invented.
"""
from __future__ import annotations

import pytest

from pipeline.names import fold

from characters_support import make_story


def names(story) -> set[str]:
    return {fold(x) for c in story.characters.values() if not c.is_group for x in [c.name, *c.aliases]}


# (lang, text, names that must be in the cast, names that must not)
ROWS = [
    # a play or book named after a person: after a work word, a work verb, or a capitalised article mid-sentence
    ("en", "Tomas Brill wrote the play Edna Marlow in a month. Tomas Brill says he was tired.", ["Tomas Brill"],
     ["Edna Marlow"]),
    ("es", "Tomás Brío terminó su obra Elvira Cano en 1921. Tomás Brío dijo que estaba cansado.", ["Tomás Brío"],
     ["Elvira Cano"]),
    ("it", "Tommaso Brina scrisse il dramma Elvira Cani nel 1921. Tommaso Brina disse di essere stanco.",
     ["Tommaso Brina"], ["Elvira Cani"]),
    ("it", "Sul fronte teatrale, Elvira Cani, con scene disegnate da Tommaso Brina, debutta a Bari.", [],
     ["Elvira Cani"]),
    ("it", "Compone le opere più note: Pane nero, Lupa e La casa de Elvira Cani. Tommaso Brina torna a casa.",
     ["Tommaso Brina"], ["Elvira Cani"]),
    ("es", "Escribió tres dramas: Sal, Luna y La casa de Elvira Cano. Tomás Brío vuelve a casa.", ["Tomás Brío"],
     ["Elvira Cano"]),
    # a Spanish compound surname is one person, not two (a person by what the story does with it: its first
    # half is no given name)
    ("es", "En Madrid conoció a Anselmo y Quirós. Luego volvió a Toledo.",
     ["Anselmo y Quirós"], ["Anselmo", "Quirós"]),
    ("es", "Ana y Luis llegaron tarde. Ana dijo que estaba cansada.", ["Ana", "Luis"], ["Ana y Luis"]),
    ("es", "Viajó entre Santiago y Valtierra durante años. Marta Gil decide quedarse.", ["Marta Gil"],
     ["Santiago y Valtierra"]),
    # named only inside an opinion about the story: not one of its people; the one giving it may be
    ("it", "Gli storici sono d'accordo sul peso che ebbe Papa Leone XX nella crisi. Il presidente Ugo Serra "
           "testimoniò che senza Leone XX la pace non sarebbe arrivata. Ugo Serra firma il trattato.",
     ["Ugo Serra"], ["Leone XX"]),
    ("en", "Historians agree that without Bishop Alvar Kemp the revolt would have failed. Tom Reyes decides to "
           "leave the town.", ["Tom Reyes"], ["Alvar Kemp"]),
    ("es", "Los historiadores coinciden en que sin el obispo Alvar Kemp la revuelta habría fracasado. Tomás Reyes "
           "decide marcharse.", ["Tomás Reyes"], ["Alvar Kemp"]),
    # a song credited to a musician through a misspelt nationality
    ("it", "Vinse un premio per la miglior canzone (Lune di vetro, dell’uruguaiono Ettore Sbarra). Nino Pace parte.",
     ["Nino Pace"], ["Ettore Sbarra"]),
    ("it", "Vinse un premio per la miglior canzone (Lune di vetro, dell’argentino Ettore Sbarra). Nino Pace parte.",
     ["Nino Pace"], ["Ettore Sbarra"]),
    # one asked for help is a person, not a place after "to"/"da"/"a"
    ("en", "Tom Reyes goes to Quillan for help in finding the cart.", ["Tom Reyes", "Quillan"], []),
    ("it", "Nino Pace va da Quillan per chiedere aiuto.", ["Nino Pace", "Quillan"], []),
    ("es", "Tomás Reyes acude a Quillán en busca de ayuda.", ["Tomás Reyes", "Quillán"], []),
    # ... while a place after the same prepositions stays a place
    ("en", "Tom Reyes goes to Quillan to find work. Later he goes to Quillan again.", ["Tom Reyes"], ["Quillan"]),
]


@pytest.mark.parametrize("lang,text,people,not_people", ROWS)
def test_the_frame_around_a_name_decides_the_cast(lang, text, people, not_people):
    story = make_story({"d": (lang, text)})
    cast = names(story)
    for p in people:
        assert fold(p) in cast, (p, cast)
    for bad in not_people:
        assert fold(bad) not in cast, (bad, cast)


def test_a_name_left_out_says_why():
    story = make_story({"d": ("en", "Historians agree that without Bishop Alvar Kemp the revolt would have "
                                    "failed. Tom Reyes decides to leave.")})
    assert "opinion" in story.non_character_reasons["Alvar Kemp"]
