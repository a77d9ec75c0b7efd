"""Month names tied to the narrative's year ("in January of that year") and days named by an event
("the morning of the vote"): found as one expression, per language."""
from __future__ import annotations

import pytest

from pipeline.temporal import extract

SAME_YEAR = [
    ("en", "Her father had arranged the marriage in January of that year.", "in January of that year"),
    ("en", "In March that same year the mill closed.", "In March that same year"),
    ("es", "Su padre había arreglado el matrimonio en enero de ese año sin preguntarle.", "en enero de ese año"),
    ("es", "En marzo del mismo año cerró el molino.", "En marzo del mismo año"),
    ("it", "Suo padre aveva combinato il matrimonio nel gennaio di quell'anno.", "nel gennaio di quell'anno"),
    ("it", "A marzo dello stesso anno chiuse il mulino.", "A marzo dello stesso anno"),
]


@pytest.mark.parametrize("lang,sentence,span", SAME_YEAR)
def test_a_month_of_that_year_is_one_expression_in_the_narrative_year(lang, sentence, span):
    got = extract(sentence, lang)
    assert [(sentence[g["pstart"]:g["pend"]], g["kind"], g["direction"], g["unit"]) for g in got] == \
        [(span, "underspecified", "same", "year")]


SAME_DAY = [
    ("en", "The morning of the vote, the doctor drove the old women to the polls.", "The morning of the vote"),
    ("en", "On the night of the wedding the groom fled.", "the night of the wedding"),
    ("es", "La mañana de la boda, la novia huyó.", "La mañana de la boda"),
    ("es", "El día del voto llovió en el pueblo.", "El día del voto"),
    ("it", "La mattina del voto, il medico accompagnò le anziane al seggio.", "La mattina del voto"),
    ("it", "La sera della festa Teresa ballò.", "La sera della festa"),
]


@pytest.mark.parametrize("lang,sentence,span", SAME_DAY)
def test_the_morning_of_an_event_is_that_event_s_day(lang, sentence, span):
    got = extract(sentence, lang)
    assert [(g["text"], g["kind"], g["direction"], g["unit"]) for g in got] == [(span, "relative", "same", "day")]
    assert got[0]["anchor"]


BARE = [
    ("en", "She always ran in the morning."),
    ("en", "He worked through the night of course."),
    ("es", "Trabajó toda la mañana en el taller."),
    ("it", "Si alzava presto la mattina."),
    ("it", "Lavorò tutto il giorno nel campo."),
]


@pytest.mark.parametrize("lang,sentence", BARE)
def test_a_bare_part_of_day_is_not_a_time_expression(lang, sentence):
    assert extract(sentence, lang) == []
