"""The width, in CSS pixels, of the column a chart is drawn in, as the browser measures it.

The timeline's rows are laid out in pixels on the server (headlines are wrapped to fit), so the server
must know how wide the chart will be: at 1280 px with the sidebar open it is ~820 px, at 1920 px ~1460,
and a projector's "wide screen" is whatever the window is. A tiny component (no iframe, no network)
reports the width of the main column on load, when it differs from the width the server used, and
whenever it changes by a step (window resized, sidebar opened or closed); the app reruns with it. Until
the first report the caller's default is used (at 1280 px with the sidebar open it is right: no rerun).
"""
from __future__ import annotations

STEP_PX = 20          # widths are reported in steps: a scrollbar appearing must not cause a rerun
MIN_PX, MAX_PX = 480, 3840

# Reports the width of the element the component is mounted in (the main block, when mounted at its
# top level), rounded down to STEP_PX; a ResizeObserver follows resizes. A constant script: no data in it.
JS = """
export default function(component) {
  const { setStateValue, parentElement, data } = component;
  const host = parentElement.closest('[data-testid="stMainBlockContainer"]') || parentElement;
  // the width the server laid out for: reporting it again would only cost a rerun
  let last = (data && data.used) || -1;
  const report = () => {
    const cs = getComputedStyle(host);   // the content box: what a chart at "stretch" width gets
    const inner = host.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    const w = Math.floor(inner / %(step)d) * %(step)d;
    if (w > 0 && w !== last) { last = w; setStateValue('width', w); }
  };
  const ro = new ResizeObserver(report);
  ro.observe(host);
  report();
  return () => ro.disconnect();
}
""" % {"step": STEP_PX}

_component = None


def _mount():
    global _component
    if _component is None:
        import streamlit as st
        _component = st.components.v2.component("storyline_viewport", js=JS, isolate_styles=False)
    return _component


def clamp(width, default: int) -> int:
    """A reported width made safe to lay out with (the default for anything missing or absurd)."""
    try:
        w = int(width)
    except (TypeError, ValueError):
        return default
    return w if MIN_PX <= w <= MAX_PX else default


def main_width(default: int, key: str = "viewport") -> int:
    """The main column's width in px (call at the top level of the main area), else `default`."""
    try:
        import streamlit as st
        memo = f"_{key}_used"
        result = _mount()(key=key, data={"used": st.session_state.get(memo, default)},
                          on_width_change=lambda: None)
        width = clamp(getattr(result, "width", None), default)
        st.session_state[memo] = width
    except Exception:   # no browser behind this run (AppTest, bare script): lay out for the default
        return default
    return width
