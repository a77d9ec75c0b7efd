"""Storyline pipeline: story documents (en/es/it) -> events and characters.

    from pipeline import run, frames
    story = run(["data/seeds"])
    events_df, characters_df = frames(story)
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from . import characters, dates, events, files, fuse, ingest, order, segment, temporal
from .model import Story
from .schema import character_record, characters_frame, event_record, events_frame

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_INPUT = DATA_DIR / "seeds"

# In story order: each stage reads and extends the Story. Errors name the stage.
STAGES: list[tuple[str, Callable[[Story], Story]]] = [
    ("ingest", ingest.run),          # read files, decode, clean with offset map, detect language
    ("segment", segment.run),        # sentences and clauses with original offsets
    ("temporal", temporal.run),      # time expressions found by rule, normalised with dateparser
    ("characters", characters.run),  # cast, aliases, actors, groups, mentions
    ("events", events.run),          # one event per story clause/sentence: kind, title, category...
    ("dates", dates.run),            # narrative resolution of underspecified and relative dates
    ("fuse", fuse.run),              # the same event told in several documents becomes one
    ("order", order.run),            # story chronology, ids
]


class PipelineError(RuntimeError):
    def __init__(self, stage: str, message: str):
        super().__init__(f"{stage}: {message}")
        self.stage = stage


def run(inputs: Iterable[str | os.PathLike] | None = None, *, texts: dict[str, str] | None = None,
        lang_override: dict[str, str] | None = None, doc_dates: dict[str, object] | None = None,
        progress: Callable[[str, int, int], None] | None = None) -> Story:
    """Run every stage over files/folders `inputs` (default: the bundled story) or in-memory `texts`.

    `doc_dates` maps a document (file stem) to its date ("YYYY-MM-DD" or a date): "today", "last week",
    "Friday" in it are resolved against that date; without one they stay relative."""
    if texts is None and not inputs:
        inputs = [DEFAULT_INPUT]
    story = Story(inputs=[str(p) for p in (inputs or [])], texts=dict(texts or {}),
                  lang_override=dict(lang_override or {}),
                  doc_dates={str(k): (v.isoformat() if hasattr(v, "isoformat") else str(v))
                             for k, v in (doc_dates or {}).items()})
    for i, (name, stage) in enumerate(STAGES):
        if progress:
            progress(name, i, len(STAGES))
        try:
            story = stage(story)
        except PipelineError:
            raise
        except ingest.InputError as exc:
            raise PipelineError(name, str(exc)) from exc
        except Exception as exc:  # any bug is reported with the stage it happened in
            raise PipelineError(name, f"{type(exc).__name__}: {exc}") from exc
    return story


def records(story: Story) -> tuple[list[dict], list[dict]]:
    evs = [event_record(e) for e in sorted(story.events, key=lambda e: e.order)]
    cast = [character_record(c) for c in story.characters.values() if not c.is_group]
    cast.sort(key=lambda r: (-r["mentions"], r["name"]))
    return evs, cast


def frames(story: Story) -> tuple[pd.DataFrame, pd.DataFrame]:
    evs, cast = records(story)
    docs = {d.doc: d.raw for d in story.docs}
    return events_frame(evs, docs), characters_frame(cast)


def load(inputs: Iterable[str | os.PathLike] | None = None, **kw) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Python API for the dashboard: (events, characters) dataframes, validated."""
    return frames(run(inputs, **kw))


def write_outputs(story: Story, out: str | os.PathLike) -> list[Path]:
    """Write events.json, characters.json and events.csv into `out`, all or nothing; returns the paths."""
    out = Path(out)
    evs_df, _cast_df = frames(story)  # validates before anything is written
    evs, cast = records(story)
    flat = evs_df.drop(columns=["titles", "summaries"]).copy()
    for col in ("characters", "places"):
        flat[col] = flat[col].map("; ".join)
    flat["sources"] = flat["sources"].map(lambda ss: " | ".join(f"{s['doc']}:{s['start']}-{s['end']}" for s in ss))
    outputs = {out / "events.json": json.dumps(evs, ensure_ascii=False, indent=1),
               out / "characters.json": json.dumps(cast, ensure_ascii=False, indent=1),
               out / "events.csv": flat.to_csv(index=False)}
    files.write_all(outputs)
    return list(outputs)
