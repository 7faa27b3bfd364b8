"""Why a tile is flagged: an empty or flat region, a watermark over a region's centre, a shared screen smaller than
a thumbnail — and no flag on the bundled presets with everyone in the room."""

from __future__ import annotations

import pytest

from layout_studio.mix import coerce, resolve
from layout_studio.presets import bundled_presets, load_preset
from layout_studio.render import Renderer
from layout_studio.sheet import build_sheet, room_states, tile_flags

from ..render.helpers import preset, region, solid_png
from .designs import portrait_small_screen, sharing_without_max_video_user


def flags(cfg, **room):
    design = coerce(cfg)
    result = Renderer().render(design, scale=0.5, draft=True, offline=True, **room)
    return tile_flags(design, resolve(design, _room(**room)), result.image, 0.5)


def _room(users=None, absent=()):
    from layout_studio.mix import Room

    return Room.of(users, absent)


def _wm(x, y, w, h, z):
    return {
        "WaterMarkType": 1,
        "WaterMarkText": {
            "Text": "x",
            "WaterMarkWidth": w,
            "WaterMarkHeight": h,
            "LocationX": x,
            "LocationY": y,
            "FontSize": 10,
            "ZOrder": z,
        },
    }


def test_an_absent_user_without_placeholder_leaves_the_region_empty(tmp_path):
    cfg = preset([region(0, 0, 200, 200, "host"), region(200, 0, 200, 200, "guest")])
    assert flags(cfg) == []
    assert flags(cfg, absent=["guest"]) == ["#1 guest empty"]
    cfg["VideoParams"]["LayoutParams"]["MixLayoutList"][1]["BackgroundImageUrl"] = str(
        solid_png(tmp_path / "away.png", (0, 90, 200))
    )
    assert flags(cfg, absent=["guest"]) == []


def test_a_black_or_transparent_placeholder_is_flagged_a_flat_brand_colour_is_not(tmp_path):
    black = solid_png(tmp_path / "black.png", (0, 0, 0))
    cfg = preset([region(0, 0, 200, 200, "host", BackgroundImageUrl=str(black))])
    assert flags(cfg, absent=["host"]) == ["#0 host black"]
    clear = solid_png(tmp_path / "clear.png", (0, 0, 0, 0), mode="RGBA")
    cfg["VideoParams"]["LayoutParams"]["MixLayoutList"][0]["BackgroundImageUrl"] = str(clear)
    assert flags(cfg, absent=["host"]) == ["#0 host shows only the background"]
    brand = solid_png(tmp_path / "brand.png", (0, 90, 200))
    cfg["VideoParams"]["LayoutParams"]["MixLayoutList"][0]["BackgroundImageUrl"] = str(brand)
    assert flags(cfg, absent=["host"]) == []


def test_a_watermark_above_a_region_centre_is_flagged_one_below_is_not():
    cfg = preset([region(0, 0, 200, 200, "host", z=1)], watermarks=[_wm(80, 80, 40, 40, 2)])
    assert flags(cfg) == ["watermark 0 covers the centre of #0 host"]
    cfg["VideoParams"]["WaterMarkList"] = [_wm(80, 80, 40, 40, 0)]  # under the region
    assert flags(cfg) == []
    cfg["VideoParams"]["WaterMarkList"] = [_wm(0, 0, 40, 40, 5)]  # above, but in a corner
    assert flags(cfg) == []


def test_a_shared_screen_smaller_than_a_thumbnail_is_flagged():
    assert flags(portrait_small_screen()) == ["shared screen #1 deck smaller than a thumbnail"]
    screen_share = load_preset(next(p for p in bundled_presets() if p.stem == "screen-share"))
    assert flags(screen_share) == []


def test_screen_sharing_without_max_video_user_flags_the_empty_large_area():
    found = flags(sharing_without_max_video_user(), users=2)
    assert found == ["the large area empty", "watermark 0 covers the centre of auto #1's place"]


@pytest.mark.parametrize("path", bundled_presets(), ids=[p.stem for p in bundled_presets()])
def test_no_bundled_preset_is_flagged_with_everyone_in_the_room(path):
    design = coerce(load_preset(path))
    first = room_states(design)[0]
    sheet = build_sheet(design, users=(first.users, first.users) if first.users else None, offline=True)
    assert sheet.tiles[0].flags == []
