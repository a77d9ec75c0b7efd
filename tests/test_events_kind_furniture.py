"""Kind by the page's shape: photo captions, link captions and page labels are the page's furniture, not
the story, even when their words could tell an event."""
import pytest

import pipeline


def _kinds(lang: str, text: str) -> dict[str, str]:
    story = pipeline.run(texts={f"{lang}.txt": text})
    return {e.sources[0].text: e.kind for e in story.events}


@pytest.mark.parametrize("lang,caption,counter,story", [
    ("en", "Fishermen watch the harbour lights go out on 3 May 1911", "(2 of 9)",
     "When the storm finally came, Nora Kell was already at sea with her brother."),
    ("es", "Los pescadores miran apagarse las luces del puerto el 3 de mayo de 1911", "(2 de 9)",
     "Cuando llegó la tormenta, Nora Kell ya estaba en el mar con su hermano."),
    ("it", "I pescatori guardano spegnersi le luci del porto il 3 maggio 1911", "(2 di 9)",
     "Quando arrivò la tempesta, Nora Kell era già in mare con suo fratello."),
])
def test_a_line_beside_a_picture_counter_is_a_caption(lang, caption, counter, story):
    kinds = _kinds(lang, f"{caption}\n{counter}\n{story}")
    assert kinds[caption] != "story"
    assert kinds[story] == "story"


@pytest.mark.parametrize("lang,caption,call,story", [
    ("en", "The history of the lighthouse keepers.", "Click here >>",
     "In 1911 Nora Kell lit the lamp of the northern tower for the first time."),
    ("es", "La historia de los guardianes del faro.", "Haz clic aquí >>",
     "En 1911 Nora Kell encendió por primera vez la lámpara de la torre norte."),
    ("it", "La storia dei guardiani del faro.", "Clicca qui >>",
     "Nel 1911 Nora Kell accese per la prima volta la lampada della torre nord."),
])
def test_the_sentence_before_a_link_call_is_the_links_caption(lang, caption, call, story):
    kinds = _kinds(lang, f"{story}\n{caption} {call}\n{story}")
    assert kinds[caption] != "story"
    assert all(k == "story" for t, k in kinds.items() if t == story)


@pytest.mark.parametrize("lang,text,label,plot", [
    ("en", "The Harbour Lights!Plot (source: a listing): Nora Kell leaves the village in the winter of 1931.",
     "Plot (source: a listing):", "Nora Kell leaves the village in the winter of 1931."),
    ("es", "¡Las luces del puerto!Sinopsis (fuente X): Nora Kell deja el pueblo en el invierno de 1931.",
     "Sinopsis (fuente X):", "Nora Kell deja el pueblo en el invierno de 1931."),
    ("it", "Le luci del porto!Trama(fonte X): Nora Kell lascia il paese nell'inverno del 1931.",
     "Trama(fonte X):", "Nora Kell lascia il paese nell'inverno del 1931."),
])
def test_a_glued_page_label_is_split_off_and_is_not_story(lang, text, label, plot):
    kinds = _kinds(lang, text)
    assert kinds.get(label, "none") != "story"
    assert kinds[plot] == "story"


@pytest.mark.parametrize("lang,text", [
    ("en", "The crossing is thus also an inner journey, a slow coming of age."),
    ("es", "La travesía es pues también un viaje interior, un lento aprendizaje."),
    ("it", "La traversata è dunque anche un viaggio interiore, una lenta formazione."),
])
def test_the_writers_reading_with_no_one_acting_is_reception(lang, text):
    from pipeline.events import classify
    assert classify(text, lang, n_characters=0, actor_outside_parens=False) == "reception"
    assert classify(text, lang, n_characters=1, actor_outside_parens=False) == "story"


PAST_TOLD = {
    "en": ["In 1911 Nora Kell arrived at the lighthouse with her brother.",
           "The first winter was hard and the lamp failed twice.",
           "In March a storm destroyed the northern pier.",
           "From the cliff, the old tower offers a fine view of the whole bay.",
           "They built a new pier with stones from the quarry.",
           "Nora Kell left the island in 1920."],
    "es": ["En 1911 Nora Kell llegó al faro con su hermano.",
           "El primer invierno fue duro y la lámpara falló dos veces.",
           "En marzo una tormenta destruyó el muelle norte.",
           "Sobre el acantilado, la vieja torre ofrece una hermosa vista de toda la bahía.",
           "Ellos vieron el muelle nuevo desde la colina.",
           "Nora Kell dejó la isla en 1920."],
    "it": ["Nel 1911 Nora Kell arrivò al faro con suo fratello.",
           "Il primo inverno fu duro e la lampada si spense due volte.",
           "A marzo una tempesta distrusse il molo nord.",
           "Dalla scogliera, la vecchia torre offre una bella vista su tutta la baia.",
           "Gli abitanti vennero colti di sorpresa dalla piena del fiume.",
           "Nora Kell lasciò l'isola nel 1920."],
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_a_present_remark_in_a_story_told_in_the_past_is_commentary(lang):
    lines = PAST_TOLD[lang]
    kinds = _kinds(lang, "\n".join(lines))
    assert kinds[lines[3]] != "story"  # the view from the tower today
    assert all(kinds[t] == "story" for t in lines[:3] + lines[4:])  # irregular pasts and pronouns stay story


@pytest.mark.parametrize("lang,speech", [
    ("en", "\u201cStay here and keep the fire burning until morning.\u201d"),
    ("it", "«Resta qui e tieni acceso il fuoco fino al mattino.»"),
])
def test_speech_in_the_present_in_a_story_told_in_the_past_stays_story(lang, speech):
    lines = PAST_TOLD[lang][:3] + [speech] + PAST_TOLD[lang][4:]
    kinds = _kinds(lang, "\n".join(lines))
    assert kinds[speech] == "story"


@pytest.mark.parametrize("lang,text", [
    ("en", "The harbour master later said that without the old admiral this peace would probably never have come."),
    ("es", "El capitán del puerto dijo después que sin el viejo almirante esta paz probablemente no habría llegado."),
    ("it", "Il capitano del porto disse poi che senza il vecchio ammiraglio questa pace probabilmente non sarebbe arrivata."),
])
def test_what_would_not_have_happened_is_an_assessment_not_an_event(lang, text):
    from pipeline.events import classify
    assert classify(text, lang, n_characters=1, actor_outside_parens=False) == "reception"


@pytest.mark.parametrize("lang,text,kind", [
    ("es", "Vida, mar, tormentas: la historia de la primera farera del norte.", "production"),
    ("en", "Life, sea, storms: the story of the first woman keeper of the northern lamp.", "production"),
    ("it", "Vita, mare, tempeste: la storia della prima guardiana del faro del nord.", "production"),
    # a relative clause in the teaser still tells an event
    ("es", "Vida, mar, tormentas: la historia de la primera farera, que en 1911 encendió el faro del norte.", "story"),
    ("it", "Nora racconta: la storia di suo padre finì in mare.", "story"),  # someone speaking, not a teaser
    ("it", "Era una donna istruita che amava i libri e sostenne le idee della figlia.", "reception"),
    ("es", "Era una mujer culta que amaba la lectura y apoyó las ideas de su hija.", "reception"),
    ("en", "She was a woman of learning who loved books and backed her daughter's ideas.", "reception"),
])
def test_a_pages_teaser_and_a_persons_portrait_are_not_events(lang, text, kind):
    from pipeline.events import classify
    assert classify(text, lang, n_characters=int(text.startswith("Nora")), actor_outside_parens=False) == kind


@pytest.mark.parametrize("lang,line", [
    ("es", "La nueva lámpara le supuso al farero doblar su sueldo y conservar la casa."),  # irregular -puso
    ("es", "Más tarde los trasladarían a todos a las barracas del puerto viejo."),  # the future seen from then
    ("es", "Las barcas ya no tenían sitio en el muelle del norte."),
])
def test_irregular_and_conditional_pasts_are_past_narration_not_remarks(lang, line):
    lines = PAST_TOLD[lang][:3] + [line] + PAST_TOLD[lang][4:]
    kinds = _kinds(lang, "\n".join(lines))
    assert kinds[line] == "story"


FIGURE_NOTE = {
    "en": "Nora Kell's crossings; the thick line marks her first trip to the island. "
          "The thin line traces her long voyage back to Leith",
    "es": "Las travesías de Nora Kell; la línea gruesa marca su primer viaje a la isla. "
          "La línea de puntos sigue su largo regreso a Leith",
    "it": "Le traversate di Nora Kell; la linea spessa segna il suo primo viaggio sull'isola. "
          "La linea tratteggiata segue il suo lungo ritorno a Leith",
}


@pytest.mark.parametrize("lang", ["en", "es", "it"])
def test_a_present_paragraph_without_a_final_stop_in_a_past_story_is_a_figure_note(lang):
    lines = PAST_TOLD[lang]
    kinds = _kinds(lang, "\n\n".join(lines[:3] + [FIGURE_NOTE[lang]] + lines[4:]))
    assert all(k != "story" for t, k in kinds.items() if t in FIGURE_NOTE[lang]), kinds
    assert all(kinds[t] == "story" for t in lines[:3] + lines[4:])
    # the same words closed by a stop may be the story told in the present: not a note by shape alone
    kinds = _kinds(lang, "\n\n".join(lines[:3] + [FIGURE_NOTE[lang] + "."] + lines[4:]))
    assert any(k == "story" for t, k in kinds.items() if t in FIGURE_NOTE[lang] + "."), kinds
