"""Fusing tellings across documents, and ordering by story chronology."""
import pytest

from fuse_support import event_telling
from pipeline import fuse, order, run
from pipeline.model import Event, Source, Story


def ev(doc, k, chars=(), concepts=(), anchors=(), date=None, prec="unknown", approx=True, kind="story", lang="en"):
    e = Event(title=f"{doc}-{k}", kind=kind, lang=lang, date=date, date_precision=prec,
              sources=[Source(doc=doc, lang=lang, start=k * 10, end=k * 10 + 9, text=f"{doc} {k}", sent=k)])
    e.extra.update(char_ids=set(chars), concepts=set(concepts), anchors=set(anchors), date_approx=approx)
    return e


def _story(*docs):
    return Story(events=[e for d in docs for e in d])


def test_fuse_joins_the_same_event_told_in_two_languages():
    en = [ev("en", 0, ["ana"], ["arrest", "police"]), ev("en", 1, ["ana", "leo"], ["wedding", "marry"]),
          ev("en", 2, ["leo"], ["die", "war"], ["1916"])]
    it = [ev("it", 0, ["ana"], ["arrest"], lang="it"), ev("it", 1, ["leo"], ["die", "war"], ["1916"], lang="it")]
    out = fuse.run(_story(en, it)).events
    assert len(out) == 3
    docs = [sorted(s.doc for s in e.sources) for e in out]
    assert docs == [["en", "it"], ["en"], ["en", "it"]]


def test_fuse_never_merges_events_far_apart_in_the_story():
    en = [ev("en", k, ["ana"], ["travel"]) for k in range(10)] + [ev("en", 10, ["ana"], ["die"])]
    es = [ev("es", 0, ["ana"], ["die"], lang="es")] + [ev("es", k, ["bo"], ["music"], lang="es") for k in range(1, 11)]
    out = fuse.run(_story(en, es)).events
    first_es = next(e for e in out if any(s.doc == "es" and s.sent == 0 for s in e.sources))
    assert [s.doc for s in first_es.sources] == ["es"]


def test_fuse_keeps_different_stated_days_apart():
    en = [ev("en", 0, ["ana"], ["battle", "war"], date="1916-07-01", prec="day", approx=False)]
    es = [ev("es", 0, ["ana"], ["battle", "war"], date="1916-07-14", prec="day", approx=False, lang="es")]
    assert len(fuse.run(_story(en, es)).events) == 2


def test_fuse_does_not_mix_reception_with_story():
    en = [ev("en", 0, ["ana"], ["music", "love"])]
    es = [ev("es", 0, ["ana"], ["music", "love"], kind="reception", lang="es")]
    assert len(fuse.run(_story(en, es)).events) == 2


def test_order_follows_dates_when_the_story_is_told_out_of_order():
    told = [ev("en", 0, date="1996-01-01", prec="year", approx=False),
            ev("en", 1, date="1996-01-01", prec="year"),
            ev("en", 2, date="1912-04-10", prec="day", approx=False),
            ev("en", 3, date="1912-04-14", prec="day", approx=False),
            ev("en", 4, date="1996-01-01", prec="year", approx=False)]
    out = order.run(fuse.run(_story(told))).events
    by_title = {e.title: e.order for e in out}
    assert [t for t, _ in sorted(by_title.items(), key=lambda kv: kv[1])] == ["en-2", "en-3", "en-0", "en-1", "en-4"]
    assert sorted(e.extra["told_rank"] for e in out) == [1, 2, 3, 4, 5]


def test_order_places_a_before_event_ahead_of_its_anchor():
    a = ev("en", 0, date="1912-04-10", prec="day", approx=False)
    b = ev("en", 1, date="1912-04-10", prec="relative")
    b.extra["before"] = a
    out = order.run(fuse.run(_story([a, b]))).events
    assert [e.title for e in out] == ["en-1", "en-0"]


def test_order_puts_reception_after_the_story_and_ids_are_stable():
    def build():
        return _story([ev("en", 0, kind="reception"), ev("en", 1, date="1900-01-01", prec="year")])
    first = order.run(fuse.run(build())).events
    second = order.run(fuse.run(build())).events
    assert [e.kind for e in first] == ["story", "reception"]
    assert [e.id for e in first] == [e.id for e in second]
    assert len({e.id for e in first}) == 2


# one document tells the childhood at length, the other a whole life in five sentences: the move they both
# date 1909 sits at the end of one and at the start of the other, and is still one event
CHILDHOOD = {
    "child_en.txt": "Tilo Varga was born in 1898 in the village of Ossa. His father grew olives on a small farm. His "
                    "mother taught him to play the piano. At school he was a poor pupil but a fine singer. He spent his "
                    "summers with his grandmother by the sea. In 1905 his little sister Nora was born. In 1909 the "
                    "family moved to the city of Corbe.",
    "life_it.txt": "Nel 1909 Tilo Varga si trasferì con la famiglia a Corbe. Nel 1919 partì per Lisbona, dove studiò "
                   "legge. Nel 1925 pubblicò il suo primo libro di poesie. Nel 1931 fondò una compagnia di teatro. Nel "
                   "1936 fu arrestato e fucilato.",
}


def test_one_stated_date_fuses_tellings_whose_proportions_differ():
    story = run(texts=CHILDHOOD)
    a = event_telling(story, "child_en", "the family moved")
    b = event_telling(story, "life_it", "si trasferì")
    assert a is b, [e.title for e in story.events]
    assert event_telling(story, "life_it", "partì per Lisbona") is not a


# (an alignment, its far pairs, the far pairs that jump alone)
FAR = [
    # a far match whose telling's next sentence matches beside it: a page opening on the day it is about
    ([(0, 0), (20, 1), (21, 2)], {(20, 1)}, set()),
    ([(0, 5), (1, 6), (4, 9)], {(0, 5)}, set()),
    # alone, its neighbours matching elsewhere: a lifespan's death told in the opening sentence
    ([(0, 0), (20, 1), (21, 5)], {(20, 1)}, {(20, 1)}),
    # a date both state, and nothing else aligned: the only match there is
    ([(6, 0)], {(6, 0)}, set()),
]


@pytest.mark.parametrize("pairs,far,alone", FAR)
def test_a_far_match_alone_is_left_out_of_the_alignment(pairs, far, alone):
    assert fuse._isolated(sorted(pairs), far) == alone


# (pair scores, the pair looked at, whether its neighbour-aware score is higher than its own)
CONTEXT = [
    # a weak pair between two pairs that match: a run of the story told in both
    ([[0.6, 0.0, 0.0], [0.0, 0.2, 0.0], [0.0, 0.0, 0.5]], (1, 1), True),
    # the same weak pair whose neighbours match elsewhere (not on its diagonal)
    ([[0.0, 0.6, 0.0], [0.0, 0.2, 0.0], [0.5, 0.0, 0.0]], (1, 1), False),
    # nothing shared: a neighbour's match alone never makes a pair
    ([[0.6, 0.0], [0.0, 0.0]], (1, 1), False),
]


@pytest.mark.parametrize("scores,pair,raised", CONTEXT)
def test_a_weak_pair_inside_a_run_of_matches_scores_higher(scores, pair, raised):
    i, j = pair
    assert (fuse.with_context(scores)[i][j] > scores[i][j]) == raised


def test_a_paraphrase_between_two_matched_neighbours_fuses():
    """Sharing one rare concept with the other telling, told between two pairs that match well, a sentence is
    one event with its counterpart; the same weak pair alone is not enough."""
    en = [ev("en", 0, ["nela", "ivo"], ["born"], ["varn"], date="1620-01-01", prec="year", approx=False),
          ev("en", 1, ["nela"], ["argue", "priest", "leave"], ["tarsa"]),
          ev("en", 2, ["nela", "ivo"], ["marry", "music"], date="1647-01-01", prec="year", approx=False)]
    es = [ev("es", 0, ["nela", "ivo"], ["born"], ["varn"], date="1620-01-01", prec="year", approx=False, lang="es"),
          ev("es", 1, ["nela"], ["priest", "move"], ["osk"], lang="es"),
          ev("es", 2, ["nela", "ivo"], ["marry"], date="1647-01-01", prec="year", approx=False, lang="es")]
    out = fuse.run(_story(en, es)).events
    assert [sorted(s.doc for s in e.sources) for e in out] == [["en", "es"]] * 3
