"""The classroom load test runs end to end: a small class (2 students, ~5 s) gets a JSON report, no errors.

Numbers are not checked here (no timing assertions); bench/load_test.py reports them.
"""
from __future__ import annotations

import json
import subprocess
import urllib.request
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def load_result(tmp_path_factory) -> tuple[subprocess.CompletedProcess, dict]:
    out = tmp_path_factory.mktemp("load") / "load.json"
    # timeout only guards against a hang; the script bounds itself too
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "load_test.py"), "--sessions", "2",
                           "--seconds", "5", "--think", "0.2", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc, json.loads(out.read_text(encoding="utf-8"))


def test_load_test_writes_a_json_report_without_errors(load_result):
    _, res = load_result
    assert res["errors"]["count"] == 0, res["errors"]["examples"]
    assert res["page_load"]["opened"] == 2
    assert res["actions"]["n"] > 0
    percentiles = {"p50_ms", "p95_ms", "max_ms"}  # the report has them; their values are not judged here
    assert percentiles <= set(res["actions"])
    assert res["server"]["rss_peak_mb"] > 0
    assert set(res["targets"]) == {"p95", "rss", "errors"}


def test_load_test_prints_a_markdown_table(load_result):
    proc, _ = load_result
    assert "| action latency p50 / p95 / max |" in proc.stdout
    assert "| errors | 0 |" in proc.stdout


def test_load_test_stops_its_server(load_result):
    _, res = load_result
    url = res["server"]["url"]
    assert url.startswith("http://127.0.0.1:")  # never exposed on another address
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{url}/_stcore/health", timeout=5)
