"""The validate() entry point: reference examples, inputs of every accepted shape, action and canvas handling."""

from __future__ import annotations

from pathlib import Path

import pytest

from layout_studio.documents import parse
from layout_studio.findings import Finding, Severity, count_line, has_errors, sort_findings
from layout_studio.validation import request_view, validate

from .bodies import DELETE, REFERENCE_DIR, edit, preset_from, reference

NAMES = sorted(p.stem for p in REFERENCE_DIR.glob("*.json"))
R = "VideoParams.LayoutParams.MixLayoutList"


@pytest.mark.parametrize("name", NAMES)
def test_reference_examples_have_no_errors(name):
    findings = validate(reference(name))
    assert not has_errors(findings), [str(f) for f in findings]


@pytest.mark.parametrize("name", [n for n in NAMES if n.startswith("start")])
def test_reference_designs_as_presets_have_no_errors(name):
    preset = preset_from(name)
    assert not has_errors(validate(preset))
    assert not has_errors(validate(preset, action="start"))  # target complete (UserSig stripped: not required)


def test_update_1_is_unchecked_without_canvas_and_an_error_with_1280x720():
    body = reference("update-1")
    codes = {(f.code, f.path) for f in validate(body)}
    assert ("layout.canvas.unchecked", "VideoParams") in codes
    assert not any(c == "layout.region.outside-canvas" for c, _ in codes)
    with_canvas = validate(body, canvas=(1280, 720))
    errors = [(f.code, f.path) for f in with_canvas if f.severity is Severity.ERROR]
    assert errors == [("layout.region.outside-canvas", f"{R}[1].LocationY")]
    assert "--canvas 1280x720" in with_canvas[0].message
    assert not has_errors(validate(body, canvas=(1280, 1080)))


def test_the_body_canvas_wins_over_the_argument():
    body = reference("start-1")
    assert not has_errors(validate(body, canvas=(100, 100)))


def test_validate_accepts_models_and_gives_the_same_findings():
    body = edit(reference("start-1"), f"{R}[1].LocationX", 700)
    body["Extra"] = 1
    model, _ = parse(body)
    as_dict = [(f.code, f.path) for f in validate(body)]
    assert as_dict == [(f.code, f.path) for f in validate(model)]
    assert ("schema.unknown-field", "Extra") in as_dict


def test_action_is_inferred_and_can_be_forced():
    preset = preset_from("start-1")
    del preset["Target"]["PublishCdnParams"]
    assert not any(f.code == "task.destination.missing" for f in validate(preset))
    assert any(
        f.code == "task.destination.missing" and f.path == "PublishCdnParams" for f in validate(preset, action="start")
    )
    update = reference("update-2")
    del update["SequenceNumber"]
    assert any(f.code == "update.sequence-number.missing" for f in validate(update))


def test_preset_view_merges_target_at_the_root():
    preset, _ = parse(preset_from("start-7"))
    view = request_view(preset)
    assert view.room_id == "295066" and view.agent_params.user_id == "trtc_partner_test_1"
    assert view.video_params is preset.video_params


def test_findings_are_sorted_errors_first():
    body = edit(reference("start-1"), f"{R}[1].LocationX", 600)  # tie (warning)
    edit(body, "VideoParams.VideoEncode.Gop", 9)  # error
    findings = validate(body)
    assert findings == sort_findings(findings)
    assert findings[0].severity is Severity.ERROR


@pytest.mark.parametrize("canvas", [None, (1280,), "1280x720", (True, False), (1.5, 2.5)])
def test_a_bad_canvas_argument_means_no_canvas(canvas):
    findings = validate(reference("update-1"), canvas=canvas)
    assert any(f.code == "layout.canvas.unchecked" for f in findings)


def test_library_api_works_whatever_was_imported_first():
    """The issue's library API: ``layout_studio.load``, ``.validate`` and ``.build_request``, whatever submodules
    (``layout_studio.validation``, as build_request and the CLI import it) were imported first."""
    import importlib

    import layout_studio

    importlib.import_module("layout_studio.validation")
    preset_path = Path(__file__).resolve().parents[2] / "presets" / "two-up.json"  # has a complete Target
    preset = layout_studio.load(preset_path)
    body = layout_studio.build_request(preset, "start", check=False)
    for _ in range(2):
        findings = layout_studio.validate(body, action="start", canvas=None)
        assert isinstance(findings, list)
        assert all(f.severity.value != "error" for f in findings), findings
    assert layout_studio.validate({"Format": "layout-studio/preset@2"})[0].code == "preset.format"


def test_a_value_of_the_wrong_type_is_not_also_reported_as_missing():
    body = edit(edit(reference("start-1"), "VideoParams.VideoEncode.Width", "1280"), "SdkAppId", "1400188366")
    findings = validate(body)
    for path in ("VideoParams.VideoEncode.Width", "SdkAppId"):
        assert [f.code for f in findings if f.path == path] == ["schema.type"], path
    assert any(
        f.code == "video.encode.required"
        for f in validate(edit(reference("start-1"), "VideoParams.VideoEncode.Width", DELETE))
    )


@pytest.mark.parametrize("value", [None, [1], "x", 3])
def test_a_top_level_that_is_not_an_object_gives_one_finding(value):
    findings = validate(value)
    assert [(f.code, f.path) for f in findings] == [("schema.type", "")]


def test_an_explicit_action_decides_the_request_type_of_a_raw_body():
    """A start body with a stray TaskId is still a StartPublishCdnStream body when action="start" is given:
    TaskId is the unknown field, not every start-only field."""
    body = {**reference("start-1"), "TaskId": "stray"}
    findings = validate(body, action="start")
    unknown = [(f.path, f.message.split(" has no field")[0]) for f in findings if f.code == "schema.unknown-field"]
    assert unknown == [("TaskId", "StartPublishCdnStreamRequest")]
    update = {k: v for k, v in reference("update-2").items() if k != "TaskId"}
    assert "update.task-id.missing" in {f.code for f in validate(update, action="update")}
    assert not [f for f in validate(update, action="update") if f.code == "schema.unknown-field"]


def test_a_preset_checked_for_an_action_is_not_blamed_for_what_payload_supplies():
    """payload adds TaskId/SequenceNumber (--task-id/--sequence), defaults WithTranscoding, and leaves AudioEncode
    and the Target's CDN URLs out of an update: a preset validated with an action gets no finding for those."""
    preset = preset_from("start-1")
    preset["Target"].pop("WithTranscoding")
    as_update = {f.code for f in validate(preset, action="update")}
    assert not as_update & {
        "update.task-id.missing",
        "update.sequence-number.missing",
        "update.audio-encode.immutable",
        "update.cdn-url.restarts",
        "update.field.missing",
    }
    as_start = validate(preset, action="start")
    assert not [f for f in as_start if f.path == "WithTranscoding"]
    assert not has_errors(as_start), as_start
    body = reference("update-2")
    body.pop("SequenceNumber")
    assert "update.sequence-number.missing" in {f.code for f in validate(body)}  # a body still needs them


def test_count_line_says_one_error_not_one_errors():
    one = [
        Finding("x.y", Severity.ERROR, "A", "m", "s"),
        Finding("x.z", Severity.WARNING, "B", "m", "s"),
        Finding("x.w", Severity.WARNING, "C", "m", "s"),
    ]
    assert count_line(one) == "1 error, 2 warnings, 0 infos"
    assert count_line(one, (Severity.ERROR, Severity.WARNING)) == "1 error, 2 warnings"


def test_a_quoted_canvas_width_is_an_error_and_the_unchecked_note_does_not_call_it_absent(tmp_path):
    """A quoted "Width": "1280" gave the right error and an info "no canvas size (... Width/Height absent)"."""
    import json

    from layout_studio.presets import bundled_presets

    doc = json.loads(next(p for p in bundled_presets() if p.stem == "two-up").read_text())
    doc["VideoParams"]["VideoEncode"]["Width"] = "1280"
    findings = validate(doc)  # the raw JSON, as `layout-studio validate FILE` passes it
    assert any(f.severity is Severity.ERROR and f.path == "VideoParams.VideoEncode.Width" for f in findings)
    [note] = [f for f in findings if f.code == "layout.canvas.unchecked"]
    assert "absent or invalid" in note.message
