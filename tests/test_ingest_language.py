"""ingest: each document's language is detected (en/es/it) unless the user forces it."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import ingest
from pipeline.model import Story

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"


@pytest.mark.parametrize("stem, lang", [
    ("000_bc372603e97f183f", "es"),
    ("001_4f2bbe6f51685f60", "en"),
    ("002_92fda2849280da6a", "it"),
    ("003_1c3e1ff2f1fa35f1", "en"),
])
def test_seed_languages(stem, lang):
    story = ingest.run(Story(inputs=[str(SEEDS)]))
    assert story.doc(stem).lang == lang


@pytest.mark.parametrize("lang, text", [
    ("en", "The old woman remembers the night the ship sank."),
    ("en", "After the war, they moved to a small town by the sea."),
    ("es", "La anciana recuerda la noche en que se hundió el barco."),
    ("es", "Después de la guerra, se mudaron a un pueblo junto al mar."),
    ("it", "L'anziana ricorda la notte in cui la nave affondò."),
    ("it", "Dopo la guerra, si trasferirono in un paesino sul mare."),
])
def test_short_texts(lang, text):
    assert ingest.run(Story(texts={"t": text})).docs[0].lang == lang


@pytest.mark.parametrize("forced, expected", [("it", "it"), ("ES", "es"), ("english", "en")])
def test_override_wins(forced, expected):
    story = ingest.run(Story(texts={"t": "La anciana recuerda la noche en que se hundió el barco."},
                             lang_override={"t": forced}))
    assert story.docs[0].lang == expected


def test_unknown_override_is_reported_and_ignored():
    story = ingest.run(Story(texts={"t": "The old woman remembers the night."}, lang_override={"t": "fr"}))
    assert story.docs[0].lang == "en"
    assert any("override" in m and "'fr'" in m for m in story.messages)
