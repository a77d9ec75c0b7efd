#!/usr/bin/env python3
"""How far value F1 on MEANTIME can go with the shared scorer, given the spans the project finds.

    python bench/tempeval_ceiling.py            (from the project root, ../shared beside it)

The scorer in ../shared/tempeval/ reads a system value only through `timeml_value(value, precision)`: a
calendar value (YYYY, YYYY-MM, YYYY-MM-DD, a season, a decade). Gold values that are not calendar values —
durations (P3D), PRESENT_REF/FUTURE_REF, weeks (2007-W12), quarters (2007-Q3), fiscal years, times of day —
can never be right, however well the project resolves them (it keeps them in `TimeExpr.timeml`, which the
scorer does not read). This script runs the scorer's own system wrapper and pairing and splits the matched
gold expressions into right / wrong-but-expressible / inexpressible, then prints the value F1 the project
would reach if every expressible one were right (same spans, so strict and relaxed F1 unchanged).
"""
from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "tempeval" / "score.py"
CALENDAR_LIKE = re.compile(r"^\d{3,4}(?:-(?:\d{2}|SP|SU|FA|WI)(?:-\d{2})?)?$")


def load_scorer():
    spec = importlib.util.spec_from_file_location("tempeval_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["tempeval_score"] = mod
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    sc = load_scorer()
    sl = sc.Storyline(ROOT)
    data = SCORER.parent / "data"
    print(f"{'set':<12} {'gold':>5} {'sys':>5} {'matched':>8} {'right':>6} {'fixable':>8} "
          f"{'inexpressible':>14} | {'value F1':>8} {'ceiling':>8}")
    for name in sc.SETS:
        docs = sc.load_set(name, data)
        n_gold = n_sys = matched = right = fixable = inexpr = 0
        gold_inexpr = 0
        for d in docs:
            syst = sl.narrative(d)
            n_gold += len(d.gold)
            n_sys += len(syst)
            gold_inexpr += sum(1 for g in d.gold if not CALENDAR_LIKE.match((g.value or "").upper()))
            for g, s in sc.pair(d.gold, syst):
                matched += 1
                if sc.value_ok(g.value, s.value):
                    right += 1
                elif CALENDAR_LIKE.match((g.value or "").upper()):
                    fixable += 1
                else:
                    inexpr += 1
        f1 = 2 * right / (n_sys + n_gold)
        ceiling = 2 * (right + fixable) / (n_sys + n_gold)
        print(f"{name:<12} {n_gold:>5} {n_sys:>5} {matched:>8} {right:>6} {fixable:>8} {inexpr:>14} | "
              f"{100 * f1:8.1f} {100 * ceiling:8.1f}")
        print(f"{'':<12} gold values the scorer can never accept: {gold_inexpr}/{n_gold}")


if __name__ == "__main__":
    main()
