"""Fixtures of the studio tests: the two-up design (as JSON, as a session, as a file of its own) and a bundled-presets
folder holding it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from layout_studio import bundled as bundled_files
from layout_studio.editing import EditSession
from layout_studio.model import Preset

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def raw() -> dict:
    """The two-up design (two regions, alice and bob, and a LIVE text watermark on a 1280x720 canvas) as JSON."""
    return json.loads((FIXTURES / "two_up.json").read_text())


@pytest.fixture
def session(raw) -> EditSession:
    """A session on the two-up design, with no file."""
    return EditSession(Preset.model_validate(raw))


@pytest.fixture
def preset_file(tmp_path) -> Path:
    """A copy of the two-up design in a file of its own."""
    dest = tmp_path / "two_up.json"
    shutil.copy(FIXTURES / "two_up.json", dest)
    return dest


@pytest.fixture
def bundled(tmp_path, monkeypatch) -> Path:
    """A bundled-presets folder holding two_up.json (a copy: the real bundled files are never touched)."""
    folder = tmp_path / "bundled"
    folder.mkdir()
    shutil.copy(FIXTURES / "two_up.json", folder / "two_up.json")
    monkeypatch.setattr(bundled_files, "presets_dir", lambda: folder)
    return folder / "two_up.json"
