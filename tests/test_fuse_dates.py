"""Stated dates that disagree keep two tellings apart; compatible ones at the coarsest shared precision."""
from __future__ import annotations

import pytest

import pipeline
from fuse_support import event_telling
from pipeline.fuse import dates_agree, out_of_order
from pipeline.model import Event, Source


@pytest.mark.parametrize("a,b,agree", [
    (("1898-03-01", "season"), ("1898-05-03", "day"), True),
    (("1987-04-01", "month"), ("1987-04-20", "day"), True),
    (("1987-04-01", "month"), ("1987-03-01", "month"), False),
    (("1987-04-20", "day"), ("1987-04-21", "day"), False),
    (("1903-01-01", "year"), ("1903-06-02", "day"), True),
    (("1903-01-01", "year"), ("1904-06-02", "day"), False),
])
def test_dates_compared_at_coarsest_shared_precision(a, b, agree):
    assert dates_agree(a, b) is agree


def _ev(text: str, lang: str) -> Event:
    return Event(title=text, summary=text, kind="story", category="other", characters=[], places=[],
                 sources=[Source(doc="d", lang=lang, start=0, end=len(text), text=text, sent=0, order_in_doc=0)],
                 lang=lang, timex=[], told=0.0)


@pytest.mark.parametrize("lang,text,shuffled", [
    ("en", "The film opens with the flood: the dam breaks at night.", True),
    ("es", "La película empieza con el incendio del teatro.", True),
    ("it", "Il film si apre con il naufragio della nave.", True),
    ("es", "Después la historia retrocede unos días.", True),
    ("en", "On 2 May the workers walk out of the mill.", False),
    ("it", "Il 2 maggio le operaie entrano in sciopero.", False),
])
def test_documents_that_say_they_tell_out_of_order(lang, text, shuffled):
    assert out_of_order([_ev(text, lang)]) is shuffled


# a day and month without a year ("El 9 de noviembre") take the year of the paragraph before, which may be
# another one (the wall built in 1961): compared by day and month, they meet the telling that states 1989
BORROWED_YEAR = {
    "gate_es.txt": "En 1961 el gobierno de Varna levantó un muro alrededor del puerto de Ossel. Durante décadas "
                   "nadie pudo cruzarlo. El 9 de noviembre, el anuncio del ministro Karel Dumas abrió las puertas "
                   "del muro. Miles de personas cruzaron hacia el puerto.",
    "gate_it.txt": "Nel 1961 il governo di Varna costruì un muro intorno al porto di Ossel. Il 9 novembre 1989 il "
                   "ministro Karel Dumas annunciò l'apertura delle porte del muro. Migliaia di persone "
                   "attraversarono il varco.",
}


def test_a_day_without_its_year_meets_the_telling_that_states_the_year():
    story = pipeline.run(texts=BORROWED_YEAR)
    a = event_telling(story, "gate_es", "el anuncio del ministro")
    b = event_telling(story, "gate_it", "annunciò l'apertura")
    assert a is b, [(e.title, e.date) for e in story.events]
    assert a.date.startswith("1989-11-09"), a.date  # the year a telling states, not the one borrowed


# a telling that states its date ("En marzo de 1950") is not the same moment as one its document places after
# a later stated day (on or after 20 June 1950), however much else they share: the repair in port is not the
# repair at sea, and the fused event would show the wrong month
SHIP = {
    "ship_en.txt": "On 20 June 1950 the Marla leaves the port of Ossel with captain Ivo Brask. Out at sea, the crew "
                   "of the Marla repairs the broken engine.",
    "ship_es.txt": "En marzo de 1950 la tripulación del Marla repara el motor roto en el puerto de Ossel. El 20 de "
                   "junio de 1950 el Marla zarpa de Ossel con el capitán Ivo Brask.",
}


def test_a_stated_date_outside_the_other_tellings_bounds_keeps_them_apart():
    story = pipeline.run(texts=SHIP)
    at_sea = event_telling(story, "ship_en", "repairs the broken engine")
    in_port = event_telling(story, "ship_es", "repara el motor")
    assert at_sea is not in_port
    assert (at_sea.date_from, in_port.date) == ("1950-06-20", "1950-03-01")
    assert event_telling(story, "ship_en", "leaves the port") is event_telling(story, "ship_es", "zarpa de Ossel")


def _dated(value: str, prec: str, text: str, with_year: bool) -> Event:
    from pipeline.model import TimeExpr
    e = _ev(text, "en")
    e.date, e.date_precision, e.extra["date_approx"] = value, prec, False
    kind = {"day": "date", "month": "month", "year": "year"}[prec] if with_year else "underspecified"
    e.timex = [TimeExpr(doc="d", sent=0, cstart=0, cend=5, text=text, kind=kind, value=value, precision=prec)]
    return e


class _Members:
    def __init__(self, *members):
        self.members = list(members)


@pytest.mark.parametrize("a,b,together", [
    # "in August" / "el 24 de agosto": a month both state, the years their pages gave them agreeing
    (("1702-08-01", "month", False), ("1702-08-24", "day", False), True),
    (("1702-08-01", "month", False), ("1703-08-24", "day", False), False),
    (("1702-08-01", "month", False), ("1702-09-24", "day", False), False),
    # a year both state; a year one states and another takes from its page is no shared point
    (("1702-01-01", "year", True), ("1702-08-24", "day", True), True),
    (("1702-01-01", "year", True), ("1702-08-24", "day", False), False),
])
def test_tellings_of_one_month_are_told_at_one_point_of_the_story(a, b, together):
    from pipeline.fuse_dates import dated_together
    ea, eb = _dated(a[0], a[1], "a", a[2]), _dated(b[0], b[1], "b", b[2])
    assert dated_together(_Members(ea), eb) is together


# "At fifteen" is a year of the story the telling's own words state; "the same day", counted from a date
# fifteen years later in another page, cannot be in it, however much the two share ("concert")
AGE_AND_COUNTED = {
    "organ_en.txt": "Ilka Varo was born in Osk in 1702. At fifteen, Ilka gave her first concert as organist of the "
                    "Abbot of Osk. She moved to Tarsa in 1730. She died in 1761.",
    "organ_it.txt": "Ilka Varo nacque a Osk nel 1702. Il 4 marzo 1730 Ilka arrivò a Tarsa. Lo stesso giorno diede il "
                    "suo primo concerto nella sala grande. Morì nel 1761.",
}


def test_an_age_the_telling_states_keeps_a_time_counted_years_later_apart():
    story = pipeline.run(texts=AGE_AND_COUNTED)
    young = event_telling(story, "organ_en", "At fifteen")
    concert = event_telling(story, "organ_it", "Lo stesso giorno")
    assert young is not concert, [s.text for s in young.sources]
