"""Characters stage, step 5: family relations and groups resolved to cast members."""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from .characters_scan import ACTOR, _PAREN_OPEN
from .model import Character, Mention
from .names import fold, slug


def family_relations(docs, texts, lexes, per_doc, sent_at, occs_by_doc, cls, protagonist, add_actor) -> list[Mention]:
    """Mentions of family phrases: "his father John" gives a fact, a later bare "his father" is John."""
    facts: dict[tuple[str, str], str] = {}
    rel_hits = {}
    for d in docs:
        doc, text, L = d.doc, texts[d.doc], lexes[d.doc]
        lst = per_doc.get(doc, [])
        starts = [x[0] for x in lst]
        at = sent_at[doc]
        hits = []
        occs = occs_by_doc.get(doc, [])
        occ_ends = [o.e for o in occs]
        for m in L.rel_re.finditer(text):
            rel = L.family.get(fold(m.group("rel")))
            if not rel:
                continue
            det = (m.group("det") or "").lower()
            adj = (m.group("adj") or "").lower()
            possw = adj if adj in L.possessives else det
            if adj and adj not in L.possessives and fold(adj) in L.stop:
                det, possw = "", ""  # "the boys and his father": no determiner for this noun
            s0 = m.start("det") if m.group("det") and (det or possw) else m.start("rel")
            j = bisect_right(starts, m.end()) 
            nxt = lst[j] if j < len(lst) else None
            prv = lst[bisect_right(starts, s0) - 1] if bisect_right(starts, s0) else None
            targets: list[str] = []
            if nxt:
                g = L.appos_gap_re.fullmatch(text, m.end(), nxt[0])
                if g and not (g.group("adj") and (fold(g.group("adj")) in L.stop or
                                                  g.group("adj")[0].isupper())):
                    targets.append(nxt[2])
                    k = j
                    while k + 1 < len(lst) and L.list_gap_re.fullmatch(text, lst[k][1], lst[k + 1][0]):
                        k += 1
                        targets.append(lst[k][2])
            possessor = None
            explicit = False
            if prv and text[prv[1]:s0] in ("'s ", "’s ", "' ", "’ "):
                possessor, explicit, s0 = prv[2], False, m.start("rel")
            elif nxt and not targets and L.of_gap_re.fullmatch(text, m.end(), nxt[0]):
                possessor, explicit = nxt[2], True  # "il padre di Marco": the name follows
            elif possw or det:
                # the most recent named character in this or the previous sentence, else the protagonist
                cur = at(s0)
                for xi in range(bisect_right(starts, s0) - 1, -1, -1):
                    x = lst[xi]
                    if at(x[0]) < cur - 1:
                        break
                    if x[2] not in targets:
                        possessor = x[2]
                        break
                possessor = possessor or protagonist
            else:
                continue
            as_actor = None
            oi = bisect_right(occ_ends, s0) - 1
            if oi >= 0 and cls.get(occs[oi].key) == ACTOR:
                am = L.actor_after_re.match(text[occs[oi].e:m.end()])
                if am and occs[oi].e + am.end() >= s0:
                    as_actor = occs[oi].name  # "Chris Cooper as his father": that role's actor
            hits.append((m, rel, possw, s0, possessor, targets, explicit, nxt, as_actor))
            if targets and possessor:
                gender = L.possessives.get(possw, "u")
                if rel in ("children", "son", "daughter", "sons", "daughters"):
                    pkey = {"m": "father", "f": "mother"}.get(gender, "parent")
                    for t in targets:
                        if t != possessor:
                            facts.setdefault((t, pkey), possessor)
                elif targets[0] != possessor:
                    facts.setdefault((possessor, rel), targets[0])
        rel_hits[doc] = hits
    rel_mentions: list[Mention] = []
    occ_at = {doc: {o.s: o for o in occs} for doc, occs in occs_by_doc.items()}
    for d in docs:
        doc, text = d.doc, texts[d.doc]
        at = sent_at[doc]
        for m, rel, possw, s0, possessor, targets, explicit, nxt, as_actor in rel_hits[doc]:
            if targets or not possessor:
                continue
            cid = facts.get((possessor, rel))
            if not cid and rel in ("father", "mother"):
                cid = facts.get((possessor, "parent"))
            if not cid or cid == possessor:
                continue
            e0 = m.end()
            if as_actor:
                add_actor(cid, as_actor)
                continue
            rel_mentions.append(Mention(doc, at(s0), s0, e0, text[s0:e0], cid))
            tail = nxt[1] if explicit and nxt and nxt[2] == possessor and nxt[0] >= e0 else e0
            mm = _PAREN_OPEN.match(text, tail)
            if mm:
                o = occ_at[doc].get(mm.end())
                if o is not None and cls.get(o.key) == ACTOR:
                    add_actor(cid, o.name)

    return rel_mentions


def group_mentions_of(docs, texts, lexes, sent_at, mentions, groups_by_doc, group_hints, occ_at, roots, persons,
                      char_of_root, hon_chars, fam_occs) -> tuple[dict[str, Character], list[Mention], set]:
    """Group phrases ("the boys", "i due fratelli Lanzi", "la famiglia Bauer") with their members.

    Returns the group characters, their mentions and the (doc, start) of surname mentions absorbed
    into a group phrase."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for k, r in roots.items():
        if len(persons[k]) >= 2 and char_of_root[r] not in by_surname[persons[k][-1]]:
            by_surname[persons[k][-1]].append(char_of_root[r])
    group_chars: dict[str, Character] = {}
    by_doc_m: dict[str, list[Mention]] = defaultdict(list)
    for x in mentions:
        by_doc_m[x.doc].append(x)
    group_mentions: list[Mention] = []
    absorbed: set[tuple[str, int]] = set()   # surnames that became part of a group phrase
    partial: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        doc, text = d.doc, texts[d.doc]
        at = sent_at[doc]
        ms = by_doc_m.get(doc, [])
        mstarts = [x.cstart for x in ms]
        for gs, ge, key, surface in groups_by_doc[doc]:
            gid = "group-" + slug(key)
            gc = group_chars.get(gid)
            if gc is None:
                gc = group_chars[gid] = Character(id=gid, name=surface, is_group=True)
            elif len(surface) < len(gc.name):
                gc.name = surface  # "the four" reads better than "he and three of his friends"
            hint = group_hints.get((doc, gs))
            nxt = occ_at[doc].get(ge + 1) if text[ge:ge + 1] == " " else None
            if not hint and nxt is not None and len(nxt.core) == 1 and len(by_surname.get(nxt.core[0], ())) >= 2:
                # "i due fratelli Fabbri": the surname names the group's members, not one of them
                ge = nxt.e
                absorbed.add((doc, nxt.s))
                if not gc.members:
                    gc.members = list(by_surname[nxt.core[0]])
            group_mentions.append(Mention(doc, at(gs), gs, ge, text[gs:ge], gid))
            if hint and not gc.members:
                ids = [char_of_root[roots[x.key]] for x in hint if x.key in roots]
                gc.members = list(dict.fromkeys(ids))  # "i due fratelli Lanzi, Pietro e Giulio"
                if gc.members:
                    continue
            if fold(surface.split()[0]) in {fold(p) for p in lexes[doc].raw.get("subject_pronouns", ())}:
                k = bisect_right(mstarts, gs) - 1  # "he" = the most recent named character
                if k >= 0 and ms[k].sent >= at(gs) - 1 and ms[k].char_id not in partial[gid]:
                    partial[gid].append(ms[k].char_id)
                continue
            if key.startswith("n") and key[1:].isdigit() and not gc.members:
                n = int(key[1:])
                cur = at(gs)
                seen: list[str] = []
                same: list[str] = []
                for xi in range(bisect_right(mstarts, gs) - 1, -1, -1):
                    x = ms[xi]
                    if x.sent < cur - 2 or len(seen) > 4 * n:
                        break
                    if x.char_id not in seen:
                        seen.append(x.char_id)
                        if x.sent == cur:
                            same.insert(0, x.char_id)
                if len(same) == n:
                    gc.members = same
                else:
                    young = [c for c in seen if c not in hon_chars]
                    if len(young) >= n:
                        gc.members = young[:n][::-1]
    # "la famiglia Bauer", "the Bauer family", "los Bauer": everyone in the cast with that surname
    for o, fs, fe in fam_occs:
        ids = by_surname.get(o.core[0])
        if not ids:
            continue
        gid = "family-" + slug(o.core[0])
        text = texts[o.doc]
        gc = group_chars.get(gid)
        if gc is None:
            gc = group_chars[gid] = Character(id=gid, name=text[fs:fe], is_group=True, members=list(ids))
        group_mentions.append(Mention(o.doc, sent_at[o.doc](fs), fs, fe, text[fs:fe], gid))
    for gid, known in partial.items():
        if not group_chars[gid].members:
            group_chars[gid].members = list(known)
    resolved = [g for g in group_chars.values() if g.members]
    if resolved:
        main = max(resolved, key=lambda g: len(g.members))
        for g in group_chars.values():
            if not g.members:
                g.members = list(main.members)

    return group_chars, group_mentions, absorbed
