"""Helpers for the store tests: a small story stored without running the pipeline, and child processes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from dashboard import library

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "sample"


def sample_output() -> tuple[list, list]:
    return (json.loads((SAMPLE / "events.json").read_text(encoding="utf-8")),
            json.loads((SAMPLE / "characters.json").read_text(encoding="utf-8")))


def stored_story(root: Path, title: str = "Harbour story") -> str:
    """A story in the store with the sample's output (loading it never runs the pipeline)."""
    slug = library.create_story(title, {"a.txt": b"Mira sails from the harbour in 1950."}, root=root, process=False)
    library.store(root).put_output(slug, sample_output(), library.pipeline_fingerprint(), ["en"])
    return slug


def child(code: str, **env: str) -> subprocess.Popen:
    """A Python child process running `code` with the repository importable."""
    full = dict(os.environ, PYTHONPATH=str(ROOT), **env)
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=full, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
