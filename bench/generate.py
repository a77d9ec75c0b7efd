#!/usr/bin/env python3
"""Deterministic story generator for benchmarks: template sentences in en/es/it.

Plot sentences with names (honorifics, actors in parentheses, family words, groups), places, dates in
every form the pipeline meets (full dates, month+year, bare months, years, seasons, decades), relative
phrases ("The next day", "tres días antes de la boda", "quella notte"), plus review and production
prose, numbers with both decimal styles, &quot; entities and a few missing spaces after full stops.
Nothing here is a real story; the same seed always gives the same text.

    python bench/generate.py --words 10000 --lang it --seed 3            # one document to stdout
    python bench/generate.py --words 100000 --out /tmp/corpus            # documents of 2-5k words
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

LANGS = ("en", "es", "it")

T: dict[str, dict[str, list[str]]] = {
    "en": {
        "first": ["Anna", "Tom", "Clara", "Peter", "Ruth", "Oscar", "Nora", "Henry", "Alice", "Samuel", "Lena", "Victor"],
        "last": ["Berg", "Hollis", "Kane", "Finch", "Marlow", "Reed", "Doyle", "Pryce", "Calder", "Ashby"],
        "hon": ["Mr.", "Mrs.", "Dr.", "Miss", "Professor"],
        "family": ["his father", "her mother", "his brother", "her sister", "their uncle"],
        "group": ["the four friends", "the two brothers", "the villagers", "the crew"],
        "place": ["Leeds", "Port Alden", "the harbour", "the old mill", "Dover", "the mine", "the lighthouse"],
        "verb": ["arrives in {place}", "leaves {place}", "is arrested near {place}", "finds a letter in {place}",
                 "meets {other} at {place}", "quarrels with {other}", "marries {other}", "builds a boat",
                 "wins the regional race", "is injured in a fire at {place}", "returns to {place}",
                 "writes to {other}", "sells the farm", "hides the money in {place}"],
        "month": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"],
        "season": ["spring", "summer", "autumn", "winter"],
        "dated": ["On {month} {day}, {year}, {who} {verb}.", "In {month} {year}, {who} {verb}.",
                  "In {month}, {who} {verb}.", "In {year}, {who} {verb}.", "On {day} {month} {year}, {who} {verb}.",
                  "In the {season} of {year}, {who} {verb}.", "In the {decade}s, {who} {verb}.",
                  "By {month} {day}, {who} {verb}."],
        "rel": ["The next day, {who} {verb}.", "That night, {who} {verb}.", "Years later, {who} {verb}.",
                "Three days before the wedding, {who} {verb}.", "Just before the launch, {who} {verb}.",
                "Two weeks later, {who} {verb}.", "The following morning {who} {verb}.", "Meanwhile, {who} {verb}.",
                "{who} {verb}.", "{who} {verb}.", "After the funeral, {who} {verb}."],
        "review": ["The soundtrack is superb.", "Filming took place in {place} over {n} weeks.",
                   "{actor} was around {age} when the film was released.", "The film grossed ${n} million.",
                   "The rocket reached {big} metres.", "Directed by {actor}, the film is a quiet triumph.",
                   "The photography is beautiful and the pacing never drags.", "Not to be missed."],
        "intro": ["&quot;{title}&quot; follows {char} ({actor}), who lives in {place}."],
        "title": ["The Glass Harbour", "Cold Lanterns", "A Field of Salt", "The Last Ferry"],
    },
    "es": {
        "first": ["Lucía", "Andrés", "Marta", "Julio", "Inés", "Ramón", "Paula", "Tomás", "Elena", "Diego"],
        "last": ["Gómez", "Ortiz", "Ruiz", "Paz", "Márquez", "Ibarra", "Laguna", "Frías", "Ocampo"],
        "hon": ["Sra.", "Sr.", "Dr.", "Srta.", "don", "doña"],
        "family": ["su padre", "su madre", "su hermano", "su tía"],
        "group": ["los cuatro amigos", "los dos hermanos", "los vecinos", "la tripulación"],
        "place": ["Sevilla", "Toledo", "el puerto", "la vieja fábrica", "Madrid", "la mina", "el faro"],
        "verb": ["llega a {place}", "deja {place}", "es detenido cerca de {place}", "encuentra una carta en {place}",
                 "conoce a {other} en {place}", "discute con {other}", "se casa con {other}", "construye un barco",
                 "gana la carrera", "resulta herido en un incendio en {place}", "vuelve a {place}",
                 "escribe a {other}", "vende la finca", "esconde el dinero en {place}"],
        "month": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                  "octubre", "noviembre", "diciembre"],
        "season": ["primavera", "verano", "otoño", "invierno"],
        "dated": ["El {day} de {month} de {year}, {who} {verb}.", "En {month} de {year}, {who} {verb}.",
                  "En {month}, {who} {verb}.", "En {year}, {who} {verb}.", "En la {season} de {year}, {who} {verb}.",
                  "En los años {decade2}, {who} {verb}.", "Hacia el {day} de {month}, {who} {verb}."],
        "rel": ["Al día siguiente, {who} {verb}.", "Esa noche, {who} {verb}.", "Años después, {who} {verb}.",
                "Tres días antes de la boda, {who} {verb}.", "Justo antes del lanzamiento, {who} {verb}.",
                "Dos semanas más tarde, {who} {verb}.", "Mientras tanto, {who} {verb}.", "{who} {verb}.",
                "{who} {verb}.", "Tras el entierro, {who} {verb}."],
        "review": ["La fotografía es preciosa.", "El rodaje tuvo lugar en {place} durante {n} semanas.",
                   "{actor} tenía unos {age} años cuando se estrenó la película.",
                   "La película recaudó {n} millones de euros.", "El cohete alcanzó {bigc} metros.",
                   "Dirigida por {actor}, la película es un pequeño triunfo.", "El puntaje de fondo estaba bien."],
        "intro": ["&quot;{title}&quot; cuenta la historia de {char} ({actor}), que vive en {place}."],
        "title": ["El puerto de cristal", "Linternas frías", "Un campo de sal"],
    },
    "it": {
        "first": ["Giulia", "Marco", "Elena", "Aldo", "Teresa", "Enrico", "Bruna", "Pietro", "Sara", "Osvaldo"],
        "last": ["Neri", "Rossi", "Bassi", "Fabbri", "Landi", "Sala", "Mei", "Conte", "Valli"],
        "hon": ["il signor", "la signora", "il dott.", "la signorina", "il professor"],
        "family": ["suo padre", "sua madre", "suo fratello", "sua zia"],
        "group": ["i quattro amici", "i due fratelli", "gli abitanti del paese", "l'equipaggio"],
        "place": ["Torino", "Lecce", "il porto", "il vecchio mulino", "Bari", "la miniera", "il faro"],
        "verb": ["arriva a {place}", "lascia {place}", "viene arrestato vicino a {place}",
                 "trova una lettera a {place}", "incontra {other} a {place}", "litiga con {other}",
                 "sposa {other}", "costruisce una barca", "vince la gara", "rimane ferito in un incendio a {place}",
                 "torna a {place}", "scrive a {other}", "vende la fattoria", "nasconde i soldi a {place}"],
        "month": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                  "ottobre", "novembre", "dicembre"],
        "season": ["primavera", "estate", "autunno", "inverno"],
        "dated": ["Il {day} {month} {year} {who} {verb}.", "Nel {month} del {year} {who} {verb}.",
                  "A {month} {who} {verb}.", "Nel {year} {who} {verb}.", "Nella {season} del {year} {who} {verb}.",
                  "Negli anni '{decade2} {who} {verb}.", "Verso il {day} {month} {who} {verb}."],
        "rel": ["Il giorno dopo {who} {verb}.", "Quella notte {who} {verb}.", "Anni dopo {who} {verb}.",
                "Tre giorni dopo, {who} {verb}.", "Poco prima del lancio {who} {verb}.",
                "Due settimane più tardi {who} {verb}.", "Nel frattempo {who} {verb}.", "{who} {verb}.",
                "{who} {verb}.", "Dopo il funerale {who} {verb}."],
        "review": ["Il film ha incassato {n} milioni.", "Le riprese si sono svolte a {place} in {n} settimane.",
                   "{actor} aveva circa {age} anni durante le riprese.", "La colonna sonora è splendida.",
                   "Il razzo raggiunse {bigc} metri.", "Diretto da {actor}, il film è un piccolo trionfo."],
        "intro": ["&quot;{title}&quot; racconta la storia di {char} ({actor}), che vive a {place}."],
        "title": ["Il porto di vetro", "Lanterne fredde", "Un campo di sale"],
    },
}


class Teller:
    """Sentences of one language drawn from the templates with one seeded random generator."""

    def __init__(self, lang: str, rng: random.Random):
        self.t, self.rng = T[lang], rng
        t = self.t
        self.cast = [f"{rng.choice(t['first'])} {rng.choice(t['last'])}" for _ in range(6)]
        self.actors = [f"{rng.choice(T['en']['first'])} {rng.choice(T['en']['last'])}" for _ in range(6)]
        self.year = rng.randint(1850, 2000)

    def who(self) -> str:
        r, t = self.rng.random(), self.t
        if r < 0.45:
            return self.rng.choice(self.cast)
        if r < 0.6:
            return f"{self.rng.choice(t['hon'])} {self.rng.choice(self.cast).split()[-1]}"
        if r < 0.7:
            return f"{self.rng.choice(t['family'])} {self.rng.choice(self.cast).split()[0]}"
        if r < 0.8:
            return self.rng.choice(t["group"])
        i = self.rng.randrange(len(self.cast))
        return f"{self.cast[i]} ({self.actors[i]})"

    def fill(self, template: str) -> str:
        rng, t = self.rng, self.t
        if rng.random() < 0.3:
            self.year += rng.randint(0, 2)
        verb = rng.choice(t["verb"]).format(place=rng.choice(t["place"]), other=rng.choice(self.cast))
        big = rng.randint(1000, 30000)
        return template.format(
            who=self.who(), verb=verb, month=rng.choice(t["month"]), day=rng.randint(1, 28), year=self.year,
            season=rng.choice(t["season"]), decade=self.year // 10 * 10, decade2=self.year // 10 % 10 * 10,
            place=rng.choice(t["place"]), n=rng.randint(2, 90), age=rng.randint(15, 70),
            actor=rng.choice(self.actors), big=f"{big:,}", bigc=f"{big:,}".replace(",", "."),
            char=self.cast[0], title=rng.choice(t["title"]))

    def sentence(self) -> str:
        r = self.rng.random()
        group = "dated" if r < 0.25 else "review" if r < 0.35 else "rel"
        return self.fill(self.rng.choice(self.t[group]))

    def document(self, n_words: int) -> str:
        out = [self.fill(self.rng.choice(self.t["intro"]))]
        words = len(out[0].split())
        while words < n_words:
            s = self.sentence()
            words += len(s.split())
            r = self.rng.random()
            sep = "" if r < 0.03 else "\n\n" if r < 0.12 else " "  # "" = missing space after a full stop
            out.append(sep + s)
        return "".join(out)


def document(n_words: int, lang: str = "en", seed: int = 0) -> str:
    """One document of about `n_words` words (never fewer) in `lang`."""
    return Teller(lang, random.Random(f"{seed}:{lang}")).document(n_words)


def corpus(n_words: int, seed: int = 0, doc_words: tuple[int, int] = (2000, 5000),
           langs: tuple[str, ...] = LANGS) -> dict[str, str]:
    """Documents of 2-5k words (rotating languages) adding up to about `n_words`: name -> text.

    The name ends with the language ("doc_0003_es") so benchmarks can pass the right language on.
    """
    rng = random.Random(seed)
    docs: dict[str, str] = {}
    total, i = 0, 0
    while total < n_words:
        size = min(rng.randint(*doc_words), max(50, n_words - total))
        lang = langs[i % len(langs)]
        text = document(size, lang, seed=rng.randrange(1 << 30))
        docs[f"doc_{i:04d}_{lang}"] = text
        total += len(text.split())
        i += 1
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--lang", choices=LANGS, help="one document in this language (default: a corpus, all three)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", help="folder for the corpus' .txt files (default: stdout)")
    args = ap.parse_args()
    docs = {f"doc_{args.lang}": document(args.words, args.lang, args.seed)} if args.lang \
        else corpus(args.words, args.seed)
    if not args.out:
        print("\n\n".join(docs.values()))
        return
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (out / f"{name}.txt").write_text(text, encoding="utf-8")
    print(f"{len(docs)} documents, {sum(len(t.split()) for t in docs.values())} words -> {out}")


if __name__ == "__main__":
    main()
