"""Cast table and co-occurrence heatmap."""
from __future__ import annotations

import html
import re
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .i18n import DEFAULT, labels, t_or
from .text import doc_label

DOC_CHARS = 36   # a document named by its first line in a table cell: enough to tell documents apart


def cast_table(characters: pd.DataFrame, events: pd.DataFrame, order: list[str],
               docs: dict[str, str] | None = None, lang: str = DEFAULT) -> pd.DataFrame:
    """One row per character in `order`: actor, aliases, mentions, documents (by their titles, as the
    details name them, never "002_92fda2849280da6a"), number of events, and why the name is a person in the
    story (the pipeline's evidence: "given name", "subject of 'decides'", in `lang`). Column names stay
    English (the caller labels them)."""
    docs = docs or {}
    titles: dict[str, str] = {}     # one title per document (its first line is read once, not per character)
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
                     "Documents": ", ".join(titles.setdefault(d, doc_label(d, docs.get(d), width=DOC_CHARS))
                                            for d in r.get("docs") or []),
                     "Events": counts.get(name, 0),
                     "Why": "; ".join(why_text(w, lang) for w in _why(r.get("evidence")))})
    return pd.DataFrame(rows, columns=["Character", "Actor", "Events", "Mentions", "Aliases", "Documents", "Why"])


EXCLUDED_WHY = "taken out of the cast by a teacher"


def left_out_table(left_out: list[dict], characters: pd.DataFrame, ops: list[dict] = (),
                   lang: str = DEFAULT) -> pd.DataFrame:
    """One row per name left out of the cast, with the pipeline's reason ("a place (after a place word)",
    "named only inside an opinion ..."), so a teacher can check it and overrule it. The edits count: a name a
    teacher put in the cast is no longer listed, a cast entry a teacher took out is, with that reason."""
    in_cast = {str(n).casefold() for n in characters["name"]} if "name" in characters else set()
    rows, seen = [], set()
    for op in ops or ():
        name = op.get("name") if isinstance(op, dict) and op.get("op") == "exclude_character" else None
        if isinstance(name, str) and name.casefold() not in in_cast and name.casefold() not in seen:
            seen.add(name.casefold())
            rows.append({"Name": name, "Kind": "", "Why": why_text(EXCLUDED_WHY, lang)})
    for r in left_out or ():
        name = str(r.get("name") or "")
        if not name or name.casefold() in in_cast or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        kind = str(r.get("kind") or "")
        rows.append({"Name": name, "Kind": t_or("who_kind." + kind, kind, lang) if kind else "",
                     "Why": why_text(str(r.get("reason") or ""), lang)})
    return pd.DataFrame(rows, columns=["Name", "Kind", "Why"])


@lru_cache(maxsize=None)
def _why_patterns() -> tuple:
    """(regex, key) per "why.*" label: the English label is the pipeline's own wording, "{x}" its quoted part."""
    out = []
    for key, english in labels(DEFAULT).items():
        if key.startswith("why.") and isinstance(english, str):
            parts = [re.escape(p) for p in english.split("{x}")]
            out.append((re.compile("^" + "(.+)".join(parts) + "$"), key, len(parts) > 1))
    return tuple(out)


def why_text(reason: str, lang: str = DEFAULT) -> str:
    """The pipeline's reason ("subject of 'decides'", "a place (after a place word)") in `lang`; the quoted
    words stay as the story wrote them; a wording the label tables do not know stays as it is."""
    if lang == DEFAULT:
        return reason
    for rx, key, has_x in _why_patterns():
        m = rx.match(reason)
        if m:
            s = labels(lang).get(key)
            if not isinstance(s, str):
                return reason
            return s.replace("{x}", m.group(1)) if has_x else s
    return reason


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
