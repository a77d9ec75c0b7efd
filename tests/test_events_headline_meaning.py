"""Headlines never change what the sentence says: no word cut at a wrong offset, no list member dropped,
a leading time adverbial dropped whole (clock times included), at most 90 characters cut at a word."""
import re

import pytest

from events_support import build
from pipeline.events import headline
from pipeline.model import TimeExpr


def tx(text: str, *phrases: str) -> list[TimeExpr]:
    out = []
    for p in phrases:
        i = text.index(p)
        out.append(TimeExpr("d", 0, i, i + len(p), p, "date"))
    return out


# (lang, sentence, time phrases the temporal stage found, expected headline)
OPENINGS = [
    ("en", "At 9:14 pm on 3 March, Lotte Varga lowers the lifeboat into the fjord.", ["3 March"],
     "Lotte Varga lowers the lifeboat into the fjord"),
    ("en", "At 9.14 p.m. on 3 March, Lotte Varga lowers the lifeboat into the fjord.", ["3 March"],
     "Lotte Varga lowers the lifeboat into the fjord"),
    ("en", "At 9:14 pm, Lotte Varga lowers the lifeboat into the fjord.", [],
     "Lotte Varga lowers the lifeboat into the fjord"),
    ("es", "A las 21:14 del 3 de marzo, Lotte Varga baja el bote al fiordo.", ["3 de marzo"],
     "Lotte Varga baja el bote al fiordo"),
    ("it", "Alle 21:14 del 3 marzo, Lotte Varga cala la scialuppa nel fiordo.", ["3 marzo"],
     "Lotte Varga cala la scialuppa nel fiordo"),
    # a clause that opens with a year is a statement, not an adverbial: only the year goes
    ("en", "In 1920 the mill closed, and Lotte moved to Bergen.", ["1920"], "The mill closed, and Lotte moved to Bergen"),
    ("es", "En 1920 cerró el molino, y Lotte se mudó a Bergen.", ["1920"], "Cerró el molino, y Lotte se mudó a Bergen"),
]


@pytest.mark.parametrize("lang,text,phrases,want", OPENINGS)
def test_headline_drops_the_whole_leading_time_adverbial(lang, text, phrases, want):
    assert headline(text, lang, tx(text, *phrases), 0) == want


# a time phrase whose offsets do not point at its words (a headline built from pieces) cuts nothing
MISPLACED = [
    ("en", "Antoine Henri Vell discovers the rays in his cellar.", TimeExpr("d", 0, 1, 5, "1896", "year")),
    ("es", "Ana Torné descubre los rayos en su sótano.", TimeExpr("d", 0, 1, 4, "1896", "year")),
]


@pytest.mark.parametrize("lang,text,t", MISPLACED)
def test_headline_never_cuts_at_a_time_phrase_that_is_not_there(lang, text, t):
    assert headline(text, lang, [t], 0) == text.rstrip(".")


def test_headline_of_a_dated_aside_keeps_the_whole_name():
    story = build("en", [["Then Albrecht Teodor Wirn, who in 1871 had founded the guild, proclaimed its dissolution "
                          "in the town square."]], {"Albrecht Teodor Wirn": ["Albrecht Teodor Wirn"]},
                  times=[("1871", "year")])
    titles = [e.title for e in story.events]
    assert titles and all(t.startswith("Albrecht Teodor Wirn") for t in titles), titles


LISTS = [
    ("en", "After the crash on the northern pass, Ilse Brandauer spent two years recovering from burns, fractures, "
           "and operations, which left her unable to race again in the national league.", ["fractures", "operations"]),
    ("en", "Ilse Brandauer suffered burns, fractures and operations, which kept her away from the track for most of "
           "the next two seasons of the championship.", ["fractures", "operations"]),
    ("es", "Ilse Brandauer sufrió quemaduras, fracturas y operaciones, que la mantuvieron lejos de la pista durante "
           "casi dos temporadas enteras del campeonato.", ["fracturas", "operaciones"]),
    ("it", "Ilse Brandauer subì ustioni, fratture e operazioni, che la tennero lontana dalla pista per quasi due "
           "stagioni intere del campionato nazionale.", ["fratture", "operazioni"]),
]


@pytest.mark.parametrize("lang,text,members", LISTS)
def test_headline_never_drops_a_list_member(lang, text, members):
    h = headline(text, lang, [], 0)
    for m in members:
        assert m in h, h


LONG = [
    ("en", "The old harbour master, a patient man with a limp, finally agrees to lend the twins his boat for the "
           "crossing to the island of the seven lighthouses."),
    ("es", "El viejo capitán del puerto, un hombre paciente, acepta finalmente prestar a los gemelos su barca para "
           "la travesía hasta la isla de los siete faros."),
    ("it", "Il vecchio capitano del porto, un uomo paziente, accetta finalmente di prestare ai gemelli la sua barca "
           "per la traversata fino all'isola dei sette fari."),
]


@pytest.mark.parametrize("lang,text", LONG)
def test_headline_is_cut_at_a_word_and_never_on_a_dangling_word(lang, text):
    h = headline(text, lang, [], 0)
    assert len(h) <= 90
    words = re.findall(r"\w+", text)
    for w in re.findall(r"\w+", h):
        assert w in words  # every word is a whole word of the sentence
    last = h.rstrip("…").split()[-1].casefold()
    assert last not in {"the", "to", "for", "la", "de", "su", "per", "di", "all", "il", "a"}, h


# a time phrase that goes on ("del 1821") or is the subject ("... è la data") stays whole; "at the end of the
# war," is one opening adverbial, dropped whole
WHOLE = [
    ("it", "Il 3 marzo del 1821 è la data in cui la città fu fondata.", ["3 marzo"],
     "Il 3 marzo del 1821 è la data in cui la città fu fondata"),
    ("it", "Alla fine della guerra, Irene riprende gli studi a Pisa.", [], "Irene riprende gli studi a Pisa"),
    ("es", "Al final de la guerra, Irene retoma sus estudios en Sevilla.", [], "Irene retoma sus estudios en Sevilla"),
    ("en", "At the end of the war, Irene resumes her studies in Leeds.", [], "Irene resumes her studies in Leeds"),
    ("it", "Alla fine, Irene riprende gli studi a Pisa.", [], "Irene riprende gli studi a Pisa"),
]


@pytest.mark.parametrize("lang,text,phrases,want", WHOLE)
def test_headline_keeps_or_drops_a_time_phrase_whole(lang, text, phrases, want):
    assert headline(text, lang, tx(text, *phrases), 0) == want


# too long and opening with a prepositional phrase: the phrase goes whole, the event stays
OPENING_PHRASES = [
    ("en", "With the help of his cousins, Petra Lind and Oskar Lind, and support from their old neighbour, the widow "
           "Marta Sand, the three friends build a raft.", "The three friends build a raft"),
    ("es", "Con la ayuda de sus primos, Petra Lind y Oskar Lind, y el apoyo de su vieja vecina, la viuda Marta Sand, "
           "los tres amigos construyen una balsa.", "Los tres amigos construyen una balsa"),
    ("it", "Grazie all'aiuto dei cugini, Petra Lind e Oskar Lind, e al sostegno della vecchia vicina, la vedova Marta "
           "Sand, i tre amici costruiscono una zattera.", "I tre amici costruiscono una zattera"),
]


@pytest.mark.parametrize("lang,text,want", OPENING_PHRASES)
def test_headline_keeps_the_event_not_the_opening_phrase(lang, text, want):
    assert headline(text, lang, [], 0) == want
