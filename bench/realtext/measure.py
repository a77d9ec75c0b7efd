#!/usr/bin/env python3
"""Measure the pipeline on real published texts annotated by hand (kept outside the repository).

    python bench/realtext/measure.py [ROOT] [--story SLUG ...] [--json OUT] [--verbose]

ROOT (default $STORYLINE_REALTEXT, else ../realtext beside the project) holds one folder per story:
the documents as `.txt`, `meta.json` (title, language, address per document) and `gold.py`, a hand
annotation in the format of the official scorer (../shared/dev/score.py). Third-party texts never enter
the repository: only this script, SOURCES.md (addresses and our annotations in our own words) and the
numbers it prints do.

It runs the whole pipeline in this process on each story, scores it with the official scorer and adds the
counts of the real-text table: cast precision (cast entries that are gold characters), actor links right
and false, fusion counts, wrong dates over matched story events, order errors as discordant pairs.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402

SCORER = ROOT.parent / "shared" / "dev" / "score.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("storyline_scorer", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _brief(pe: dict) -> str:
    return f"{pe.get('date') or '-'} " + " / ".join(s["text"][:80] for s in pe.get("sources") or [])


def measure_story(folder: Path, sc) -> dict:
    with tempfile.TemporaryDirectory() as out:
        story = pipeline.run([str(folder)])
        pipeline.write_outputs(story, out)
        r = sc.score(str(folder / "gold.py"), str(folder), out)
        events = json.loads((Path(out) / "events.json").read_text(encoding="utf-8"))
        cast = json.loads((Path(out) / "characters.json").read_text(encoding="utf-8"))
    g, docs = sc.corpus(str(folder / "gold.py"), str(folder))
    story_evs = [e for e in events if (e.get("kind") or "story") == "story"]
    told = {}
    for ge in g["EVENTS"]:
        for pi, pe in enumerate(story_evs):
            for src in pe.get("sources") or []:
                if any(sc.tells(src, d, s, docs) for d, ss in ge["evidence"].items() for s in ss):
                    told.setdefault(ge["id"], set()).add(pi)
    key = [e for e in g["EVENTS"] if e["key"]]
    # which telling went where: a multi-document gold event split over several predicted events, and a
    # predicted event telling gold events of distant phases (what fusion got wrong, to read with -v)
    unfused, overmerged = [], []
    for ge in g["EVENTS"]:
        where = {}
        for pi, pe in enumerate(story_evs):
            for src in pe.get("sources") or []:
                for d, ss in ge["evidence"].items():
                    if any(sc.tells(src, d, s, docs) for s in ss):
                        where.setdefault(pi, set()).add(d)
        docs_told = set().union(*where.values()) if where else set()
        if len(docs_told) >= 2 and max(len(v) for v in where.values()) < 2:
            unfused.append(f"{ge['id']}: " + " | ".join(
                f"#{pi} [{','.join(sorted(v))}] {_brief(story_evs[pi])}" for pi, v in where.items()))
    owner = {}
    for gid, pis in told.items():
        for pi in pis:
            owner.setdefault(pi, set()).add(gid)
    ph = {e["id"]: e["phase"] for e in g["EVENTS"]}
    for pi, gids in sorted(owner.items()):
        if max(ph[x] for x in gids) - min(ph[x] for x in gids) >= 2:
            overmerged.append(f"#{pi} {sorted(gids, key=ph.get)}: {_brief(story_evs[pi])}")
    real = [c for c in cast if sc.canon(c.get("name", ""), g["CHARACTERS"])]
    actors_right = actors_false = 0
    for c in cast:
        if not c.get("actor"):
            continue
        gc = sc.canon(c.get("name", ""), g["CHARACTERS"])
        actor = sc.norm(str(c["actor"]))
        ok = gc and any(sc.norm(a) in actor or actor in sc.norm(a) for a in g["CHARACTERS"][gc][1])
        actors_right += bool(ok)
        actors_false += not ok
    # order errors: discordant pairs of matched gold events of different phases
    phase = {e["id"]: e["phase"] for e in g["EVENTS"]}
    first = {}
    for gid, pis in told.items():
        orders = [story_evs[pi].get("order") for pi in pis if isinstance(story_evs[pi].get("order"), (int, float))]
        if orders:
            first[gid] = min(orders)
    ids = list(first)
    pairs = disc = 0
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            a, b = ids[i], ids[j]
            if phase[a] == phase[b]:
                continue
            pairs += 1
            disc += (phase[a] - phase[b]) * (first[a] - first[b]) < 0
    chars_found = round(r["cast_recall"] * len(g["CHARACTERS"]))
    return {
        "docs": len(docs), "words": sum(len(t.split()) for t in docs.values()),
        "key_found": sum(e["id"] in told for e in key), "key": len(key),
        "fused": round((r["fusion"] or 0) * r["fusion_n"]), "multi": r["fusion_n"],
        "false_fusions": r["over_merged"],
        "wrong_dates": r["false_dates"], "matched": len(told),
        "order_disc": disc, "order_pairs": pairs,
        "review_as_story": r["review_as_story"], "n_not_story": sum(len(v) for v in g["NOT_STORY"].values()),
        "story_hidden": r["story_hidden"], "n_gold": len(g["EVENTS"]),
        "cast_real": len(real), "cast": len(cast),
        "chars_found": chars_found, "chars": len(g["CHARACTERS"]),
        "actors_right": actors_right, "actors_false": actors_false,
        "n_story_events": len(story_evs),
        "detail": {k: r[k] for k in ("missed_key", "false_dates_list", "story_hidden_list", "cast_missing",
                                     "non_characters_in_cast", "date_wrong")}
        | {"unfused": unfused, "over_merged": overmerged},
        "cast_not_real": sorted(c["name"] for c in cast if c not in real),
    }


ROWS = [
    ("key events found", "key_found", "key", "≥ 95%"),
    ("several documents → one event", "fused", "multi", "≥ 75%"),
    ("false fusions", "false_fusions", None, "≤ 2 per 50"),
    ("events with a wrong date", "wrong_dates", "matched", "≤ 3%"),
    ("story-order errors (discordant pairs)", "order_disc", "order_pairs", "≤ 5%"),
    ("non-story prose shown as story", "review_as_story", "n_not_story", "≤ 3%"),
    ("story events hidden as production/reception", "story_hidden", "n_gold", "≤ 3%"),
    ("cast entries that are real characters", "cast_real", "cast", "≥ 90%"),
    ("characters found", "chars_found", "chars", "≥ 95%"),
]


def table(results: dict[str, dict]) -> str:
    tot = {k: sum(r[k] for r in results.values() if isinstance(r[k], int)) for k in next(iter(results.values()))
           if k not in ("detail", "cast_not_real")}
    lines = [f"{len(results)} stories, {tot['docs']} documents, {tot['words']:,} words", "",
             "| | real texts | goal |", "|---|---|---|"]
    for label, num, den, goal in ROWS:
        cell = f"{tot[num]}" + (f"/{tot[den]} ({100 * tot[num] / tot[den]:.0f}%)" if den and tot[den] else "")
        lines.append(f"| {label} | {cell} | {goal} |")
    lines.append(f"| actor links | {tot['actors_right']} right, {tot['actors_false']} false | none false |")
    lines += ["", "| story | docs | key | fused | false fus. | wrong dates | order disc. | non-story as story "
              "| hidden | cast real | chars |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in results.items():
        lines.append(f"| {name} | {r['docs']} | {r['key_found']}/{r['key']} | {r['fused']}/{r['multi']} | "
                     f"{r['false_fusions']} | {r['wrong_dates']}/{r['matched']} | {r['order_disc']}/{r['order_pairs']} | "
                     f"{r['review_as_story']}/{r['n_not_story']} | {r['story_hidden']} | {r['cast_real']}/{r['cast']} | "
                     f"{r['chars_found']}/{r['chars']} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", default=os.environ.get("STORYLINE_REALTEXT", str(ROOT.parent / "realtext")))
    ap.add_argument("--story", action="append", default=[])
    ap.add_argument("--json", default=None)
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    root = Path(args.root)
    folders = sorted(p.parent for p in root.glob("*/gold.py"))
    if args.story:
        folders = [f for f in folders if f.name in args.story]
    if not folders:
        print(f"no annotated stories under {root}", file=sys.stderr)
        return 1
    sc = _scorer()
    results = {}
    for f in folders:
        try:
            results[f.name] = measure_story(f, sc)
        except Exception as exc:  # one broken annotation must not hide the others
            print(f"{f.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
    print(table(results))
    if args.verbose:
        for name, r in results.items():
            print(f"\n## {name}")
            for k, v in r["detail"].items():
                if v and isinstance(v, list) and k in ("unfused", "over_merged"):
                    print(f"  {k}:")
                    for line in v:
                        print(f"    {line}")
                elif v:
                    print(f"  {k}: {v}")
            if r["cast_not_real"]:
                print(f"  cast not real: {r['cast_not_real']}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
