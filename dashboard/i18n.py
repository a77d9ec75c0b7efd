"""Interface labels in English, Spanish and Italian: `t(key, **fields)`.

Labels live in dashboard/labels/<lang>.json (flat key -> text; a few keys hold lists, e.g.
month names). The language is per Streamlit session: app.py calls `set_lang` at the top of
every run, and each session's script runs in its own thread, so a thread-local keeps one
user's choice from leaking into another's page.
"""
from __future__ import annotations

import json
import threading
from functools import lru_cache
from pathlib import Path

LANGS = ("en", "es", "it")
NAMES = {"en": "English", "es": "Español", "it": "Italiano"}
DEFAULT = "en"
_DIR = Path(__file__).resolve().parent / "labels"
_local = threading.local()


@lru_cache(maxsize=None)
def labels(lang: str) -> dict:
    """The label table of `lang` (read once per process)."""
    return json.loads((_DIR / f"{lang}.json").read_text(encoding="utf-8"))


def set_lang(lang: str | None) -> str:
    lang = lang if lang in LANGS else DEFAULT
    _local.lang = lang
    return lang


def get_lang() -> str:
    return getattr(_local, "lang", DEFAULT)


def t(key: str, lang: str | None = None, **fields) -> str:
    """The label `key` in the current language (English if missing, else the key itself)."""
    lang = lang or get_lang()
    s = labels(lang).get(key)
    if s is None:
        s = labels(DEFAULT).get(key, key)
    if isinstance(s, list):
        s = ", ".join(s)
    return s.format(**fields) if fields else s


def t_or(key: str, default: str, lang: str | None = None) -> str:
    """An optional label (e.g. a category name the pipeline may invent): `default` when unknown."""
    lang = lang or get_lang()
    s = labels(lang).get(key, labels(DEFAULT).get(key))
    return s if isinstance(s, str) else default


def t_list(key: str, lang: str | None = None) -> list[str]:
    lang = lang or get_lang()
    v = labels(lang).get(key) or labels(DEFAULT).get(key) or []
    return list(v)


def negotiate(accept: str | None) -> str:
    """The best of LANGS for an Accept-Language header or a locale ("es-ES", "it_IT"); English otherwise."""
    if not accept:
        return DEFAULT
    best, best_q = DEFAULT, -1.0
    for i, part in enumerate(str(accept).split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        lang = tag.strip().replace("_", "-").split("-")[0].lower()
        if lang in LANGS and q - i * 1e-6 > best_q:  # earlier tags win ties
            best, best_q = lang, q - i * 1e-6
    return best
