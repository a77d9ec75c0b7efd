"""Shared helpers of the fuse tests: run a story once per test module, find the event telling some words."""
from __future__ import annotations

import pipeline


class StoryRuns:
    """pipeline.run of each named story of `stories`, made once and kept (the stories are constants)."""

    def __init__(self, stories: dict[str, dict[str, str]]):
        self.stories, self.runs = stories, {}

    def __call__(self, name: str) -> pipeline.Story:
        if name not in self.runs:
            self.runs[name] = pipeline.run(texts=self.stories[name])
        return self.runs[name]


def event_telling(story: pipeline.Story, doc: str, words: str):
    hits = [e for e in story.events for s in e.sources if s.doc == doc and words in s.text]
    assert hits, f"no event tells {words!r} of {doc}: {[e.title for e in story.events]}"
    return hits[0]
