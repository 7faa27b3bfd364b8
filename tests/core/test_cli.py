"""The validate, import, payload and schema commands through ``layout_studio.cli.main``: exit codes, output shapes,
messages on the right stream, and no traceback for any input."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout_studio.cli import main
from layout_studio.payload import build_request
from layout_studio.presets import SCHEMA_FILE, bundled_presets, load_preset
from tests.conftest import REFERENCE_DIR, REFERENCE_FILES
from tests.core.support import START_TARGET

TWO_UP = str(next(p for p in bundled_presets() if p.stem == "two-up"))
UPDATE_1 = str(REFERENCE_DIR / "update-1-change-audio-and-layout.json")
START_5 = str(REFERENCE_DIR / "start-5-mix-av-then-feedback.json")
START_ARGS = [
    "--sdk-app-id",
    "1400000001",
    "--room-id",
    "10001",
    "--room-id-type",
    "0",
    "--agent-user-id",
    "mcu_robot_10001",
    "--agent-usersig",
    "test-agent-usersig",
    "--cdn-url",
    "rtmp://push.example.com/live/room10001",
]


def write(tmp_path: Path, name: str, content) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def broken_design() -> dict:
    doc = json.loads(Path(TWO_UP).read_text())
    doc["VideoParams"]["LayoutParams"]["MixLayoutList"][1]["LocationX"] = 900
    return doc


# ----------------------------------------------------------------------------------------------------- validate
def test_validate_clean_files_exit_0(capsys):
    assert main(["validate", *map(str, bundled_presets()), *map(str, REFERENCE_FILES)]) == 0
    out = capsys.readouterr().out
    assert f"{TWO_UP}: ok" in out
    assert out.splitlines()[-1].startswith(f"{len(bundled_presets()) + len(REFERENCE_FILES)} files: 0 errors")


def test_validate_errors_exit_1_with_severity_path_message_code(tmp_path, capsys):
    bad = write(tmp_path, "bad.json", broken_design())
    assert main(["validate", bad]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{bad}: 1 error")
    assert "  error    VideoParams.LayoutParams.MixLayoutList[1].LocationX\n" in out
    assert "[layout.region.outside-canvas]" in out and "1280" in out


def test_validate_malformed_json_exit_2_with_line_and_column(tmp_path, capsys):
    bad = write(tmp_path, "bad.json", '{\n  "Format": "layout-studio/preset@1",\n  "Name": "x",,\n}')
    assert main(["validate", bad, TWO_UP]) == 2  # the other file is still checked
    out = capsys.readouterr().out
    assert f"{bad}:3:15: malformed JSON" in out
    assert f"{TWO_UP}: ok" in out


def test_validate_missing_file_exit_2(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.json")]) == 2
    assert "nope.json: cannot read the file" in capsys.readouterr().out


def test_validate_json_format_shape(tmp_path, capsys):
    bad = write(tmp_path, "bad.json", broken_design())
    broken = write(tmp_path, "broken.json", "[1, 2")
    assert main(["validate", "--format", "json", TWO_UP, bad, broken]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert [f["file"] for f in doc["files"]] == [TWO_UP, bad, broken]
    assert doc["files"][0] == {"file": TWO_UP, "findings": []}
    finding = doc["files"][1]["findings"][0]
    assert set(finding) == {"code", "severity", "path", "message", "source", "fixes"}
    assert (finding["severity"], finding["path"]) == ("error", "VideoParams.LayoutParams.MixLayoutList[1].LocationX")
    assert doc["files"][2]["findings"] == []
    assert doc["files"][2]["error"]["line"] == 1 and doc["files"][2]["error"]["column"] >= 1


def test_validate_update_with_canvas(capsys):
    assert main(["validate", UPDATE_1]) == 0
    assert "layout.canvas.unchecked" in capsys.readouterr().out
    # the documented update example moves a 640x720 region to LocationY 360: off a 1280x720 canvas
    assert main(["validate", UPDATE_1, "--canvas", "1280x720"]) == 1
    assert "MixLayoutList[1].LocationY" in capsys.readouterr().out


def test_validate_action_forces_the_update_rules(capsys):
    assert main(["validate", "--action", "update", START_5]) == 1
    assert "TaskId" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_validate_masks_secrets_in_what_it_prints(tmp_path, monkeypatch, capsys, fmt):
    from layout_studio import validation as validate_module
    from layout_studio.findings import Finding, Severity

    doc = json.loads(Path(START_5).read_text())
    feedback_sig = doc["FeedBackRoomParams"][0]["UserSig"]
    quoting = Finding(
        "test.quote",
        Severity.WARNING,
        "FeedBackRoomParams[0]",
        f"value {feedback_sig!r}, url rtmp://a.example.com/l?txSecret=abc123&txTime=1",
        "test",
    )
    monkeypatch.setattr(validate_module, "validate", lambda *a, **k: [quoting])
    assert main(["validate", "--format", fmt, write(tmp_path, "s.json", doc)]) == 0
    out = capsys.readouterr().out
    assert feedback_sig not in out and "abc123" not in out
    assert "txSecret=***" in out


@pytest.mark.parametrize("canvas", ["1280", "0x720", "wide", "1280x-1"])
def test_validate_bad_canvas_is_a_usage_error(canvas, capsys):
    assert main(["validate", TWO_UP, "--canvas", canvas]) == 2
    err = capsys.readouterr().err
    assert "WIDTHxHEIGHT" in err and "--canvas" in err


# ------------------------------------------------------------------------------------------------------- import
def test_import_writes_a_preset_and_names_the_stripped_secrets(tmp_path, capsys):
    out = tmp_path / "imported.json"
    assert main(["import", START_5, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "AgentParams.UserSig" in err and "FeedBackRoomParams[0].UserSig" in err
    text = out.read_text()
    assert "UserSig" not in text
    assert load_preset(out).name == "imported"
    assert main(["validate", str(out)]) == 0


def test_import_update_mentions_task_fields_and_txsecret(tmp_path, capsys):
    out = tmp_path / "u.json"
    assert main(["import", str(REFERENCE_DIR / "update-2-change-relay-params.json"), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "PublishCdnParams[0].PublishCdnUrl (txSecret)" in err and "TaskId and SequenceNumber" in err
    assert "txSecret" not in out.read_text()


def test_import_refuses_to_overwrite_without_force(tmp_path, capsys):
    out = write(tmp_path, "p.json", "keep me")
    assert main(["import", START_5, "-o", out]) == 2
    assert "--force" in capsys.readouterr().err
    assert Path(out).read_text() == "keep me"
    assert main(["import", START_5, "-o", out, "--force"]) == 0


def test_import_bad_input_exit_2(tmp_path, capsys):
    out = tmp_path / "p.json"
    assert main(["import", write(tmp_path, "m.json", '{"SdkAppId": 1,\n"RoomId": }'), "-o", str(out)]) == 2
    assert "m.json:2:11: malformed JSON" in capsys.readouterr().err
    assert main(["import", write(tmp_path, "t.json", {"SdkAppId": "1"}), "-o", str(out)]) == 2
    assert "t.json: cannot import the StartPublishCdnStream body: SdkAppId" in capsys.readouterr().err
    assert not out.exists()


# ------------------------------------------------------------------------------------------------------ payload
def test_payload_start_prints_the_body_only(capsys):
    assert main(["payload", TWO_UP, "--action", "start", *START_ARGS]) == 0
    captured = capsys.readouterr()
    expected = build_request(load_preset(TWO_UP), "start", **START_TARGET)
    assert json.loads(captured.out) == expected
    assert captured.err == ""


def test_payload_masks_secrets_on_a_terminal(monkeypatch, capsys):
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["payload", TWO_UP, "--action", "start", *START_ARGS]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["AgentParams"]["UserSig"] == "***"
    assert "test-agent-usersig" not in captured.out + captured.err
    assert "redirect or pipe" in captured.err


def test_payload_agent_usersig_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("TRTC_AGENT_USERSIG", "from-env")
    assert main(["payload", TWO_UP, "--action", "start"]) == 0
    assert json.loads(capsys.readouterr().out)["AgentParams"]["UserSig"] == "from-env"


def test_payload_update_defaults_sequence_to_unix_ms(capsys):
    before = int(time.time() * 1000)
    assert main(["payload", TWO_UP, "--action", "update", "--task-id", "task-1"]) == 0
    after = int(time.time() * 1000)
    captured = capsys.readouterr()
    body = json.loads(captured.out)
    assert before <= body["SequenceNumber"] <= after
    assert f"SequenceNumber {body['SequenceNumber']}" in captured.err and "Unix time in ms" in captured.err
    assert body["TaskId"] == "task-1" and "PublishCdnParams" not in body and "RoomId" not in body


def test_payload_update_with_options(capsys):
    assert (
        main(
            [
                "payload",
                TWO_UP,
                "--action",
                "update",
                "--task-id",
                "t",
                "--sequence",
                "42",
                "--cdn-url",
                "rtmp://a.example.com/live/x",
                "--third-party-cdn",
                "--feedback-room",
                "630777:mix_back",
                "--feedback-usersig",
                "FS",
            ]
        )
        == 0
    )
    body = json.loads(capsys.readouterr().out)
    assert body["SequenceNumber"] == 42
    assert body["PublishCdnParams"] == [{"PublishCdnUrl": "rtmp://a.example.com/live/x", "IsTencentCdn": 0}]
    assert body["FeedBackRoomParams"] == [{"RoomId": "630777", "RoomIdType": 0, "UserId": "mix_back", "UserSig": "FS"}]


def test_payload_with_errors_prints_no_body_and_exits_1(tmp_path, capsys):
    bad = write(tmp_path, "bad.json", broken_design())
    assert main(["payload", bad, "--action", "start", *START_ARGS]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "MixLayoutList[1].LocationX" in captured.err and "not printed" in captured.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--action", "update"], "--task-id"),
        (["--action", "start", "--task-id", "t"], "only apply to --action update"),
        (["--action", "update", "--task-id", "t", "--room-id", "5"], "cannot change RoomId"),
        (["--action", "start", "--feedback-room", "630777"], "ROOM:USER"),
    ],
)
def test_payload_usage_errors_exit_2(args, message, capsys):
    assert main(["payload", TWO_UP, *args]) == 2
    assert message in capsys.readouterr().err


def test_payload_without_a_target_names_the_options(capsys):
    grid = str(next(p for p in bundled_presets() if p.stem == "grid-2x2"))  # a design without Target
    assert main(["payload", grid, "--action", "start"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    for flag in ("--sdk-app-id", "--room-id", "--cdn-url", "--agent-user-id"):
        assert flag in captured.err


def test_payload_of_a_request_body_points_at_import(capsys):
    assert main(["payload", START_5, "--action", "start"]) == 2
    assert "layout-studio import" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------------- schema, help
def test_schema_prints_the_committed_schema(capsys):
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == SCHEMA_FILE.read_text()


@pytest.mark.parametrize("command", ["validate", "import", "payload", "schema"])
def test_every_command_has_help(command, capsys):
    assert main([command, "--help"]) == 0
    assert f"Usage: layout-studio {command}" in capsys.readouterr().out


# ---------------------------------------------------------------------------------------------- no tracebacks
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "VideoParams",
                    "LayoutParams",
                    "MixLayoutList",
                    "AudioParams",
                    "TaskId",
                    "Format",
                    "LocationX",
                    "UserSig",
                    "Target",
                    "x",
                ]
            )
            | st.text(max_size=6),
            inner,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=JSON | st.text(max_size=30))
def test_no_input_gives_a_traceback(doc, capsys):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.json"
        path.write_text(doc if isinstance(doc, str) else json.dumps(doc))
        for argv in (
            ["validate", str(path)],
            ["validate", "--format", "json", str(path)],
            ["import", str(path), "-o", str(Path(tmp) / "out.json"), "--force"],
            ["payload", str(path), "--action", "start"],
            ["payload", str(path), "--action", "update", "--task-id", "t"],
        ):
            assert main(argv) in (0, 1, 2)
            assert "Traceback" not in capsys.readouterr().err


# ------------------------------------------------------------------------------------------ second pass (QA)
@pytest.mark.parametrize("canvas", ["12800x720", "1280x7200", "1921x1080"])
def test_validate_canvas_larger_than_any_videoencode_is_a_usage_error(canvas, capsys):
    """VideoEncode Width/Height are at most 1920 (SDK): a larger --canvas is a typo that would hide geometry errors."""
    assert main(["validate", UPDATE_1, "--canvas", canvas]) == 2
    err = capsys.readouterr().err
    assert canvas in err and "1..1920" in err


def test_validate_canvas_accepts_upper_case_x_and_spaces(capsys):
    assert main(["validate", UPDATE_1, "--canvas", " 1280 X 720 "]) == 1
    assert "--canvas 1280x720" in capsys.readouterr().out


def test_payload_third_party_cdn_without_cdn_url_is_a_usage_error(capsys):
    """--third-party-cdn only sets IsTencentCdn of --cdn-url destinations; alone it would silently do nothing."""
    assert main(["payload", TWO_UP, "--action", "start", "--third-party-cdn"]) == 2
    captured = capsys.readouterr()
    assert "--third-party-cdn" in captured.err and "--cdn-url" in captured.err and captured.out == ""


def test_payload_max_idle_time_error_names_its_option(capsys):
    assert main(["payload", TWO_UP, "--action", "start", "--max-idle-time", "1"]) == 1
    assert "--max-idle-time" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["schema"], ["import", START_5]])
def test_output_into_a_missing_directory_names_the_directory_and_the_fix(command, tmp_path, capsys):
    out = tmp_path / "no-such-dir" / "out.json"
    assert main([*command, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'no-such-dir'}" in err and "does not exist" in err and "mkdir" in err
    assert "Traceback" not in err and not out.parent.exists()


def test_import_a_wrong_type_says_what_to_write(tmp_path, capsys):
    body = json.loads(Path(START_5).read_text())
    body["VideoParams"]["VideoEncode"]["Fps"] = "15"
    body["VideoParams"]["WaterMarkList"] = {"WaterMarkType": 0}
    out = tmp_path / "p.json"
    assert main(["import", write(tmp_path, "b.json", body), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "VideoParams.VideoEncode.Fps: input should be a valid integer — write 15 without quotes" in err
    assert "VideoParams.WaterMarkList: input should be a JSON list [...], not an object" in err
    assert not out.exists()


def test_validate_an_empty_file_says_it_is_empty(tmp_path, capsys):
    assert main(["validate", write(tmp_path, "e.json", " \n")]) == 2
    assert "e.json:1:1: the file is empty" in capsys.readouterr().out


# ------------------------------------------------------------------------------------------ third pass (QA)
@pytest.mark.parametrize(
    "text, field",
    [
        ('{"SdkAppId": 1e400}', "SdkAppId"),
        ('{"Format": "layout-studio/preset@1", "Target": {"RoomId": "r\\ud800", "RoomIdType": 1}}', "RoomId"),
        ('{"SdkAppId": 1, "SdkAppId": 2}', "SdkAppId"),
    ],
)
def test_json_the_grammar_allows_but_no_reader_agrees_on_is_exit_2_naming_the_field(text, field, tmp_path, capsys):
    """1e400 (infinity) and "\\ud800" (no character) crashed validate/payload/import; a repeated key lost a value."""
    path = write(tmp_path, "odd.json", text)
    for argv in (
        ["validate", path],
        ["import", path, "-o", str(tmp_path / "out.json")],
        ["payload", path, "--action", "start", *START_ARGS],
    ):
        assert main(argv) == 2, argv
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err and captured.out.count("{") == 0
        assert "odd.json" in captured.out + captured.err and field in captured.out + captured.err
    assert not (tmp_path / "out.json").exists()


def test_payload_takes_a_task_id_starting_with_a_dash_as_written(capsys):
    """The reference TaskIds start with '-': `--task-id -m97...` is that TaskId, with or without '='."""
    task_id = json.loads(Path(UPDATE_1).read_text())["TaskId"]
    assert task_id.startswith("-")
    for written in (["--task-id", task_id], [f"--task-id={task_id}"]):
        assert main(["payload", TWO_UP, "--action", "update", *written, "--sequence", "20"]) == 0
        assert json.loads(capsys.readouterr().out)["TaskId"] == task_id


def test_payload_puts_back_the_storage_secret_key_import_left_out(tmp_path, monkeypatch, capsys):
    body = json.loads(Path(START_5).read_text())
    body["RecordParams"] = {
        "UniRecord": 3,
        "McuStorageParams": {
            "CloudStorage": {
                "Vendor": 0,
                "Region": "ap-guangzhou",
                "Bucket": "rec-1250000000",
                "AccessKey": "AKIDexample",
                "SecretKey": "storage-secret",
            }
        },
    }
    preset = str(tmp_path / "rec.json")
    assert main(["import", write(tmp_path, "body.json", body), "-o", preset]) == 0
    assert "--storage-secret-key" in capsys.readouterr().err
    base = ["payload", preset, "--action", "start", "--agent-usersig", "s", "--feedback-usersig", "f"]
    assert main(base) == 1
    captured = capsys.readouterr()
    assert "CloudStorage.SecretKey" in captured.err and "--storage-secret-key" in captured.err and not captured.out
    monkeypatch.setenv("TRTC_STORAGE_SECRET_KEY", "storage-secret")
    assert main(base) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["RecordParams"]["McuStorageParams"]["CloudStorage"]["SecretKey"] == "storage-secret"


def _cp1252_stdout(monkeypatch):
    """stdout as on Windows when redirected to a file: the locale's code page, not UTF-8."""
    import io

    stream = io.TextIOWrapper(io.BytesIO(), encoding="cp1252", newline="\n")
    monkeypatch.setattr("sys.stdout", stream)
    return stream


def test_payload_on_a_non_utf8_stdout_prints_valid_json(tmp_path, monkeypatch):
    """`payload ... > body.json` on Windows (cp1252) crashed with UnicodeEncodeError on a Chinese text watermark."""
    doc = json.loads(Path(TWO_UP).read_text())
    doc["VideoParams"]["WaterMarkList"].append(
        {
            "WaterMarkType": 1,
            "WaterMarkText": {
                "Text": "直播中 \U0001f3a5",
                "WaterMarkWidth": 200,
                "WaterMarkHeight": 40,
                "LocationX": 20,
                "LocationY": 20,
                "FontSize": 24,
                "ZOrder": 10,
            },
        }
    )
    stream = _cp1252_stdout(monkeypatch)
    assert main(["payload", write(tmp_path, "p.json", doc), "--action", "start", *START_ARGS]) == 0
    stream.flush()
    body = json.loads(stream.buffer.getvalue().decode("cp1252"))
    assert body["VideoParams"]["WaterMarkList"][-1]["WaterMarkText"]["Text"] == "直播中 \U0001f3a5"


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_validate_on_a_non_utf8_stdout_does_not_crash(fmt, tmp_path, monkeypatch):
    doc = json.loads(Path(TWO_UP).read_text())
    doc["VideoParams"]["WaterMarkList"].append(
        {
            "WaterMarkType": 1,
            "WaterMarkText": {
                "Text": "直播",
                "WaterMarkWidth": 200,
                "WaterMarkHeight": 40,
                "LocationX": 20,
                "LocationY": 20,
                "FontSize": 24,
                "ZOrder": 10,
                "Font": "宋体",
            },
        }
    )
    stream = _cp1252_stdout(monkeypatch)
    assert main(["validate", "--format", fmt, write(tmp_path, "p.json", doc)]) == 1
    stream.flush()
    out = stream.buffer.getvalue().decode("cp1252")
    assert "watermark.text.font" in out
    if fmt == "json":
        assert "宋体" in json.dumps(json.loads(out), ensure_ascii=False)


def test_ctrl_c_while_the_commands_load_exits_130_without_a_traceback(monkeypatch, capsys):
    import layout_studio.cli as cli

    def interrupted(argv=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "main", interrupted)
    with pytest.raises(SystemExit) as info:
        cli.run()
    assert info.value.code == 130
    assert capsys.readouterr().err == "layout-studio: interrupted\n"
