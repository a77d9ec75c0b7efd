"""Time expressions beyond calendar dates, per language: TimeML extent (lead word outside), type, value."""
from __future__ import annotations

import datetime as dt

import pytest

import pipeline
from pipeline import temporal

CLASSES = [
    # lang, sentence, span, lead, TimeML type, kind
    ("en", "The mayor of Brenford resigned on Friday.", "Friday", "on", "DATE", "weekday"),
    ("en", "The ferry sank on Sunday night off the cape.", "Sunday night", "on", "TIME", "weekday"),
    ("es", "El alcalde de Villaluz dimitió el domingo.", "el domingo", "", "DATE", "weekday"),
    ("it", "Il sindaco di Castelmora si è dimesso lunedì scorso.", "lunedì scorso", "", "DATE", "weekday"),
    ("en", "The strike lasted for ten days in the port.", "ten days", "for", "DURATION", "duration"),
    ("en", "A decade of drought emptied the valley.", "A decade", "", "DURATION", "duration"),
    ("es", "La huelga duró durante tres semanas en el puerto.", "tres semanas", "durante", "DURATION", "duration"),
    ("it", "Lo sciopero durò per dieci giorni nel porto.", "dieci giorni", "per", "DURATION", "duration"),
    ("en", "The bakery doubled its sales last week.", "last week", "", "DATE", "deictic"),
    ("en", "The council will vote next year on the bridge.", "next year", "", "DATE", "deictic"),
    ("es", "La panadería duplicó sus ventas este año.", "este año", "", "DATE", "deictic"),
    ("es", "El consejo votará el mes que viene.", "el mes que viene", "", "DATE", "deictic"),
    ("it", "Il forno ha raddoppiato le vendite l'anno scorso.", "l'anno scorso", "", "DATE", "deictic"),
    ("en", "The old mill is currently a museum.", "currently", "", "DATE", "ref"),
    ("es", "Actualmente el molino es un museo.", "Actualmente", "", "DATE", "ref"),
    ("it", "Attualmente il mulino è un museo.", "Attualmente", "", "DATE", "ref"),
    ("en", "In the past the mill ground wheat.", "the past", "In", "DATE", "ref"),
    ("en", "The harbour reopened yesterday after the storm.", "yesterday", "", "DATE", "deictic"),
    ("es", "El puerto reabrió hoy tras la tormenta.", "hoy", "", "DATE", "deictic"),
    ("it", "Il porto ha riaperto ieri dopo la tempesta.", "ieri", "", "DATE", "deictic"),
    ("en", "The ferry company lost money in the third quarter.", "the third quarter", "in", "DATE", "quarter"),
    ("es", "La naviera perdió dinero en el cuarto trimestre.", "el cuarto trimestre", "en", "DATE", "quarter"),
    ("it", "La compagnia ha perso denaro nel primo trimestre del 2008.", "primo trimestre del 2008", "nel",
     "DATE", "quarter"),
    ("en", "The lighthouse was built four years ago.", "four years ago", "", "DATE", "ago"),
    ("es", "El faro se construyó hace un año.", "hace un año", "", "DATE", "ago"),
    ("it", "Il faro è stato costruito tre anni fa.", "tre anni fa", "", "DATE", "ago"),
    ("en", "The fireworks start at 8 PM on the pier.", "8 PM", "at", "TIME", "clock"),
    ("es", "Los fuegos empiezan a las 21:30 en el muelle.", "las 21:30", "a", "TIME", "clock"),
    ("it", "I fuochi iniziano alle 21:30 sul molo.", "21:30", "alle", "TIME", "clock"),
    ("en", "The choir sings every summer in the square.", "every summer", "", "SET", "set"),
    ("es", "El coro canta cada verano en la plaza.", "cada verano", "", "SET", "set"),
    ("it", "Il coro canta ogni estate in piazza.", "ogni estate", "", "SET", "set"),
    ("en", "Glassmaking flourished in the 18th century in Varn.", "the 18th century", "in", "DATE", "century"),
    ("es", "El vidrio floreció a mediados del siglo XIX en Varn.", "mediados del siglo XIX", "a", "DATE", "century"),
    ("it", "Il vetro fiorì nel Settecento a Varn.", "Settecento", "nel", "DATE", "century"),
    ("en", "The dam was finished at the end of the year.", "the end of the year", "at", "DATE", "deictic"),
    ("en", "The dam was finished in early 1958.", "early 1958", "in", "DATE", "year"),
    ("es", "La presa se terminó a finales de 1958.", "finales de 1958", "a", "DATE", "year"),
    ("it", "La diga fu finita a fine ottobre.", "fine ottobre", "a", "DATE", "underspecified"),
    ("en", "The mine opened in 1957.", "1957", "in", "DATE", "year"),
    ("es", "La mina abrió en 1957.", "1957", "en", "DATE", "year"),
    ("it", "La miniera aprì nel 1957.", "1957", "nel", "DATE", "year"),
    ("en", "He has taught there since March 1990.", "March 1990", "since", "DATE", "month"),
    ("es", "Enseña allí desde marzo de 1990.", "marzo de 1990", "desde", "DATE", "month"),
    ("en", "Rents doubled over the past decade in Brenford.", "the past decade", "over", "DATE", "deictic"),
    ("en", "They signed the 1987 treaty in Oslen.", "1987", "the", "DATE", "year"),
    ("en", "At 0600 UTC, the ferry left Varn.", "0600 UTC", "At", "TIME", "clock"),
    ("es", "La disputa duró durante décadas en Villaluz.", "décadas", "durante", "DURATION", "duration"),
    ("es", "Las perspectivas parecen buenas a corto plazo.", "corto plazo", "a", "DATE", "ref"),
    ("es", "En el día de hoy, el alcalde habló.", "el día de hoy", "En", "DATE", "deictic"),
    ("it", "Per anni il paese dormì.", "anni", "Per", "DURATION", "duration"),
    ("en", "The market fell over the weekend.", "the weekend", "over", "DATE", "deictic"),
    ("es", "La bolsa cayó durante el fin de semana.", "el fin de semana", "durante", "DATE", "deictic"),
    ("it", "La borsa è scesa durante il fine settimana.", "il fine settimana", "durante", "DATE", "deictic"),
    ("es", "No se había visto en años un frío así.", "años", "en", "DURATION", "duration"),
    ("es", "Llegaron a Villaluz el 21 de agosto 1929.", "el 21 de agosto 1929", "", "DATE", "date"),
    ("es", "Villaluz, 1944.", "1944", "", "DATE", "year"),
    ("it", "Castelmora, 1943.", "1943", "", "DATE", "year"),
    ("en", "Brenford, 1944.", "1944", "", "DATE", "year"),
    ("en", "The volcano above Oslen erupted in A.D. 79.", "A.D. 79", "in", "DATE", "year"),
    ("es", "El volcán de Oslen entró en erupción en el 79 d.C.", "79 d.C.", "", "DATE", "year"),
    ("it", "Il vulcano di Oslen eruttò nel 79 d.C.", "79 d.C.", "nel", "DATE", "year"),
    ("it", "Stamattina il sindaco di Castelmora ha parlato.", "Stamattina", "", "TIME", "deictic"),
    ("it", "Domenica sera ci sarà la festa.", "Domenica sera", "", "TIME", "weekday"),
    ("it", "Il mulino macinò grano per un decennio.", "un decennio", "per", "DURATION", "duration"),
    ("it", "Verso la metà del secolo scorso il porto crebbe.", "la metà del secolo scorso", "Verso", "DATE",
     "deictic"),
    ("it", "Il teatro riaprì a inizio 2009.", "inizio 2009", "a", "DATE", "year"),
    ("it", "Nei prossimi anni il porto crescerà.", "prossimi anni", "Nei", "DATE", "ref"),
    ("it", "Il ponte fu chiuso due settimane fa.", "due settimane fa", "", "DATE", "ago"),
    ("it", "Il coro canta ogni lunedì.", "ogni lunedì", "", "SET", "set"),
    ("es", "La fiesta es a las ocho de la tarde.", "las ocho de la tarde", "a", "TIME", "clock"),
    ("en", "The ferry left the day before yesterday.", "the day before yesterday", "", "DATE", "deictic"),
]


def test_a_first_millennium_year_needs_its_era():
    assert temporal.extract("The volcano above Oslen erupted in A.D. 79.", "en")[0]["value"] == "0079-01-01"
    assert temporal.extract("The volcano killed 79 people in Oslen.", "en") == []


@pytest.mark.parametrize("lang,sentence", [
    ("en", "The mill at Brenford counted 1944 looms, 2000."),
    ("es", "El pueblo tenía 2000 habitantes."),
])
def test_a_number_closing_a_long_sentence_is_no_heading_year(lang, sentence):
    assert [t["text"] for t in temporal.extract(sentence, lang) if t["kind"] == "year"] == []


@pytest.mark.parametrize("lang,sentence,year", [
    ("es", "1893, Liceo Varno, Osel (Tarsia): Lidia Corr tiene doce años y vive sola.", "1893-01-01"),
    ("en", "1893: Lidia Corr leaves the orphanage of Pesk.", "1893-01-01"),
    ("it", "1893, collegio di Pesk: Lidia Corr ha dodici anni.", None),  # a lower-case word: no heading
    ("en", "1500, the number of looms, was large.", None),
])
def test_a_year_heading_its_sentence_dates_it(lang, sentence, year):
    got = [t["value"] for t in temporal.extract(sentence, lang) if t["kind"] == "year"]
    assert got == ([year] if year else [])


@pytest.mark.parametrize("lang,sentence,span,lead,typ,kind", CLASSES)
def test_expression_has_its_timeml_extent_lead_and_type(lang, sentence, span, lead, typ, kind):
    got = [t for t in temporal.extract(sentence, lang) if t["text"] == span]
    assert got, temporal.extract(sentence, lang)
    t = got[0]
    assert (t["lead"], t["type"], t["kind"]) == (lead, typ, kind)
    assert sentence[t["start"]:t["end"]] == span


WITH_DATE = [
    # lang, sentence, document date, span, ISO value (None: a TimeML value only), TimeML value
    ("en", "The harbour reopened yesterday.", "2011-03-16", "yesterday", "2011-03-15", "2011-03-15"),
    ("en", "The mayor resigned on Friday.", "2011-03-16", "Friday", "2011-03-11", "2011-03-11"),
    ("en", "The mayor will resign on Friday.", "2011-03-16", "Friday", "2011-03-18", "2011-03-18"),
    ("en", "Sales fell last week.", "2011-03-16", "last week", None, "2011-W10"),
    ("en", "The bridge opens next year.", "2011-03-16", "next year", "2012-01-01", "2012"),
    ("en", "The lighthouse was built four years ago.", "2011-03-16", "four years ago", "2007-01-01", "2007"),
    ("en", "Profits rose in the third quarter.", "2011-03-16", "the third quarter", None, "2011-Q3"),
    ("es", "El puerto reabrió ayer.", "2011-03-16", "ayer", "2011-03-15", "2011-03-15"),
    ("es", "Las ventas cayeron el mes pasado.", "2011-03-16", "el mes pasado", "2011-02-01", "2011-02"),
    ("es", "El faro se construyó hace dos años.", "2011-03-16", "hace dos años", "2009-01-01", "2009"),
    ("it", "Il porto ha riaperto oggi.", "2011-03-16", "oggi", "2011-03-16", "2011-03-16"),
    ("it", "Le vendite sono calate la settimana scorsa.", "2011-03-16", "la settimana scorsa", None, "2011-W10"),
    ("it", "Il ponte apre l'anno prossimo.", "2011-03-16", "l'anno prossimo", "2012-01-01", "2012"),
    ("it", "Il ponte fu chiuso due settimane fa.", "2011-03-16", "due settimane fa", "2011-03-02", "2011-03-02"),
    ("en", "The ferry sank off Oslen a week ago.", "2011-03-18", "a week ago", "2011-03-11", "2011-03-11"),
    ("es", "El ferry se hundió frente a Osel hace una semana.", "2011-03-18", "hace una semana", "2011-03-11",
     "2011-03-11"),
    ("en", "The Brenford index has not been this low since last September.", "2009-10-12", "last September",
     "2009-09-01", "2009-09"),
    ("en", "The Brenford bridge opens next March.", "2009-10-12", "next March", "2010-03-01", "2010-03"),
    ("es", "El índice de Villaluz no estaba tan bajo desde el pasado septiembre.", "2009-10-12",
     "el pasado septiembre", "2009-09-01", "2009-09"),
    ("es", "El puente de Villaluz abrirá en marzo próximo.", "2009-10-12", "marzo próximo", "2010-03-01", "2010-03"),
    ("it", "L'indice di Castelmora non era così basso dal settembre scorso.", "2009-10-12", "settembre scorso",
     "2009-09-01", "2009-09"),
    ("it", "Il ponte di Castelmora aprirà il prossimo marzo.", "2009-10-12", "il prossimo marzo", "2010-03-01",
     "2010-03"),
    ("en", "Brenford dealers will be closed after October of next year.", "2009-05-15", "October", "2010-10-01",
     "2010-10"),
    ("es", "Los talleres de Villaluz cerrarán a partir de octubre del año que viene.", "2009-05-15", "octubre",
     "2010-10-01", "2010-10"),
    ("it", "Il ponte di Castelmora aprirà a ottobre dell'anno prossimo.", "2009-05-15", "ottobre", "2010-10-01",
     "2010-10"),
    ("en", "Brenford mills reported their January sales.", "2009-02-03", "January", "2009-01-01", "2009-01"),
    ("en", "Brenford sales rose 43% in February compared to the same period last year.", "2010-03-03",
     "the same period last year", "2009-02-01", "2009-02"),
    ("es", "Las ventas de Villaluz cayeron un 35% en enero respecto al mismo mes del año anterior.", "2009-02-03",
     "mismo mes del año anterior", "2008-01-01", "2008-01"),
    ("it", "Le vendite di Castelmora sono salite a febbraio rispetto allo stesso periodo dell'anno scorso.",
     "2010-03-03", "stesso periodo dell'anno scorso", "2009-02-01", "2009-02"),
    ("en", "The Brenford index gained 39 points, ending the day at 8,017.", "2009-04-03", "the day", "2009-04-03",
     "2009-04-03"),
    ("es", "El índice de Villaluz ganó 39 puntos y terminó la jornada en 8.017.", "2009-04-03", "la jornada",
     "2009-04-03", "2009-04-03"),
    ("it", "L'indice di Castelmora ha guadagnato 39 punti e ha chiuso la giornata a 8.017.", "2009-04-03",
     "la giornata", "2009-04-03", "2009-04-03"),
    ("it", "Domenica sera ci sarà la festa.", "2011-03-16", "Domenica sera", "2011-03-20", "2011-03-20TEV"),
    ("it", "Il sindaco ha parlato domenica.", "2011-03-16", "domenica", "2011-03-13", "2011-03-13"),
    ("es", "La fiesta será el viernes.", "2011-03-16", "el viernes", "2011-03-18", "2011-03-18"),
    ("es", "El alcalde habló el viernes.", "2011-03-16", "el viernes", "2011-03-11", "2011-03-11"),
]


@pytest.mark.parametrize("lang,sentence,dct,span,value,timeml", WITH_DATE)
def test_deictic_expressions_resolve_against_the_document_date(lang, sentence, dct, span, value, timeml):
    [t] = [t for t in temporal.extract(sentence, lang, dt.date.fromisoformat(dct)) if t["text"] == span]
    assert (t.get("value"), t["timeml"]) == (value, timeml)


@pytest.mark.parametrize("lang,sentence,span", [(lang, s, span) for lang, s, _d, span, _v, _t in WITH_DATE])
def test_without_a_document_date_deictic_expressions_stay_relative(lang, sentence, span):
    [t] = [t for t in temporal.extract(sentence, lang) if t["text"] == span]
    assert t.get("value") is None


DURATION_VALUES = [
    ("en", "The strike lasted ten days.", "ten days", "P10D"),
    ("en", "The siege lasted two and a half years.", "two and a half years", "P2.5Y"),
    ("es", "La huelga duró media hora.", "media hora", "PT30M"),
    ("it", "Lo sciopero durò tre mesi.", "tre mesi", "P3M"),
]


@pytest.mark.parametrize("lang,sentence,span,timeml", DURATION_VALUES)
def test_durations_have_an_iso_duration_and_no_date(lang, sentence, span, timeml):
    [t] = [t for t in temporal.extract(sentence, lang) if t["text"] == span]
    assert (t["type"], t["timeml"], t.get("value")) == ("DURATION", timeml, None)


@pytest.mark.parametrize("lang,sentence", [
    ("en", "Rosa Kell, 100 years old, sells apples."),
    ("en", "The twelve-year-old boy ran home."),
    ("es", "Llegó a los 19 años a la ciudad."),
    ("it", "Aveva 19 anni quando partì."),
    ("en", "She calls twice a day."),
    ("en", "The soldiers carried 30 kilos for 3 miles."),
    ("it", "Partirono un'ora dopo."),
])
def test_ages_frequencies_and_measures_are_not_durations(lang, sentence):
    assert [t["text"] for t in temporal.extract(sentence, lang) if t["kind"] == "duration"] == []


def test_run_takes_document_dates_and_durations_never_date_an_event():
    story = pipeline.run(texts={"news_a": "Dara Vell opened the bakery in Oslen yesterday. It was closed for ten days."},
                         lang_override={"news_a": "en"}, doc_dates={"news_a": "2011-03-16"})
    assert story.doc_dates == {"news_a": "2011-03-16"}
    [yesterday] = [t for t in story.timex if t.text == "yesterday"]
    assert yesterday.value == "2011-03-15"
    dated = {e.date for e in story.events if e.date}
    assert dated == {"2011-03-15"}


@pytest.mark.parametrize("heading,lang,day", [
    ("BRENFORD, 3 March 1921 — The mayor spoke yesterday to the miners.", "en", "1921-03-02"),
    ("Monday, May 4, 1998\n\nThe mayor spoke yesterday to the miners.", "en", "1998-05-03"),
    ("VILLALUZ, 3 de marzo de 1921 — El alcalde habló ayer a los mineros.", "es", "1921-03-02"),
    ("CASTELMORA, 3 marzo 1921 — Il sindaco ha parlato ieri ai minatori.", "it", "1921-03-02"),
])
def test_a_dateline_is_the_document_date(heading, lang, day):
    story = pipeline.run(texts={"d": heading}, lang_override={"d": lang})
    [t] = [t for t in story.timex if t.kind == "deictic"]
    assert t.value == day


@pytest.mark.parametrize("lang,text,span,day", [
    ("en", "April 4, 2009\n\nThe Brenford index rose on Friday. The Dow gained 39 points, ending the day at 8,017.",
     "the day", "2009-04-03"),
    ("es", "4 de abril de 2009\n\nEl índice de Villaluz subió el viernes. El Dow ganó 39 puntos y terminó la "
           "jornada en 8.017.", "la jornada", "2009-04-03"),
    ("en", "April 4, 2009\n\nThe Brenford index rose on Friday. A report released on the same day said that jobs "
           "were lost.", "the same day", "2009-04-03"),
    ("es", "4 de abril de 2009\n\nEl índice de Villaluz subió el viernes. Un informe publicado el mismo día "
           "dijo que se perdieron empleos.", "el mismo día", "2009-04-03"),
    ("it", "4 aprile 2009\n\nL'indice di Castelmora è salito venerdì. Un rapporto pubblicato lo stesso giorno "
           "diceva che si erano persi posti di lavoro.", "lo stesso giorno", "2009-04-03"),
])
def test_the_day_a_report_ends_is_the_last_day_it_told(lang, text, span, day):
    [t] = [t for t in pipeline.run(texts={"d": text}, lang_override={"d": lang}).timex if t.text == span]
    assert t.value == day


def test_the_end_of_the_day_in_a_story_dates_nothing_by_itself():
    story = pipeline.run(texts={"s": "On 14 April 1912 Rose boarded the ship. At the end of the day, she knew what "
                                     "she wanted."}, lang_override={"s": "en"})
    [t] = [t for t in story.timex if t.text == "the end of the day"]
    assert t.value is None


def test_a_dateline_wins_over_a_given_date_that_disagrees():
    # "yesterday" is the writer's: counted from the day at the head of the text, not from a catalogue's date
    story = pipeline.run(texts={"d": "VILLALUZ, 18 de marzo de 2011 — El alcalde habló ayer a los mineros."},
                         lang_override={"d": "es"}, doc_dates={"d": "2011-03-11"})
    [t] = [t for t in story.timex if t.kind == "deictic"]
    assert t.value == "2011-03-17"
    assert story.doc_dates == {"d": "2011-03-18"}
    assert any("2011-03-18" in m and "2011-03-11" in m for m in story.messages)


@pytest.mark.parametrize("lang,text,month", [
    ("en", "September 20, 1519\n\nThe fleet left Brenport on 20 September 1519. In December, it reached the "
           "coast.", "1519-12-01"),
    ("es", "20 de septiembre de 1519\n\nLa flota zarpó de Villaluz el 20 de septiembre de 1519. En diciembre "
           "llegó a la costa.", "1519-12-01"),
    ("it", "20 settembre 1519\n\nLa flotta salpò da Castelmora il 20 settembre 1519. A dicembre raggiunse la "
           "costa.", "1519-12-01"),
])
def test_a_heading_date_the_text_tells_again_is_the_story_s_not_the_document_s(lang, text, month):
    # an "on this day" page: the heading names the day the story is about, so "in December" after it
    # is the December that follows, not the one before the page's date
    story = pipeline.run(texts={"d": text}, lang_override={"d": lang})
    assert story.doc_dates == {}
    assert [e.date for e in story.events if e.date_precision == "month"] == [month]


def test_a_dated_sentence_is_no_dateline():
    story = pipeline.run(texts={"d": "On 3 March 1921 the mayor told the miners he would leave the next day, "
                                     "and yesterday he left."}, lang_override={"d": "en"})
    assert story.doc_dates == {}
    assert [t.value for t in story.timex if t.kind == "deictic"] == [None]


def test_cli_doc_date(tmp_path):
    from pipeline.__main__ import main
    doc = tmp_path / "brief.txt"
    doc.write_text("The mayor of Brenford resigned yesterday.", encoding="utf-8")
    assert main([str(doc), "--out", str(tmp_path / "out"), "--doc-date", "brief=2011-03-16", "-q"]) == 0
    import json
    evs = json.loads((tmp_path / "out" / "events.json").read_text(encoding="utf-8"))
    assert [e["date"] for e in evs] == ["2011-03-15"]
    assert main([str(doc), "--out", str(tmp_path / "out"), "--doc-date", "brief=16/03/2011", "-q"]) == 2
