"""One event per thing that happens: a sentence telling several moments becomes several events, each with
its own words as source, its own date and its subject; a sentence telling one action with modifiers stays
one event, and scene joining never glues a new moment to the sentence before. Invented sentences."""
import pytest

import pipeline


def story_events(lang: str, text: str) -> list[dict]:
    st = pipeline.run(texts={f"clauses_{lang}.txt": text}, lang_override={f"clauses_{lang}": lang})
    evs, _ = pipeline.records(st)
    return [e for e in evs if e.get("kind") == "story"]


def sources(e: dict) -> str:
    return " ".join(s["text"] for s in e["sources"])


# (lang, text, [(words the event's source holds, year its date starts with, a character it names)])
SPLIT = [
    ("it", "Laureatasi nel 1936, Lucia Ferrante si specializza in neurologia, ma nel 1938 le leggi razziali la "
           "costringono a emigrare in Belgio, e nel 1940 torna a Pavia.",
     [("Laureatasi nel 1936", "1936", "Lucia Ferrante"), ("nel 1938 le leggi razziali", "1938", "Lucia Ferrante"),
      ("nel 1940 torna a Pavia", "1940", "Lucia Ferrante")]),
    ("es", "Tomás Arriaga nació en 1901 en Soria y murió el 3 de mayo de 1960 en Madrid.",
     [("nació en 1901", "1901", "Tomás Arriaga"), ("murió el 3 de mayo de 1960", "1960", "Tomás Arriaga")]),
    ("es", "Elena Ruiz creció en Cádiz. A los 18 años, en 1919, Elena Ruiz empezó sus estudios de Derecho y, en "
           "1925 se licenció con honores.",
     [("empezó sus estudios", "1919", "Elena Ruiz"), ("se licenció con honores", "1925", "Elena Ruiz")]),
    ("en", "Born in 1921 in a small mining town, Walter Greaves moved to Leeds in 1939, where he opened a bicycle "
           "shop with his cousin.",
     [("Born in 1921", "1921", None), ("moved to Leeds in 1939", "1939", "Walter Greaves"),
      ("where he opened a bicycle shop", None, "Walter Greaves")]),
    ("it", "Con lo scoppio della rivolta Marco Dellera torna a Verona dove viene arrestato dalle guardie e "
           "processato il 4 marzo 1849.",
     [("torna a Verona", None, "Marco Dellera"), ("dove viene arrestato", "1849", "Marco Dellera")]),
    ("it", "Nel 1952 Paolo Serra ottiene una cattedra a Lione e resterà in Francia fino al 1970.",
     [("ottiene una cattedra", "1952", "Paolo Serra"), ("resterà in Francia fino al 1970", "1952", "Paolo Serra")]),  # a stay from 1952 to 1970, sorted at its start
    ("en", "Nora Quill studied with the painters Ivo Marsh and Dana Holt, who later both won the Calder Medal in "
           "the 1980s.",
     [("studied with the painters", None, "Nora Quill"), ("who later both won the Calder Medal", "1980",
                                                             "Dana Holt")]),
    ("it", "Nel 1950 Fabio Conti perde il lavoro e si trasferisce con la famiglia a Torino.",
     [("perde il lavoro", "1950", "Fabio Conti"), ("si trasferisce con la famiglia", "1950", "Fabio Conti")]),
    ("es", "En 1950 Rosa Llorente pierde su trabajo y se muda con su familia a Valencia.",
     [("pierde su trabajo", "1950", "Rosa Llorente"), ("se muda con su familia", "1950", "Rosa Llorente")]),
    ("es", "En 1950 Pedro Salas guarda la carta en su chaqueta pero un buen día la pierde en el mercado de Lugo.",
     [("guarda la carta", "1950", "Pedro Salas"), ("un buen día la pierde", None, "Pedro Salas")]),
    ("en", "In 1950 Ada Brent keeps the letter in her coat and one day she loses it at the market in Hull.",
     [("keeps the letter", "1950", "Ada Brent"), ("one day she loses it", None, "Ada Brent")]),
    # a word that can only be a finite verb after 'y' / 'e' ('dedicó', 'aprì') opens a clause of its own
    ("es", "En 1950 Pedro Salas vendió la granja de Lugo y compró un barco de pesca en Vigo.",
     [("vendió la granja", "1950", "Pedro Salas"), ("compró un barco de pesca", None, "Pedro Salas")]),
    ("it", "Nel 1950 Piero Sala vendette la fattoria di Lucca e comprò un peschereccio a Livorno.",
     [("vendette la fattoria", "1950", "Piero Sala"), ("comprò un peschereccio", None, "Piero Sala")]),
    # a return is a new moment: what follows 'y a su regreso' / 'e al suo ritorno' happens after the trip
    ("es", "En 1950 Pedro Salas viajó a Lisboa y a su regreso a Lugo abrió una imprenta en el puerto.",
     [("viajó a Lisboa", "1950", "Pedro Salas"), ("a su regreso a Lugo abrió una imprenta", None, "Pedro Salas")]),
    ("it", "Nel 1950 Piero Sala viaggiò fino a Lisbona e al suo ritorno a Lucca aprì una tipografia nel porto.",
     [("viaggiò fino a Lisbona", "1950", "Piero Sala"), ("al suo ritorno a Lucca aprì una tipografia", None, "Piero Sala")]),
    # an opening 'when' clause with its own time is a moment of its own; the main clause tells what follows
    ("es", "En 1950 Tomás Gil cae enfermo. Cuando se cura, dos años después, su hermana Lidia Gil le regala un "
           "caballo.",
     [("Cuando se cura, dos años después", None, None), ("su hermana Lidia Gil le regala", None, "Lidia Gil")]),
    ("it", "Nel 1950 Tommaso Gallo si ammala. Quando guarisce, due anni dopo, la sorella Lidia Gallo gli regala un "
           "cavallo.",
     [("Quando guarisce, due anni dopo", None, None), ("la sorella Lidia Gallo gli regala", None, "Lidia Gallo")]),
    # 'and despite' / 'e nonostante' opens a clause of its own, and a trailing gerund that moves on in time
    # ('receiving ... two years later') is a later step
    ("en", "In 1950 Lina Moro wanted to study law, and despite the anger of her uncle, Lina enrolled at the "
           "University of Pavia, receiving her degree four years later.",
     [("wanted to study law", "1950", "Lina Moro"), ("despite the anger of her uncle", None, "Lina Moro"),
      ("receiving her degree four years later", None, None)]),
    ("it", "Nel 1943 Bruno Serra vede la distruzione del suo quartiere e malgrado tutti i suoi tentativi non riesce "
           "a salvare la bottega del padre.",
     [("vede la distruzione", "1943", "Bruno Serra"), ("malgrado tutti i suoi tentativi", None, "Bruno Serra")]),
    ("en", "In 1950 Ada Brent was hired at the wool mill of Hull, and shortly after was promoted to foreman of the "
           "dye house.",
     [("was hired at the wool mill", "1950", "Ada Brent"), ("shortly after was promoted", None, "Ada Brent")]),
    ("es", "En 1950 Rosa Llorente entra a trabajar en la fábrica de Alcoy y poco después asciende a jefa del taller.",
     [("entra a trabajar en la fábrica", "1950", "Rosa Llorente"), ("poco después asciende", None, "Rosa Llorente")]),
    # a coordinator before a relative time ('e, qualche anno dopo, ...') opens a later moment
    ("it", "Nel 1873 la famiglia Rossi si trasferì prima a Pisa e, qualche anno dopo, a Lucca.",
     [("si trasferì prima a Pisa", "1873", None), ("qualche anno dopo, a Lucca", None, None)]),
    # an opening 'after' clause whose main clause moves on ('on her return') is two moments
    ("en", "Ada Brent grew up in Hull. After studying briefly in Lyon, on her return Ada Brent opened a school for "
           "weavers.",
     [("After studying briefly in Lyon", None, None), ("on her return Ada Brent opened a school", None,
                                                        "Ada Brent")]),
    # 'but' and another person: that person's action against the first one is an event of its own
    ("en", "In 1936 Bertie Hale wants to stop seeing doctors, but his wife Elizabeth Hale goes to see a therapist "
           "in Dover Street.",
     [("wants to stop seeing doctors", "1936", "Bertie Hale"), ("his wife Elizabeth Hale goes", None,
                                                                  "Elizabeth Hale")]),
    ("it", "Nel 1936 Bruno Serra vuole lasciare la scuola di musica, ma la madre Anna Serra va a parlare con il "
           "maestro.",
     [("vuole lasciare la scuola", "1936", "Bruno Serra"), ("la madre Anna Serra va a parlare", None, "Anna Serra")]),
    # after a comma, a relative, a participle or 'before/after' + a non-finite verb with a date of its own
    # tells its own moment: it takes its own date, and the main clause keeps its own
    ("en", "In 1890 Ada Brent met the teacher Clara Voss, who founded a school for weavers in 1907.",
     [("met the teacher Clara Voss", "1890", "Ada Brent"), ("who founded a school for weavers in 1907", "1907",
                                                          "Clara Voss")]),
    ("es", "La nave estaba al mando del marino Tomás Arriaga, que tomó el mando tras la muerte del capitán en "
           "abril de 1521.",
     [("estaba al mando del marino", None, "Tomás Arriaga"), ("que tomó el mando", "1521-04", "Tomás Arriaga")]),
    ("es", "En 1630 Pedro Salas viajó a Madrid para pedir permiso para su libro, impreso en Sevilla en 1632.",
     [("viajó a Madrid", "1630", "Pedro Salas"), ("impreso en Sevilla en 1632", "1632", None)]),
    ("it", "Nel 1638 Paolo Serra era ormai cieco, senza l'aiuto della figlia, Suor Anna Serra morta nel 1634.",
     [("era ormai cieco", "1638", "Paolo Serra"), ("Suor Anna Serra morta nel 1634", "1634", "Anna Serra")]),
    ("it", "Nel 1920 Anna Rossi lasciò Torino, dopo aver vinto un premio a Milano nel 1919.",
     [("lasciò Torino", "1920", "Anna Rossi"), ("dopo aver vinto un premio", "1919", "Anna Rossi")]),
    ("en", "Tom Hale sold his bicycle shop in Leeds, before opening a flying school in Hull in 1911.",
     [("sold his bicycle shop", None, "Tom Hale"), ("before opening a flying school", "1911", "Tom Hale")]),
    ("es", "En 1925 Rosa Llorente dejó el taller de Alcoy, después de casarse con Luis Gil en Valencia en 1924.",
     [("dejó el taller", "1925", "Rosa Llorente"), ("después de casarse con Luis Gil", "1924", "Rosa Llorente")]),
    # a participle phrase between commas with its own date is an event inside the main clause, which goes on
    # without that date
    ("en", "The third glider of Tom Hale, tested on the beach at Hull in 1902, flew more than six hundred times.",
     [("tested on the beach at Hull in 1902", "1902", None), ("flew more than six hundred times", None, "Tom Hale")]),
    ("it", "Nel 1519 Marco Dellera, nato il 3 febbraio 1480 a Lerda, parte da Siviglia con cinque navi.",
     [("nato il 3 febbraio 1480", "1480-02-03", "Marco Dellera"), ("parte da Siviglia", "1519", "Marco Dellera")]),
    # after a colon a time of its own, even late in the clause, is a later moment
    ("it", "Nel 1917 Marta Neri resta sola con un grosso problema: il fratello Paolo Neri torna dal fronte tre "
           "mesi dopo e non riesce più a lavorare.",
     [("resta sola con un grosso problema", "1917", "Marta Neri"), ("il fratello Paolo Neri torna", None,
                                                                     "Paolo Neri")]),
]


@pytest.mark.parametrize("lang,text,expected", SPLIT)
def test_events_clauses_each_moment_is_its_own_event(lang, text, expected):
    evs = story_events(lang, text)
    for words, year, who in expected:
        holding = [e for e in evs if words in sources(e)]
        assert len(holding) == 1, (words, [sources(e) for e in evs])
        ev = holding[0]
        others = [w for w, _, _ in expected if w != words]
        assert not any(w in sources(ev) for w in others), (words, sources(ev))  # its own words only
        if year:
            assert (ev.get("date") or "").startswith(year), (words, ev.get("date"))
        if who:
            assert who in ev["characters"], (words, ev["characters"])


@pytest.mark.parametrize("lang,text,span", [
    ("es", "Tomás Arriaga nació en 1901 en Soria y murió el 3 de mayo de 1960 en Madrid.",
     "y murió el 3 de mayo de 1960 en Madrid."),
    ("it", "Con lo scoppio della rivolta Marco Dellera torna a Verona dove viene arrestato dalle guardie e "
           "processato il 4 marzo 1849.", "dove viene arrestato dalle guardie e processato il 4 marzo 1849."),
])
def test_events_clauses_a_clause_event_points_at_its_clause(lang, text, span):
    """The scorer matches a snippet to a source span: the clause event's offsets are the clause's."""
    ev = next(e for e in story_events(lang, text) if span in sources(e))
    src = ev["sources"][0]
    assert text[src["start"]:src["end"]] == span


@pytest.mark.parametrize("lang,text,not_first", [
    ("it", "Con lo scoppio della rivolta Marco Dellera torna a Verona dove viene arrestato dalle guardie e "
           "processato il 4 marzo 1849.", "dove"),
    ("en", "Nora Quill studied with the painters Ivo Marsh and Dana Holt, who later both won the Calder Medal in "
           "the 1980s.", "who"),
])
def test_events_clauses_a_relative_clause_headline_tells_the_action(lang, text, not_first):
    titles = [e["title"] for e in story_events(lang, text)]
    assert len(titles) == 2
    assert not titles[1].lower().startswith(not_first), titles


@pytest.mark.parametrize("lang,text", [
    ("en", "In 1950 Harold Finch breaks the window and climbs into the locked room."),
    ("en", "Between 1940 and 1945 Harold Finch worked at the harbour and lived with his aunt."),
    ("es", "Acompañado de su hermano Luis, Pedro Salas recorre el mercado buscando al ladrón."),
    ("it", "Sul molo Anna Rossi saluta il padre e abbraccia la sorella."),
    ("it", "Tra il 1940 e il 1945 Fabio Conti lavora al porto e vive con la zia."),
    ("es", "Sin embargo, Pedro Salas encuentra la carta y, sin decir nada, la guarda en su chaqueta."),
    ("es", "Pedro Salas vuelve cada noche a la vieja estación de radio donde trabajaba su padre."),
    ("it", "Anna Rossi torna ogni sera nella vecchia stazione radio dove lavorava il padre."),
    # 'but' and the same person: how the same attempt went
    ("en", "Bertie Hale tries to give a speech at the stadium, but he stammers in front of the crowd."),
    # an opening 'when' without a time of its own sets the scene of its main clause
    ("en", "When the army enters Lugo, Pedro Salas hides the letters in the cellar."),
    # a relative, a participle or an appositive without a date of its own describes its noun
    ("en", "In 1950 Ada Brent married Tom Hale, who worked at the wool mill of Hull."),
    ("en", "In 1950 Ada Brent, tired after the long trip from Leeds, opened a bakery in Hull."),
    ("it", "Nel 1950 Anna Rossi sposò Marco Neri, nato a Lucca, e aprì una bottega."),
    ("es", "En 1950 Rosa Llorente conoce a Luis Gil, un pintor nacido en Vigo, en el mercado del puerto."),
    # a trailing participle after a clause with no date of its own: its date is the best the clause has
    ("en", "A federal agent named Tom Hale is assigned to the murder of Ada Brent, attacked in her home in June 1974."),
    # the same date again is the same moment
    ("es", "En 1950 Rosa Llorente dejó el taller de Alcoy, después de casarse con Luis Gil en 1950."),
    # a trailing gerund that tells how long the same thing lasted
    ("en", "In 1898 the weavers of the Rota mill went on strike, lasting from 2 May to 20 May 1898."),
])
def test_events_clauses_one_action_with_modifiers_stays_one_event(lang, text):
    assert len(story_events(lang, text)) == 1


@pytest.mark.parametrize("lang,text,second", [
    ("en", "In 1950 Clara Voss opens a bakery in Dresden. Then she sells it to her cousin Emil Voss.", "Then she"),
    ("es", "En 1950 Clara Ibarra abre una panadería en Bilbao. Luego la vende a su primo Emilio Ibarra.", "Luego"),
    ("it", "Nel 1950 Clara Bassi apre una panetteria a Genova. Poi la vende al cugino Emilio Bassi.", "Poi"),
    ("en", "Ada Brent opens a bakery in Leeds. Here she meets the young baker Tom Hale.", "Here she"),
])
def test_events_clauses_a_time_shift_or_an_opening_phrase_is_never_joined(lang, text, second):
    evs = story_events(lang, text)
    assert len(evs) == 2, [sources(e) for e in evs]
    assert sources(evs[1]).startswith(second)


@pytest.mark.parametrize("lang,text", [
    ("en", "Ada Brent opens a bakery in Leeds. She bakes bread for the whole street."),
    ("it", "Ada Bruni apre una panetteria a Genova. Lei cuoce il pane per tutta la strada."),
])
def test_events_clauses_the_same_subject_carrying_on_still_joins(lang, text):
    assert len(story_events(lang, text)) == 1


@pytest.mark.parametrize("lang,text,want", [
    ("es", "Entre 1940 y 1945 Pedro Salas trabajó en el puerto de Vigo.", "Pedro Salas trabajó en el puerto de Vigo"),
    ("it", "Tra il 1940 e il 1945 Fabio Conti lavora al porto di Bari.", "Fabio Conti lavora al porto di Bari"),
    ("en", "From 1940 to 1945 Harold Finch worked at the harbour of Hull.", "Harold Finch worked at the harbour of Hull"),
])
def test_events_clauses_a_span_of_years_opening_the_sentence_leaves_the_headline_whole(lang, text, want):
    """Both ends of "Entre 1940 y 1945" go with the opening: never a headline starting "1945 Pedro ..."."""
    assert [e["title"] for e in story_events(lang, text)] == [want]


@pytest.mark.parametrize("lang,text,side,after", [
    ("en", "In 1890 Ada Brent met the teacher Clara Voss, who founded a school for weavers in 1907. Ada Brent opened "
           "a bakery in Leeds with her sister.", "who founded a school", "opened a bakery"),
    ("es", "En 1936 Pedro Salas vivía en Lugo con su tío, muerto en la guerra de Cuba en 1898. Pedro Salas abrió una "
           "imprenta en el puerto.", "muerto en la guerra", "abrió una imprenta"),
    ("it", "Nel 1920 Anna Rossi lasciò Torino, dopo aver vinto un premio a Milano nel 1919. Anna Rossi aprì una "
           "bottega a Genova.", "dopo aver vinto", "aprì una bottega"),
])
def test_events_clauses_a_side_clause_date_does_not_move_the_story(lang, text, side, after):
    """The side clause keeps its own date; the next sentence follows the main clause's date, not the side one."""
    evs = story_events(lang, text)
    side_ev = next(e for e in evs if side in sources(e))
    next_ev = next(e for e in evs if after in sources(e))
    assert side_ev["date"][:4] != next_ev["date"][:4], (side_ev["date"], next_ev["date"])
    assert (next_ev.get("date_from") or next_ev["date"])[:4] == text.split()[1], next_ev
