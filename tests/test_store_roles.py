"""A viewer's session may look but not change: the store refuses its writes whoever calls them."""
from __future__ import annotations

import pytest

from dashboard import library, store
from store_support import stored_story

VIEWER = store.Actor("viewer:abc123", "viewer")


@pytest.fixture
def root(tmp_path):
    return tmp_path / "library"


WRITES = {
    "add an edit": lambda root, slug: library.add_edit(slug, {"op": "delete", "id": "e005"}, root, actor=VIEWER),
    "save edits": lambda root, slug: library.save_edits(slug, [], root, actor=VIEWER),
    "undo": lambda root, slug: library.undo_edit(slug, root, actor=VIEWER),
    "delete the story": lambda root, slug: library.delete_story(slug, root, actor=VIEWER),
    "upload a story": lambda root, slug: library.create_story("Mine", {"a.txt": b"Some text here."}, root=root,
                                                              process=False, actor=VIEWER),
    "publish a slide": lambda root, slug: library.store(root).publish(slug, {}, 2, VIEWER),
    "append directly": lambda root, slug: library.store(root).append(slug, {"op": "delete", "id": "e5"}, VIEWER),
}


@pytest.mark.parametrize("what", list(WRITES))
def test_a_viewer_write_is_refused_with_a_clear_message_and_changes_nothing(root, what):
    slug = stored_story(root)
    library.add_edit(slug, {"op": "update", "id": "e005", "fields": {"title": "The teacher's title"}}, root)
    before = library.store(root).dump()
    with pytest.raises(PermissionError, match="teacher") as exc:
        WRITES[what](root, slug)
    assert isinstance(exc.value, store.ReadOnlyError)
    assert library.store(root).dump() == before
    assert library.load_story(slug, root)[0].set_index("id").loc["e005", "title"] == "The teacher's title"


def test_a_viewer_can_still_read_everything(root):
    slug = stored_story(root)
    library.add_edit(slug, {"op": "delete", "id": "e006"}, root)
    assert slug in {m["slug"] for m in library.list_stories(root)}
    assert "e006" not in set(library.load_story(slug, root)[0]["id"])
    assert library.last_own_edit(slug, root, actor=VIEWER) is None


def test_only_the_teachers_presentation_is_published(root):
    slug = stored_story(root)
    s = library.store(root)
    assert s.presenter() is None
    local = store.Actor("session:x", "local")   # no teacher key: nobody is followed
    with pytest.raises(PermissionError):
        s.publish(slug, {}, 1, local)
    first = s.publish(slug, {"char": ["Mira"]}, 3, store.TEACHER)
    p = s.presenter()
    assert (p["story"], p["state"], p["step"], p["seq"]) == (slug, {"char": ["Mira"]}, 3, first)
    assert s.publish(slug, {}, 4, store.TEACHER) == first + 1
