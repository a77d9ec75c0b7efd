"""What one event's own words state when they state several times: ages with a qualifying adjective count
from the birth; two ages or a month and a later month of the same year make an interval, not the finest
of them; "July of the year before" is of the year before and does not displace the clause's own year; an
infobox turned into a sentence spans the life it summarises; a bare date line atop a page is its post date."""
from __future__ import annotations

import pytest

import pipeline
from tests.test_dates_narrative import make_story


def dates(s):
    return [(e.date_precision, e.date_from, e.date_to) if e.date_from or e.date_to else (e.date_precision, e.date)
            for e in s.events]


AGE_ADJECTIVE = {
    "en": ["Tomás Brill was born on 4 May 1801 in Lund.", "At the young age of 16 he moved to Madrid."],
    "es": ["Tomás Brill nació el 4 de mayo de 1801 en Lund.", "A la temprana edad de 16 años se mudó a Madrid."],
    "it": ["Tomás Brill nacque il 4 maggio 1801 a Lund.", "Alla tenera età di 16 anni si trasferì a Madrid."],
}


@pytest.mark.parametrize("lang", AGE_ADJECTIVE)
def test_an_age_with_an_adjective_counts_from_the_birth(lang):
    s = make_story(lang, AGE_ADJECTIVE[lang])
    assert dates(s)[1] == ("interval", "1817", "1818")


# an age in words opening the sentence, no "age" or "years" beside it
AGE_IN_WORDS = {
    "en": ["Tomás Brill was born on 4 May 1801 in Lund.", "At sixteen, Tomás became the organist of the abbey."],
}


@pytest.mark.parametrize("lang", AGE_IN_WORDS)
def test_an_age_in_words_opening_the_sentence_counts_from_the_birth(lang):
    s = make_story(lang, AGE_IN_WORDS[lang])
    assert dates(s)[1] == ("interval", "1817", "1818")


TWO_AGES = {
    "en": ["Tomás Brill was born on 4 May 1801 in Lund.",
           "At the age of 16 he moved to Madrid and at the age of 19 he married Ana."],
    "es": ["Tomás Brill nació el 4 de mayo de 1801 en Lund.",
           "A los 16 años se mudó a Madrid y a los 19 años se casó con Ana."],
    "it": ["Tomás Brill nacque il 4 maggio 1801 a Lund.",
           "A 16 anni si trasferì a Madrid e a 19 anni sposò Ana."],
}


@pytest.mark.parametrize("lang", TWO_AGES)
def test_two_ages_in_one_event_span_from_the_first_to_the_last(lang):
    s = make_story(lang, TWO_AGES[lang])
    assert dates(s)[1] == ("interval", "1817", "1821")


MONTH_LATER = {
    "en": ["In 1811 Tomás fought for the town.",
           "He marched on Lund in February 1813, crossing the river to enter the city in August."],
    "es": ["En 1811 Tomás luchó por la ciudad.",
           "Marchó sobre Lund en febrero de 1813, cruzando el río para entrar en la ciudad en agosto."],
    "it": ["Nel 1811 Tomás combatté per la città.",
           "Marciò su Lund nel febbraio 1813, attraversando il fiume per entrare in città in agosto."],
}


@pytest.mark.parametrize("lang", MONTH_LATER)
def test_a_yearless_month_after_a_stated_year_is_of_that_year(lang):
    s = make_story(lang, MONTH_LATER[lang])
    assert dates(s)[1] == ("interval", "1813-02", "1813-08")


YEAR_BEFORE = {
    "en": ["In 1822 Tomás took Lund, already freed by Ana in July of the year before."],
    "es": ["En 1822 Tomás tomó Lund, ya liberada por Ana en julio del año anterior."],
    "it": ["Nel 1822 Tomás conquistò Lund, già liberata da Ana nel luglio dell'anno prima."],
}


@pytest.mark.parametrize("lang", YEAR_BEFORE)
def test_a_month_of_the_year_before_does_not_date_the_clause_of_its_own_year(lang):
    s = make_story(lang, YEAR_BEFORE[lang])
    assert dates(s) == [("year", "1822-01-01")]


INFOBOX = {
    "en": ["Ana Brill (3 May 1901 – 9 June 1970) was mayor of Lund from 2 April 1930 to 5 May 1938, "
           "governor from 1 June 1945 to 2 July 1950 and judge from 4 March 1925 to 1 April 1929."],
    "es": ["Ana Brill (3 de mayo de 1901 – 9 de junio de 1970) fue alcaldesa de Lund del 2 de abril de 1930 al "
           "5 de mayo de 1938, gobernadora del 1 de junio de 1945 al 2 de julio de 1950 y jueza del 4 de marzo de "
           "1925 al 1 de abril de 1929."],
    "it": ["Ana Brill (3 maggio 1901 – 9 giugno 1970) fu sindaca di Lund dal 2 aprile 1930 al 5 maggio 1938, "
           "governatrice dal 1 giugno 1945 al 2 luglio 1950 e giudice dal 4 marzo 1925 al 1 aprile 1929."],
}


@pytest.mark.parametrize("lang", INFOBOX)
def test_an_infobox_sentence_spans_the_stretch_it_summarises(lang):
    s = make_story(lang, INFOBOX[lang])
    prec, lo, hi = dates(s)[0]
    assert prec == "interval" and lo.startswith("1901") and hi.startswith("1970")


DATELINE = {
    "en": "21 April 2009\n\nTHE CLOCKS OF LUND\n\nIn a poor town, Tom Brill looks for work for months. His wife sells "
          "the sheets of her dowry.",
    "es": "21 abril 2009\n\nLOS RELOJES DE LUND\n\nEn una aldea pobre, Tomás Brill busca trabajo durante meses. Su "
          "mujer vende las sábanas de la boda.",
    "it": "21 aprile 2009\n\nGLI OROLOGI DI LUND\n\nIn un paese povero, Tomás Brill cerca lavoro da mesi. La moglie "
          "vende le lenzuola del corredo.",
}


@pytest.mark.parametrize("lang", DATELINE)
def test_a_bare_date_line_atop_a_page_does_not_date_the_story(lang):
    story = pipeline.run(texts={f"page_{lang}.txt": DATELINE[lang]})
    told = [e for e in story.events if e.kind == "story"]
    assert told
    for e in told:
        shown = [e.date or "", e.date_from or "", e.date_to or ""]
        assert not any(v.startswith("2009") for v in shown), (e.title, shown)


BIRTH_RETOLD = {
    "en": ["Ana Brill (3 May 1901 – 9 June 1970) was mayor of Lund from 1930 to 1938.",
           "Born into a poor family of Lund, Ana Brill studied law.", "Her son Tomás was born in the war."],
    "es": ["Ana Brill (3 de mayo de 1901 – 9 de junio de 1970) fue alcaldesa de Lund de 1930 a 1938.",
           "Nacida en una familia pobre de Lund, Ana Brill estudió derecho.", "Su hijo Tomás nació en la guerra."],
    "it": ["Ana Brill (3 maggio 1901 – 9 giugno 1970) fu sindaca di Lund dal 1930 al 1938.",
           "Nata a Lund da una famiglia povera, Ana Brill studiò legge.", "Suo figlio Tomás nacque in guerra."],
}


@pytest.mark.parametrize("lang", BIRTH_RETOLD)
def test_the_subjects_birth_told_again_is_the_lifespans_birth_not_after_the_summary(lang):
    s = make_story(lang, BIRTH_RETOLD[lang])
    assert dates(s)[1] == ("day", "1901-05-03")
    assert dates(s)[2] != ("day", "1901-05-03")  # someone else's birth is not the subject's


LIFESPAN_ASIDE = {
    "en": ["The strike began on 3 June 1905, led by the weaver Ada Roux (1869–1932).", "The owner closed the gates the next day."],
    "es": ["La huelga empezó el 3 de junio de 1905, dirigida por la tejedora Ada Roux (1869–1932).",
           "El dueño cerró las puertas al día siguiente."],
    "it": ["Lo sciopero cominciò il 3 giugno 1905, guidato dalla tessitrice Ada Roux (1869–1932).",
           "Il giorno dopo il padrone chiuse i cancelli."],
}


@pytest.mark.parametrize("lang", LIFESPAN_ASIDE)
def test_a_lifespan_in_parentheses_after_the_events_date_dates_the_person_not_the_event(lang):
    s = make_story(lang, LIFESPAN_ASIDE[lang])
    first = next(e for e in s.events if "1905" in e.sources[0].text)
    assert (first.date, first.date_precision) == ("1905-06-03", "day")


# a sentence whose clauses tell the start and the end of the story in other years, when the document then goes
# back between them, is one telling of its span: the story stays at the start, and what the next paragraph
# tells lies after the start, not after the end
SPAN_IN_CLAUSES = {
    "it": ["La guerra di Orvi inizia il 3 marzo 1620, con l'assedio della città di Lanz, e finisce la sera del "
           "9 novembre 1621, quando la flotta di Vell sconfigge i pirati.",
           "Il duca Aldo Mirel decide di creare una lega contro i pirati.",
           "Il 20 agosto 1621 la flotta della lega salpa da Lanz."],
    "en": ["The war of Orvi began on 3 March 1620, with the siege of the town of Lanz, and ended on the evening of "
           "9 November 1621, when the fleet of Vell defeated the pirates.",
           "Duke Aldo Mirel decided to form a league against the pirates.",
           "On 20 August 1621 the fleet of the league sailed from Lanz."],
    "es": ["La guerra de Orvi comienza el 3 de marzo de 1620, con el asedio de la ciudad de Lanz, y termina la tarde "
           "del 9 de noviembre de 1621, cuando la flota de Vell derrota a los piratas.",
           "El duque Aldo Mirel decide crear una liga contra los piratas.",
           "El 20 de agosto de 1621 la flota de la liga zarpa de Lanz."],
}


def _told(lang, paras):
    s = pipeline.run(texts={f"d_{lang}.txt": "\n\n".join(paras) + "\n"}, lang_override={f"d_{lang}.txt": lang})
    return sorted((e for e in s.events if e.kind == "story"), key=lambda e: e.told)


@pytest.mark.parametrize("lang", SPAN_IN_CLAUSES)
def test_the_clauses_of_a_span_keep_the_story_at_its_start(lang):
    evs = _told(lang, SPAN_IN_CLAUSES[lang])
    assert [e.date for e in evs[:2]] == ["1620-03-03", "1621-11-09"]
    assert (evs[2].date_precision, evs[2].date_from) == ("interval", "1620-03-03")


# ... but a document that goes on from the later date tells on from it: "En marzo" is the March after it
ON_FROM_THE_LATER = {
    "es": ["En 1930 Tomás Vell vuelve a Orvi, y en 1931 dirige la compañía de teatro.", "En marzo estrena una obra."],
    "en": ["In 1930 Tomas Vell returned to Orvi, and in 1931 he ran the theatre company.", "In March he staged a play."],
}


@pytest.mark.parametrize("lang", ON_FROM_THE_LATER)
def test_clauses_that_go_on_move_the_story(lang):
    evs = _told(lang, ON_FROM_THE_LATER[lang])
    assert evs[-1].date == "1931-03-01"
