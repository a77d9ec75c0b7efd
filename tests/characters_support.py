"""Building a Story for the characters stage alone, so its tests don't depend on segment's rules."""
from __future__ import annotations

import re

from pipeline import characters
from pipeline.model import Document, Sentence, Story


def make_story(docs: dict[str, tuple[str, str]]) -> Story:
    """Documents {name: (lang, text)} with clean == raw and sentences split after . ! ?"""
    story = Story()
    for name, (lang, text) in docs.items():
        story.docs.append(Document(doc=name, path=name, raw=text, encoding="utf-8", clean=text, lang=lang))
        for i, m in enumerate(re.finditer(r"\S[^.!?]*(?:[.!?]+|$)", text)):
            story.sentences.append(Sentence(name, lang, i, m.start(), m.end(), m.start(), m.end(), m.group()))
    return characters.run(story)
