"""python -m pipeline ... --export ... [--character NAME]"""
from __future__ import annotations

import json

import pandas as pd
import pytest

import pipeline.__main__ as cli
from pipeline.model import Character, Document, Event, Source, Story

# per language: a two-document story's sentences and its characters (canonical name, alias)
STORIES = {
    "en": (["In 1957 Homer watched the sky.", "Next day Quentin built a rocket."], ("Homer Hickam", "Sonny")),
    "es": (["En 1957 Homer miró el cielo.", "Al día siguiente Quentin construyó un cohete."], ("Homer Hickam", "Sonny")),
    "it": (["Nel 1957 Homer guardò il cielo.", "Il giorno dopo Quentin costruì un razzo."], ("Homer Hickam", "Sonny")),
}


def fake_story(lang: str) -> Story:
    sents, (homer, alias) = STORIES[lang]
    story = Story()
    for i, s in enumerate(sents):
        story.docs.append(Document(doc=f"d{i}", path=f"d{i}.txt", raw=s, encoding="utf-8", lang=lang))
        story.events.append(Event(id=f"e{i}", title=s[:-1], summary=s, date="1957-10-04" if i == 0 else None,
                                  date_precision="day" if i == 0 else "relative", order=i, lang=lang,
                                  characters=[homer] if i == 0 else ["Quentin"],
                                  sources=[Source(doc=f"d{i}", lang=lang, start=0, end=len(s), text=s)]))
    story.characters = {"h": Character(id="h", name=homer, aliases=[alias], mentions=2),
                        "q": Character(id="q", name="Quentin", mentions=1)}
    return story


@pytest.fixture
def run_cli(monkeypatch, capsys):
    def go(lang: str, *argv: str) -> tuple[int, str]:
        monkeypatch.setattr(cli, "run", lambda *a, **k: fake_story(lang))
        code = cli.main(list(argv))
        return code, capsys.readouterr().err
    return go


@pytest.mark.parametrize("lang", list(STORIES))
def test_exports_are_written_and_readable(run_cli, tmp_path, lang):
    code, err = run_cli(lang, "story", "--out", str(tmp_path), "--export", "timelinejs,sheets", "--export", "html",
                        "-q")
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "characters.json", "events.csv", "events.json", "non_characters.json", "timeline.html", "timelinejs.csv",
        "timelinejs.json"]
    tl = json.loads((tmp_path / "timelinejs.json").read_text(encoding="utf-8"))
    assert [e["text"]["headline"] for e in tl["events"]] == [s[:-1] for s in STORIES[lang][0]]
    assert tl["title"]["text"]["headline"] == "story"
    sheet = pd.read_csv(tmp_path / "timelinejs.csv", dtype=str, keep_default_na=False)
    assert sheet["Type"].tolist() == ["title", "", ""]
    assert "<script" in (tmp_path / "timeline.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", list(STORIES))
@pytest.mark.parametrize("name", ["sonny", "HOMER HICKAM"])
def test_character_filter_matches_name_or_alias_any_case(run_cli, tmp_path, lang, name):
    code, err = run_cli(lang, "--out", str(tmp_path), "--export", "timelinejs,csv,json", "--character", name, "-q")
    assert code == 0, err
    tl = json.loads((tmp_path / "timelinejs.json").read_text(encoding="utf-8"))
    assert [e["unique_id"] for e in tl["events"]] == ["e0"]
    assert pd.read_csv(tmp_path / "events.csv")["id"].tolist() == ["e0"]
    assert [e["id"] for e in json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))] == ["e0"]


def test_without_character_csv_and_json_are_the_full_pipeline_output(run_cli, tmp_path):
    code, _ = run_cli("en", "--out", str(tmp_path), "--export", "csv,json", "-q")
    assert code == 0
    assert pd.read_csv(tmp_path / "events.csv")["id"].tolist() == ["e0", "e1"]


@pytest.mark.parametrize("argv, message", [
    (["--export", "timelinejs,pdf"], "unknown export 'pdf'"),
    (["--character", "Homer"], "--character only filters exports"),
    (["--export", "csv", "--character", "Nobody"], "no event has the character 'Nobody'"),
])
def test_bad_export_requests_exit_2_with_a_clear_message(run_cli, tmp_path, argv, message):
    code, err = run_cli("en", "--out", str(tmp_path / "out"), *argv)
    assert code == 2 and message in err
    assert not (tmp_path / "out" / "timelinejs.json").exists()


def test_existing_behaviour_without_export_is_unchanged(run_cli, tmp_path, capsys):
    code, _ = run_cli("it", "--out", str(tmp_path))
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["characters.json", "events.csv", "events.json",
                                                          "non_characters.json"]


@pytest.mark.browser
def test_png_export_from_the_cli(run_cli, tmp_path):
    code, err = run_cli("es", "--out", str(tmp_path), "--export", "png", "-q")
    assert code == 0, err
    data = (tmp_path / "timeline.png").read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 1000
