"""The official scorer (../shared/dev/score.py) on the development story and on held-out stories in
its format (tests/fixtures/scored/*/gold.py): floors that a regression in any stage would break.

The floors are below the values measured when they were set (see the session notes), never at 0."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "dev"
SCORED = ROOT / "tests" / "fixtures" / "scored"

STORIES = {"titanic": SHARED / "titanic", **{p.name: p for p in sorted(SCORED.iterdir()) if p.is_dir()}}

# metric -> (comparison, value) for every story; tighter floors for the development story
FLOORS = {
    "key_recall": (">=", 0.9), "all_recall": (">=", 0.85), "fusion": (">=", 0.8),
    "over_merged": ("<=", 0), "review_as_story": ("<=", 1), "order_concordance": (">=", 0.85),
    "date_accuracy": (">=", 0.85), "date_order_inversions": ("<=", 0), "event_character_recall": (">=", 0.8),
    "cast_recall": (">=", 0.9), "story_events_per_gold_event": ("<=", 2.0),
}
DEV_FLOORS = {"key_recall": (">=", 1.0), "fusion": (">=", 1.0), "over_merged": ("<=", 0),
              "review_as_story": ("<=", 0), "order_concordance": (">=", 0.98), "date_accuracy": (">=", 1.0),
              "cast_recall": (">=", 1.0), "event_character_recall": (">=", 1.0)}


def _scorer():
    path = SHARED / "score.py"
    assert path.exists(), f"the scorer is expected beside the project at {path} (../shared/dev/score.py)"
    spec = importlib.util.spec_from_file_location("storyline_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def scorer():
    return _scorer()


@pytest.mark.parametrize("name", sorted(STORIES))
def test_scorer_floors(name, scorer, tmp_path):
    folder = STORIES[name]
    assert (folder / "gold.py").exists(), f"{folder} has no gold.py"
    pipeline.write_outputs(pipeline.run([folder]), tmp_path)
    res = scorer.score(folder / "gold.py", folder, tmp_path)
    floors = dict(FLOORS, **(DEV_FLOORS if name == "titanic" else {}))
    bad = []
    for metric, (op, value) in floors.items():
        got = res.get(metric)
        if got is None:
            continue  # e.g. fusion on a story with nothing told twice
        ok = got >= value if op == ">=" else got <= value
        if not ok:
            bad.append(f"{metric} = {got} (want {op} {value})")
    assert not res["non_characters_in_cast"], f"non-characters in the cast: {res['non_characters_in_cast']}"
    assert not res["non_characters_in_events"], f"non-characters in events: {res['non_characters_in_events']}"
    assert not bad, f"{name}: " + "; ".join(bad) + "\n" + json.dumps(res, ensure_ascii=False, default=str)
