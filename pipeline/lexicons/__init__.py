"""Per-language knowledge kept as data: pipeline/lexicons/<lang>/<topic>.json.

Topics: segment (abbreviations), temporal (months, seasons, relative phrases, number words),
characters (honorifics, family words, non-person cues, group words), events (kind and category
cue words, leading adverbials). Nothing here may describe a particular story.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LANGS = ("en", "es", "it")


@lru_cache(maxsize=None)
def load(lang: str, topic: str) -> dict[str, Any]:
    """The `topic` table for `lang` ({} when that table does not exist)."""
    path = HERE / lang / f"{topic}.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))
