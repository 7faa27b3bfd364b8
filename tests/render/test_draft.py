"""Draft rendering: a small picture composed at its own size is the same picture as the full one scaled down, to
within a pixel, and never changes a render that does not ask for it."""

from __future__ import annotations

import pytest
from PIL import ImageChops, ImageStat

from layout_studio.mix import coerce
from layout_studio.presets import bundled_presets, load_preset
from layout_studio.render import Renderer
from layout_studio.render.draft import scale_box, scale_design

from .helpers import preset, region


@pytest.mark.parametrize("path", bundled_presets(), ids=[p.stem for p in bundled_presets()])
def test_a_draft_thumbnail_matches_the_exact_picture_scaled_down(path, no_cjk_font):
    cfg = load_preset(path)
    k = 320 / max(cfg.canvas)
    r = Renderer()
    exact = r.render(cfg, scale=k, offline=True, clean=True).image
    draft = r.render(cfg, scale=k, offline=True, clean=True, draft=True).image
    assert draft.size == exact.size
    diff = ImageStat.Stat(ImageChops.difference(exact, draft)).mean
    assert max(diff) < 3, diff  # mean difference per channel, 0..255: edges and text antialiasing only


def test_adjacent_regions_stay_adjacent_and_the_canvas_scales_with_them():
    assert scale_box((0, 0, 427, 360), 1 / 6) == (0, 0, 71, 60)
    assert scale_box((427, 0, 426, 360), 1 / 6) == (71, 0, 71, 60)
    assert scale_box((853, 0, 427, 360), 1 / 6) == (142, 0, 71, 60)  # 142 + 71 = 213 = round(1280 / 6)
    design = scale_design(coerce(preset([], w=1280, h=720)), 1 / 6)
    assert design.canvas == (213, 120) and design.findings == []


def test_draft_changes_nothing_at_full_size_or_larger():
    cfg = preset([region(0, 0, 100, 100, "alice")])
    r = Renderer()
    for scale in (1.0, 2.0):
        assert r.render(cfg, scale=scale, draft=True).image.tobytes() == r.render(cfg, scale=scale).image.tobytes()
