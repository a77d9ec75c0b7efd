"""Meta lines, framing prefixes, crew subjects, title lines, glued headlines and undated time openings,
per language, on hand-built stories (no other stage involved)."""
from __future__ import annotations

import pytest

from events_support import build
from pipeline.events import framing_len, headline, strong_kind
from pipeline.model import TimeExpr


META = [
    ("en", "Starring: Ann Bell (Mara), Tom Reed (Jonas), Eve Kim (the aunt)."),
    ("en", "Exercise: list the rulers of the duchy from 1500 to 1600."),
    ("en", "For further reading, see page 88 of the handbook."),
    ("en", "Photos by Lena Hart, courtesy of the town museum."),
    ("en", "His biographer thinks the years in the mill mattered most."),
    ("en", "The script is clumsy, and it is a pity the ending is so rushed."),
    ("es", "Reparto: Ana Gil (Mara), Luis Paz (Jonás)."),
    ("es", "Ejercicio: ordena los reyes del siglo XVI."),
    ("es", "Para saber más, véase el capítulo 4."),
    ("es", "Su biógrafo opina que la fábrica fue su mayor logro."),
    ("es", "La prosa del autor es limpia, aunque el final se hace largo."),
    ("it", "Cast: Anna Neri (Mara), Luca Riva (Giona)."),
    ("it", "Per la verifica: elenca i sovrani del ducato."),
    ("it", "Per saperne di più, vedi la scheda a pagina 40."),
    ("it", "Le foto di questa pagina vengono dall'archivio comunale."),
    ("it", "Una storia ben scritta; peccato per le ultime pagine."),
]


@pytest.mark.parametrize("lang,text", META)
def test_credit_study_and_commentary_lines_are_not_story(lang, text):
    assert strong_kind(text, lang) in ("production", "reception")


PLOT = [
    ("en", "Mara: the night she left the farm, the dogs barked."),
    ("en", "Mara steals the key from the chest and runs to the river."),
    ("es", "Mara roba la llave del arcón y corre hacia el río."),
    ("it", "Mara ruba la chiave dal baule e corre verso il fiume."),
]


@pytest.mark.parametrize("lang,text", PLOT)
def test_plot_sentences_are_not_meta(lang, text):
    assert strong_kind(text, lang) is None


FRAMING = [
    ("en", "In the novel by Ann Lee, “Frost”, the baker Tom Ash opens his shop in 1920.", "the baker Tom Ash"),
    ("en", "In “Frost” by Ann Lee, Tom Ash opens his shop in 1920.", "Tom Ash"),
    ("es", "En \"La sal\", de Kemal Arslan, Yusuf es un huérfano que en 1927 se une a la caravana.", "Yusuf"),
    ("es", "En la novela de Ana Gil, Pedro roba un banco en 1950.", "Pedro"),
    ("it", "Nel romanzo di Aurora Medel \"La casa\" il commissario Ordaz indaga sulla morte del socio.",
     "il commissario"),
]


@pytest.mark.parametrize("lang,text,rest", FRAMING)
def test_framing_prefix_is_split_from_the_story_clause(lang, text, rest):
    assert text[framing_len(text, lang):].startswith(rest)


@pytest.mark.parametrize("lang,text", [("en", "In 1927, Yusuf joins the caravan at the well."),
                                       ("es", "En 1927 Yusuf se une a la caravana en el pozo."),
                                       ("it", "Nella tappa regina con l'arrivo sul Colle, Valli attacca.")])
def test_no_framing_without_a_work(lang, text):
    assert framing_len(text, lang) == 0


FRAMED_STORY = [
    ("es", "En \"La sal\", de Kemal Arslan, Yusuf Hadid es un huérfano que en 1927 se une a la caravana.",
     "en 1927", "Yusuf Hadid es un huérfano"),
    ("it", "Nel romanzo di Aurora Medel \"La casa\" il commissario Ordaz indaga sulla morte del socio il 3 "
           "novembre 1952.", "3 novembre 1952", "Il commissario Ordaz indaga"),
    ("en", "In the novel by Ann Lee, \"Frost\", the baker Tom Ash opens his shop on 3 May 1920.", "3 May 1920",
     "The baker Tom Ash opens"),
]


@pytest.mark.parametrize("lang,text,date,title", FRAMED_STORY)
def test_framed_clause_with_a_character_and_a_date_is_story(lang, text, date, title):
    story = build(lang, [[text]], {"Yusuf Hadid": ["Yusuf Hadid"], "Ordaz": ["Ordaz"], "Tom Ash": ["Tom Ash"]},
                  times=[(date, "date")])
    told = [e for e in story.events if e.kind == "story"]
    assert len(told) == 1 and told[0].title.startswith(title), [(e.kind, e.title) for e in story.events]


CREW = [
    ("en", "Okafor shoots every night scene by candlelight in the old harbour."),
    ("es", "Okafor rueda todas las escenas nocturnas a la luz de las velas."),
    ("it", "Okafor gira tutte le scene notturne a lume di candela nel porto."),
]


@pytest.mark.parametrize("lang,text", CREW)
def test_a_sentence_about_the_director_is_production(lang, text):
    story = build(lang, [["Mara walks to the lighthouse at dusk with her brother.", text]], {"Mara": ["Mara"]},
                  crew=["Nadia Okafor", "Okafor"])
    kinds = {e.sources[0].text: e.kind for e in story.events}
    assert kinds[text] == "production" and kinds[next(iter(kinds))] == "story"


@pytest.mark.parametrize("lang,title", [("en", "The Lantern Keeper (2019)"), ("es", "La casa de los relojes (1987)"),
                                        ("it", "La casa degli orologi (1987)")])
def test_a_bare_title_line_is_never_an_event(lang, title):
    story = build(lang, [[title], ["Mara walks to the lighthouse at dusk with her brother Tom."]], {"Mara": ["Mara"]})
    assert all(title not in e.sources[0].text for e in story.events)


GLUED = [
    ("en", "When her son Rui steals money from the church box, the priest, Father Baltazar, threatens to tell "
           "the police about it.", "box Father"),
    ("es", "Cuando su hijo Rui roba el dinero del cepillo de la iglesia, el cura, el padre Baltazar, amenaza "
           "con denunciarlo.", "iglesia el padre"),
    ("it", "Quando suo figlio Rui ruba i soldi dalla cassetta della chiesa, il prete, Padre Baltazar, minaccia "
           "di denunciarlo alla polizia.", "chiesa Padre"),
]


@pytest.mark.parametrize("lang,text,glued", GLUED)
def test_headlines_never_glue_two_clauses(lang, text, glued):
    assert glued not in headline(text, lang, [], 0)


@pytest.mark.parametrize("lang,text,phrase,bad", [
    ("it", "Due ore dopo l'arrivo, il direttore sportivo annuncia il ritiro della squadra.", "Due ore dopo",
     "L'arrivo il"),
    ("en", "Two hours after the finish, the team manager announces that the squad withdraws.", "Two hours after",
     "The finish the"),
    ("es", "Dos horas después la llegada, el director anuncia la retirada del equipo.", "Dos horas después",
     "La llegada el"),
])
def test_a_leading_time_phrase_goes_whole_or_not_at_all(lang, text, phrase, bad):
    t = TimeExpr("d", 0, 0, len(phrase), phrase, "relative")
    title = headline(text, lang, [t], 0)
    assert not title.startswith(bad), title


SCENES = [
    ("en", ["Yusuf joins the caravan of the old trader Malik.", "On the fourth day, Yusuf loses the camels."]),
    ("es", ["Yusuf se une a la caravana del viejo Malik.", "Al cuarto día Yusuf pierde los camellos."]),
    ("it", ["Yusuf si unisce alla carovana del vecchio Malik.", "Il quarto giorno Yusuf perde i cammelli."]),
]


@pytest.mark.parametrize("lang,sents", SCENES)
def test_an_undated_time_opening_starts_a_new_event(lang, sents):
    story = build(lang, [sents], {"Yusuf": ["Yusuf"]})
    assert len([e for e in story.events if e.kind == "story"]) == 2
    assert all(e.extra["own_time"] for e in story.events[1:])
