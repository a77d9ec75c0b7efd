"""Narrative date resolution: explicit, underspecified, relative and inherited dates per language."""
from __future__ import annotations

import pytest

from pipeline import dates, temporal
from pipeline.model import Document, Event, Sentence, Source, Story


def make_story(lang: str, sentences: list[str], kinds: dict[int, str] | None = None,
               no_event: tuple[int, ...] = (), doc: str = "d") -> Story:
    """A one-document Story with one event per sentence (as the events stage would give)."""
    kinds = kinds or {}
    clean = " ".join(sentences)
    sents, pos = [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(doc=doc, lang=lang, idx=i, cstart=pos, cend=pos + len(s), start=pos,
                              end=pos + len(s), text=s))
        pos += len(s) + 1
    story = Story(docs=[Document(doc=doc, path=doc, raw=clean, encoding="utf-8", clean=clean, lang=lang)],
                  sentences=sents)
    temporal.run(story)
    for s in sents:
        if s.idx in no_event:
            continue
        story.events.append(Event(title=s.text[:80], kind=kinds.get(s.idx, "story"), lang=lang, told=float(s.idx),
                                  sources=[Source(doc=doc, lang=lang, start=s.start, end=s.end, text=s.text,
                                                  sent=s.idx, order_in_doc=s.idx)],
                                  timex=[t for t in story.timex if t.sent == s.idx]))
    return dates.run(story)


def table(story: Story) -> list[tuple]:
    return [(e.date, e.date_precision, e.date_text, e.extra.get("date_approx")) for e in story.events]


EXPLICIT_THEN_INHERITED = {
    "en": ["On April 10, 1912, the ship leaves port.", "The passengers dance."],
    "es": ["El 10 de abril de 1912, el barco zarpa.", "Los pasajeros bailan."],
    "it": ["Il 10 aprile 1912 la nave salpa.", "I passeggeri ballano."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_events_without_a_date_inherit_the_narrative_date(lang):
    s = make_story(lang, EXPLICIT_THEN_INHERITED[lang])
    (d0, p0, t0, a0), (d1, p1, t1, a1) = table(s)
    assert (d0, p0, a0) == ("1912-04-10", "day", False)
    # no date of its own: on or after the stated day (an interval), never the day itself
    assert (d1, p1, t1, a1) == ("1912-04-10", "interval", t0, True)
    assert (s.events[1].date_from, s.events[1].date_to) == ("1912-04-10", None)


BEFORE_ANY_DATE = {"en": "The boy dreams of rockets.", "es": "El chico sueña con cohetes.",
                   "it": "Il ragazzo sogna i razzi."}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_before_any_date_events_are_undated(lang):
    s = make_story(lang, [BEFORE_ANY_DATE[lang]])
    assert table(s) == [(None, "unknown", "", False)]


UNDERSPECIFIED = {
    # date texts are TimeML spans: the preposition ("In", "en", "nel") stays outside
    "en": (["The film is set in the year 1957.", "In October, the satellite flies over the town."],
           "October", "the year 1957"),
    "es": (["La historia empieza en 1957.", "En octubre, el satélite pasa sobre el pueblo."],
           "octubre", "1957"),
    "it": (["La storia comincia nel 1957.", "A ottobre il satellite passa sopra la città."],
           "ottobre", "1957"),
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_underspecified_month_takes_the_last_stated_year(lang):
    sentences, text, year_text = UNDERSPECIFIED[lang]
    s = make_story(lang, sentences)
    ev = s.events[1]
    assert (ev.date, ev.date_precision, ev.date_text, ev.extra["date_approx"]) == ("1957-10-01", "month", text, False)
    assert ev.timex[0].resolved_from == year_text


@pytest.mark.parametrize("lang,sentence", [("en", "In October, the satellite flies."),
                                           ("es", "En octubre, el satélite pasa."),
                                           ("it", "A ottobre il satellite passa.")])
def test_underspecified_without_an_earlier_year_stays_unknown(lang, sentence):
    ev = make_story(lang, [sentence]).events[0]
    assert ev.date is None and ev.date_precision == "unknown" \
        and ev.date_text == sentence.split(",")[0].split(" il")[0].split(" ", 1)[1]


FORWARD = {
    "en": ["In October 1957 the satellite flies.", "In March, the boys win the fair."],
    "es": ["En octubre de 1957 el satélite pasa.", "En marzo, los chicos ganan la feria."],
    "it": ["Nell'ottobre del 1957 il satellite passa.", "A marzo i ragazzi vincono la fiera."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_narrative_time_does_not_run_backwards(lang):
    s = make_story(lang, FORWARD[lang])
    assert s.events[1].date == "1958-03-01" and s.events[1].date_precision == "month"


COARSER = {
    "en": ["In October 1957 the satellite flies.", "Life in the 1950s is hard in the town.", "In 1957 the mine is busy."],
    "es": ["En octubre de 1957 el satélite pasa.", "La vida en los años 50 es dura.", "En 1957 la mina trabaja."],
    "it": ["Nell'ottobre del 1957 il satellite passa.", "La vita negli anni '50 è dura.", "Nel 1957 la miniera lavora."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_a_coarser_containing_expression_keeps_the_narrative_date(lang):
    s = make_story(lang, COARSER[lang])
    assert [(e.date, e.date_precision) for e in s.events] == [("1957-10-01", "month")] + [("1957-10-01", "interval")] * 2
    # "in 1957" told in October 1957: from the narrative's October to the end of the year it states
    assert [(e.date_from, e.date_to) for e in s.events[1:]] == [("1957-10", "1959"), ("1957-10", "1957")]


RELATIVE = {
    "en": ["On April 14, 1912, the ship hits an iceberg.", "The next day, the survivors are rescued.",
           "The captain writes a report."],
    "es": ["El 14 de abril de 1912 el barco choca con un iceberg.", "Al día siguiente, rescatan a los supervivientes.",
           "El capitán escribe un informe."],
    "it": ["Il 14 aprile 1912 la nave urta un iceberg.", "Il giorno dopo i superstiti vengono salvati.",
           "Il capitano scrive un rapporto."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_relative_day_after_a_day_date_is_estimated_and_constrained(lang):
    s = make_story(lang, RELATIVE[lang])
    first, nxt, third = s.events
    assert (nxt.date, nxt.date_precision, nxt.extra["date_approx"]) == ("1912-04-15", "relative", True)
    assert nxt.rel is nxt.timex[0] and nxt.date_text == nxt.rel.text
    assert nxt.extra["after"] is first
    assert (third.date, third.date_precision, third.extra["date_approx"]) == ("1912-04-15", "interval", True)


SAME_NIGHT = {
    "en": ["On April 14, 1912, Rose meets Jack.", "That night, the ship strikes an iceberg."],
    "es": ["El 14 de abril de 1912 Rose ve a Jack.", "Esa noche, el barco choca con un iceberg."],
    "it": ["Il 14 aprile 1912 Rose incontra Jack.", "Quella notte la nave urta un iceberg."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_that_night_keeps_the_day(lang):
    ev = make_story(lang, SAME_NIGHT[lang]).events[1]
    assert ev.date == "1912-04-14" and ev.date_precision == "relative" and ev.rel.direction == "same"


BEFORE_ANCHOR = {
    "en": (["In June 1920 the families meet.", "Three days before the wedding, Anna runs away.",
            "The wedding is held on June 12, 1920."], 2),
    "es": (["En junio de 1920 las familias se conocen.", "Tres días antes de la boda, Ana huye.",
            "La boda se celebra el 12 de junio de 1920."], 2),
    "it": (["Nel giugno del 1920 le famiglie si incontrano.", "Tre giorni prima del matrimonio Anna fugge.",
            "Il matrimonio si celebra il 12 giugno 1920."], 2),
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_before_an_explicit_anchor_points_at_the_event_that_mentions_it(lang):
    sentences, anchor_idx = BEFORE_ANCHOR[lang]
    s = make_story(lang, sentences)
    ev = s.events[1]
    assert ev.extra["before"] is s.events[anchor_idx]
    assert ev.date == "1920-06-09" and ev.date_precision == "relative"


PRODUCTION = {
    "en": ["In October 1957 the satellite flies.", "The film was released in 1999.", "Homer builds a rocket."],
    "es": ["En octubre de 1957 el satélite pasa.", "La película fue estrenada en 1999.", "Homer construye un cohete."],
    "it": ["Nell'ottobre del 1957 il satellite passa.", "Il film è uscito nel 1999.", "Homer costruisce un razzo."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_production_dates_neither_move_nor_inherit_the_narrative(lang):
    s = make_story(lang, PRODUCTION[lang], kinds={1: "production"})
    sat, prod, rocket = s.events
    assert (prod.date, prod.date_precision) == ("1999-01-01", "year")
    assert (rocket.date, rocket.date_precision, rocket.date_text) == ("1957-10-01", "interval", sat.date_text)
    assert (rocket.date_from, rocket.date_to) == ("1957-10", None)  # 1999 bounds nothing: not story time


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_production_sentence_without_event_does_not_move_the_narrative(lang):
    s = make_story(lang, PRODUCTION[lang], no_event=(1,))
    assert s.events[-1].date == "1957-10-01"


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_production_event_without_date_is_undated(lang):
    sentences = [EXPLICIT_THEN_INHERITED[lang][0], {"en": "Critics loved it.", "es": "A la crítica le encantó.",
                                                     "it": "La critica lo ha amato."}[lang]]
    ev = make_story(lang, sentences, kinds={1: "reception"}).events[1]
    assert ev.date is None and ev.date_precision == "unknown"


ORPHAN = {
    "en": ["Chapter one.", "It was the summer of 1969.", "The band plays."],
    "es": ["Capítulo uno.", "Era el verano de 1969.", "La banda toca."],
    "it": ["Capitolo uno.", "Era l'estate del 1969.", "La banda suona."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_a_date_in_a_sentence_without_event_still_sets_the_narrative(lang):
    s = make_story(lang, ORPHAN[lang], no_event=(1,))
    assert (s.events[-1].date, s.events[-1].date_precision, s.events[-1].date_from) == ("1969-06-01", "interval", "1969-06")


SETTING = {
    "en": ["The film is set in the year 1957.", "In October, the satellite flies."],
    "es": ["La película está ambientada en 1957.", "En octubre, el satélite pasa."],
    "it": ["Il film è ambientato nel 1957.", "A ottobre il satellite passa."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_a_production_sentence_stating_the_setting_sets_the_narrative(lang):
    s = make_story(lang, SETTING[lang], kinds={0: "production"})
    assert [(e.date, e.date_precision) for e in s.events] == [("1957-01-01", "year"), ("1957-10-01", "month")]


SETTING_PLACE = {
    "en": ["The film opens in Lisbon, in the spring of 1941.", "In October, the ship sails."],
    "es": ["La película comienza en Lisboa, en la primavera de 1941.", "En octubre, el barco zarpa."],
    "it": ["Il film si apre a Lisbona, nella primavera del 1941.", "A ottobre la nave salpa."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_a_setting_sentence_naming_a_place_before_its_date_still_sets_the_narrative(lang):
    s = make_story(lang, SETTING_PLACE[lang], kinds={0: "reception"})
    assert [(e.date, e.date_precision) for e in s.events] == [("1941-03-01", "season"), ("1941-10-01", "month")]


VAGUE_RELATIVE = {
    "en": ["In October 1957 the satellite flies.", "Later, Homer builds a rocket.", "The boys launch it."],
    "es": ["En octubre de 1957 el satélite pasa.", "Más tarde, Homer construye un cohete.", "Los chicos lo lanzan."],
    "it": ["Nell'ottobre del 1957 il satellite passa.", "In seguito, Homer costruisce un razzo.",
           "I ragazzi lo lanciano."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_a_relative_cue_after_a_month_date_does_not_replace_the_narrative(lang):
    sat, later, launch = make_story(lang, VAGUE_RELATIVE[lang]).events
    assert (later.date, later.date_precision, later.extra["after"]) == ("1957-10-01", "interval", sat)
    assert (launch.date, launch.date_precision, launch.date_text) == ("1957-10-01", "interval", sat.date_text)
