"""Scene joining, headings, colons and pronoun subjects, on hand-built stories (no other stage involved)."""
from __future__ import annotations

import pytest

from events_support import build
from pipeline.model import Story


def story_titles(story: Story) -> list[str]:
    return [e.title for e in story.events if e.kind == "story"]


OWN_TIME = [
    ("en", ["Nora finds the key in the cellar.", "Two days later, Nora opens the locked room."], ["Two days later"]),
    ("es", ["Nora encuentra la llave en el sótano.", "Dos días después, Nora abre el cuarto cerrado."],
     ["Dos días después"]),
    ("it", ["Nora trova la chiave in cantina.", "Due giorni dopo, Nora apre la stanza chiusa."], ["Due giorni dopo"]),
]


@pytest.mark.parametrize("lang,sents,times", OWN_TIME)
def test_events_a_sentence_with_its_own_time_starts_a_new_event(lang, sents, times):
    out = build(lang, [sents], {"Nora Field": ["Nora"]}, times)
    assert len(story_titles(out)) == 2


OTHER_SUBJECT = [
    ("en", ["Tomas learns to sail from his uncle.", "His mother, Mrs. Ines Berg, sells the boat in secret."]),
    ("es", ["Tomás aprende a navegar con su tío.", "Su madre, la señora Inés Berg, vende el barco en secreto."]),
    ("it", ["Tomas impara a navigare con lo zio.", "Sua madre, la signora Ines Berg, vende la barca in segreto."]),
]


@pytest.mark.parametrize("lang,sents", OTHER_SUBJECT)
def test_events_sentences_with_different_subjects_are_not_one_scene(lang, sents):
    out = build(lang, [sents], {"Tomas Berg": ["Tomas", "Tomás"], "Ines Berg": ["Ines Berg", "Inés Berg"]})
    assert len(story_titles(out)) == 2


SAME_SUBJECT = [
    ("en", ["Tomas steals the harbour master's boat at dawn.", "He sails it across the bay to the island."]),
    ("es", ["Tomás roba el barco del capitán del puerto al amanecer.", "Él lo lleva a través de la bahía hasta la isla."]),
    ("it", ["Tomas ruba la barca del capitano del porto all'alba.", "Lui la porta attraverso la baia fino all'isola."]),
]


@pytest.mark.parametrize("lang,sents", SAME_SUBJECT)
def test_events_same_subject_without_time_joins_and_the_pronoun_names_the_character(lang, sents):
    out = build(lang, [sents], {"Tomas Berg": ["Tomas", "Tomás"]})
    story = [e for e in out.events if e.kind == "story"]
    assert len(story) == 1 and len(story[0].sources) == 2
    assert story[0].characters == ["Tomas Berg"]


PRONOUN = [
    ("en", ["Tomas steals the harbour master's boat.", "At dawn, she finds the boat gone."], "Lea Holm"),
    ("es", ["Tomás roba el barco del capitán del puerto.", "Al amanecer, ella descubre que el barco no está."],
     "Lea Holm"),
    ("it", ["Tomas ruba la barca del capitano del porto.", "All'alba, lei scopre che la barca non c'è più."],
     "Lea Holm"),
]


@pytest.mark.parametrize("lang,sents,first", PRONOUN)
def test_events_a_pronoun_after_an_opening_time_phrase_takes_the_previous_subject(lang, sents, first):
    out = build(lang, [["Lea Holm runs the harbour office."], sents], {"Lea Holm": ["Lea Holm"],
                                                                         "Tomas Berg": ["Tomas", "Tomás"]})
    last = [e for e in out.events if e.kind == "story"][-1]
    assert last.characters == ["Tomas Berg"]  # the subject of the sentence before, not an older one


ARTICLES = [
    ("es", ["Lea Holm cierra la oficina del puerto.", "La tormenta hunde tres barcos aquella noche."]),
    ("it", ["Lea Holm chiude l'ufficio del porto.", "La tempesta affonda tre barche quella notte."]),
]


@pytest.mark.parametrize("lang,sents", ARTICLES)
def test_events_an_article_is_not_a_pronoun(lang, sents):
    out = build(lang, [sents[:1], sents[1:]], {"Lea Holm": ["Lea Holm"]})
    assert [e for e in out.events if e.kind == "story"][-1].characters == []


HEADINGS = [
    ("en", "Part Two – The Harbour Strike", "The dockers stop work on the morning of the vote."),
    ("es", "Capítulo 4 – La huelga del puerto", "Los estibadores dejan de trabajar la mañana de la votación."),
    ("it", "L'alluvione di Valcorta", "I pescatori smettono di lavorare la mattina del voto."),
]


@pytest.mark.parametrize("lang,head,body", HEADINGS)
def test_events_a_heading_line_is_not_an_event_but_labels_the_events_under_it(lang, head, body):
    out = build(lang, [[head], [body]], {})
    assert [e.title for e in out.events] == [body.rstrip(".")]
    assert out.events[0].extra["heading"] == head


COLON = [
    ("en", "Historians still debate the role of the two printers: according to Ada Vell the press mattered more."),
    ("es", "Los historiadores todavía discuten el papel de los impresores: según Ada Vell la imprenta importó más."),
    ("it", "Gli storici discutono ancora il ruolo dei tipografi: secondo Ada Vell la stamperia contò di più."),
]


@pytest.mark.parametrize("lang,text", COLON)
def test_events_what_follows_a_colon_keeps_the_kind_before_it(lang, text):
    out = build(lang, [[text]], {"Ada Vell": ["Ada Vell"]})
    assert out.events and all(e.kind == "production" for e in out.events)


NON_STORY_NOT_JOINED = [
    ("en", ["Tomas steals the boat at dawn.", "In my opinion this scene is too long."]),
    ("es", ["Tomás roba el barco al amanecer.", "A mi juicio, esta escena es demasiado larga."]),
    ("it", ["Tomas ruba la barca all'alba.", "Secondo me questa scena è troppo lunga."]),
]


@pytest.mark.parametrize("lang,sents", NON_STORY_NOT_JOINED)
def test_events_an_opinion_is_never_joined_into_a_story_scene(lang, sents):
    out = build(lang, [sents], {"Tomas Berg": ["Tomas", "Tomás"]})
    assert [e.kind for e in out.events] == ["story", "reception"]
    assert len(out.events[0].sources) == 1


ASIDES = [
    ("en", "The same day Count Otto Reni, who in 1848 had founded a secret society, proclaimed a new government.",
     "in 1848", "Otto Reni"),
    ("es", "Ese mismo día el conde Otto Reni, que en 1848 había fundado una sociedad secreta, proclamó un gobierno.",
     "en 1848", "Otto Reni"),
    ("it", "Il giorno stesso il conte Otto Reni, che nel 1848 aveva fondato una società segreta, proclamò un governo.",
     "nel 1848", "Otto Reni"),
]


@pytest.mark.parametrize("lang,text,year,name", ASIDES)
def test_events_a_dated_relative_aside_is_an_event_of_its_own(lang, text, year, name):
    out = build(lang, [[text]], {"Otto Reni": [name]}, [(year, "year")])
    story = [e for e in out.events if e.kind == "story"]
    assert len(story) == 2
    aside = next(e for e in story if any(year in s.text for s in e.sources))
    main = next(e for e in story if e is not aside)
    assert aside.characters == ["Otto Reni"] and name in aside.title
    assert len(main.sources) == 2 and not any(year in s.text for s in main.sources)
    assert "1848" not in main.title and main.title.endswith(text.rstrip(".").split()[-1])
