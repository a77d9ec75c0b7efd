"""A fused group that mixes unrelated tellings is split again, and its headline comes from the member
that tells what the others tell (hand-built events: features as the events stage leaves them)."""
from __future__ import annotations

from pipeline import fuse, similarity
from pipeline.model import Event, Source


def ev(doc, k, text, lang="en", chars=(), concepts=(), told=None):
    e = Event(title=text, summary=text, kind="story", lang=lang,
              sources=[Source(doc=doc, lang=lang, start=k * 100, end=k * 100 + 90, text=text, sent=k)],
              told=float(k if told is None else told))
    e.extra.update(char_ids=set(chars), concepts=set(concepts), anchors=set(), date_approx=True)
    similarity.features(e)
    return e


def test_members_that_share_no_content_are_split_into_their_own_events():
    wed_en = ev("en", 1, "Lena married Oskar in the chapel.", chars=["lena", "oskar"], concepts=["marry"])
    wed_es = ev("es", 1, "Lena se casó con Oskar en la capilla.", "es", ["lena", "oskar"], ["marry"], told=11)
    death_es = ev("es", 5, "Su padre murió en la mina.", "es", ["anton"], ["die", "mine"], told=15)
    parts = fuse.split_unrelated([wed_en, wed_es, death_es])
    assert [[e.sources[0].text for e in p] for p in parts] == [
        ["Lena married Oskar in the chapel.", "Lena se casó con Oskar en la capilla."],
        ["Su padre murió en la mina."]]


def test_a_group_whose_members_all_tell_the_event_stays_whole():
    a = ev("en", 2, "The lander detached from the ship.", concepts=["separate", "ship"])
    b = ev("es", 2, "El módulo se separó de la nave.", "es", concepts=["separate", "ship"], told=12)
    c = ev("it", 2, "Il modulo venne separato dalla nave.", "it", concepts=["separate", "ship"], told=22)
    assert fuse.split_unrelated([a, b, c]) == [[a, b, c]]


def test_the_headline_comes_from_a_member_that_tells_the_shared_event():
    # the first member is a neighbour that joined with little in common; the others tell the wedding
    wide = ev("en", 1, "Lena left the mill and, in spring, married Oskar.", chars=["lena"],
              concepts=["leave", "factory"], told=1)
    es = ev("es", 1, "En primavera Lena se casó con Oskar.", "es", ["lena", "oskar"], ["marry", "spring"], told=11)
    it = ev("it", 1, "In primavera Lena sposò Oskar.", "it", ["lena", "oskar"], ["marry", "spring"], told=21)
    wide.characters, es.characters, it.characters = ["Lena"], ["Lena", "Oskar"], ["Oskar"]
    it.places = ["Brisk"]
    w = fuse._weights([wide, es, it])
    assert fuse.headline_member([wide, es, it], w) is es  # the first told of the two that match best
    merged = fuse._merge([wide, es, it], 0, w)
    assert merged.title == es.title and merged.lang == "es"
    assert {s.doc for s in merged.sources} == {"en", "es", "it"}
    assert merged.characters == ["Lena", "Oskar"] and merged.places == ["Brisk"]


def test_members_sharing_only_a_common_word_are_split():
    """A death and a wedding both told 'in the town' share a concept, but nothing that makes them one event."""
    wed_en = ev("en", 1, "Lena married Oskar in the town hall.", chars=["lena"], concepts=["marry", "town"])
    wed_it = ev("it", 1, "Lena sposò Oskar in municipio.", "it", ["lena"], ["marry"], told=21)
    death_es = ev("es", 1, "El viejo minero murió en el pueblo.", "es", ["anton"], ["die", "town"], told=11)
    parts = fuse.split_unrelated([wed_en, death_es, wed_it], {})
    assert sorted(len(p) for p in parts) == [1, 2]
    assert [death_es] in parts


def test_a_neighbour_with_a_better_match_of_its_own_is_not_absorbed():
    """"Osk gathers the fleet and sails on 24 August" sits beside the telling that matched "Osk commands the
    fleet"; the other document's "the League gathered a fleet in August" is its own match, so it is not
    absorbed as a part of the command."""
    command = fuse.Group(ev("en", 5, "Admiral Osk commanded the fleet.", chars=["osk"], concepts=["navy"]), 0.6)
    muster = fuse.Group(ev("en", 2, "The League gathered a fleet and sailed.", concepts=["navy", "gather", "depart"]),
                        0.3)
    sails = ev("es", 7, "Osk reúne la flota en Varno y zarpa.", "es", ["osk"], ["navy", "gather", "depart"])
    other = fuse.Group(ev("en", 8, "The fleet waited in the gulf.", concepts=["navy", "wait"]), 0.8)
    w = {}
    assert fuse._own_match([command, muster], {0}, sails, command, w)
    assert not fuse._own_match([command, other], {0}, sails, command, w)
