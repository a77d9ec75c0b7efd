"""The events stage tells story from production and reception prose, per language."""
import pytest

from pipeline.events import category, classify, headline

CASES = [
    # (lang, sentence, named characters in it, an actor's name used outside parentheses, expected kind)
    ("en", "The background score was fine.", 0, False, "reception"),
    ("en", "He is a perfect actor.", 0, False, "reception"),
    ("en", "Highly inspiring movie, which lifts up your spirit sky high.", 0, False, "reception"),
    ("en", "Not to be missed.", 0, False, "reception"),
    ("en", "Maria Lopez was around 25 when this movie was released and gives a natural performance.", 0, True,
     "reception"),
    ("en", "Filming took place in rural Ohio in the spring of 2003.", 0, False, "production"),
    ("en", "The next day, they are arrested for starting a fire in the woods.", 0, False, "story"),
    ("en", "Anna returns to school, the twins go back to the farm, and soon win the county fair.", 2, False, "story"),
    ("es", "La banda sonora es preciosa y la fotografía, excelente.", 0, False, "reception"),
    ("es", "El puntaje de fondo estaba bien.", 0, False, "reception"),
    ("es", "El rodaje se hizo en Almería y la película se estrenó en 1998.", 0, False, "production"),
    ("es", "Al día siguiente, Lucía huye de casa y toma el tren a Sevilla.", 1, False, "story"),
    ("es", "Jack muere congelado en el agua; Rose sobrevive y es rescatada.", 2, False, "story"),
    ("it", "Il film ha incassato dieci milioni al botteghino.", 0, False, "production"),
    ("it", "Le riprese si sono svolte in Sardegna.", 0, False, "production"),
    ("it", "Un film lungo ma mai noioso.", 0, False, "reception"),
    ("it", "Marco Rossi e Giulia Bianchi hanno una complicità rara.", 0, True, "reception"),
    ("it", "Tre giorni dopo, Giulia lascia il paese e parte per Torino.", 1, False, "story"),
]


@pytest.mark.parametrize("lang,text,n_chars,actor,kind", CASES)
def test_events_kind_per_language(lang, text, n_chars, actor, kind):
    assert classify(text, lang, n_characters=n_chars, actor_outside_parens=actor) == kind


@pytest.mark.parametrize("lang,text,want", [
    ("en", "However, the mayor refuses to sign the order.", "The mayor refuses to sign the order"),
    ("en", "Later, Anna (Emma Stone) finds the letter in a drawer.", "Anna finds the letter in a drawer"),
    ("es", "Sin embargo, el alcalde se niega a firmar.", "El alcalde se niega a firmar"),
    ("it", "Purtroppo, il sindaco rifiuta di firmare.", "Il sindaco rifiuta di firmare"),
])
def test_events_headline_drops_connectors_and_actors(lang, text, want):
    assert headline(text, lang, [], 0) == want


def test_events_headline_is_short_enough_for_a_slide():
    text = ("Anna, who had waited for this moment since she was a child, finally opens the old wooden box "
            "that her grandmother left her in the attic of the house by the lake.")
    h = headline(text, "en", [], 0)
    assert len(h) <= 90 and h.startswith("Anna")


@pytest.mark.parametrize("concepts,want", [
    (["arrest", "police"], "law"), (["father", "dinner", "rocket"], "family"), ([], "other"),
    (["war", "battle", "soldier"], "war"),
])
def test_events_category_from_concepts(concepts, want):
    assert category(concepts) == want


@pytest.mark.parametrize("lang,text", [
    ("en", "Only one teacher in the high school tells them they could win college scholarships."),
    ("es", "Solo un maestro les dice que podrían ganar becas universitarias."),
    ("it", "Solo un insegnante dice loro che potrebbero vincere borse di studio."),
])
def test_events_kind_scholarship_is_not_scholarly_prose(lang, text):
    assert classify(text, lang, n_characters=0, actor_outside_parens=False) == "story"
