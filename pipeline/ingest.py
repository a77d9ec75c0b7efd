"""Stage: ingest - read .txt documents, decode them, clean them with an offset map, detect language.

Offsets. `Document.raw` is the DECODED file text with any byte-order mark removed; every
`start`/`end` offset in the pipeline indexes that string (not the file's bytes). `Document.clean`
is `raw` with HTML entities unescaped, no-break spaces turned into spaces and a space inserted
where a sentence-ending . ! ? runs straight into the next sentence ("them.The next day").
`Document.offmap[i]` is the raw index of clean character i, with one extra entry (len(raw)) so
that `Document.to_raw(cstart, cend)` also maps end offsets. An inserted space maps to the raw
index of the character it precedes. `offmap` is an `array('i')` (a sequence of ints that
indexes like a list) because a list of Python ints costs ~36 bytes per character.

Unusable inputs (missing, not .txt, binary, empty, too large) are skipped with one message each
in `story.messages`; only when nothing usable is left does `run` raise `InputError`.
"""
from __future__ import annotations

import html
import re
from array import array
from pathlib import Path

import numpy as np

from .model import Document, Story

MAX_BYTES = 20 * 1024 * 1024   # per document
MAX_FILES = 1000               # documents per run: 1M words in 1-5k-word documents fits
LANG_SAMPLE = 3_000            # characters of clean text given to the language detector (3 slices); more buys nothing measurable
LANGS = ("en", "es", "it")
_LANG_NAMES = {"english": "en", "inglés": "en", "inglese": "en", "spanish": "es", "español": "es",
               "espanol": "es", "spagnolo": "es", "italian": "it", "italiano": "it"}


class InputError(ValueError):
    """Unusable input: the message is shown to the user as it is."""


# ---------------------------------------------------------------- decoding

def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL bytes sit in every other position, as in mostly-Latin UTF-16."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / max(1, len(odd))
    if nul_odd > 0.3 and nul_even < 0.05:
        return "utf-16-le"
    if nul_even > 0.3 and nul_odd < 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str] | None:
    """(text without BOM, encoding name) or None when the bytes are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"   # the codec reads and drops the BOM
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:
        codec = utf16_without_bom(data)
        if codec is None:
            return None
        try:
            return data.decode(codec), "utf-16"
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    return bool(sample) and len(_CONTROL.findall(sample)) > 0.05 * len(sample)


# ---------------------------------------------------------------- cleaning

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|[\u00a0\u202f\u2007]")
# . ! ? (…) then optional closing quotes/brackets, directly followed by something that is neither
# space, digit, lowercase ASCII nor more punctuation: the Python check below wants uppercase or an opener.
_SPACES = {0xA0: " ", 0x202F: " ", 0x2007: " "}
_SHORT_CAPS_THEN_DOT = re.compile(r"[^\W\d_a-z]{1,2}\.")
_GLUED = re.compile(r"[.!?\u2026]([\"'\u201d\u2019\u00bb)\]]*+)(?=[^\s\d.,;:!?a-z])")
_OPENERS = "\"'\u201c\u2018\u00ab([\u00bf\u00a1"
_TOKEN_TAIL = re.compile(r"\S*$")


def _unescape(raw: str) -> tuple[str, np.ndarray]:
    parts: list[str] = []
    maps: list[np.ndarray] = []
    pos = 0
    for m in _ENTITY.finditer(raw):
        s, e = m.span()
        rep = " " if e - s == 1 else html.unescape(m.group()).translate(_SPACES)
        if rep == m.group():
            continue
        parts.append(raw[pos:s])
        maps.append(np.arange(pos, s, dtype=np.int32))
        parts.append(rep)
        maps.append(np.full(len(rep), s, dtype=np.int32))
        pos = e
    parts.append(raw[pos:])
    maps.append(np.arange(pos, len(raw) + 1, dtype=np.int32))
    return "".join(parts), np.concatenate(maps)


def _insert_point(text: str, m: re.Match, quotes: list[int]) -> int | None:
    """Where a missing space belongs for this glued match, or None to leave the text alone."""
    dot = m.start()
    nxt = text[m.end()]
    if not (nxt.isupper() or nxt in _OPENERS):
        return None
    if dot == 0 or text[dot - 1].isspace():
        return None
    # initialisms: "U.S.A", "EE.UU.", "J.R.R.Tolkien", "e.g.The" stay as they are
    if text[dot - 1].isalpha() and (text[dot - 2:dot - 1] == "." or
                                    text[dot - 2:dot].isupper() and text[dot - 3:dot - 2] == "."):
        return None
    closers = m.group(1)
    if not closers and _SHORT_CAPS_THEN_DOT.match(text, m.end()) and nxt.isupper():
        return None
    tail = _TOKEN_TAIL.search(text, max(0, dot - 64), dot).group()
    if "://" in tail or "www" in tail.lower() or "@" in tail:
        return None
    if closers.startswith('"'):
        # a straight quote right after the stop opens the next sentence when quotes so far are balanced
        q = dot + 1
        nl = text.rfind("\n", quotes[0], q)
        if nl >= 0:
            quotes[1] = text.count('"', nl + 1, q)
        else:
            quotes[1] += text.count('"', quotes[0], q)
        quotes[0] = q
        if quotes[1] % 2 == 0:
            return q
        if closers.startswith('""'):  # a closing quote glued to the next opening one
            return q + 1
    return m.end()


def clean_text(raw: str) -> tuple[str, array]:
    """(clean text, offmap) for `raw`; linear time (numpy builds the map, no per-character Python loop)."""
    s1, map1 = _unescape(raw)
    parts: list[str] = []
    maps: list[np.ndarray] = []
    pos = 0
    quotes = [0, 0]  # scan position and number of straight double quotes seen in the paragraph
    for m in _GLUED.finditer(s1):
        at = _insert_point(s1, m, quotes)
        if at is None:
            continue
        parts.append(s1[pos:at])
        maps.append(map1[pos:at])
        parts.append(" ")
        maps.append(map1[at:at + 1])
        pos = at
    parts.append(s1[pos:])
    maps.append(map1[pos:])
    omap = array("i")
    omap.frombytes(np.concatenate(maps).astype(np.int32, copy=False).tobytes())
    return "".join(parts), omap


# ---------------------------------------------------------------- language

_DETECTOR = None


def _detector():
    global _DETECTOR
    if _DETECTOR is None:
        from lingua import Language, LanguageDetectorBuilder
        _DETECTOR = LanguageDetectorBuilder.from_languages(
            Language.ENGLISH, Language.SPANISH, Language.ITALIAN).build()
    return _DETECTOR


def detect_language(text: str) -> str | None:
    """'en' | 'es' | 'it' for `text` (a sample is enough), None when undecidable."""
    if len(text) > LANG_SAMPLE:
        # beginning, middle and end: a foreign title or credits block does not decide alone
        k, mid = LANG_SAMPLE // 3, len(text) // 2
        text = "\n".join((text[:k], text[mid - k // 2:mid + k // 2], text[-k:]))
    lang = _detector().detect_language_of(text)
    return None if lang is None else lang.iso_code_639_1.name.lower()


def _override(story: Story, doc: str, name: str) -> str | None:
    for key in (doc, name, Path(name).stem):
        value = story.lang_override.get(key)
        if value:
            v = str(value).strip().lower()
            v = _LANG_NAMES.get(v, v)
            if v in LANGS:
                return v
            story.messages.append(f"{doc}: language override {value!r} ignored (use en, es or it)")
            return None
    return None


# ---------------------------------------------------------------- reading

def doc_id(name: str, taken: set[str]) -> str:
    """A sanitised, non-empty, unique id from a file or pasted-text name (added to `taken`)."""
    base = re.split(r"[\\/]", name)[-1]
    if base.lower().endswith(".txt"):
        base = base[:-4]
    stem = re.sub(r"[^\w.-]+", "_", base).strip("._-") or "doc"
    ident, n = stem, 2
    while ident in taken:
        ident, n = f"{stem}_{n}", n + 1
    taken.add(ident)
    return ident


def _candidates(story: Story, problems: list[str]) -> list[Path]:
    files: list[Path] = []
    for given in story.inputs:
        p = Path(given)
        if p.is_dir():
            found = sorted((c for c in p.iterdir() if c.is_file() and c.suffix.lower() == ".txt"),
                           key=lambda c: c.name)
            if not found:
                problems.append(f"folder {p.name or given} has no .txt files")
            files.extend(found)
        elif not p.exists():
            problems.append(f"{given} does not exist")
        elif p.suffix.lower() != ".txt":
            problems.append(f"{p.name} is not a .txt file")
        else:
            files.append(p)
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def _text_problem(text: str) -> str | None:
    if not text.strip():
        return "is empty"
    if _looks_binary(text):
        return "is not text"
    return None


def run(story: Story) -> Story:
    problems: list[str] = []
    files = _candidates(story, problems)
    total = len(files) + len(story.texts)
    if total > MAX_FILES:
        raise InputError(f"too many documents: {total} given, at most {MAX_FILES} per run")
    taken = {d.doc for d in story.docs}
    found: list[tuple[str, str, str, str]] = []  # (name, path, raw, encoding)
    for f in files:
        try:
            size = f.stat().st_size
            if size > MAX_BYTES:
                problems.append(f"{f.name} is too large ({size / 1e6:.1f} MB, limit {MAX_BYTES // 2**20} MB)")
                continue
            data = f.read_bytes()
        except OSError as exc:
            problems.append(f"{f.name} cannot be read ({exc.strerror or exc})")
            continue
        decoded = decode(data)
        if decoded is None:
            problems.append(f"{f.name} is not text")
            continue
        raw, enc = decoded
        found.append((f.name, str(f), raw, enc))
    for name, text in story.texts.items():
        raw = text[1:] if text.startswith("\ufeff") else text
        if len(raw) > MAX_BYTES:
            problems.append(f"{name} is too large (limit {MAX_BYTES // 2**20} MB)")
            continue
        found.append((name, name, raw, "utf-8"))

    usable = 0
    for name, path, raw, enc in found:
        problem = _text_problem(raw)
        if problem:
            problems.append(f"{name} {problem}")
            continue
        ident = doc_id(name, taken)
        clean, omap = clean_text(raw)
        doc = Document(doc=ident, path=path, raw=raw, encoding=enc, clean=clean, offmap=omap)
        forced = _override(story, ident, name)
        if forced:
            doc.lang = forced
        else:
            lang = detect_language(clean)
            if lang is None:
                story.messages.append(f"{ident}: language not recognised, assuming English")
                lang = "en"
            doc.lang = lang
        if enc != "utf-8":
            story.messages.append(f"{ident}: read as {enc}")
        story.docs.append(doc)
        usable += 1
    story.messages.extend(f"skipped: {p}" for p in problems)
    if not usable:
        why = "; ".join(problems) if problems else "no input given"
        raise InputError(f"no usable .txt documents: {why}")
    return story
