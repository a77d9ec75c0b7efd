"""Characters stage: one person told in several languages is one cast entry.

Epithets and numerals are translated by a per-language table ("the Younger" / "il Giovane" / "el Joven"),
given names by a small table of exonyms, used only across documents of different languages and only when
a surname, an epithet or a numeral also matches. Every sentence is invented.
"""
from __future__ import annotations

import pytest

from pipeline.names import fold

from characters_support import make_story


def entries(story, name: str) -> list:
    return [c for c in story.characters.values() if not c.is_group
            and fold(name) in {fold(x) for x in [c.name, *c.aliases]}]


# documents {name: (lang, text)}, names that must be one entry
SAME = [
    ({"en": ("en", "Quinto the Younger wrote to his uncle from the coast."),
      "it": ("it", "Quinto il Giovane scrisse allo zio dalla costa."),
      "es": ("es", "Quinto el Joven escribió a su tío desde la costa.")},
     ["Quinto the Younger", "Quinto il Giovane", "Quinto el Joven"]),
    ({"en": ("en", "Pope John Paul II visited the harbour and he blessed the boats."),
      "it": ("it", "Papa Giovanni Paolo II visitò il porto e benedisse le barche."),
      "es": ("es", "El papa Juan Pablo II visitó el puerto y bendijo los barcos.")},
     ["John Paul II", "Giovanni Paolo II", "Juan Pablo II"]),
    ({"en": ("en", "Peter Varga decides to leave Sorn."),
      "it": ("it", "Pietro Varga decide di lasciare Sorn.")},
     ["Peter Varga", "Pietro Varga"]),
    ({"en": ("en", "King Henry IV returns to the capital."),
      "es": ("es", "El rey Enrique IV vuelve a la capital.")},
     ["Henry IV", "Enrique IV"]),
]


@pytest.mark.parametrize("docs,names", SAME)
def test_one_person_in_three_languages_is_one_entry(docs, names):
    story = make_story(docs)
    ids = {c.id for n in names for c in entries(story, n)}
    assert len(ids) == 1, [(c.name, c.aliases) for c in story.characters.values()]


# names that must stay separate entries
APART = [
    # two different surnames: the given names agree, the people do not
    ({"en": ("en", "Peter Varga decides to leave Sorn."), "it": ("it", "Pietro Lanzi decide di lasciare Sorn.")},
     ["Peter Varga", "Pietro Lanzi"]),
    # the elder and the younger are two people in any language
    ({"en": ("en", "Quinto the Elder wrote to the fleet."), "it": ("it", "Quinto il Giovane scrisse alla madre.")},
     ["Quinto the Elder", "Quinto il Giovane"]),
    # the same language: the exonym table never merges two people of one document
    ({"it": ("it", "Giovanni Varga e Juan Varga decidono di partire.")}, ["Giovanni Varga", "Juan Varga"]),
]


@pytest.mark.parametrize("docs,names", APART)
def test_different_people_stay_apart(docs, names):
    story = make_story(docs)
    ids = [c.id for n in names for c in entries(story, n)]
    assert len(ids) == len(names) and len(set(ids)) == len(names), \
        [(c.name, c.aliases) for c in story.characters.values()]
