"""Messages the studio's screens post to the app (the app handles them: ``on_<snake_case name>``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message


@dataclass
class OpenPreset(Message):
    """Open the preset file ``path`` in place of the design being edited (the app asks first when it has unsaved
    changes)."""

    path: Path
