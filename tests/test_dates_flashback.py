"""Look-backs (pluperfect) date themselves without moving the story; "of that year" never rolls
into the next year; an earlier month rolls forward only when it is far behind the narrative month."""
from __future__ import annotations

import pytest

from tests.test_dates_narrative import make_story
from tests.test_dates_quotes import story_of

FLASHBACK_THAT_YEAR = {
    "en": ["On July 9, 1816, the deputies declare independence.",
           "Her father had arranged the marriage in January of that year.",
           "That night, the girl meets a printer.", "The next day, the printer brings her a copy."],
    "es": ["El 9 de julio de 1816 los diputados declaran la independencia.",
           "Su padre había arreglado el matrimonio en enero de ese año.",
           "Esa noche, la chica conoce a un impresor.", "Al día siguiente, el impresor le lleva una copia."],
    "it": ["Il 9 luglio 1816 i deputati dichiarano l'indipendenza.",
           "Suo padre aveva combinato il matrimonio nel gennaio di quell'anno.",
           "Quella notte la ragazza conosce un tipografo.", "Il giorno dopo il tipografo le porta una copia."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_a_pluperfect_month_of_that_year_is_dated_and_the_story_resumes(lang):
    s = make_story(lang, FLASHBACK_THAT_YEAR[lang])
    assert [(e.date, e.date_precision) for e in s.events] == [
        ("1816-07-09", "day"), ("1816-01-01", "month"), ("1816-07-09", "relative"), ("1816-07-10", "relative")]


FLASHBACK_BEFORE = {
    "en": ["On 2 June 1946 the women vote for the first time.",
           "Three days before, the teacher had organised a meeting in the school.",
           "The morning of the vote, the doctor drives the old women to the polls.",
           "That night they listen to the results.", "Three days later the news arrives."],
    "es": ["El 2 de junio de 1946 las mujeres votan por primera vez.",
           "Tres días antes, la maestra había organizado una reunión en la escuela.",
           "La mañana del voto, el médico lleva a las ancianas al colegio electoral.",
           "Esa noche escuchan los resultados.", "Tres días después llega la noticia."],
    "it": ["Il 2 giugno 1946 le donne votano per la prima volta.",
           "Tre giorni prima, la maestra aveva organizzato un'assemblea nella scuola.",
           "La mattina del voto, il medico accompagna le anziane al seggio.",
           "Quella notte ascoltano i risultati.", "Tre giorni dopo arriva la notizia."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_a_pluperfect_day_before_does_not_move_the_story_day(lang):
    s = make_story(lang, FLASHBACK_BEFORE[lang])
    assert [e.date for e in s.events] == ["1946-06-02", "1946-05-30", "1946-06-02", "1946-06-02", "1946-06-05"]


ROLL = {  # (narrative sentence, month sentence, expected month value)
    "en": [("In October 1957 the satellite flies.", "In March of that year, the boys build a rocket.", "1957-03-01"),
           ("In October 1957 the satellite flies.", "In March, the boys had built a rocket.", "1957-03-01"),
           ("In August 1957 the mine closes.", "In June, the boys build a rocket.", "1957-06-01"),
           ("In December 1957 the mine closes.", "In February, the boys build a rocket.", "1958-02-01")],
    "es": [("En octubre de 1957 el satélite pasa.", "En marzo de ese año, los chicos construyen un cohete.", "1957-03-01"),
           ("En octubre de 1957 el satélite pasa.", "En marzo, los chicos habían construido un cohete.", "1957-03-01"),
           ("En agosto de 1957 la mina cierra.", "En mayo, los chicos construyen un cohete.", "1957-05-01"),
           ("En diciembre de 1957 la mina cierra.", "En febrero, los chicos construyen un cohete.", "1958-02-01")],
    "it": [("Nell'ottobre del 1957 il satellite passa.", "A marzo di quell'anno i ragazzi costruiscono un razzo.",
            "1957-03-01"),
           ("Nell'ottobre del 1957 il satellite passa.", "A marzo i ragazzi avevano costruito un razzo.", "1957-03-01"),
           ("Nell'agosto del 1957 la miniera chiude.", "A maggio i ragazzi costruiscono un razzo.", "1957-05-01"),
           ("Nel dicembre del 1957 la miniera chiude.", "A febbraio i ragazzi costruiscono un razzo.", "1958-02-01")],
}


@pytest.mark.parametrize("lang,first,second,want", [(lang, *case) for lang, cases in ROLL.items() for case in cases])
def test_an_earlier_month_rolls_forward_only_when_far_behind_and_told_forward(lang, first, second, want):
    s = make_story(lang, [first, second])
    assert (s.events[1].date, s.events[1].date_precision) == (want, "month")


PLUPERFECT = {
    "en": [("She had left the town.", True), ("He had been a miner.", True), ("They had seven children.", False),
           ("He had to leave.", False), ("She had suddenly left him.", True), ("It had only one door.", False)],
    "es": [("Ella había dejado el pueblo.", True), ("Había sido minero.", True), ("Había mucha gente.", False),
           ("Había un soldado en la puerta.", False), ("Lo había finalmente abandonado.", True)],
    "it": [("Lei aveva lasciato il paese.", True), ("Era nato in montagna.", True), ("Era convinto di vincere.", False),
           ("Aveva allora circa 24 anni.", False), ("Era casualmente entrato in una vecchia bottega.", True),
           ("Aveva improvvisamente lasciato il paese.", True)],
}


@pytest.mark.parametrize("lang,sentence,back", [(lang, *c) for lang, cs in PLUPERFECT.items() for c in cs])
def test_the_pluperfect_is_recognised_as_a_look_back(lang, sentence, back):
    from pipeline.datecues import flashback_cue
    assert bool(flashback_cue(lang).search(sentence)) is back


# a paragraph that opens by going back to a date of its own (pluperfect) tells on from that date: a day and
# month after it is of that past's year, what it tells undated is bounded by that past, not by the frame
LOOK_BACK_PARAGRAPH = {
    "en": [["On 12 October 1715 the Vessa reaches the island of Orm."],
           ["The journey had begun on 3 August 1715 in the port of Lanz.", "The sailors sailed for a month.",
            "On 16 September they entered the sea of weeds."]],
    "es": [["El 12 de octubre de 1715 la Vessa llega a la isla de Orm."],
           ["El viaje había comenzado el 3 de agosto de 1715 en el puerto de Lanz.",
            "Los marineros navegaron durante un mes.", "El 16 de septiembre entraron en el mar de algas."]],
    "it": [["Il 12 ottobre 1715 la Vessa approda all'isola di Orm."],
           ["Il viaggio era cominciato il 3 agosto 1715 nel porto di Lanz.", "I marinai navigarono per un mese.",
            "Il 16 settembre entrarono nel mare delle alghe."]],
}
BACK_AT_THE_FRAME = {"en": ["Captain Vell goes ashore."], "es": ["El capitán Vell desembarca."],
                     "it": ["Il capitano Vell sbarca."]}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_a_paragraph_opening_in_the_pluperfect_tells_on_from_its_date(lang):
    s = story_of(lang, LOOK_BACK_PARAGRAPH[lang])
    assert [(e.date, e.date_precision) for e in s.events] == [
        ("1715-10-12", "day"), ("1715-08-03", "day"), ("1715-08-03", "interval"), ("1715-09-16", "day")]
    assert (s.events[2].date_from, s.events[2].date_to) == ("1715-08-03", "1715-09-16")


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_the_look_back_of_a_paragraph_ends_with_it(lang):
    # a paragraph in the pluperfect is a look-back: the next paragraph is back where the story was
    s = story_of(lang, LOOK_BACK_PARAGRAPH[lang] + [BACK_AT_THE_FRAME[lang]])
    assert (s.events[-1].date_precision, s.events[-1].date_from) == ("interval", "1715-10-12")


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_a_pluperfect_inside_a_paragraph_only_dates_itself(lang):
    paras = LOOK_BACK_PARAGRAPH[lang]
    s = story_of(lang, [paras[0] + paras[1]])
    assert [e.date for e in s.events][:2] == ["1715-10-12", "1715-08-03"]
    assert s.events[2].date_from == "1715-10-12"  # the story resumed where it was
