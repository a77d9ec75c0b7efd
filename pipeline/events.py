"""Stage: events. One event per story sentence (or per clause that carries its own time).

Each event gets a kind (story / production / reception: pipeline/kind.py), a headline and a summary
(pipeline/headline.py), a category from language-independent concepts (pipeline/categorize.py), its
characters (pipeline/participants.py) and places. This module cuts sentences into events and joins
the sentences of one scene.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from . import lexicons
from .clauses import NEW_ACTION, OWN_TIME, _drop_relative, aside as _participle_aside, _other_subject, _other_date, _parts, _ruled_parts, shifts  # noqa: F401 (_parts: tests)
from .model import Event, Mention, Sentence, Source, Story, TimeExpr
from .textutil import concepts_in, fold, tokens
# re-exported: other modules and the tests import these names from pipeline.events
from .categorize import category, concept_weights  # noqa: F401
from .headline import (LEADING_PUNCT, PAREN, SUMMARY_MAX, TITLE_MAX, _strip_leading, _words,  # noqa: F401
                       headline, summarize)
from .events_cast import outside_story
from .events_scenes import scenes
from .kind import cast_names as kind_cast_names  # noqa: E402
from .kind import (NAME_RE, QUOTED_RE, _actor_pattern, _author_subject, _crew_pattern, _title_re, authors,  # noqa: F401
                   classify, evidence, framing_len, paragraph_kinds, section_kinds, strong_kind, work_titles)
from .kind_doc import OWNED  # noqa: E402
from .participants import (Tracker, opening_phrase_len, _char_ids, _char_names, _pronouns, _subject_names, full_names,  # noqa: F401
                           full_names_in, genders)


def _index(items, key):
    out = defaultdict(list)
    for it in items:
        out[key(it)].append(it)
    return out


def _spans(sent: Sentence, clean: str, timex: list[TimeExpr], lang: str, sent_kind: str,
           n_chars, actor_out, persons=lambda a, b: []) -> list[tuple[int, int, str]]:
    """Events in a sentence as (cstart, cend, kind): parts of one kind stay together unless a later
    part carries its own time, which makes it an event of its own."""
    start = sent.cstart
    frame = framing_len(clean[sent.cstart:sent.cend], lang)
    if frame:
        # "In the novel by X, «T», the inspector investigates ... on 3 November 1952": the framing says
        # which work; the clause after it is judged on its own (a character and a date make it story)
        start = sent.cstart + frame
        sent_kind = classify(clean[start:sent.cend], lang, n_characters=n_chars(start, sent.cend),
                             actor_outside_parens=actor_out(start, sent.cend),
                             has_date=any(start <= t.cstart < sent.cend and t.kind in DATED for t in timex))
    parts = [(max(a, start), b, rule) for a, b, rule in _ruled_parts(sent, clean, lang, timex) if b > start + 1]
    if len(parts) == 1:
        return [(parts[0][0], parts[0][1], sent_kind, "")]
    out: list[list] = []
    for a, b, rule in parts:
        # a clause opening with its own time ("and that evening ...", "and then") is an event of its own;
        # a time inside a subordinate aside is not
        own_time = (any(a <= t.phrase_start <= a + 12 for t in timex) or _opens_with_time(clean[a:b], [], a, lang)
                    or shifts(clean[a:b], lang))
        kind = classify(clean[a:b], lang, n_characters=n_chars(a, b), actor_outside_parens=actor_out(a, b))
        if kind == "story" and not own_time and sent_kind != "story":
            kind = sent_kind
        if out and not own_time and clean[max(0, a - 3):a].strip().endswith(":"):
            kind = out[-1][2]  # what follows a colon says more of the same, unless it has its own time
        # a new action (pipeline/clauses.py) or a date other than the one the event so far states: a new event
        new_date = bool(out) and _other_date(timex, out[-1][0], out[-1][1], a, b)
        # after a colon, a time anywhere in the clause ("...: la madre si sveglia otto mesi dopo") is a
        # later moment, not more of the same
        colon_time = rule == "colon" and any(a <= t.cstart < b and t.kind in OWN_TIME for t in timex)
        new = (own_time or rule in NEW_ACTION or new_date or colon_time
               or _other_subject(clean, start, a, b, lang, persons)) and kind == "story" and a > start
        if out and out[-1][2] == kind and not new:
            out[-1][1] = b
        else:
            out.append([a, b, kind, rule if rule in NEW_ACTION or rule == "participle_open" else ""])
    return [tuple(x) for x in out]


HEADING_END = re.compile(r"[.!?…:;,\"'”»)\]]\s*$")
# "The Lantern Keeper (2019)", "The Lantern Keeper (Il guardiano del faro)", "The Great Flood (1910-1912)": a
# title line; the trailing brackets do not make it a sentence
YEAR_TAIL = re.compile(r"\s*\([^()]{1,60}\)\s*$")
HEADING_MAX_WORDS = 10
# the edit link a wiki puts after its section headings: empty brackets or one word; "[1]" is a footnote
EDIT_MARK = re.compile(r"\S\s*\[\s*(?:[^\W\d_]{3,20}\s*)?\]\s*$")
TITLE_LINE = re.compile(r"^[^.!?]{2,60}\(\s*\d{4}\s*\)")
TITLE_LINE_WORDS = 6
DATED = ("date", "month", "season", "year", "decade")


def headings(sents: list[Sentence], busy: frozenset[int] | set[int] = frozenset()) -> set[int]:
    """Sentence.idx of headings: a short line without final punctuation that is a paragraph of its own
    ("Chapter Nine", "Lezione 7 – La rivolta", "L'alluvione di Valmora"), or a very short label opening a
    paragraph ("Background.", "Course of the strike.", "Capitolo 7.") even with its full stop, and a
    title line right after such a label. `busy`: sentences naming a character or stating a date, which
    are never labels. Never events."""
    out: set[int] = set()
    for k, s in enumerate(sents):
        first = k == 0 or sents[k - 1].para != s.para or sents[k - 1].idx in out
        last = k + 1 == len(sents) or sents[k + 1].para != s.para
        alone = first and last
        text = YEAR_TAIL.sub("", s.text)
        n = len(text.split())
        if not text:
            continue
        if alone and n <= HEADING_MAX_WORDS and (not HEADING_END.search(text) or EDIT_MARK.search(s.text)):
            out.add(s.idx)  # with a wiki's edit mark ("«Una frase» [edit]", "Biography[]") a line is a heading
        elif first and n <= TITLE_LINE_WORDS and TITLE_LINE.match(s.text):
            out.add(s.idx)  # "The Lantern Keeper (2019) Dir." opening a line: the work's title, cut by an abbreviation
        elif (first and s.idx not in busy and not HEADING_END.search(text.rstrip(".").rstrip())
              and (n <= LABEL_MAX_WORDS if text.rstrip().endswith(".") else n <= HEADING_MAX_WORDS)
              and (not last or not text.rstrip().endswith("."))
              and text.rstrip().count(".") <= 1 and text[:1].isupper()
              and not (PRONOUN_WORDS & set(tokens(fold(text))))):
            # a label inside a paragraph: "Aftermath. In 1903 ..." / "Capitolo 7. Lo sciopero ..."
            out.add(s.idx)
    return out


# "She dies." is a clause, not a label: any subject pronoun of the three languages rules a label out
PRONOUN_WORDS = frozenset({"he", "she", "they", "it", "we", "i", "you", "el", "ella", "ellos", "ellas", "lui", "lei",
                           "loro", "io", "noi", "yo", "nosotros", "egli", "essa", "esso"})
LABEL_MAX_WORDS = 4  # "Course of the strike." - longer sentences ending in a full stop are statements


def _first_pronoun(text: str, start: int, end: int, words) -> tuple[str | None, int | None]:
    """The first subject pronoun among the first eight words of text[start:end], and where it stands."""
    for k, w in enumerate(WORD_RAW.finditer(text, start, end)):
        if k >= 8:
            break
        if w.group().casefold() in words:
            return w.group().casefold(), w.start()
    return None, None


def _lead_len(text: str, lang: str, tx: list[TimeExpr], cstart: int) -> int:
    """How many characters of `text` the opening time phrase and connectors take."""
    rest = _strip_leading(text, lang, tx, cstart)
    return len(text) - len(rest)


def run(story: Story) -> Story:
    mentions = _index(story.mentions, lambda m: (m.doc, m.sent))
    places = _index(story.place_mentions, lambda m: (m.doc, m.sent))
    timex = _index(story.timex, lambda t: (t.doc, t.sent))
    actors = _actor_pattern(story)
    crew = _crew_pattern(story)
    writers = authors(story)
    doc_rank = {d.doc: i for i, d in enumerate(story.docs)}
    gender = genders(story)
    cast_names = full_names(story)
    names = kind_cast_names(story)
    by_doc = _index(story.sentences, lambda s: s.doc)
    events: list[Event] = []
    for doc in story.docs:
        lang = doc.lang
        pronouns = _pronouns(lang, "subject_pronouns")
        plural = _pronouns(lang, "plural_pronouns")
        tracker = Tracker(story, lang, gender)
        n_in_doc = 0
        sents = by_doc.get(doc.doc, [])
        busy = {k[1] for k in mentions if k[0] == doc.doc} | {
            k[1] for k, ts in timex.items() if k[0] == doc.doc and any(t.kind in DATED for t in ts)}
        heads = headings(sents, busy)
        kinds = _sentence_kinds(story, doc, sents, heads, mentions, timex, actors, crew, writers, names)
        label = ""
        for sent in sents:
            if sent.idx in heads:
                label = sent.text.strip()  # an era/act label for the events under it, not an event
                continue
            key = (doc.doc, sent.idx)
            sent_tx = timex.get(key, [])
            sent_m = mentions.get(key, [])
            kind = kinds[sent.idx]

            def n_chars(a, b, ms=sent_m):
                return sum(a <= m.cstart < b for m in ms)

            def actor_in(a, b):
                return bool(actors and actors.search(PAREN.sub(" ", _unbracketed(story, doc.doc, a, b))))

            main: Event | None = None
            sent_subj: list[str] = []  # the subject of the sentence's first clause, for clauses that drop it
            opening_ev: Event | None = None  # a participle opening waiting for its subject
            side_ev: Event | None = None  # the participle aside just made, if the main clause has no event yet
            opens = True  # the next event starts its sentence (only such an event may join the sentence before)
            def persons(a, b, ms=sent_m):
                return [(m.cstart, m.char_id) for m in ms if a <= m.cstart < b]

            for cstart, cend, kind, role in _asides(_spans(sent, doc.clean, sent_tx, lang, kind, n_chars, actor_in,
                                                           persons), doc.clean, sent_tx, lang):
                if role == "cont" and (main is not None or side_ev is not None):
                    # the main clause resumes after an aside; when what came before the aside was no event of
                    # its own ("Este muro, construido en 1961, dividía ..."), it goes on the aside's event
                    _continue(main or side_ev, doc, cstart, cend, sent, sent_tx, mentions.get(key, []), story,
                              actors)
                    continue
                side_ev = None
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
                concepts = concepts_in(lang, mfold)
                names = [n for n in _char_names(story, ms) if n not in writers]
                # the subject: a name or a pronoun opening the clause once its time phrase is dropped
                lead_n = _lead_len(text, lang, tx, cstart)
                body_at = cstart + lead_n
                pron, pron_at = _first_pronoun(text, lead_n, len(text), pronouns | plural)
                if pron_at is not None:
                    pron_at += cstart
                # "In a letter to his friend Father Osti, dated ..., he defended": a name inside an opening
                # prepositional phrase is not the subject; the subject is told after the phrase's comma
                subj_from = body_at + opening_phrase_len(doc.clean[body_at:cend], lang)
                if pron_at is not None and pron_at < subj_from:
                    pron, pron_at = _first_pronoun(doc.clean, subj_from, cend, pronouns | plural)
                subj_m = next((m for m in ms if subj_from <= m.cstart <= subj_from + 40), None)
                body = doc.clean[body_at:cend]
                known = {cid for m in ms for cid in _char_ids(story, [m])}
                extra_ids = full_names_in(cast_names, text, known)
                carried: list[str] = []   # persons the clause stands for without naming them
                named_subject = False
                dropped = tracker.dropped_subject(body, doc.clean) if (
                    subj_m is None or subj_m.cstart > body_at + 1) and pron is None else None
                if dropped:
                    # "Tuvo dos hermanos, Gino y Anna": the verb comes first, the names after it are objects
                    subj_m = None
                aside_of: list[str] = []
                side_note = False
                # "A speech doctor tells Tom ...": someone not named is the subject, the name after is an object
                unnamed = kind == "story" and tracker.opens_unnamed(body)
                if unnamed:
                    subj_m, pron, pron_at, dropped = None, None, None, None
                    subj_ids = []
                elif subj_m is not None and (pron_at is None or subj_m.cstart < pron_at):
                    subj_ids = tracker.persons([subj_m])
                    named_subject = True
                    pron = None  # a pronoun after the subject is an object or another clause's subject
                    side_note, aside_of = tracker.aside_subject(doc.clean[subj_m.cend:cend], subj_ids)
                elif pron is not None:
                    subj_ids = carried = tracker.pronoun(pron)
                else:
                    subj_ids = carried = (tracker.pair(body) or dropped or [])
                if role == "nonfinite" and sent_subj:
                    # "..., después de casarse con Luis": a non-finite verb has the sentence's subject, never a
                    # name after it
                    subj_ids = carried = list(sent_subj)
                    named_subject = False
                # a relative or a participle after a noun tells of that noun, not of the sentence's subject
                if not subj_ids and role in NEW_ACTION and role not in ("rel_date", "apposition") and sent_subj:
                    # "..., dove viene arrestato" / "y, en 1936 se graduó": the clause's subject is the sentence's
                    subj_ids = carried = list(sent_subj)
                if subj_ids and not sent_subj:
                    sent_subj = list(subj_ids)
                if aside_of:
                    carried = [c for c in aside_of if c not in subj_ids]
                if not carried:
                    # "someone steals his model" / "Her brother Tomas runs ...": whose, when told before any name
                    first = min((m.cstart for m in ms), default=cend)
                    owners = tracker.possessive(doc.clean[body_at:first]) if first > body_at else []
                    carried = [c for c in owners if c not in known and c not in subj_ids]
                # a dropped subject is a guess: it names the event's people but does not join scenes
                subject = None if dropped and subj_ids == dropped else (frozenset(subj_ids) or None)
                if kind == "story":
                    carried_names = [story.characters[c].name for c in carried + extra_ids if c in story.characters]
                    names = list(dict.fromkeys(carried_names[:len(carried)] + names + carried_names[len(carried):]))
                    worthy = names or tx or concepts or len(toks) >= 8
                    # "Laureatasi nel 1936, ...": a dated participle opening is an event in three words
                    if not worthy or len(toks) < (3 if role == "participle_open" and tx else 4):
                        continue
                    tracker.see(ms, subj_ids, relational=side_note or (
                        named_subject and tracker.relational(doc.clean[body_at:subj_m.cstart])))
                    if unnamed:
                        tracker.see_unnamed()
                start, end = doc.to_raw(cstart, cend)
                src = Source(doc=doc.doc, lang=lang, start=start, end=end, text=text, sent=sent.idx,
                             order_in_doc=n_in_doc)
                n_in_doc += 1
                place_names = []
                for p in places.get(key, []):
                    if cstart <= p.cstart < cend and p.char_id not in place_names:
                        place_names.append(p.char_id)
                # the main action decides the category: its clause starts after the opening time phrase
                weights = concept_weights(masked, lang, max(body_at - cstart, 0))
                # the clause's own words; its dropped subject is among the event's characters, not in the title
                title = headline(_drop_relative(text, role), lang, tx, cstart)
                ev = Event(title=title, summary=summarize(text, actors),
                           kind=kind, category=category(weights) if kind == "story" else kind,
                           characters=names, places=place_names, sources=[src], lang=lang, timex=tx,
                           told=doc_rank[doc.doc] * 1e7 + cstart)
                ev.extra.update(titles={lang: ev.title}, summaries={lang: ev.summary},
                                concepts=set(concepts), char_ids=_char_ids(story, ms) | set(extra_ids),
                                cat_weights=weights,
                                anchors=_anchors(text, ms, tx, lang), doc=doc.doc, cstart=cstart, cend=cend,
                                para=sent.para, subject=subject, own_time=bool(tx) and lead_n > 0 or _opens_with_time(
                                    text, tx, cstart, lang) or shifts(text, lang),
                                subject_names=_subject_names(story, subject))
                if label:
                    ev.extra["heading"] = label
                ev.extra["opens_sentence"] = opens and cstart - sent.cstart <= 3
                if role == "nonfinite":
                    ev.extra["side_time"] = True  # "..., after winning a prize in 1919": not where the story is
                # "She is flown out ..." carries on the scene; "Here she became ...", "After studying in X, on
                # her return she ..." open with something else first: a new moment of their own
                ev.extra["subject_opens"] = (subj_m is not None and named_subject and subj_m.cstart - cstart <= 1) or (
                    pron_at is not None and pron is not None and pron_at - cstart <= 1)
                opens = False
                if opening_ev is not None and not opening_ev.characters and kind == "story":
                    # "Laureatasi nel 1936, Lucia ...": the participle's subject is the main clause's
                    who = [story.characters[c].name for c in subj_ids if c in story.characters]
                    opening_ev.characters = who
                    opening_ev.extra["char_ids"] = opening_ev.extra["char_ids"] | set(subj_ids)
                opening_ev = ev if role == "participle_open" else None
                events.append(ev)
                if role in ("aside", "rel", "rel_date", "aside_participle", "apposition"):
                    ev.extra.update(subject=None, own_time=True)  # a flashback aside is a scene of its own
                    ante = [m for m in sent_m if m.cend <= cstart]
                    if role in ("rel_date", "aside_participle", "apposition"):
                        ev.extra["side_time"] = True  # its date is its own: the story's dates go on without it
                    if role == "aside_participle" and main is None:
                        side_ev = ev
                    if role in ("aside_participle", "apposition") and main is not None:
                        # a past participle tells what was done before the clause it hangs on ("assigned to
                        # the murder of L., attacked in her home"): at the same date it goes just ahead of it
                        ev.extra.setdefault("before", main)
                        # only the noun right before the comma is what the relative or participle tells of
                        # ("del Dialogo, stampato nel 1632" is not about the person named earlier)
                        ante = [m for m in ante if not doc.clean[m.cend:cstart].strip(" ,")]
                    if ante and role in ("aside_participle", "apposition"):
                        # "Magellano, nato il 4 febbraio 1480": the participle is told of the name before it
                        for n in _char_names(story, ante[-1:]):
                            if n not in ev.characters:
                                ev.characters.insert(0, n)
                        ev.extra["char_ids"] = ev.extra["char_ids"] | _char_ids(story, ante[-1:])
                        ante = []
                    if ante:  # "the count, who in 1848 had founded ..." is about the count
                        rel = re.sub(r"^\W*\w+\s+", "", text, count=1)
                        ev.title = headline(ante[-1].text + " " + rel, lang, tx, cstart)
                        ev.extra["titles"] = {lang: ev.title}
                        for n in _char_names(story, ante[-1:]):
                            if n not in ev.characters:
                                ev.characters.insert(0, n)
                        ev.extra["char_ids"] = ev.extra["char_ids"] | _char_ids(story, ante[-1:])
                    continue
                main = ev
    story.events = scenes(events)
    outside_story(story)
    return story



def _unbracketed(story: Story, doc: str, a: int, b: int, text: str | None = None) -> str:
    """The clean text [a, b) (or `text`, which starts at a) with the actors credited after their part on a page that
    lost the brackets blanked out: "Tom Reyes Sam Hale" is "Tom Reyes (Sam Hale)", no actor praised in the prose."""
    text = story.doc(doc).clean[a:b] if text is None else text
    for s, e in story.credit_spans.get(doc, ()):
        if a <= s and e <= a + len(text):
            text = text[:s - a] + " " * (e - s) + text[e - a:]
    return text


def _sentence_kinds(story: Story, doc, sents: list[Sentence], heads: set[int], mentions, timex, actors, crew,
                    writers, names: set[str]) -> dict[int, str]:
    """The kind of every sentence of a document: its own evidence (kind.evidence, the work's title, an
    author or crew member as subject), then its paragraph's (kind.paragraph_kinds)."""
    lang = doc.lang
    titles = _title_re(work_titles(story, doc.doc, [s.text for s in sents if s.idx in heads], names))
    items = []
    for sent in sents:
        if sent.idx in heads:
            continue
        key = (doc.doc, sent.idx)
        sent_tx = timex.get(key, [])
        sent_m = mentions.get(key, [])
        actor_out = bool(actors and actors.search(PAREN.sub(" ", _unbracketed(story, doc.doc, sent.cstart, sent.cend,
                                                                           sent.text))))
        kind, strength = evidence(sent.text, lang, n_characters=len(sent_m), actor_outside_parens=actor_out,
                                  has_date=any(t.kind in DATED for t in sent_tx),
                                  about_work=bool(titles and titles.search(sent.text)))
        if kind == "story" and (writers or crew is not None):
            body = _strip_leading(sent.text, lang, sent_tx, sent.cstart)
            if writers and _author_subject(body, writers):
                kind, strength = "reception", "strong"  # about the author's craft, not the story
            elif crew is not None and crew.match(body) and not any(
                    m.cstart - sent.cstart <= len(sent.text) - len(body) + 2 for m in sent_m):
                kind, strength = "production", "strong"  # the subject is the director or another crew member
        if strength == "story" and sent_tx:
            strength = "dated"  # a character and a time of the story ("Un año después, Lucía ..."): story time
        elif (strength == "story" and all(OWNER.match(doc.clean, m.cend) for m in sent_m)
              and len(doc.clean[sent.cstart:min(m.cstart for m in sent_m)].split()) <= OWNER_LEAD):
            # "Some of X's letters survive in ...": the subject is a thing of a character; a remark if from
            # today. Deeper in the sentence ("a young engineer finds a flaw in X's drawings") the owner says nothing
            strength = OWNED
        items.append((sent.idx, sent.para, kind, strength))
    return paragraph_kinds(items, section_kinds([(s.idx, s.para, s.idx in heads, s.text) for s in sents], lang,
                                                  names))

WORD_RAW = re.compile(r"\w+")
OWNER = re.compile(r"\\?['’]s\b")  # a name's English genitive (a page may escape the apostrophe)
OWNER_LEAD = 3  # words before an owner opening the subject ("Some of X's ...")


@lru_cache(maxsize=None)
def _aside_re(lang: str) -> re.Pattern | None:
    rel = _words(lang, "relative_pronouns")
    if not rel:
        return None
    return re.compile(r",\s+((?:" + "|".join(re.escape(w) for w in rel) + r")\s[^,;:()]{10,160}?),\s", re.I)


def _asides(spans, clean: str, timex: list[TimeExpr], lang: str):
    """A relative aside that carries its own date ("the count, who in 1848 had founded the society,
    proclaimed ...") is an event of its own; the main clause continues after it as a second source."""
    pat = _aside_re(lang)
    for a, b, kind, role in spans:
        m = pat.search(fold(clean[a:b])) if pat is not None and kind == "story" and not role else None
        if m is not None:
            s, e = a + m.start(1), a + m.end(1)
            if any(s <= t.cstart < e and t.kind in DATED for t in timex) and len(clean[s:e].split()) >= 4:
                yield a, a + m.start(), kind, ""
                yield s, e, kind, "aside"
                yield a + m.end(), b, kind, "cont"
                continue
        part = _participle_aside(clean, a, b, lang, timex) if kind == "story" and not role else None
        if part is not None:
            yield a, part[0], kind, ""
            yield part[0], part[1], kind, "aside_participle"
            yield part[1] + 1, b, kind, "cont"
            continue
        yield a, b, kind, role


def _continue(ev: Event, doc, cstart: int, cend: int, sent: Sentence, sent_tx: list[TimeExpr],
              sent_m: list[Mention], story: Story, actors) -> None:
    """The main clause resumes after an aside: a second source of the same event."""
    text = doc.clean[cstart:cend].strip()
    cstart += len(doc.clean[cstart:cend]) - len(doc.clean[cstart:cend].lstrip())
    cend = cstart + len(text)
    start, end = doc.to_raw(cstart, cend)
    ev.sources.append(Source(doc=doc.doc, lang=doc.lang, start=start, end=end, text=text, sent=sent.idx,
                             order_in_doc=ev.sources[-1].order_in_doc))
    joined = ev.sources[0].text.rstrip(" ,") + " " + text
    ev.title = headline(joined, doc.lang, ev.timex, ev.extra["cstart"])
    ev.summary = summarize(joined, actors)
    ev.extra.update(titles={doc.lang: ev.title}, summaries={doc.lang: ev.summary}, cend=cend)
    ms = [m for m in sent_m if cstart <= m.cstart < cend]
    for n in _char_names(story, ms):
        if n not in ev.characters:
            ev.characters.append(n)
    ev.extra["char_ids"] = ev.extra["char_ids"] | _char_ids(story, ms)
    ev.timex = ev.timex + [t for t in sent_tx if cstart <= t.cstart < cend]
    f = fold(text)
    ev.extra["concepts"] = ev.extra["concepts"] | set(concepts_in(doc.lang, f))
    ev.extra["anchors"] = ev.extra["anchors"] | _anchors(text, ms, [], doc.lang)
    if ev.kind == "story":
        # the main clause resumes here: its concepts weigh as main-clause ones
        weights = dict(ev.extra.get("cat_weights") or {})
        for c, w in concept_weights(text, doc.lang, 0).items():
            weights[c] = weights.get(c, 0.0) + w
        ev.extra["cat_weights"] = weights
        ev.category = category(weights)


def _opens_with_time(text: str, tx: list[TimeExpr], cstart: int, lang: str = "en") -> bool:
    """Does the text open with its own time ("The next day", or "On the fourth day" that the time
    stage may leave undated)? Two such openings are two moments: never one event."""
    if any(0 <= t.phrase_start - cstart <= 12 for t in tx):
        return True
    f = LEADING_PUNCT.sub("", fold(text))
    return any(p.match(f) for p in _time_openings(lang))


@lru_cache(maxsize=None)
def _time_openings(lang: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in lexicons.load(lang, "events").get("time_openings") or [])


NUM = re.compile(r"\b\d[\d.,]*\b")
CAP = re.compile(r"(?<![\w'])([A-ZÀ-Ý][\w'’-]{2,})")


def _anchors(text: str, ms: list[Mention], tx: list[TimeExpr], lang: str = "en") -> set[str]:
    """Language-neutral tokens two tellings of one event tend to share: numbers and proper nouns."""
    out = {n.replace(",", "").replace(".", "") for n in NUM.findall(text)}
    names = " ".join(m.text for m in ms)
    for m in CAP.finditer(text):
        w = m.group(1)
        if m.start() == 0 or w in names:
            continue
        out.add(fold(w))
    # number words: "the three sisters" / "las tres hermanas" / "le tre sorelle"
    nums = _numbers(lang)
    for w in tokens(fold(text)):
        if w in nums:
            out.add(nums[w])
    # cognates: "campo base" / "base camp", "expedition" / "expedición" share a word start
    for w in tokens(fold(text)):
        if len(w) >= 6 and not w.isdigit():
            out.add("~" + w[:5])
    return {a for a in out if a}


@lru_cache(maxsize=None)
def _numbers(lang: str) -> dict[str, str]:
    table = lexicons.load(lang, "events").get("number_words") or {}
    return {fold(w): n for n, ws in table.items() for w in ws}
