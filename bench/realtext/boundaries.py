#!/usr/bin/env python3
"""Which false and missed fusions on the real texts come from event boundaries (the events stage), and which
from fusion itself.

    python bench/realtext/boundaries.py [ROOT] [--story SLUG ...] [--verbose]

False fusions (one predicted event telling gold events >= 2 phases apart), by cause:
  S  one source (a sentence or clause) alone tells gold events >= 2 phases apart: the sentence was not cut;
  W  no source does, but the sources of one document together do (a scene join or an absorbed neighbour);
  X  only the pairing of different documents does (fusion matched two different events).
Missed fusions (a gold event told by >= 2 documents, never fused), by cause:
  B  a telling sits in a source that also tells another gold event (the boundary glued it to something else);
  J  a telling is one sentence of a same-document join;
  O  other (similarity, alignment).
Uses the same folders and scorer as measure.py.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import ROOT, _scorer  # noqa: E402

import pipeline  # noqa: E402


def _span(gids: set[str], phase: dict[str, int]) -> int:
    return max(phase[g] for g in gids) - min(phase[g] for g in gids) if gids else 0


def classify(folder: Path, sc, verbose: bool = False) -> dict[str, int]:
    story = pipeline.run([str(folder)])
    with tempfile.TemporaryDirectory() as out:
        pipeline.write_outputs(story, out)
        events = json.loads((Path(out) / "events.json").read_text(encoding="utf-8"))
    g, docs = sc.corpus(str(folder / "gold.py"), str(folder))
    phase = {e["id"]: e["phase"] for e in g["EVENTS"]}
    evs = [e for e in events if (e.get("kind") or "story") == "story"]
    tells = {}  # (event index, source index) -> gold ids
    for pi, pe in enumerate(evs):
        for k, s in enumerate(pe.get("sources") or []):
            tells[(pi, k)] = {ge["id"] for ge in g["EVENTS"]
                              if any(sc.tells(s, d, sn, docs) for d, sns in ge["evidence"].items() for sn in sns)}
    row = dict.fromkeys("SWXBJO", 0)
    for pi, pe in enumerate(evs):
        srcs = pe.get("sources") or []
        per = [(s["doc"], tells[(pi, k)]) for k, s in enumerate(srcs)]
        if _span(set().union(set(), *(gs for _, gs in per)), phase) < 2:
            continue
        by_doc: dict[str, set[str]] = {}
        for d, gs in per:
            by_doc.setdefault(d, set()).update(gs)
        cause = ("S" if any(_span(gs, phase) >= 2 for _, gs in per) else
                 "W" if any(_span(gs, phase) >= 2 for gs in by_doc.values()) else "X")
        row[cause] += 1
        if verbose:
            print(f"  false {cause}: " + " || ".join(f"{sorted(gs)} {s['text'][:70]}" for s, (_, gs) in zip(srcs, per)))
    for ge in g["EVENTS"]:
        where = [(pi, k, evs[pi]["sources"][k]["doc"]) for (pi, k), gs in tells.items() if ge["id"] in gs]
        if len(ge["evidence"]) < 2 or len({d for _, _, d in where}) < 2:
            continue
        by_event: dict[int, set[str]] = {}
        for pi, _, d in where:
            by_event.setdefault(pi, set()).add(d)
        if max(len(v) for v in by_event.values()) >= 2:
            continue
        if any(len(tells[(pi, k)]) >= 2 for pi, k, _ in where):
            cause = "B"
        elif any(len(evs[pi]["sources"]) >= 2 and len({s["doc"] for s in evs[pi]["sources"]}) == 1
                 for pi, _, _ in where):
            cause = "J"
        else:
            cause = "O"
        row[cause] += 1
        if verbose:
            print(f"  missed {cause}: {ge['id']}")
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", default=os.environ.get("STORYLINE_REALTEXT", str(ROOT.parent / "realtext")))
    ap.add_argument("--story", action="append", default=[])
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    folders = sorted(p.parent for p in Path(args.root).glob("*/gold.py"))
    if args.story:
        folders = [f for f in folders if f.name in args.story]
    if not folders:
        print(f"no annotated stories under {args.root}", file=sys.stderr)
        return 1
    sc = _scorer()
    total = dict.fromkeys("SWXBJO", 0)
    print("| story | false: S one source | W one document | X documents paired | missed: B boundary | J join | O other |")
    print("|---|---|---|---|---|---|---|")
    for f in folders:
        row = classify(f, sc, args.verbose)
        for k, v in row.items():
            total[k] += v
        print(f"| {f.name} | " + " | ".join(str(row[k]) for k in "SWXBJO") + " |")
    print("| total | " + " | ".join(str(total[k]) for k in "SWXBJO") + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
