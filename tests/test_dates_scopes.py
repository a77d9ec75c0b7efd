"""Look-back scopes and where a date belongs: "Now ..." returns to the frame, "Five years later" counts,
a date in a relative clause dates only that clause, "the night before their game" waits for the game's
day, and "El 2 de marzo" before any year reads on to the next stated year."""
from __future__ import annotations

import pytest

from pipeline import order
from tests.test_dates_narrative import make_story

LANGS = ["en", "es", "it"]

RETURN = {
    "en": ["On June 12, 1998, Miriam stops at the gate.", "Ten years earlier, Miriam was a student at the observatory.",
           "On August 3, 1988, she found a comet.", "The next day, the professor stole it.",
           "Now Helen opens the door.", "She had found the notebook in March.",
           "That afternoon, the two women drive to the university."],
    "es": ["El 12 de junio de 1998, Miriam se detiene en la puerta.",
           "Diez años antes, Miriam era estudiante en el observatorio.", "El 3 de agosto de 1988 descubrió un cometa.",
           "Al día siguiente, el profesor se lo robó.", "Ahora Helen abre la puerta.",
           "Había encontrado el cuaderno en marzo.", "Esa tarde, las dos mujeres van a la universidad."],
    "it": ["Il 12 giugno 1998 Miriam si ferma al cancello.", "Dieci anni prima, Miriam era una studentessa.",
           "Il 3 agosto 1988 scoprì una cometa.", "Il giorno dopo il professore gliela rubò.",
           "Ora Helen apre la porta.", "Aveva trovato il quaderno a marzo.",
           "Quella sera le due donne vanno all'università."],
}


@pytest.mark.parametrize("lang", LANGS)
def test_now_after_a_flashback_restores_the_frame_date_and_year(lang):
    s = make_story(lang, RETURN[lang])
    assert [e.date for e in s.events] == ["1998-06-12", "1988-06-12", "1988-08-03", "1988-08-04",
                                          "1998-06-12", "1998-03-01", "1998-06-12"]


YEARS_LATER = {  # (frame sentence, "N years later" sentence, expected year)
    "en": [("In March 1973, the court cancels the sale.", "Five years later, the wine wins a medal.", "1978"),
           ("On March 3, 1973, the court cancels the sale.", "Seventeen years later, the wine wins.", "1990"),
           ("In 1973 the court cancels the sale.", "Two years later the wine wins a medal.", "1975")],
    "es": [("En marzo de 1973, el tribunal anula la venta.", "Cinco años más tarde, el vino gana una medalla.", "1978"),
           ("El 3 de marzo de 1973 el tribunal anula la venta.", "Diecisiete años después, el vino gana.", "1990"),
           ("En 1973 el tribunal anula la venta.", "Dos años después el vino gana una medalla.", "1975")],
    "it": [("Nel marzo del 1973 il tribunale annulla la vendita.", "Cinque anni dopo il vino vince una medaglia.",
            "1978"),
           ("Il 3 marzo 1973 il tribunale annulla la vendita.", "Diciassette anni dopo il vino vince.", "1990"),
           ("Nel 1973 il tribunale annulla la vendita.", "Due anni dopo il vino vince una medaglia.", "1975")],
}


@pytest.mark.parametrize("lang,first,second,year",
                         [(lang, *c) for lang, cases in YEARS_LATER.items() for c in cases])
def test_n_years_later_moves_the_date_by_n_years(lang, first, second, year):
    s = make_story(lang, [first, second, "The end."])
    # counted from a day it is an estimate of a day ("relative"); from a month or a year, that month or year
    base = s.events[0].date_precision
    assert s.events[1].date.startswith(year) and s.events[1].date_precision == ("relative" if base == "day" else base)
    assert s.events[2].date.startswith(year)  # the story stays in the new year


CLAUSE = {
    "en": ["On April 27, 1859, the garrison leaves the town.",
           "The same day the count, who in 1848 had founded a secret society, proclaims a government.",
           "His daughter (born in 1836) sews the first flag."],
    "es": ["El 27 de abril de 1859 la guarnición abandona la ciudad.",
           "El mismo día el conde, que en 1848 había fundado una sociedad secreta, proclama un gobierno.",
           "Su hija (nacida en 1836) cose la primera bandera."],
    "it": ["Il 27 aprile 1859 la guarnigione lascia la città.",
           "Il giorno stesso il conte, che nel 1848 aveva fondato una società segreta, proclamò un governo.",
           "Sua figlia (nata nel 1836) cucì la prima bandiera."],
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_date_in_a_relative_clause_or_parentheses_does_not_date_the_main_verb(lang):
    s = make_story(lang, CLAUSE[lang])
    assert [e.date for e in s.events] == ["1859-04-27"] * 3


PAREN_DATE = {  # a parenthesis holding only a date at the end of the sentence dates what the sentence tells
    "en": ["In 1855 the count Aldo Vell returns to Orvi.", "With a few troops he frees the town of Lanz (May 1859).",
           "After the treaty of Mirel (1850) the peasants flee to the hills."],
    "es": ["En 1855 el conde Aldo Vell vuelve a Orvi.", "Con unas pocas tropas libera la ciudad de Lanz (mayo de 1859).",
           "Tras el tratado de Mirel (1850) los campesinos huyen a los montes."],
    "it": ["Nel 1855 il conte Aldo Vell torna a Orvi.", "Con poche truppe libera la città di Lanz (maggio 1859).",
           "Dopo il trattato di Mirel (1850) i contadini fuggono sulle colline."],
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_date_alone_in_parentheses_closing_the_sentence_dates_it(lang):
    s = make_story(lang, PAREN_DATE[lang])
    assert [(e.date, e.date_precision) for e in s.events][:2] == [("1855-01-01", "year"), ("1859-05-01", "month")]
    # mid-sentence, after a thing's name, the parenthesis dates that thing: the story stays in May 1859
    assert (s.events[2].date_precision, s.events[2].date_from) == ("interval", "1859-05")


FORWARD_BEFORE = {
    "en": ["On April 4, 1974, Ros wins the championship.", "In June she travels to Belgrade.",
           "The night before their match, Vera tells Ros a secret.", "On June 19, 1974, the two women draw."],
    "es": ["El 4 de abril de 1974 Ros gana el campeonato.", "En junio viaja a Belgrado.",
           "La noche antes de su partida, Vera le cuenta un secreto a Ros.",
           "El 19 de junio de 1974 las dos mujeres empatan."],
    "it": ["Il 4 aprile 1974 Ros vince il campionato.", "A giugno va a Belgrado.",
           "La sera prima della partita, Vera confida un segreto a Ros.", "Il 19 giugno 1974 le due donne pattano."],
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_night_before_an_unnamed_event_is_the_eve_of_the_next_dated_day(lang):
    s = make_story(lang, FORWARD_BEFORE[lang])
    night, game = s.events[2], s.events[3]
    assert night.date == "1974-06-18" and night.extra["before"] is game
    order.run(s)
    assert [e.title for e in s.events] == [e[:80] for e in FORWARD_BEFORE[lang]]


LOOK_AHEAD = {
    "en": ["On March 2, the gang rents the empty shop.", "Ten days later, Amparo finds new alarms.",
           "On March 19, 1987, the robbery takes place."],
    "es": ["El 2 de marzo, la banda alquila el local vacío.", "Diez días después, Amparo descubre nuevas alarmas.",
           "El 19 de marzo de 1987 se produce el golpe."],
    "it": ["Il 2 marzo la banda affitta il locale vuoto.", "Dieci giorni dopo Amparo scopre nuovi allarmi.",
           "Il 19 marzo 1987 avviene il colpo."],
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_day_and_month_before_any_year_take_the_next_stated_year(lang):
    s = make_story(lang, LOOK_AHEAD[lang])
    assert [e.date for e in s.events] == ["1987-03-02", "1987-03-12", "1987-03-19"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_day_and_month_with_no_year_anywhere_stay_undated(lang):
    s = make_story(lang, LOOK_AHEAD[lang][:2])
    assert [e.date for e in s.events] == [None, None]


SIDE_PLUPERFECT = {
    "en": ["On December 12, 1975, the shop reopens.", "In the spring of 1976 the court cancels the sale because "
           "the grandmother had left the shop to Giulia.", "Giulia and Marco make peace."],
    "es": ["El 12 de diciembre de 1975 la tienda reabre.", "En la primavera de 1976 el tribunal anula la venta porque "
           "la abuela había dejado la tienda a Giulia.", "Giulia y Marco se reconcilian."],
    "it": ["Il 12 dicembre 1975 la pasticceria riapre.", "Nella primavera del 1976 il tribunale annulla la vendita "
           "perché la nonna aveva lasciato la pasticceria a Giulia.", "Giulia e Marco si riconciliano."],
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_later_date_of_the_sentence_wins_over_a_pluperfect_side_clause(lang):
    s = make_story(lang, SIDE_PLUPERFECT[lang])
    assert [e.date for e in s.events] == ["1975-12-12", "1976-03-01", "1976-03-01"]
