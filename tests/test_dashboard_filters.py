"""Pure filters and their URL form."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from dashboard import data, filters as flt
from conftest import SAMPLE

EVENTS = data.load_folder(SAMPLE).events


def ids(f: flt.Filters) -> set[str]:
    return set(flt.apply(EVENTS, f)["id"])


def test_default_is_story_events_in_order():
    out = flt.apply(EVENTS, flt.Filters())
    assert set(out["kind"]) == {"story"}
    assert list(out["order"]) == sorted(out["order"])


def test_apply_does_not_modify_input():
    before = EVENTS.copy()
    flt.apply(EVENTS, flt.Filters(chars=("Dario Conti",), q="tower"))
    assert before.equals(EVENTS)


@pytest.mark.parametrize("lang, q, expected", [
    ("en", "word-of-mouth", {"e026"}),
    ("es", "PELÍCULA italiana", {"e024"}),
    ("es", "pelicula", {"e024", "e029"}),          # accents don't matter
    ("it", "medaglia d'oro", {"e020"}),
    ("it", "fienile", {"e011"}),
])
def test_search_over_sources_in_every_language(lang, q, expected):
    assert ids(flt.Filters(kinds=(), q=q)) == expected


def test_date_range_keeps_or_drops_undated():
    with_undated = ids(flt.Filters(date_from="1963-01-01"))
    without = ids(flt.Filters(date_from="1963-01-01", undated=False))
    assert without == {"e013", "e014", "e019", "e020"}
    assert without < with_undated and "e012" in with_undated


def test_category_filter():
    assert ids(flt.Filters(cats=("law",))) == {"e015", "e016", "e017"}


names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)


@given(st.builds(flt.Filters, chars=st.lists(names, max_size=3).map(tuple), match=st.sampled_from(["any", "all"]),
                 kinds=st.lists(st.sampled_from(flt.KINDS), min_size=0, max_size=3, unique=True).map(tuple),
                 cats=st.lists(names, max_size=2).map(tuple), langs=st.lists(st.sampled_from(["en", "es", "it"]),
                                                                              max_size=2).map(tuple),
                 undated=st.booleans(), q=st.text(max_size=10).filter(lambda s: s == s.strip())))
def test_query_round_trip(f):
    back = flt.from_query(flt.to_query(f))
    if not f.kinds or set(f.kinds) == set(flt.KINDS):      # "every kind", however it was spelled
        assert set(back.kinds) == set(flt.KINDS)
        back, f = back.with_(kinds=()), f.with_(kinds=())
    assert back == f
    assert ids(back) == ids(f) if f.q == f.q.strip() else True
