"""Loading a story for the dashboard: the bundled story via the pipeline, or a folder of output.

A loaded story is a `StoryData`: the events and characters frames in the pipeline's contract
(pipeline.schema) plus the original document texts that source offsets point into.
"""
from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.schema import EVENT_COLUMNS, characters_frame, events_frame

ENV_VAR = "STORYLINE_DATA"
APPROX_PRECISIONS = frozenset({"season", "year", "decade", "relative", "interval", "unknown"})  # hollow markers


@dataclass
class StoryData:
    events: pd.DataFrame
    characters: pd.DataFrame
    docs: dict[str, str] = field(default_factory=dict)   # doc stem -> original text
    label: str = ""                                       # where the story came from, for the user
    messages: list[str] = field(default_factory=list)


def read_text(path: Path) -> str:
    """Decode a document the way a user's file might be encoded (BOM-aware, latin-1 fallback)."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _find_docs(names: set[str], folders: list[Path]) -> dict[str, str]:
    docs: dict[str, str] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for name in names - docs.keys():
            p = folder / f"{name}.txt"
            if p.is_file():
                docs[name] = read_text(p)
    return docs


def _doc_names(events: pd.DataFrame) -> set[str]:
    return {s["doc"] for ss in events["sources"] for s in ss}


def load_folder(folder: str | os.PathLike) -> StoryData:
    """Processed output (events.json + characters.json [+ docs/*.txt]) or a folder of raw .txt.

    Raw text folders are run through the pipeline. Documents are looked up in <folder>/docs,
    <folder> itself and the bundled input folder, so data/processed finds data/seeds.
    """
    folder = Path(folder)
    ev_path, ch_path = folder / "events.json", folder / "characters.json"
    if not ev_path.is_file():
        if any(folder.glob("*.txt")):
            return load_pipeline([folder], label=str(folder))
        raise FileNotFoundError(f"{folder} holds neither events.json nor .txt documents")
    evs = json.loads(ev_path.read_text(encoding="utf-8"))
    cast = json.loads(ch_path.read_text(encoding="utf-8")) if ch_path.is_file() else []
    events = events_frame(evs)
    from pipeline import DEFAULT_INPUT  # late: importing pipeline pulls every stage
    docs = _find_docs(_doc_names(events), [folder / "docs", folder, DEFAULT_INPUT])
    return StoryData(prepare(events), characters_frame(cast), docs, label=str(folder))


def load_pipeline(inputs=None, label: str = "") -> StoryData:
    """Run the pipeline (default: the bundled story); same frames as pipeline.load() plus texts."""
    import pipeline
    story = pipeline.run(inputs)
    events, cast = pipeline.frames(story)
    docs = {d.doc: d.raw for d in story.docs}
    missing = _doc_names(events) - docs.keys()
    if missing:
        docs.update(_find_docs(missing, [Path(p) for p in (inputs or [pipeline.DEFAULT_INPUT])]))
    return StoryData(prepare(events), cast, docs, label=label or "bundled story (data/seeds)",
                     messages=list(story.messages))


def fold(text: str) -> str:
    """Case- and accent-insensitive form for search ("Turín" matches "turin")."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).casefold()


def _as_list(v) -> list:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return []
    return list(v)


def prepare(events: pd.DataFrame) -> pd.DataFrame:
    """Complete missing columns and add derived ones (prefixed "_") that filters and figures use.

    Idempotent. Derived: _blob (folded search text), _langs (source + event languages),
    _dt (Timestamp or NaT), _status ("exact" | "approx" | "undated").
    """
    if "_blob" in events.columns:
        return events
    df = events.copy()
    defaults = {"summary": "", "date": None, "date_precision": "unknown", "date_text": "", "kind": "story",
                "category": "other", "characters": None, "places": None, "sources": None,
                "date_approx": False, "lang": "en"}
    for col in EVENT_COLUMNS:
        if col not in df.columns:
            df[col] = defaults.get(col)
    if "order" not in events.columns or df["order"].isna().all():
        df["order"] = range(1, len(df) + 1)
    df["told"] = df["told"].fillna(df["order"])
    for col in ("characters", "places", "sources"):
        df[col] = df[col].map(_as_list)
    df["date_text"] = df["date_text"].fillna("")
    df["summary"] = df["summary"].fillna("")
    df["date_approx"] = df["date_approx"].fillna(False).astype(bool)
    df["_blob"] = [fold(" ".join([t or "", s or "", *(x.get("text", "") for x in ss)]))
                   for t, s, ss in zip(df["title"], df["summary"], df["sources"])]
    df["_langs"] = [frozenset([lg, *(x.get("lang") for x in ss)]) for lg, ss in zip(df["lang"], df["sources"])]
    df["_dt"] = pd.to_datetime(df["date"], errors="coerce", format="%Y-%m-%d")
    dated = df["_dt"].notna()
    approx = df["date_approx"] | df["date_precision"].isin(APPROX_PRECISIONS)
    df["_status"] = "exact"
    df.loc[dated & approx, "_status"] = "approx"
    df.loc[~dated, "_status"] = "undated"
    df = df.sort_values(["order", "id"], kind="stable").reset_index(drop=True)
    return df


def cast_order(events: pd.DataFrame, characters: pd.DataFrame) -> list[str]:
    """Every character name, most mentioned first (ties by name), then names only events know.

    The stable rule behind lane order and colours: it depends on the whole story, never on filters.
    """
    names: list[str] = []
    if len(characters):
        ranked = characters.assign(_m=characters["mentions"].fillna(0)).sort_values(
            ["_m", "name"], ascending=[False, True], kind="stable")
        names = [n for n in ranked["name"] if isinstance(n, str)]
    known = set(names)
    extra = sorted({c for cs in events["characters"] for c in cs} - known)
    return names + extra


def synthetic(n: int, n_chars: int = 12, seed: int = 7) -> StoryData:
    """A synthetic story of n events for benchmarks (deterministic)."""
    import random
    rnd = random.Random(seed)
    chars = [f"Person {i:02d}" for i in range(n_chars)]
    cats = ["family", "school", "work", "conflict", "travel", "science", "other"]
    precs = ["day", "month", "season", "year", "relative", "unknown"]
    rows = []
    for i in range(1, n + 1):
        prec = rnd.choice(precs)
        dated = prec not in ("unknown",)
        date = f"{1950 + i * 40 // max(n, 1):04d}-{rnd.randint(1, 12):02d}-01" if dated else None
        text = f"Event {i} happens to someone near the river with a long enough sentence."
        rows.append({"id": f"s{i:05d}", "title": f"Synthetic event number {i} with a headline", "summary": text,
                     "date": date, "date_precision": prec if dated else "unknown", "date_text": "",
                     "order": i, "kind": rnd.choice(["story"] * 8 + ["production", "reception"]),
                     "category": rnd.choice(cats), "characters": rnd.sample(chars, rnd.randint(0, 3)),
                     "places": [], "sources": [{"doc": "doc", "lang": rnd.choice(["en", "es", "it"]),
                                                "start": 0, "end": len(text), "text": text}],
                     "told": i, "date_approx": prec == "relative", "lang": "en"})
    rnd.shuffle(rows)
    for told, r in enumerate(rows, 1):
        r["told"] = told
    cast = [{"name": c, "aliases": [], "actor": None, "mentions": n_chars - k, "docs": ["doc"]}
            for k, c in enumerate(chars)]
    return StoryData(prepare(events_frame(rows)), characters_frame(cast), {}, label=f"synthetic {n}")
