"""'and finally' / 'y al final' / 'e alla fine' starts a later moment only when something happens after it."""
import pytest

from pipeline.events import _parts
from pipeline.model import Sentence


def parts(lang: str, text: str) -> list[str]:
    s = Sentence(doc="d", lang=lang, idx=0, cstart=0, cend=len(text), start=0, end=len(text), text=text)
    return [text[a:b].strip() for a, b in _parts(s, text, lang)]


@pytest.mark.parametrize("lang,text,later", [
    ("en", "The brothers lose the first three races, and finally Anna wins the cup in front of the whole village.",
     "and finally Anna wins the cup in front of the whole village."),
    ("es", "Los hermanos pierden las tres primeras carreras y al final Ana gana la copa delante de todo el pueblo.",
     "al final Ana gana la copa delante de todo el pueblo."),
    ("it", "I fratelli perdono le prime tre gare e alla fine Anna vince la coppa davanti a tutto il paese.",
     "alla fine Anna vince la coppa davanti a tutto il paese."),
])
def test_events_finally_splits_off_a_later_moment(lang, text, later):
    assert parts(lang, text)[-1].endswith(later)
    assert len(parts(lang, text)) == 2


@pytest.mark.parametrize("lang,text", [
    ("en", "The four boys build new rockets with new fuels, and finally they succeed."),
    ("es", "Los cuatro chicos construyen cohetes con nuevos combustibles y al final lo logran."),
    ("it", "I quattro ragazzi costruiscono razzi con nuovi carburanti e alla fine hanno successo."),
])
def test_events_finally_keeps_a_short_ending_with_its_sentence(lang, text):
    assert parts(lang, text) == [text]
