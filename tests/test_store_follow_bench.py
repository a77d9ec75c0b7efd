"""The follow load test runs end to end: a teacher and 2 following viewers (~8 s) get a JSON report.

Numbers are not checked here (no timing assertions); `bench/load_test.py --mode follow` reports them.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.browser


def test_follow_load_test_reports_every_viewer_following_without_errors(tmp_path):
    out = tmp_path / "follow.json"
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "load_test.py"), "--mode", "follow",
                           "--sessions", "2", "--seconds", "8", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["errors"]["count"] == 0, res["errors"]["examples"]
    assert res["meta"]["viewers_following"] == 2 and res["meta"]["teacher_nexts"] >= 1
    assert res["follow"]["n"] == res["follow"]["expected"]          # every viewer showed every Next
    assert {"p50_ms", "p95_ms", "max_ms"} <= set(res["follow"]) and res["server"]["rss_peak_mb"] > 0
    assert "| Next -> viewer shows it p50 / p95 / max |" in proc.stdout
