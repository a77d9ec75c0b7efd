#!/usr/bin/env python3
"""Cast precision and recall on real pages annotated for their cast only (kept outside the repository).

    python bench/realtext/cast_check.py ROOT

ROOT holds one folder per page (the page as `.txt`) and `cast_gold.py` with GOLD = {folder: {character:
actor or None}} and ALIASES = {character: [other spellings]}, written by hand before the pipeline was run.
Every cast entry that is no gold character counts against precision; an actor link is right when it names
the gold actor (in full, or by the first or last part the page uses)."""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pipeline  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root")
    args = ap.parse_args(argv)
    root = Path(args.root)
    spec = importlib.util.spec_from_file_location("cast_gold", root / "cast_gold.py")
    g = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(g)
    from pipeline.names import fold
    tot = dict(pred=0, real=0, gold=0, found=0, right=0, false=0)
    for slug, gold in g.GOLD.items():
        story = pipeline.run([str(root / slug)])
        cast = [c for c in story.characters.values() if not c.is_group]
        spell = {k: {fold(k)} | {fold(a) for a in g.ALIASES.get(k, [])} for k in gold}
        found, wrong = set(), []
        for c in cast:
            names = {fold(c.name)} | {fold(a) for a in c.aliases}
            hit = next((k for k in gold if names & spell[k]), None)
            if hit is None:
                wrong.append(c.name + (f" ({c.actor})" if c.actor else ""))
                continue
            found.add(hit)
            want = fold(gold[hit] or "")
            if c.actor:
                got = fold(c.actor)
                ok = bool(want) and (got == want or want.startswith(got) or want.endswith(got))
                tot["right" if ok else "false"] += 1
                if not ok:
                    wrong.append(f"{c.name} played by {c.actor}?")
        missing = [k for k in gold if k not in found]
        tot["pred"] += len(cast)
        tot["real"] += len(cast) - sum(1 for w in wrong if " played by " not in w)
        tot["gold"] += len(gold)
        tot["found"] += len(found)
        print(f"{slug:22} cast {len(found)}/{len(cast)}  found {len(found)}/{len(gold)}  not characters: {wrong}"
              f"  missing: {missing}")
    print(f"cast entries that are real characters {tot['real']}/{tot['pred']}, characters found "
          f"{tot['found']}/{tot['gold']}, actor links {tot['right']} right, {tot['false']} false")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
