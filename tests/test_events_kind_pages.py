"""Kind by the shape of a page and of a biography: a data sheet, a wiki's edit marks, a call to the reader,
a life summed up, a remark from today are not the story; the story told in the historical present, or
'during the film', still is."""
import pytest

import pipeline
from pipeline.events import classify


def _kinds(lang: str, text: str) -> dict[str, str]:
    story = pipeline.run(texts={f"{lang}.txt": text})
    return {e.sources[0].text.strip(): e.kind for e in story.events}


SHEETS = {
    "es": ("Dirección: Ana Ruiz.\n\nAño: 1998.\n\nPaíses: España / Portugal.\n\nVestuario: Carla Monti.\n\n"
           "Diseño de producción: Pedro Sanz.\n\nDirección artística: Olga Vidal.\n\n",
           "En 1952 Lucía Ferrer abre la vieja tienda de su abuelo en Valencia."),
    "en": ("Director: Ann Rowe.\n\nYear: 1998.\n\nCountries: Ireland / Wales.\n\nCostumes: Carla Mont.\n\n"
           "Production design: Peter Sand.\n\nArt direction: Olga Vale.\n\n",
           "In 1952 Lucy Farrell opens her grandfather's old shop in Cork."),
    "it": ("Regia: Anna Rossi.\n\nAnno: 1998.\n\nPaesi: Italia / Francia.\n\nCostumi: Carla Monti.\n\n"
           "Scenografia: Pietro Santi.\n\nDirezione artistica: Olga Villa.\n\n",
           "Nel 1952 Lucia Ferri riapre la vecchia bottega del nonno a Genova."),
}


@pytest.mark.parametrize("lang", sorted(SHEETS))
def test_every_line_of_a_data_sheet_is_about_the_work_whatever_its_label(lang):
    sheet, story = SHEETS[lang]
    kinds = _kinds(lang, sheet + story)
    assert kinds[story] == "story"
    labelled = {t: k for t, k in kinds.items() if ":" in t}
    assert labelled and all(k != "story" for k in labelled.values()), labelled


@pytest.mark.parametrize("lang,text", [
    ("es", "Infancia: Nació en Oporto en 1921.\n\nEstudios: Estudió piano en Lisboa en 1938.\n\n"
           "Exilio: Huyó a Buenos Aires en 1940.\n\n"),
    ("en", "Childhood: She was born in Porto in 1921.\n\nStudies: She studied piano in Lisbon in 1938.\n\n"
           "Exile: She fled to Buenos Aires in 1940.\n\n"),
    ("it", "Infanzia: nasce a Porto nel 1921.\n\nStudi: studia pianoforte a Lisbona nel 1938.\n\n"
           "Esilio: fugge a Buenos Aires nel 1940.\n\n"),
    ("en", "Childhood: she grows up in Porto.\n\nStudies: she learns the piano in Lisbon.\n\n"
           "Exile: she flees to Buenos Aires.\n\n"),
])
def test_labelled_lines_that_narrate_are_a_chronology_not_a_data_sheet(lang, text):
    kinds = _kinds(lang, text)
    assert kinds and all(k == "story" for k in kinds.values()), kinds


@pytest.mark.parametrize("lang,heading,story", [
    ("it", "«Vengo dal mare, Marta Lenzi» [modifica]",
     "Marta Lenzi lascia il porto di Ancona nel 1921 con il fratello."),
    ("en", "Return to the harbour[]", "Marta Lenz left the harbour of Cork in 1921 with her brother."),
    ("es", "«Vengo del mar, Marta Lenz» [editar]", "Marta Lenz dejó el puerto de Vigo en 1921 con su hermano."),
])
def test_a_line_with_a_wikis_edit_mark_is_a_heading_not_an_event(lang, heading, story):
    kinds = _kinds(lang, f"{heading}\n\n{story}")
    assert kinds.get(story) == "story"
    assert not any("Vengo" in t or "Return to" in t for t in kinds), kinds


@pytest.mark.parametrize("lang,call,story", [
    ("es", "¡Visita nuestra sección de historia para saber más!",
     "En Cádiz, Tomás Brea empezó a estudiar los barcos y aprendió mucho."),
    ("en", "Go to the history section to find out more!",
     "In Cadiz, Tom Brea began to study ships and learnt a great deal."),
    ("it", "Vai alla sezione di storia per saperne di più!",
     "A Cadice, Tommaso Brea cominciò a studiare le navi e imparò molto."),
])
def test_a_call_to_the_reader_is_page_furniture_and_captions_nothing(lang, call, story):
    kinds = _kinds(lang, f"{story} {call}")
    assert kinds[story] == "story"
    assert kinds.get(call.rstrip("!"), kinds.get(call)) != "story"


@pytest.mark.parametrize("lang,summary", [
    ("en", "Tom Brea was a true Baroque man."),
    ("en", "He was a painter, sculptor, architect, and engineer."),
    ("en", "She was a woman ahead of her age."),
    ("es", "Tomás Brea fue un verdadero hombre del Barroco."),
    ("es", "Fue pintor, escultor, arquitecto e ingeniero."),
    ("it", "Tommaso Brea fu un vero uomo del Barocco."),
    ("it", "Fu pittore, scultore, architetto e ingegnere."),
    ("en", "Some of his works include the harbour bridge, a crane and a diving bell."),
    ("es", "Algunas de sus obras más conocidas son el puente del puerto y la grúa del astillero."),
    ("it", "Tra le sue opere più note ci sono il ponte del porto e la gru del cantiere."),
    # the scope of a life's output
    ("en", "Her music spans every genre of the age."),
    ("es", "Sin embargo, la obra de Tomás Brea se extendió a todos los oficios del puerto."),
    ("it", "La produzione di Tommaso Brea spazia tra tutti i mestieri del porto."),
    # the credit for a deed, told from today
    ("it", "Benché preceduto da altri marinai, a Tommaso Brea resta comunque il merito di aver trovato il passaggio."),
    ("es", "Aunque otros lo intentaron antes, a Tomás Brea le corresponde el mérito de haber hallado el paso."),
    ("en", "Although others had sailed there before, the credit for finding the passage goes to Tom Brea."),
])
def test_a_life_summed_up_is_the_writers_judgement(lang, summary):
    assert classify(summary, lang, n_characters=0, actor_outside_parens=False) != "story"


@pytest.mark.parametrize("lang,fact", [
    ("en", "He was the son of a ferryman."),
    ("en", "It was a cold, dark and stormy night."),
    ("es", "Fue hijo de un barquero."),
    ("it", "Fu figlio di un barcaiolo."),
])
def test_a_fact_of_a_life_told_with_a_copula_is_story(lang, fact):
    assert classify(fact, lang, n_characters=0, actor_outside_parens=False) == "story"


def test_remarks_from_today_on_a_persons_works_are_not_story_in_a_life_told_in_the_past():
    text = ("Tom Brea was born in Bergen in 1702. He studied mathematics in Copenhagen and returned home in 1725. "
            "He designed the harbour bridge and built a crane for the shipyard. He died in Bergen in 1771. "
            "Some of his drawings include a bridge, a crane and a diving bell. "
            "Some of Brea's notebooks resemble modern blueprints.")
    kinds = _kinds("en", text)
    assert kinds["He died in Bergen in 1771."] == "story"
    remarks = {t: k for t, k in kinds.items() if "drawings" in t or "notebooks" in t}
    assert remarks and all(k != "story" for k in remarks.values()), remarks
    # an owner deep in the sentence is no sign of a remark: someone else acts on the character's things
    told = text.replace("Some of Brea's notebooks resemble modern blueprints.",
                        "A young engineer finds a flaw in Brea's old drawings.")
    assert _kinds("en", told)["A young engineer finds a flaw in Brea's old drawings."] == "story"


@pytest.mark.parametrize("lang,text,present", [
    ("es", "Clara Ibáñez nació en Sevilla en 1790. Estudió música en Madrid y se casó con un pintor en 1812. "
           "En 1815 viajó a Roma con su maestro. Regresa después a Sevilla y funda una escuela de canto. "
           "Es nombrada directora del conservatorio de la ciudad. Murió en Sevilla en 1851.",
     ["Regresa después a Sevilla", "Es nombrada directora"]),
    ("it", "Clara Ibba nacque a Cagliari nel 1790. Studiò musica a Torino e sposò un pittore nel 1812. "
           "Nel 1815 partì per Roma con il suo maestro. Torna poi a Cagliari e fonda una scuola di canto. "
           "Viene nominata direttrice del conservatorio della città. Morì a Cagliari nel 1851.",
     ["Torna poi a Cagliari", "Viene nominata direttrice"]),
])
def test_a_verb_first_sentence_in_the_historical_present_is_still_the_story(lang, text, present):
    kinds = _kinds(lang, text)
    for head in present:
        told = [k for t, k in kinds.items() if t.startswith(head)]
        assert told and all(k == "story" for k in told), (head, kinds)


@pytest.mark.parametrize("lang,text", [
    ("it", "Nel corso del film il vecchio pescatore ripara la barca e insegna al nipote a pescare."),
    ("es", "Durante la película el viejo pescador repara su barca y enseña a pescar a su nieto."),
    ("en", "Throughout the film the old fisherman mends his boat and teaches his grandson to fish."),
])
def test_the_film_as_the_span_of_story_time_is_no_evidence_about_the_work(lang, text):
    assert classify(text, lang, n_characters=0, actor_outside_parens=False) == "story"


@pytest.mark.parametrize("lang,text", [
    ("es", "Durante el rodaje de la película el director cambió el final."),
    ("it", "Durante le riprese del film il regista cambiò il finale."),
])
def test_the_making_of_the_film_stays_production(lang, text):
    assert classify(text, lang, n_characters=0, actor_outside_parens=False) == "production"
