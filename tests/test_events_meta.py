"""Review, production and source-note prose is never story, whatever story words it also holds."""
import pytest

from pipeline.events import classify

META = [
    # (lang, sentence, named characters in it, expected kind) - runtime, rating, first-person opinion,
    # historians' debate, publication notes
    ("en", "It runs for 104 minutes.", 0, "production"),
    ("en", "My rating: 8 out of 10.", 0, "reception"),
    ("en", "In my opinion the last act drags on.", 0, "reception"),
    ("en", "I think the middle part is far too slow.", 0, "reception"),
    ("en", "Historians still argue about the mayor's role in the riot.", 1, "production"),
    ("en", "The diary of Nurse Ellen Park was published in 1962.", 1, "production"),
    ("es", "Dura 97 minutos.", 0, "production"),
    ("es", "Puntuación: 6 sobre 10.", 0, "reception"),
    ("es", "A mi juicio, el segundo acto es demasiado largo.", 0, "reception"),
    ("es", "Los historiadores todavía discuten el papel del alcalde.", 1, "production"),
    ("es", "El diario de la enfermera Elena Paz se publicó en 1962.", 1, "production"),
    ("it", "Dura 112 minuti.", 0, "production"),
    ("it", "Voto: 8 su 10.", 0, "reception"),
    ("it", "Secondo me il finale è troppo frettoloso.", 0, "reception"),
    ("it", "Gli storici discutono ancora il ruolo del sindaco.", 1, "production"),
    ("it", "Il diario dell'infermiera Elena Pace fu pubblicato nel 1962.", 1, "production"),
]


@pytest.mark.parametrize("lang,text,n_chars,kind", META)
def test_events_meta_prose_is_not_story(lang, text, n_chars, kind):
    assert classify(text, lang, n_characters=n_chars, actor_outside_parens=False) == kind


STORY = [
    # (lang, sentence, named characters, states a date) - plot sentences that merely share a word with meta prose
    ("en", "That night a fire broke out in the town archive.", 0, False),          # a lone "archive" is not production
    ("en", "The director of the bank refuses to release the money.", 1, False),   # nor "director" / "release"
    ("en", "The film opens on May 3, 1944 in Lyon, when Anne Roche escapes from a train.", 1, True),
    ("en", 'Anne says: "I think they know."', 1, False),                           # an opinion in quoted speech
    ("es", "Esa noche se declara un incendio en el archivo municipal.", 0, False),
    ("es", "La película empieza el 3 de mayo de 1944 en Lyon, cuando Ana Roca escapa de un tren.", 1, True),
    ("es", "El director del banco se niega a firmar el crédito.", 1, False),
    ("it", "Quella notte un incendio distrusse l'archivio del comune.", 0, False),
    ("it", "Il film si apre il 3 maggio 1944 a Lione, quando Anna Rocca fugge da un treno.", 1, True),
    ("it", "Il regista del teatro licenzia Anna il 4 maggio 1944.", 1, True),       # a cast member and a date
]


@pytest.mark.parametrize("lang,text,n_chars,dated", STORY)
def test_events_plot_sentences_with_meta_words_stay_story(lang, text, n_chars, dated):
    assert classify(text, lang, n_characters=n_chars, actor_outside_parens=False, has_date=dated) == "story"
