"""Shared test fixtures: the reference request examples, and user directories isolated per test."""

from __future__ import annotations

import ipaddress
import json
import socket
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
    for var in (
        "TENCENTCLOUD_SECRET_ID",
        "TENCENTCLOUD_SECRET_KEY",
        "TENCENTCLOUD_SESSION_TOKEN",
        "TRTC_AGENT_USERSIG",
        "TRTC_SDK_SECRET_KEY",
        "TRTC_FEEDBACK_USERSIG",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(base / "home"))


_real_getaddrinfo = socket.getaddrinfo


def _loopback_only_getaddrinfo(host, *args, **kwargs):
    """Resolve only loopback names and addresses: no test may reach the internet (or a Tencent endpoint)."""
    name = host.decode() if isinstance(host, bytes) else host
    if name not in (None, "localhost"):
        try:
            loopback = ipaddress.ip_address(name).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise socket.gaierror(socket.EAI_NONAME, f"tests may only reach loopback, not {name!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Every connection a test makes by name or address goes to 127.0.0.0/8 or ::1, or fails at once."""
    monkeypatch.setattr(socket, "getaddrinfo", _loopback_only_getaddrinfo)


@pytest.fixture
def reference_examples() -> dict[str, dict]:
    """name -> request body, for every reference example (7 Start, 2 Update)."""
    return {p.stem: json.loads(p.read_text()) for p in REFERENCE_FILES}


@pytest.fixture
def no_cjk_font(monkeypatch):
    """The machine has no CJK font: text is measured and drawn with the bundled face whatever is installed."""
    from layout_studio import fonts

    monkeypatch.setattr(fonts, "find_cjk_font", lambda: None)
    fonts.get_font.cache_clear()
    yield
    fonts.get_font.cache_clear()


@pytest.fixture
def png_snapshot(snapshot):
    """syrupy's snapshot compared as PNG files (``__snapshots__/<module>/<test>.png``, viewable)."""
    from syrupy.extensions.image import PNGImageSnapshotExtension

    return snapshot.use_extension(PNGImageSnapshotExtension)
