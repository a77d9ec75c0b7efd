"""Kind by evidence: production and reception are about THE work (its making, release, awards, what critics
think of it); a character's own prize, book or film inside the story is story."""
import pytest

from pipeline.events import classify

# (lang, sentence, characters named in it, expected kind)
ABOUT_THE_WORK = [
    ("en", "The film recounts the long crossing of the salt desert.", 0, "production"),
    ("en", "Won three Oscars, including best foreign film.", 0, "reception"),
    ("es", "Ganó tres premios Goya, entre ellos el de mejor guion.", 0, "reception"),
    ("es", "La película obtuvo el Globo de Oro a la mejor cinta extranjera.", 0, "reception"),
    ("it", "Candidato a cinque David di Donatello e vincitore di due Nastri d'argento.", 0, "reception"),
    ("it", "Il film di Ferrante non ha nulla di sorprendente, ma possiede una solidità rara.", 0, "reception"),
    ("it", "La trama si snoda tra giallo e commedia.", 0, "production"),
    ("es", "La cinta se rodó en apenas seis semanas.", 0, "production"),
    # commentary from today, in history pages
    ("en", "The diaries survive and provide a lively account of the siege.", 0, "production"),
    ("es", "Lo que el testigo describe se denomina hoy una oleada de ceniza.", 0, "production"),
    ("it", "Gli scavi archeologici del secolo scorso mostrano il vecchio molo della città.", 0, "production"),
    # the audience is still a reception cue with its article
    ("es", "El público aplaudió de pie durante diez minutos.", 0, "reception"),
    ("it", "Il pubblico applaudì in piedi per dieci minuti.", 0, "reception"),
    ("it", "Voto medio 4,2 su 30 recensioni di critica, pubblico e dizionari.", 0, "reception"),
    ("es", "Nota media de 4,2 según la crítica y el público.", 0, "reception"),
]


@pytest.mark.parametrize("lang,text,n_chars,kind", ABOUT_THE_WORK)
def test_kind_about_the_work_is_not_story(lang, text, n_chars, kind):
    assert classify(text, lang, n_characters=n_chars, actor_outside_parens=False) == kind


STORY = [
    # a character's prize, book or film inside the story
    ("es", "Ganó el Premio Nacional de Poesía con un libro de sonetos.", 0),
    ("es", "En 1921 publica su primer libro, una colección de romances.", 0),
    ("es", "Obsesionado por el crimen, decide escribir una novela sobre el caso.", 0),
    ("en", "Tomas finally publishes his first novel, a thin book about the harbour.", 1),
    ("en", "Mara decides to write a book about the murder she investigated.", 1),
    # a character's works named as a trilogy are still the character's
    ("en", "In these years he writes his three plays of the countryside, the rural trilogy.", 0),
    ("es", "En esos años escribe sus obras más conocidas, la trilogía del campo.", 0),
    ("it", "In quegli anni compone i suoi drammi più noti, detti «trilogia del mare».", 0),
    ("it", "Nel 1958 vince il Nobel per la chimica insieme al suo maestro.", 0),
    ("it", "Ossessionato dal delitto, Bruno decide di scrivere un libro sul caso.", 1),
    ("it", "Con il suo primo romanzo vince il premio della città.", 0),
    ("en", "Anna films the wedding with her father's old camera.", 1),
    # "publicó" / "pubblicò" (published) fold to the noun "público" / "pubblico" (the audience)
    ("es", "En 1907 publicó un libro sobre la travesía del desierto.", 0),
    ("it", "Nel 1907 pubblicò un libro sulla traversata del deserto.", 0),
]


@pytest.mark.parametrize("lang,text,n_chars", STORY)
def test_kind_a_characters_prize_or_book_is_story(lang, text, n_chars):
    assert classify(text, lang, n_characters=n_chars, actor_outside_parens=False) == "story"


# listing and page lines of a film page or a history page: never story
PAGE_LINES = [
    ("it", "Un film di Carla Ventura.", 0),
    ("es", "Una película de Carla Ventura.", 0),
    ("en", "A film by Carla Ventura.", 0),
    ("it", "Acquista su Librimondo il DVD del film.", 0),
    ("it", "Commedia, durata 104 min. - Italia 1961.", 0),
    ("en", "It is an adaptation of the memoir of the same name by a retired sailor.", 0),
    ("es", "Es una adaptación del diario de un marinero retirado.", 0),
    ("en", "The diaries are reproduced here with Professor Lund's permission.", 1),
    ("es", "Autores como Irene Sala especulan con la posibilidad de un segundo incendio.", 1),
    ("es", "Con los años el muro fue el mayor símbolo de una ciudad dividida.", 0),
    ("it", "Ecco in due parole la trama del film di Ventura, che si snoda tra giallo e commedia.", 0),
    # a link line, and a claim of a first told from today about a thing (no character acts)
    ("it", "Clicca qui >>", 0),
    ("en", "Click here for the timetable of the ferries.", 0),
    ("es", "Haz clic aquí para ver el horario.", 0),
    ("it", "Il battello Aurora è considerato il primo piroscafo ad aver attraversato il lago.", 0),
    ("en", "The Aurora is considered the first steamer to cross the lake.", 0),
    ("es", "El Aurora es considerado el primer vapor que cruzó el lago.", 0),
    # a comment on the past from today ("unusual at the time"), no one acting
    ("en", "This was rare at the time, since most girls who went to a secondary school learned Latin.", 0),
    ("es", "Era algo poco común en la época, porque la mayoría de las chicas estudiaba letras.", 0),
    ("it", "Era una scelta insolita per l'epoca, perché quasi tutte le ragazze studiavano lettere.", 0),
    # a caption of the page's map
    ("es", "Reconstrucción del itinerario del viaje que Brea hizo al norte, según su diario.", 1),
    ("it", "Mappa delle tre traversate di Brea, dal suo diario di bordo.", 1),
    ("en", "Map of the three crossings Brea made, after his logbook.", 1),
]


@pytest.mark.parametrize("lang,text,n_chars", PAGE_LINES)
def test_kind_page_and_credit_lines_are_not_story(lang, text, n_chars):
    assert classify(text, lang, n_characters=n_chars, actor_outside_parens=False) != "story"


# a person's standing, told from today (encyclopedia and biography pages): reception, not an event
STANDING = [
    ("en", "Odile Marsan achieved international recognition as a member of the harbour school of painters.", 1),
    ("es", "Fue pintora y grabadora y una de las figuras más destacadas de la escuela del puerto.", 0),
    ("it", "Può essere considerata la più importante pittrice della scuola del porto.", 0),
    ("it", "Nota in tutto il mondo per le sue marine, fu pittrice e incisora.", 0),
    ("es", "Conocida en todo el mundo por sus marinas, fue pintora y grabadora.", 0),
    ("en", "Known all over the world for her seascapes, she painted and engraved.", 0),
]


@pytest.mark.parametrize("lang,text,n_chars", STANDING)
def test_kind_a_persons_standing_is_reception(lang, text, n_chars):
    assert classify(text, lang, n_characters=n_chars, actor_outside_parens=False) == "reception"


RELEASE_AND_STORY = [
    ("en", "Released in Italy on 4 March 1999.", "Released from prison, he goes back to the farm."),
    ("en", "Broadcast on BBC Two in 1996.", "Released on parole, he goes back to the farm."),
    ("es", "Estrenada en España el 11 de octubre de 2006.", "Estrenada la casa nueva, la familia celebra una fiesta."),
    ("es", "Se estrenó en los cines argentinos en agosto de 2009.", "Se estrenó como maestra en la escuela del pueblo."),
    ("it", "Uscito nelle sale italiane il 3 aprile 2010.", "Uscito di prigione, torna alla fattoria del padre."),
    ("it", "Stasera su Canale 5 alle 21:20, in prima visione.", "Stasera la famiglia cena in silenzio."),
]


@pytest.mark.parametrize("lang,release,story", RELEASE_AND_STORY)
def test_kind_release_and_broadcast_lines_but_not_a_characters_release(lang, release, story):
    assert classify(release, lang, n_characters=0, actor_outside_parens=False) == "production"
    assert classify(story, lang, n_characters=0, actor_outside_parens=False) == "story"


@pytest.mark.parametrize("lang,text", [
    ("en", "In the winter of 1931 Nora Kell leaves the village for the city.\n\nReleased in Italy on 4 March 1999.\n\n"
           "Nora Kell finds work in a bakery near the harbour."),
    ("it", "Nell'inverno del 1931 Nora Kell lascia il paese per la città.\n\nUscito nelle sale italiane il 3 aprile "
           "2010.\n\nNora Kell trova lavoro in una panetteria del porto."),
])
def test_a_release_date_never_dates_the_story(lang, text):
    import pipeline
    story = pipeline.run(texts={f"{lang}.txt": text})
    for e in story.events:
        if e.kind == "story":
            assert not (e.date or "").startswith(("1999", "2010")), (e.title, e.date)
        else:
            assert "1999" in e.sources[0].text or "2010" in e.sources[0].text


def test_the_works_title_from_its_heading_line_is_evidence_about_the_work():
    from events_support import build
    from pipeline.kind import work_titles
    story = build("en", [["The Salt Road (1998)"], ["Tomas Arn crosses the desert with his mules."],
                         ["The Salt Road never lets the tension drop."]], {"Tomas Arn": ["Tomas Arn"]})
    assert work_titles(story, "d", ["The Salt Road (1998)"]) == ["The Salt Road"]
    kinds = {e.sources[0].text: e.kind for e in story.events}
    assert kinds["Tomas Arn crosses the desert with his mules."] == "story"
    assert kinds["The Salt Road never lets the tension drop."] != "story"


def test_a_biographys_heading_that_names_its_subject_is_no_title_of_a_work():
    from events_support import build
    from pipeline.kind import work_titles
    story = build("en", [["Tomas Arn"], ["Tomas Arn wrote his first book in 1931, a film script about mules."]],
                  {"Tomas Arn": ["Tomas Arn"]})
    assert work_titles(story, "d", ["Tomas Arn"]) == []


# a judgement of a person (a ranking, "without whom ... never") beside a character's dated event: the
# event is told, the judgement is a remark on the side; without the date it stays a judgement
JUDGED_AND_DATED = [
    ("it", "E chiudiamo con il famoso Aldo Ferri, nato il 3 marzo 1850 a Chioggia, senza il quale questa "
           "impresa non sarebbe mai cominciata."),
    ("es", "Y terminamos con el famoso Aldo Ferri, nacido el 3 de marzo de 1850 en Cádiz, sin el cual esta "
           "empresa nunca habría empezado."),
    ("en", "Aldo Ferri, one of the most celebrated pilots of the coast, was born in Leith on 3 March 1850."),
]


@pytest.mark.parametrize("lang,text", JUDGED_AND_DATED)
def test_a_judgement_beside_a_characters_dated_event_is_story(lang, text):
    assert classify(text, lang, n_characters=1, actor_outside_parens=False, has_date=True) == "story"
    assert classify(text, lang, n_characters=1, actor_outside_parens=False, has_date=False) == "reception"


# words a colon introduces in quotes (an inscription, a motto) are no title of a work
@pytest.mark.parametrize("lang,text", [
    ("it", "I marinai le regalano una medaglia con incisa una frase: \"Chi veglia sul faro veglia sul mare\"."),
    ("en", "The sailors give her a medal engraved with a line: “Whoever keeps the light keeps the sea”."),
    ("es", "Los marineros le regalan una medalla con una frase grabada: «Quien cuida el faro cuida el mar»."),
])
def test_a_quoted_inscription_after_a_colon_is_no_title(lang, text):
    assert classify(text, lang, n_characters=0, actor_outside_parens=False) == "story"


# a cast list under its label names characters, yet it is the page's credits
@pytest.mark.parametrize("lang,text", [
    ("it", "Attori: Carla Ventura - Nora Kell, Piero Sala - Tomas Arn, Anna Riva - Lucia Bianchi"),
    ("es", "Actores: Carla Ventura - Nora Kell, Piero Sala - Tomas Arn, Anna Riva - Lucía Blanco"),
    ("en", "Actors: Carla Ventura - Nora Kell, Peter Hall - Tomas Arn, Anna Reed - Lucy White"),
])
def test_a_labelled_cast_list_is_not_story(lang, text):
    assert classify(text, lang, n_characters=3, actor_outside_parens=False) == "production"


# a logline about the work ("in this coming-of-age drama") is not a story event
@pytest.mark.parametrize("lang,text", [
    ("en", "A young man learns to make his dreams real from an older man in this coming-of-age drama."),
    ("it", "Un ragazzo impara a realizzare i suoi sogni da un uomo anziano in questa commedia amara."),
])
def test_a_logline_about_the_work_is_no_story(lang, text):
    assert classify(text, lang, n_characters=0, actor_outside_parens=False) != "story"


# a work word inside a compound ("movie-mad", "film-buff") names no work: the sentence stays story
def test_a_work_word_inside_a_compound_names_no_work():
    text = ("While cranky Flash does not care for Cameron at first, in time he sees a kindred spirit in the "
            "movie-mad teenager, and offers his equipment to the would-be director.")
    assert classify(text, "en", n_characters=2, actor_outside_parens=False) == "story"
