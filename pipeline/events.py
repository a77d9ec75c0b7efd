"""Stage: events. One event per story sentence (or per clause that carries its own time).

Each event gets a kind (story / production / reception, from cue lexicons and from actor names
used outside parentheses), a headline, a summary, a category (from language-independent
concepts), its characters (mentions inside its span, groups expanded to members, a subject
pronoun falling back to the previous event's people) and places.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from functools import lru_cache

from . import lexicons
from .model import Event, Mention, Sentence, Source, Story, TimeExpr
from .textutil import cues, fold, tokens

TITLE_MAX = 90
SUMMARY_MAX = 320
PAREN = re.compile(r"\s*\([^()]{0,120}\)")
LEADING_PUNCT = re.compile(r"^[\s,;:.\-–—\"'“”«»]+")


@lru_cache(maxsize=None)
def _categories() -> dict[str, str]:
    return json.loads((lexicons.HERE / "categories.json").read_text(encoding="utf-8"))["categories"]


@lru_cache(maxsize=None)
def _words(lang: str, key: str) -> tuple[str, ...]:
    table = lexicons.load(lang, "events").get(key) or []
    # longest first so "in the meantime" wins over "in"
    return tuple(sorted((fold(w) for w in table), key=len, reverse=True))


def _index(items, key):
    out = defaultdict(list)
    for it in items:
        out[key(it)].append(it)
    return out


def _actor_pattern(story: Story) -> re.Pattern | None:
    names = {c.actor for c in story.characters.values() if c.actor}
    names |= {n for n, kind in story.non_characters.items() if kind == "actor" and " " in n}
    names = {n for n in names if len(n) > 3}
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")


def classify(text: str, lang: str, *, n_characters: int, actor_outside_parens: bool) -> str:
    """story | production | reception for one sentence."""
    folded = fold(PAREN.sub(" ", text))
    toks = tokens(folded)
    if cues(lang, "events", "story_setting").find(folded, toks) and not actor_outside_parens:
        return "story"  # "The film is set in X in 1957" states the story's setting and time
    # evaluative adjectives ("great", "fine") count half: stories use them too ("the great crane")
    rec = len(cues(lang, "events", "reception").find(folded, toks))
    rec += 0.5 * len(cues(lang, "events", "reception_weak").find(folded, toks))
    prod = len(cues(lang, "events", "production").find(folded, toks))
    if actor_outside_parens:
        rec += 2
    if prod and prod >= rec and not (n_characters and prod < 2):
        return "production"
    if rec >= 2 or (rec >= 1 and n_characters == 0):
        return "reception" if rec > prod or not prod else "production"
    return "story"


COLON = re.compile(r"(?<=\w)[:—–]\s+(?=\w)")


def _parts(sent: Sentence, clean: str) -> list[tuple[int, int]]:
    """Clause spans, further cut at a colon or dash between two statements."""
    spans = [(c.cstart, c.cend) for c in sent.clauses] or [(sent.cstart, sent.cend)]
    out = []
    for a, b in spans:
        cut = a
        for m in COLON.finditer(clean, a, b):
            if len(clean[cut:m.start()].split()) >= 4 and len(clean[m.end():b].split()) >= 4:
                out.append((cut, m.start() + 1))
                cut = m.end()
        out.append((cut, b))
    return out


def _spans(sent: Sentence, clean: str, timex: list[TimeExpr], lang: str, sent_kind: str,
           n_chars, actor_out) -> list[tuple[int, int, str]]:
    """Events in a sentence as (cstart, cend, kind): parts of one kind stay together unless a later
    part carries its own time, which makes it an event of its own."""
    parts = _parts(sent, clean)
    if len(parts) == 1:
        return [(sent.cstart, sent.cend, sent_kind)]
    out: list[list] = []
    for a, b in parts:
        # a clause opening with its own time ("and that evening ...") is an event of its own;
        # a time inside a subordinate aside is not
        own_time = any(a <= t.cstart <= a + 12 for t in timex)
        kind = classify(clean[a:b], lang, n_characters=n_chars(a, b), actor_outside_parens=actor_out(a, b))
        if kind == "story" and not own_time and sent_kind != "story":
            kind = sent_kind
        if out and out[-1][2] == kind and not (own_time and kind == "story" and a > sent.cstart):
            out[-1][1] = b
        else:
            out.append([a, b, kind])
    return [tuple(x) for x in out]


def _strip_leading(text: str, lang: str, timex: list[TimeExpr], offset: int) -> str:
    """Drop leading time adverbials and connectors: "The next day, they are arrested" -> "They are arrested"."""
    for _ in range(4):
        before = text
        for t in timex:
            rel = t.cstart - offset
            if 0 <= rel <= 12 and text[:rel].strip().lower() in ("", "on", "in", "at", "el", "la", "en", "il", "nel", "a", "al", "the"):
                text = text[rel + (t.cend - t.cstart):]
                text = LEADING_PUNCT.sub("", text)
                offset = t.cend
                break
        f = fold(text)
        for w in _words(lang, "leading_adverbials"):
            if f.startswith(w) and (len(f) == len(w) or not f[len(w)].isalnum()):
                text = LEADING_PUNCT.sub("", text[len(w):])
                break
        if text == before:
            break
    return text


APPOSITIVE = re.compile(r", ((?:[^,;:()]+?\s){0,3}[^,;:()\s]+), ")


def headline(text: str, lang: str, timex: list[TimeExpr], cstart: int) -> str:
    """A slide title: leading time adverbials and connectors, asides in brackets and, when too
    long, short appositives (", the mine superintendent,") dropped; cut at a clause if still long."""
    t = _strip_leading(text, lang, timex, cstart)
    t = t.strip()
    if t.startswith("(") and t.rstrip(". ").endswith(")"):
        t = t.strip("(). ")
    prev = None
    while prev != t:  # nested brackets go inner first
        prev, t = t, PAREN.sub("", t)
    t = re.sub(r"\s+", " ", t).strip().rstrip(".;:, ")
    if not t:
        t = re.sub(r"\s+", " ", text).strip()
    t = t[0].upper() + t[1:] if t else t
    while len(t) > TITLE_MAX:
        shorter = APPOSITIVE.sub(" ", t, count=1)
        if shorter == t:
            break
        t = shorter
    if len(t) > TITLE_MAX:
        cut = max(t.rfind(", ", 0, TITLE_MAX - 1), t.rfind("; ", 0, TITLE_MAX - 1))
        if cut >= 50:
            t = t[:cut]
        else:
            t = t[:TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(",;: ") + "…"
    return t[:TITLE_MAX]


def summarize(text: str, actors: re.Pattern | None) -> str:
    s = text
    if actors is not None:
        s = re.sub(r"\s*\((" + actors.pattern + r")\)", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    if len(s) > SUMMARY_MAX:
        s = s[:SUMMARY_MAX - 1].rsplit(" ", 1)[0] + "…"
    return s


def category(concepts: list[str]) -> str:
    """The most cued category; on a tie the one cued first. Concepts of category "other" never decide."""
    cats = _categories()
    counts: dict[str, int] = {}
    for c in concepts:
        cat = cats.get(c, "other")
        if cat != "other":
            counts[cat] = counts.get(cat, 0) + 1
    if not counts:
        return "other"
    top = max(counts.values())
    return next(cat for cat, n in counts.items() if n == top)


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


def run(story: Story) -> Story:
    mentions = _index(story.mentions, lambda m: (m.doc, m.sent))
    places = _index(story.place_mentions, lambda m: (m.doc, m.sent))
    timex = _index(story.timex, lambda t: (t.doc, t.sent))
    actors = _actor_pattern(story)
    doc_rank = {d.doc: i for i, d in enumerate(story.docs)}
    events: list[Event] = []
    for doc in story.docs:
        lang = doc.lang
        pronouns = set(_words(lang, "subject_pronouns"))
        plural = set(_words(lang, "plural_pronouns"))
        prev_story: Event | None = None
        n_in_doc = 0
        for sent in story.sentences_of(doc.doc):
            key = (doc.doc, sent.idx)
            sent_tx = timex.get(key, [])
            outside = PAREN.sub(" ", sent.text)
            actor_out = bool(actors and actors.search(outside))
            sent_m = mentions.get(key, [])
            kind = classify(sent.text, lang, n_characters=len(sent_m), actor_outside_parens=actor_out)

            def n_chars(a, b, ms=sent_m):
                return sum(a <= m.cstart < b for m in ms)

            def actor_in(a, b):
                return bool(actors and actors.search(PAREN.sub(" ", doc.clean[a:b])))

            for cstart, cend, kind in _spans(sent, doc.clean, sent_tx, lang, kind, n_chars, actor_in):
                text = doc.clean[cstart:cend].strip()
                lead = len(doc.clean[cstart:cend]) - len(doc.clean[cstart:cend].lstrip())
                cstart += lead
                cend = cstart + len(text)
                folded = fold(text)
                toks = tokens(folded)
                if len(toks) < 3:
                    continue
                ms = [m for m in sent_m if cstart <= m.cstart < cend]
                tx = [t for t in sent_tx if cstart <= t.cstart < cend]
                # names are not vocabulary: "Hope", "King" or "Hunter" must not read as concepts
                masked = text
                for m in ms + [p for p in places.get(key, []) if cstart <= p.cstart < cend]:
                    a, b = m.cstart - cstart, m.cend - cstart
                    if 0 <= a < b <= len(masked):
                        masked = masked[:a] + " " * (b - a) + masked[b:]
                mfold = fold(masked)
                concepts = cues(lang, "concepts", "concepts").find(mfold, tokens(mfold))
                names = _char_names(story, ms)
                has_pron = bool(pronouns.intersection(toks[:6]))
                if kind == "story":
                    if not names and has_pron and prev_story is not None:
                        names = list(prev_story.characters) if plural.intersection(toks[:6]) else prev_story.characters[:1]
                    worthy = names or tx or concepts or len(toks) >= 8
                    if not worthy or len(toks) < 4:
                        continue
                start, end = doc.to_raw(cstart, cend)
                src = Source(doc=doc.doc, lang=lang, start=start, end=end, text=text, sent=sent.idx,
                             order_in_doc=n_in_doc)
                n_in_doc += 1
                place_names = []
                for p in places.get(key, []):
                    if cstart <= p.cstart < cend and p.char_id not in place_names:
                        place_names.append(p.char_id)
                ev = Event(title=headline(text, lang, tx, cstart), summary=summarize(text, actors),
                           kind=kind, category=category(concepts) if kind == "story" else kind,
                           characters=names, places=place_names, sources=[src], lang=lang, timex=tx,
                           told=doc_rank[doc.doc] * 1e7 + cstart)
                ev.extra.update(titles={lang: ev.title}, summaries={lang: ev.summary},
                                concepts=set(concepts), char_ids=_char_ids(story, ms),
                                anchors=_anchors(text, ms, tx), doc=doc.doc, cstart=cstart, cend=cend)
                events.append(ev)
                if kind == "story":
                    prev_story = ev
    story.events = scenes(events)
    return story


SCENE_MAX = 2  # sentences; longer runs would swallow separate events


def scenes(events: list[Event]) -> list[Event]:
    """Join a story sentence to the one before it in the same document when it carries on the same
    scene: no time expression of its own, the same people (at most one newcomer), a shared cue."""
    out: list[Event] = []
    for ev in events:
        prev = out[-1] if out else None
        if (prev is not None and ev.kind == prev.kind == "story" and not ev.timex
                and prev.sources[0].doc == ev.sources[0].doc
                and len(prev.sources) < SCENE_MAX
                and ev.sources[0].sent == prev.sources[-1].sent + 1
                and _same_scene(prev, ev)):
            prev.sources.append(ev.sources[0])
            prev.summary = summarize(prev.summary + " " + ev.summary, None)
            prev.extra["summaries"][prev.lang] = prev.summary
            for c in ev.characters:
                if c not in prev.characters:
                    prev.characters.append(c)
            for p in ev.places:
                if p not in prev.places:
                    prev.places.append(p)
            for k in ("concepts", "char_ids", "anchors"):
                prev.extra[k] = prev.extra[k] | ev.extra[k]
            if prev.category == "other":
                prev.category = ev.category
            continue
        out.append(ev)
    return out


def _same_scene(a: Event, b: Event) -> bool:
    new = set(b.characters) - set(a.characters)
    shared_people = bool(set(b.characters) & set(a.characters))
    shared_cue = bool(a.extra["concepts"] & b.extra["concepts"]) or bool(a.extra["anchors"] & b.extra["anchors"])
    if not b.characters:
        return shared_cue
    return shared_people and len(new) <= 1 and (shared_cue or not new)


NUM = re.compile(r"\b\d[\d.,]*\b")
CAP = re.compile(r"(?<![\w'])([A-ZÀ-Ý][\w'’-]{2,})")


def _anchors(text: str, ms: list[Mention], tx: list[TimeExpr]) -> set[str]:
    """Language-neutral tokens two tellings of one event tend to share: numbers and proper nouns."""
    out = {n.replace(",", "").replace(".", "") for n in NUM.findall(text)}
    names = " ".join(m.text for m in ms)
    for m in CAP.finditer(text):
        w = m.group(1)
        if m.start() == 0 or w in names:
            continue
        out.add(fold(w))
    # cognates: "campo base" / "base camp", "expedition" / "expedición" share a word start
    for w in tokens(fold(text)):
        if len(w) >= 6 and not w.isdigit():
            out.add("~" + w[:5])
    return {a for a in out if a}
