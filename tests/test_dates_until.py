""""Until 1610" closes a stay that began at the story's date before it: the event is an interval from that
date to 1610, sorted at its start, never a point on 1610 (which would show the stay after what followed it)."""
from __future__ import annotations

import pytest

import pipeline

UNTIL = [
    ("en", "Varo Lenti was born in 1564. In 1592 he moved to Osel. He stayed there until 1610. "
           "In 1620 he moved to Tarsa.", "stayed"),
    ("es", "Varo Lenti nació en 1564. En 1592 se trasladó a Osel. Allí permaneció hasta 1610. "
           "En 1620 se mudó a Tarsa.", "permaneció"),
    ("it", "Varo Lenti nacque nel 1564. Nel 1592 passò allo Studio di Osel, dove rimase fino al 1610. "
           "Nel 1620 si trasferì a Tarsa.", "rimase"),
]


@pytest.mark.parametrize("lang,text,word", UNTIL)
def test_a_stay_until_a_year_spans_from_the_date_before(lang, text, word):
    story = pipeline.run(texts={"d": text}, lang_override={"d": lang})
    events = sorted(story.events, key=lambda e: e.order)
    (stay,) = [e for e in events if word in e.sources[0].text]
    assert (stay.date_from, stay.date_to) == ("1592", "1610")
    assert [e.date[:4] for e in events] == ["1564", "1592", "1592", "1620"]


@pytest.mark.parametrize("lang,text", [
    ("en", "Varo Lenti was born in 1564. He moved to Osel between 1592 and 1610."),
    ("en", "Varo Lenti was born in 1564. From 1592 until 1610 he lived in Osel."),
])
def test_a_range_stated_in_full_keeps_its_own_ends(lang, text):
    story = pipeline.run(texts={"d": text}, lang_override={"d": lang})
    (ev,) = [e for e in story.events if "Osel" in e.sources[0].text]
    assert (ev.date_from, ev.date_to) == ("1592", "1610")
