"""The bundled presets, shipped inside the package as ``layout_studio.bundled.presets``.

This file makes the folder a package, so :mod:`importlib.resources` finds it in a wheel and in an editable install
from a checkout alike (see :mod:`layout_studio.bundled`). The presets are the ``*.json`` files here; the preset JSON
Schema they point at is ``schema/preset.schema.json``.
"""
