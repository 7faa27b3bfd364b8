"""Layout Studio: design, check, preview and apply Tencent Cloud TRTC cloud-mixing (MCU) layouts.

Library API (imported lazily, so ``import layout_studio`` stays light):

* ``load(path)`` -> Preset | StartPublishCdnStreamRequest | UpdatePublishCdnStreamRequest
  (:mod:`layout_studio.documents`); raises :class:`~layout_studio.errors.LoadError`.
* ``validate(obj, *, action=None, canvas=None)`` -> list[Finding] (:mod:`layout_studio.validation`).
* ``build_request(preset, action, **target)`` -> dict, a request body (:mod:`layout_studio.payload`).
* ``render_preview(config, **options)`` -> PIL.Image.Image (:mod:`layout_studio.render`).
* ``sei_payload(config, **options)`` -> dict, the LayoutVolume SEI JSON (:mod:`layout_studio.sei`).
* ``export(preset, target, **options)`` -> ExportResult(target, body, findings, ...): the design as cloud recording,
  the legacy MCU API or a client SDK takes it (:mod:`layout_studio.export`, a package that is also callable).
* ``contact_sheet(config, **options)`` -> PIL.Image.Image, the design in every room state on one image
  (:mod:`layout_studio.sheet`).

The core (model, rules, render, push, presets) imports nothing from Textual; :mod:`layout_studio.tui` drives it.
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import LayoutStudioError, LoadError
from .findings import Finding, Severity

#: The version, in one place: pyproject.toml reads it ([tool.setuptools.dynamic], a literal read without importing).
__version__ = "0.1.0"

_LAZY = {
    "load": "layout_studio.documents",
    "validate": "layout_studio.validation",
    "build_request": "layout_studio.payload",
    "render_preview": "layout_studio.render",
    "sei_payload": "layout_studio.sei",
    "export": "layout_studio",
    "contact_sheet": "layout_studio.sheet",
}

__all__ = ["Finding", "LayoutStudioError", "LoadError", "Severity", "__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    if name == "export":  # the callable package itself (its name is also the function's)
        return importlib.import_module("layout_studio.export")
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'layout_studio' has no attribute {name!r}")
