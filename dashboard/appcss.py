"""Constant CSS for the app's own pages (no story text ever goes in here)."""
from __future__ import annotations

# Source quotes in the details are Markdown blockquotes, which Streamlit draws in a faded grey on the
# container's grey: ~4:1 at best, unreadable on a projector. Body colour and a firm rule instead (the
# quoted sentence itself stays bold, so it still stands out from its context).
QUOTE_COLOR = "#1F1F1F"
DETAILS_CSS = ("<style>.st-key-details blockquote, .st-key-details blockquote *"
               f"{{color:{QUOTE_COLOR} !important;opacity:1 !important}}"
               ".st-key-details blockquote{border-left:4px solid #5F6B7A !important}"
               # the viewport probe (dashboard/viewport.py) draws nothing: it must not take a row's gap
               ".st-key-viewport{display:none}</style>")
