"""Who takes part in an event: mentions inside its span, groups standing for their members, subject
pronouns standing for the last person or group."""
from __future__ import annotations

from functools import lru_cache

from . import lexicons
from .model import Mention, Story

def _char_ids(story: Story, mentions: list[Mention]) -> set[str]:
    """Who takes part, for comparing tellings: groups stand for their members."""
    out: set[str] = set()
    for m in mentions:
        ch = story.characters.get(m.char_id)
        if ch is None:
            continue
        if ch.is_group:
            out |= set(ch.members) or {"group"}
        else:
            out.add(ch.id)
    return out


def _char_names(story: Story, mentions: list[Mention]) -> list[str]:
    names: list[str] = []
    for m in mentions:
        ch = story.characters.get(m.char_id)
        if ch is None:
            continue
        ids = ch.members if ch.is_group else [ch.id]
        for cid in ids:
            member = story.characters.get(cid)
            if member is not None and not member.is_group and member.name not in names:
                names.append(member.name)
    return names


@lru_cache(maxsize=None)
def _pronouns(lang: str, key: str) -> frozenset[str]:
    # case-folded but NOT accent-folded: Spanish "él" (he) is not the article "el"
    return frozenset(w.casefold() for w in lexicons.load(lang, "events").get(key) or [])


def _subject_names(story: Story, subject: frozenset[str] | None) -> list[str]:
    if not subject:
        return []
    out = []
    for cid in subject:
        ch = story.characters.get(cid)
        if ch is not None and not ch.is_group:
            out.append(ch.name)
    return sorted(out)
