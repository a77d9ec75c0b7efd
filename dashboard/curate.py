"""Pure helpers behind the dashboard's story library, curation and export panels.

Nothing here draws widgets: the pages (views/) call these and show the results, so the rules
(which fields changed, how an event reads in the interface language, what a download
holds) are testable without Streamlit.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable

import pandas as pd

from . import edits, export, library, text
from .i18n import get_lang, t, t_or

EXPORT_FILES = dict(export.EXPORTS)           # kind -> stable file name
EXPORT_MIME = {"timelinejs": "application/json", "sheets": "text/csv", "html": "text/html",
               "png": "image/png", "csv": "text/csv", "json": "application/json"}
_NAME_SPLIT = re.compile(r"[,;\n]+")


# ---------------------------------------------------------------- loading

def read_docs(folder: Path) -> dict[str, str]:
    """doc stem -> text of every .txt in `folder` (the texts that source offsets point into)."""
    from .data import read_text
    if not folder.is_dir():
        return {}
    return {p.stem: read_text(p) for p in sorted(folder.glob("*.txt"))}


def story_stamp(slug: str, root) -> tuple:
    """Changes whenever the story's output, meta or edits change: the cache key of a loaded story."""
    return library.story_stamp(slug, root)


def localize(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Titles and summaries in `lang` where the event is told in it; otherwise the event's own.

    A title the user edited (it no longer equals the pipeline's headline in the event's own
    language) is kept in every interface language: the correction wins over a translation."""
    if "titles" not in events.columns or events.empty:
        return events
    df = events.copy()
    for col, many in (("title", "titles"), ("summary", "summaries")):
        out = []
        for own, per, lg in zip(df[col], df[many], df["lang"]):
            per = per if isinstance(per, dict) else {}
            pristine = per.get(lg) == own or not per
            out.append(per[lang] if pristine and isinstance(per.get(lang), str) and per[lang].strip() else own)
        df[col] = out
    return df


# ---------------------------------------------------------------- curation

def parse_names(free: str) -> list[str]:
    """Names typed as free text ("Ann, Bo; Cy") -> ["Ann", "Bo", "Cy"] (spaces collapsed, no blanks)."""
    return [" ".join(n.split()) for n in _NAME_SPLIT.split(free or "") if n.strip()]


def merge_names(*groups) -> list[str]:
    out: dict[str, None] = {}
    for g in groups:
        for n in g or []:
            out.setdefault(n, None)
    return list(out)


def check_date(value: str) -> str | None:
    """'' -> None; 'YYYY-MM-DD' (optionally '-' for BC) validated, else EditsError (user's words)."""
    value = (value or "").strip()
    if not value:
        return None
    edits._check_field("date", value, t("edit.date"))
    return value


def update_op(event: dict, values: dict) -> dict | None:
    """The "update" operation for the fields that differ from `event`, or None when nothing changed."""
    changed = {}
    for k, v in values.items():
        old = event.get(k)
        if k == "characters":
            old = list(old or [])
        elif k == "date":
            old = old if isinstance(old, str) else None
        elif isinstance(old, str) or old is None:
            old = old or ""
            v = v if v is not None else ""
        if v != old:
            changed[k] = v
    if not changed:
        return None
    op = {"op": "update", "id": event["id"], "fields": changed}
    edits.validate_op(op)
    return op


def describe(op: dict) -> str:
    """One line naming an operation, for the Undo button."""
    kind = op.get("op")
    if kind == "update":
        return t("undo.update", fields=", ".join(t_or(f"field.{f}", f) for f in op["fields"]))
    if kind == "delete":
        return t("undo.delete", id=op["id"])
    if kind == "merge":
        return t("undo.merge", keep=op["keep"], other=op["other"])
    if kind == "add":
        return t("undo.add", title=op["event"].get("title", ""))
    if kind == "rename_character":
        return t("undo.rename", old=op["name"], new=op["to"])
    if kind == "merge_characters":
        return t("undo.merge_chars", keep=op["keep"], other=op["other"])
    return str(kind)


# ---------------------------------------------------------------- details in the interface language

def human_date(date: str | None, precision: str) -> str:
    return text.human_date(date, precision, get_lang())


def date_line(e: dict) -> str:
    return text.date_line(e, get_lang())


def details_blocks(e: dict, docs: dict[str, str]) -> list[str]:
    """text.details_markdown with its header lines in the interface language (sources unchanged)."""
    blocks = text.details_markdown(e, docs, get_lang())
    esc = text.md_escape
    mark = f"  \n_{esc(t('edited'))}_" if e.get("edited") == True else ""  # noqa: E712 (numpy bools, NaN)
    blocks[0] = f"### {esc(e['title'])}{mark}"
    blocks[2] = (f"**{t('d.date')}:** {esc(date_line(e))}  \n"
                 f"**{t('d.characters')}:** {esc(', '.join(e.get('characters') or []) or '—')}  \n"
                 f"**{t('d.places')}:** {esc(', '.join(e.get('places') or []) or '—')}  \n"
                 f"**{t('d.order')}:** {int(e['order'])} · **{t('d.told')}:** {int(e['told'])} · "
                 f"**{t('d.category')}:** {esc(t_or('cat.' + str(e.get('category', '')), str(e.get('category', ''))))}"
                 f" · **{t('d.kind')}:** {esc(t_or('kind.' + str(e.get('kind', '')), str(e.get('kind', ''))))}")
    return blocks


# ---------------------------------------------------------------- new stories

def detect_language(text_: str) -> str | None:
    from pipeline.ingest import detect_language as detect
    try:
        return detect(text_)
    except Exception:  # detection is a hint for the user; never a reason to refuse a file
        return None


def create_story(title: str, files: dict[str, bytes], root, *, lang_override: dict[str, str] | None = None,
                 doc_dates: dict[str, str] | None = None,
                 progress: Callable[[str, int, int], None] | None = None, actor=library.TEACHER) -> str:
    """library.create_story with per-document language overrides (upload name -> en|es|it) and dates
    (upload name -> "YYYY-MM-DD", the date the document was written)."""
    return library.create_story(title, files, root=root, progress=progress, lang_override=lang_override,
                                doc_dates=doc_dates, actor=actor)


# ---------------------------------------------------------------- exports

def export_frame(events: pd.DataFrame) -> pd.DataFrame:
    """The events without the dashboard's derived columns (those start with "_")."""
    return events[[c for c in events.columns if not str(c).startswith("_")]].reset_index(drop=True)


def export_bytes(kind: str, events: pd.DataFrame, characters: pd.DataFrame | None, title: str,
                 fig=None, docs: dict[str, str] | None = None) -> bytes:
    """The bytes of one download (kinds of export.EXPORTS). ExportError when it cannot be made. `docs` (name ->
    text) names the sources by their documents' titles."""
    df = export_frame(events)
    lang = get_lang()
    if kind == "timelinejs":
        return json.dumps(export.timelinejs_json(df, title=title, lang=lang, docs=docs), ensure_ascii=False, indent=1).encode("utf-8")
    if kind == "sheets":
        return export.timelinejs_sheet_csv(df, title=title, lang=lang, docs=docs).encode("utf-8")
    if kind == "csv":
        return export.events_csv(df).encode("utf-8")
    if kind == "json":
        return export.events_json(df).encode("utf-8")
    if kind == "html":
        return export.offline_html(df, characters, fig=fig, title=title, lang=lang).encode("utf-8")
    if kind == "png":
        if fig is None:
            fig = export.timeline_figure_for(df, characters, lang, width=export.PNG_WIDTH)
        return export.png(export.with_title(fig, title) if not fig.layout.title.text else fig)
    raise export.ExportError(f"unknown export {kind!r}")
