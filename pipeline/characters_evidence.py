"""Characters stage, step 2: what each occurrence says about its name (person, actor, place, title...):
its context, a pronoun after it. The kind each name gets from that evidence is in characters_kinds."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from rapidfuzz import fuzz

from .names import Lex, _all_langs, fold, given_names, is_given_name, lex
from .characters_credits import cast_line, credited_role, data_sheet
from .characters_scan import (ACTOR, ASIDE, AUTHOR, COMMENT, GIVEN, HONEV, LABEL, ORGX, PERSON, PLACE, PRON,
                              REPORTED, SAINT, THING, TITLE, VEHICLE, VERB, WPLACE, Occ)

# ", un policía del gueto" / " (a miner who ...)" right after a name; a possessive noun ("the king's") is no role
_APPOS_ROLE = re.compile(r"[ \t]*[,(][ \t]*(?P<det>[^\W\d_]+)[ \t]+(?P<w1>[^\W\d_]+(?!['’]))"
                         r"(?:[ \t]+(?P<w2>[^\W\d_]+(?!['’])))?")
# ", con fondali disegnati da X," between a name and its verb
_ASIDE = re.compile(r"[ \t]*,[^,.;:!?\n]{1,60},[ \t]*")
# "... e La casa de " right before a name: a capitalised article (not at a sentence start) and 1-3 lowercase words
_TITLE_HEAD = re.compile(r"(?:^|[^\s.!?:;…\"“«(])[ \t]+(?P<art>[^\W\d_]+['’]?)(?P<mid>(?:[ \t]+[a-zß-ÿ]+){1,3})[ \t]+$")
_ELIDED_ART = re.compile(r"^([^\W\d_]+')([^\W\d_]+)$")
_ELIDED_PREP = re.compile(r"^([^\W\d_]+)['’]([^\W\d_]{4,})$")
_LINE_LABEL = re.compile(r"[ \t*#•|-]*([^\W\d_][^:\n]{0,25}):")   # "Reparto:" opening a line
_ASIDE_HEAD = re.compile(r"\([^()\n]*?(?<![\w])[a-zß-ÿ]{2,}[^()\n]*$")   # "(preceding ", "(adesso "
_LABEL_AFTER = re.compile(r"[ \t]*(?P<rest>[^\W\d_][^:\n]{0,25}?)?[ \t]*:")


def _is_label(o: Occ, text: str, L: Lex) -> bool:
    """Page furniture: a name that is a label word ("Reparto", "Plot"), or opens its line before a
    colon with a label ("Data uscita: 12 ottobre")."""
    if o.key in L.page_labels:
        return True
    line = text.rfind("\n", 0, o.s) + 1
    if text[line:o.s].strip(" \t*#-•|"):
        return False
    m = _LABEL_AFTER.match(text, o.e)
    return bool(m) and fold(text[o.ns:m.end() - 1]) in L.page_labels


def _nationality(word: str, L: Lex) -> bool:
    """A nationality adjective, also with a one-letter slip ("uruguaiono" for "uruguaiano")."""
    return _near_nationality(fold(word), L.nationalities)


@lru_cache(maxsize=4096)
def _near_nationality(w: str, nationalities: frozenset) -> bool:
    if w in nationalities:
        return True
    return len(w) >= 7 and any(abs(len(w) - len(n)) <= 1 and fuzz.ratio(w, n) >= 85 for n in nationalities)


def _crew_with_adjective(pre: str, L: Lex) -> bool:
    """"diretto dal regista argentino Ana Ruiz", "film del argentino ...": a credit with a nationality between;
    "(Title, dell'uruguaiano Ana Ruiz)", "by the Chilean Ana Ruiz": a work's author named by nationality."""
    words = pre.rstrip().rsplit(None, 1)
    if len(words) != 2:
        return False
    el = _ELIDED_PREP.match(words[1])
    if el:   # "dell'uruguaiano": the preposition and its article elided onto the adjective
        return fold(el.group(1)) in L.of_words and _nationality(el.group(2), L)
    # the context first: the nationality (a fuzzy look-up) only after a credit or "by the"
    if L.crew_re.search(words[0] + " "):
        return _nationality(words[1], L)
    before = words[0].rsplit(None, 2)[-2:]
    # "(Title, by the Chilean X)": the author preposition and an article right before the nationality
    return len(before) == 2 and before[1].lower() in L.articles and fold(before[0]) in L.author_by \
        and _nationality(words[1], L)


def _is_verb(word: str, L: Lex) -> bool:
    """A word the lexicon lists as a person's verb or an auxiliary ("nominò", "era")."""
    w = word.lower()
    return w in _verb_words(L.lang)


@lru_cache(maxsize=None)
def _verb_words(lang: str) -> frozenset:
    raw = lex(lang).raw
    return frozenset(w.lower() for w in raw.get("human_verbs", []) + raw.get("verb_aux", []) if " " not in w)


def _bare_role(am: re.Match, L: Lex) -> str:
    """", Italian physicist", ", grand duke of": an apposition with no article, a role noun (its word alone
    or after one lowercase adjective or a nationality). Returns the words, or ""."""
    det, w1 = am.group("det"), am.group("w1")
    if fold(det) in L.role_nouns and det.islower():
        return det
    if fold(w1) in L.role_nouns and w1.islower() and (det.islower() and det not in L.stop or _nationality(det, L)):
        return f"{det} {w1}"
    return ""


@lru_cache(maxsize=None)
def _report_re(lang: str) -> re.Pattern | None:
    """A news or media noun, then the rest of its clause up to the end of the context."""
    words = lex(lang).raw.get("report_nouns", [])
    if not words:
        return None
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alt})(?![\w])[^,;:.!?()\[\]\n\"“”«»]*$", re.I)


@lru_cache(maxsize=None)
def _saint_re(lang: str) -> re.Pattern | None:
    """A saint's or angel's word, then the names of the list it opens, up to the end of the context ("de santas
    Catalina y ", "the archangel ")."""
    raw = lex(lang).raw
    words = raw.get("saint_before", [])
    if not words:
        return None
    conj = "|".join(re.escape(w) for w in raw.get("conj", []) if w.isalpha()) or "and"
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    name = r"[A-ZÀ-Þ][^\W\d_]+(?:[ \t]+[A-ZÀ-Þ][^\W\d_]+)*"
    return re.compile(rf"(?<![\w'’])(?:{alt})(?:(?<=['’])|[ \t]+)(?:{name}[ \t]*(?:,|[ \t](?:{conj}))[ \t]+)*$")


@lru_cache(maxsize=None)
def _object_verb_re(lang: str) -> re.Pattern | None:
    """Right after a name, a verb with a person as its object: "le propone" (a clitic before any lowercase
    word) or "offers him" (a verb in -s/-ed before an object pronoun). None without a list."""
    raw = lex(lang).raw
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))
    if raw.get("object_clitics"):
        return re.compile(rf"[ \t]+(?P<v>(?:{alt(raw['object_clitics'])})[ \t]+[a-zß-ÿ]{{3,}})(?![\w'’])")
    if raw.get("object_pronouns"):
        return re.compile(rf"[ \t]+(?P<v>[a-z]{{2,}}(?:s|ed)[ \t]+(?:{alt(raw['object_pronouns'])}))(?![\w'’])")
    return None


def _unelide(word: str, L: Lex) -> list[str]:
    m = _ELIDED_ART.match(word)
    return [m.group(1), m.group(2)] if m and m.group(1) in L.articles else [word]


def _evidence(o: Occ, text: str, L: Lex) -> None:
    pre = text[max(0, o.ns - 60):o.ns].replace("’", "'")
    post = text[o.e:o.e + 60].replace("’", "'")
    ev = o.ev
    saint = _saint_re(L.lang)
    if saint is not None and not o.hon and saint.search(text[max(0, o.s - 60):o.s]):
        ev[SAINT] += 1   # "the voices of saints Ada and Lia", "del arcángel Miguel": invoked, not in the story
    rep = _report_re(L.lang)
    if rep is not None and rep.search(text[max(0, o.s - 60):o.s]):
        ev[REPORTED] += 1   # "the radio reports that Princess X has died": what the story's news is about
    if o.hon and (fold(o.toks[0][2]) in {fold(w) for w in L.raw.get("of", [])} or o.hon_of) \
            and (fold(o.hon).rstrip(".") in {fold(w) for w in L.raw.get("peerage", [])}
                 or o.toks[0][2].lower() in L.articles):
        # "el duque de Brenmar": the title's seat, not a person named "de Brenmar"; "presidente della Gran
        # Colombia", "presidente del Perù": an "of" with its article names the office's country, never a surname
        ev[PLACE] += 2
        return
    if o.hon:
        pre_h = text[max(0, o.s - 60):o.s].replace("’", "'")
        if pre_h[-1:] in "\"“«" and post[:1] in "\"”»" or L.title_re.search(pre_h):
            ev[TITLE] += 2   # "«Don Giovanni»", "who later wrote Don Quixote": a work named after its hero
            return
        ev[PERSON] += 1
        ev[HONEV] += 1
        o.why.append(f"title '{o.hon}'")
        if L.crew_re.search(pre_h) or _crew_with_adjective(pre_h, L):
            ev[ACTOR] += 1   # "translated by Professor Ilse Marek": a credit, whatever the title
        return
    if _is_label(o, text, L):
        ev[LABEL] += 1
        return
    line = text.rfind("\n", 0, o.s) + 1
    lm = _LINE_LABEL.match(text, line, o.s)
    credit = lm and fold(lm.group(1)) in L.page_labels_crew or cast_line(text, line, L) >= 0
    sheet = data_sheet(text, L.lang).get(line, len(text)) <= o.s
    if sheet and not credit and (len(o.core) > 1 or o.core and o.core[0] in given_names()):
        credit = True   # "Vestuario: Ana Ruiz." on a data sheet: a person credited, whatever the label
    if credit and text.rfind("(", line, o.s) <= text.rfind(")", line, o.s) and not credited_role(text, line, o.ns, L):
        # "Reparto: Clara Ibarra, Tomás Leiva", a line under a "Cast" heading: a credit (the roles are in brackets
        # or after a dash, a colon, an "as")
        ev[ACTOR] += 1
    if _ASIDE_HEAD.search(text, max(line, o.s - 80), o.s):
        ev[ASIDE] += 1   # "(succeeding Ann Lee and preceding Bo Roe)": a person named aside, outside the story
    ls, le = text.rfind("\n", 0, o.s) + 1, text.find("\n", o.e)
    alone = not text[ls:o.s].strip(" \t*#-•|") and not text[o.e:le if le >= 0 else len(text)].strip(" \t")
    # a name alone on its line is a credit or listing entry ("Gael García Bernal\n\nGael García Bernal"):
    # a given name there says it is a person, not that the person is in the story
    # "Ramón y Cajal" alone: a compound surname whose first half only looks like a first name
    bare_compound = len(o.toks) >= 3 and o.toks[1][2] in L.raw.get("surname_joiners", ())
    first = next((t[2] for t in o.toks if fold(t[2]) == o.core[0]), "") if o.core else ""
    if first and is_given_name(first, L.lang) and not alone and not bare_compound:
        ev[GIVEN] += 1
        o.why.append("given name")
    vm = None if o.poss or L.human_verb_re is None else L.human_verb_re.match(text, o.e)
    aside = _ASIDE.match(text, o.e)
    if vm is None and aside and not o.poss and L.human_verb_re is not None:
        vm = L.human_verb_re.match(text, aside.end())   # "Cosmo, duke of Tuscany, appointed him"
    if vm and len(o.toks) > 1 and o.toks[0][2].lower() in L.articles:
        vm = None   # "Il Faro vede l'attore...": a title with its article acts in reviews, not in the story
    if vm is None and not o.poss and _object_verb_re(L.lang) is not None \
            and not (len(o.toks) > 1 and o.toks[0][2].lower() in L.articles):
        vm = _object_verb_re(L.lang).match(text, o.e)   # "Bubba le propone", "Bubba offers him"
    if vm:
        ev[VERB] += 1
        o.why.append(f"subject of '{vm.group('v').lower()}'")
    author = L.author_re is not None and L.author_re.search(pre) is not None or \
        L.author_after_re is not None and L.author_after_re.match(post) is not None
    if author:
        ev[AUTHOR] += 1   # "the third novel by Helena Marsh", "«...» di Helena Marsh"
    elif L.crew_story_re is not None and L.crew_story_re.search(pre):
        ev[PERSON] += 1   # "a coworker, aspiring filmmaker Ada Ruiz": a trade in the story, not a credit
        o.why.append("role ('" + pre[len(pre) - L.crew_story_re.length(pre):].strip().lower() + "')")
    elif L.crew_re.search(pre) or L.actor_after_re.match(post) or _crew_with_adjective(pre, L):
        ev[ACTOR] += 1
    # "l'amico Bubba", "dell'anziano padre": an elided article is a word of its own before the role
    tail = [p for w in pre[-40:].lower().replace(",", " ").split() for p in _unelide(w, L)]
    # "goes to Baiocco for help", "va da Baiocco", "acude a Baiocco": one asks a person, the preposition is no place's
    asked = L.person_after_re is not None and not o.poss and L.person_after_re.match(post) is not None
    if asked:
        ev[VERB] += 1
        o.why.append(f"asked '{L.person_after_re.match(post).group().strip().lower()}'")
    obj = L.human_object_re is not None and L.human_object_re.search(pre)
    if obj:
        ev[VERB] += 1
        o.why.append(f"object of '{pre[len(pre) - L.human_object_re.length(pre):].strip().lower()}'")
    elif len(tail) >= 2 and tail[-2] in L.articles and fold(tail[-1]) in L.org_heads and pre[-1:] in " \t" \
            and not vm:
        ev[ORGX] += 1     # "la compañía Bravo", "il battaglione Aosta": the name of the unit, the team, the firm
    elif len(tail) >= 2 and fold(tail[-1]) in L.role_nouns and (tail[-2] in L.possessives or tail[-2] in L.articles):
        ev[PERSON] += 1   # "her friend Kit", "el doctor Ruiz", "il vicino Carlo"
        o.why.append(f"role ('{tail[-2]} {tail[-1]}')")
    elif len(tail) >= 2 and fold(tail[-2]) in L.role_nouns and tail[-1] not in L.stop and tail[-1].isalpha() \
            and len(tail[-1]) > 3 and fold(tail[-1]) not in L.link_words \
            and pre.rstrip()[-1:].isalpha() and not L.crew_re.search(pre):
        ev[PERSON] += 1   # "il presidente sovietico Gorbaciov": a role and its adjective
        o.why.append(f"role ('{tail[-2]} {tail[-1]}')")
    elif tail and L.raw.get("bare_role_before_name") and fold(tail[-1]) in L.role_nouns \
            and re.search(r"(?<![\w-])[a-zß-ÿ]+[ \t]+$", pre) and not L.crew_re.search(pre):
        # "led by accountant Itzak Roth", "Nazi officer Vasko": a role with no article, where the language
        # puts one there (not Italian "vicino Siena", near Siena)
        ev[PERSON] += 1
        o.why.append(f"role ('{tail[-1]}')")
    am = _APPOS_ROLE.match(post)
    noun = None
    if am:
        words = [am.group("w1"), am.group("w2")]
        if _is_verb(words[0], L):
            words = words[:1]   # "di Toscana, lo nominò matematico": a clitic and a verb, then its object
        for i, w in enumerate(words):
            # "la carabela Pinta, la carabela Niña": a capitalised word is a name, not a role ("niña", a girl)
            if w and w.islower() and (fold(w) in L.role_nouns or fold(w) in L.family):
                nxt = words[i + 1] if i + 1 < len(words) else post[am.end():].lstrip(" \t")[:1]
                # ", su prometido Cal": the role belongs to the name after it
                noun = None if nxt and nxt[:1].isupper() else w
                break
    # "la caída del Puente, la hermana de Tomás, ...": a one-word name after an article is a thing, and the
    # description after its comma belongs to the clause that follows
    after_article = len(o.core) == 1 and L.article_re.search(pre[:-1] if pre[-1:] in "\"'‘“" else pre)
    # "A Londra, il capo dell'esercito apprende": after a place phrase opening its sentence, the
    # description is the subject of the clause that follows, not of the place
    fronted = len(re.split(r"[.!?;:\n]", pre)[-1].split()) <= 2 and bool(L.place_re.search(pre)
                                                                        or L.place_weak_re.search(pre))
    if noun and not after_article and not fronted and am.group("det").islower() \
            and (am.group("det") in L.articles or am.group("det") in L.possessives):
        ev[PERSON] += 1   # "Ithra Vel, un policía del gueto", "Ada, his sister"
        o.why.append(f"described as '{am.group('det')} {noun}'")
    elif am and not after_article and post.lstrip(" \t")[:1] == "," and _bare_role(am, L) \
            and not pre.rstrip().endswith(",") and not L.place_re.search(pre) \
            and not L.place_weak_re.search(pre, max(0, len(pre) - 40)):
        # not "nato a Sabrosa, Portogallo, esploratore": a place (or a list's last item) before the role
        ev[PERSON] += 1   # "Vardo, Dutch astronomer and optician, was born", "Orsino, grand duke of Vessmark"
        o.why.append(f"described as '{_bare_role(am, L)}'")
    # "his father Samuel", but not "la morte del fratello in Normandia" (a preposition comes between)
    # "his mother joined the Unity Party": after an article the family word must stand right before it
    # ("his mother, the Countess Ada"), or the article opens the object of a verb between them
    if any(fold(w) in L.family for w in tail[-4:]) and L.appos_re.search(pre) \
            and not (tail[-1] in L.stop and tail[-1] not in L.articles) \
            and not (tail[-1] in L.articles and len(tail) >= 2 and fold(tail[-2]) not in L.family):
        ev[PERSON] += 1
        o.why.append("kinship ('" + " ".join(pre.split()[-3:]).strip(" ,") + "')")
    bare = pre[:-1] if pre[-1:] in "\"'‘“" and pre[-2:-1] in " \t" else pre  # the 'Rocketboys'
    if L.article_re.search(bare) and not obj:   # "nella bottega del Verrone": the owner, article or not
        ev[THING] += 1
    words = pre.split()
    if words and words[-1].lower() in L.vehicle_prefixes or L.vehicle_re.search(pre):
        ev[VEHICLE] += 1
    if o.numbered:
        ev[VEHICLE] += 1
    if not o.poss and (L.place_re.search(pre) or L.place_after_re.match(post)):
        ev[PLACE] += 1
    elif not o.poss and not asked and not obj:
        # "to London", "tra Parma", "finca de Luján": a place only if every occurrence is like this
        wm = L.place_weak_re.search(pre, max(0, len(pre) - 40))
        if wm and fold(wm.group("prev") or "") not in L.place_weak_cancel:
            ev[WPLACE] += 1
    if L.commentator_re.search(pre):
        ev[COMMENT] += 1
    if L.field_re.search(pre):
        ev[THING] += 2   # "estudiar Farmacia": a field of study
    if tail and tail[-1] in L.link_words:   # the patterns below all end with "of"/"di"/"para"
        if L.peer_re.search(pre):
            ev[PLACE] += 2   # "Duke Roderic of Haldane": the title belongs to Roderic, Haldane is his land
        if L.institution_re.search(pre):
            ev[ORGX] += 1    # "Junta para Ampliación de Estudios"
        if L.poss_place_re is not None and not o.poss:
            pm = L.poss_place_re.search(pre)
            if pm and fold(pm.group("noun")) not in L.place_weak_cancel:
                ev[WPLACE] += 1   # "nel suo negozio di Cadice": the owner is the possessive, so X is a place
    aside = _ASIDE.match(post)   # "Mariana Pineda, con fondali di X, debutta": the verb after an aside
    if L.title_re.search(pre) or L.title_after_re.match(post) or aside and L.title_after_re.match(post[aside.end():]):
        ev[TITLE] += 1
    th = _TITLE_HEAD.search(pre)
    if th and th.group("art")[:1].isupper() and th.group("art").lower() in L.articles \
            and th.group("mid").split()[-1] in _all_langs("of"):
        # "... e La casa de Ada Ruiz": a capitalised article mid-sentence opens a work's title (titles are
        # often left in their own language: any language's "of")
        ev[TITLE] += 2
    if pre[-1:] in "\"“«'‘" and post[:1] in "\"”»'’" and not o.poss:
        ev[TITLE] += 2
    if L.disease_before_re.search(pre) or L.disease_after_re.match(post):
        ev[THING] += 2
    if L.foreign_part_re.search(pre):
        o.partonly = True


def pronoun_evidence(occs: list[Occ], text: str, L: Lex, spans: list[tuple[int, int]]) -> None:
    """"Ada moves out. She ...": a he/she (él/ella, lui/lei) after a name in subject position, before
    any other name and no later than the next sentence, is evidence that the name is a person."""
    if not L.person_pronouns or not spans:
        return
    starts = [a for a, _ in spans]
    conj = {w.lower() for w in L.raw.get("conj", [])}
    pron_re = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(p) for p in sorted(L.person_pronouns, key=len, reverse=True))
                         + r")(?![\w])", re.I)
    for i, o in enumerate(occs):
        si = bisect_right(starts, o.s) - 1
        if si < 0:
            continue
        if text[max(0, o.s - 2):o.s].strip(" \t").endswith("("):
            continue   # "(Manifesto della Razza)": a parenthesis is no subject
        cs = max(spans[si][0], *(text.rfind(c, spans[si][0], o.s) + 1 for c in ",;:"))
        lead = text[cs:o.s].split()
        # subject position: nothing before the name in its clause but articles, conjunctions, other names
        if any(not (w.lower() in L.articles or w.lower() in conj or w[:1].isdigit()
                    or (w[:1].isupper() and w.lower() not in L.stop)) for w in lead):
            continue
        end = spans[si + 1][1] if si + 1 < len(spans) else spans[si][1]
        if i + 1 < len(occs):
            end = min(end, occs[i + 1].s)
        m = pron_re.search(text, o.e, max(o.e, end))
        if m:
            o.ev[PRON] += 1
            o.why.append(f"referred to as '{m.group().lower()}'")
