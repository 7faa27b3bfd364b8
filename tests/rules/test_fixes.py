"""Fix suggestions that fix: every number a finding's message tells to set is one of its machine-readable fixes, and
applying any fix (or the example a "required" message gives) to the body removes that finding.

Hypothesis draws canvases, regions, crops, placeholder renders, watermarks and stacking levels around and beyond
every limit; the rule table's bodies bring every other rule."""

from __future__ import annotations

import copy
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout_studio.findings import Finding
from layout_studio.model import Target
from layout_studio.validation import validate

from .bodies import base, edit, parts, reference
from .test_rules import CASES

R = "VideoParams.LayoutParams.MixLayoutList"
TARGET_KEYS = set(Target.api_names())
#: "set LocationX to at most 800", "set LocationY to 0": the number after "to".
TO_NUMBER = re.compile(r"\bto (?:at most |at least )?(-?\d+)\b(?![.x\d])")
#: "set WithTranscoding 1", "use MixLayoutMode 4": the field and the number.
SET_FIELD = re.compile(r"\b(?:set|use) ([A-Z][A-Za-z]+) (-?\d+)\b(?![.x\d])")
#: "(e.g. 48000)" in a message about a missing field: the example value.
EXAMPLE = re.compile(r"\be\.g\. (-?\d+)\b(?![.x\d])")


def _at(body: dict, path: str) -> str:
    """``path`` as it sits in ``body``: a request path, or Target.<path> for a task field of a preset."""
    first = parts(path)[0]
    if "Format" in body and isinstance(first, str) and first in TARGET_KEYS:
        return f"Target.{path}"
    return path


def applied(body: dict, changes: dict) -> dict:
    out = copy.deepcopy(body)
    for path, value in changes.items():
        edit(out, _at(out, path), value)
    return out


def still_there(finding: Finding, body: dict, options: dict) -> bool:
    return any(f.code == finding.code and f.path == finding.path for f in validate(body, **options))


def check_fixes(body: dict, options: dict) -> int:
    """Check every finding of ``body``; return how many fixes were applied."""
    applied_count = 0
    for finding in validate(body, **options):
        values = [(path, value) for fix in finding.fixes for path, value in fix.changes]
        for number in TO_NUMBER.findall(finding.message):
            assert int(number) in [v for _p, v in values], (finding.message, finding.fixes)
        for name, number in SET_FIELD.findall(finding.message):
            assert any(p.rsplit(".", 1)[-1] == name and v == int(number) for p, v in values), (
                finding.message,
                finding.fixes,
            )
        for fix in finding.fixes:
            assert fix.changes and all(isinstance(v, (int, str)) and not isinstance(v, bool) for _p, v in fix.changes)
            after = applied(body, fix.to_dict())
            assert not still_there(finding, after, options), (str(finding), fix.to_dict())
            applied_count += 1
        example = EXAMPLE.search(finding.message)
        if example and "required" in finding.message and not finding.fixes:
            after = applied(body, {finding.path: int(example.group(1))})
            assert not still_there(finding, after, options), str(finding)
    return applied_count


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}@{c[3]}" for c in CASES])
def test_every_fix_of_the_rule_table_bodies_removes_its_finding(case):
    _code, name, edits, _path, options = case
    body = base(name)
    for where, value in edits:
        edit(body, where, value)
    check_fixes(body, options)


# ------------------------------------------------------------------------------------------------ the cases
def _finding(body, code, path):
    return next(f for f in validate(body) if f.code == code and f.path == path)


def test_a_crop_far_below_the_limit_suggests_moving_it_not_a_negative_height():
    crop = {"LocationX": 0, "LocationY": 12000, "Width": 100, "Height": 10}
    body = edit(reference("start-1"), f"{R}[0].CustomCrop", crop)
    found = _finding(body, "layout.custom-crop.range", f"{R}[0].CustomCrop.Height")
    assert "-2000" not in found.message and "at most -" not in found.message, found.message
    assert [fix.to_dict() for fix in found.fixes] == [{f"{R}[0].CustomCrop.LocationY": 9990}]
    check_fixes(body, {})


def test_a_crop_larger_than_the_limit_anywhere_is_told_both_changes():
    crop = {"LocationX": 10500, "LocationY": 0, "Width": 12000, "Height": 10}
    body = edit(reference("start-1"), f"{R}[0].CustomCrop", crop)
    found = _finding(body, "layout.custom-crop.range", f"{R}[0].CustomCrop.Width")
    assert [fix.to_dict() for fix in found.fixes] == [
        {f"{R}[0].CustomCrop.LocationX": 0, f"{R}[0].CustomCrop.Width": 10000}
    ]
    check_fixes(body, {})


def test_a_watermark_wider_than_the_canvas_is_told_to_shrink_not_to_move_to_zero():
    body = edit(reference("start-1"), "VideoParams.WaterMarkList[0].WaterMarkImage.WaterMarkWidth", 1920)
    edit(body, "VideoParams.WaterMarkList[0].WaterMarkImage.LocationX", 0)
    found = _finding(body, "watermark.outside-canvas", "VideoParams.WaterMarkList[0].WaterMarkImage.LocationX")
    assert "LocationX to at most 0" not in found.message
    assert [fix.to_dict() for fix in found.fixes] == [
        {"VideoParams.WaterMarkList[0].WaterMarkImage.WaterMarkWidth": 1280}
    ]
    check_fixes(body, {})


def test_the_studio_fixture_message_is_unchanged():
    """The findings panel snapshot shows this message: the suggestion was already right, so it reads the same."""
    body = edit(reference("start-1"), f"{R}[1].LocationX", 1000)
    edit(body, f"{R}[1].ImageWidth", 480)
    found = _finding(body, "layout.region.outside-canvas", f"{R}[1].LocationX")
    assert found.message == (
        "Trtc_User_1's region LocationX 1000 + ImageWidth 480 = 1480 exceeds the canvas width 1280; set LocationX "
        "to at most 800 or ImageWidth to at most 280 (VideoParams.VideoEncode 1280x720)"
    )
    assert [fix.to_dict() for fix in found.fixes] == [{f"{R}[1].LocationX": 800}, {f"{R}[1].ImageWidth": 280}]


def test_fixes_are_in_the_json_of_a_finding():
    body = edit(reference("start-1"), f"{R}[1].LocationX", 700)
    found = _finding(body, "layout.region.outside-canvas", f"{R}[1].LocationX").to_dict()
    assert found["fixes"] == [{f"{R}[1].LocationX": 640}, {f"{R}[1].ImageWidth": 580}]


# ------------------------------------------------------------------------------------------------------- hypothesis
COORD = st.integers(min_value=-2500, max_value=4000)
SIZE = st.integers(min_value=-5, max_value=3000)
CROP = st.integers(min_value=-50, max_value=16000)


@st.composite
def geometry(draw):
    body = reference("start-1")
    edit(body, "VideoParams.VideoEncode.Width", draw(st.integers(min_value=16, max_value=1920)))
    edit(body, "VideoParams.VideoEncode.Height", draw(st.integers(min_value=16, max_value=1920)))
    regions = []
    for i in range(draw(st.integers(min_value=1, max_value=3))):
        region = {
            "UserMediaStream": {"UserInfo": {"UserId": f"u{i}", "RoomId": "295066", "RoomIdType": 0}},
            "LocationX": draw(COORD),
            "LocationY": draw(COORD),
            "ImageWidth": draw(SIZE),
            "ImageHeight": draw(SIZE),
            "ZOrder": draw(st.integers(min_value=0, max_value=4)),
        }
        if draw(st.booleans()):
            region["CustomCrop"] = {k: draw(CROP) for k in ("LocationX", "LocationY", "Width", "Height")}
        if draw(st.booleans()):
            region["BackgroundRenderMode"] = 4
            region["BackgroundCustomRender"] = {
                "Width": draw(SIZE),
                "Height": draw(SIZE),
                "Radius": draw(st.integers(min_value=-5, max_value=2000)),
            }
        regions.append(region)
    edit(body, R, regions)
    marks = []
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        kind = draw(st.sampled_from(["WaterMarkImage", "WaterMarkText"]))
        mark = {
            "WaterMarkWidth": draw(SIZE),
            "WaterMarkHeight": draw(SIZE),
            "LocationX": draw(COORD),
            "LocationY": draw(COORD),
            "ZOrder": draw(st.integers(min_value=0, max_value=5)),
        }
        if kind == "WaterMarkImage":
            mark["WaterMarkUrl"] = "https://img.example.com/logo.png"
        else:
            mark.update(Text="LIVE", FontSize=20)
        marks.append({"WaterMarkType": 0 if kind == "WaterMarkImage" else 1, kind: mark})
    edit(body, "VideoParams.WaterMarkList", marks)
    return body


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(geometry())
def test_every_geometry_fix_removes_its_finding(body):
    check_fixes(body, {})
