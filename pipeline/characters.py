"""Stage: characters — the cast (aliases, actors), groups, family relations, mentions, place mentions.

One regex pass per document collects capitalised name candidates with their context; evidence is
then pooled per folded name across all documents (a name is an actor everywhere once it is an
actor anywhere), names are clustered with dictionaries (O(k^2) only over distinct names, capped),
and a second linear pass per document turns occurrences, family phrases and group phrases into
`Mention`s. All language knowledge comes from pipeline/lexicons/<lang>/characters.json.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from .model import Character, Mention, Story
from .names import fold, lex, slug

# the kinds and helpers stay importable from here (pipeline.characters.PERSON, ._scan, ...)
from .characters_scan import (ACTOR, AUTHOR, COMMENT, COMMENTATOR, HONS, ORG, ORGX, PERSON, PLACE,  # noqa: F401
                              NOEV, OPINION, THING, TITLE, VEHICLE, WPLACE)
from .characters_scan import (Occ, _LOWER_WORD, _QUOTED, _called, _groups,
                              _birth_names, _crude_spans, _merge_nicknames, _reference_sentences,
                              _scan, _sentence_index, _strip_common, unwrap)
from .characters_evidence import _evidence, pronoun_evidence
from .characters_kinds import _classify, _propagate_lists, _resolve_unproven, names_beside_credits, reason
from .characters_aliases import _cluster, _distribute_surnames, merge_across_languages
from .characters_actors import _prose_tokens, find_actor_links, split_by_credited_titles, split_glued_actors
from .characters_relations import family_relations, group_mentions_of


_SPEECH = re.compile(r",[ \t]+[a-zß-ÿ]")
_TITLE_QUOTED = re.compile(r"[\"“«]([A-ZÀ-Þ][^\"“”«»\n]{0,60}?)[\"”»]")


def _title_strings(occs_by_doc: dict[str, list[Occ]], texts: dict[str, str]) -> set[str]:
    """A work's title as the documents write it: a quoted phrase, or a short first line with no full
    stop ("Farewell, Mister Quell!"), when it holds more than one name (a title that is just a person's
    name, "Ada Ruiz", says nothing against the person)."""
    out: set[str] = set()
    for doc, occs in occs_by_doc.items():
        text = texts[doc]
        # a title may end with its own "!" or "?", which the name scan's quote pattern leaves out
        cands = [q.group(1) for q in _TITLE_QUOTED.finditer(text) if len(q.group(1).split()) <= 8
                 and not _SPEECH.search(q.group(1))]
        first = text.lstrip().split("\n", 1)[0].strip()
        if first and len(first.split()) <= 6 and not first.endswith("."):
            cands.append(re.sub(r"\s*\(\d{4}\)$", "", first))
        for c in cands:
            c = c.strip(" \t!?¡¿.,;:")
            lo = text.find(c)
            inside = [o for o in occs if lo >= 0 and lo <= o.s and o.e <= lo + len(c)]
            if len(c) >= 4 and (len(inside) >= 2 or inside and len(" ".join(o.name for o in inside)) < len(c) - 6
                                and any(ch in c for ch in ",!?:")):
                out.add(c)
    return out


def _title_occurrences(occs_by_doc: dict[str, list[Occ]], texts: dict[str, str]) -> None:
    """Names inside a repetition of the work's title, in any document and quoted or not ("Why watch
    Farewell, Mister Quell?"), are pieces of the title, not mentions of people."""
    titles = sorted(_title_strings(occs_by_doc, texts), key=len, reverse=True)
    if not titles:
        return
    pat = re.compile("|".join(re.escape(t) for t in titles), re.IGNORECASE)
    for doc, occs in occs_by_doc.items():
        spans = [(m.start(), m.end()) for m in pat.finditer(texts[doc])]
        for o in occs:
            if any(a <= o.s and o.e <= b for a, b in spans):
                o.ev[TITLE] += 2


def run(story: Story) -> Story:
    """Fill story.characters, story.mentions and story.place_mentions.

    Guarantees: every Mention's text == Document.clean[cstart:cend] and `sent` is the idx of the
    Sentence containing cstart; mentions are in document order then offset; every char_id is a key
    of story.characters (groups have is_group=True and `members` = ids of cast characters);
    actors, directors and other crew are never characters; place mentions carry the place name
    as char_id. Runs in time linear in the text (one regex pass per document).
    """
    docs = [d for d in story.docs]
    clean = {d.doc: (d.clean or d.raw or "") for d in docs}
    texts = {k: unwrap(t) for k, t in clean.items()}   # same offsets; mentions take their text from `clean`
    lexes = {d.doc: lex(d.lang if d.lang in ("en", "es", "it") else "en") for d in docs}
    lower: Counter = Counter()
    occs_by_doc: dict[str, list[Occ]] = {}
    groups_by_doc: dict[str, list] = {}
    nick_pairs: list[tuple[str, Occ]] = []
    for di, d in enumerate(docs):
        text, L = texts[d.doc], lexes[d.doc]
        lower.update(_LOWER_WORD.findall(text))
        groups_by_doc[d.doc] = _groups(text, L)
        spans = sorted((g[0], g[1]) for g in groups_by_doc[d.doc])
        occs, nicks = _merge_nicknames(_scan(d.doc, di, text, L, spans), text)
        occs_by_doc[d.doc] = occs
        nick_pairs.extend(nicks)
        nick_pairs.extend(_called(occs, text, L))
        # «Corre, Leo, corre»: a quote with a lowercase word after a comma is speech, the name in it a vocative
        quoted = [(q.start(1), q.end(1)) for q in _QUOTED.finditer(text) if len(q.group(1).split()) <= 8
                  and not _SPEECH.search(q.group(1))]
        qi = 0
        for o in occs:
            while qi < len(quoted) and quoted[qi][1] < o.e:
                qi += 1
            if qi < len(quoted) and quoted[qi][0] <= o.s:
                o.ev[TITLE] += 2

    _title_occurrences(occs_by_doc, texts)

    # capitalised uses away from sentence starts tell names from common words
    noninit: Counter = Counter()
    cap_total: Counter = Counter()
    for occs in occs_by_doc.values():
        for o in occs:
            for i, (_, _, t) in enumerate(o.toks):
                cap_total[t] += 1
                if i or not o.initial or o.hon:
                    noninit[t] += 1
    for nick, _ in nick_pairs:   # the quoted nickname is a name, even if later seen only at sentence starts
        cap_total[nick] += 1
        noninit[nick] += 1
    sents_of: dict[str, list] = defaultdict(list)
    for x in story.sentences:
        sents_of[x.doc].append(x)
    all_occs: list[Occ] = []
    births: list[tuple[Occ, list[Occ]]] = []   # (birth name or nickname, the people it may belong to)
    fam_occs: list[tuple[Occ, int, int]] = []   # "la famiglia Bauer": (occ, phrase start, phrase end)
    for doc, occs in occs_by_doc.items():
        text, L = texts[doc], lexes[doc]
        in_ref, in_opinion = _reference_sentences(sents_of.get(doc, []), text, L)
        kept = []
        for o in occs:
            if len(o.toks) == 1 and cap_total[o.toks[0][2]] == 1:
                o.ev["_once"] = 1
            if not _strip_common(o, text, L, lower, noninit):
                continue
            o.ev.pop("_once", None)
            core = tuple(t for t in (fold(x[2]) for x in o.toks)
                         if t not in L.particles and not (len(t) == 2 and t.endswith(".")))
            if not core:
                continue
            if not o.hon and len(core) == 1 and core[0] in L.calendar:
                continue
            o.key = " ".join(fold(x[2]) for x in o.toks)
            o.core = core
            _evidence(o, text, L)
            if in_ref(o.s):
                o.ev[COMMENT] += 1   # a biographer's opinion, a photo credit: not the story's people
                if in_opinion(o.s):
                    o.ev[OPINION] += 1
            if len(core) == 1 and not o.hon and not o.poss:
                pre = text[max(0, o.ns - 40):o.ns]
                nb = L.famgroup_before_re.length(pre)
                na = L.famgroup_after_re.match(text[o.e:o.e + 30])
                if na and not nb:
                    nb = L.article_re.length(pre)   # "the Bauer family" with its article
                if nb or na:
                    fam_occs.append((o, o.ns - nb, o.e + na.end() if na else o.e))
                    continue
            kept.append(o)
        occs_by_doc[doc] = kept
        all_occs.extend(kept)
        spans = sorted((x.cstart, x.cend) for x in sents_of.get(doc, []))
        pronoun_evidence(kept, text, L, spans or _crude_spans(text))
        births.extend(_birth_names(kept, text, L))

    group_hints = _distribute_surnames(occs_by_doc, texts, lexes, groups_by_doc)
    forced = {fold(n): m.key for n, m in nick_pairs}

    # actors in parentheses: "Tom Reyes (Sam Hale)", "one teacher (Ada Ross)"; "Ana (née Lind)"
    actor_links, paren_births = find_actor_links(occs_by_doc, texts, lexes, _prose_tokens(occs_by_doc, texts, lexes))
    for bare, titled_key in split_by_credited_titles(actor_links, occs_by_doc, texts).items():
        forced.setdefault(bare, titled_key)

    cls, by_key = _classify(all_occs, lexes)
    glued = split_glued_actors(cls, by_key, occs_by_doc, texts)
    story.credit_spans = {}
    if glued:
        actor_links.extend(glued)
        for _, b in glued:
            story.credit_spans.setdefault(b.doc, []).append((b.s, b.e))
        all_occs = [o for occs in occs_by_doc.values() for o in occs]
    sent_at = {d.doc: _sentence_index(sents_of.get(d.doc, []), texts[d.doc]) for d in docs}
    names_beside_credits(cls, by_key, occs_by_doc, sent_at)
    for k in forced:
        if k in cls and cls[k] != ACTOR:
            cls[k] = PERSON   # a nickname is its person even when quoted
    core_of = {o.key: o.core for o in all_occs}
    counts = Counter(o.key for o in all_occs)
    derived_why = _resolve_unproven(cls, by_key, core_of)
    _propagate_lists(occs_by_doc, texts, lexes, cls, by_key, lower)
    derived_why.update(_resolve_unproven(cls, by_key, core_of))
    # birth names and nicknames: "Ana Ruiz (née Lind)", "nata con il nome di ...": the nearest person before
    for name, a in paren_births:
        births.append((next((o for o in occs_by_doc[a.doc] if o.name == name and o.s > a.s), None), [a]))
    for b, cands in births:
        target = None
        for c in cands:   # the nearest person, passing over places only ("nació en Toledo con el nombre de")
            if cls.get(c.key) == PERSON:
                target = c
                break
            if cls.get(c.key) != PLACE:
                break
        if b is not None and target is not None and b.key != target.key and cls.get(b.key) != ACTOR:
            forced.setdefault(b.key, target.key)
            cls[b.key] = PERSON

    # derived kinds: misspelt actors ("Ada Rosz" for Ada Ross), bare surnames of crew ("Marlow"),
    # single words of non-person names ("Voyager" of "Voyager 2" is numbered itself; "Kilimanjaro")
    actors = [k for k, c in cls.items() if c == ACTOR]
    person_tokens = {t for k, c in cls.items() if c == PERSON and len(core_of[k]) > 1 for t in core_of[k]}
    other_tokens: dict[str, str] = {}
    for k, c in cls.items():
        if c != PERSON and len(core_of[k]) > 1:
            for t in core_of[k]:
                other_tokens.setdefault(t, c)
    title_restored: set[str] = set()
    for k, c in list(cls.items()):
        core = core_of[k]
        if len(core) != 1 or by_key[k][ACTOR] or k in forced:
            continue
        t = core[0]
        if c == TITLE and t in person_tokens:
            cls[k] = PERSON   # "La cámara de Valdés" must not hide Ernesto Valdés
            title_restored.add(k)
        elif c == PLACE and not by_key[k][PLACE] and t in person_tokens:
            cls[k] = PERSON   # "wrote to Szabo": a weak preposition before a cast surname
        elif c == PERSON and "-" in t and not by_key[k][PERSON] \
                and all(p in person_tokens for p in t.split("-")):
            cls[k] = THING    # "Okafor-Szabo": a comet or a firm named after two of the cast
    for k, c in list(cls.items()):
        if c not in (PERSON, NOEV) or by_key[k][PERSON]:
            continue
        core = core_of[k]
        if len(core) > 1 and len(actors) < 2000:
            if any(len(core_of[a]) == len(core) and fuzz.ratio(k, a) >= 85 for a in actors):
                cls[k] = ACTOR
        elif len(core) == 1 and core[0] not in person_tokens and core[0] in other_tokens:
            cls[k] = other_tokens[core[0]]
    # "translated by Professor Ada Lind ... Professor Lind": the same title with a credited name's surname
    crew_hons = {(fold(o.hon), o.core[-1]) for o in all_occs if o.hon and cls.get(o.key) == ACTOR}
    for o in all_occs:
        if o.hon and len(o.core) == 1 and cls.get(o.key) == PERSON and (fold(o.hon), o.core[0]) in crew_hons \
                and o.core[0] not in person_tokens:
            cls[o.key] = ACTOR

    persons = {k: core_of[k] for k, c in cls.items() if c == PERSON}
    # names the later stages must recognise as not characters (an actor praised in a review)
    story.non_characters = {o.name: cls[o.key] for o in all_occs if cls.get(o.key, PERSON) != PERSON}
    story.non_character_reasons = {o.name: reason(cls[o.key], by_key[o.key]) for o in all_occs
                                   if cls.get(o.key, PERSON) != PERSON}
    not_partonly = {o.key for o in all_occs if not o.partonly}
    partonly = {k for k in persons if k not in not_partonly}
    roots, ambiguous = _cluster(persons, counts, partonly, forced)
    langs_of: dict[str, set] = defaultdict(set)
    ranks_of: dict[str, set] = defaultdict(set)   # key -> the senses of the ranks it is written with
    for o in all_occs:
        L = lexes[o.doc]
        langs_of[o.key].add(L.lang)
        if o.hon and fold(o.hon) in L.rank_senses:
            ranks_of[o.key].add(L.rank_senses[fold(o.hon)])
    merge_across_languages(roots, ambiguous, langs_of, {L.lang: L for L in lexes.values()}, ranks_of)
    hon_roots = {roots[o.key] for o in all_occs if o.hon and o.key in roots}
    hons_of: dict[str, set] = defaultdict(set)      # root -> honorifics used with it
    gender_of: dict[str, set] = defaultdict(set)    # root -> genders those honorifics imply
    for o in all_occs:
        if o.hon and o.key in roots:
            h = fold(o.hon).rstrip(".")
            hons_of[roots[o.key]].add(h)
            g = lexes[o.doc].hon_gender.get(h)
            if g:
                gender_of[roots[o.key]].add(g)

    def resolve_shared(o: Occ, lst: list, at) -> str | None:
        """A surname shared by several people ("Szabo", "il conte Ferrandi"): the same honorific,
        else the honorific's gender, then the most recently mentioned of those left."""
        cands = ambiguous[o.key]
        if o.hon:
            h = fold(o.hon).rstrip(".")
            c1 = [r for r in cands if h in hons_of[r]]
            g = lexes[o.doc].hon_gender.get(h)
            if not c1 and g:   # "Mr." is not the one who was "Mrs." elsewhere
                c1 = [r for r in cands if gender_of[r] == {g}] or [r for r in cands if gender_of[r] <= {g}]
            cands = c1 or [r for r in cands if r in hon_roots] or cands
        ids = {char_of_root[r] for r in cands if r in char_of_root}
        if len(ids) == 1:
            return next(iter(ids))
        cur = at(o.s)
        if o.hon:   # "il conte Ferrandi": the last one mentioned with that title
            for x in reversed(lst[-60:]):
                if x[2] in ids:
                    return x[2]
            return None
        # "Elena, la hija de Rota": a relation's "of X" never names the person just mentioned
        L = lexes[o.doc]
        if L.relof_re.search(texts[o.doc], max(0, o.ns - 40), o.ns):
            ids -= {x[2] for x in lst[-20:] if at(x[0]) == cur}
            if len(ids) == 1:
                return next(iter(ids))
        # a bare "Rota": when only one of them has been written with that surname in this document
        # ("Elena" alone does not make her "the Rota" of the next sentence), that one; else the only
        # one named in the last few sentences
        sur = o.core[-1]
        bearers = {x[2] for x in lst[-200:] if x[2] in ids and sur in x[3].core}
        if len(bearers) == 1:
            return bearers.pop()
        near = set()
        for x in reversed(lst[-60:]):
            if at(x[0]) < cur - 3:
                break
            if x[2] in ids:
                near.add(x[2])
        return near.pop() if len(near) == 1 else None

    # ---- characters
    members: dict[str, list[str]] = defaultdict(list)
    for k, r in roots.items():
        members[r].append(k)
    surf: dict[str, Counter] = defaultdict(Counter)
    aliases_seen: dict[str, list[str]] = defaultdict(list)
    titled: dict[str, Counter] = defaultdict(Counter)   # key -> its surfaces with a capitalised rank title
    bare: Counter = Counter()                            # key -> its uses without a title
    for o in all_occs:
        if o.key in roots:
            surf[o.key][o.name] += 1
            L = lexes[o.doc]
            if o.hon and o.hon[:1].isupper() and fold(o.hon) in L.rank_senses:
                titled[o.key][texts[o.doc][o.s:o.e]] += 1
            elif not o.hon:
                bare[o.key] += 1
    char_of_root: dict[str, str] = {}
    chars: dict[str, Character] = {}
    untitled: dict[str, str] = {}   # cid -> the name proper of a character named with its title
    for r, ks in members.items():
        best = max(ks, key=lambda k: (len(persons[k]), counts[k], len(k), k))
        name = surf[best].most_common(1)[0][0]
        if len(persons[best]) == 1 and titled[best] and not bare[best]:
            # "Queen Mary", "Duke Orlan": one word never written without its rank is named with it, as the
            # story names them ("Mary" alone could be anyone); a courtesy title ("Mrs. Cole") is no part of a name
            untitled_name = surf[best].most_common(1)[0][0]
            name = titled[best].most_common(1)[0][0]
        else:
            untitled_name = None
        cid = slug(name)
        while cid in chars:
            cid += "-2"
        chars[cid] = Character(id=cid, name=name)
        if untitled_name:
            untitled[cid] = untitled_name
        char_of_root[r] = cid

    # ---- name mentions
    mentions: list[Mention] = []
    place_mentions: list[Mention] = []
    per_doc: dict[str, list[tuple[int, int, str, Occ]]] = {}
    place_name: dict[str, str] = {}
    for o in all_occs:
        if cls.get(o.key) == PLACE:
            place_name.setdefault(o.key, o.name if len(o.name) >= len(place_name.get(o.key, "")) else "")
    for doc, occs in occs_by_doc.items():
        text, at = texts[doc], sent_at[doc]
        lst = []
        for o in occs:
            cid = None
            if o.skip or (o.key in title_restored and o.ev[TITLE] >= 2):
                continue  # the surname of "i fratelli Lanzi, ...", a surname inside a film title
            if o.key in roots:
                cid = char_of_root[roots[o.key]]
            elif o.key in ambiguous:
                cid = resolve_shared(o, lst, at)
            if cid:
                lst.append((o.s, o.e, cid, o))
                al = text[o.s:o.e]
                if al not in aliases_seen[cid]:
                    aliases_seen[cid].append(al)
            elif cls.get(o.key) == PLACE:
                place_mentions.append(Mention(doc, at(o.s), o.s, o.e, text[o.s:o.e],
                                              place_name.get(o.key) or o.name))
        per_doc[doc] = lst
    for doc, lst in per_doc.items():
        at = sent_at[doc]
        mentions.extend(Mention(doc, at(s), s, e, texts[doc][s:e], cid) for s, e, cid, _ in lst)

    # actors from parentheses
    actor_of: dict[str, list[str]] = defaultdict(list)

    def add_actor(cid: str, name: str) -> None:
        if not any(fuzz.ratio(fold(name), fold(x)) >= 85 for x in actor_of[cid]):
            actor_of[cid].append(name)
    for a, b in actor_links:
        if a.key in roots:
            add_actor(char_of_root[roots[a.key]], b.name)

    # protagonist: the most mentioned character
    mcount = Counter(m.char_id for m in mentions)
    protagonist = mcount.most_common(1)[0][0] if mcount else None
    hon_chars = {char_of_root[r] for r in hon_roots if r in char_of_root}

    # ---- family relations (two passes: facts from "his father John", then bare "his father")
    mentions.extend(family_relations(docs, texts, lexes, per_doc, sent_at, occs_by_doc, cls, protagonist, add_actor))
    occ_at = {doc: {o.s: o for o in occs} for doc, occs in occs_by_doc.items()}

    # ---- groups
    mentions.sort(key=lambda x: (x.doc, x.cstart))
    group_chars, group_mentions, absorbed = group_mentions_of(
        docs, texts, lexes, sent_at, mentions, groups_by_doc, group_hints, occ_at, roots, persons, char_of_root, hon_chars,
        fam_occs)
    if absorbed:
        mentions = [x for x in mentions if (x.doc, x.cstart) not in absorbed]
    mentions.extend(group_mentions)

    # ---- finish
    doc_order = {d.doc: i for i, d in enumerate(docs)}
    mentions.sort(key=lambda x: (doc_order.get(x.doc, 0), x.cstart))
    per_char = Counter(x.char_id for x in mentions)
    char_docs: dict[str, dict[str, None]] = defaultdict(dict)
    for x in mentions:
        char_docs[x.char_id][x.doc] = None
    why_of: dict[str, Counter] = defaultdict(Counter)   # cid -> the person evidence, most frequent first
    for o in all_occs:
        if o.key in roots:
            why_of[char_of_root[roots[o.key]]].update(o.why)
    for k, w in derived_why.items():
        if k in roots:
            why_of[char_of_root[roots[k]]][w] += 1
    for cid, c in chars.items():
        c.evidence = [w for w, _ in why_of[cid].most_common(6)]
        c.aliases = [a for a in [untitled.get(cid), *aliases_seen[cid]] if a and a != c.name]
        c.actor = ", ".join(actor_of[cid]) or None
        c.mentions = per_char[cid]
        c.docs = sorted(char_docs[cid], key=lambda x: doc_order.get(x, 0))
    for gid, g in group_chars.items():
        g.mentions = per_char[gid]
        g.docs = sorted(char_docs[gid], key=lambda x: doc_order.get(x, 0))
    story.characters = {**{k: v for k, v in chars.items() if v.mentions}, **group_chars}
    for x in [*mentions, *place_mentions]:
        x.text = clean[x.doc][x.cstart:x.cend]
    story.mentions = mentions
    story.place_mentions = sorted(place_mentions, key=lambda x: (doc_order.get(x.doc, 0), x.cstart))
    return story


def left_out_records(story: Story) -> list[dict]:
    """The names left out of the cast with their kind and reason ({"name", "kind", "reason"}), by name: what
    non_characters.json holds, so the Cast view can say why a name is not a character and a teacher can
    overrule it."""
    return [{"name": n, "kind": story.non_characters.get(n, ""), "reason": r}
            for n, r in sorted(story.non_character_reasons.items(), key=lambda x: (fold(x[0]), x[0]))]
