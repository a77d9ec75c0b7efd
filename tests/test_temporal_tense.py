"""In a dated document a bare weekday or a date without a year ("Friday", "June 17", "en enero") is read by
the tense of the verb nearest to it: last Friday for "announced Friday that it will ...", next Wednesday for
"is set to begin on Wednesday"; a past December told in January is the December before."""
from __future__ import annotations

import datetime as dt

import pytest

import pipeline
from pipeline import temporal

DCT = "2010-01-20"  # a Wednesday

TENSE = [
    # lang, sentence, span, ISO value
    ("en", "Brena Holt announced Friday that her firm will open a mill.", "Friday", "2010-01-15"),
    ("en", "The trial of Ovid Marsk is set to begin on Monday in Tarnfield.", "Monday", "2010-01-25"),
    ("en", "The Dunmore docks stay closed until Friday.", "Friday", "2010-01-22"),
    ("en", "Three hundred farmers will march through Tarnfield on Friday.", "Friday", "2010-01-22"),
    ("en", "On Sunday, the ministers agreed on a plan that will help the ports.", "Sunday", "2010-01-17"),
    ("en", "The court ruled on 11 December that the sale of the Harl estate was void.", "11 December",
     "2009-12-11"),
    ("en", "The new bridge at Ossel will be opened on June 17.", "June 17", "2010-06-17"),
    ("en", "The Velkin deal should be completed in October.", "October", "2010-10-01"),
    ("en", "The mill of Corran closed in January.", "January", "2010-01-01"),
    ("es", "Irene Calvo anunció el viernes que su empresa abrirá un molino.", "el viernes", "2010-01-15"),
    ("es", "El domingo, los ministros acordaron un plan que ayudará a los puertos.", "El domingo", "2010-01-17"),
    ("es", "El tribunal falló el 11 de diciembre que la venta era nula.", "el 11 de diciembre", "2009-12-11"),
    ("es", "El nuevo puente de Osel se inaugurará el 17 de junio.", "el 17 de junio", "2010-06-17"),
    ("es", "Se ha fijado una audiencia para el 3 de febrero en el tribunal.", "el 3 de febrero", "2010-02-03"),
    ("es", "Las ventas de Velkin han caído hasta un 35% en enero.", "enero", "2010-01-01"),
    ("it", "Il sindaco Dario Ferro ha parlato venerdì ai minatori.", "venerdì", "2010-01-15"),
    ("it", "Il processo a Ovidio Marsi comincerà lunedì a Tarnella.", "lunedì", "2010-01-25"),
    ("it", "Il tribunale ha deciso l'11 dicembre che la vendita era nulla.", "l'11 dicembre", "2009-12-11"),
    ("it", "Il nuovo ponte di Osella sarà aperto il 17 giugno.", "il 17 giugno", "2010-06-17"),
    ("it", "Il porto resterà chiuso fino al 3 febbraio.", "3 febbraio", "2010-02-03"),
    # a present tense in news tells what is scheduled: the coming weekday; a past verb nearer wins
    ("en", "The summit of the Tarnfield mayors opens on Friday.", "Friday", "2010-01-22"),
    ("en", "Ovid Marsk, who visits Tarnfield every year, resigned on Friday.", "Friday", "2010-01-15"),
    ("es", "La cumbre de alcaldes de Tarnella se abre el viernes.", "el viernes", "2010-01-22"),
    ("es", "Ovidio Marsi, que visita Tarnella cada año, dimitió el viernes.", "el viernes", "2010-01-15"),
    ("it", "Il vertice dei sindaci di Tarnella si apre venerdì.", "venerdì", "2010-01-22"),
    ("it", "Ovidio Marsi, che visita Tarnella ogni anno, ha lasciato la carica venerdì.", "venerdì", "2010-01-15"),
]


def _find(sentence, lang, span, dct=None):
    got = [t for t in temporal.extract(sentence, lang, dct) if t["text"] == span]
    assert got, temporal.extract(sentence, lang, dct)
    return got[0]


@pytest.mark.parametrize("lang,sentence,span,value", TENSE)
def test_a_weekday_or_a_yearless_date_follows_the_tense_of_its_verb(lang, sentence, span, value):
    assert _find(sentence, lang, span, dt.date.fromisoformat(DCT))["value"] == value


@pytest.mark.parametrize("lang,sentence,span", [(lang, s, span) for lang, s, span, _v in TENSE])
def test_without_a_document_date_they_keep_no_value(lang, sentence, span):
    assert _find(sentence, lang, span).get("value") is None


@pytest.mark.parametrize("lang,sentence,span", [
    ("en", "Her father had arranged the marriage in January of that year.", "January of that year"),
    ("es", "En marzo del mismo año cerró el molino.", "marzo del mismo año"),
    ("it", "A marzo dello stesso anno chiuse il mulino.", "marzo dello stesso anno"),
])
def test_a_month_of_the_narrative_s_year_does_not_take_the_document_year(lang, sentence, span):
    got = [t for t in temporal.extract(sentence, lang, dt.date.fromisoformat(DCT)) if span in t["text"]]
    assert got and got[0].get("value") is None


def test_the_whole_pipeline_keeps_the_document_year_of_a_yearless_date():
    story = pipeline.run(texts={"n": "The Harl estate was sold on 11 December. The new owner, Mira Lund, "
                                     "will open it to visitors on March 3."},
                         lang_override={"n": "en"}, doc_dates={"n": DCT})
    assert {t.text: t.value for t in story.timex} == {"11 December": "2009-12-11", "March 3": "2010-03-03"}


@pytest.mark.parametrize("lang,text,span", [
    ("en", "Monday, March 9, 2009\n\nThe voyage of Tomas Reyl begins in January 1951. He hopes to reach Quito "
           "by April 2.", "April 2"),
    ("en", "Monday, March 9, 2009\n\nIn March 1951 Tomas Reyl leaves Oslen. On Friday he reaches the coast.", "Friday"),
    ("es", "Lunes, 9 de marzo de 2009\n\nEn enero de 1951 Tomás Reyl sale de Osel. Espera llegar a Quito el "
           "2 de abril.", "el 2 de abril"),
    ("it", "Lunedì 9 marzo 2009\n\nNel gennaio 1951 Tommaso Reyl parte da Osella. Spera di arrivare a Quito "
           "il 2 aprile.", "il 2 aprile"),
])
def test_a_story_told_in_another_year_keeps_its_yearless_dates_from_the_document_date(lang, text, span):
    story = pipeline.run(texts={"r": text}, lang_override={"r": lang})
    assert story.doc_dates == {"r": "2009-03-09"}
    [t] = [t for t in story.timex if t.text == span]
    assert t.value is None or t.value.startswith("1951")


HOURS_AGO = [
    ("en", "The ferry to Ossel sank two hours ago.", "two hours ago", "2010-01-20"),
    ("en", "The Brenford talks broke down 36 hours ago.", "36 hours ago", "2010-01-19"),
    ("es", "El ferry a Osel se hundió hace unas horas.", "hace unas horas", "2010-01-20"),
    ("it", "Il traghetto per Osella è affondato poche ore fa.", "poche ore fa", "2010-01-20"),
]


@pytest.mark.parametrize("lang,sentence,span,value", HOURS_AGO)
def test_hours_ago_is_the_document_s_day_not_days_ago(lang, sentence, span, value):
    assert _find(sentence, lang, span, dt.date.fromisoformat(DCT))["value"] == value
    assert _find(sentence, lang, span).get("value") is None


MONTH_LEADS = [
    # a month without a year after "as of", "between", "by early": found, the lead outside the span
    ("en", "As of February, the Harl mill sells half of the town's flour.", "February", "As of"),
    ("en", "The Ossel economy shrank between April and the autumn.", "April", "between"),
    ("en", "Mira Lund will close the shop by early June.", "early June", "by"),
    ("es", "La economía de Osel se contrajo entre abril y el otoño.", "abril", "entre"),
    ("es", "El molino no abrirá antes de marzo.", "marzo", "antes de"),
    ("it", "L'economia di Osella si è contratta tra aprile e l'autunno.", "aprile", "tra"),
    ("it", "Il mulino non aprirà prima di marzo.", "marzo", "prima di"),
]


@pytest.mark.parametrize("lang,sentence,span,lead", MONTH_LEADS)
def test_a_month_after_a_range_or_limit_word_is_found(lang, sentence, span, lead):
    t = _find(sentence, lang, span)
    assert (t["kind"], t["lead"]) == ("underspecified", lead)


@pytest.mark.parametrize("lang,sentence,span", [
    ("es", "Irene Calvo compró el molino a finales del 2006 por poco dinero.", "finales del 2006"),
    ("it", "Nel 1943 per sfuggire alla guerra Dario Ferro partì per Osella.", "1943"),
])
def test_a_year_before_por_or_per_is_still_a_year(lang, sentence, span):
    assert _find(sentence, lang, span)["value"][:4] == span[-4:]


@pytest.mark.parametrize("lang,sentence", [
    ("es", "Las ventas de Velkin subieron un 1950 por ciento."),
    ("it", "Le vendite di Velkin crebbero del 1200 per cento."),
])
def test_a_percentage_is_no_year(lang, sentence):
    assert [t for t in temporal.extract(sentence, lang) if t["kind"] == "year"] == []


@pytest.mark.parametrize("lang,sentence,span,year", [
    ("en", "The Velkin plant will be sold in mid-2031.", "mid-2031", "2031"),
    ("en", "By mid-1990 the Harl mill had closed.", "mid-1990", "1990"),
])
def test_a_hyphen_glued_part_of_a_year_is_found(lang, sentence, span, year):
    t = _find(sentence, lang, span)
    assert (t["value"][:4], t["mod"]) == (year, "MID")
