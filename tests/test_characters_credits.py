"""Characters stage, credit lists and titles: a credited job is no character, a rank names its bearer, a
title shared by two credited people does not make them one."""
from __future__ import annotations

import pytest

import pipeline
from pipeline.names import fold

from characters_support import make_story


def cast(story) -> dict[str, object]:
    return {fold(c.name): c for c in story.characters.values() if not c.is_group}


# (lang, text, the named role and its actor, the unnamed parts)
UNNAMED_PARTS = [
    ("en", "Cast: Tom Vane (Harold Pike), Ann Ross (Footman), Lee Carr (Private Secretary), Mia Holt (Radio "
           "Announcer).\nHarold Pike inherits a castle and hires a cook.",
     "Harold Pike", "Tom Vane", ["Footman", "Private Secretary", "Radio Announcer"]),
    ("es", "Reparto: Tomás Vera (Julián Roca), Ana Sanz (Secretaria), Luis Gil (Mayordomo).\n"
           "Julián Roca hereda un castillo.",
     "Julián Roca", "Tomás Vera", ["Secretaria", "Mayordomo"]),
    ("it", "Cast: Marco Neri (Aldo Ferri), Lia Conti (Cameriera), Ugo Villa (Segretario).\n"
           "Aldo Ferri eredita un castello.",
     "Aldo Ferri", "Marco Neri", ["Cameriera", "Segretario"]),
]


@pytest.mark.parametrize("lang,text,role,actor,parts", UNNAMED_PARTS)
def test_a_credited_job_without_a_name_is_no_character(lang, text, role, actor, parts):
    story = make_story({"d": (lang, text)})
    names = cast(story)
    assert names[fold(role)].actor == actor
    for p in parts:
        assert fold(p) not in names, p
        assert "unnamed part" in story.non_character_reasons[p]


def test_a_credited_job_named_in_the_prose_stays_a_character():
    # the part is a person the story talks about: the prose names it with its capital
    story = make_story({"d": ("en", "Cast: Tom Vane (Harold Pike), Ann Ross (Footman).\nHarold Pike hires the "
                                    "Footman. Footman says he saw a ghost, and he leaves.")})
    assert cast(story)["footman"].actor == "Ann Ross"


@pytest.mark.parametrize("lang,text,demonym", [
    ("en", "Edna Lowe read the work of two Frenchmen, Jean Arnoul and Paul Vidal, and she opened a school.",
     "Frenchmen"),
    ("es", "Edna Lowe leyó a los Franceses Jean Arnoul y Paul Vidal, y abrió una escuela.", "Franceses"),
])
def test_a_plural_demonym_before_a_list_of_people_is_no_person(lang, text, demonym):
    names = cast(make_story({"d": (lang, text)}))
    assert "jean arnoul" in names and fold(demonym) not in names


@pytest.mark.parametrize("lang,text,shown,bare", [
    ("en", "Nora Bell (Queen Adela) and Sam Hale (Lord Brent) lead the cast. Queen Adela summons Lord Brent.",
     ["Queen Adela", "Lord Brent"], "Adela"),
    ("en", "Mrs. Cole runs the inn. Mrs. Cole hires a cook and she pays him well.", ["Cole"], None),
])
def test_a_rank_is_part_of_a_name_never_written_without_it(lang, text, shown, bare):
    story = make_story({"d": (lang, text)})
    names = cast(story)
    for n in shown:
        assert fold(n) in names, (n, list(names))
    if bare:   # searching by the name proper still finds the person
        assert bare in names[fold(shown[0])].aliases


def test_one_name_under_two_credited_titles_is_two_people():
    story = make_story({"d": ("en", "Starring: Ann Lee (Queen Adela), Mia Roe (Princess Adela), Tom Vane (King "
                                    "Osric).\nKing Osric falls ill. His wife Adela nurses him and she sings to "
                                    "Princess Adela.")})
    names = cast(story)
    assert names["queen adela"].actor == "Ann Lee" and names["princess adela"].actor == "Mia Roe"
    # the bare name goes to one of them, never to a third "Adela"
    assert "adela" not in names and "Adela" in names["queen adela"].aliases


def test_one_title_credited_once_keeps_the_bare_name_with_it():
    story = make_story({"d": ("en", "Starring: Ann Lee (Queen Adela).\nAdela rules alone and she never marries. "
                                    "Queen Adela dies old.")})
    (only,) = cast(story).values()
    assert only.name == "Adela" and only.actor == "Ann Lee" and only.mentions == 3


@pytest.mark.parametrize("lang,text,person,alias", [
    ("en", "Ada Lind visits the doctor in secret. The doctor only knows Ada as Mrs. Greer, and she pays in cash.",
     "Ada Lind", "Greer"),
    ("en", "Ada Lind rents a room and introduces herself as Mrs. Greer to the landlady.", "Ada Lind", "Greer"),
    ("es", "Ada Lind alquila un cuarto y se presenta como señora Greer ante la casera.", "Ada Lind", "Greer"),
    ("it", "Ada Lind affitta una stanza e si fa chiamare signora Greer dalla padrona.", "Ada Lind", "Greer"),
])
def test_an_assumed_name_is_an_alias_not_another_person(lang, text, person, alias):
    names = cast(make_story({"d": (lang, text)}))
    assert fold(alias) not in names, list(names)
    assert any(alias in a for a in names[fold(person)].aliases), names[fold(person)].aliases


@pytest.mark.parametrize("lang,text,person,not_people", [
    ("es", "Julia Romero vive sola en Sevilla y decide abrir una tienda. La música de Pablo Urrutia (que os "
           "sonará también por Matilde) acompaña cada escena.", "Julia Romero", ["Matilde", "Pablo Urrutia"]),
    ("en", "Julia Romero lives alone in Leeds and decides to open a shop. The score by Paul Urwin recalls Matilda "
           "and is gentle.", "Julia Romero", ["Matilda", "Paul Urwin"]),
])
def test_a_first_name_only_beside_a_credit_is_talk_about_the_work(lang, text, person, not_people):
    story = make_story({"d": (lang, text)})
    names = cast(story)
    assert fold(person) in names
    for n in not_people:
        assert fold(n) not in names, (n, list(names))
    assert "credits" in story.non_character_reasons[not_people[0]]


def test_a_first_name_beside_a_credit_that_acts_in_the_story_stays():
    story = make_story({"d": ("en", "Tom Vane plays a fisherman and Matilda says she loves him.")})
    assert "matilda" in cast(story)


def test_a_compound_surname_alone_is_no_first_name():
    # "Tomás y Berrocal" cited for a method: the first half of the surname only looks like a given name
    story = make_story({"d": ("es", "Elena Varo aprende en Turín la técnica que inventó Golgi y perfeccionó "
                                    "Tomás y Berrocal. Elena Varo publica su primer artículo en 1936.")})
    names = cast(story)
    assert "elena varo" in names and "tomas y berrocal" not in names, list(names)


def test_a_particle_surname_and_another_surname_are_two_people():
    story = make_story({"d": ("es", "Lucía Ferri trabaja junto a De Marchi y Colasanti. Ugo Colasanti la "
                                    "ayuda y ella escribe una tesis.")})
    names = cast(story)
    assert "de marchi y colasanti" not in names, list(names)
    assert "Colasanti" in names["ugo colasanti"].aliases   # the second surname is Ugo's, told first


def test_a_king_told_in_three_languages_is_one_cast_entry():
    story = make_story({"en": ("en", "King Edward VIII abdicates and his brother is crowned."),
                        "es": ("es", "El rey Eduardo VIII abdica y su hermano sube al trono."),
                        "it": ("it", "Edoardo VIII abdica e il fratello sale al trono.")})
    kings = [c for c in cast(story).values() if c.name.endswith("VIII")]
    assert len(kings) == 1 and kings[0].docs == ["en", "es", "it"], [c.name for c in kings]


def test_a_second_name_inside_a_credited_role_is_an_alias():
    story = make_story({"d": ("en", "Starring: Guy Roe (King Aldric III, Teddy), Ann Lee (Queen Adela).\n"
                                    "Teddy abdicates and Queen Adela weeps.")})
    names = cast(story)
    king = names["aldric iii"]
    assert king.actor == "Guy Roe" and "Teddy" in king.aliases and "teddy" not in names, list(names)
    assert "Teddy" not in story.non_character_reasons


def test_a_queen_told_in_two_languages_is_one_cast_entry_but_two_first_names_are_not():
    story = make_story({"en": ("en", "Queen Margaret opens the hospital and she thanks the nurses."),
                        "es": ("es", "La reina Margarita inaugura el hospital. Margarita saluda a las enfermeras.")})
    assert [c.docs for c in cast(story).values()] == [["en", "es"]], list(cast(story))
    story = make_story({"en": ("en", "In May young Margaret opens a shop and she thanks the nurses."),
                        "es": ("es", "En mayo la joven Margarita abre una tienda. Margarita saluda a las enfermeras.")})
    assert len(cast(story)) == 2   # a first name alone could be anyone


@pytest.mark.parametrize("lang,text", [
    ("en", "The film is a delight. Daniel Brook plays Alex with great tenderness."),
    ("es", "La película es una delicia. Daniel Brook interpreta a Alex con ternura."),
    ("it", "Il film è una delizia. Daniel Brook interpreta Alex con tenerezza."),
])
def test_the_role_an_actor_plays_is_a_character_with_that_actor(lang, text):
    # named once beside a credit, and still a character: the credit says whom the actor plays
    story = make_story({"d": (lang, text)})
    assert cast(story)["alex"].actor == "Daniel Brook" and "daniel brook" not in cast(story)


@pytest.mark.parametrize("lang,text", [
    ("it", "Tomas Wexler compra una fabbrica.\nAttori: Dalia Fenn - Tomas Wexler, Oren Stroud - Ilka Marr,"),
    ("en", "Tomas Wexler buys a mill.\nActors: Dalia Fenn - Tomas Wexler, Oren Stroud - Ilka Marr"),
    ("es", "Tomas Wexler compra una fábrica.\nActores: Dalia Fenn – Tomas Wexler; Oren Stroud – Ilka Marr"),
    ("en", "Cast: Dalia Fenn as Tomas Wexler, Oren Stroud as Ilka Marr\nTomas Wexler buys a mill."),
    ("it", "Interpreti: Dalia Fenn nel ruolo di Tomas Wexler, Oren Stroud come Ilka Marr\nTomas Wexler compra una fabbrica."),
])
def test_a_credit_line_of_actor_dash_role_pairs_links_each_actor_to_the_role(lang, text):
    # the part after the dash is the character (named only there, still in the cast), the name before is the actor
    story = make_story({"d": (lang, text)})
    names = cast(story)
    assert names["tomas wexler"].actor == "Dalia Fenn" and names["ilka marr"].actor == "Oren Stroud", names
    assert "dalia fenn" not in names and "oren stroud" not in names


def test_a_dash_on_a_crew_line_credits_no_part():
    story = make_story({"d": ("it", "Ugo Lenti apre una bottega. Ugo decide di restare.\nRegia: Dalia Fenn - Italia "
                                    "Nuova\n")})
    names = cast(story)
    assert "ugo lenti" in names and "italia nuova" not in names and "dalia fenn" not in names, names


@pytest.mark.parametrize("lang,text", [
    ("en", "Plot\nTomas Wexler buys a mill. Tomas says he is rich.\nCast\n* Dalia Fenn as Tomas Wexler\n"
           "* Oren Stroud as Ilka Marr, his sister\n"),
    ("es", "Reparto\nDalia Fenn como Tomas Wexler\n\nOren Stroud como Ilka Marr\nSinopsis\nTomas Wexler compra una "
           "fábrica."),
    ("it", "Cast\nDalia Fenn: Tomas Wexler\nOren Stroud: Ilka Marr\nTrama\nTomas Wexler compra una fabbrica."),
])
def test_the_lines_under_a_cast_heading_are_credits(lang, text):
    story = make_story({"d": (lang, text)})
    names = cast(story)
    assert names["tomas wexler"].actor == "Dalia Fenn" and names["ilka marr"].actor == "Oren Stroud", names
    assert "dalia fenn" not in names and "oren stroud" not in names


def test_a_cast_section_ends_at_the_first_prose_line():
    story = make_story({"d": ("en", "Cast\nDalia Fenn as Tomas Wexler\nTomas Wexler opens a mill with Ilka Marr. "
                                    "Ilka says she is glad.")})
    names = cast(story)
    assert names["tomas wexler"].actor == "Dalia Fenn" and "ilka marr" in names and names["ilka marr"].actor is None


# a light verb credits an actor only with a performance after it: "gives a speech" is what a character does
@pytest.mark.parametrize("text,person,actor", [
    ("In 1925 Ada Brent gives a speech, but it is a disaster. In 1934 a doctor tells Ada that smoking is good.",
     "Ada Brent", None),
    ("The film follows Tom Vell (Ada Brent). Ada Brent gives a moving performance as Tom.", "Tom Vell", "Ada Brent"),
])
def test_giving_a_speech_is_no_performance(text, person, actor):
    story = pipeline.run(texts={"d": text}, lang_override={"d": "en"})
    cast = {c.name: c.actor for c in story.characters.values()}
    assert person in cast and cast[person] == actor, (cast, story.non_characters)


# a cast list one name a line, an initial among them ("M. Lane,"), is still a cast list; a connective opening a
# sentence ("Intanto, Mark ...") is nobody; "plays Ada's boyfriend Tom" casts Tom
@pytest.mark.parametrize("lang,text,people,not_people", [
    ("en", "Stars:\nAda Brent,\nM. Tom Lane,\nRobert Vell,\nGeorge Hart,\nDirector:\nIvo Kral\n"
           "Summary: Cameron (Ada Brent) dreams of making films. Cameron meets Flash (Robert Vell), an old lighting "
           "man who worked in Hollywood.", ["Cameron", "Flash"], ["Tom Lane", "George Hart", "Robert Vell"]),
    ("it", "Giovanni vive a Trento. Intanto, Mark, uno sceneggiatore, gli crea frammenti di vita. Giovanni scrive un "
           "libro.", ["Giovanni", "Mark"], ["Intanto"]),
    ("en", "The story revolves around Melinda (Ada Lane), a lonely attendant. Tom Hale plays Melinda's boyfriend Perry, "
           "who is drawn into her game.", ["Melinda", "Perry"], ["Tom Hale"]),
])
def test_lists_connectives_and_relations_in_credits(lang, text, people, not_people):
    story = pipeline.run(texts={"d": text}, lang_override={"d": lang})
    names = {c.name for c in story.characters.values()}
    assert set(people) <= names and not names & set(not_people), (names, story.non_characters)


# "A (B)" flips to actor-first only when every word of B is used in the prose: a shared first name is not that
def test_a_shared_first_name_does_not_flip_a_part_and_its_actor():
    text = ("Cast: Ugo Vela, Marco Brenno, Marco Lenti\n\nNicola (Ugo Vela) arriva a Roma nel 1968. Mentre i suoi "
            "fratelli, Giulio (Marco Brenno) e Andrea (Marco Lenti), si sentono coinvolti dal clima di protesta.")
    story = pipeline.run(texts={"d": text}, lang_override={"d": "it"})
    cast = {c.name: c.actor for c in story.characters.values()}
    assert cast.get("Andrea") == "Marco Lenti" and cast.get("Giulio") == "Marco Brenno", cast


@pytest.mark.parametrize("lang,text", [
    ("en", "In the cast Sam Hale and Lia Roe. The film follows Captain Tom Reyes Sam Hale and a squad Ugo Fenn, "
           "Bea Carr and Lia Roe as they search for a soldier. Tom Reyes finds the boy and he brings him home."),
    ("it", "Nel cast Sam Hale e Lia Roe. Il film segue il capitano Tom Reyes Sam Hale e una squadra Ugo Fenn, "
           "Bea Carr e Lia Roe mentre cercano un soldato. Tom Reyes trova il ragazzo e lo riporta a casa."),
    ("es", "En el reparto Sam Hale y Lia Roe. La película sigue al capitán Tom Reyes Sam Hale y a un pelotón Ugo "
           "Fenn, Bea Carr y Lia Roe mientras buscan a un soldado. Tom Reyes encuentra al chico."),
])
def test_an_actor_glued_to_its_part_on_a_page_that_lost_the_brackets_is_its_actor(lang, text):
    # "Tom Reyes Sam Hale" is "Tom Reyes (Sam Hale)"; the other actors of that sentence are no characters
    story = make_story({"d": (lang, text)})
    names = cast(story)
    assert names["tom reyes"].actor == "Sam Hale"
    for n in ("sam hale", "lia roe", "ugo fenn", "bea carr", "tom reyes sam hale"):
        assert n not in names, (n, list(names))
    assert story.credit_spans["d"] and text[slice(*story.credit_spans["d"][0])] == "Sam Hale"


def test_an_actor_glued_to_its_part_keeps_the_sentence_in_the_story():
    text = ("In the cast Sam Hale and Lia Roe.\n\nThe film follows Captain Tom Reyes Sam Hale as he searches for "
            "a soldier in Normandy. Tom Reyes finds the boy on 9 June 1944.")
    story = pipeline.run(texts={"a.txt": text})
    kinds = {e.sources[0].text[:20]: e.kind for e in story.events}
    assert kinds.get("The film follows Cap") == "story", kinds


def test_a_one_letter_abbreviation_ends_no_sentence():
    # "the U.S. War Department": "War" is part of the name, not a sentence-initial word cut from it
    story = make_story({"d": ("en", "Inside the U.S. War Department, General Ada Lind reads the letter. Lind orders "
                                    "a search. The war goes on.")})
    assert set(cast(story)) == {"ada lind"}
    assert "War Department" in story.non_characters


@pytest.mark.parametrize("lang,text,name", [
    ("en", "Juan of Arden, who was the bastard son of Edmund V, commanded the fleet. Edmund V had died.", "Edmund V"),
    ("it", "Giovanni di Arden, figlio di Carlo X, guidava la flotta.", "Carlo X"),
])
def test_a_one_letter_regnal_numeral_after_a_given_name_is_part_of_the_name(lang, text, name):
    # no royal title before it and no full stop after it (an initial would have one)
    assert fold(name) in cast(make_story({"d": (lang, text)}))


def test_a_one_letter_initial_with_its_full_stop_is_no_numeral():
    names = cast(make_story({"d": ("en", "Edmund V. Hale met Ada Lind. Edmund thanked her.")}))
    assert "edmund v" not in names and "ada lind" in names
