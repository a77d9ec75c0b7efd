"""Kind per section: the sentences under a heading that names a section about the work ("Why watch it?",
"¿Por qué ver …?", "Da pensare", "Cast") are not story, even those that speak of the characters, up to the
next heading; the plot above such a section stays story."""
import pytest

import pipeline

# (lang, plot heading, plot, section heading, section lines (one paragraph each), a line that names a character)
SECTIONS = [
    ("en", "Plot", "In May 1961 Lena Ward opens a bakery in Leeds. Her brother Tom joins her a year later.",
     "Why watch The Flour Years?",
     ["- Because it shows in a simple way how a family can live through hard times.",
      "- Lena is afraid that her brother could leave her again, and so she protects him.",
      "Have you ever done something unlikely for someone you love?"],
     "Lena is afraid"),
    ("es", "Sinopsis", "En mayo de 1961 Lena Ward abre una panadería en Leeds. Su hermano Tom se une a ella un año "
                       "después.",
     "¿Por qué ver Los años de la harina?",
     ["- Porque cuenta de una manera sencilla cómo una familia puede vivir tiempos difíciles.",
      "- Lena tiene miedo de que su hermano vuelva a dejarla, y de ahí que lo proteja.",
      "¿Has hecho alguna vez algo inverosímil por alguien a quien quieres?"],
     "Lena tiene miedo"),
    ("it", "Trama", "Nel maggio 1961 Lena Ward apre una panetteria a Leeds. Suo fratello Tom la raggiunge un anno "
                    "dopo.",
     "Da pensare",
     ["- Perché racconta in modo semplice come una famiglia può attraversare tempi difficili.",
      "- Lena ha paura che il fratello la lasci di nuovo, e per questo lo protegge.",
      "Hai mai fatto qualcosa di incredibile per qualcuno che ami?"],
     "Lena ha paura"),
]


@pytest.mark.parametrize("lang,plot_head,plot,head,lines,named", SECTIONS, ids=[r[0] for r in SECTIONS])
def test_a_section_about_the_work_is_not_story(lang, plot_head, plot, head, lines, named):
    text = "\n".join([plot_head, plot, head, *lines]) + "\n"
    story = pipeline.run(texts={f"{lang}.txt": text}, lang_override={f"{lang}.txt": lang})
    in_plot = [e for e in story.events if e.sources[0].text in plot]
    in_section = [e for e in story.events if any(e.sources[0].text in line for line in lines)]
    assert in_plot and all(e.kind == "story" for e in in_plot)
    assert any(named in e.sources[0].text for e in in_section)
    for e in in_section:
        assert e.kind != "story", (e.kind, e.sources[0].text)
        assert e.date is None, (e.date, e.sources[0].text)


# a heading a story's own section may carry is no section about the work: a character's prizes are story,
# and a single word names a section only alone ("Opinión pública" is no "Opinión")
STORY_SECTIONS = [
    ("en", "Awards", "In 1911 Lena Ward won the Harbour Prize for her bread."),
    ("es", "Opinión pública", "En 1911 la ciudad entera protestó contra el cierre de la panadería de Lena Ward."),
    ("it", "Premi", "Nel 1911 Lena Ward vinse il premio del porto per il suo pane."),
]


@pytest.mark.parametrize("lang,head,line", STORY_SECTIONS, ids=[r[0] for r in STORY_SECTIONS])
def test_a_story_section_heading_keeps_its_sentences_story(lang, head, line):
    story = pipeline.run(texts={f"{lang}.txt": f"{head}\n{line}\n"}, lang_override={f"{lang}.txt": lang})
    evs = [e for e in story.events if e.sources[0].text in line]
    assert evs and all(e.kind == "story" for e in evs), [(e.kind, e.sources[0].text) for e in evs]
