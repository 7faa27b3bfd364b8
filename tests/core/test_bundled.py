"""The bundled files (presets, the preset JSON Schema, fonts, test cards, icons) are found through
importlib.resources (:mod:`layout_studio.bundled`), wherever the package is installed."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageFont

import layout_studio
from layout_studio import bundled
from layout_studio.errors import LayoutStudioError
from layout_studio.presets import SCHEMA_FILE, bundled_presets, load_preset
from layout_studio.render.cards import CARD_KINDS

ROOT = Path(__file__).resolve().parents[2]


def test_the_bundled_presets_are_found_and_load():
    files = bundled.preset_files()
    assert len(files) >= 8 and files == bundled_presets()
    assert all(path.parent == bundled.presets_dir() and path.suffix == ".json" for path in files)
    for path in files:
        assert load_preset(path).name


def test_the_schema_sits_where_every_bundled_presets_schema_reference_points():
    assert bundled.schema_file().is_file() and bundled.schema_file() == SCHEMA_FILE
    assert bundled.schema_file() not in bundled.preset_files()
    for path in bundled.preset_files():
        assert json.loads(path.read_text())["$schema"] == bundled.SCHEMA_REF
        assert (path.parent / bundled.SCHEMA_REF).resolve() == bundled.schema_file().resolve()


def test_the_font_its_licence_the_cards_and_the_icons_are_found():
    font = bundled.asset("fonts", "DejaVuSans.ttf")
    assert ImageFont.truetype(str(font), 12).getname()[0] == "DejaVu Sans"
    assert bundled.asset("fonts", "DejaVuSans-LICENSE.txt").is_file()
    for name in [*(f"cards/{kind}.png" for kind in CARD_KINDS), "icons/audio.png"]:
        with Image.open(bundled.asset(*name.split("/"))) as im:
            assert im.size[0] > 0, name


def test_from_a_checkout_the_bundled_files_are_the_top_level_folders():
    """An editable install (the README's Quickstart) reads presets/ and assets/ of the checkout itself."""
    if Path(layout_studio.__file__).resolve().parent != ROOT / "layout_studio":
        pytest.skip("layout_studio is not imported from this checkout")
    assert bundled.presets_dir().resolve() == (ROOT / "presets").resolve()
    assert bundled.asset().resolve() == (ROOT / "assets").resolve()


def test_a_package_whose_files_are_not_on_disk_is_a_clear_error(tmp_path, monkeypatch):
    archive = tmp_path / "site.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("layout_studio/bundled/presets/two-up.json", "{}")
    monkeypatch.setattr(bundled.resources, "files", lambda package: zipfile.Path(archive, "layout_studio/"))
    bundled._package_dir.cache_clear()
    try:
        with pytest.raises(LayoutStudioError, match="not on disk.*install layout-studio with pip"):
            bundled.presets_dir()
    finally:
        bundled._package_dir.cache_clear()
