"""Where the user's things live: the data, cache and preset directories (bundled files: :mod:`layout_studio.bundled`).

User directories come from platformdirs (``~/.local/share/layout-studio`` etc. on Linux, honouring XDG_*), and can
be overridden with ``LAYOUT_STUDIO_DATA_DIR`` and ``LAYOUT_STUDIO_CACHE_DIR`` (tests use these). Nothing here
creates a directory until :func:`ensure_dir` is called.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "layout-studio"


def data_dir() -> Path:
    """User data directory (journal, autosave, user presets)."""
    env = os.environ.get("LAYOUT_STUDIO_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """User cache directory (fetched images)."""
    env = os.environ.get("LAYOUT_STUDIO_CACHE_DIR")
    return Path(env) if env else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_presets_dir() -> Path:
    """The user's own presets, ``<data dir>/presets``."""
    return data_dir() / "presets"


def ensure_dir(path: Path) -> Path:
    """Create ``path`` (and parents) with mode 0700 if missing; return it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
