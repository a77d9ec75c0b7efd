"""The story library page's panels: every story (open, delete with confirmation) and the new-story form
(upload or paste, each document's language and date, processed with a progress bar)."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3

import streamlit as st

from dashboard import curate, library, text
from dashboard.i18n import t, t_or

from . import state


def stories_panel(c: state.Ctx) -> None:
    """The library: every story (open, delete with confirmation) and the new-story form."""
    st.header(t("stories.title"))
    for m in c.stories:
        with st.container(border=True):
            c1, c2 = st.columns([4, 1], vertical_alignment="center")
            langs = ", ".join(c.lang_label(lg) for lg in m.get("languages") or []) or "—"
            c1.markdown(f"**{text.md_escape(c.titles[m['slug']])}**" + ("  · " + t("stories.builtin")
                                                                       if m.get("builtin") else ""))
            c1.caption(t("stories.info", files=len(m.get("files") or []), langs=langs))
            if m["slug"] == c.slug:
                c2.caption(t("stories.open_now"))
            else:
                c2.button(t("stories.open"), key=f"open_{m['slug']}", on_click=state.open_story, args=(m["slug"],),
                          width="stretch")
            if not m.get("builtin") and c.can_edit:
                with st.expander(t("stories.delete")):
                    sure = st.checkbox(t("stories.delete_confirm", title=c.titles[m["slug"]]),
                                       key=f"del_ok_{m['slug']}")
                    if st.button(t("stories.delete_button"), key=f"del_{m['slug']}", disabled=not sure,
                                 type="primary"):
                        try:
                            library.delete_story(m["slug"], c.lib_root, actor=c.actor)
                        except PermissionError:
                            st.error(t("role.refused"))
                        except (library.LibraryError, OSError, sqlite3.Error) as exc:
                            st.error(text.md_escape(str(exc)))
                        else:
                            st.session_state._flash = t("stories.deleted", title=c.titles[m["slug"]])
                            if m["slug"] == c.slug:
                                state.open_story(library.BUILTIN_SLUG)
                            st.rerun()
    if c.can_edit:
        new_story_panel(c)
    else:
        st.caption(t("role.viewer_stories"))


def new_story_panel(c: state.Ctx) -> None:
    n = st.session_state.setdefault("_new_nonce", 0)
    st.subheader(t("new.title"))
    st.caption(t("new.limits", files=library.MAX_FILES, mb=library.MAX_FILE_BYTES // 1048576,
                 total=library.MAX_TOTAL_BYTES // 1048576))
    title = st.text_input(t("new.story_title"), key=f"new_title_{n}", max_chars=library.MAX_TITLE)
    # Streamlit writes its uploader's button and limit in English, and the limit it states is the server's
    # (larger, so our own message can explain a too-big file): both are replaced by the real limit in the
    # interface language (constant label text only, never story text)
    st.html("<style>.st-key-uploader [data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p,"
            ".st-key-uploader [data-testid='stFileUploaderDropzoneInstructions'] span{font-size:0}"
            ".st-key-uploader [data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p::after"
            "{font-size:1rem;content:" + json.dumps(t("new.upload_button"), ensure_ascii=False) + "}"
            ".st-key-uploader [data-testid='stFileUploaderDropzoneInstructions'] span::after{font-size:0.875rem;content:"
            + json.dumps(t("new.upload_limit", mb=library.MAX_FILE_BYTES // 1048576), ensure_ascii=False) + "}</style>")
    with st.container(key="uploader"):
        uploads = st.file_uploader(t("new.upload"), type=["txt"], accept_multiple_files=True, key=f"new_files_{n}")
    c1, c2 = st.columns([1, 3])
    paste_name = c1.text_input(t("new.paste_name"), key=f"new_paste_name_{n}", placeholder="notes.txt")
    paste = c2.text_area(t("new.paste"), key=f"new_paste_{n}", height=140)
    files: dict[str, bytes] = {}
    for f in uploads or []:
        name, k = f.name, 1
        while name in files:          # two uploads with one name: keep both
            k += 1
            name = f"{f.name[:-4] if f.name.lower().endswith('.txt') else f.name}-{k}.txt"
        files[name] = f.getvalue()
    if paste.strip():
        pname = " ".join(paste_name.split()) or t("new.pasted_default")
        pname = pname if pname.lower().endswith(".txt") else pname + ".txt"
        files[pname if pname not in files else "pasted-" + pname] = paste.encode("utf-8")
    override: dict[str, str] = {}
    doc_dates: dict[str, str] = {}
    bad = False
    if files:
        st.markdown(f"**{t('new.documents')}**")
    for i, (name, raw) in enumerate(files.items()):
        with st.container(border=True):
            a, b = st.columns([3, 2], vertical_alignment="center")
            try:
                if len(raw) > library.MAX_FILE_BYTES:
                    raise library.LibraryError(t("new.too_big", name=name, mb=library.MAX_FILE_BYTES // 1048576))
                body, enc = library.decode_upload(name, raw)
            except library.LibraryError as exc:
                a.text(name)
                a.error(text.md_escape(str(exc)))
                bad = True
                continue
            found = state.detect_lang(body[:3000])
            a.text(name)                      # st.text: a file name is never markup
            a.caption(t("new.doc_info", kb=max(1, round(len(raw) / 1024)), words=len(body.split()), enc=enc,
                        language=c.lang_label(found) if found else t("new.lang_unknown")))
            pick = b.selectbox(t("new.lang"), ["auto", "en", "es", "it"], key=f"new_lang_{n}_{i}",
                               format_func=lambda v, f=found, ui=c.ui: t("new.lang_auto", ui, language=c.lang_label(f) if f else "?")
                               if v == "auto" else c.lang_label(v))
            if pick != "auto":
                override[name] = pick
            # the date the document was written: its "today", "last week", "Friday" are dated from it
            day = b.date_input(t("new.doc_date"), value=None, key=f"new_date_{n}_{i}", format="YYYY-MM-DD",
                               min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
            if day:
                doc_dates[name] = day.isoformat()
    if len(files) > library.MAX_FILES:
        st.error(t("new.too_many", n=len(files), max=library.MAX_FILES))
    if st.button(t("new.create"), type="primary", key=f"new_create_{n}", disabled=not files):
        if not title.strip():
            st.error(t("new.need_title"))
            return
        if bad:
            st.error(t("new.fix_files"))
            return
        try:
            with st.status(t("new.processing"), expanded=True) as status:
                bar = st.progress(0.0, text=t("new.stage_start"))

                def progress(stage: str, i: int, total: int) -> None:
                    bar.progress(min(i / max(total, 1), 1.0),
                                 text=t("new.stage", stage=t_or("stage." + stage, stage), i=i + 1, n=total))

                new_slug = curate.create_story(title, files, c.lib_root, lang_override=override, doc_dates=doc_dates,
                                               progress=progress, actor=c.actor)
                bar.progress(1.0, text=t("new.done"))
                status.update(label=t("new.done"), state="complete")
        except PermissionError:
            st.error(t("role.refused"))
            return
        except library.LibraryError as exc:
            st.error(text.md_escape(str(exc)))
            return
        except Exception as exc:  # a pipeline bug: a message, never a traceback; the open story stays
            st.error(t("new.failed", error=text.md_escape(f"{type(exc).__name__}: {exc}")))
            return
        st.session_state._new_nonce = n + 1
        st.session_state._flash = t("new.created", title=" ".join(title.split()))
        state.open_story(new_slug)
        st.rerun()
