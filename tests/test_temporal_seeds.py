"""temporal.run over the bundled October Sky seeds: the expected expressions, none of the traps."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from pipeline import temporal
from pipeline.model import Document, Sentence, Story

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"
LANG = {"000": "es", "001": "en", "002": "it", "003": "en"}


def seed_story(prefix: str) -> Story:
    """The seed as a Story with naive sentences (the segment stage is tested elsewhere)."""
    path = next(SEEDS.glob(prefix + "_*.txt"))
    text = html.unescape(path.read_text(encoding="utf-8"))
    text = re.sub(r"([a-z][.!?])([A-Z])", r"\1 \2", text)  # "them.The next day"
    lang = LANG[prefix]
    sents = []
    for i, m in enumerate(re.finditer(r"[^.!?]+(?:[.!?]+|$)", text)):
        sents.append(Sentence(path.stem, lang, i, m.start(), m.end(), m.start(), m.end(), m.group(0)))
    return Story(docs=[Document(path.stem, str(path), text, "utf-8", clean=text, lang=lang)], sentences=sents)


DATED = ("date", "month", "season", "year", "decade", "underspecified")


def found(prefix: str, dated_only: bool = False) -> list[tuple[str, str, str | None]]:
    """(whole phrase with its lead word, kind, value) of each expression."""
    story = temporal.run(seed_story(prefix))
    doc = story.docs[0]
    assert all(doc.clean[t.cstart:t.cend] == t.text for t in story.timex)
    return [(doc.clean[t.phrase_start:t.phrase_end], t.kind, t.value) for t in story.timex
            if not dated_only or t.value is not None or t.kind in DATED]


@pytest.mark.parametrize("prefix,expected", [
    ("003", [("in the year 1957", "year", "1957-01-01"), ("In October", "underspecified", None),
             ("The next day", "relative", None), ("Later", "relative", None), ("That night", "relative", None),
             ("Overnight", "relative", None), ("in the 1950s", "decade", "1950-01-01")]),
    ("002", [("degli anni '50", "decade", "1950-01-01"), ("nell'ottobre del 1957", "month", "1957-10-01"),
             ("Nell'ottobre del 1957", "month", "1957-10-01")]),
])
def test_seed_plots_give_their_time_expressions(prefix, expected):
    got = found(prefix)
    for item in expected:
        assert item in got


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_seed_reviews_give_no_dates(prefix):
    # "may", "around 19", "alrededor de 19", '"October Sky"', "Jurassic Park 3"; "Now"/"Ahora" are no date
    assert found(prefix, dated_only=True) == []


def test_seed_measures_are_not_years():
    texts = [t for t, _, _ in found("003")]
    assert not any(re.search(r"9,100|30,000|feet", t) for t in texts)
