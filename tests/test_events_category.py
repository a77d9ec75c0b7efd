"""An event's category comes from its main action, not from any keyword it happens to contain: the
main clause outweighs time phrases, subordinate clauses and asides, and decisive actions (arrest,
marry, die, publish) outweigh the nouns around them."""
from __future__ import annotations

import pytest

from pipeline.events import category, concept_weights

CASES = [
    # marrying someone with a job is a wedding, not a job
    ("en", "In 1890 she marries the engineer in the old church.", "romance"),
    ("es", "En 1890 se casó con el ingeniero en la iglesia del pueblo.", "romance"),
    ("it", "Nel 1890 si sposa con l'ingegnere nella chiesa del paese.", "romance"),
    # an arrest at a harbour is about the law, not travel
    ("en", "The inspector arrests her at the port, when she tries to board a ship to Tangier.", "law"),
    ("es", "El inspector la detiene en el puerto, cuando intenta embarcar hacia Tánger.", "law"),
    ("it", "L'ispettore la arresta al porto, mentre cerca di imbarcarsi per Tangeri.", "law"),
    # a doctorate is school, though "doctor" is a health word
    ("en", "In June she obtained her doctorate with a thesis on plant poisons.", "school"),
    ("es", "En junio obtuvo el doctorado con una tesis sobre los venenos de las plantas.", "school"),
    ("it", "A giugno ottenne il dottorato con una tesi sui veleni delle piante.", "school"),
    # publishing a method to measure a poison in water is science, not a disaster
    ("en", "In 1898 she published her method for measuring arsenic in water, which still bears her name.", "science"),
    ("es", "En 1898 publicó su método para medir el arsénico en el agua, que todavía lleva su nombre.", "science"),
    ("it", "Nel 1898 pubblicò il suo metodo per misurare l'arsenico nell'acqua, che porta ancora il suo nome.",
     "science"),
    # a cycling stage that starts from a town is a race, not a journey
    ("en", "The first stage of the race left the town with ninety riders.", "competition"),
    ("es", "La primera etapa de la carrera partió de la ciudad con noventa corredores.", "competition"),
    ("it", "La prima tappa del giro partì dalla città con novanta corridori.", "competition"),
    # dying in a subordinate clause does not beat the main action ...
    ("en", "The old sailor rescues the boy after the captain has died.", "disaster"),
    # ... but a reported death ("learns that") is the event itself
    ("en", "The next day she learns by telephone that her brother has died.", "death"),
    ("es", "Al día siguiente se entera por teléfono de que su maestro ha muerto.", "death"),
    ("it", "Il giorno dopo viene a sapere per telefono che il suo maestro è morto.", "death"),
    # frost is weather damage, not a death
    ("en", "That night a late frost kills almost every vine on the farm.", "disaster"),
    ("es", "Esa noche una helada tardía mata casi todas las vides de la finca.", "disaster"),
    ("it", "Quella notte una gelata tardiva uccide quasi tutte le viti della fattoria.", "disaster"),
    # a colon hands the main clause to its explanation
    ("es", "El giro final llega en la última página: la asesina es la sobrina.", "death"),
    ("en", "The twist comes on the last page: the murderer is the niece.", "death"),
    ("it", "La svolta arriva all'ultima pagina: l'assassina è la nipote.", "death"),
]


@pytest.mark.parametrize("lang,text,expected", CASES)
def test_the_main_action_decides_the_category(lang, text, expected):
    assert category(concept_weights(text, lang)) == expected


@pytest.mark.parametrize("lang,text,main,aside", [
    ("en", "The mayor, who owned the factory, called the police.", "police", "factory"),
    ("es", "El alcalde, que era dueño de la fábrica, llamó a la policía.", "police", "factory"),
    ("it", "Il sindaco, che possedeva la fabbrica, chiamò la polizia.", "police", "factory"),
])
def test_main_clause_concepts_outweigh_relative_asides(lang, text, main, aside):
    w = concept_weights(text, lang)
    assert w[main] > w[aside]


def test_a_plain_list_of_concepts_still_counts_each_once():
    assert category(["ship", "die", "die"]) == "death"
    assert category(["look", "town"]) == "other"
