"""The overlay: outlines, off-canvas regions in red, ZOrder ties, findings on the elements they name; and no
config content crashes the renderer."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout_studio.findings import Finding, Severity
from layout_studio.mix import coerce, resolve, ties
from layout_studio.render import Renderer
from layout_studio.render.overlay import ORANGE, RED, YELLOW, target_of

from .helpers import preset, region


def _colours(image, box):
    x0, y0, x1, y1 = box
    return {image.getpixel((x, y)) for x in range(x0, x1) for y in range(y0, y1)}


def test_region_reaching_outside_the_canvas_is_outlined_in_red_where_it_falls():
    cfg = preset([region(300, 120, 200, 150, "wide")])
    image = Renderer().render(cfg, overlay=True).image
    assert RED in _colours(image, (299, 119, 303, 200))  # its left edge, inside the canvas
    plain = Renderer().render(cfg, overlay=True, findings=[]).image
    assert RED in _colours(plain, (299, 119, 303, 200))  # red from the geometry, not only from the validator


def test_region_entirely_outside_gets_an_arrow_at_the_nearest_edge():
    image = Renderer().render(preset([region(900, 50, 100, 50, "gone")]), overlay=True, findings=[]).image
    assert RED in _colours(image, (380, 60, 400, 100))


def test_equal_zorder_overlap_is_a_tie_and_is_marked():
    cfg = preset(
        [region(0, 0, 200, 120, "a", z=1), region(100, 50, 200, 120, "b", z=1), region(300, 0, 50, 50, "c", z=1)]
    )
    d = coerce(cfg)
    assert ties(resolve(d)) == {0, 1}
    image = Renderer().render(cfg, overlay=True, findings=[]).image
    assert YELLOW in _colours(image, (0, 0, 200, 60))
    untied = (
        Renderer()
        .render(
            preset([region(0, 0, 200, 120, "a", z=1), region(100, 50, 200, 120, "b", z=2)]), overlay=True, findings=[]
        )
        .image
    )
    assert YELLOW not in _colours(untied, (0, 0, 200, 60))


def test_findings_are_drawn_on_the_element_their_path_names():
    cfg = preset([region(10, 10, 100, 80, "a"), region(200, 10, 100, 80, "b")])
    warn = Finding("x.test", Severity.WARNING, "VideoParams.LayoutParams.MixLayoutList[1].ZOrder", "m", "s")
    image = Renderer().render(cfg, overlay=True, findings=[warn]).image
    assert ORANGE in _colours(image, (199, 9, 203, 89))
    assert ORANGE not in _colours(image, (9, 9, 13, 89))
    assert target_of("VideoParams.WaterMarkList[2].WaterMarkText.Text") == ("watermark", 2)
    assert target_of("AudioParams.AudioEncode") is None


_ints = st.one_of(st.integers(-5000, 5000), st.sampled_from([0, 1, 10**9, -(10**9)]))
_region = st.fixed_dictionaries(
    {},
    optional={
        "LocationX": _ints,
        "LocationY": _ints,
        "ImageWidth": _ints,
        "ImageHeight": _ints,
        "ZOrder": _ints,
        "RenderMode": _ints,
        "BackgroundRenderMode": _ints,
        "BackGroundColorMode": _ints,
        "BackGroundColor": st.text(max_size=9),
        "BackgroundImageUrl": st.text(max_size=12),
        "CustomCrop": st.fixed_dictionaries(
            {}, optional={k: _ints for k in ("LocationX", "LocationY", "Width", "Height")}
        ),
        "BackgroundCustomRender": st.fixed_dictionaries({}, optional={k: _ints for k in ("Width", "Height", "Radius")}),
        "UserMediaStream": st.fixed_dictionaries(
            {"UserInfo": st.fixed_dictionaries({"UserId": st.text(max_size=6)})}, optional={"StreamType": _ints}
        ),
    },
)
_wm = st.fixed_dictionaries(
    {},
    optional={
        "WaterMarkType": st.sampled_from([0, 1, 5]),
        "WaterMarkImage": st.fixed_dictionaries(
            {},
            optional={
                "WaterMarkUrl": st.text(max_size=8),
                "WaterMarkWidth": _ints,
                "WaterMarkHeight": _ints,
                "LocationX": _ints,
                "LocationY": _ints,
                "ZOrder": _ints,
                "DynamicPosType": _ints,
            },
        ),
        "WaterMarkText": st.fixed_dictionaries(
            {},
            optional={
                "Text": st.text(max_size=12),
                "WaterMarkWidth": _ints,
                "WaterMarkHeight": _ints,
                "FontSize": _ints,
                "FontColor": st.text(max_size=9),
                "BackGroundColor": st.sampled_from(["0x123456", "red", ""]),
                "Font": st.sampled_from(["Tencent", "SourceHanSans", "x"]),
                "LocationX": _ints,
                "DynamicPosType": _ints,
            },
        ),
    },
)
_any_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3),
    max_leaves=8,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    regions=st.lists(_region, max_size=4),
    wms=st.lists(_wm, max_size=3),
    mode=st.sampled_from([1, 2, 3, 4, 7]),
    w=st.integers(-10, 5000),
    junk=_any_json,
    users=st.one_of(st.none(), st.integers(0, 20)),
)
def test_no_config_content_crashes_the_renderer(regions, wms, mode, w, junk, users):
    cfg = preset(regions, w=w, h=90, mode=mode, watermarks=wms)
    cfg["VideoParams"]["Junk"] = junk
    result = Renderer().render(cfg, users=users, absent=["x"], overlay=True, offline=True, scale=0.25)
    assert result.image.mode == "RGB"
