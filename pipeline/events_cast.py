"""The cast after the events are known: a name the characters stage took for a person but that only the lines
about the work name (its director in a review, an actor in "the two leads (Ada Lane and Tom Hale) shine", a
crew member who "wrote the script") is nobody in the story. It leaves the cast for the non-characters, with
the reason the Cast view shows; its mentions go with it. A line counts as about the work when it uses the
work's vocabulary (the film, the cast, the script, a performance: the events lexicon's work references and
production/reception cues): a history page's judgement ("without X the revolution would not have been
peaceful") names a person of that history, who stays."""
from __future__ import annotations

from .kind import PAREN
from .model import Story
from .textutil import cues, fold, tokens

REASON = "named only in lines about the work (its making, release or reception), never in the story"


def _about_work(text: str, lang: str) -> bool:
    folded = fold(PAREN.sub(" ", text))
    toks = tokens(folded)
    return any(cues(lang, "events", key).find(folded, toks)
               for key in ("work_refs", "reception", "production", "production_weak"))


def outside_story(story: Story) -> None:
    in_story = {n for e in story.events if e.kind == "story" for n in e.characters}
    about = {n for e in story.events if e.kind != "story" and _about_work(e.sources[0].text, e.lang)
             for n in e.characters}
    members = {m for c in story.characters.values() if c.is_group for m in c.members}
    gone: set[str] = set()
    names: set[str] = set()
    for cid, ch in list(story.characters.items()):
        # an actor-linked name is a credited role, a group member is told through the group
        if ch.is_group or ch.actor or cid in members or ch.name in in_story or ch.name not in about:
            continue
        gone.add(cid)
        names.add(ch.name)
        del story.characters[cid]
        story.non_characters.setdefault(ch.name, "commentator")
        story.non_character_reasons.setdefault(ch.name, REASON)
    if not gone:
        return
    for e in story.events:
        e.characters = [n for n in e.characters if n not in names]
        if "char_ids" in e.extra:
            e.extra["char_ids"] = set(e.extra["char_ids"]) - gone
    story.mentions = [m for m in story.mentions if m.char_id not in gone]
