"""Curation controls several pages share: an event's details with "Edit this event" (fields, merge, delete),
"Add an event by hand", the slide's notes, and saving any of them as one appended edit of the story."""
from __future__ import annotations

import sqlite3

import streamlit as st

from dashboard import curate, edits as edits_mod, library, text
from dashboard.i18n import t, t_or
from pipeline.schema import KINDS as EVENT_KINDS, PRECISIONS

from .state import Ctx


def save_change(change, message: str, pick: str | None = None) -> None:
    """Run one store write (an appended edit, an undo) and show the result; a refusal is a message."""
    try:
        change()
    except PermissionError:
        st.error(t("role.refused"))
        return
    except (edits_mod.EditsError, library.LibraryError, OSError, sqlite3.Error) as exc:
        st.error(t("edit.save_failed", error=text.md_escape(str(exc))))
        return
    st.session_state._flash = message
    if pick:
        st.session_state._pick = pick
    st.rerun()


def add_op(c: Ctx, op: dict, message: str, pick: str | None = None) -> None:
    """Append the edit to the story's log (one row, one transaction: concurrent edits are all kept)."""
    save_change(lambda: library.add_edit(c.slug, op, c.lib_root, actor=c.actor), message, pick)


def names_input(c: Ctx, label_key: str, chosen: list[str], key: str) -> list[str]:
    """Characters: a multiselect of the cast plus free text for names the pipeline missed."""
    picked = st.multiselect(t(label_key), curate.merge_names(c.cast_names, chosen), default=chosen, key=key)
    more = st.text_input(t("edit.more_names"), key=key + "_more", placeholder=t("edit.more_names_hint"))
    return curate.merge_names(picked, curate.parse_names(more))


def edit_panel(c: Ctx, e: dict) -> None:
    """Correct one event: fields, merge, delete. Saved as edit operations beside the pipeline output."""
    ui, events = c.ui, c.events
    eid, n = e["id"], len(c.ops)
    cats = sorted(set(events["category"]) | {e["category"]})
    # a toggle, not an expander: an expander's content is built, sent and drawn on every rerun even closed
    # (the form and a merge list of every event: most of a redraw's work on a long story); the toggle
    # stays on from one picked event to the next, for a teacher correcting several
    if not st.toggle(t("edit.open"), key="ed_open", help=t("edit.open_help")):
        return
    with st.container():   # the form draws its own border
        with st.form(key=f"edit_{eid}_{n}"):
            title = st.text_input(t("field.title"), value=e["title"], max_chars=90, key=f"ed_title_{eid}_{n}")
            summary = st.text_area(t("field.summary"), value=e["summary"] or "", key=f"ed_sum_{eid}_{n}")
            c1, c2 = st.columns(2)
            date = c1.text_input(t("field.date"), value=e["date"] if isinstance(e["date"], str) else "",
                                 placeholder=t("edit.date_hint"), key=f"ed_date_{eid}_{n}")
            prec = c2.selectbox(t("field.date_precision"), list(PRECISIONS),
                                index=list(PRECISIONS).index(e["date_precision"])
                                if e["date_precision"] in PRECISIONS else len(PRECISIONS) - 1,
                                format_func=lambda p: t_or("precision." + p, p, ui), key=f"ed_prec_{eid}_{n}")
            chars = names_input(c, "field.characters", list(e["characters"]), f"ed_chars_{eid}_{n}")
            c3, c4 = st.columns(2)
            cat = c3.selectbox(t("field.category"), cats, index=cats.index(e["category"]), format_func=c.cat_label,
                               accept_new_options=True, key=f"ed_cat_{eid}_{n}")
            kind = c4.selectbox(t("field.kind"), list(EVENT_KINDS), index=list(EVENT_KINDS).index(e["kind"])
                                if e["kind"] in EVENT_KINDS else 0, format_func=c.kind_label, key=f"ed_kind_{eid}_{n}")
            saved = st.form_submit_button(t("edit.save"), type="primary")
        if saved:
            try:
                values = {"title": " ".join(title.split()), "summary": summary.strip(), "date": curate.check_date(date),
                          "date_precision": prec, "characters": chars, "category": (cat or "other").strip(),
                          "kind": kind}
                op = curate.update_op(e, values)
            except edits_mod.EditsError as exc:
                st.error(text.md_escape(str(exc)))
            else:
                if op is None:
                    st.info(t("edit.nothing"))
                else:
                    add_op(c, op, t("edit.saved"), pick=eid)
        others = [i for i in events["id"] if i != eid]
        if others:
            m1, m2 = st.columns([3, 1], vertical_alignment="bottom")
            other = m1.selectbox(t("edit.merge_with"), others, format_func=c.all_labels.get, key=f"ed_merge_{eid}",
                                 index=None, placeholder=t("edit.merge_pick"))
            if m2.button(t("edit.merge"), key=f"ed_merge_go_{eid}", disabled=other is None, width="stretch"):
                add_op(c, {"op": "merge", "keep": eid, "other": other}, t("edit.merged"), pick=eid)
        d1, d2 = st.columns([3, 1], vertical_alignment="center")
        sure = d1.checkbox(t("edit.delete_confirm"), key=f"ed_del_ok_{eid}")
        if d2.button(t("edit.delete"), key=f"ed_del_{eid}", disabled=not sure, width="stretch"):
            add_op(c, {"op": "delete", "id": eid}, t("edit.deleted"))


def add_panel(c: Ctx) -> None:
    """Add an event the pipeline missed."""
    ui, events = c.ui, c.events
    n = len(c.ops)
    # a toggle for the same reason as "Edit this event": a closed expander's form (and its list of every
    # event to place the new one after) is built and drawn on every page load
    if not st.toggle(t("add.open"), key="add_open"):
        return
    with st.container():
        with st.form(key=f"add_{n}"):
            title = st.text_input(t("field.title"), max_chars=90, key=f"add_title_{n}")
            summary = st.text_area(t("field.summary"), key=f"add_sum_{n}")
            c1, c2 = st.columns(2)
            date = c1.text_input(t("field.date"), placeholder=t("edit.date_hint"), key=f"add_date_{n}")
            prec = c2.selectbox(t("field.date_precision"), list(PRECISIONS), format_func=lambda p: t_or("precision." + p, p, ui),
                                key=f"add_prec_{n}")
            chars = names_input(c, "field.characters", [], f"add_chars_{n}")
            c3, c4 = st.columns(2)
            cats = sorted(set(events["category"]))
            cat = c3.selectbox(t("field.category"), cats, index=cats.index("other") if "other" in cats else 0,
                               format_func=c.cat_label, accept_new_options=True, key=f"add_cat_{n}")
            kind = c4.selectbox(t("field.kind"), list(EVENT_KINDS), format_func=c.kind_label, key=f"add_kind_{n}")
            after = st.selectbox(t("add.after"), list(events["id"]), index=None, format_func=c.all_labels.get,
                                 placeholder=t("add.after_auto"), key=f"add_after_{n}")
            go = st.form_submit_button(t("add.save"), type="primary")
        if go:
            try:
                fields = {"summary": summary.strip(), "date": curate.check_date(date), "characters": chars,
                          "category": (cat or "other").strip(), "kind": kind}
                if fields["date"]:
                    fields["date_precision"] = prec
                if after:
                    fields["after"] = after
                op = edits_mod.new_event_op(" ".join(title.split()), **fields)
            except edits_mod.EditsError as exc:
                st.error(text.md_escape(str(exc)) if title.strip() else t("add.need_title"))
            else:
                add_op(c, op, t("add.saved"), pick=op["event"]["id"])


def show_details(c: Ctx, eid: str) -> None:
    e = c.event(eid)
    blocks = curate.details_blocks(e, c.docs)
    with st.container(border=True):
        for b in blocks[:3]:
            st.markdown(b)
    if c.library_mode and c.can_edit:
        edit_panel(c, e)
    if len(blocks) > 3:
        st.markdown(t("d.sources", n=len(blocks) - 3))
        for b in blocks[3:]:
            with st.container(border=True):
                st.markdown(b)


def slide_notes_panel(c: Ctx, e: dict) -> None:
    """The teacher's notes and image for this slide, saved as a `slide` edit with the story's edits."""
    eid, n = e["id"], len(c.ops)
    with st.expander(t("p.notes_edit"), icon=":material/edit_note:"):
        with st.form(key=f"slide_{eid}_{n}"):
            notes = st.text_area(t("p.notes"), value=e.get("notes") or "", max_chars=edits_mod.MAX_NOTES,
                                 key=f"slide_notes_{eid}_{n}")
            image = st.text_input(t("p.image"), value=e.get("image") or "", placeholder="https://…",
                                  key=f"slide_image_{eid}_{n}")
            if st.form_submit_button(t("p.notes_save"), type="primary"):
                try:
                    op = edits_mod.slide_op(eid, notes, image)
                except edits_mod.EditsError as exc:
                    st.error(text.md_escape(str(exc)))
                else:
                    add_op(c, op, t("p.notes_saved"))
