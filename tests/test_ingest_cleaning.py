"""ingest: entity unescaping and missing-space repair, with offsets that map back to the raw text."""
from __future__ import annotations

import html
import re

import pytest

from pipeline import ingest
from pipeline.model import Document, Story


def _doc(raw: str) -> Document:
    return ingest.run(Story(texts={"d": raw})).docs[0]


def _same(clean_part: str, raw_part: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"\s+", "", html.unescape(s).replace("\u00a0", " "))
    return norm(clean_part) == norm(raw_part)


@pytest.mark.parametrize("lang, raw, clean", [
    ("en", "He said &quot;go&quot; &amp; left.", 'He said "go" & left.'),
    ("en", "It&#39;s a&nbsp;rocket &#x2014; big.", "It's a rocket \u2014 big."),
    ("en", "about them.The next day, they ran.", "about them. The next day, they ran."),
    ("en", "abandon rocketry.After a mine disaster, John is hurt.", "abandon rocketry. After a mine disaster, John is hurt."),
    ("en", "her son.In October, news arrives.", "her son. In October, news arrives."),
    ("en", 'said "go to the mines."But Homer left.', 'said "go to the mines." But Homer left.'),
    ("en", 'them.&quot;The next day&quot; he left.', 'them. "The next day" he left.'),
    ("en", "He left.(Nobody saw him.)Then he came back.", "He left. (Nobody saw him.) Then he came back."),
    ("en", "Visit the U.S.A. with J.R.R.Tolkien, e.g.Frodo.", "Visit the U.S.A. with J.R.R.Tolkien, e.g.Frodo."),
    ("en", "It flew 9.100 m, or 3.5 km, at www.Example.com today.", "It flew 9.100 m, or 3.5 km, at www.Example.com today."),
    ("en", "Wait...Then he left.", "Wait... Then he left."),
    ("es", "la señora Peña llegó.¿Qué pasa?¡Nada!Él ríe.", "la señora Peña llegó. ¿Qué pasa? ¡Nada! Él ríe."),
    ("es", "El tren salió.Después, la niña lloró.", "El tren salió. Después, la niña lloró."),
    ("es", "Llegó a EE.UU. en 1957.Allí vivió.", "Llegó a EE.UU. en 1957. Allí vivió."),
    ("it", "La città dorme.Poi arriva l&#39;alba.", "La città dorme. Poi arriva l'alba."),
    ("it", "Il sig.Rossi parla.È tardi.", "Il sig. Rossi parla. È tardi."),
    ("it", "Raggiunge 9.100 metri.Il padre sorride.", "Raggiunge 9.100 metri. Il padre sorride."),
])
def test_clean_text_and_offset_map(lang, raw, clean):
    doc = _doc(raw)
    assert doc.raw == raw
    assert doc.clean == clean
    assert len(doc.offmap) == len(doc.clean) + 1
    assert doc.offmap[-1] == len(raw)
    assert list(doc.offmap) == sorted(doc.offmap)
    # every word of the clean text maps back onto the same word of the raw text
    for m in re.finditer(r"\S+", doc.clean):
        s, e = doc.to_raw(m.start(), m.end())
        assert _same(m.group(), raw[s:e]), (m.group(), raw[s:e])


def test_nbsp_becomes_space_and_case_is_kept():
    doc = _doc("New\u00a0York AND Rome")
    assert doc.clean == "New York AND Rome"


def test_clean_is_linear_on_long_text():
    raw = "He said &quot;hi&quot;.The end came soon. " * 20000
    clean, omap = ingest.clean_text(raw)
    assert len(omap) == len(clean) + 1
    assert clean.count(". The end") == 20000
