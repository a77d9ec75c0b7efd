"""Characters stage: mentions and place mentions point at the right text and sentence."""
from __future__ import annotations

import re

import pytest

from pipeline import characters
from pipeline.model import Document, Sentence, Story


ABBREV = ("Dr.", "Mr.", "Mrs.", "Ms.", "Sr.", "Sra.")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split after . ! ? followed by a blank, except after a title."""
    spans, start = [], 0
    for m in re.finditer(r"[.!?]+(?=\s|$)", text):
        if text[:m.end()].endswith(ABBREV):
            continue
        spans.append((start, m.end()))
        start = m.end() + 1
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


def make_story(docs: dict[str, tuple[str, str]]) -> Story:
    story = Story()
    for name, (lang, text) in docs.items():
        story.docs.append(Document(doc=name, path=name, raw=text, encoding="utf-8", clean=text, lang=lang))
        for i, (a, b) in enumerate(sentences(text)):
            story.sentences.append(Sentence(name, lang, i, a, b, a, b, text[a:b]))
    return characters.run(story)


STORIES = {
    "en": "In the spring of 1950 Dr. Helen Ashby (Kay Lorne) arrives in Port Merrow, Maine. Helen rents a room from "
          "Mrs. Cole and her son Danny. Danny's mother (Jean Fox) runs the inn. The boys of the town, Danny, Pete and "
          "Ray, follow Helen everywhere. The three build a boat. Miss Ashby teaches them to sail.",
    "es": "En 1950 la doctora Helena Ashby llega a Puerto Merrow. Helena alquila un cuarto a la señora Cole y a su "
          "hijo Dani. La madre de Dani dirige la posada. Los chicos del pueblo, Dani, Pedro y Ramón, siguen a Helena. "
          "Los tres construyen un barco.",
    "it": "Nel 1950 la dottoressa Helen Ashby arriva a Port Merrow. Helen affitta una stanza dalla signora Cole e "
          "da suo figlio Danny. La madre di Danny gestisce la locanda. I ragazzi del paese, Danny, Pietro e Rino, "
          "seguono Helen ovunque. I tre costruiscono una barca.",
}


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_mentions_carry_exact_offsets_and_sentence(lang):
    text = STORIES[lang]
    story = make_story({"d": (lang, text)})
    assert story.mentions
    sents = {s.idx: s for s in story.sentences}
    for m in story.mentions + story.place_mentions:
        assert text[m.cstart:m.cend] == m.text
        s = sents[m.sent]
        assert s.cstart <= m.cstart and m.cend <= s.cend, (m, s.text)
    for m in story.mentions:
        assert m.char_id in story.characters
    starts = [(m.doc, m.cstart) for m in story.mentions]
    assert starts == sorted(starts)


@pytest.mark.parametrize("lang,doctor,honorific", [
    ("en", "Helen Ashby", "Dr. Helen Ashby"),
    ("es", "Helena Ashby", "doctora Helena Ashby"),
    ("it", "Helen Ashby", "dottoressa Helen Ashby"),
])
def test_story_people_places_groups_and_relatives(lang, doctor, honorific):
    story = make_story({"d": (lang, STORIES[lang])})
    cast = {c.name: c for c in story.characters.values() if not c.is_group}
    assert doctor in cast and honorific in cast[doctor].aliases
    assert "Cole" in cast
    assert not {"Port Merrow", "Puerto Merrow", "Maine", "Kay Lorne", "Jean Fox"} & set(cast)
    assert any(m.char_id in ("Port Merrow", "Puerto Merrow") for m in story.place_mentions)
    # the mother of Danny is the woman with the honorific; the three boys form a group
    cole = cast["Cole"].id
    assert any(m.char_id == cole and m.text.lower().startswith(("danny's", "la madre", "mother"))
               or m.char_id == cole and "madre" in m.text.lower() or m.char_id == cole and m.text == "mother"
               for m in story.mentions)
    if lang == "en":
        assert cast["Cole"].actor == "Jean Fox"
    groups = [g for g in story.characters.values() if g.is_group and len(g.members) == 3]
    assert groups
    assert cast[doctor].id not in groups[0].members


def test_empty_story_and_story_without_names():
    assert make_story({}).characters == {}
    story = make_story({"d": ("en", "it was a quiet day. nothing happened at all.")})
    assert story.characters == {} and story.mentions == [] and story.place_mentions == []
