"""Who is in each event: named people, groups through their members, subject pronouns by gender, pairs,
Spanish and Italian sentences without a stated subject, and possessives — so that filtering by a character
tells that character's story."""
import pytest

import pipeline
from events_support import build
from pipeline.model import Character


def _story(lang, paras, cast, groups=(), times=()):
    story = build(lang, paras, cast, times=times)
    return story


def _with(story, needle):
    ev = next(e for e in story.events if any(needle in s.text for s in e.sources))
    return ev.characters


# (lang, paragraphs, cast, sentence to look at, who must be in it)
PRONOUNS = [
    # "she" is the last woman when the last subject is known to be a man
    ("en", [["Miss Vail teaches the twins to read.", "Then Mr Oskar Brill brings the letters from the port.",
             "She hides the letters under the floor of the school."]],
     {"Miss Vail": ["Miss Vail"], "Oskar Brill": ["Oskar Brill"]}, "She hides", ["Miss Vail"]),
    ("es", [["Su hermana Paola Ruiz vive en el molino.", "Después su padre Tomás Ruiz vende el caballo en la feria.",
             "Ella esconde el dinero en el molino del pueblo."]],
     {"Paola Ruiz": ["Paola Ruiz"], "Tomás Ruiz": ["Tomás Ruiz"]}, "Ella esconde", ["Paola Ruiz"]),
    ("it", [["Sua madre Elsa Neri lavora al mulino.", "Poi il signor Carlo Neri vende il cavallo alla fiera.",
             "Lei nasconde il denaro nel mulino del paese."]],
     {"Elsa Neri": ["Elsa Neri"], "Carlo Neri": ["Carlo Neri"]}, "Lei nasconde", ["Elsa Neri"]),
    # a biography's "she" is its subject, not the mother named in between
    ("en", [["Nadia Orsk was born in Riga, the daughter of a tailor.", "Her mother Ilse Orsk died when she was two.",
             "In 1950 she began to study chemistry in Leipzig."]],
     {"Nadia Orsk": ["Nadia Orsk"], "Ilse Orsk": ["Ilse Orsk"]}, "began to study", ["Nadia Orsk"]),
    # "they" after two co-subjects is both of them
    ("en", [["Ruth Ambler and Ivo Sand leave the capital on an old motorbike.",
             "They want to reach the coast before the winter comes."]],
     {"Ruth Ambler": ["Ruth Ambler"], "Ivo Sand": ["Ivo Sand"]}, "They want", ["Ruth Ambler", "Ivo Sand"]),
    # pair words
    ("it", [["Ruth Ambler e Ivo Sand decidono di lasciare la capitale.",
             "I due partono in sella a una vecchia moto verso la costa."]],
     {"Ruth Ambler": ["Ruth Ambler"], "Ivo Sand": ["Ivo Sand"]}, "I due partono", ["Ruth Ambler", "Ivo Sand"]),
    ("es", [["Ruth Ambler e Ivo Sand deciden dejar la capital.",
             "Los dos salen en una vieja moto hacia la costa."]],
     {"Ruth Ambler": ["Ruth Ambler"], "Ivo Sand": ["Ivo Sand"]}, "Los dos salen", ["Ruth Ambler", "Ivo Sand"]),
]


@pytest.mark.parametrize("lang,paras,cast,needle,who", PRONOUNS)
def test_pronouns_and_pairs_stand_for_the_right_people(lang, paras, cast, needle, who):
    chars = _with(build(lang, paras, cast, times=[("In 1950", "year")]), needle)
    for name in who:
        assert name in chars, chars


DROPPED_SUBJECT = [
    ("es", [["Irene Salas nació en Cádiz en 1901.", "En 1920 comenzó sus estudios de medicina en Sevilla.",
             "Posteriormente consiguió un puesto de ayudante en el hospital."]],
     {"Irene Salas": ["Irene Salas"]}, ["comenzó sus estudios", "consiguió un puesto"]),
    ("it", [["Irene Sala nasce a Cagliari nel 1901.", "Nel 1920 si trasferisce a Pisa per studiare medicina.",
             "Ottiene la cattedra di fisiologia nel 1935."]],
     {"Irene Sala": ["Irene Sala"]}, ["si trasferisce", "Ottiene la cattedra"]),
    # the verb first: the names after it are its objects, the subject is still the last one
    ("es", [["Irene Salas nació en Cádiz en 1901.", "Tuvo dos hermanos mayores, Pablo y Marta.",
             "En 1920 se inscribió en la facultad de medicina de Sevilla."]],
     {"Irene Salas": ["Irene Salas"], "Pablo": ["Pablo"], "Marta": ["Marta"]}, ["Tuvo dos", "se inscribió"]),
]


@pytest.mark.parametrize("lang,paras,cast,needles", DROPPED_SUBJECT)
def test_a_sentence_without_a_stated_subject_keeps_the_last_subject(lang, paras, cast, needles):
    story = build(lang, paras, cast, times=[("1901", "year"), ("1920", "year"), ("1935", "year")])
    for needle in needles:
        assert list(cast)[0] in _with(story, needle), needle


# the subject comes after its verb ("arriva una tempesta"): no one is carried into it
INVERTED = [
    ("it", [["Tomas Berg porta la barca al porto.", "Tre giorni dopo arriva una tempesta violentissima sulla costa."]],
     {"Tomas Berg": ["Tomas Berg"]}, "arriva una tempesta"),
    ("es", [["Tomás Berg lleva la barca al puerto.", "Tres días después llega una tormenta violentísima a la costa."]],
     {"Tomás Berg": ["Tomás Berg"]}, "llega una tormenta"),
    ("es", [["Tomás Berg lleva la barca al puerto.", "Pequeños temblores sacuden las casas del puerto durante la noche."]],
     {"Tomás Berg": ["Tomás Berg"]}, "Pequeños temblores"),
]


@pytest.mark.parametrize("lang,paras,cast,needle", INVERTED)
def test_a_subject_after_its_verb_carries_no_one(lang, paras, cast, needle):
    story = build(lang, paras, cast, times=[("Tre giorni dopo", "relative"), ("Tres días después", "relative")])
    assert _with(story, needle) == []


POSSESSIVES = [
    ("en", [["At the fair, Homa Lind shows her glider to the judges.",
             "Overnight, someone steals her glider and the drawings of Professor Ansel Grau."]],
     {"Homa Lind": ["Homa Lind"], "Ansel Grau": ["Ansel Grau"]}, "someone steals", "Homa Lind"),
    ("it", [["Alla fiera, Homa Lind mostra il suo aliante ai giudici.",
             "Durante la notte qualcuno ruba il suo aliante e i disegni del professor Ansel Grau."]],
     {"Homa Lind": ["Homa Lind"], "Ansel Grau": ["Ansel Grau"]}, "qualcuno ruba", "Homa Lind"),
]


@pytest.mark.parametrize("lang,paras,cast,needle,who", POSSESSIVES)
def test_a_possessive_told_before_any_name_brings_its_owner(lang, paras, cast, needle, who):
    assert who in _with(build(lang, paras, cast), needle)


def test_a_group_stands_for_its_members():
    story = build("es", [["Los chicos construyen un cohete en el garaje de Nico Parra."]],
                  {"Nico Parra": ["Nico Parra"], "Lía Parra": ["Lía Parra"]})
    story.characters["chicos"] = Character(id="chicos", name="los chicos", is_group=True,
                                           members=["nico_parra", "lía_parra"])
    from pipeline import events
    from pipeline.model import Mention
    text = story.docs[0].clean
    i = text.index("Los chicos")
    story.mentions.append(Mention("d", 0, i, i + len("Los chicos"), "Los chicos", "chicos"))
    story.mentions.sort(key=lambda m: m.cstart)
    story.events = []
    story = events.run(story)
    assert {"Nico Parra", "Lía Parra"} <= set(story.events[0].characters)


def test_a_full_name_without_a_mention_still_counts():
    story = build("en", [["Ruth Ambler crosses the border at dawn with her friend Ivo Sand, a chemist."]],
                  {"Ruth Ambler": ["Ruth Ambler"], "Ivo Sand": []})
    assert "Ivo Sand" in story.events[0].characters


def _assert_who(lang: str, text: str, who: dict[str, list[str]]) -> None:
    """Each telling holding `needle` has exactly these characters."""
    story = pipeline.run(texts={"d": text}, lang_override={"d": lang})
    for needle, names in who.items():
        (ev,) = [e for e in story.events if any(needle in s.text for s in e.sources)]
        assert sorted(ev.characters) == sorted(names), needle


# A name followed by a bare participle ("Anna morta nel 1629") has no verb of its own: a side note about
# that person, after which the story is still about its subject. A place relative ("dove visse con ...")
# and a verb before a preposition ("Morì a ...", "Murió en ...") keep the last subject too.
SIDE_NOTES = [
    ("it", "Varo Lenti nacque nel 1564. Nel 1620 si trasferì a Tarsa con la figlia Anna. Anna morta nel 1629. "
           "Morì a Osel nel 1642.", {"Anna morta": ["Anna"], "Morì a Osel": ["Varo Lenti"]}),
    ("it", "Varo Lenti nacque nel 1564. Nel 1620 si trasferì a Tarsa, dove visse con la figlia Anna. "
           "Suor Anna morta nel 1629, si ammalò gravemente. Nel 1638 era ormai cieco. Morì a Osel nel 1642.",
     {"dove visse": ["Varo Lenti", "Anna"], "si ammalò": ["Varo Lenti", "Anna"], "era ormai cieco": ["Varo Lenti"],
      "Morì a Osel": ["Varo Lenti"]}),
    ("es", "Varo Lenti nació en 1564. En 1620 se trasladó a Tarsa con su hija Ana. Ana, muerta en 1629. "
           "Murió en Osel en 1642.", {"muerta en 1629": ["Ana"], "Murió en Osel": ["Varo Lenti"]}),
]


@pytest.mark.parametrize("lang,text,who", SIDE_NOTES)
def test_a_side_note_about_someone_else_keeps_the_story_on_its_subject(lang, text, who):
    _assert_who(lang, text, who)


# a name inside an opening prepositional phrase is not the clause's subject: the pronoun after its comma is
OPENING_PHRASE = [
    ("en", "Vardo Lenti was born in Lerda in 1564. In a letter to his friend Father Osti, dated 3 May 1613, he "
           "defended the new astronomy. After a long trial he was condemned on 22 June 1633.",
     {"he defended": ["Osti", "Vardo Lenti"], "he was condemned": ["Vardo Lenti"]}),
    ("en", "Vardo Lenti escaped from Lerda in 1600. With the help of Lia Osti, he reached the coast in 1601. Then he "
           "sailed to Corbe.", {"he reached": ["Lia Osti", "Vardo Lenti"], "he sailed": ["Vardo Lenti"]}),
]


@pytest.mark.parametrize("lang,text,who", OPENING_PHRASE)
def test_a_name_in_an_opening_phrase_is_not_the_subject(lang, text, who):
    _assert_who(lang, text, who)


# someone the story does not name ("a speech doctor", "un médico") opening a clause is its subject, and the
# topic: the pronoun or dropped subject after it is that person, never the last person named
UNNAMED = [
    ("en", "Tom Brent takes his daughter Ada Brent to London in 1925. In 1934 a speech doctor tells Ada that smoking "
           "is good. He has Ada put marbles in her mouth.", {"a speech doctor": ["Ada Brent"], "He has": ["Ada Brent"]}),
    ("es", "Tomás Brent lleva a su hija Ada Brent a Londres en 1925. En 1934 un médico le dice a Ada que fumar es "
           "bueno. Le pide que ponga canicas en la boca.", {"un médico": ["Ada Brent"], "Le pide": []}),
]


@pytest.mark.parametrize("lang,text,who", UNNAMED)
def test_an_unnamed_person_is_the_subject_and_the_topic(lang, text, who):
    _assert_who(lang, text, who)
