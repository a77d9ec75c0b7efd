"""The Presentation page: a title slide, then one slide per event the filters show, a time-scaled strip below;
a bar that stays on screen (Exit, first, Previous, progress, Next, last, Full screen) and keys. The teacher's
steps are published to the store; a following viewer's slide is redrawn from it."""
import json

import streamlit as st

from dashboard import slides
from dashboard import i18n
from dashboard.i18n import t
from views import edit, roles, state

PRESENT_KEYS_JS = """<script>
(() => {
  const doc = window.parent ? window.parent.document : document;
  if (doc.__storylineKeys) return;
  doc.__storylineKeys = true;
  const keys = {ArrowRight: "next", PageDown: "next", " ": "next", ArrowLeft: "prev", PageUp: "prev",
                Home: "first", End: "last", Escape: "exit", f: "fullscreen"};
  doc.addEventListener("keydown", (e) => {
    const el = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (el && el.closest && el.closest("input, textarea, select, [contenteditable=true], [role=combobox]")) return;
    if (e.key === "Escape" && doc.fullscreenElement) return;   // the browser leaves full screen first
    const which = keys[e.key];
    const button = which && doc.querySelector(".st-key-" + which + " button");
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  });
  // full screen needs the user's click itself: toggled here, in the click's own event
  doc.addEventListener("click", (e) => {
    if (!e.target.closest || !e.target.closest(".st-key-fullscreen button")) return;
    if (doc.fullscreenElement) doc.exitFullscreen(); else doc.documentElement.requestFullscreen().catch(() => {});
  }, true);
})();
</script>"""
# Presentation: Streamlit's own header would cover the top bar; the bar stays at the top of the window. The
# count ("44 of 84 events · title") sits above the bar's right end, out of the page's flow, and the bar takes
# back the gap after the (empty) keys script: every pixel of a 720 px projector goes to the slide.
PRESENT_CSS = """<style>
header[data-testid='stHeader']{display:none}
.st-key-count{position:absolute !important; top:2px !important; right:1.5rem !important}
.st-key-count p{font-size:12px; line-height:14px}
[data-testid='stMainBlockContainer'], .block-container{padding-top:0.4rem !important; padding-bottom:0 !important}
.st-key-present_bar{position:sticky; top:0; z-index:999; background:white; padding:4px 0 2px}
.st-key-present_bar [data-testid='stMarkdownContainer'] h3{padding:0; margin:0}
.st-key-present_bar button p{font-size:18px}
.st-key-present_bar{margin-top:-12px}
</style>"""
# Above and below the slide (px): the page's top padding, the bar and the gaps around the slide, the strip
# (STRIP_PX), a margin; the teacher's notes panel and a viewer's "following" line when they are drawn.
STRIP_PX = 140
ABOVE_BELOW_PX = 112 + STRIP_PX
NOTES_PX = 56
FOLLOW_PX = 56


def slide_height_css(notes: bool, following: bool) -> str:
    """The slide takes what the window leaves (a 1080 px screen shows a long quote whole, a 720 px one
    still fits without scrolling the page); the height Streamlit's container was given is its least."""
    reserved = ABOVE_BELOW_PX + (NOTES_PX if notes else 0) + (FOLLOW_PX if following else 0)
    h = f"max(260px, calc(100vh - {reserved}px))"
    # Streamlit gives the height to the container's wrapper as its flex basis; the keyed block fills it
    return (f"<style>div:has(> .st-key-present){{flex:0 0 {h} !important; height:{h} !important}}"
            f" .st-key-present{{height:{h} !important}}</style>")


def present_view(c: state.Ctx) -> None:
    """The slideshow: step 0 is the title slide, steps 1..n the events the filters show. The teacher's
    steps are published to the store; a following viewer's slide is redrawn from it (a fragment)."""
    ids = c.ids
    if not ids:
        st.info(t("none"))
        return
    n = len(ids)
    st.session_state.step = min(max(int(st.session_state.get("step") or 0), 0), n)

    def move_to(k: int) -> None:
        st.session_state.step = min(max(k, 0), n)

    st.html(PRESENT_CSS + slide_height_css(c.library_mode and c.can_edit, c.following))
    # arrow, Home/End, Esc keys press the buttons of the bar; a constant script, no story text in it
    st.html(PRESENT_KEYS_JS, unsafe_allow_javascript=True)

    def draw_bar(step: int) -> None:
        with st.container(key="present_bar"):
            # "Pantalla completa" needs the widest button: its label is never cut at 1280 px
            b = st.columns([1.0, 0.5, 1.25, 1.4, 1.25, 0.5, 1.6], vertical_alignment="center", gap="small")
            b[0].button(t("p.exit"), on_click=state.go_to, args=("Timeline",), key="exit", width="stretch",
                        icon=":material/close:", help=t("p.exit_help"))
            b[1].button("", icon=":material/first_page:", on_click=move_to, args=(0,),
                        disabled=step <= 0 or c.following, key="first", width="stretch", help=t("p.first"))
            b[2].button(t("p.prev"), on_click=move_to, args=(step - 1,), disabled=step <= 0 or c.following,
                        key="prev", width="stretch")
            b[3].markdown(f"### {step} / {n}" if step else f"### {t('p.title_slide')} · {n}",
                          text_alignment="center")
            b[4].button(t("p.next"), on_click=move_to, args=(step + 1,), disabled=step >= n or c.following,
                        key="next", width="stretch", type="primary")
            b[5].button("", icon=":material/last_page:", on_click=move_to, args=(n,),
                        disabled=step >= n or c.following, key="last", width="stretch", help=t("p.last"))
            b[6].button(t("p.fullscreen"), key="fullscreen", width="stretch", icon=":material/fullscreen:",
                        help=t("p.keys"))

    def draw_slide(step: int) -> None:
        cur = c.event(ids[step - 1]) if step else None
        if cur is None:
            slide = state.story_derived(repr((c.story_id, c.current, "title_slide")), lambda: slides.title_slide(
                c.shown, c.story_title(), c.cast_names, c.colors, c.ui, who=list(c.current.chars)))
        else:
            slide = slides.event_slide(cur, c.colors, c.ui)
        with st.container(key="present", height=260, border=False):
            st.html(slides.slide_html(slide, c.ui))
        cur_id = cur["id"] if cur else None
        fig = state.cached_figure(repr((c.story_id, c.current, "strip", cur_id)), lambda: slides.nav_strip(
            c.shown, cur_id, c.colors, c.cast_names, c.ui, height=STRIP_PX, reveal_upto=cur_id or ids[-1]))
        st.plotly_chart(fig, key="present_chart", theme=None, width="stretch",
                        config={"displaylogo": False, "displayModeBar": False})
        if c.library_mode and c.can_edit and cur is not None:
            edit.slide_notes_panel(c, cur)

    if not c.following:
        step = st.session_state.step
        if c.actor.role == "teacher":
            roles.publish_slide(c, step)
        draw_bar(step)
        draw_slide(step)
        return
    # a following viewer: the teacher moves the slides; a way out stays outside the fragment so that
    # leaving reruns the whole page
    f1, f2 = st.columns([3, 1], vertical_alignment="center")
    f1.caption(t("role.following"))
    f2.button(t("role.unfollow"), key="unfollow", on_click=roles.stop_following, width="stretch")

    # A new step of the same story and filters redraws only this fragment (30 followers would otherwise
    # queue 30 whole-page reruns per Next); another story or other filters rerun the page.
    @st.fragment(run_every=roles.FOLLOW_EVERY)
    def followed_slide() -> None:
        # a fragment's rerun runs in a new thread without app.py: this run's Ctx and language are set again
        state.set_current(c)
        i18n.set_lang(c.ui)
        p = roles.teacher_slide(c.lib_root)
        if p is not None:
            if json.dumps([p["story"], p["state"]], sort_keys=True) != st.session_state.get("_follow_key"):
                st.session_state._follow_apply = p
                st.rerun(scope="app")
            st.session_state._followed = p["seq"]
            st.session_state.step = min(max(int(p["step"]), 0), n)
        draw_bar(st.session_state.step)
        draw_slide(st.session_state.step)

    followed_slide()


present_view(state.current())
