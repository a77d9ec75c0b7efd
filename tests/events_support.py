"""Hand-built stories for the events stage alone: sentences, mentions and time phrases given directly,
so its tests don't depend on the segment, characters or temporal rules."""
from __future__ import annotations

import re

from pipeline import events
from pipeline.model import Character, Document, Mention, Sentence, Story, TimeExpr


def build(lang: str, paras: list[list[str]], cast: dict[str, list[str]], times=(), crew=()) -> Story:
    """A story from paragraphs of sentences; `cast` maps a name to the forms that mention it,
    `times` are time phrases found by the temporal stage (given here by hand; a phrase or (phrase, kind)),
    `crew` names known to be actors or crew."""
    text, sents, idx = "", [], 0
    for p, para in enumerate(paras):
        for s in para:
            start = len(text)
            text += s + " "
            sents.append(Sentence(doc="d", lang=lang, idx=idx, cstart=start, cend=start + len(s), start=start,
                                  end=start + len(s), text=s, para=p))
            idx += 1
        text += "\n\n"
    story = Story(docs=[Document(doc="d", path="d.txt", raw=text, encoding="utf-8", clean=text, lang=lang)],
                  sentences=sents)
    story.non_characters = {n: "actor" for n in crew}
    for name, forms in cast.items():
        cid = name.lower().replace(" ", "_")
        story.characters[cid] = Character(id=cid, name=name)
        for form in forms:
            for m in re.finditer(rf"\b{re.escape(form)}\b", text):
                s = next(x for x in sents if x.cstart <= m.start() < x.cend)
                story.mentions.append(Mention("d", s.idx, m.start(), m.end(), form, cid))
    for phrase in times:
        phrase, kind = phrase if isinstance(phrase, tuple) else (phrase, "relative")
        for m in re.finditer(re.escape(phrase), text):
            s = next(x for x in sents if x.cstart <= m.start() < x.cend)
            story.timex.append(TimeExpr("d", s.idx, m.start(), m.end(), phrase, kind))
    story.mentions.sort(key=lambda m: m.cstart)
    return events.run(story)
