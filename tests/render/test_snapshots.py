"""Image snapshots of every bundled preset's preview (offline, so image URLs are hatched boxes; bundled font, so
the pictures are the same on every machine: an installed Noto Sans CJK / Source Han Sans, or LAYOUT_STUDIO_CJK_FONT,
is ignored here). Update with ``pytest --snapshot-update`` and look at the PNGs."""

from __future__ import annotations

import pytest

from layout_studio.presets import bundled_presets, load_preset
from layout_studio.render import Renderer

from .helpers import png_bytes

PRESETS = bundled_presets()


@pytest.fixture(autouse=True)
def bundled_font_only(no_cjk_font):
    """SourceHanSans watermarks are drawn with the bundled font whatever the machine has installed."""


def test_there_are_bundled_presets():
    assert len(PRESETS) >= 8


@pytest.mark.parametrize("path", PRESETS, ids=[p.stem for p in PRESETS])
def test_bundled_preset_preview(path, png_snapshot):
    result = Renderer().render(load_preset(path), offline=True, scale=0.5)
    assert result.image.size == tuple(round(s * 0.5) for s in load_preset(path).canvas)
    assert png_bytes(result.image) == png_snapshot


@pytest.mark.parametrize("name", ["speaker-pip", "screen-share"])
def test_bundled_preset_overlay(name, png_snapshot):
    path = next(p for p in PRESETS if p.stem == name)
    result = Renderer().render(load_preset(path), offline=True, scale=0.5, overlay=True, findings=[])
    assert png_bytes(result.image) == png_snapshot
