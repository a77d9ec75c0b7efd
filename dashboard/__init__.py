"""Storyline dashboard: pure builders (data, filters, figures, text) used by app.py and views/.

Nothing in this package calls st.*; app.py and views/ own the Streamlit layout and caching.
"""
