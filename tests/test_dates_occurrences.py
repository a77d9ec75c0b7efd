"""Resolution of feasts, "that/next <season>", months in time phrases, ages, ordinal days/stages,
look-back scopes opened by "The novel goes back to ...", and relatives with no story date before them."""
from __future__ import annotations

import pytest

from tests.test_dates_narrative import make_story

FEAST = {  # a feast after a day in November is that year's; after one in the year's end, the next year's
    "en": ["On November 3, 1952, the dealer is found dead.", "Three days later Ordaz arrests the partner.",
           "Ordaz arrests her on Christmas Eve at the port.", "On New Year's Day they sail home."],
    "es": ["El 3 de noviembre de 1952 el anticuario aparece muerto.", "Tres días después Ordaz detiene al socio.",
           "Ordaz la detiene la noche de Navidad en el puerto.", "El día de Año Nuevo vuelven a casa."],
    "it": ["Il 3 novembre 1952 l'antiquario viene trovato morto.", "Tre giorni dopo Ordaz arresta il socio.",
           "Il commissario la arresta la notte di Natale al porto.", "A Capodanno tornano a casa."],
}


@pytest.mark.parametrize("lang", FEAST)
def test_feast_is_its_next_occurrence_after_the_narrative(lang):
    s = make_story(lang, FEAST[lang])
    assert [e.date for e in s.events] == ["1952-11-03", "1952-11-06", "1952-12-24", "1953-01-01"]
    assert s.events[2].date_precision == "day"


EASTER = {"en": ["In 1921 the strike began.", "At Easter the workers marched."],
          "es": ["En 1921 empezó la huelga.", "En Pascua los obreros marcharon."],
          "it": ["Nel 1921 iniziò lo sciopero.", "A Pasqua gli operai sfilarono."]}


@pytest.mark.parametrize("lang", EASTER)
def test_easter_is_the_spring_of_the_narrative_year(lang):
    s = make_story(lang, EASTER[lang])
    assert (s.events[1].date, s.events[1].date_precision) == ("1921-03-01", "season")


MONTHS = {
    "en": ["Set in a fishing village in the summer of 1961, the film follows a widow.",
           "On the night of the August storm, a trawler runs aground.", "The next morning Rui confesses.",
           "The film ends in September, when Rui leaves on the bus."],
    "es": ["En el verano de 1961 una viuda vive en un pueblo de pescadores.",
           "La noche de la tormenta de agosto, un barco encalla.", "A la mañana siguiente Rui confiesa.",
           "La película termina en septiembre, cuando Rui se va en autobús."],
    "it": ["Nell'estate del 1961 una vedova vive in un villaggio di pescatori.",
           "La notte della tempesta d'agosto una barca si arena.", "La mattina dopo Rui confessa.",
           "Il film finisce a settembre, quando Rui parte in autobus."],
}


@pytest.mark.parametrize("lang", MONTHS)
def test_month_in_a_time_phrase_moves_the_story_to_that_month(lang):
    s = make_story(lang, MONTHS[lang])
    got = [e.date[:7] for e in s.events]
    assert got == ["1961-06", "1961-08", "1961-08", "1961-09"]


SEASONS = {  # (sentences, expected date prefixes)
    "en": [(["In the spring of 1643 the king died.", "That winter, the duke raised an army."], ["1643-03", "1643-12"]),
           (["On 14 October 1893 she married the engineer.", "The following spring their daughter was born."],
            ["1893-10-14", "1894-03"]),
           (["In the spring of 1643 the king died.", "The next spring the duke was crowned."], ["1643-03", "1644-03"])],
    "es": [(["En la primavera de 1643 murió el rey.", "Ese invierno el duque reunió un ejército."], ["1643-03", "1643-12"]),
           (["El 14 de octubre de 1893 se casó con el ingeniero.", "La primavera siguiente nació su única hija."],
            ["1893-10-14", "1894-03"]),
           (["En la primavera de 1643 murió el rey.", "La primavera siguiente coronaron al duque."],
            ["1643-03", "1644-03"])],
    "it": [(["Nella primavera del 1643 morì il re.", "Quell'inverno il duca radunò un esercito."], ["1643-03", "1643-12"]),
           (["Il 14 ottobre 1893 sposò l'ingegnere.", "La primavera successiva nacque la figlia."],
            ["1893-10-14", "1894-03"]),
           (["Nella primavera del 1643 morì il re.", "La primavera seguente il duca fu incoronato."],
            ["1643-03", "1644-03"])],
}


@pytest.mark.parametrize("lang,sentences,want", [(lang, *c) for lang, cases in SEASONS.items() for c in cases])
def test_that_season_and_next_season_follow_the_narrative(lang, sentences, want):
    s = make_story(lang, sentences)
    assert all(e.date.startswith(w) for e, w in zip(s.events, want)), [e.date for e in s.events]
    assert s.events[1].date_precision == "season"


AGES = {
    "en": ["Dolores Arriaga was born in 1867 in a small village.", "At the age of 12 she helped her father.",
           "In 1885 she moved to Madrid.", "She died on 2 February 1936, at the age of 68."],
    "es": ["Dolores Arriaga nació en 1867 en Valdeluz.", "A los 12 años Dolores ya ayudaba a su padre.",
           "En 1885 se trasladó a Madrid.", "Murió en Madrid el 2 de febrero de 1936, a los 68 años."],
    "it": ["Dolores Arriaga nacque nel 1867 a Valdeluz.", "A 12 anni Dolores aiutava già il padre.",
           "Nel 1885 si trasferì a Madrid.", "Morì a Madrid il 2 febbraio 1936, a 68 anni."],
}


@pytest.mark.parametrize("lang", AGES)
def test_age_plus_the_stated_birth_year(lang):
    s = make_story(lang, AGES[lang])
    # at 12 after a birth in 1867: between the 12th and 13th birthdays, 1879-1880, not a point in 1879
    assert [(e.date, e.date_precision) for e in s.events] == [
        ("1867-01-01", "year"), ("1879-01-01", "interval"), ("1885-01-01", "year"), ("1936-02-02", "day")]
    assert (s.events[1].date_from, s.events[1].date_to) == ("1879", "1880")


NO_BIRTH = {"en": ["In 1661 the king made Mora a count.", "At the age of 70 the old general died."],
            "es": ["En 1661 el rey nombró conde a Mora.", "A los 70 años murió el viejo general."],
            "it": ["Nel 1661 il re nominò conte Mora.", "A 70 anni morì il vecchio generale."]}


@pytest.mark.parametrize("lang", NO_BIRTH)
def test_age_without_a_birth_year_is_never_a_date(lang):
    s = make_story(lang, NO_BIRTH[lang])
    assert s.events[1].date == "1661-01-01"  # the narrative's year, inherited: no year 70 or 1731


STAGES = {
    "en": ["The first stage left Bergamo on 4 May 1958.", "The next day Cattaneo fell on the climb.",
           "On the third stage Bellotti took the green jersey.", "Two hours later a protest was lodged."],
    "es": ["La primera etapa salió de Bérgamo el 4 de mayo de 1958.", "Al día siguiente Cattaneo cayó en la subida.",
           "En la tercera etapa Bellotti conquistó el maillot verde.", "Dos horas después llegó una protesta."],
    "it": ["La prima tappa partì da Bergamo il 4 maggio 1958.", "Il giorno seguente Cattaneo cadde in salita.",
           "Alla terza tappa Bellotti conquistò la maglia verde.", "Due ore dopo arrivò un reclamo."],
}


@pytest.mark.parametrize("lang", STAGES)
def test_ordinal_stage_counts_from_the_dated_first_stage(lang):
    s = make_story(lang, STAGES[lang])
    assert [e.date for e in s.events] == ["1958-05-04", "1958-05-05", "1958-05-06", "1958-05-06"]


NO_FIRST = {
    "en": ["On 4 May 1958 the race left Bergamo.", "The next day Cattaneo fell.", "On the third day Bellotti won."],
    "es": ["El 4 de mayo de 1958 la carrera salió de Bérgamo.", "Al día siguiente Cattaneo cayó.",
           "Al tercer día ganó Bellotti."],
    "it": ["Il 4 maggio 1958 la corsa partì da Bergamo.", "Il giorno seguente Cattaneo cadde.",
           "Il terzo giorno vinse Bellotti."],
}


@pytest.mark.parametrize("lang", NO_FIRST)
def test_ordinal_without_a_dated_first_day_is_the_month_never_the_previous_day(lang):
    s = make_story(lang, NO_FIRST[lang])
    third = s.events[2]
    assert (third.date, third.date_precision) == ("1958-05-01", "month")


SCOPE = {
    "en": ["On November 3, 1952, the dealer is found dead in his shop.", "The next day the doctor confirms poison.",
           "The novel goes back to the summer of 1936, when the partners hid the jewels.",
           "The partners buried the box in the cellar.",
           "Back in 1952, Ordaz discovers that the partner sold a necklace.", "Three days later he arrests him."],
    "es": ["El 3 de noviembre de 1952 el anticuario aparece muerto en su tienda.",
           "Al día siguiente el forense confirma el veneno.",
           "La novela retrocede entonces al verano de 1936, cuando los socios escondieron las joyas.",
           "Los socios enterraron la caja en el sótano.",
           "De vuelta en 1952, Ordaz descubre que el socio vendió un collar.", "Tres días después lo detiene."],
    "it": ["Il 3 novembre 1952 l'antiquario viene trovato morto nel negozio.",
           "Il giorno dopo il medico conferma il veleno.",
           "Il romanzo torna indietro all'estate del 1936, quando i soci nascosero i gioielli.",
           "I soci seppellirono la cassa in cantina.",
           "Tornati nel 1952, Ordaz scopre che il socio ha venduto una collana.", "Tre giorni dopo lo arresta."],
}


@pytest.mark.parametrize("lang", SCOPE)
@pytest.mark.parametrize("scope_kind", ["story", "reception"])
def test_a_novel_going_back_opens_a_scope_that_back_in_closes(lang, scope_kind):
    s = make_story(lang, SCOPE[lang], kinds={2: scope_kind})
    assert [e.date for e in s.events] == ["1952-11-03", "1952-11-04", "1936-06-01", "1936-06-01",
                                          "1952-11-04", "1952-11-07"]


PLUPERFECT = {
    "en": ["On November 3, 1952, the dealer is found dead.", "Three days later Ordaz arrests the partner.",
           "The killer is the niece, who had poisoned her uncle's tea."],
    "es": ["El 3 de noviembre de 1952 el anticuario aparece muerto.", "Tres días después Ordaz detiene al socio.",
           "La asesina es la sobrina, que había envenenado el té de su tío."],
    "it": ["Il 3 novembre 1952 l'antiquario viene trovato morto.", "Tre giorni dopo Ordaz arresta il socio.",
           "L'assassina è la nipote, che aveva avvelenato il tè dello zio."],
}


@pytest.mark.parametrize("lang", PLUPERFECT)
def test_undated_pluperfect_is_before_the_story_day(lang):
    s = make_story(lang, PLUPERFECT[lang])
    # "had poisoned": some time up to the story's day (three days after 3 November), not a day or month of it
    ev = s.events[2]
    assert (ev.date, ev.date_precision, ev.date_from, ev.date_to) == (None, "interval", None, "1952-11-06")


SEED = {  # the dated opening is told as reception prose: "the next day" still counts from its day
    "en": ["In the novel, Inspector Ordaz investigates the dealer found dead on November 3, 1952.",
           "The next day the doctor confirms the poison."],
    "es": ["En la novela, el inspector Ordaz investiga la muerte del anticuario el 3 de noviembre de 1952.",
           "Al día siguiente el forense confirma el veneno."],
    "it": ["Nel romanzo il commissario Ordaz indaga sulla morte dell'antiquario il 3 novembre 1952.",
           "Il giorno dopo il medico legale conferma il veleno."],
}


@pytest.mark.parametrize("lang", SEED)
def test_relative_date_with_no_story_date_counts_from_a_stated_day(lang):
    s = make_story(lang, SEED[lang], kinds={0: "reception"})
    assert s.events[1].date == "1952-11-04"
