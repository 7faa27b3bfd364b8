"""Build hook: the packages of the wheel, which pyproject.toml alone cannot list.

Every package and data folder under ``layout_studio/``, plus the top-level folders ``presets/`` and ``assets/``
(with their sub-folders) shipped as ``layout_studio.bundled.presets`` and ``layout_studio.bundled.assets``. The
folders are mapped in ``[tool.setuptools.package-dir]`` of pyproject.toml, which holds everything else; they are read
with importlib.resources (:mod:`layout_studio.bundled`).
"""

from pathlib import Path

from setuptools import find_namespace_packages, setup

#: Package -> the top-level folder it is built from (the same mapping as [tool.setuptools.package-dir]).
BUNDLED = {"layout_studio.bundled.presets": "presets", "layout_studio.bundled.assets": "assets"}


def bundled_packages() -> list[str]:
    """The bundled packages and every sub-folder of theirs (data only: listed so that setuptools ships them)."""
    names = []
    for package, folder in BUNDLED.items():
        names.append(package)
        for sub in sorted(Path(folder).rglob("*")):
            if sub.is_dir() and sub.name != "__pycache__":
                names.append(".".join([package, *sub.relative_to(folder).parts]))
    return names


setup(
    packages=[
        *find_namespace_packages(include=["layout_studio", "layout_studio.*"], exclude=["*.__pycache__"]),
        *bundled_packages(),
    ]
)
