"""Counted relative expressions use every number word up to twenty; "in May," closing a clause is the month;
"il giorno stesso" is the same day."""
from __future__ import annotations

import pytest

from pipeline import temporal

COUNTS = [("en", "Thirteen years later, she returns.", 13, "year"),
          ("en", "Nineteen days earlier, he had left.", 19, "day"),
          ("en", "Five years later, the wine wins.", 5, "year"),
          ("es", "Catorce años después, ella vuelve.", 14, "year"),
          ("es", "Dieciocho días antes, él se había ido.", 18, "day"),
          ("es", "Cinco años más tarde, el vino gana.", 5, "year"),
          ("it", "Sedici anni dopo lei ritorna.", 16, "year"),
          ("it", "Diciannove giorni prima lui era partito.", 19, "day"),
          ("it", "Cinque anni dopo il vino vince.", 5, "year")]


@pytest.mark.parametrize("lang,sentence,amount,unit", COUNTS)
def test_number_words_give_the_count(lang, sentence, amount, unit):
    (t,) = temporal.extract(sentence, lang)
    assert (t["kind"], t["amount"], t["unit"]) == ("relative", amount, unit)


SAME_DAY = [("en", "The same day the count proclaims a government."),
            ("es", "El mismo día el conde proclama un gobierno."),
            ("it", "Il giorno stesso il conte proclamò un governo."),
            ("it", "La sera stessa il conte proclamò un governo.")]


@pytest.mark.parametrize("lang,sentence", SAME_DAY)
def test_same_day_phrases(lang, sentence):
    (t,) = temporal.extract(sentence, lang)
    assert (t["direction"], t["unit"], t["start"]) == ("same", "day", 0)


MAY = [("a letter, written in May, which said nothing.", ["in May"]),
       ("In May, she left the town.", ["In May"]),
       ("In May they hope for rain.", []),
       ("She may go in May Hart's car.", [])]


@pytest.mark.parametrize("sentence,want", MAY)
def test_may_is_a_month_only_when_it_closes_its_clause(sentence, want):
    assert [sentence[t["pstart"]:t["pend"]] for t in temporal.extract(sentence, "en")] == want
