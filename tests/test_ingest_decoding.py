"""ingest: reading files in any common encoding, skipping unusable input with clear messages."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import ingest
from pipeline.ingest import InputError
from pipeline.model import Story

SAMPLES = {
    "en": "The café owner looked at the sky. Then he built a rocket with his friends.",
    "es": "La señora Peña miró el cielo. Después construyó un cohete con sus amigos.",
    "it": "La città guardava il cielo. Poi il ragazzo costruì un razzo con gli amici.",
}


def _run(*paths: Path | str, texts: dict[str, str] | None = None) -> Story:
    return ingest.run(Story(inputs=[str(p) for p in paths], texts=dict(texts or {})))


@pytest.mark.parametrize("lang", ["en", "es", "it"])
@pytest.mark.parametrize("codec, data_of, expected_enc", [
    ("utf-8", lambda t: t.encode("utf-8"), "utf-8"),
    ("utf-8 BOM", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
    ("utf-16 le BOM", lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "utf-16"),
    ("utf-16 be BOM", lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16"),
    ("utf-16 le no BOM", lambda t: t.encode("utf-16-le"), "utf-16"),
    ("latin-1", lambda t: t.encode("latin-1"), "cp1252"),
])
def test_every_encoding_decodes_to_the_same_text(tmp_path, lang, codec, data_of, expected_enc):
    text = SAMPLES[lang]
    (tmp_path / "story.txt").write_bytes(data_of(text))
    story = _run(tmp_path / "story.txt")
    doc = story.docs[0]
    assert doc.raw == text  # BOM removed, accents intact: offsets index this string
    assert doc.encoding == expected_enc
    assert doc.lang == lang
    if expected_enc == "utf-8":
        assert story.messages == []
    else:
        assert any("story" in m and expected_enc in m for m in story.messages)


@pytest.mark.parametrize("word, data", [
    ("Peña", "Peña".encode("latin-1")),
    ("città", "città".encode("latin-1")),
    ("“quoted” – dash", "“quoted” – dash".encode("cp1252")),
])
def test_latin1_and_cp1252_words_survive(tmp_path, word, data):
    (tmp_path / "a.txt").write_bytes(b"The name is " + data + b" and nothing else.")
    assert word in _run(tmp_path / "a.txt").docs[0].raw


def test_folder_contributes_its_txt_files_sorted_not_recursive(tmp_path):
    for name in ("b.txt", "a.txt", "c.md", "C.TXT"):
        (tmp_path / name).write_text(SAMPLES["en"], encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text(SAMPLES["en"], encoding="utf-8")
    story = _run(tmp_path)
    assert [d.doc for d in story.docs] == ["C", "a", "b"]


@pytest.mark.parametrize("content, reason", [
    (b"", "is empty"),
    (b"   \n\t \r\n  ", "is empty"),
    (bytes(range(256)) * 8, "is not text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 50, "is not text"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 100, "is not text"),
])
def test_unusable_file_is_skipped_with_a_message(tmp_path, content, reason):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text(SAMPLES["es"], encoding="utf-8")
    story = _run(tmp_path)
    assert [d.doc for d in story.docs] == ["good"]
    assert any("bad.txt" in m and reason in m for m in story.messages)


def test_missing_path_and_explicit_non_txt_are_skipped(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SAMPLES["it"], encoding="utf-8")
    other = tmp_path / "notes.md"
    other.write_text(SAMPLES["it"], encoding="utf-8")
    story = _run(good, tmp_path / "nope.txt", other)
    assert [d.doc for d in story.docs] == ["good"]
    assert any("nope.txt does not exist" in m for m in story.messages)
    assert any("notes.md is not a .txt file" in m for m in story.messages)


def test_no_usable_document_raises_one_line_error_naming_each_problem(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "x.txt").write_bytes(b"\x00\x01\x02\xff" * 300)
    with pytest.raises(InputError) as err:
        _run(tmp_path / "empty.txt", tmp_path / "x.txt", tmp_path / "gone.txt")
    msg = str(err.value)
    assert "\n" not in msg
    assert msg.startswith("no usable .txt documents")
    assert "empty.txt is empty" in msg and "x.txt is not text" in msg and "gone.txt does not exist" in msg


def test_no_input_at_all_raises():
    with pytest.raises(InputError, match="no usable"):
        ingest.run(Story())


def test_too_many_files_raises(tmp_path):
    for i in range(ingest.MAX_FILES + 1):
        (tmp_path / f"{i:03}.txt").write_text("Hi there, this is text.", encoding="utf-8")
    with pytest.raises(InputError, match=f"at most {ingest.MAX_FILES}"):
        _run(tmp_path)


def test_too_large_file_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)
    (tmp_path / "big.txt").write_text(SAMPLES["en"] * 5, encoding="utf-8")
    (tmp_path / "small.txt").write_text("A short story about a rocket.", encoding="utf-8")
    story = _run(tmp_path)
    assert [d.doc for d in story.docs] == ["small"]
    assert any("big.txt is too large" in m for m in story.messages)


@pytest.mark.parametrize("names, ids", [
    (["My story.txt"], ["My_story"]),
    (["../../etc/passwd"], ["passwd"]),
    (["C:\\docs\\plot.TXT"], ["plot"]),
    (["???"], ["doc"]),
    (["plot", "plot.txt", "plot"], ["plot", "plot_2"]),  # dict keys: "plot" once
    (["a b", "a_b"], ["a_b", "a_b_2"]),
    (["capítulo.1"], ["capítulo.1"]),
])
def test_pasted_text_gets_a_safe_unique_id(names, ids):
    story = ingest.run(Story(texts={n: SAMPLES["en"] for n in names}))
    assert [d.doc for d in story.docs] == ids


def test_pasted_and_file_documents_together(tmp_path):
    (tmp_path / "plot.txt").write_text(SAMPLES["en"], encoding="utf-8")
    story = _run(tmp_path, texts={"plot": SAMPLES["es"], "blank": "  "})
    assert [(d.doc, d.lang) for d in story.docs] == [("plot", "en"), ("plot_2", "es")]
    assert any("blank is empty" in m for m in story.messages)
