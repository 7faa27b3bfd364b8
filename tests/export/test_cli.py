"""``layout-studio export``: the body on stdout (or in -o FILE with its PNG watermarks), the loss report on stderr,
``--format json``'s wrapper, and the exit codes (0 printed, 1 the target's rules failed, 2 bad input)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PIL import Image

import layout_studio
from layout_studio.cli import main
from layout_studio.cli.export import TARGET_NAMES
from layout_studio.export import TARGETS, targets

from .designs import PLACEHOLDER, SHOW


@pytest.fixture
def preset(tmp_path):
    path = tmp_path / "show.json"
    path.write_text(json.dumps(SHOW))
    return path


def test_the_body_goes_to_stdout_and_the_losses_to_stderr(preset, capsys):
    assert main(["export", str(preset), "--to", "recording", "--robot-user-id", "rec_1"]) == 0
    out, err = capsys.readouterr()
    body = json.loads(out)
    assert body["UserId"] == "rec_1" and body["RoomIdType"] == 1
    assert "[export.recording.custom-crop]" in err and "CreateCloudRecording (recording)" in err


def test_json_wraps_target_body_and_findings(preset, capsys):
    assert (
        main(
            [
                "export",
                str(preset),
                "--to",
                "mcu-legacy",
                "--format",
                "json",
                "--stream-id",
                "s1",
                "--place-image-id",
                f"{PLACEHOLDER}=42",
            ]
        )
        == 0
    )
    wrapper = json.loads(capsys.readouterr().out)
    assert set(wrapper) == {"target", "body", "findings"} and wrapper["target"] == "mcu-legacy"
    assert wrapper["body"]["LayoutParams"]["PresetLayoutConfig"][0]["PlaceImageId"] == 42
    assert {"code", "severity", "path", "message", "source", "fixes"} == set(wrapper["findings"][0])


def test_errors_of_the_target_print_no_body_and_exit_1(tmp_path, capsys):
    portrait = json.loads(json.dumps(SHOW))
    portrait["VideoParams"]["VideoEncode"].update(Width=720, Height=1280)
    portrait["VideoParams"]["LayoutParams"]["MixLayoutList"] = []
    path = tmp_path / "portrait.json"
    path.write_text(json.dumps(portrait))
    out_file = tmp_path / "out.json"
    assert main(["export", str(path), "--to", "mcu-legacy", "-o", str(out_file)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and not out_file.exists()
    assert "mcu-legacy.encode.video-height-range" in err and "no body was printed or written" in err
    assert main(["export", str(path), "--to", "mcu-legacy", "--format", "json"]) == 1
    wrapper = json.loads(capsys.readouterr().out)
    assert wrapper["body"] is None and wrapper["findings"][0]["severity"] == "error"


def test_a_client_target_draws_the_text_watermark_next_to_the_output(preset, tmp_path, capsys):
    out_file = tmp_path / "out" / "mix.json"
    out_file.parent.mkdir()
    assert main(["export", str(preset), "--to", "sdk-stream-mixing", "--platform", "ios", "-o", str(out_file)]) == 0
    body = json.loads(out_file.read_text())
    assert body["config"]["watermarkList"][0]["watermarkUrl"] == "mix.watermark-0.png"
    with Image.open(out_file.parent / "mix.watermark-0.png") as png:
        assert png.size == (120, 48) and png.mode == "RGBA"
        assert png.getpixel((2, 2))[:3] == (0xCC, 0x00, 0x33)  # the box's BackGroundColor
    assert "host it over https" in capsys.readouterr().err


def test_a_body_that_cannot_be_written_leaves_no_watermark_file_behind(preset, tmp_path, capsys):
    out_file = tmp_path / "mix.json"
    out_file.mkdir()  # the body cannot be written there
    assert main(["export", str(preset), "--to", "sdk-stream-mixing", "-o", str(out_file)]) == 2
    assert "is a directory" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mix.json", "show.json"]  # no mix.watermark-0.png


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--to", "sdk-transcoding"], "give -o FILE"),  # text watermarks need the PNG files
        (["--to", "mcu-legacy", "--robot-user-id", "r"], "takes no robot_user_id"),
        (["--to", "sdk-transcoding", "--platform", "web", "-o", "x.json"], "web-cdn-streaming"),
        (["--to", "mcu-legacy", "--place-image-id", "1", "--place-image-id", "2"], "--place-image-id"),
        (["--to", "mcu-legacy", "--place-image-id", "away"], "console image's number"),
        (["--to", "fax"], "fax"),
    ],
)
def test_bad_input_exits_2(preset, argv, said, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(preset), *argv]) == 2
    assert said in capsys.readouterr().err


def test_an_unreadable_preset_or_writing_over_it_exits_2(preset, tmp_path, capsys):
    assert main(["export", str(tmp_path / "missing.json"), "--to", "recording"]) == 2
    assert main(["export", str(preset), "--to", "recording", "-o", str(preset)]) == 2
    assert "is the input file" in capsys.readouterr().err
    assert json.loads(preset.read_text()) == SHOW


def test_the_targets_are_listed_for_the_command_line_and_the_studio():
    assert TARGET_NAMES == tuple(TARGETS)
    assert [name for name, _title in targets()] == list(TARGETS)
    assert all(title for _name, title in targets())


def test_the_library_export_is_lazy_and_callable():
    code = (
        "import sys, layout_studio; assert 'layout_studio.export' not in sys.modules; "
        "from layout_studio.model import Preset; "
        "r = layout_studio.export(Preset(), 'recording'); print(r.action, r.ok)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["CreateCloudRecording", "True"]
    assert layout_studio.export is sys.modules["layout_studio.export"]
    assert layout_studio.export(SHOW, "recording").action == "CreateCloudRecording"
