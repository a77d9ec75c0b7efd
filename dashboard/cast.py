"""Cast table and co-occurrence heatmap."""
from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go


def cast_table(characters: pd.DataFrame, events: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """One row per character in `order`: actor, aliases, mentions, documents, number of events, and why the
    name is a person in the story (the pipeline's evidence: "given name", "subject of 'decides'")."""
    counts: dict[str, int] = {}
    for cs in events["characters"]:
        for c in set(cs):
            counts[c] = counts.get(c, 0) + 1
    info = {r["name"]: r for r in characters.to_dict("records")}
    rows = []
    for name in order:
        r = info.get(name, {})
        actor = r.get("actor")
        rows.append({"Character": name, "Actor": actor if isinstance(actor, str) else "",
                     "Aliases": ", ".join(r.get("aliases") or []), "Mentions": int(r.get("mentions") or 0),
                     "Documents": ", ".join(r.get("docs") or []), "Events": counts.get(name, 0),
                     "Why": "; ".join(_why(r.get("evidence")))})
    return pd.DataFrame(rows, columns=["Character", "Actor", "Events", "Mentions", "Aliases", "Documents", "Why"])


EXCLUDED_WHY = "taken out of the cast by a teacher"


def left_out_table(left_out: list[dict], characters: pd.DataFrame, ops: list[dict] = ()) -> pd.DataFrame:
    """One row per name left out of the cast, with the pipeline's reason ("a place (after a place word)",
    "named only inside an opinion ..."), so a teacher can check it and overrule it. The edits count: a name a
    teacher put in the cast is no longer listed, a cast entry a teacher took out is, with that reason."""
    in_cast = {str(n).casefold() for n in characters["name"]} if "name" in characters else set()
    rows, seen = [], set()
    for op in ops or ():
        name = op.get("name") if isinstance(op, dict) and op.get("op") == "exclude_character" else None
        if isinstance(name, str) and name.casefold() not in in_cast and name.casefold() not in seen:
            seen.add(name.casefold())
            rows.append({"Name": name, "Kind": "", "Why": EXCLUDED_WHY})
    for r in left_out or ():
        name = str(r.get("name") or "")
        if not name or name.casefold() in in_cast or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        rows.append({"Name": name, "Kind": str(r.get("kind") or ""), "Why": str(r.get("reason") or "")})
    return pd.DataFrame(rows, columns=["Name", "Kind", "Why"])


def _why(evidence) -> list[str]:
    """The evidence as a list (a characters.json without it, or a dataframe cell holding an array)."""
    if evidence is None or isinstance(evidence, float):
        return []
    return [str(x) for x in list(evidence)]


def cooccurrence(events: pd.DataFrame, names: list[str]) -> np.ndarray:
    pos = {n: i for i, n in enumerate(names)}
    m = np.zeros((len(names), len(names)), dtype=int)
    for cs in events["characters"]:
        ids = sorted({pos[c] for c in cs if c in pos})
        for a in ids:
            for b in ids:
                m[a, b] += 1
    return m


def heatmap(events: pd.DataFrame, names: list[str], font: int = 16) -> go.Figure:
    """Who shares events with whom; the diagonal is each character's own event count."""
    names = names[:15]
    m = cooccurrence(events, names)
    labels = [html.escape(n) for n in names]
    fig = go.Figure(go.Heatmap(z=m, x=labels, y=labels, colorscale="Blues", showscale=False,
                               text=m, texttemplate="%{text}", textfont=dict(size=font - 1),
                               hovertemplate="%{y} & %{x}: %{z} shared events<extra></extra>"))
    fig.update_layout(height=120 + 38 * len(names), margin=dict(l=10, r=10, t=10, b=10),
                      font=dict(size=font), yaxis=dict(autorange="reversed", automargin=True),
                      xaxis=dict(side="top", tickangle=-30, automargin=True))
    return fig
