"""The dashboard's pages (st.navigation runs one file of this folder per view) and the Streamlit-side
state they share. Not named pages/: Streamlit would run every file of a pages/ folder as a page of its own."""

# one file per view, run by st.navigation (paths relative to app.py)
PAGE_FILES = {"Timeline": "views/timeline.py", "Presentation": "views/presentation.py", "Cast": "views/cast.py",
              "Table": "views/table.py", "Stories": "views/stories.py"}

# Pages whose filtered content is a keyed fragment: a filter change reruns only that fragment (and the exports'
# while they hold a prepared file), not the whole page (views/state.py filters)
FILTERED_FRAGMENTS = {"Timeline": ("timeline",)}
