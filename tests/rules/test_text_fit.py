"""watermark.text.overflow: a text watermark's text at FontSize in the preview's font must fit its box; the finding
is exactly a text the renderer draws clipped, its fixes remove it, and the clip is the box."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from layout_studio import fonts
from layout_studio.render import Renderer
from layout_studio.validation import validate

CODE = "watermark.text.overflow"
BG = (0x10, 0x20, 0x30)


def design(text="LIVE NOW", size=40, width=60, height=30, x=100, y=100, **extra):
    body = {
        "Text": text,
        "FontSize": size,
        "WaterMarkWidth": width,
        "WaterMarkHeight": height,
        "LocationX": x,
        "LocationY": y,
        "FontColor": "0xFFFFFF",
        **extra,
    }
    return {
        "Format": "layout-studio/preset@1",
        "Name": "text",
        "VideoParams": {
            "VideoEncode": {"Width": 640, "Height": 360, "Fps": 15, "BitRate": 900, "Gop": 2},
            "BackGroundColor": "0x102030",
            "LayoutParams": {"MixLayoutMode": 4, "MixLayoutList": []},
            "WaterMarkList": [{"WaterMarkType": 1, "WaterMarkText": body}],
        },
    }


@pytest.fixture(autouse=True)
def bundled_font_only(no_cjk_font):
    """Measured with the bundled face whatever the machine has installed (the CJK face has other metrics)."""


def overflow(cfg):
    return [f for f in validate(cfg) if f.code == CODE]


def test_the_issue_example_is_a_warning_with_fixes_that_work():
    (f,) = overflow(design())
    assert f.severity == "warning" and f.path == "VideoParams.WaterMarkList[0].WaterMarkText.FontSize"
    assert "'LIVE NOW'" in f.message and "60x30 box" in f.message and "clipped" in f.message
    assert "DejaVuSans.ttf" in f.message and "too wide" in f.message
    smaller = int(f.message.split("FontSize to at most ")[1].split(" ")[0])
    assert overflow(design(size=smaller)) == [] and overflow(design(size=smaller + 1))
    w, h = (int(v) for v in f.message.split("box at least ")[1].split(" ")[0].split("x"))
    assert overflow(design(width=w, height=h)) == []


def test_a_text_at_its_exact_fit_passes_and_one_pixel_less_is_reported():
    def fits(w, h):
        return fonts.layout_text("LIVE", 20, w, h, "Tencent").fits

    width = next(w for w in range(1, 200) if fits(w, 60))  # the narrowest box, with room above and below
    height = next(h for h in range(1, 60) if fits(width, h))
    ink = fonts.layout_text("LIVE", 20, width, height, "Tencent").ink
    assert width - (ink[2] - ink[0]) <= 1 and height - (ink[3] - ink[1]) <= 1  # at most the centring's pixel
    assert overflow(design("LIVE", 20, width, height)) == []
    assert overflow(design("LIVE", 20, width - 1, height))
    assert overflow(design("LIVE", 20, width, height - 1))


def test_no_finding_without_a_box_a_font_size_or_ink():
    assert overflow(design(width=None)) == [] and overflow(design(height=None)) == []
    assert overflow(design(size=None)) == []  # watermark.text.required says it
    assert overflow(design(text="   ")) == []
    image_type = design()
    image_type["VideoParams"]["WaterMarkList"][0]["WaterMarkType"] = 0  # the text body is ignored
    assert overflow(image_type) == []


def test_the_text_is_drawn_clipped_exactly_at_the_box():
    image = Renderer().render(design()).image
    inside = {image.getpixel((x, y)) for x in range(100, 160) for y in range(100, 130)}
    assert (255, 255, 255) in inside
    ring = [(x, y) for x in range(80, 180) for y in (96, 97, 98, 99, 130, 131, 132)]
    ring += [(x, y) for x in (96, 97, 98, 99, 160, 161, 162, 163) for y in range(96, 134)]
    assert {image.getpixel(p) for p in ring} == {BG}  # nothing drawn past the box


def _clipped_by_drawing(text, size, width, height):
    """Whether drawing ``text`` centred in a ``width`` x ``height`` box inks a pixel outside it: drawn on a canvas
    with a wide margin, independently of the module under test."""
    pad = 4 * size + 8
    canvas = Image.new("L", (width + 2 * pad, height + 2 * pad))
    font = fonts.font_file(fonts.BUNDLED_FONT, size)
    ImageDraw.Draw(canvas).text((pad + width / 2, pad + height / 2), text, font=font, fill=255, anchor="mm")
    ink = canvas.getbbox()
    if ink is None:
        return False
    return ink[0] < pad or ink[1] < pad or ink[2] > pad + width or ink[3] > pad + height


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(alphabet="AWgjlqy ._-|0", min_size=1, max_size=8).filter(str.strip),
    size=st.integers(6, 60),
    width=st.integers(8, 240),
    height=st.integers(6, 90),
)
def test_the_finding_is_exactly_a_clipped_text_and_its_fixes_remove_it(text, size, width, height):
    cfg = design(text, size, width, height)
    found = overflow(cfg)
    assert bool(found) == _clipped_by_drawing(text, size, width, height)
    if not found:
        return
    message = found[0].message
    if "FontSize to at most " in message:
        smaller = int(message.split("FontSize to at most ")[1].split(" ")[0])
        assert overflow(design(text, smaller, width, height)) == []
    if "box at least " in message:
        w, h = (int(v) for v in message.split("box at least ")[1].split(" ")[0].split("x"))
        fixed = copy.deepcopy(cfg)
        body = fixed["VideoParams"]["WaterMarkList"][0]["WaterMarkText"]
        body["WaterMarkWidth"], body["WaterMarkHeight"] = w, h
        assert overflow(fixed) == []
