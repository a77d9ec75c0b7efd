"""segment: sentences with paragraph numbers and offsets into both the clean and the original text."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from pipeline import ingest, segment
from pipeline.model import Story

ROOT = Path(__file__).resolve().parent.parent


def _norm(s: str) -> str:
    # the clean text differs from the raw one only by entities and whitespace (NBSP, inserted spaces)
    return re.sub(r"\s+", "", html.unescape(s))


def _segment(text: str, lang: str) -> Story:
    return segment.run(ingest.run(Story(texts={"d": text}, lang_override={"d": lang})))


def _texts(text: str, lang: str) -> list[str]:
    return [s.text for s in _segment(text, lang).sentences]


def _check_invariants(story: Story) -> None:
    for doc in story.docs:
        sents = story.sentences_of(doc.doc)
        assert [s.idx for s in sents] == list(range(len(sents)))
        prev_end = prev_cend = 0
        for s in sents:
            assert 0 <= s.start < s.end <= len(doc.raw)
            assert prev_end <= s.start and prev_cend <= s.cstart
            assert s.text == doc.clean[s.cstart:s.cend] == s.text.strip() != ""
            assert _norm(doc.raw[s.start:s.end]) == _norm(s.text)
            prev_end, prev_cend = s.end, s.cend
            assert s.clauses
            kprev = s.cstart
            for c in s.clauses:
                assert s.cstart <= kprev <= c.cstart < c.cend <= s.cend
                assert s.start <= c.start < c.end <= s.end
                assert c.text == doc.clean[c.cstart:c.cend] != ""
                assert _norm(doc.raw[c.start:c.end]) == _norm(c.text)
                kprev = c.cend


@pytest.mark.parametrize("lang, text, expected", [
    # a page's markup glues a stop to the next sentence; a page label opening a sentence is split off
    ("it", "Le luci del porto!Trama(fonte X): Nora lascia il paese.",
     ["Le luci del porto!", "Trama(fonte X):", "Nora lascia il paese."]),
    ("en", "The storm ended.Then Nora left. Plot: Nora leaves.", ["The storm ended.", "Then Nora left.", "Plot:", "Nora leaves."]),
    ("es", "Sinopsis (fuente X): Nora deja el pueblo. Visite www.faro.es hoy.",
     ["Sinopsis (fuente X):", "Nora deja el pueblo.", "Visite www.faro.es hoy."]),
    ("en", "Starring: Ann Lee. He moved to the U.S.Army base.", ["Starring: Ann Lee.", "He moved to the U.S.Army base."]),
    # abbreviations and initials
    ("en", "Mr. Smith met Mrs. Jones and Dr. Brown. They talked.",
     ["Mr. Smith met Mrs. Jones and Dr. Brown.", "They talked."]),
    ("en", "Their teacher, Freida J. Riley, helps them. St. Louis is far. Jr. and Sr. came.",
     ["Their teacher, Freida J. Riley, helps them.", "St. Louis is far.", "Jr. and Sr. came."]),
    ("en", "He moved to the U.S. in 1950. The war was over.",
     ["He moved to the U.S. in 1950.", "The war was over."]),
    ("en", "He moved to the U.S. The war was over.",
     ["He moved to the U.S.", "The war was over."]),
    ("en", "The rocket reached 9.100 m, or 3.5 km. It was a record.",
     ["The rocket reached 9.100 m, or 3.5 km.", "It was a record."]),
    ("en", 'John is hurt while rescuing "... a dozen men [who] would have died...", though one dies. Homer quits.',
     ['John is hurt while rescuing "... a dozen men [who] would have died...", though one dies.', "Homer quits."]),
    ("en", 'They said "end up in the mines." But Homer had other plans! Why? Nobody knew...',
     ['They said "end up in the mines."', "But Homer had other plans!", "Why?", "Nobody knew..."]),
    ("en", "They bought apples, pears, etc. and left. Then etc. Then more.",
     ["They bought apples, pears, etc. and left.", "Then etc.", "Then more."]),
    ("es", "La Sra. García y el Dr. López llegaron. Dña. Ana y la Srta. Ruiz también.",
     ["La Sra. García y el Dr. López llegaron.", "Dña. Ana y la Srta. Ruiz también."]),
    ("es", "Ud. sabe que el Sr. Pérez vive en EE.UU. desde 1990. ¿Lo sabía? ¡Claro!",
     ["Ud. sabe que el Sr. Pérez vive en EE.UU. desde 1990.", "¿Lo sabía?", "¡Claro!"]),
    ("es", "El cohete alcanzó 9.100 metros. Fue un récord.",
     ["El cohete alcanzó 9.100 metros.", "Fue un récord."]),
    ("it", "Il sig. Rossi e il dott. Bianchi parlano col prof. Verdi. La sig.ra Neri ascolta.",
     ["Il sig. Rossi e il dott. Bianchi parlano col prof. Verdi.", "La sig.ra Neri ascolta."]),
    ("it", "La Sig. Rossi porta mele, pere ecc. al mercato. Poi torna a casa.",
     ["La Sig. Rossi porta mele, pere ecc. al mercato.", "Poi torna a casa."]),
    ("it", "Il razzo raggiunge 9.100 metri, più dell'Everest. Il padre sorride.",
     ["Il razzo raggiunge 9.100 metri, più dell'Everest.", "Il padre sorride."]),
])
def test_sentence_boundaries(lang, text, expected):
    assert _texts(text, lang) == expected


@pytest.mark.parametrize("lang, text, paras", [
    ("en", "One line here. Second sentence.\nNew paragraph.\n\n\nThird paragraph.", [0, 0, 1, 2]),
    ("es", "Primera frase.\r\nSegunda línea\r\n\r\nTercera.", [0, 1, 2]),
    ("it", "Titolo\nIl film inizia. Poi finisce.", [0, 1, 1]),
])
def test_paragraphs(lang, text, paras):
    assert [s.para for s in _segment(text, lang).sentences] == paras


def test_hard_wrapped_text_joins_lines_and_splits_at_blank_lines():
    para = ("The boys build their first rocket in the cellar of the house and it\n"
            "explodes, destroying the fence that their father had built the year\n"
            "before. They decide to move their tests to a field far from the town\n"
            "where nobody can complain about the noise or the smoke or the fire.\n")
    story = _segment(para + "\n" + para, "en")
    assert [s.para for s in story.sentences] == [0, 0, 1, 1]
    assert story.sentences[0].text.startswith("The boys") and story.sentences[0].text.endswith("before.")


def test_offsets_survive_cleaning():
    raw = "He said &quot;go&quot;.The next day they left.Mr.Smith stayed &amp; waited."
    story = _segment(raw, "en")
    doc = story.docs[0]
    assert [s.text for s in story.sentences] == ['He said "go".', "The next day they left.", "Mr. Smith stayed & waited."]
    assert [doc.raw[s.start:s.end] for s in story.sentences] == [
        "He said &quot;go&quot;.", "The next day they left.", "Mr.Smith stayed &amp; waited."]
    _check_invariants(story)


@pytest.mark.parametrize("inputs", [[ROOT / "data" / "seeds"]])
def test_seed_invariants(inputs):
    story = segment.run(ingest.run(Story(inputs=[str(p) for p in inputs])))
    assert len(story.sentences) > 100
    _check_invariants(story)
    texts = {s.text for s in story.sentences}
    assert "The next day, they are arrested accused of having started a forest fire with a rocket that had gone astray." in texts
    assert any("Freida J. Riley" in t for t in texts)


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_invariants_on_messy_text(lang):
    raw = ("  Start&nbsp;here.&quot;Quoted&quot; text!\n\n  Dr.No? 3.5 &amp; 9.100;  and then... \n"
           "(Aside.)Next one, e poi, y luego, and then more; fine.\u00a0\n\t")
    _check_invariants(_segment(raw, lang))


from hypothesis import given, settings, strategies as st

_PIECES = ["The", "man", "Mr.", "U.S.", "J.", "9.100", " ", "  ", "\n", "\n\n", ".", "...", "!", "?", ",", ";",
           " and then ", ", y ", ", e poi ", "&quot;", "&amp;", "&nbsp;", "\u00a0", '"', "(", ")", "¿", "é",
           "ciudad", "Città", ".The", ".El", "\r\n", "\ufeff"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=60), st.sampled_from(["en", "es", "it"]))
def test_invariants_hold_for_any_mix_of_tricky_pieces(pieces, lang):
    raw = "".join(pieces)
    if not raw.replace("\ufeff", "").strip():
        return
    _check_invariants(_segment(raw, lang))
