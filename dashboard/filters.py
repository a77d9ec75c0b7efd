"""Filter state: a plain dataclass, its URL query-string form, and the pure filter function."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping

import pandas as pd

from .data import fold, prepare

KINDS = ("story", "production", "reception")


@dataclass(frozen=True)
class Filters:
    chars: tuple[str, ...] = ()
    match: str = "any"                      # "any" | "all" of `chars`
    kinds: tuple[str, ...] = ("story",)     # empty = every kind
    cats: tuple[str, ...] = ()              # empty = every category
    langs: tuple[str, ...] = ()             # empty = every language
    date_from: str | None = None            # "YYYY-MM-DD", inclusive
    date_to: str | None = None
    undated: bool = True                    # keep undated events when a date range is set
    q: str = ""

    def with_(self, **kw) -> "Filters":
        return replace(self, **kw)


def _tuple(params: Mapping, key: str) -> tuple[str, ...]:
    if hasattr(params, "get_all"):
        vals = params.get_all(key)
    else:
        v = params.get(key, [])
        vals = v if isinstance(v, (list, tuple)) else [v]
    return tuple(x for x in vals if isinstance(x, str) and x)


def from_query(params: Mapping) -> Filters:
    """Read filters from st.query_params (or any mapping of str -> str | list[str])."""
    def one(key: str, default: str | None = None) -> str | None:
        vals = _tuple(params, key)
        return vals[-1] if vals else default
    kinds = tuple(k for k in _tuple(params, "kind") if k in KINDS)
    if one("kind") == "all":
        kinds = KINDS
    return Filters(chars=_tuple(params, "char"), match="all" if one("match") == "all" else "any",
                   kinds=kinds or ("story",), cats=_tuple(params, "cat"), langs=_tuple(params, "lang"),
                   date_from=one("from"), date_to=one("to"), undated=one("undated", "1") != "0",
                   q=one("q", "") or "")


def to_query(f: Filters) -> dict[str, str | list[str]]:
    """The query-string form; defaults are left out so links stay short."""
    out: dict[str, str | list[str]] = {}
    if f.chars:
        out["char"] = list(f.chars)
    if f.match == "all":
        out["match"] = "all"
    if not f.kinds or set(f.kinds) == set(KINDS):
        out["kind"] = "all"          # an empty choice means every kind, not the default
    elif tuple(f.kinds) != ("story",):
        out["kind"] = list(f.kinds)
    if f.cats:
        out["cat"] = list(f.cats)
    if f.langs:
        out["lang"] = list(f.langs)
    if f.date_from:
        out["from"] = f.date_from
    if f.date_to:
        out["to"] = f.date_to
    if not f.undated:
        out["undated"] = "0"
    if f.q:
        out["q"] = f.q
    return out


def apply(events: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The events that pass every filter, in story order. Pure: `events` is not modified."""
    df = prepare(events)
    keep = pd.Series(True, index=df.index)
    if f.kinds:
        keep &= df["kind"].isin(f.kinds)
    if f.cats:
        keep &= df["category"].isin(f.cats)
    if f.langs:
        wanted = frozenset(f.langs)
        keep &= df["_langs"].map(lambda ls: not ls.isdisjoint(wanted))
    if f.chars:
        wanted = set(f.chars)
        if f.match == "all":
            keep &= df["characters"].map(lambda cs: wanted.issubset(cs))
        else:
            keep &= df["characters"].map(lambda cs: not wanted.isdisjoint(cs))
    if f.date_from or f.date_to:
        dt = df["_dt"]
        inside = dt.notna()
        if f.date_from:
            inside &= dt >= pd.Timestamp(f.date_from)
        if f.date_to:
            inside &= dt <= pd.Timestamp(f.date_to)
        keep &= inside | (dt.isna() & f.undated)
    terms = fold(f.q).split()
    if terms:
        blob = df["_blob"]
        for t in terms:
            keep &= blob.str.contains(t, regex=False)
    return df[keep]
