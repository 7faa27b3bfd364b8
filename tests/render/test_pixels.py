"""Pixel tests of the preview: each checks a colour the documented MCU behaviour implies at a chosen pixel."""

from __future__ import annotations

from PIL import Image

from layout_studio.render import Renderer, render_preview

from .helpers import BG_RGB, color_of, preset, quadrants, region, rounded_template, solid_png


def px(image, x, y):
    return image.getpixel((x, y))[:3]


def test_image_is_rgb_canvas_size_times_scale():
    cfg = preset([region(0, 0, 100, 100, "alice")])
    assert render_preview(cfg).size == (400, 200)
    small = render_preview(cfg, scale=0.5)
    assert small.mode == "RGB" and small.size == (200, 100)


def test_pixel_inside_region_has_the_users_card_colour_and_outside_is_background():
    cfg = preset([region(20, 30, 160, 90, "alice"), region(220, 30, 160, 90, "bob")])
    img = render_preview(cfg)
    assert px(img, 24, 34) == color_of(cfg, "alice")
    assert px(img, 376, 116) == color_of(cfg, "bob")
    assert color_of(cfg, "alice") != color_of(cfg, "bob")
    for x, y in ((5, 5), (200, 100), (399, 199), (190, 150)):
        assert px(img, x, y) == BG_RGB


def test_higher_zorder_wins_where_regions_overlap_whatever_the_list_order():
    top_last = preset([region(0, 0, 200, 120, "low", z=1), region(100, 50, 200, 120, "high", z=2)])
    top_first = preset([region(100, 50, 200, 120, "high", z=2), region(0, 0, 200, 120, "low", z=1)])
    for cfg in (top_last, top_first):
        img = render_preview(cfg)
        assert px(img, 104, 54) == color_of(cfg, "high")  # in the overlap
        assert px(img, 4, 4) == color_of(cfg, "low")


def test_equal_zorder_stacks_in_list_order():
    cfg = preset([region(0, 0, 200, 120, "first"), region(100, 50, 200, 120, "second")])
    img = render_preview(cfg)
    assert px(img, 104, 54) == color_of(cfg, "second")


def _fit_pair(**extra):
    r = Renderer()
    one = r.render(preset([region(100, 0, 200, 200, "alice", RenderMode=1, **extra)])).image
    two = r.render(preset([region(100, 0, 200, 200, "alice", RenderMode=2, **extra)])).image
    return one, two


def test_render_mode_1_and_2_differ_exactly_in_the_bars():
    one, two = _fit_pair(UserMediaStream={"UserInfo": {"UserId": "alice"}, "StreamType": 1})  # 16:10 screen card
    # a 1280x800 frame fitted into 200x200 is 200x125, centred: bars are rows 0..37 and 163..199 of the region
    top, bottom = (200 - 125) // 2, (200 - 125) // 2 + 125
    for y in range(200):
        for x in range(100, 300):
            in_bar = y < top or y >= bottom
            a, b = px(one, x, y), px(two, x, y)
            if in_bar:
                assert a == BG_RGB and b == (0, 0, 0), (x, y)
            else:
                assert a == b, (x, y)


def test_render_mode_1_bars_take_the_region_colour_when_background_colour_mode_bit1_is_set():
    one, _ = _fit_pair(BackGroundColor="0xCC0033", BackGroundColorMode=2)
    assert px(one, 150, 2) == (0xCC, 0x00, 0x33)
    only_bit0, _ = _fit_pair(BackGroundColor="0xCC0033", BackGroundColorMode=1)
    assert px(only_bit0, 150, 2) == BG_RGB


def test_custom_crop_shows_the_cropped_part_of_the_source():
    src = quadrants((200, 100))
    cfg = preset(
        [region(0, 0, 100, 50, "alice", CustomCrop={"LocationX": 100, "LocationY": 0, "Width": 100, "Height": 50})]
    )
    img = render_preview(cfg, sources={"alice": src})
    colors = {px(img, x, y) for x in range(2, 98, 4) for y in range(2, 48, 4)}
    assert colors == {(0, 255, 0)}
    uncropped = render_preview(preset([region(0, 0, 100, 50, "alice")]), sources={"alice": src})
    assert px(uncropped, 5, 5) == (255, 0, 0) and px(uncropped, 95, 45) == (255, 255, 255)


def test_custom_crop_on_a_card_uses_its_nominal_1280x720_pixels():
    # the top-left 320x180 of a camera card is flat user colour: cropping to it fills the region with that colour
    cfg = preset(
        [region(0, 0, 160, 90, "alice", CustomCrop={"LocationX": 0, "LocationY": 0, "Width": 320, "Height": 180})]
    )
    img = render_preview(cfg)
    assert {px(img, x, y) for x in range(2, 158, 8) for y in range(2, 88, 8)} == {color_of(cfg, "alice")}


def _text_wm(z):
    return {
        "WaterMarkType": 1,
        "WaterMarkText": {
            "Text": "",
            "WaterMarkWidth": 40,
            "WaterMarkHeight": 20,
            "LocationX": 10,
            "LocationY": 10,
            "FontSize": 12,
            "BackGroundColor": "0x00FF00",
            "ZOrder": z,
        },
    }


def test_watermark_is_on_top_where_its_zorder_says_so():
    above = render_preview(preset([region(0, 0, 200, 100, "alice", z=1)], watermarks=[_text_wm(5)]))
    assert px(above, 20, 20) == (0, 255, 0)
    cfg = preset([region(0, 0, 200, 100, "alice", z=3)], watermarks=[_text_wm(1)])
    below = render_preview(cfg)
    assert px(below, 20, 20) == color_of(cfg, "alice")


def test_image_watermark_is_stretched_to_its_size_with_its_alpha(tmp_path):
    logo = solid_png(tmp_path / "logo.png", (255, 255, 0, 255), size=(10, 10), mode="RGBA")
    wm = {
        "WaterMarkImage": {
            "WaterMarkUrl": str(logo),
            "WaterMarkWidth": 50,
            "WaterMarkHeight": 30,
            "LocationX": 300,
            "LocationY": 150,
        }
    }
    img = render_preview(preset([], watermarks=[wm]))
    assert px(img, 301, 151) == (255, 255, 0) and px(img, 349, 179) == (255, 255, 0)
    assert px(img, 351, 181) == BG_RGB


def test_rounded_corner_of_a_custom_placeholder_shows_the_background(tmp_path):
    pic = solid_png(tmp_path / "away.png", (250, 120, 0))
    r = region(
        0,
        0,
        160,
        90,
        "alice",
        BackgroundImageUrl=str(pic),
        BackgroundRenderMode=4,
        BackgroundCustomRender={"Width": 160, "Height": 90, "Radius": 30},
    )
    img = render_preview(preset([r]), absent=["alice"])
    assert px(img, 1, 1) == BG_RGB and px(img, 158, 88) == BG_RGB
    assert px(img, 80, 45) == (250, 120, 0) and px(img, 40, 1) == (250, 120, 0)


def test_transparent_url_masks_the_region_only_in_render_mode_0(tmp_path):
    mask = rounded_template(tmp_path / "round.png", (160, 90), radius=30)
    masked = Renderer().render(preset([region(0, 0, 160, 90, "alice", TransparentUrl=str(mask))]))
    assert px(masked.image, 1, 1) == BG_RGB
    assert px(masked.image, 40, 2) == color_of(preset([region(0, 0, 1, 1, "alice")]), "alice")
    fit = Renderer().render(preset([region(0, 0, 160, 90, "alice", TransparentUrl=str(mask), RenderMode=2)]))
    assert px(fit.image, 1, 1) == color_of(preset([region(0, 0, 1, 1, "alice")]), "alice")
    assert "render.transparent.ignored" in {f.code for f in fit.findings}


def test_absent_user_shows_the_placeholder_by_background_render_mode(tmp_path):
    pic = solid_png(tmp_path / "away.png", (0, 128, 255), size=(32, 32))
    cfg = preset([region(0, 0, 160, 90, "alice", BackgroundImageUrl=str(pic)), region(200, 0, 160, 90, "bob")])
    img = render_preview(cfg, absent=["alice", "bob"])
    assert px(img, 80, 45) == (0, 128, 255) and px(img, 2, 2) == (0, 128, 255)  # mode 3 (default) stretches
    assert px(img, 280, 45) == BG_RGB  # no placeholder: nothing is drawn
    present = render_preview(cfg)
    assert px(present, 2, 2) == color_of(cfg, "alice")


def test_placeholder_mode_2_fits_on_black(tmp_path):
    pic = solid_png(tmp_path / "tall.png", (0, 128, 255), size=(50, 100))
    img = render_preview(
        preset([region(0, 0, 200, 100, "alice", BackgroundImageUrl=str(pic), BackgroundRenderMode=2)]), absent=["alice"]
    )
    assert px(img, 2, 50) == (0, 0, 0) and px(img, 100, 50) == (0, 128, 255)


def test_users_n_leaves_named_users_beyond_n_absent_and_fills_unnamed_slots_in_order():
    cfg = preset([region(0, 0, 100, 100, "host"), region(100, 0, 100, 100, "guest"), region(200, 0, 100, 100)])
    img = render_preview(cfg, users=1)
    assert px(img, 2, 2) == color_of(cfg, "host")
    assert px(img, 102, 2) == BG_RGB and px(img, 202, 2) == BG_RGB
    everyone = render_preview(cfg)
    assert px(everyone, 202, 2) == color_of(cfg, "auto #1")
    three = render_preview(cfg, users=3)
    assert px(three, 102, 2) == color_of(cfg, "guest") and px(three, 202, 2) == color_of(cfg, "auto #1")


def test_canvas_background_image_by_background_render_mode(tmp_path):
    tall = solid_png(tmp_path / "bg.png", (200, 10, 10), size=(100, 200))
    fitted = render_preview(preset([], BackgroundImageUrl=str(tall), BackgroundRenderMode=1))
    assert px(fitted, 200, 100) == (200, 10, 10) and px(fitted, 5, 100) == (0, 0, 0)
    stretched = render_preview(preset([], BackgroundImageUrl=str(tall)))
    assert px(stretched, 5, 100) == (200, 10, 10)


def test_moving_a_region_reuses_its_cached_tile():
    r = Renderer()
    r.render(preset([region(0, 0, 160, 90, "alice")]))
    misses = r.tiles.misses
    moved = r.render(preset([region(50, 40, 160, 90, "alice")])).image
    assert r.tiles.misses == misses
    assert px(moved, 52, 42) == color_of(preset([region(0, 0, 1, 1, "alice")]), "alice") and px(moved, 2, 2) == BG_RGB


def test_a_huge_user_count_on_a_custom_layout_fills_the_unnamed_regions_without_listing_every_user(monkeypatch):
    # --users 100000000 on a custom layout built a list of every simulated user before filling two regions
    from layout_studio.mix import room

    real = room.auto_user
    made = []

    def counting(n):
        made.append(n)
        assert len(made) <= 100, "made a name for every user of the room"
        return real(n)

    monkeypatch.setattr(room, "auto_user", counting)
    cfg = preset([region(0, 0, 100, 100, "alice"), region(100, 0, 100, 100), region(200, 0, 100, 100)])
    image = render_preview(cfg, users=10**8)
    assert [px(image, x, 98) for x in (2, 102, 202)] == [
        color_of(cfg, "alice"),
        color_of(cfg, "auto #1"),
        color_of(cfg, "auto #2"),
    ]


def test_a_transparent_url_template_without_transparency_is_reported(tmp_path):
    # a JPEG (the SDK takes PNG only) or an opaque PNG has no alpha to use as a mask: the region was drawn unmasked
    # without a word, so a rounded-corner design silently showed square corners
    jpeg = tmp_path / "round.jpg"
    Image.new("RGB", (160, 90), (0, 0, 0)).save(jpeg)
    result = Renderer().render(preset([region(0, 0, 160, 90, "alice", TransparentUrl=str(jpeg))]))
    found = [f for f in result.findings if f.code == "render.transparent.opaque"]
    assert [f.path for f in found] == ["VideoParams.LayoutParams.MixLayoutList[0].TransparentUrl"]
    assert "PNG" in found[0].message
    mask = rounded_template(tmp_path / "round.png", (160, 90), radius=30)
    ok = Renderer().render(preset([region(0, 0, 160, 90, "alice", TransparentUrl=str(mask))]))
    assert "render.transparent.opaque" not in {f.code for f in ok.findings}


def test_a_hash_colour_is_not_an_api_colour_so_the_canvas_falls_back_to_black_and_says_so():
    # the API takes only 0xRRGGBB (values.parse_color); the validator's color.format rule reports #RRGGBB too
    result = Renderer().render(preset([], BackGroundColor="#FF0000"))
    assert px(result.image, 5, 5) == (0, 0, 0)
    found = [f for f in result.findings if f.code == "render.color.invalid"]
    assert [f.path for f in found] == ["VideoParams.BackGroundColor"]
    assert px(Renderer().render(preset([], BackGroundColor="0xFF0000")).image, 5, 5) == (255, 0, 0)
