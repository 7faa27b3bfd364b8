"""The wheel, as users get it: built from this checkout (no network: ``pip wheel --no-build-isolation --no-index``),
it carries every module, the bundled presets, their schema and the assets inside ``layout_studio/``; unpacked
somewhere else, the commands read them from there, run from a directory outside the checkout.

``.ci/run`` does the same with a real install into a fresh virtual environment."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import layout_studio

ROOT = Path(__file__).resolve().parent.parent
#: What the build reads from the checkout.
SOURCES = ("pyproject.toml", "setup.py", "README.md", "LICENSE", "layout_studio", "presets", "assets")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of the checkout (the build writes build/ and *.egg-info beside its sources)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q"]
        + ["-w", str(work / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (path,) = (work / "dist").glob("layout_studio-*.whl")
    return path


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def test_the_wheel_carries_every_module_the_presets_their_schema_and_the_assets(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {p.relative_to(ROOT).as_posix() for p in (ROOT / "layout_studio").rglob("*.py")}
    expected |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "layout_studio").rglob("*.tcss")}
    for folder in ("presets", "assets"):
        expected |= {f"layout_studio/bundled/{p.relative_to(ROOT).as_posix()}" for p in _files(ROOT / folder)}
    assert "layout_studio/bundled/presets/two-up.json" in expected
    assert "layout_studio/bundled/presets/schema/preset.schema.json" in expected
    assert "layout_studio/bundled/assets/fonts/DejaVuSans.ttf" in expected
    assert sorted(expected - names) == []
    # nothing lands beside the package in site-packages (a top-level presets/ or assets/ would clash with others)
    info = f"layout_studio-{layout_studio.__version__}.dist-info"
    assert {name.split("/")[0] for name in names} == {"layout_studio", info}


def test_the_wheel_is_typed_licensed_and_versioned_from_the_package(wheel):
    """py.typed (PEP 561), the MIT licence text (PEP 639), and the version of ``layout_studio.__version__``."""
    archive = zipfile.ZipFile(wheel)
    info = f"layout_studio-{layout_studio.__version__}.dist-info"
    assert "layout_studio/py.typed" in archive.namelist()
    assert archive.read(f"{info}/licenses/LICENSE") == (ROOT / "LICENSE").read_bytes()
    metadata = archive.read(f"{info}/METADATA").decode()
    assert f"\nVersion: {layout_studio.__version__}\n" in metadata and "\nLicense-Expression: MIT\n" in metadata


def test_in_the_wheel_every_bundled_presets_schema_reference_resolves(wheel):
    archive = zipfile.ZipFile(wheel)
    presets = [n for n in archive.namelist() if n.startswith("layout_studio/bundled/presets/") and n.endswith(".json")]
    schema = "layout_studio/bundled/presets/schema/preset.schema.json"
    for name in presets:
        if name != schema:
            ref = json.loads(archive.read(name))["$schema"]
            assert os.path.normpath(os.path.join(os.path.dirname(name), ref)) == schema, name


def test_from_the_unpacked_wheel_the_commands_work_outside_the_checkout(wheel, tmp_path):
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "layout_studio", *args]
        return subprocess.run(argv, cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)

    where = subprocess.run(
        [sys.executable, "-c", "from layout_studio import bundled; print(bundled.presets_dir())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    presets = Path(where.stdout.strip())
    assert presets == site / "layout_studio" / "bundled" / "presets"
    preset = str(presets / "two-up.json")
    for args in (
        ["validate", preset],
        ["render", preset, "--offline", "-o", "x.png"],
        ["sei", preset],
        ["payload", preset, "--action", "start"],
    ):
        done = cli(*args)
        assert done.returncode == 0, (args, done.stderr)
        assert "Traceback" not in done.stderr
    assert (elsewhere / "x.png").read_bytes().startswith(b"\x89PNG")
    done = cli("schema")
    assert done.returncode == 0 and done.stdout == (presets / "schema" / "preset.schema.json").read_text()
