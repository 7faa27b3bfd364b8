"""What ships inside the package: the bundled presets, the preset JSON Schema, and the fonts, test cards and icons.

In the repository they are the top-level folders ``presets/`` and ``assets/``; the build maps them to the packages
``layout_studio.bundled.presets`` and ``layout_studio.bundled.assets`` (``setup.py``, ``pyproject.toml``
``[tool.setuptools.package-dir]``), so a wheel carries them inside ``layout_studio/bundled/`` and an editable install
(``pip install -e .``) reads them from the checkout. Either way they are found with :mod:`importlib.resources`,
never by a path relative to this file. The schema sits in ``presets/schema/``, so a bundled preset's ``$schema``
(:data:`SCHEMA_REF`) resolves in the checkout and in an installed package alike.

Every function returns a :class:`~pathlib.Path` on disk (pip installs a wheel unpacked). Raises
:class:`~layout_studio.errors.LayoutStudioError` when the package is imported from somewhere that does not unpack
its files (a zip archive); a missing file is the caller's ``FileNotFoundError``, as for any path.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import LayoutStudioError

PRESETS_PACKAGE = "layout_studio.bundled.presets"
ASSETS_PACKAGE = "layout_studio.bundled.assets"
#: Where the preset JSON Schema sits, relative to the bundled presets: the ``$schema`` of a bundled preset.
SCHEMA_REF = "schema/preset.schema.json"


@cache
def _package_dir(package: str) -> Path:
    root = resources.files(package)
    if not isinstance(root, Path):
        raise LayoutStudioError(
            f"{package}: the bundled files are not on disk (imported from {root}); install layout-studio with pip"
        )
    return root


def presets_dir() -> Path:
    """The folder of the bundled presets (``presets/`` in a checkout)."""
    return _package_dir(PRESETS_PACKAGE)


def preset_files() -> list[Path]:
    """The bundled preset files (``<presets dir>/*.json``), sorted by name."""
    return sorted(presets_dir().glob("*.json"))


def schema_file() -> Path:
    """The preset JSON Schema (``presets/schema/preset.schema.json``), written by ``layout-studio schema -o``."""
    return presets_dir() / SCHEMA_REF


def asset(*parts: str) -> Path:
    """The bundled asset ``parts`` below ``assets/``, e.g. ``asset("fonts", "DejaVuSans.ttf")``."""
    return _package_dir(ASSETS_PACKAGE).joinpath(*parts)
