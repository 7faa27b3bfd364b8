"""Text watermarks: the bundled font, missing glyphs, SourceHanSans fallback, DynamicPosType marker."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from layout_studio import fonts
from layout_studio.render import Renderer
from layout_studio.render.watermarks import MARKER

from .helpers import preset


def _text(text, **extra):
    body = {
        "Text": text,
        "WaterMarkWidth": 200,
        "WaterMarkHeight": 40,
        "LocationX": 10,
        "LocationY": 10,
        "FontSize": 24,
        "FontColor": "0xFFFFFF",
    }
    body.update(extra)
    return {"WaterMarkType": 1, "WaterMarkText": body}


def test_latin_text_is_drawn_in_font_colour_without_findings():
    result = Renderer().render(preset([], watermarks=[_text("LIVE", FontColor="0xFF0000")]))
    assert not [f for f in result.findings if f.code.startswith("render.font")]
    colours = {result.image.getpixel((x, y)) for x in range(10, 210) for y in range(10, 50)}
    assert (255, 0, 0) in colours


def test_glyphs_missing_from_the_font_give_a_warning_naming_them(no_cjk_font):
    result = Renderer().render(preset([], watermarks=[_text("直播 LIVE", Font="SourceHanSans")]))
    (f,) = [f for f in result.findings if f.code == "render.font.missing-glyphs"]
    assert f.severity == "warning" and f.path == "VideoParams.WaterMarkList[0].WaterMarkText.Text"
    assert "直" in f.message and "播" in f.message and "L" not in f.message.split("(")[1]
    assert "Noto Sans CJK" in f.message


def test_missing_glyphs_ignores_spaces_and_finds_only_absent_characters():
    font = fonts.get_font(20)
    assert fonts.missing_glyphs(font, "a b\tc €") == []
    assert fonts.missing_glyphs(font, "ab直c") == ["直"]


def test_unknown_font_name_is_reported_and_drawn_with_the_bundled_font():
    result = Renderer().render(preset([], watermarks=[_text("hi", Font="Comic")]))
    assert "render.font.unknown" in {f.code for f in result.findings}


def test_dynamic_pos_type_is_marked_on_the_still():
    still = Renderer().render(preset([], watermarks=[_text("x")])).image
    moving = Renderer().render(preset([], watermarks=[_text("x", DynamicPosType=2)])).image
    assert still.getpixel((205, 12)) != MARKER
    assert moving.getpixel((205, 12)) == MARKER  # the badge in the top-right corner of the box


def test_the_regular_weight_of_an_installed_cjk_family_is_chosen(tmp_path, monkeypatch):
    # Debian's fonts-noto-cjk installs NotoSansCJK-Bold.ttc beside NotoSansCJK-Regular.ttc (and -extra adds Black,
    # Light, ...); the first name in sorted order won, so SourceHanSans watermarks were previewed in Bold or Black
    noto = tmp_path / "opentype" / "noto"
    noto.mkdir(parents=True)
    for name in ("NotoSansCJK-Black.ttc", "NotoSansCJK-Bold.ttc", "NotoSansCJK-Regular.ttc", "NotoSansCJK-Thin.ttc"):
        (noto / name).write_bytes(fonts.BUNDLED_FONT.read_bytes())
    monkeypatch.delenv("LAYOUT_STUDIO_CJK_FONT", raising=False)
    monkeypatch.setattr(fonts, "_CJK_DIRS", (str(tmp_path),))
    fonts.find_cjk_font.cache_clear()
    try:
        assert fonts.find_cjk_font() == noto / "NotoSansCJK-Regular.ttc"
    finally:
        fonts.find_cjk_font.cache_clear()


def test_the_simplified_chinese_face_of_a_cjk_collection_is_used():
    # NotoSansCJK-Regular.ttc holds JP, KR, SC, TC, HK (and Mono) faces and Pillow opens index 0, the Japanese
    # design, whose forms of some Han characters differ from the SC design of the MCU's SourceHanSans
    noto = [
        "Noto Sans CJK JP",
        "Noto Sans CJK KR",
        "Noto Sans CJK SC",
        "Noto Sans CJK TC",
        "Noto Sans CJK HK",
        "Noto Sans Mono CJK JP",
        "Noto Sans Mono CJK KR",
        "Noto Sans Mono CJK SC",
    ]
    assert fonts.simplified_chinese_index(noto) == 2
    assert fonts.simplified_chinese_index(["Source Han Sans", "Source Han Sans K", "Source Han Sans SC"]) == 2
    assert fonts.simplified_chinese_index(["Noto Sans Mono CJK JP", "Noto Sans Mono CJK SC"]) == 1
    assert fonts.simplified_chinese_index(["Source Han Sans SC"]) == 0
    assert fonts.simplified_chinese_index(["Some CJK Font JP", "Some CJK Font KR"]) == 0
    assert fonts.face_index(fonts.BUNDLED_FONT) == 0  # a single-face file


def test_an_unreadable_cjk_font_falls_back_to_the_bundled_font_with_a_warning(tmp_path, monkeypatch):
    # LAYOUT_STUDIO_CJK_FONT pointing at a file that is not a font (or a truncated installed one) made every render
    # with a SourceHanSans watermark end in a traceback ("OSError: unknown file format")
    bogus = tmp_path / "NotoSansCJK-Regular.otf"
    bogus.write_text("not a font")
    monkeypatch.setenv("LAYOUT_STUDIO_CJK_FONT", str(bogus))
    monkeypatch.setattr(fonts, "_CJK_DIRS", (str(tmp_path),))  # the same broken file is found by the scan
    for cached in (fonts.find_cjk_font, fonts.get_font, fonts.face_index):
        cached.cache_clear()
    try:
        result = Renderer().render(preset([], watermarks=[_text("LIVE", Font="SourceHanSans")]))
        found = [f for f in result.findings if f.code == "render.font.unreadable"]
        assert [f.path for f in found] == ["VideoParams.WaterMarkList[0].WaterMarkText.Font"]
        assert str(bogus) in found[0].message
        assert fonts.font_path("SourceHanSans") == fonts.BUNDLED_FONT
    finally:
        for cached in (fonts.find_cjk_font, fonts.get_font, fonts.face_index):
            cached.cache_clear()


def _ink(image, box):
    """The pixels of ``box`` (x, y, w, h) in ``image`` that are not the watermark's black background, relative to
    the box."""
    x0, y0, w, h = box
    return {(x, y) for x in range(w) for y in range(h) if image.getpixel((x0 + x, y0 + y)) != (0, 0, 0)}


CJK_FONT = fonts.find_cjk_font()


@pytest.mark.skipif(CJK_FONT is None, reason=f"no CJK font installed (apt-get install {fonts.CJK_PACKAGE})")
def test_chinese_text_in_the_default_font_is_drawn_with_the_installed_cjk_font_not_as_boxes():
    mark = _text("直播", FontSize=32, WaterMarkWidth=120, WaterMarkHeight=48, BackGroundColor="0x000000")
    del mark["WaterMarkText"]["FontColor"]  # white, on the black box
    assert "Font" not in mark["WaterMarkText"]  # the default, Tencent
    result = Renderer().render(preset([], watermarks=[mark]))
    assert not [f for f in result.findings if f.code.startswith("render.font")]
    drawn = _ink(result.image, (10, 10, 120, 48))
    # what the CJK face draws for these characters, and what the missing-glyph box looks like
    laid = fonts.layout_text("直播", 32, 120, 48, "Tencent")
    assert laid.path == CJK_FONT
    expected = Image.new("RGB", (120, 48))
    laid.draw(ImageDraw.Draw(expected), (255, 255, 255))
    assert drawn == _ink(expected, (0, 0, 120, 48)) and drawn
    boxes = Image.new("RGB", (120, 48))
    ImageDraw.Draw(boxes).text((60, 24), "直播", font=fonts.font_file(fonts.BUNDLED_FONT, 32), anchor="mm")
    assert drawn != _ink(boxes, (0, 0, 120, 48))
    # each character is a glyph of its own: the two halves differ, as two boxes would not
    left = {(x, y) for x, y in drawn if x < 60}
    right = {(x - 60, y) for x, y in drawn if x >= 60}
    assert left != right


def test_chinese_text_without_a_cjk_font_warns_naming_the_package_to_install(no_cjk_font):
    result = Renderer().render(preset([], watermarks=[_text("直播 LIVE")]))
    (f,) = [f for f in result.findings if f.code == "render.font.missing-glyphs"]
    assert fonts.CJK_PACKAGE in f.message and "fonts-noto-cjk" in f.message
