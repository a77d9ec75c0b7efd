"""Characters stage, step 4: actors in parentheses — which side of "A (B)" is the actor."""
from __future__ import annotations

from collections import Counter

from .names import Lex, fold
from .characters_scan import Occ, _PAIR_AFTER, _PAIR_BEFORE, _PAREN_OPEN

def _prose_tokens(occs_by_doc: dict[str, list[Occ]], texts: dict[str, str]) -> Counter:
    """Name words seen outside parentheses and outside "Name (Name)" pairs: the story's own prose."""
    c: Counter = Counter()
    for doc, occs in occs_by_doc.items():
        text = texts[doc]
        for o in occs:
            if text[max(0, o.s - 3):o.s].rstrip(" \t").endswith("(") or _PAREN_OPEN.match(text, o.e):
                continue
            for t in o.toks:
                c[fold(t[2])] += 1
    return c


def _actor_first(a: Occ, b: Occ, text: str, L: Lex, prose: Counter) -> bool:
    """In "A (B)" is A the actor? Yes after a cast-list cue ("Starring:", "Reparto:"), or when B's
    name is used in the story's prose and A's never is."""
    j, lo = a.s, max(0, a.s - 300)   # bounded: a credit list is short
    while j > lo and text[j - 1] not in ".!?\n":
        j -= 1
    if L.cast_list_re.match(text, j):
        return True
    if a.hon:
        return False   # "Miss Lane (Ada Ross)": a title marks the role even if the actor is praised later
    if not (_PAIR_AFTER.match(text, b.e) or _PAIR_BEFORE.search(text[max(0, a.s - 12):a.s])):
        return False   # a pair inside a story sentence is "Character (Actor)"; only credit lists may flip
    words = lambda o: [fold(t[2]) for t in o.toks if fold(t[2]) not in L.particles]
    return any(prose[w] for w in words(b)) and not any(prose[w] for w in words(a))


