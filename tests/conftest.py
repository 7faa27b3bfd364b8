"""Shared test fixtures: the reference request examples, and user directories isolated per test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = Path(__file__).resolve().parent / "fixtures" / "reference"
REFERENCE_FILES = sorted(REFERENCE_DIR.glob("*.json"))
PRESET_FILES = sorted((ROOT / "presets").glob("*.json"))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Every test gets empty data and cache directories: no test reads or writes the real user's files."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("LAYOUT_STUDIO_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("LAYOUT_STUDIO_CACHE_DIR", str(base / "cache"))
    for var in ("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SESSION_TOKEN",
                "TRTC_AGENT_USERSIG", "TRTC_SDK_SECRET_KEY", "TRTC_FEEDBACK_USERSIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(base / "home"))


@pytest.fixture
def reference_examples() -> dict[str, dict]:
    """name -> request body, for every reference example (7 Start, 2 Update)."""
    return {p.stem: json.loads(p.read_text()) for p in REFERENCE_FILES}
