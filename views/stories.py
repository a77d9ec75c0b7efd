"""The Stories page: the library (open, delete) and the new-story form."""
from views import library_panel, state

library_panel.stories_panel(state.current())
