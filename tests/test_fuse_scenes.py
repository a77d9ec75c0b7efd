"""A scene join (two sentences of one document with the same subject and no time of their own, made one
event) is undone by fusion when another telling tells the two sentences as two events; kept otherwise
(our own invented stories)."""
from __future__ import annotations

import pytest

from fuse_support import StoryRuns, event_telling

STORIES = {
    # the setting (dated) and the theft share a subject here; the other telling dates the theft on its own
    "horse": {
        "horse_en.txt": "Rosa Vell works on the farm of the Grau family in 1921. Rosa steals the black horse from "
                        "the stable of the farm. Rosa hides the horse in the old mill by the river. In the spring "
                        "the Grau family sells the farm.",
        "horse_es.txt": "Rosa Vell trabaja en la granja de la familia Grau en 1921. Una noche Rosa roba el caballo "
                        "negro del establo. El capataz Bruno Sala descubre el robo al amanecer y busca a Rosa por "
                        "todo el valle. Rosa esconde el caballo en el viejo molino junto al río. En primavera la "
                        "familia Grau vende la granja.",
    },
    # one telling only: nothing parts the scene
    "alone": {
        "horse_en.txt": "Rosa Vell works on the farm of the Grau family in 1921. Rosa steals the black horse from "
                        "the stable of the farm. In the spring the Grau family sells the farm.",
    },
}
run = StoryRuns(STORIES)


def test_a_scene_another_telling_tells_as_two_events_is_parted():
    story = run("horse")
    theft = event_telling(story, "horse_en", "Rosa steals")
    assert any("Rosa roba" in s.text for s in theft.sources), [s.text for s in theft.sources]
    assert not any("works on the farm" in s.text for s in theft.sources)
    setting = event_telling(story, "horse_en", "works on the farm")
    assert any("trabaja en la granja" in s.text for s in setting.sources)


@pytest.mark.parametrize("name", ["horse", "alone"])
def test_each_sentence_is_told_once_after_parting_or_joining(name):
    story = run(name)
    sources = [(s.doc, s.start) for e in story.events for s in e.sources]
    assert len(sources) == len(set(sources))


def test_a_scene_no_other_telling_parts_stays_one_event():
    story = run("alone")
    theft = event_telling(story, "horse_en", "Rosa steals")
    assert any("works on the farm" in s.text for s in theft.sources)
