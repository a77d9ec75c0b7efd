"""Commentary a reader would not call story: ratings, narration remarks, historiography, remarks on the
translation or the author's prose, "X is a novel by Y", and short section labels."""
from __future__ import annotations

import pytest

from pipeline.events import classify, headings
from pipeline.model import Sentence


@pytest.mark.parametrize("lang,text,kind", [
    ("en", "Three stars out of five.", "reception"),
    ("es", "Dos estrellas de cinco.", "reception"),
    ("it", "Quattro stelle su cinque.", "reception"),
    ("en", "Then the story goes back two weeks.", "production"),
    ("es", "Luego la novela retrocede unos meses.", "production"),
    ("it", "Poi il racconto torna indietro di un anno.", "production"),
    ("en", "The harbour closed in 1980 and now houses a library.", "production"),
    ("en", "It is remembered as the longest siege of the war.", "production"),
    ("es", "Hoy alberga un museo del vino.", "production"),
    ("it", "Oggi ospita una scuola di musica.", "production"),
    ("en", "The Glass Orchard is the second novel by Tomas Brenner.", "production"),
    ("it", "«Il frutteto di vetro» di Tomas Brenner è un romanzo breve e intenso.", "production"),
    ("es", "La traducción española es muy cuidada.", "reception"),
    ("it", "La traduzione è fedele ma un po' rigida.", "reception"),
    ("en", "Brenner's prose is plain and exact.", "reception"),
    # the writer explaining history or glossing a name, from outside its time
    ("en", "The dry summer was one of the reasons for the famine in the valley.", "reception"),
    ("es", "La escasez de trigo fue una de las causas de la revuelta del puerto.", "reception"),
    ("it", "La scarsità di grano è uno dei motivi della rivolta del porto.", "reception"),
    ("en", "Among the causes of the revolt were high taxes on salt.", "reception"),
    ("it", "La causa principale dell'incendio fu una candela dimenticata.", "reception"),
    ("es", "Una de las razones de la derrota fue la peste en el campamento.", "reception"),
    ("es", "Sus lienzos están caracterizados por colores fríos.", "reception"),
    ("es", "Sus cuadros se caracterizan por colores fríos y líneas muy finas.", "reception"),
    ("it", "Il suo stile si caratterizza per colori freddi e linee sottili.", "reception"),
    ("en", "Her style was characterised by cold colours and thin lines.", "reception"),
    ("it", "La rivolta si inserisce in una lunga lotta per il controllo del fiume.", "reception"),
    ("es", "La revuelta se enmarca en una larga lucha por el control del río.", "reception"),
    ("en", "Brackwater was the name of the inn nearest the ford (today it is a bakery).", "production"),
    ("es", "Brackwater era el nombre de la posada más cercana al vado.", "production"),
    ("it", "Il villaggio deve il suo nome a un antico mulino sul fiume.", "production"),
    # historians' debate, a reading of what something was, an era it opened
    ("en", "Where the first camp stood is in dispute; the northern coves are the likeliest place.", "reception"),
    ("it", "Il luogo del primo approdo resta un mistero.", "reception"),
    ("es", "El lugar del primer desembarco sigue siendo objeto de debate.", "reception"),
    ("es", "La disputa fue sobre todo política: se trataba de humillar al gremio rival.", "reception"),
    ("it", "Il processo fu essenzialmente politico.", "reception"),
    ("en", "The first crossing of the strait opened a new era for the fishermen of the coast.", "reception"),
    ("es", "El primer viaje del correo cerró la primera etapa de la conquista del valle.", "reception"),
    ("it", "La prima traversata del lago aprì una nuova era per i pescatori.", "reception"),
    # the work described with its year
    ("en", "Harbour Lights is a 1987 British drama film set on the coast of Wales.", "production"),
    ("es", "Luces del puerto es una película británica de 1987 ambientada en Gales.", "production"),
])
def test_commentary_is_not_story(lang, text, kind):
    assert classify(text, lang, n_characters=0, actor_outside_parens=False) == kind


@pytest.mark.parametrize("lang,text", [
    ("en", "Then the story goes back to Anna, who boards the night train."),
    ("es", "La novela retrocede al verano de 1936, cuando Lucía esconde las cartas."),
    ("it", "Il racconto torna indietro al 1936, quando Lucia nasconde le lettere."),
])
def test_a_flashback_that_tells_an_event_stays_story(lang, text):
    assert classify(text, lang, n_characters=1, actor_outside_parens=False) == "story"


# an explanation or a name beside a date, the writer's aside, a name someone gives: the event is told
@pytest.mark.parametrize("lang,text,n_chars,has_date", [
    ("en", "In May 1820 the dry summer was one of the reasons for the famine.", 0, True),
    ("it", "Nel 1571, come vedremo, la flotta salpa da Messina.", 0, True),
    ("it", "La flotta, come vedremo, salpa da Messina all'alba.", 0, False),
    ("en", "Among the guests were Anna Brenn and her brother.", 1, False),
    ("es", "Lía Brenn, como veremos, abandona el puerto de noche.", 1, False),
    ("en", "Lia Brenn, as we shall see, leaves the harbour at night.", 1, False),
    ("it", "Il bambino prende il nome dal nonno e cresce nella bottega del padre.", 0, False),
    ("en", "Moonbeam was the name of his first boat, he finally admits.", 0, False),
    ("es", "En 1820 Brackwater era el nombre de la posada más cercana al vado.", 0, True),
])
def test_a_remark_beside_an_event_leaves_it_story(lang, text, n_chars, has_date):
    assert classify(text, lang, n_characters=n_chars, actor_outside_parens=False, has_date=has_date) == "story"


def _sents(lines: list[tuple[int, str]]) -> list[Sentence]:
    return [Sentence(doc="d", lang="en", idx=i, cstart=0, cend=len(t), start=0, end=len(t), text=t, para=p)
            for i, (p, t) in enumerate(lines)]


@pytest.mark.parametrize("lines,expected", [
    ([(0, "Background."), (0, "The harbour was built by the Romans and rebuilt in 1820.")], {0}),
    ([(0, "Capitolo 3."), (0, "La rivolta del porto"), (1, "Il 4 marzo i portuali incrociano le braccia.")], {0, 1}),
    ([(0, "Consecuencias."), (0, "En 1903 se fundó la primera cooperativa del valle.")], {0}),
    ([(0, "She dies."), (0, "Her brother buries her under the old pear tree.")], set()),
])
def test_short_labels_opening_a_paragraph_are_headings(lines, expected):
    assert headings(_sents(lines)) == expected


@pytest.mark.parametrize("lines,busy", [
    ([(0, "Marta leaves."), (0, "Her brother stays behind on the island.")], {0}),
])
def test_a_label_never_names_a_character(lines, busy):
    assert headings(_sents(lines), busy) == set()
