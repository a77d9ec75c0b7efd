"""What a class sees in the exports: sources named by their documents' titles and languages, never by
machine file names or language codes."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard import data, export

DOCS = {"002_92fda2849280da6a": "The lighthouse keeper's year\n\nIn 1931 Ola Brun takes the lamp."}


def story() -> pd.DataFrame:
    return data.prepare(pd.DataFrame([{
        "id": "e1", "title": "Ola Brun takes the lamp", "date": "1931-01-01", "date_precision": "year", "order": 1,
        "characters": ["Ola Brun"], "sources": [{"doc": "002_92fda2849280da6a", "lang": "en", "start": 30, "end": 60,
                                                 "text": "In 1931 Ola Brun takes the lamp."}]}]))


@pytest.mark.parametrize("lang, name", [("en", "English"), ("es", "inglés"), ("it", "inglese")])
def test_timelinejs_slides_name_their_sources_by_title_and_language(lang, name):
    text = export.timelinejs_json(story(), title="Lighthouse", lang=lang, docs=DOCS)["events"][0]["text"]["text"]
    assert "The lighthouse keeper&#x27;s year" in text or "The lighthouse keeper's year" in text
    assert "92fda2849280da6a" not in text and "(en)" not in text and f"({name})" in text
    sheet = export.timelinejs_sheet_csv(story(), title="Lighthouse", lang=lang, docs=DOCS)
    assert "92fda2849280da6a" not in sheet and f"({name})" in sheet
