"""Hypothesis: no design and no combination of the contact sheet's options makes build_sheet raise anything but
LayoutStudioError (a range outside 0..16, an unknown sources value), and every sheet it builds has a tile per room
state inside its image."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout_studio import bundled
from layout_studio.errors import LayoutStudioError
from layout_studio.sheet import build_sheet

from ..export.test_hostile import DESIGNS

PRESETS = [json.loads(p.read_text()) for p in bundled.preset_files()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    design=st.sampled_from(PRESETS) | DESIGNS,
    users=st.none() | st.tuples(st.integers(min_value=-1, max_value=17), st.integers(min_value=-1, max_value=17)),
    sources=st.sampled_from([None, "landscape", "portrait", "both", "sideways"]),
    tile=st.sampled_from([40, 41, 97, 320]),
    columns=st.none() | st.integers(min_value=1, max_value=40),
    clean=st.booleans(),
    canvas=st.sampled_from([None, (1, 1), (1920, 1080), (1, 1920)]),
)
def test_any_options_build_a_sheet_or_say_why_not(design, users, sources, tile, columns, clean, canvas):
    try:
        sheet = build_sheet(
            design, users=users, sources=sources, tile=tile, columns=columns, clean=clean, offline=True, canvas=canvas
        )
    except LayoutStudioError:
        return
    width, height = sheet.image.size
    assert sheet.tiles
    for tile_ in sheet.tiles:
        x, y, w, h = tile_.box
        assert 0 <= x and x + w <= width and 0 <= y and y + h <= height
