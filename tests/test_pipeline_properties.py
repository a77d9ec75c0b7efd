"""Properties of `pipeline.run(texts=...)` on generated input (hypothesis).

Input: 1-3 documents mixing sentences built from en/es/it word lists (names with honorifics, actors in
parentheses, months, dates in several forms, relative phrases, review prose, numbers with both decimal
styles, &quot; entities, missing spaces after full stops) with random unicode.

Checked for every input:
- the pipeline never raises, except `PipelineError` from the ingest stage (it wraps `ingest.InputError`)
  with a one-line message when no document is usable text (blank, or holding control characters);
- `pipeline.frames(story)` validates (the output contract in pipeline/schema.py);
- every source lies inside its document, 0 <= start <= end <= len(doc.raw), and its text is what the
  document says there. Normalisation used for that comparison: HTML entities unescaped until nothing
  changes (on both sides: the clean text may keep an entity-like string that html.unescape would read),
  Unicode NFC, and ALL whitespace removed, because cleaning inserts a space after a glued full stop
  ("them.The" -> "them. The") and turns no-break spaces and line breaks into plain spaces;
- the same input gives the same records (ids included) twice;
- `order` over all events is a permutation of 1..n.

Profiles: ~25 examples per property by default; `-m slow` runs the long fuzzing test with many more.
"""
from __future__ import annotations

import html
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline
from pipeline import PipelineError

settings.register_profile("pipeline-props", max_examples=25, deadline=None, derandomize=False,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FAST = settings.get_profile("pipeline-props")
SLOW = settings(FAST, max_examples=300)

# ---------------------------------------------------------------- word lists

WORDS = {
    "en": dict(
        names=["Anna Berg", "Mr. Hollis", "Dr. Ruth Kane", "Mrs. Ada Finch", "Tom", "his father John",
               "the four friends", "Miss Pell", "Oscar Lind (Paul Grey)", "Nora (Eva Stone)"],
        verbs=["arrives in Leeds", "leaves the farm", "marries Peter", "is arrested", "finds the letter",
               "builds a boat", "wins the race", "dies in the fire", "meets her brother"],
        months=["January", "March", "May", "July", "October", "December"],
        date=["On {month} {day}, {year}, {name} {verb}.", "In {month} {year}, {name} {verb}.",
              "In {month}, {name} {verb}.", "In {year}, {name} {verb}.", "On {day} {month} {year} {name} {verb}."],
        rel=["The next day, {name} {verb}.", "That night, {name} {verb}.", "Years later, {name} {verb}.",
             "Three days before the wedding, {name} {verb}.", "Just before the launch, {name} {verb}.",
             "Two weeks later {name} {verb}."],
        review=["The soundtrack is superb.", "Filming took place in Ohio.", "{name} was around 19.",
                "The film grossed $10 million.", "It reached 9,100 metres.", "Directed by Sam Reed."],
    ),
    "es": dict(
        names=["Lucía Gómez", "la Sra. Ortiz", "el Dr. Ruiz", "la Srta. Paz", "Andrés", "su padre Julio",
               "los cuatro amigos", "Marta (Ana Sol)", "don Ramón"],
        verbs=["llega a Sevilla", "deja la casa", "se casa con Pedro", "es detenido", "encuentra la carta",
               "gana la carrera", "muere en el incendio"],
        months=["enero", "marzo", "mayo", "julio", "octubre", "diciembre"],
        date=["El {day} de {month} de {year}, {name} {verb}.", "En {month} de {year}, {name} {verb}.",
              "En {month}, {name} {verb}.", "En {year} {name} {verb}."],
        rel=["Al día siguiente, {name} {verb}.", "Esa noche, {name} {verb}.", "Años después, {name} {verb}.",
             "Tres días antes de la boda, {name} {verb}.", "Dos semanas más tarde {name} {verb}."],
        review=["La fotografía es preciosa.", "El rodaje tuvo lugar en Almería.", "{name} tenía unos 19 años.",
                "La película recaudó 10 millones.", "Alcanzó 9.100 metros."],
    ),
    "it": dict(
        names=["Giulia Neri", "il signor Rossi", "il dott. Bassi", "la signorina Fabbri", "Marco",
               "suo padre Aldo", "i quattro amici", "Elena (Sara Villa)"],
        verbs=["arriva a Torino", "lascia la casa", "sposa Pietro", "viene arrestato", "trova la lettera",
               "vince la gara", "muore nell'incendio"],
        months=["gennaio", "marzo", "maggio", "luglio", "ottobre", "dicembre"],
        date=["Il {day} {month} {year} {name} {verb}.", "Nel {month} del {year} {name} {verb}.",
              "A {month} {name} {verb}.", "Nel {year} {name} {verb}."],
        rel=["Il giorno dopo {name} {verb}.", "Quella notte {name} {verb}.", "Anni dopo {name} {verb}.",
             "Tre giorni dopo, {name} {verb}.", "Poco prima del lancio {name} {verb}."],
        review=["Il film ha incassato 10 milioni.", "Le riprese si sono svolte a Bari.",
                "La colonna sonora è splendida.", "Diretto da Luca Sera.", "Raggiunse 9.100 metri."],
    ),
}
SEPARATORS = [" ", "", "\n", "\n\n", " &quot;", "&quot; ", "&amp; ", "\u00a0", "\t"]


@st.composite
def sentence(draw, lang: str) -> str:
    w = WORDS[lang]
    group = draw(st.sampled_from(["date", "rel", "review", "date", "rel"]))
    template = draw(st.sampled_from(w[group]))
    return template.format(name=draw(st.sampled_from(w["names"])), verb=draw(st.sampled_from(w["verbs"])),
                           month=draw(st.sampled_from(w["months"])), day=draw(st.integers(1, 31)),
                           year=draw(st.integers(1000, 2099)))


def document(noise: bool) -> st.SearchStrategy[str]:
    """A document in one language; with `noise`, random unicode pieces (any code point) mixed in."""
    @st.composite
    def build(draw) -> str:
        lang = draw(st.sampled_from(sorted(WORDS)))
        piece = sentence(lang)
        if noise:
            piece = st.one_of(piece, piece, st.text(max_size=30))
        else:  # printable letters and punctuation only: this is always usable text
            piece = st.one_of(piece, piece, piece,
                              st.text(st.characters(categories=("L", "N", "P", "Zs")), min_size=1, max_size=20))
        parts = draw(st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), min_size=1, max_size=12))
        return "".join(p + s for p, s in parts)
    return build()


def inputs(noise: bool) -> st.SearchStrategy[dict[str, str]]:
    names = st.sampled_from(["a", "b.txt", "Doc 1", "reseña", "002_x", "plot"])
    return st.dictionaries(names, document(noise), min_size=1, max_size=3)


# ---------------------------------------------------------------- checks

def _canon(s: str) -> str:
    prev = None
    while prev != s:
        prev, s = s, html.unescape(s)
    return "".join(unicodedata.normalize("NFC", s).split())


def _usable(text: str) -> bool:
    """Plausible text: something that is not whitespace, and no control characters but whitespace ones."""
    return bool(text.strip()) and not any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\x0b\x0c"
                                          for ch in text)


def check_story(texts: dict[str, str]) -> None:
    try:
        story = pipeline.run(texts=texts)
    except PipelineError as exc:
        assert exc.stage == "ingest", f"{exc} (stage {exc.stage}) on {texts!r}"
        assert not any(_usable(t) for t in texts.values()), f"rejected usable input: {exc}"
        msg = str(exc)
        assert msg.strip() and "\n" not in msg.strip(), repr(msg)
        return
    events_df, cast_df = pipeline.frames(story)  # raises SchemaError when the contract is broken
    assert len(events_df) == len(story.events)
    raw = {d.doc: d.raw for d in story.docs}
    for e in story.events:
        for s in e.sources:
            assert s.doc in raw, f"source names unknown document {s.doc!r}"
            text = raw[s.doc]
            assert 0 <= s.start <= s.end <= len(text), (s.start, s.end, len(text))
            assert _canon(text[s.start:s.end]) == _canon(s.text), \
                f"source text {s.text!r} != document slice {text[s.start:s.end]!r}"
    orders = sorted(e.order for e in story.events)
    assert orders == list(range(1, len(orders) + 1)), f"order is not a permutation of 1..n: {orders}"
    again = pipeline.records(pipeline.run(texts=texts))
    first = pipeline.records(story)
    assert [e["id"] for e in again[0]] == [e["id"] for e in first[0]], "ids differ between two runs"
    assert again == first, "two runs of the same input gave different records"


# ---------------------------------------------------------------- properties

@FAST
@given(inputs(noise=False))
def test_generated_stories_always_give_valid_output(texts):
    """Text made of letters and punctuation is always usable: no error at all."""
    check_story(texts)


@FAST
@given(inputs(noise=True))
def test_random_unicode_never_breaks_the_pipeline(texts):
    check_story(texts)


@pytest.mark.slow
@SLOW
@given(inputs(noise=True))
def test_random_unicode_long_fuzz(texts):
    check_story(texts)


@pytest.mark.parametrize("texts", [
    {"a": ""},
    {"a": "   \n\t  "},
    {"a": "", "b": "\n\n"},
    {"a": "\x00\x01\x02\x03" * 50},
], ids=["empty", "whitespace", "two-empty", "control-bytes"])
def test_unusable_input_is_one_clear_ingest_error(texts):
    with pytest.raises(PipelineError) as info:
        pipeline.run(texts=texts)
    assert info.value.stage == "ingest"
    msg = str(info.value)
    assert msg.startswith("ingest: ") and len(msg) > len("ingest: ") + 5 and "\n" not in msg


@pytest.mark.parametrize("lang,text", [
    ("en", "On March 3, 1921, Anna Berg (Eva Stone) arrives in Leeds.The next day, she meets her brother."),
    ("es", "El 9 de julio de 1816, la Sra. Ortiz llega a Sevilla. Al día siguiente, &quot;Lucía&quot; se casa."),
    ("it", "Il 2 giugno 1946 il dott. Bassi arriva a Torino.Quella notte Giulia trova la lettera."),
])
def test_one_document_per_language_is_valid_and_stable(lang, text):
    check_story({f"doc_{lang}": text})
