"""Storyline dashboard: pure builders (data, filters, figures, text) used by app.py.

Nothing in this package calls st.*; app.py owns the Streamlit layout and caching.
"""
