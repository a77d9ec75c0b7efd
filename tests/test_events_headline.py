"""Slide titles keep whole clauses: opening time phrases go as a unit, list items and names stay."""
import pytest

from pipeline.events import category, headline
from pipeline.model import TimeExpr
from pipeline.textutil import cues, fold, tokens


def tx(text: str, phrase: str) -> list[TimeExpr]:
    i = text.index(phrase)
    return [TimeExpr("d", 0, i, i + len(phrase), phrase, "date")]


OPENING = [
    ("en", "On 3 May 1860, after the news of the battle, the colonel withdrew his men.", "3 May 1860",
     "The colonel withdrew his men"),
    ("es", "El 3 de mayo de 1860, después de la noticia de la batalla, el coronel retiró a sus hombres.",
     "3 de mayo de 1860", "El coronel retiró a sus hombres"),
    ("it", "Il 3 maggio 1860, dopo la notizia della battaglia, il colonnello ritirò i suoi uomini.", "3 maggio 1860",
     "Il colonnello ritirò i suoi uomini"),
    ("it", "Due giorni dopo, però, una colonna di soldati tornò in città.", "Due giorni dopo",
     "Una colonna di soldati tornò in città"),
]


@pytest.mark.parametrize("lang,text,phrase,want", OPENING)
def test_events_headline_drops_the_whole_opening_time_phrase_and_nothing_more(lang, text, phrase, want):
    assert headline(text, lang, tx(text, phrase), 0) == want


LISTS = [
    ("en", "Marta gathers her old crew, her nephew Luis Vega, the pilot Rosa Lind, the cook Ben Arce, "
           "and the locksmith Ugo Tell.", ["Luis Vega", "Rosa Lind"]),
    ("es", "Marta reúne a su antigua banda, su sobrino Luis Vega, el piloto Rosa Lind, la cocinera Bea Arce "
           "y el cerrajero Ugo Tell, para el golpe.", ["Rosa Lind"]),
    ("it", "Marta riunisce la vecchia banda, il nipote Luis Vega, il pilota Rosa Lind, la cuoca Bea Arce "
           "e il fabbro Ugo Tell, per il colpo.", ["Rosa Lind"]),
]


@pytest.mark.parametrize("lang,text,kept", LISTS)
def test_events_headline_never_drops_a_list_item(lang, text, kept):
    h = headline(text, lang, [], 0)
    assert len(h) <= 90
    assert text.startswith(h.rstrip("…"))  # shortened only at the end: no item taken from the middle
    for name in kept:
        assert name in h


COLONS = [
    ("en", "In March the widow Clara Benz organised the plebiscite in the valley: of 1,842 voters, 1,830 "
           "chose annexation.", "The widow Clara Benz organised the plebiscite in the valley"),
    ("es", "En marzo la viuda Clara Benz organizó el plebiscito del valle: de 1.842 votantes, 1.830 eligieron "
           "la anexión.", "La viuda Clara Benz organizó el plebiscito del valle"),
    ("it", "A marzo la vedova Clara Benz organizzò il plebiscito della valle: su 1.842 votanti, 1.830 scelsero "
           "l'annessione.", "La vedova Clara Benz organizzò il plebiscito della valle"),
]


@pytest.mark.parametrize("lang,text,want", COLONS)
def test_events_a_long_headline_is_cut_before_a_colon(lang, text, want):
    phrase = text.split(" ")[0] + " " + text.split(" ")[1]
    assert headline(text, lang, tx(text, phrase), 0) == want


OPENINGS = [
    ("en", "The film opens on 2 May 1987 in Lyon, when Paul Roy, a locksmith, walks out of prison.",
     "Paul Roy, a locksmith, walks out of prison"),
    ("es", "La película empieza el 2 de mayo de 1987 en Lyon, cuando Pablo Roy sale de la cárcel.",
     "Pablo Roy sale de la cárcel"),
    ("it", "Il film si apre il 2 maggio 1987 a Lione, quando Paolo Roy esce di prigione.",
     "Paolo Roy esce di prigione"),
]


@pytest.mark.parametrize("lang,text,want", OPENINGS)
def test_events_headline_of_a_film_opening_is_what_happens(lang, text, want):
    assert headline(text, lang, [], 0) == want


CATEGORIES = [
    ("en", "A late frost kills almost every apple tree in the valley.", "disaster"),
    ("es", "Una helada tardía mata casi todos los manzanos del valle.", "disaster"),
    ("it", "Una gelata tardiva uccide quasi tutti i meli della valle.", "disaster"),
    ("en", "The widow of a fallen soldier organises the plebiscite: 880 of 900 voters choose annexation.", "politics"),
    ("it", "La vedova di un caduto organizzò il plebiscito: su 900 votanti, 880 scelsero l'annessione.", "politics"),
    ("es", "La viuda de un soldado caído organiza el plebiscito: 880 de 900 votantes eligen la anexión.", "politics"),
    ("en", "She opens a free chess club for the children of the village.", "competition"),
    ("es", "Abre un club de ajedrez gratuito para los niños del pueblo.", "competition"),
    ("it", "Apre un circolo di scacchi gratuito per i bambini del paese.", "competition"),
]


@pytest.mark.parametrize("lang,text,want", CATEGORIES)
def test_events_category_of_plain_sentences(lang, text, want):
    f = fold(text)
    assert category(cues(lang, "concepts", "concepts").find(f, tokens(f))) == want
