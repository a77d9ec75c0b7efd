#!/usr/bin/env python3
"""Check that no third-party real text and no real story's names went into the repository.

    python bench/realtext/check_copies.py ROOT [ROOT ...]

Each ROOT holds story folders (documents as .txt, gold.py), as for measure.py. Reports
  * every run of N words (default 7) that a file of the repository shares with a real document — test
    sentences must be our own, and code comments must use invented examples;
  * every name of a gold character (or its actor) that occurs in the pipeline's code or lexicons — nothing
    about a particular story may be hard-coded.
Common first names that are also invented examples elsewhere are reported too: a reader decides.
Exit status 1 when anything was found.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCANNED = ["pipeline", "dashboard", "views", "tests", "app.py"]
SUFFIXES = {".py", ".json", ".txt", ".md", ".csv"}
SKIP = {Path("bench/realtext/SOURCES.md")}
TITLES = {"queen", "king", "mother", "father", "doctor", "lady", "lord", "duke", "prince", "princess", "saint",
          "captain", "general", "younger", "elder"}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def repo_files():
    for top in SCANNED:
        p = REPO / top
        for f in ([p] if p.is_file() else sorted(p.rglob("*"))):
            if f.is_file() and f.suffix in SUFFIXES and f.relative_to(REPO) not in SKIP and "__pycache__" not in f.parts:
                yield f


def gold_names(gold: Path) -> set[str]:
    spec = importlib.util.spec_from_file_location("gold", gold)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = set()
    for canon, (_aliases, actors) in mod.CHARACTERS.items():
        for name in [canon, *actors]:
            out.update(w for w in re.findall(r"[^\W\d_][\w'’]+", name)
                       if w[0].isupper() and len(w) > 3 and w.lower() not in TITLES)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("roots", nargs="+", type=Path)
    ap.add_argument("-n", type=int, default=7, help="words in a shared run (default 7)")
    args = ap.parse_args()
    shingles: dict[tuple[str, ...], str] = {}
    names: dict[str, str] = {}
    for root in args.roots:
        for doc in sorted(root.glob("*/*.txt")):
            w = words(doc.read_text(encoding="utf-8"))
            for i in range(len(w) - args.n + 1):
                shingles.setdefault(tuple(w[i:i + args.n]), f"{doc.parent.name}/{doc.name}")
        for gold in sorted(root.glob("*/gold.py")):
            for n in gold_names(gold):
                names.setdefault(n, gold.parent.name)
    found = 0
    for f in repo_files():
        text = f.read_text(encoding="utf-8", errors="ignore")
        rel = f.relative_to(REPO)
        w = words(text)
        seen = set()
        for i in range(len(w) - args.n + 1):
            src = shingles.get(tuple(w[i:i + args.n]))
            if src and src not in seen:
                seen.add(src)
                found += 1
                print(f"copy  {rel}: \"{' '.join(w[i:i + args.n])}\" (from {src})")
        if rel.parts[0] in ("pipeline", "dashboard", "views") or rel.name == "app.py":
            for n, story in sorted(names.items()):
                for line_no, line in enumerate(text.splitlines(), 1):
                    if re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", line):
                        found += 1
                        print(f"name  {rel}:{line_no}: {n} (a character of {story}): {line.strip()[:100]}")
    print(f"{found} finding(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
