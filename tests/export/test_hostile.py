"""Designs the export cannot translate: a value outside its field's documented set, a key the API does not know, a
value of no JSON type. No target maps such a value "by meaning" (it has none): every export refuses it with an error
at the preset path, prints and writes nothing, and never raises anything but LayoutStudioError. Hypothesis mutates
the bundled presets and the test show for every target."""

from __future__ import annotations

import copy
import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout_studio import bundled
from layout_studio.cli import main
from layout_studio.errors import LayoutStudioError
from layout_studio.export import TARGETS, export
from layout_studio.findings import Finding, Severity
from layout_studio.importer import import_body

from ..rules.bodies import edit, preset_from
from ..rules.test_fuzz import SCALARS, _containers
from .designs import SHOW
from .test_import import DOC_EXAMPLE

R0 = "VideoParams.LayoutParams.MixLayoutList[0]"
#: (preset path, a value outside its documented set, other edits the value needs to matter).
UNDOCUMENTED = [
    (f"{R0}.RenderMode", 7, {}),
    (f"{R0}.BackgroundRenderMode", 9, {}),
    (f"{R0}.UserMediaStream.StreamType", 5, {}),
    ("VideoParams.BackgroundRenderMode", 5, {"VideoParams.BackgroundImageUrl": "https://img.example.com/stage.png"}),
    ("VideoParams.LayoutParams.MixLayoutMode", 9, {}),
    ("VideoParams.LayoutParams.PureAudioHoldPlaceMode", 5, {"VideoParams.LayoutParams.MixLayoutMode": 3}),
    ("VideoParams.LayoutParams.RenderMode", 6, {"VideoParams.LayoutParams.MixLayoutMode": 3}),
    ("VideoParams.WaterMarkList[0].WaterMarkType", 7, {}),
    ("AudioParams.AudioEncode.Codec", 9, {}),
    ("Target.RoomIdType", 5, {}),
]
OPTIONS = {"mcu-legacy": {"stream_id": "s1"}}


def _options(target, tmp_path):
    out = dict(OPTIONS.get(target, {}))
    if TARGETS[target].draws_text:
        out["output"] = tmp_path / "out.json"
    return out


def _design(path, value, more):
    design = copy.deepcopy(SHOW)
    for where, what in more.items():
        edit(design, where, what)
    edit(design, path, value)
    return design


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize(("path", "value", "more"), UNDOCUMENTED, ids=[c[0].rsplit(".", 1)[-1] for c in UNDOCUMENTED])
def test_a_value_outside_the_documented_set_is_refused_not_mapped(target, path, value, more, tmp_path):
    result = export(_design(path, value, more), target, **_options(target, tmp_path))
    assert not result.ok
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    assert any(f.path.endswith(path.split(".", 1)[1] if path.startswith("Target.") else path) for f in errors), [
        str(f) for f in errors
    ]
    assert all(f.code.startswith(f"export.{target}.") for f in errors)


@pytest.mark.parametrize("target", list(TARGETS))
def test_a_key_the_api_does_not_know_is_refused_not_dropped(target, tmp_path):
    design = copy.deepcopy(SHOW)
    design["VideoParams"]["WaterMarkLsit"] = design["VideoParams"].pop("WaterMarkList")  # a typo
    result = export(design, target, **_options(target, tmp_path))
    assert not result.ok
    assert any(f.path == "VideoParams.WaterMarkLsit" and "WaterMarkLsit" in f.message for f in result.findings)


def test_the_command_prints_and_writes_nothing_for_an_undocumented_value(tmp_path, capsys):
    preset = tmp_path / "show.json"
    preset.write_text(json.dumps(_design(f"{R0}.RenderMode", 7, {})))
    out_file = tmp_path / "rec.json"
    assert main(["export", str(preset), "--to", "recording", "-o", str(out_file)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and not out_file.exists()
    assert f"{R0}.RenderMode" in err and "RenderMode is 7" in err and "Traceback" not in err


def test_writing_over_the_input_names_a_json_file_not_a_png(tmp_path, capsys):
    preset = tmp_path / "show.json"
    preset.write_text(json.dumps(SHOW))
    assert main(["export", str(preset), "--to", "recording", "-o", str(preset)]) == 2
    err = capsys.readouterr().err
    assert "is the input file" in err and "PNG" not in err and ".png" not in err
    assert json.loads(preset.read_text()) == SHOW


def test_import_never_writes_over_its_input_even_with_force(tmp_path, capsys):
    body = {
        "SdkAppId": 1400188366,
        "RoomId": "3560",
        "RoomIdType": 1,
        "UserId": "10001",
        "RecordParams": {"RecordMode": 2},
        "MixLayoutParams": {"MixLayoutMode": 3},
    }
    request = tmp_path / "request.json"
    request.write_text(json.dumps(body))
    assert main(["import", str(request), "-o", str(request), "--force"]) == 2
    assert "is the input file" in capsys.readouterr().err
    assert json.loads(request.read_text()) == body
    link = tmp_path / "link.json"
    link.symlink_to(request)
    assert main(["import", str(request), "-o", str(link), "--force"]) == 2
    assert json.loads(request.read_text()) == body


# -- hypothesis: any mutation of a real design, any target ----------------------------------------------------------
BASES = [SHOW, *(json.loads(p.read_text()) for p in bundled.preset_files())]
VALUES = SCALARS | st.integers(min_value=-3, max_value=30) | st.sampled_from([1920, 1921, 2**31, -(2**31)])


@st.composite
def mutated_designs(draw):
    design = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        node = draw(st.sampled_from(_containers(design, [])))
        value = draw(VALUES)
        if isinstance(node, dict) and node:
            node[draw(st.sampled_from(sorted(node)))] = value
        elif isinstance(node, list) and node:
            node[draw(st.integers(min_value=0, max_value=len(node) - 1))] = value
    return design


def _leaves(node, out):
    """``(container, key)`` of every number and text in ``node``."""
    for key, child in node.items() if isinstance(node, dict) else enumerate(node):
        if isinstance(child, (dict, list)):
            _leaves(child, out)
        elif isinstance(child, (int, str)) and not isinstance(child, bool):
            out.append((node, key))
    return out


@st.composite
def retyped_designs(draw):
    """A real design with some numbers and texts replaced by others of their type (so most designs still build):
    numbers around the documented limits, texts with odd characters."""
    design = copy.deepcopy(draw(st.sampled_from(BASES)))
    leaves = _leaves(design, [])
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        node, key = draw(st.sampled_from(leaves))
        if isinstance(node[key], str):
            node[key] = draw(st.sampled_from(["", " ", "主播", "a" * 300, "0x12", "https://a.example.com/x y.png"]))
        else:
            node[key] = draw(
                st.integers(min_value=-2, max_value=5) | st.sampled_from([15, 16, 17, 25, 26, 1080, 1081, 1920, 1921])
            )
    return design


DESIGNS = mutated_designs() | retyped_designs()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(design=DESIGNS, target=st.sampled_from(list(TARGETS)), users=st.sampled_from([None, 0, 1, 16]))
def test_no_design_makes_an_export_crash(design, target, users, tmp_path_factory):
    options = _options(target, tmp_path_factory.mktemp("x"))
    if users is not None and "users" in TARGETS[target].options:
        options["users"] = users
    try:
        result = export(design, target, **options)
    except LayoutStudioError:
        return
    for f in result.findings:
        assert isinstance(f, Finding) and f.code and f.message and f.source
    json.dumps(result.to_json(), allow_nan=False)


# -- import: a recording or legacy body's code that is not documented is refused, not guessed -------------------------
def _recording_body():
    return export(SHOW, "recording", robot_user_id="rec").body


def _legacy_body():
    return export(SHOW, "mcu-legacy", stream_id="s1").body


#: (body, path in it, an undocumented code): each was imported as a guess (crop, floating, integer room, no rate).
UNDOCUMENTED_CODES = [
    (_recording_body, "MixLayoutParams.MixLayoutList[0].RenderMode", 9),
    (_recording_body, "MixTranscodeParams.AudioParams.SampleRate", 7),
    (_recording_body, "RoomIdType", 7),
    (_legacy_body, "LayoutParams.Template", 9),
]


@pytest.mark.parametrize(("make", "path", "value"), UNDOCUMENTED_CODES, ids=[c[1] for c in UNDOCUMENTED_CODES])
def test_an_undocumented_code_of_a_body_is_refused_by_import(make, path, value):
    body = make()
    edit(body, path, value)
    with pytest.raises(LayoutStudioError, match=re.escape(f"{path} is {value}")):
        import_body(body)


def test_an_undocumented_hold_mode_of_a_legacy_template_is_refused():
    body = export(SHOW, "mcu-legacy", stream_id="s1").body
    body["LayoutParams"] = {"Template": 1, "PureAudioHoldPlaceMode": 9}
    with pytest.raises(LayoutStudioError, match="LayoutParams.PureAudioHoldPlaceMode is 9"):
        import_body(body)


def test_the_smart_stretch_of_a_recording_is_named_as_such():
    body = _recording_body()
    body["MixLayoutParams"]["MixLayoutList"][0]["RenderMode"] = 3
    [note] = [f for f in import_body(body).findings if f.code == "import.recording.render-mode"]
    assert "RenderMode 3 (smart stretch)" in note.message


# -- bytes that are no text: a command line in a non-UTF-8 terminal, a file name in Latin-1 ----------------------------
NOT_UTF8 = os.fsdecode(b"caf\xe9")  # what Python makes of those bytes in argv: a lone surrogate


@pytest.mark.parametrize(
    ("target", "option"),
    [("recording", "robot_user_id"), ("sdk-stream-mixing", "room_id"), ("mcu-legacy", "stream_id")],
)
def test_an_export_option_that_is_no_text_is_bad_input(target, option, tmp_path):
    with pytest.raises(LayoutStudioError, match="not UTF-8 text"):
        export(SHOW, target, **{option: NOT_UTF8})


def test_the_command_line_says_so_and_writes_nothing(tmp_path, capsys):
    preset = tmp_path / "show.json"
    preset.write_text(json.dumps(SHOW))
    out_file = tmp_path / "rec.json"
    argv = ["export", str(preset), "--to", "recording", "--robot-user-id", NOT_UTF8, "-o", str(out_file)]
    assert main(argv) == 2
    assert "not UTF-8 text" in capsys.readouterr().err and not out_file.exists()


def test_import_names_a_preset_after_a_file_name_that_is_no_text(tmp_path, capsys):
    request = tmp_path / "request.json"
    request.write_text(json.dumps(_recording_body()))
    out_file = tmp_path / f"{NOT_UTF8}.json"
    assert main(["import", str(request), "-o", str(out_file)]) == 0
    assert json.loads(out_file.read_bytes())["Name"] == "caf\ufffd"
    assert main(["import", str(request), "-o", str(tmp_path / "b.json"), "--name", NOT_UTF8]) == 2
    assert "--name" in capsys.readouterr().err and not (tmp_path / "b.json").exists()


def test_a_client_export_refuses_an_output_name_its_body_cannot_hold(tmp_path, capsys):
    preset = tmp_path / "show.json"
    preset.write_text(json.dumps(SHOW))  # a text watermark: drawn to <output>.watermark-0.png, named in the body
    out_file = tmp_path / f"{NOT_UTF8}.json"
    assert main(["export", str(preset), "--to", "sdk-stream-mixing", "-o", str(out_file)]) == 2
    assert "not UTF-8 text" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [preset]


def test_screen_sharing_without_a_large_picture_user_is_no_loss_to_a_recording():
    """Both the recording (its documents) and the MCU (Layout Studio's preview, after the manual: the large picture
    must be set explicitly) show the canvas background in the large window: nothing is lost, so the note is an info
    and does not claim that the MCU shows the first user."""
    design = copy.deepcopy(SHOW)
    design["VideoParams"]["LayoutParams"] = {"MixLayoutMode": 2}
    [note] = [f for f in export(design, "recording").findings if f.code == "export.recording.screen-sharing-main-user"]
    assert note.severity is Severity.INFO
    assert "background" in note.message and "first user" not in note.message


# -- an audio-only design (no VideoParams: the API's "Mix audio & relay" example) -------------------------------------
def _audio_only():
    return preset_from("start-2")


def test_the_api_s_audio_only_example_is_what_we_think_it_is():
    design = _audio_only()
    assert "VideoParams" not in design and design["AudioParams"]["AudioEncode"]


def test_an_audio_only_design_records_audio_only():
    result = export(_audio_only(), "recording", robot_user_id="rec")
    assert result.ok
    body = result.body
    assert body["RecordParams"]["StreamType"] == 1  # audio only (SDK models.RecordParams.StreamType)
    assert "MixLayoutParams" not in body and "VideoParams" not in body["MixTranscodeParams"]
    assert body["MixTranscodeParams"]["AudioParams"] == {"SampleRate": 1, "Channel": 2, "BitRate": 64000}
    assert not [f for f in result.findings if f.code in ("export.recording.canvas", "export.recording.template")]


@pytest.mark.parametrize("target", ["sdk-stream-mixing", "sdk-transcoding", "web-cdn-streaming"])
def test_an_audio_only_design_gives_a_client_no_video_and_no_invented_layout(target, tmp_path):
    result = export(_audio_only(), target, **_options(target, tmp_path))
    assert result.ok
    text = json.dumps(result.body)
    assert "rect" not in text and "locationX" not in text and "videoWidth" not in text
    assert "videoEncodedWidth" not in text
    codes = {f.code.rsplit(".", 1)[-1] for f in result.findings}
    assert not codes & {"dynamic-layout", "unnamed-region", "zorder"}, codes


# -- hypothesis: any mutation of a recording or legacy body imports, or is refused with LayoutStudioError --------------
def _bodies():
    out = [DOC_EXAMPLE]
    for design in BASES:
        for target, options in (("recording", {"robot_user_id": "r"}), ("mcu-legacy", {"stream_id": "s"})):
            body = export(design, target, **options).body
            if body:
                out.append(body)
    return out


BODIES = _bodies()
BODY_KEYS = st.sampled_from(
    ["Template", "PresetLayoutConfig", "MixInputType", "PlaceImageId", "MediaId", "ImageLayer", "RenderMode"]
    + ["SubBackgroundImage", "StrRoomId", "RoomIdType", "MixLayoutMode", "MaxResolutionUserId", "SampleRate"]
    + ["PureAudioDisableLayout", "PureAudioHoldPlaceMode", "WaterMarkChar", "WaterMarkType", "UserSig", "TaskId"]
)


@st.composite
def mutated_bodies(draw):
    body = copy.deepcopy(draw(st.sampled_from(BODIES)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        node = draw(st.sampled_from(_containers(body, [])))
        value = draw(VALUES)
        if isinstance(node, dict) and node and draw(st.booleans()):
            node[draw(st.sampled_from(sorted(node)))] = value
        elif isinstance(node, dict):
            node[draw(BODY_KEYS)] = value
        elif node:
            node[draw(st.integers(min_value=0, max_value=len(node) - 1))] = value
    return body


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(body=mutated_bodies())
def test_no_recording_or_legacy_body_makes_import_crash(body):
    try:
        imported = import_body(body)
    except LayoutStudioError:
        return
    assert "UserSig" not in json.dumps(imported.preset.to_api())
    for target in ("recording", "mcu-legacy"):
        export(imported.preset, target)  # the imported preset exports (or reports), never crashes
