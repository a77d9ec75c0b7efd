"""Stage: ingest."""
from __future__ import annotations

from .model import Story


def run(story: Story) -> Story:
    return story


class InputError(ValueError):
    """Unusable input: the message is shown to the user as it is."""
