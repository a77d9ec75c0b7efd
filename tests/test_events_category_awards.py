"""Categories weigh the main verb: a prize or award is an honour, a birth is family (never competition), a
race or a fair won is competition."""
import pytest

from pipeline.events import category, concept_weights

CASES = [
    ("es", "Ganó el Premio Nacional de Poesía con su primer libro.", "honour"),
    ("it", "Nel 1986 vince il Nobel per la medicina insieme al suo allievo.", "honour"),
    ("en", "In 1962 she was awarded the Nobel Prize for her work on fungi.", "honour"),
    ("it", "Dalla sua scuola usciranno tre futuri premi Nobel.", "honour"),
    ("en", "Lena Stahl was born in Lübeck, where her father had won a prize for his violins.", "family"),
    ("es", "Nació en Jaén en 1912, el mismo año en que su tío ganó la carrera del pueblo.", "family"),
    ("it", "Nasce a Lecce nel 1912, l'anno in cui lo zio vince la corsa del paese.", "family"),
    ("en", "With the support of the village, Kira wins the top prize at the national science fair.", "competition"),
    ("es", "Kira gana la carrera de la ciudad por delante de su hermano.", "competition"),
]


@pytest.mark.parametrize("lang,text,want", CASES)
def test_category_of_prizes_births_and_races(lang, text, want):
    assert category(concept_weights(text, lang, 0)) == want
