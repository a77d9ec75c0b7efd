"""Characters stage, step 4: actors in parentheses — which side of "A (B)" is the actor."""
from __future__ import annotations

import re
from collections import Counter

from .names import Lex, _all_langs, fold, given_names, honorifics_abbr
from .characters_credits import cast_line, credit_role_sep, credited_role
from .characters_scan import ACTOR, PART, PERSON, PLACE, THING, TITLE, Occ, _PAIR_AFTER, _PAIR_BEFORE, _PAREN_CLOSE, _PAREN_OPEN

_COMMA_ONLY = re.compile(r"[ \t]*,[ \t]*")


def _prose_tokens(occs_by_doc: dict[str, list[Occ]], texts: dict[str, str], lexes: dict | None = None) -> Counter:
    """Name words seen outside parentheses, outside "Name (Name)" pairs and outside cast lines ("Cast: Ann
    Lee, ..." credits actors): the story's own prose."""
    c: Counter = Counter()
    for doc, occs in occs_by_doc.items():
        text = texts[doc]
        L = (lexes or {}).get(doc)
        for o in occs:
            if text[max(0, o.s - 3):o.s].rstrip(" \t").endswith("(") or _PAREN_OPEN.match(text, o.e):
                continue
            if L is not None and cast_line(text, text.rfind("\n", 0, o.s) + 1, L) >= 0:
                continue
            for t in o.toks:
                c[fold(t[2])] += 1
    return c


def _actor_first(a: Occ, b: Occ, text: str, L: Lex, prose: Counter) -> bool:
    """In "A (B)" is A the actor? Yes after a cast-list cue ("Starring:", "Reparto:"), or when B's
    name is used in the story's prose and A's never is."""
    # bounded, but a credit list of twenty "Actor (Role)" pairs on one line runs past 1,000 characters
    j, lo = a.s, max(0, a.s - 2000)
    abbr = set(honorifics_abbr())
    while j > lo:
        if text[j - 1] in "!?\n":
            break
        if text[j - 1] == ".":
            # "Roger Hale (Dr. Ada Lind), ...": a title's full stop does not end the credit list
            w = re.search(r"([^\W\d_]+)$", text[max(lo, j - 12):j - 1])
            if not (w and w.group(1).lower() in abbr):
                break
        j -= 1
    if L.cast_list_re.match(text, j) or cast_line(text, j, L) >= 0:
        return True
    if a.hon:
        return False   # "Miss Lane (Ada Ross)": a title marks the role even if the actor is praised later
    if not (_PAIR_AFTER.match(text, b.e) or _PAIR_BEFORE.search(text[max(0, a.s - 12):a.s])):
        return False   # a pair inside a story sentence is "Character (Actor)"; only credit lists may flip
    words = lambda o: [fold(t[2]) for t in o.toks if fold(t[2]) not in L.particles]
    # every word of B: "Andrea (Marco Lenti)" after "Giulio (Marco Brenno)" has a "Marco" in the prose too
    return all(prose[w] for w in words(b)) and not any(prose[w] for w in words(a))




def _person_shaped(b: Occ, crew: set[str], nationalities: frozenset = frozenset()) -> bool:
    """Is the parenthesised name itself a person's name? A full name starting with a given name, or
    a name credited as cast or crew elsewhere: "(Sicilia)", "(Continued)", "(Manifesto della Razza)" are not."""
    if b.key in crew and b.key not in nationalities:
        return True
    if len(b.core) < 2 or b.ev[PLACE] or b.ev[THING] or b.ev[TITLE]:
        return False
    # a given name first, or a plain two-word name (no particle: "Manifesto della Razza" is a document; no
    # place or institution word in any language: "Isole di Sabbia (Sand Islands)" gives the place's translation)
    return b.core[0] in given_names() or (len(b.toks) == 2 and len(b.core) == 2 and not _place_words(b.core))


def _place_words(core: tuple) -> bool:
    heads = _all_langs("place_heads") | _all_langs("org_heads")
    return any(w in heads for w in core)


def _unnamed_part(role: Occ, L: Lex, prose: Counter) -> bool:
    """"Robert Roe (Equerry)", "Ann Lee (BBC Radio Announcer)": a credited role that is a job, not a name —
    its head word (last or first) is a role word, none of its words is a given name and the story's prose
    never names it. Such a part is played by someone but is no character of the cast."""
    core = role.core or tuple(fold(t[2]) for t in role.toks)
    if role.hon or not core or not (core[-1] in L.part_words or core[0] in L.part_words):
        return False
    return not any(w in given_names() or prose[w] for w in core)


def find_actor_links(occs_by_doc: dict[str, list[Occ]], texts: dict[str, str], lexes: dict[str, Lex],
                     prose: Counter) -> tuple[list[tuple[Occ, Occ]], list[tuple[str, Occ]]]:
    """(character, actor) pairs from "Tom Reyes (Sam Hale)", "Dora (played by Ada Ross)", "one teacher
    (Ada Ross)"; and (birth name, person) pairs from "Ana Ruiz (née Lind)"."""
    crew = {o.key for occs in occs_by_doc.values() for o in occs if o.ev[ACTOR]}
    links: list[tuple[Occ, Occ]] = []
    births: list[tuple[str, Occ]] = []
    for doc, occs in occs_by_doc.items():
        text, L = texts[doc], lexes[doc]
        for i, b in enumerate(occs):
            a = occs[i - 1] if i else None
            if a is not None and a.ev[ACTOR] and not b.ev[ACTOR] and credit_role_sep(L.lang).fullmatch(text, a.e, b.s) \
                    and credited_role(text, text.rfind("\n", 0, b.s) + 1, b.ns, L):
                links.append((b, a))   # "Attori: Ann Lee - Ada Roe": the credited actor, then the part
                continue
            if a is not None and L.actor_is_re is not None and not any(x is a for _, x in links):
                # "Ana is played by Mexican actress Ada Ross": the first person-shaped name after the cue
                c = next((x for x in occs[i:i + 2] if L.actor_is_re.fullmatch(text, a.e, x.s)
                          and _person_shaped(x, crew, L.nationalities)), None)
                if c is not None:
                    c.ev[ACTOR] += 1
                    links.append((a, c))
                    continue
            if a is not None and L.actor_plays_re is not None and (a.ev[ACTOR] or a.key in crew) and not b.ev[ACTOR] \
                    and b.key not in crew and L.actor_plays_re.fullmatch(text, a.e, b.s):
                c = occs[i + 1] if b.poss and i + 1 < len(occs) else None
                if c is not None and c.s - b.e <= 30 and "\n" not in text[b.e:c.s] and not any(
                        ch in text[b.e:c.s] for ch in ",.;:()"):
                    links.append((c, a))   # "Ann Lee plays Ada's boyfriend Tom": the part is Tom, not Ada
                    continue
                links.append((b, a))   # "Ann Lee plays Ada", "Ann Lee interpreta a Ada": the role after the actor
                continue
            other = None   # "Guy Roe (King Aldric, Teddy)": a second name of the credited role
            if not _PAREN_CLOSE.match(text, b.e):
                c = occs[i + 1] if i + 1 < len(occs) else None
                if c is None or not _COMMA_ONLY.fullmatch(text, b.e, c.s) or not _PAREN_CLOSE.match(text, c.e) \
                        or not text[max(0, b.s - 3):b.s].rstrip(" \t").endswith("("):
                    continue
                other = c
            a = occs[i - 1] if i else None
            gap = text[a.e:b.s] if a is not None else ""
            if a is not None and L.actor_paren_re is not None and L.actor_paren_re.fullmatch(gap):
                b.in_paren = True
                b.ev[ACTOR] += 1         # "Dora (portrayed by Ada Ross)"
                links.append((a, b))
                continue
            if a is not None and L.alias_cue_re is not None and gap.lstrip(" \t").startswith("(") \
                    and "\n" not in gap and L.alias_cue_re.search(gap):
                b.in_paren = True
                births.append((b.name, a))   # "Ana Ruiz (née Lind)", "(nata con il nome di ...)"
                continue
            if not text[max(0, b.s - 3):b.s].rstrip(" \t").endswith("("):
                continue
            b.in_paren = True
            if a is not None and _PAREN_OPEN.fullmatch(text, a.e, b.s):
                # "padre vedovo Rufus (Raphael Poulain)": a name credited as an actor elsewhere is the actor here
                # too, and the name in brackets its part, though a story sentence writes them the other way
                if _actor_first(a, b, text, L, prose) or a.key in crew and b.key not in crew and not a.hon:
                    a.ev[ACTOR] += 1     # "Starring: Marta Reis (Inês Carvalho)": the role is in brackets
                    links.append((b, a))
                    if other is not None:
                        other.in_paren = True
                        births.append((other.name, b))
                    continue
                if other is not None:
                    continue             # "Dora (Ada Ross, Lia Roe)": two names, no telling which is the actor
                if not _person_shaped(b, crew):
                    continue             # "Ostra (Liguria)", "Verlo (Continued)": no actor there
                b.ev[ACTOR] += 1
                if not L.relof_re.search(text, max(0, a.ns - 40), a.ns):
                    links.append((a, b))
            elif len(b.core) > 1 and L.role_paren_re.search(text[max(0, b.s - 40):b.s]):
                # "one teacher (Laura Dern)"; a single word "his mother (Elsie)" is the character
                b.ev[ACTOR] += 1
    parts = [(a, b) for a, b in links if _unnamed_part(a, lexes[a.doc], prose)]
    for a, _ in parts:
        a.ev[PART] += 1
        a.ev[THING] += 2
    links = [x for x in links if x not in parts]
    for a, b in links:
        a.ev[PERSON] += 1
        a.why.append(f"played by {b.name}")
    return links, births


def split_by_credited_titles(links: list[tuple[Occ, Occ]], occs_by_doc: dict[str, list[Occ]],
                             texts: dict[str, str]) -> dict[str, str]:
    """"Ann Lee (Queen Adela), Mia Roe (Princess Adela)": one name under two titles, each credited to another
    actor, is two people (a mother and her daughter). Each titled use gets a key of its own ("queen~ adela").
    Returns bare key -> the titled key the bare name stands for: the one whose actor is credited to a bare use
    too ("la moglie Adela (Ann Lee)"), else the one billed first (a credit list bills the larger part first)."""
    by_title: dict[str, dict[str, set]] = {}
    for a, b in links:
        if a.hon:
            by_title.setdefault(a.key, {}).setdefault(fold(a.hon), set()).add(fold(b.name))
    bare_actors: dict[str, set] = {}
    for a, b in links:
        if not a.hon:
            bare_actors.setdefault(a.key, set()).add(fold(b.name))
    out: dict[str, str] = {}
    for key, titles in by_title.items():
        actors = [x for t in titles.values() for x in t]
        if len(titles) < 2 or len(actors) != len(set(actors)):
            continue   # one title, or an actor credited under both: the same person
        for occs in occs_by_doc.values():
            for o in occs:
                h = fold(o.hon) if o.key == key and o.hon else None
                if h in titles:
                    others = ", ".join(f"'{t}'" for t in titles if t != h)
                    o.why.append(f"a title credited apart from {others} (another actor)")
                    o.key = f"{h}~ {key}"
                    o.core = (f"{h}~",) + o.core
                    o.name = texts[o.doc][o.s:o.e]
        order = list(titles)
        best = max(order, key=lambda h: (bool(titles[h] & bare_actors.get(key, set())), -order.index(h)))
        out[key] = f"{best}~ {key}"
    return out


def split_glued_actors(cls: dict[str, str], by_key: dict[str, Counter], occs_by_doc: dict[str, list[Occ]],
                       texts: dict[str, str]) -> list[tuple[Occ, Occ]]:
    """"a paratrooper, Private Tom Reyes Sam Hale, who ...": a page that lost the brackets of "Tom Reyes (Sam Hale)"
    glues the role and its actor into one capitalised run. When the run ends with the full name of someone credited
    as an actor (Sam Hale, "Cast: Sam Hale ...") and at least two words of a name come before it, the run is cut in
    two: the head keeps the run's kind (its own, when it is named apart) and the tail is that actor. Returns the
    (head, actor) links; the actor's occurrence is added to its document."""
    actors = {tuple(k.split()): k for k, c in cls.items() if c == ACTOR and len(k.split()) >= 2}
    if not actors:
        return []
    links: list[tuple[Occ, Occ]] = []
    for doc, occs in occs_by_doc.items():
        text, out = texts[doc], []
        for o in occs:
            out.append(o)
            keys = o.key.split()
            if cls.get(o.key) == ACTOR or len(keys) < 4:
                continue
            tail = next((actors[t] for n in (3, 2) for t in [tuple(keys[-n:])] if t in actors), None)
            if tail is None:
                continue
            n = len(tail.split())
            head_toks, tail_toks = o.toks[:-n], o.toks[-n:]
            head_key = " ".join(fold(t[2]) for t in head_toks)
            head_core = tuple(t for t in head_key.split() if t in o.core)
            if len(head_core) < 2 or not all(x[2][:1].isupper() for x in tail_toks):
                continue
            old = o.key
            b = Occ(o.doc, o.di, tail_toks[0][0], o.e, tail_toks[0][0], text[tail_toks[0][0]:o.e], "", False, False,
                    list(tail_toks), key=tail, core=tuple(tail.split()), poss=o.poss)
            b.ev[ACTOR] += 1
            o.e, o.toks, o.key, o.core, o.poss = head_toks[-1][1], head_toks, head_key, head_core, False
            o.name = text[o.ns:o.e]
            if head_key not in cls:
                cls[head_key] = cls.get(old, PERSON)
                by_key[head_key].update(by_key.get(old, Counter()))
            by_key[tail][ACTOR] += 1
            out.append(b)
            links.append((o, b))
        occs_by_doc[doc] = out
    if links:
        left = {o.key for occs in occs_by_doc.values() for o in occs}
        for k in [k for k in cls if k not in left]:
            del cls[k]
    return links
