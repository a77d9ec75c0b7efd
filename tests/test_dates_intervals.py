"""Honest dates: an event whose own words state no date gets the interval the stated dates around it allow
(date_from/date_to at each bound's grain), never a borrowed point; an event that states its date keeps it.

Each row: the sentences of one document (one event per sentence), then per event the expected
(date_precision, date_from, date_to) for intervals or (date_precision, date) for stated points.
"""
from __future__ import annotations

import pytest

from pipeline import intervals
from pipeline.model import Event
from pipeline.schema import SchemaError, bound_start, event_record, validate_event

from test_dates_narrative import make_story


def shown(e) -> tuple:
    if e.date_precision == "interval":
        return ("interval", e.date_from, e.date_to)
    return (e.date_precision, e.date)


CASES = [
    # after a stated month, later events without a date read "after Oct 1957", the launch included
    ("en", ["In October 1957 a satellite crosses the sky over Brackton.", "Wilf and his friends build a rocket.",
            "The rocket club wins the county science fair.", "The whole town watches the last launch."],
     [("month", "1957-10-01"), ("interval", "1957-10", None), ("interval", "1957-10", None),
      ("interval", "1957-10", None)]),
    ("es", ["En octubre de 1957 un satélite cruza el cielo de Bracton.", "Wilf y sus amigos construyen un cohete.",
            "El club gana la feria de ciencias del condado."],
     [("month", "1957-10-01"), ("interval", "1957-10", None), ("interval", "1957-10", None)]),
    ("it", ["Nell'ottobre del 1957 un satellite attraversa il cielo di Bracton.", "Wilf e i suoi amici costruiscono un razzo.",
            "Il club vince la fiera della scienza della contea."],
     [("month", "1957-10-01"), ("interval", "1957-10", None), ("interval", "1957-10", None)]),
    # "three days before the wedding" is dated once the wedding is told: what follows it with no date of
    # its own is at or after that day, not back at the spring the narrative last stated
    ("es", ["En la primavera de 1960 los mineros de Torvia van a la huelga.",
            "Tres días antes de la boda, Rosa Lenti visita a Marco Duro en la cárcel.",
            "Le promete su ayuda y le lleva pan.", "La boda de Rosa Lenti se celebra el 14 de mayo de 1960."],
     [("season", "1960-03-01"), ("relative", "1960-05-11"), ("interval", "1960-05-11", "1960-05-14"),
      ("day", "1960-05-14")]),
    ("en", ["In the spring of 1960 the miners of Torvia go on strike.",
            "Three days before the wedding, Rosa Lenti visits Marco Duro in prison.",
            "She promises him her help and brings him bread.", "The wedding of Rosa Lenti takes place on 14 May 1960."],
     [("season", "1960-03-01"), ("relative", "1960-05-11"), ("interval", "1960-05-11", "1960-05-14"),
      ("day", "1960-05-14")]),
    # between two stated years
    ("en", ["In 1914 Tomas Vell leaves the farm for the city.", "He works nights at a printing press.",
            "In 1922 he opens his own shop."],
     [("year", "1914-01-01"), ("interval", "1914", "1922"), ("year", "1922-01-01")]),
    ("es", ["En 1914 Tomás Vell deja la granja por la ciudad.", "Trabaja de noche en una imprenta.",
            "En 1922 abre su propia tienda."],
     [("year", "1914-01-01"), ("interval", "1914", "1922"), ("year", "1922-01-01")]),
    ("it", ["Nel 1914 Tomas Vell lascia la fattoria per la città.", "Lavora di notte in una tipografia.",
            "Nel 1922 apre una bottega tutta sua."],
     [("year", "1914-01-01"), ("interval", "1914", "1922"), ("year", "1922-01-01")]),
    # an explicit date in the event's own clause wins over the relative one it also carries
    ("en", ["In 1931 Lida Marn marries a sailor.", "The next year, in 1935, she moves to Porto Alto."],
     [("year", "1931-01-01"), ("year", "1935-01-01")]),
    ("es", ["En 1931 Lida Marn se casa con un marinero.", "Al año siguiente, en 1935, se muda a Porto Alto."],
     [("year", "1931-01-01"), ("year", "1935-01-01")]),
    ("it", ["Nel 1931 Lida Marn sposa un marinaio.", "L'anno dopo, nel 1935, si trasferisce a Porto Alto."],
     [("year", "1931-01-01"), ("year", "1935-01-01")]),
    # "The next day" after a month only: some day of that month or later, not its first day
    ("en", ["In March 1960 the miners of Varde strike.", "The next day the owner closes the gates."],
     [("month", "1960-03-01"), ("interval", "1960-03", None)]),
    # a restated period starts a retelling: it bounds nothing; a finer date inside the lower bound does
    ("en", ["In 1957 the mine of Varde is busy.", "Jorie Pell dreams of engineering.",
            "In October 1957 a satellite crosses the sky.", "Jorie builds a rocket."],
     [("year", "1957-01-01"), ("interval", "1957", "1957-10"), ("month", "1957-10-01"),
      ("interval", "1957-10", None)]),
    # "the following weeks" count no number of weeks: a week after the day or later, not that one day
    ("en", ["On 9 November 1989 the wall falls.", "In the following weeks, parts of the wall are torn down.",
            "On 3 October 1990 the country reunites."],
     [("day", "1989-11-09"), ("interval", "1989-11-16", "1990-10-03"), ("day", "1990-10-03")]),
    ("es", ["El 9 de noviembre de 1989 cae el muro.", "En las semanas siguientes se derriban partes del muro.",
            "El 3 de octubre de 1990 el país se reunifica."],
     [("day", "1989-11-09"), ("interval", "1989-11-16", "1990-10-03"), ("day", "1990-10-03")]),
    ("it", ["Il 9 novembre 1989 cade il muro.", "Durante le settimane successive gli operai demoliscono interi tratti del muro.",
            "Il 3 ottobre 1990 il paese si riunifica."],
     [("day", "1989-11-09"), ("interval", "1989-11-16", "1990-10-03"), ("day", "1990-10-03")]),
    # "Months later" from a known day has no day of its own (one month is a guess): at least a month later,
    # and neither it nor the guess bounds what came before; "the next day" after it is no day either
    ("en", ["On 17 September 1939 the army invades.", "The family rejoices.", "Months later, the rules change.",
            "The next day the shops close.", "On 1 November 1940 the ghetto is sealed."],
     [("day", "1939-09-17"), ("interval", "1939-09-17", "1940-11-01"), ("interval", "1939-10-17", "1940-11-01"),
      ("interval", "1939-10-17", "1940-11-01"), ("day", "1940-11-01")]),
    ("es", ["El 17 de septiembre de 1939 el ejército invade.", "La familia celebra.",
            "Meses después, las reglas cambian.", "Al día siguiente cierran las tiendas.",
            "El 1 de noviembre de 1940 se cierra el gueto."],
     [("day", "1939-09-17"), ("interval", "1939-09-17", "1940-11-01"), ("interval", "1939-10-17", "1940-11-01"),
      ("interval", "1939-10-17", "1940-11-01"), ("day", "1940-11-01")]),
    ("it", ["Il 17 settembre 1939 l'esercito invade.", "La famiglia festeggia.", "Mesi dopo le regole cambiano.",
            "Il giorno dopo chiudono i negozi.", "Il 1 novembre 1940 il ghetto viene chiuso."],
     [("day", "1939-09-17"), ("interval", "1939-09-17", "1940-11-01"), ("interval", "1939-10-17", "1940-11-01"),
      ("interval", "1939-10-17", "1940-11-01"), ("day", "1940-11-01")]),
]


@pytest.mark.parametrize("lang, sentences, want", CASES)
def test_events_without_their_own_date_get_an_interval(lang, sentences, want):
    s = make_story(lang, sentences)
    assert [shown(e) for e in s.events] == want
    for e in s.events:
        if e.date_precision == "interval" and e.date_from:
            assert e.date == bound_start(e.date_from)  # it sorts by its start
            assert e.extra["date_approx"] is True


# one sentence telling two steps, the second counted from the first ("the following year"), spans both: its
# own words state the span, so it is no estimate
SPANNED = [
    ("en", ["In 1615 the letter was read to the court, and so the following year Ada was warned.",
            "In 1632 she published a book."],
     [("interval", "1615", "1616"), ("year", "1632-01-01")]),
    ("es", ["En 1615 la carta fue leída ante el tribunal, y al año siguiente Ada fue amonestada.",
            "En 1632 publicó un libro."],
     [("interval", "1615", "1616"), ("year", "1632-01-01")]),
    ("it", ["Nel 1615 la lettera fu letta al tribunale e l'anno seguente Ada fu ammonita.",
            "Nel 1632 pubblicò un libro."],
     [("interval", "1615", "1616"), ("year", "1632-01-01")]),
]


@pytest.mark.parametrize("lang,sentences,want", SPANNED)
def test_a_sentence_counting_its_second_step_from_its_first_spans_both(lang, sentences, want):
    s = make_story(lang, sentences)
    assert [shown(e) for e in s.events] == want
    assert s.events[0].extra["date_approx"] is False


PLUPERFECT = [
    ("en", ["On 9 May 1930 the painter Ivo Sarn is found dead.", "His nephew had stolen the ledger."],
     ("interval", None, "1930-05-09")),
    ("es", ["El 9 de mayo de 1930 aparece muerto el pintor Ivo Sarn.", "Su sobrino había robado el libro de cuentas."],
     ("interval", None, "1930-05-09")),
    ("it", ["Il 9 maggio 1930 il pittore Ivo Sarn viene trovato morto.", "Suo nipote aveva rubato il registro."],
     ("interval", None, "1930-05-09")),
]


@pytest.mark.parametrize("lang, sentences, want", PLUPERFECT)
def test_a_pluperfect_without_a_date_is_only_before_the_story_day(lang, sentences, want):
    ev = make_story(lang, sentences).events[1]
    assert shown(ev) == want and ev.date is None


def test_the_record_carries_the_bounds_and_validation_rejects_a_reversed_interval():
    ev = Event(id="ev-1", title="A rocket is built", date="1957-10-01", date_precision="interval",
               date_from="1957-10", date_to="1958", kind="story")
    r = event_record(ev)
    assert (r["date_from"], r["date_to"], r["date_precision"]) == ("1957-10", "1958", "interval")
    validate_event(r)
    with pytest.raises(SchemaError, match="date_from"):
        validate_event(dict(r, date_from="1959", date_to="1958"))
    with pytest.raises(SchemaError, match="date_to"):
        validate_event(dict(r, date_to="next spring"))
    validate_event(dict(r, date_from="1958-03-20", date_to="1958-03"))  # a day inside the upper month is fine


def test_a_fused_event_keeps_the_narrowest_interval_and_a_stated_date_wins():
    wide = Event(date="1928-01-01", date_precision="interval", date_from="1928", date_to=None)
    narrow = Event(date="1898-06-05", date_precision="interval", date_from="1898-06-05", date_to="1909")
    intervals.merge(wide, [wide, narrow])
    assert (wide.date, wide.date_from, wide.date_to) == ("1898-06-05", "1898-06-05", "1909")
    stated = Event(date="1903-01-01", date_precision="year", date_from="1903", date_to="1903")
    intervals.merge(stated, [stated, narrow])
    assert (stated.date, stated.date_precision, stated.date_from, stated.date_to) == ("1903-01-01", "year", None, None)


BOUNDS = [  # (a point date, its precision) -> (lower bound, upper bound) at its grain
    (("1957-10-01", "month"), ("1957-10", "1957-10")),
    (("1957-12-01", "season"), ("1957-12", "1958-02")),  # a winter runs into the next year
    (("1957-10-04", "relative"), ("1957-10-04", "1957-10-04")),
    (("1953-01-01", "decade"), ("1950", "1959")),
    (("0079-08-24", "year"), ("0079", "0079")),
]


@pytest.mark.parametrize("point, want", BOUNDS)
def test_the_bounds_a_point_date_stands_for(point, want):
    assert (intervals.lower(*point), intervals.upper(*point)) == want


# a clause cut from a sentence, with no time of its own, is at or after the clause before it, even when that
# clause's day is only known from another document ("Al día siguiente" after a season here, a day there)
SIBLINGS = [
    {"mine_es.txt": "En la primavera de 1960 los mineros de Torvia se declararon en huelga con Ada Vell al frente. "
                    "Al día siguiente el patrón Ugo Rana cerró la mina y despidió a todos los mineros.\n\n"
                    "El 20 de junio de 1960 Ada Vell firmó un acuerdo con Ugo Rana.",
     "mine_it.txt": "Il 2 maggio 1960 i minatori di Torvia entrarono in sciopero con Ada Vell in testa. Il giorno "
                    "dopo il padrone Ugo Rana chiuse la miniera.\n\nIl 20 giugno 1960 Ada Vell firmò un accordo "
                    "con Ugo Rana."},
]


@pytest.mark.parametrize("texts", SIBLINGS)
def test_a_cut_clause_is_not_dated_before_the_clause_it_follows(texts):
    import pipeline
    story = pipeline.run(texts=texts)
    closed = next(e for e in story.events if any("cerró la mina" in s.text for s in e.sources))
    fired = next(e for e in story.events if any(s.text.startswith("y despidió") for s in e.sources))
    assert closed is not fired and closed.date == "1960-05-03"
    assert fired.date and fired.date >= closed.date, (fired.date, fired.date_from)
