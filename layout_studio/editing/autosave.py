"""Autosave and crash recovery: the design being edited is written (debounced by the studio) to
``<data dir>/autosave/<key>.json``; a clean save or quit removes it, so a file left there means a crashed or
killed session, offered for recovery on the next start (never forced).

File format (JSON): ``{"Format": "layout-studio/autosave@1", "Source": path or null, "SavedAt": ISO-8601 UTC,
"Preset": {preset in its file shape}}``. Secrets are stripped before writing (UserSig, SecretKey, txSecret);
writes are atomic (:func:`layout_studio.atomic.atomic_write_text`).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..atomic import atomic_write_text
from ..model import Preset
from ..paths import data_dir, ensure_dir
from ..secrets import strip_secrets

FORMAT = "layout-studio/autosave@1"


def autosave_dir() -> Path:
    """``<data dir>/autosave`` (not created until something is written)."""
    return data_dir() / "autosave"


def key_for(source: Path | None) -> str:
    """File stem for a design: a hash of its absolute source path, or ``untitled-<pid>`` for a new design."""
    if source is None:
        return f"untitled-{os.getpid()}"
    return hashlib.sha1(str(Path(source).resolve()).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Autosave:
    """An autosave found on disk: its ``file``, the ``source`` preset path (or None), when it was written, and the
    design as a JSON object."""

    file: Path
    source: Path | None
    saved_at: str
    preset: dict[str, Any]

    def load(self) -> Preset:
        """The design as a Preset (raises pydantic.ValidationError if it no longer loads)."""
        return Preset.model_validate(self.preset)

    def discard(self) -> None:
        """Delete the autosave file."""
        self.file.unlink(missing_ok=True)


class Autosaver:
    """Writes and removes the autosave of one session (the key follows the session's file when it changes)."""

    def __init__(self, source: Path | None) -> None:
        self.source, self.file = self._keyed(source)

    @staticmethod
    def _keyed(source: Path | None) -> tuple[Path | None, Path]:
        """The source path and the autosave file of a design."""
        path = Path(source) if source else None
        return path, autosave_dir() / f"{key_for(path)}.json"

    def retarget(self, source: Path | None) -> None:
        """The design was saved under a new path: drop the old autosave, use the new key from now on."""
        self.discard()
        self.source, self.file = self._keyed(source)

    def write(self, preset: Preset) -> Path:
        """Write the autosave now; returns its file."""
        body, _removed = strip_secrets(preset.to_api())
        doc = {
            "Format": FORMAT,
            "Source": str(self.source) if self.source else None,
            "SavedAt": datetime.now(UTC).isoformat(timespec="seconds"),
            "Preset": body,
        }
        ensure_dir(self.file.parent)
        atomic_write_text(self.file, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        return self.file

    def discard(self) -> None:
        """Remove the autosave (after a clean save or quit)."""
        self.file.unlink(missing_ok=True)


def pending(source: Path | None = None) -> list[Autosave]:
    """Autosaves left by earlier sessions, newest first. With ``source``, only the one for that preset file.
    Unreadable or foreign files are skipped."""
    folder = autosave_dir()
    if not folder.is_dir():
        return []
    files = [folder / f"{key_for(source)}.json"] if source is not None else list(folder.glob("*.json"))
    found = []
    for f in files:
        try:
            doc = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(doc, dict) or doc.get("Format") != FORMAT or not isinstance(doc.get("Preset"), dict):
            continue
        src = doc.get("Source")
        found.append(
            Autosave(f, Path(src) if isinstance(src, str) else None, str(doc.get("SavedAt", "")), doc["Preset"])
        )
    return sorted(found, key=lambda a: a.saved_at, reverse=True)
