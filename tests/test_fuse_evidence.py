"""What counts as evidence that two tellings are one event: the protagonist is in every sentence, so one
common word shared with them is not enough; two kinds are (two things said, or one and a rarer person, a
place, a date, or being told at the same point); and a date one telling states keeps out of its event a
telling that another date puts elsewhere, whichever way the telling joined (our own invented stories)."""
from __future__ import annotations

import pytest

from fuse_support import StoryRuns, event_telling

STORIES = {
    # the protagonist studies twice, years apart: a synopsis telling the late studies shares one word and
    # her name with the schooling of her childhood; the dated events around both still fuse
    "studies": {
        "life_en.txt": "Clara Dunn was born in Ostend in 1880. Her father Piet Dunn sold fish at the harbour. As a "
                       "girl Clara studied at the convent school of Ostend. In 1895 her mother Ina fell ill. Clara "
                       "nursed her for two years. In 1898 the family moved to Ghent. Clara worked in a textile "
                       "mill for six years. In 1904 she married the printer Hugo Bel. Their son Jan was born in "
                       "1906. In 1910 Clara opened a bookshop in Ghent. The shop burned down in 1914.",
        "life_it.txt": "Clara Dunn nacque a Ostenda nel 1880. Nel 1904 sposò il tipografo Hugo Bel. Per anni "
                       "Clara riprese gli studi di notte. Nel 1914 il negozio andò a fuoco.",
    },
    # the brothers back at the camp in September, and the telegram on the afternoon of the December day:
    # "that afternoon" counts from 17 December, which the September return cannot be
    "telegram": {
        "sky_it.txt": "17 dicembre 1910: quel giorno i fratelli Pim e Rolf Kade volarono sopra le dune di Calvo. "
                      "Nel 1908 i fratelli costruirono il primo pallone nel fienile di casa. Nel 1909 il pallone "
                      "si strappò in una tempesta. Tornati a Calvo nel settembre 1910, "
                      "i fratelli dovettero aspettare dicembre per il vento giusto. Il primo tentativo, di Rolf, "
                      "finì nella sabbia dopo pochi secondi. Il secondo tentativo riuscì.",
        "sky_en.txt": "On the morning of 17 December 1910 Pim and Rolf Kade flew their balloon over the dunes of "
                      "Calvo. That afternoon, the Kade brothers walked the two miles to Calvo and sent a telegram "
                      "to their sister.",
    },
    # a short synopsis whose complaint to the police shares only that word with the policeman of the last
    # scene of the longer telling: not a match, and not a point that says where the synopsis stands
    "cart": {
        "cart_en.txt": "Ugo Rana finds work as a porter in the port of Lisbon. His wife Eva sells her ring to buy "
                       "him a cart. On his first day a boy, Pio, steals the cart. Ugo runs after Pio through the "
                       "market. Ugo and his daughter Lia search the harbour for days. They ask an old fortune "
                       "teller for help. Lia sees the boy near a church. The boy's neighbours chase Ugo away. "
                       "Ugo sleeps on the steps of the church. In the end a policeman comes with them to the "
                       "boy's house.",
        "cart_it.txt": "Ugo Rana trova lavoro come facchino nel porto di Lisbona. La moglie Eva vende l'anello "
                       "per comprargli un carretto. Il primo giorno un ragazzo, Pio, ruba il carretto. Ugo va subito "
                       "dalla polizia.",
    },
}

# (story, document, words of one event, document, words of a different event): never one event
DIFFERENT = [
    ("studies", "life_it", "riprese gli studi", "life_en", "studied at the convent school"),
    # the September return is not the December telegram, though both name the brothers and the village
    ("telegram", "sky_it", "Tornati a Calvo", "sky_en", "sent a telegram"),
    ("cart", "cart_it", "dalla polizia", "cart_en", "a policeman comes"),
]

# (story, document, words, document, words): one event
SAME = [
    ("cart", "cart_en", "steals the cart", "cart_it", "ruba il carretto"),
    ("studies", "life_en", "born in Ostend", "life_it", "nacque a Ostenda"),
    ("studies", "life_en", "married the printer", "life_it", "sposò il tipografo"),
    ("studies", "life_en", "shop burned down", "life_it", "andò a fuoco"),
    ("telegram", "sky_en", "flew their balloon", "sky_it", "volarono sopra le dune"),
]

run = StoryRuns(STORIES)


@pytest.mark.parametrize("name,doc_a,words_a,doc_b,words_b", DIFFERENT)
def test_weak_or_dated_apart_tellings_stay_apart(name, doc_a, words_a, doc_b, words_b):
    story = run(name)
    a, b = event_telling(story, doc_a, words_a), event_telling(story, doc_b, words_b)
    assert a is not b, f"{words_a!r} and {words_b!r} fused into {a.title!r}: {[s.text for s in a.sources]}"


@pytest.mark.parametrize("name,doc_a,words_a,doc_b,words_b", SAME)
def test_the_same_event_still_fuses(name, doc_a, words_a, doc_b, words_b):
    story = run(name)
    a, b = event_telling(story, doc_a, words_a), event_telling(story, doc_b, words_b)
    assert a is b, f"{words_a!r} -> {a.title!r}; {words_b!r} -> {b.title!r}"
