"""Preset files: load, save (atomically, without secrets), list the bundled and the user's presets.

A preset is a JSON object in the ``layout-studio/preset@1`` format (see :mod:`layout_studio.model.preset`). Files
are written by :func:`save_preset` only: the text is :func:`preset_to_json` (stable key order, 2-space indent,
trailing newline, ``$schema`` pointing at the published JSON Schema), secrets are stripped first
(:func:`layout_studio.secrets.strip_secrets`), and the write is atomic (:func:`layout_studio.atomic.atomic_write_text`:
a temporary file in the same directory, fsync, ``os.replace``), so a crash or a full disk never leaves a
half-written preset.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from . import bundled, paths
from .atomic import atomic_write_text
from .errors import LoadError
from .model import PRESET_FORMAT, Preset
from .payload import drop_none
from .secrets import strip_secrets

#: Where the published schema lives, beside the bundled presets (written by ``layout-studio schema -o``, see
#: :mod:`layout_studio.schema`).
SCHEMA_FILE = bundled.schema_file()
#: ``$schema`` of the bundled presets: relative to ``presets/<name>.json``, in a checkout and an installed package.
BUNDLED_SCHEMA_REF = bundled.SCHEMA_REF

#: Key order of a preset file (then any unknown keys, kept as they are).
_TOP_ORDER = ("$schema", "Format", "Name", "Description", "VideoParams", "AudioParams", "SeiParams", "Target")


def load_preset(path: str | Path) -> Preset:
    """The preset in file ``path``.

    Raises :class:`~layout_studio.errors.LoadError` (file, line, column) when the file is unreadable, not JSON, has
    a field of the wrong type, or is a request body rather than a preset (the message says to use
    ``layout-studio import``). Unknown keys are kept; :func:`layout_studio.validation.validate` reports them.
    """
    from .documents import load  # the loader owns JSON reading and type errors

    doc = load(path)
    if not isinstance(doc, Preset):
        raise LoadError(
            'this is a request body, not a preset (no "Format": "layout-studio/preset@1"); '
            "convert it with `layout-studio import REQUEST.json -o PRESET.json`",
            file=str(path),
        )
    return doc


def schema_ref_for(path: str | Path) -> str:
    """The ``$schema`` value for a preset saved at ``path``: the packaged schema, relative to the file's directory
    (``schema/preset.schema.json`` for a bundled preset), or its absolute path when no relative path
    exists (another drive)."""
    target_dir = Path(path).resolve().parent
    try:
        return Path(os.path.relpath(SCHEMA_FILE, target_dir)).as_posix()
    except ValueError:
        return SCHEMA_FILE.as_posix()


def _schema_resolves(ref: str, path: str | Path) -> bool:
    """Whether ``$schema`` value ``ref`` of a preset saved at ``path`` names a schema an editor finds: a URL, or a
    file that exists relative to the preset's folder (a checkout's own ``schema/preset.schema.json`` stays as is)."""
    if "://" in ref:
        return True
    return (Path(path).resolve().parent / ref).is_file()


def preset_to_json(preset: Preset, *, schema_ref: str | None = None) -> str:
    """The preset as file text: API key names, keys in a fixed order, 2-space indent, UTF-8, trailing newline.

    ``$schema`` is ``schema_ref`` when given, else the preset's own ``$schema``, else :data:`BUNDLED_SCHEMA_REF`.
    Members set to None (absent, in the model) are left out. Secrets are NOT removed here (use
    :func:`save_preset` to write a file).
    """
    data = drop_none(preset.to_api())
    data["$schema"] = schema_ref or preset.schema_ or BUNDLED_SCHEMA_REF
    data["Format"] = PRESET_FORMAT
    return _dumps(data)


def _dumps(data: dict[str, Any]) -> str:
    ordered = {key: data[key] for key in _TOP_ORDER if key in data}
    ordered.update((key, value) for key, value in data.items() if key not in ordered)
    return json.dumps(ordered, indent=2, ensure_ascii=False) + "\n"


def save_preset(preset: Preset, path: str | Path) -> list[str]:
    """Write ``preset`` to ``path`` atomically, without secrets; return the paths of the secrets it left out.

    Returned paths are API paths such as ``Target.AgentParams.UserSig`` or
    ``Target.PublishCdnParams[0].PublishCdnUrl (txSecret)`` so a caller can say what was not saved. The ``$schema``
    is re-pointed at the packaged schema (relative to ``path``) when the preset names none, or a
    ``preset.schema.json`` that does not exist from ``path``; one that resolves (or another schema) is kept.
    Raises :class:`~layout_studio.errors.LayoutStudioError` when the file cannot be written (the old file, if
    any, is left as it was).
    """
    data, removed = strip_secrets(drop_none(preset.to_api()))
    current = data.get("$schema")
    if not current or (str(current).endswith("preset.schema.json") and not _schema_resolves(str(current), path)):
        data["$schema"] = schema_ref_for(path)
    data["Format"] = PRESET_FORMAT
    atomic_write_text(path, _dumps(data))
    return removed


def bundled_presets() -> list[Path]:
    """The bundled preset files (``presets/*.json``, :func:`layout_studio.bundled.preset_files`), sorted by name."""
    return bundled.preset_files()


def user_presets() -> list[Path]:
    """The user's preset files (``<data dir>/presets/*.json``), sorted by name; empty when the directory is missing."""
    directory = paths.user_presets_dir()
    return sorted(directory.glob("*.json")) if directory.is_dir() else []
