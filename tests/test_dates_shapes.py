"""The date failures seen on real texts, one table per shape, in our own sentences (invented people and places).

Each row: language, the sentences of one document (one event per sentence), the index of the event
checked, and what it must show: (precision, date) for a point, ("interval", date_from, date_to) otherwise.
"""
from __future__ import annotations

import pytest

from test_dates_intervals import shown
from test_dates_narrative import make_story

SHAPES = {
    # a year right after the day and month, no "de" before it, is that year, not the next one stated
    "bare year after day and month": [
        ("es", ["El 21 de agosto 1929 Lía Ferro se casa en Tolva.", "En 1935 se muda a Lima."], 0, ("day", "1929-08-21")),
        ("it", ["Il 21 agosto, 1929 Lia Ferro si sposa a Tolva.", "Nel 1935 si trasferisce a Lima."], 0, ("day", "1929-08-21")),
        ("en", ["On 21 August, 1929 Lia Ferro marries in Tolva.", "In 1935 she moves to Lima."], 0, ("day", "1929-08-21")),
    ],
    # a named day earlier in the year than the story's day is the next year's: the story moves forward
    "day and month without a year": [
        ("en", ["On 12 March 1950 Ada Quell arrives in Narvik.", "On 3 January she leaves for Bodo."], 1, ("day", "1951-01-03")),
        ("es", ["El 12 de marzo de 1950 Ada Quell llega a Narvik.", "El 3 de enero parte hacia Bodo."], 1, ("day", "1951-01-03")),
        ("it", ["Il 12 marzo 1950 Ada Quell arriva a Narvik.", "Il 3 gennaio parte per Bodo."], 1, ("day", "1951-01-03")),
    ],
    # unless the text says it goes back (the pluperfect)
    "day and month told as a look back": [
        ("en", ["On 12 March 1950 Ada Quell arrives in Narvik.", "She had left Bodo on 3 January."], 1, ("day", "1950-01-03")),
        ("es", ["El 12 de marzo de 1950 Ada Quell llega a Narvik.", "Había salido de Bodo el 3 de enero."], 1, ("day", "1950-01-03")),
        ("it", ["Il 12 marzo 1950 Ada Quell arriva a Narvik.", "Aveva lasciato Bodo il 3 gennaio."], 1, ("day", "1950-01-03")),
    ],
    # an age counts from the stated birth, historic present included, as the year span it covers
    "age from a stated birth": [
        ("es", ["Lía Ferro nace el 3 de marzo de 1920 en Tolva.", "A los 15 años deja la escuela."], 1, ("interval", "1935", "1936")),
        ("it", ["Lia Ferro nasce il 3 marzo 1920 a Tolva.", "A 20 anni si trasferisce a Roma."], 1, ("interval", "1940", "1941")),
        ("en", ["Lia Ferro was born on 3 March 1920 in Tolva.", "At the age of 20 she moves to Rome."], 1, ("interval", "1940", "1941")),
    ],
    # told ahead of the story (a future form): after the narrative date, not bounded by the next date stated
    "flash-forward": [
        ("es", ["En 1930 Lía Ferro entra en la escuela de Tolva.", "De esa escuela saldrán tres futuros ministros.",
                "En 1936 se gradúa."], 1, ("interval", "1930", None)),
        ("it", ["Nel 1930 Lia Ferro entra nella scuola di Tolva.", "Da quella scuola usciranno tre futuri ministri.",
                "Nel 1936 si laurea."], 1, ("interval", "1930", None)),
        ("en", ["In 1930 Lia Ferro enters the school of Tolva.", "Three of her classmates would later become ministers.",
                "In 1936 she graduates."], 1, ("interval", "1930", None)),
        ("en", ["In 1930 Lia Ferro enters the school of Tolva.", "She studies medicine there.",
                "In 1936 she graduates."], 1, ("interval", "1930", "1936")),
    ],
    # a compound number word is one count ("twenty-five" is not five)
    "age in compound number words": [
        ("en", ["Lia Ferro was born on 3 March 1920 in Tolva.", "At the age of twenty-five she moves to Rome."], 1, ("interval", "1945", "1946")),
        ("es", ["Lía Ferro nace el 3 de marzo de 1920 en Tolva.", "A los veinticinco años se muda a Roma."], 1, ("interval", "1945", "1946")),
        ("it", ["Lia Ferro nasce il 3 marzo 1920 a Tolva.", "A trentotto anni si trasferisce a Roma."], 1, ("interval", "1958", "1959")),
        # a number word alone opening the sentence: "At fifteen, ..."
        ("en", ["Lia Ferro was born on 3 March 1920 in Tolva.", "In 1940 she sings in Milan.",
                "At fifteen, she had joined the choir of Tolva."], 2, ("interval", "1935", "1936")),
    ],
    # an age told as a clause counts from the birth too; "five or six" spans both years
    "age clause": [
        ("en", ["Mina Roe was born in 1920.", "When she was three, her brother fell ill."], 1, ("interval", "1923", "1924")),
        ("es", ["Tomás Vell nació el 5 de junio de 1898 en Orvi.",
                "Cuando Tomás tenía cinco o seis años la familia se mudó a un pueblo vecino."], 1, ("interval", "1903", "1905")),
        ("it", ["Tomas Vell nacque nel 1898 a Orvi.", "Quando aveva tre anni la famiglia si trasferì."], 1, ("interval", "1901", "1902")),
    ],
    # the small hours after an evening are the next day
    "small hours after an evening": [
        ("en", ["On the evening of 4 July 1951 the crew of the Marla gathers.", "At 1:11 am the alarm rings."], 1, ("relative", "1951-07-05")),
        ("es", ["El 4 de julio de 1951 la tripulación del Marla cena por la noche.", "A la una de la madrugada suena la alarma."], 1, ("relative", "1951-07-05")),
        ("it", ["La sera del 4 luglio 1951 l'equipaggio del Marla si riunisce.", "All'una di notte suona l'allarme."], 1, ("relative", "1951-07-05")),
    ],
    # the morning after the small hours is the same day, not the next one
    "next morning after the small hours": [
        ("en", ["At two hours past midnight on 4 May 1890 the lookout of the Vessa sees a light.",
                "The next morning captain Orm lands on the island.", "Two days later he sails on."], 1, ("relative", "1890-05-04")),
        ("en", ["At two hours past midnight on 4 May 1890 the lookout of the Vessa sees a light.",
                "The next morning captain Orm lands on the island.", "Two days later he sails on."], 2, ("relative", "1890-05-06")),
        ("es", ["A las dos de la madrugada del 4 de mayo de 1890 el vigía del Vessa ve una luz.",
                "A la mañana siguiente el capitán Orm desembarca en la isla."], 1, ("relative", "1890-05-04")),
        ("it", ["Alle due di notte del 4 maggio 1890 la vedetta del Vessa vede una luce.",
                "La mattina dopo il capitano Orm sbarca sull'isola."], 1, ("relative", "1890-05-04")),
        # after a day told with no small hours, the next morning is the next day
        ("en", ["On 4 May 1890 the lookout of the Vessa sees a light.",
                "The next morning captain Orm lands on the island."], 1, ("relative", "1890-05-05")),
    ],
    # ... but not after a day with no evening in it: then only "after" that day
    "small hours with no evening": [
        ("en", ["On 4 July 1951 the crew of the Marla gathers at noon.", "At 1:11 am the alarm rings."], 1, ("interval", "1951-07-04", None)),
    ],
    # a countdown anchors to the event it names, told later
    "countdown to a named event": [
        ("en", ["Nils Oberg joins the rocket team in 1930.", "Three weeks before the launch, the engineers argue.",
                "On 2 June 1930 the rocket is launched."], 1, ("relative", "1930-05-12")),
    ],
    # a relative date whose named anchor is never told counts from nothing stated
    "relative to an event never told": [
        ("en", ["Mira Holt was born on 3 May 1901.", "Eight months after graduating, she joins the clinic."], 1, ("interval", "1901-05-03", None)),
        ("es", ["Mira Holt nació el 3 de mayo de 1901.", "Ocho meses después de la graduación, entra en la clínica."], 1, ("interval", "1901-05-03", None)),
    ],
    # a remembered past or a period phrase told from a later frame happened before it, until the return
    "remembered past": [
        ("en", ["In 1988 the director Teo Lanz returns to his village of Orvi.", "He relives the memories of his childhood.",
                "The boy helps the projectionist.", "Back in 1988, Teo attends the funeral.", "He leaves again."],
         2, ("interval", None, "1988")),
        ("it", ["Nel 1988 il regista Teo Lanz torna al suo paese, Orvi.", "Nel secondo dopoguerra Teo è un bambino.",
                "Aiuta il proiezionista del cinema.", "Tornati al 1988, Teo va al funerale."], 1, ("interval", None, "1988")),
        ("es", ["En 1988 el director Teo Lanz vuelve a su pueblo, Orvi.", "Recuerda su infancia en la posguerra.",
                "De niño ayuda al proyeccionista.", "De vuelta en 1988, Teo asiste al funeral."], 2, ("interval", None, "1988")),
    ],
    # a childhood told right after the birth is the next stage of the life, not a remembered past; and an age
    # ("A los 17 años") dates the text again, so the clauses after it are after it
    "childhood after the birth": [
        ("es", ["Ada Quell nació en 1830 en Orvi.", "De niña aprendió el violín.", "A los 17 años entra en el taller de Lanz.",
                "Se queda allí un tiempo."], 1, ("interval", "1830", None)),
        ("en", ["Ada Quell was born in 1830 in Orvi.", "As a child she learned the violin."], 1, ("interval", "1830", None)),
        ("it", ["Ada Quell nacque nel 1830 a Orvi.", "Da bambina imparò il violino."], 1, ("interval", "1830", None)),
        ("es", ["Ada Quell nació en 1830 en Orvi.", "En 1880 vuelve a Orvi.", "Recuerda su infancia en el molino."],
         2, ("interval", None, "1880")),
        ("es", ["Ada Quell nació en 1830 en Orvi.", "En 1880 vuelve a Orvi.", "Recuerda su infancia en el molino.",
                "A los 17 años entra en el taller de Lanz.", "Se queda allí un tiempo."], 4, ("interval", "1847", None)),
    ],
    # a date after "recalls" is what is remembered: the remembering is told at the story's date, what follows
    # is the remembered past
    "date of what is recalled": [
        ("en", ["In 1988 the director Teo Lanz sits on a bench in Orvi.",
                "Sitting on a bench, he recalls his childhood in the 1950s.", "His mother runs an inn."], 1, ("interval", "1988", None)),
        ("en", ["In 1988 the director Teo Lanz sits on a bench in Orvi.",
                "Sitting on a bench, he recalls his childhood in the 1950s.", "His mother runs an inn."], 2, ("interval", "1950", None)),
        ("es", ["En 1988 el director Teo Lanz se sienta en un banco de Orvi.",
                "Habla con un desconocido y recuerda su infancia en los años 50.", "Su madre lleva una posada."], 2, ("interval", "1950", None)),
        ("it", ["Nel 1988 il regista Teo Lanz siede su una panchina di Orvi.",
                "Parla con uno sconosciuto e ricorda la sua infanzia negli anni cinquanta.", "Sua madre gestisce una locanda."],
         1, ("interval", "1988", None)),
        ("en", ["In 1988 the director Teo Lanz sits on a bench in Orvi.", "He recalls the day in 1961 when he met Ada.",
                "Back in 1988, he stands up."], 2, ("year", "1988-01-01")),
    ],
    "after the return from a remembered past": [
        ("en", ["In 1988 the director Teo Lanz returns to his village of Orvi.", "He relives the memories of his childhood.",
                "The boy helps the projectionist.", "Back in 1988, Teo attends the funeral.", "He leaves again."],
         4, ("interval", "1988", None)),
    ],
    # "last Thursday" told on a known day is the Thursday before it, and the story goes on from there
    "last weekday": [
        ("en", ["On Friday 10 November 1989 crowds fill the square of Halden.",
                "At a meeting last Thursday, the mayor Erik Sand announced the change."], 1, ("relative", "1989-11-09")),
        ("es", ["El viernes 10 de noviembre de 1989 la multitud llena la plaza de Halden.",
                "En una reunión el jueves pasado, el alcalde Erik Sand anunció el cambio."], 1, ("relative", "1989-11-09")),
        ("it", ["Venerdì 10 novembre 1989 la folla riempie la piazza di Halden.",
                "In una riunione giovedì scorso il sindaco Erik Sand annunciò il cambio."], 1, ("relative", "1989-11-09")),
    ],
    # a relative date inside a plan dates the plan, not what the sentence tells
    "relative date of a plan": [
        ("es", ["El 9 de noviembre de 1989 Erik Sand habla en la radio de Halden.",
                "Los funcionarios tenían la intención de abrir la frontera al día siguiente.", "Miles de personas cruzan."],
         2, ("interval", "1989-11-09", None)),
        ("en", ["On 9 November 1989 Erik Sand speaks on the radio of Halden.",
                "The officials intended to open the border the next day.", "Thousands cross."], 2, ("interval", "1989-11-09", None)),
        ("it", ["Il 9 novembre 1989 Erik Sand parla alla radio di Halden.",
                "I funzionari intendevano aprire il confine il giorno dopo.", "Migliaia di persone attraversano."],
         2, ("interval", "1989-11-09", None)),
    ],
    # a day written before the month and year without "de" ("9 noviembre 1989") is that day
    "day before month and year": [
        ("es", ["La caída del muro de Halden. 9 noviembre 1989.", "La gente cruza."], 0, ("day", "1989-11-09")),
    ],
    # one telling of several dated steps spans them; the story stays at the first
    "several dated steps in one sentence": [
        ("it", ["Nel 1909 Tomas Vell si trasferisce a Orvi e nel 1918 pubblica il suo primo libro.",
                "Conosce molti pittori."], 0, ("interval", "1909", "1918")),
        ("it", ["Nel 1909 Tomas Vell si trasferisce a Orvi e nel 1918 pubblica il suo primo libro.",
                "Conosce molti pittori."], 1, ("interval", "1909", None)),
        # a biography's opening summary does not carry the story to its end
        ("es", ["Tomás Vell nació en 1898 en Orvi, el 5 de junio y falleció el 12 de agosto de 1936 en Lanz.",
                "De niño vive en el campo."], 0, ("interval", "1898-06-05", "1936-08-12")),
        ("es", ["Tomás Vell nació en 1898 en Orvi, el 5 de junio y falleció el 12 de agosto de 1936 en Lanz.",
                "Su padre es agricultor."], 1, ("interval", "1898-06-05", None)),
        ("es", ["En 1930 Tomás Vell vuelve a Orvi y en 1931 dirige la compañía de teatro.", "Viaja por los pueblos."],
         0, ("interval", "1930", "1931")),
        ("en", ["In 1930 Tomas Vell returns to Orvi and in 1931 he runs the theatre company.", "He tours the villages."],
         0, ("interval", "1930", "1931")),
    ],
    # a day-month inside a plan dates the plan
    "date of a hope": [
        ("en", ["The journey of Mato and Rui begins in January 1952.",
                "They want to cover 8,000 miles, hoping to reach Quito in time for Rui's birthday, on April 2."],
         1, ("interval", "1952-01", None)),
    ],
    # "Two years later" after a year is that later year, not its first day; a finer count after it is an interval
    "count from a coarse date": [
        ("en", ["In 1950 Ada Quell moves to Narvik.", "Two years later she marries Olaf."], 1, ("year", "1952-01-01")),
        ("es", ["En marzo de 1950 Ada Quell se muda a Narvik.", "Dos años después se casa con Olaf."], 1, ("month", "1952-03-01")),
        ("it", ["Nel 1950 Ada Quell si trasferisce a Narvik.", "Due anni dopo sposa Olaf.", "Tre mesi dopo partono."],
         2, ("interval", "1952", None)),
    ],
    # a first-millennium year with its era is that year; without the era "del 79" could be 1979
    "year with its era": [
        ("it", ["Il 23 agosto del 79 d.C. il monte Lerio erutta.", "La città di Vessa viene sepolta."], 0, ("day", "0079-08-23")),
        ("es", ["El 24 de agosto del 79 d. C. el monte Lerio entra en erupción.", "Varro zarpa."], 1, ("interval", "0079-08-24", None)),
        ("en", ["When Mount Lerio erupted in A.D. 79 the fleet of Varro lay at Cumae.",
                "Varro sailed toward the mountain."], 0, ("year", "0079-01-01")),
        ("es", ["El 24 de agosto del 79 el monte Lerio entra en erupción.", "Varro zarpa."], 0, ("unknown", None)),
    ],
    # a year inside a noun phrase between commas is the thing's (a model, a vintage), not the event's
    "year of a thing": [
        ("it", ["Nel 1952 Mato e Rui viaggiano.", "In sella alla Rapida, una Velox 500 M18 del 1939, i due amici partono da Lanz."],
         1, ("interval", "1952", None)),
        ("es", ["En 1952 Mato y Rui viajan.", "En la Rápida, una Velox 500 de 1939, los dos amigos salen de Lanz."],
         1, ("interval", "1952", None)),
        ("en", ["In 1952 Mato and Rui travel.", "On the Rapida, a Velox 500 of 1939, the two friends leave Lanz."],
         1, ("interval", "1952", None)),
        ("en", ["In 1952 Mato and Rui travel.", "In 1953, the year of the flood, they return."], 1, ("year", "1953-01-01")),
    ],
    # a date-only heading line frames what follows
    "date-only heading": [
        ("es", ["Castilla, 1944.", "Nora llega al molino con su madre."], 1, ("interval", "1944", None)),
        ("it", ["Sardegna, 1944.", "Nora arriva al mulino con la madre."], 1, ("interval", "1944", None)),
        ("en", ["Wales, 1944.", "Nora arrives at the mill with her mother."], 1, ("interval", "1944", None)),
    ],
    # a year opening the sentence as its dateline dates it, and the story goes back to it
    "dateline opening the sentence": [
        ("en", ["In the winter of 1952 the police enter the house of Tom Vell.",
                "1927, Orvi School, Kent: Tom is fifteen and lonely.", "A classmate defends him."], 1, ("year", "1927-01-01")),
        ("en", ["In the winter of 1952 the police enter the house of Tom Vell.",
                "1927, Orvi School, Kent: Tom is fifteen and lonely.", "A classmate defends him."], 2, ("interval", "1927", None)),
        ("es", ["En el invierno de 1952 la policía entra en la casa de Tom Vell.",
                "1927, escuela de Orvi, Kent (Inglaterra): Tom tiene quince años.", "Un compañero lo defiende."],
         2, ("interval", "1927", None)),
        ("it", ["Nell'inverno del 1952 la polizia entra in casa di Tom Vell.",
                "1927, collegio di Orvi: Tom ha quindici anni.", "Un compagno lo difende."], 2, ("interval", "1927", None)),
    ],
}

ROWS = [(shape, *row) for shape, rows in SHAPES.items() for row in rows]


@pytest.mark.parametrize("shape, lang, sentences, idx, want", ROWS, ids=[f"{r[0]}-{r[1]}" for r in ROWS])
def test_date_shape(shape, lang, sentences, idx, want):
    s = make_story(lang, sentences)
    assert shown(s.events[idx]) == want


DATELINE = {
    "en": ["Sunday, October 02, 2011", "When the train leaves, Ana Rusk runs after it.", "In 1974 a judge is murdered.",
           "Ana finds a clue."],
    "es": ["Domingo, 2 de octubre de 2011", "Cuando el tren parte, Ana Rusk corre tras él.", "En 1974 matan a un juez.",
           "Ana encuentra una pista."],
    "it": ["Domenica 2 ottobre 2011", "Quando il treno parte, Ana Rusk gli corre dietro.", "Nel 1974 un giudice viene ucciso.",
           "Ana trova un indizio."],
}


@pytest.mark.parametrize("lang", DATELINE)
def test_a_publication_dateline_is_not_story_time(lang):
    s = make_story(lang, DATELINE[lang], no_event=(0,))
    assert [shown(e) for e in s.events] == [("unknown", None), ("year", "1974-01-01"), ("interval", "1974", None)]


NON_STORY = {
    "en": ["In March 1960 the miners of Varde strike.", "The film was released on 11 October 2006.",
           "The owner closes the gates."],
    "es": ["En marzo de 1960 los mineros de Varde van a la huelga.", "La película se estrenó el 11 de octubre de 2006.",
           "El dueño cierra las puertas."],
    "it": ["Nel marzo 1960 i minatori di Varde scioperano.", "Il film è uscito l'11 ottobre 2006.",
           "Il padrone chiude i cancelli."],
}


@pytest.mark.parametrize("lang", NON_STORY)
@pytest.mark.parametrize("as_event", [True, False])
def test_a_release_date_neither_sets_nor_bounds_the_story(lang, as_event):
    s = make_story(lang, NON_STORY[lang], kinds={1: "production"}, no_event=() if as_event else (1,))
    story = [e for e in s.events if e.kind == "story"]
    assert [shown(e) for e in story] == [("month", "1960-03-01"), ("interval", "1960-03", None)]
