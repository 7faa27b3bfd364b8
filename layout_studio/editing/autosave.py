"""Autosave and crash recovery: the design being edited is written (debounced by the studio) to
``<data dir>/autosave/<key>.json`` while it has unsaved changes. It holds only unsaved work: a save, a clean quit,
or a return to the saved state (undoing back to it) removes it, so a file left there means a crashed or killed
session with unsaved work, offered for recovery on the next start (never forced) with what it would bring back
(:meth:`Autosave.summary`).

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

    def summary(self, now: datetime | None = None) -> str:
        """What recovering brings back and when it was written, in words: ``3 regions and 1 watermark on a
        1280×720 canvas, autosaved 5 minutes ago (14:32)``."""
        return f"{contents(self.preset)}, autosaved {age(self.saved_at, now)}{clock(self.saved_at, now)}"


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
        """Remove the autosave (after a save or a clean quit, or when the design is back at its saved state)."""
        self.file.unlink(missing_ok=True)

    def keep(self, preset: Preset, *, unsaved: bool) -> None:
        """Keep the autosave in step with the session: written when the design has ``unsaved`` changes, removed
        when it is back at its saved state."""
        if unsaved:
            self.write(preset)
        else:
            self.discard()


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


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s") if n else f"no {noun}s"


def _object(parent: dict[str, Any], name: str) -> dict[str, Any]:
    value = parent.get(name)
    return value if isinstance(value, dict) else {}


def contents(design: dict[str, Any]) -> str:
    """What a design (in its file shape) holds, in words: ``3 regions and 1 watermark on a 1280×720 canvas``; a
    dynamic layout says its MixLayoutMode instead of its regions (SDK models.McuLayoutParams.MixLayoutMode)."""
    video = _object(design, "VideoParams")
    layout, encode = _object(video, "LayoutParams"), _object(video, "VideoEncode")
    regions, marks = layout.get("MixLayoutList") or [], video.get("WaterMarkList") or []
    mode = layout.get("MixLayoutMode", 4 if regions else None)
    what = _count(len(regions), "region") if mode in (None, 4) else f"a dynamic layout (MixLayoutMode {mode})"
    text = f"{what} and {_count(len(marks), 'watermark')}"
    if encode.get("Width") and encode.get("Height"):
        text += f" on a {encode['Width']}×{encode['Height']} canvas"
    return text


def _when(saved_at: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(saved_at)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def age(saved_at: str, now: datetime | None = None) -> str:
    """How long ago an ISO-8601 time was, in words (``just now``, ``5 minutes ago``, ``3 hours ago``,
    ``2 days ago``); ``at an unknown time`` when it does not parse."""
    when = _when(saved_at)
    if when is None:
        return "at an unknown time"
    minutes = int(((now or datetime.now(UTC)) - when).total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        n, unit = minutes, "minute"
    elif minutes < 24 * 60:
        n, unit = minutes // 60, "hour"
    else:
        n, unit = minutes // (24 * 60), "day"
    return f"{n} {unit}{'' if n == 1 else 's'} ago"


def clock(saved_at: str, now: datetime | None = None) -> str:
    """`` (14:32)`` in local time, with the date when it was not today; empty when the time does not parse."""
    when = _when(saved_at)
    if when is None:
        return ""
    local, today = when.astimezone(), (now or datetime.now(UTC)).astimezone().date()
    return f" ({local:%H:%M})" if local.date() == today else f" ({local:%Y-%m-%d %H:%M})"
