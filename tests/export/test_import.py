"""Import of cloud recording and legacy MCU bodies: the inverse of the export. Where the export is lossless,
exporting the imported preset gives the body back; what a preset cannot hold is named; secrets never reach it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from layout_studio import export
from layout_studio.cli import main
from layout_studio.documents import load
from layout_studio.errors import LayoutStudioError
from layout_studio.export.inverse import body_kind
from layout_studio.importer import import_body, import_request

from .designs import show

PRESETS = sorted((Path(__file__).resolve().parents[2] / "presets").glob("*.json"))
#: The example body of API CreateCloudRecording (its UserSig shortened).
DOC_EXAMPLE = {
    "StorageParams": {"CloudVod": {"TencentVod": {"ExpireTime": 0}}},
    "UserSig": "eJw1jcEKgkAURX9FZlvYc3SaC-PiwmafL9rfNX4_",
    "UserId": "10001",
    "RecordParams": {"MaxIdleTime": 60, "StreamType": 0, "RecordMode": 2},
    "RoomIdType": 1,
    "MixTranscodeParams": {"VideoParams": {"Width": 360, "BitRate": 500000, "Fps": 15, "Height": 640, "Gop": 10}},
    "MixLayoutParams": {"MixLayoutMode": 3},
    "SdkAppId": 1400188366,
    "RoomId": "3560",
}


def designs():
    return [show(), *(load(p) for p in PRESETS)]


@pytest.mark.parametrize("design", designs(), ids=lambda d: d.name)
def test_a_recording_body_comes_back_the_same_through_a_preset(design):
    body = export(design, "recording", robot_user_id="rec").body
    imported = import_body(json.loads(json.dumps(body)))
    assert imported.action == "CreateCloudRecording" and imported.left_out == ["UserId"]
    assert export(imported.preset, "recording", robot_user_id="rec").body == body


@pytest.mark.parametrize("design", designs(), ids=lambda d: d.name)
def test_a_legacy_body_without_console_images_comes_back_the_same(design):
    options = {"stream_id": "mix_1", "sdk_app_id": 1}
    body = export(design, "mcu-legacy", **options).body
    imported = import_body(json.loads(json.dumps(body)))
    assert imported.left_out == ["OutputParams"]
    assert export(imported.preset, "mcu-legacy", **options).body == body


def test_the_imported_regions_are_the_design_s():
    imported = import_body(export(show(), "recording").body)
    ours = show().video_params.layout_params.mix_layout_list
    theirs = imported.preset.video_params.layout_params.mix_layout_list
    for mine, back in zip(ours, theirs, strict=True):
        assert back.box == mine.box and back.user_id == mine.user_id and back.z_order == mine.z_order
        assert back.user_media_stream.stream_type == mine.user_media_stream.stream_type
    assert theirs[0].background_image_url == ours[0].background_image_url and theirs[0].background_render_mode == 0
    assert theirs[2].render_mode == 1  # fit on black came back as fit: the recording has one fit
    assert imported.preset.target.room_id_type == 0 and imported.preset.target.agent_params.max_idle_time == 45


def test_the_api_example_becomes_a_grid_preset_without_its_secret():
    imported = import_body(DOC_EXAMPLE)
    preset = imported.preset
    assert preset.video_params.video_encode.to_api() == {
        "Width": 360,
        "Height": 640,
        "Fps": 15,
        "BitRate": 500,
        "Gop": 10,
    }
    assert preset.video_params.layout_params.mix_layout_mode == 3
    assert (preset.target.room_id, preset.target.room_id_type) == ("3560", 0)  # RoomIdType 1 there: integer
    assert imported.secrets == ["UserSig"] and set(imported.left_out) == {
        "UserId",
        "StorageParams",
        "RecordParams.StreamType",
    }
    assert "eJw1" not in preset.model_dump_json()


def test_a_modify_body_gives_the_layout_and_the_audio_lists():
    body = {
        "SdkAppId": 1,
        "TaskId": "t-1",
        "MixLayoutParams": {
            "MixLayoutMode": 4,
            "PlaceHolderMode": 1,
            "DefaultSubBackgroundImage": "https://img.example.com/a.png",
            "MixLayoutList": [
                {"Top": 10, "Left": 20, "Width": 300, "Height": 200, "UserId": "a", "RenderMode": 0, "Alpha": 100}
            ],
        },
        "SubscribeStreamUserIds": {"SubscribeAudioUserIds": ["a", "b.*$"], "SubscribeVideoUserIds": ["a"]},
    }
    imported = import_body(body)
    [region] = imported.preset.video_params.layout_params.mix_layout_list
    assert region.box == (20, 10, 300, 200) and region.background_image_url == "https://img.example.com/a.png"
    assert region.background_render_mode == 3  # drawn like the stretched picture
    assert [u.user_info.user_id for u in imported.preset.audio_params.subscribe_audio_list] == ["a"]
    assert {f.code for f in imported.findings} == {
        "import.recording.render-mode",
        "import.recording.alpha",
        "import.recording.prefix",
        "import.recording.video-lists",
    }
    assert imported.left_out == ["TaskId"]


def test_legacy_templates_come_back_as_the_mixing_api_s_layouts():
    pip = {
        "SdkAppId": 1,
        "StrRoomId": "room-a",
        "EncodeParams": {"VideoWidth": 1280, "VideoHeight": 720},
        "LayoutParams": {
            "Template": 3,
            "MainVideoUserId": "host",
            "SmallVideoLayoutParams": {
                "UserId": "guest",
                "ImageWidth": 320,
                "ImageHeight": 180,
                "LocationX": 940,
                "LocationY": 520,
            },
        },
        "PublishCdnParams": {"BizId": 7, "PublishCdnUrls": ["rtmp://other.example.com/app/s?txSecret=zz"]},
    }
    imported = import_body(pip)
    layout = imported.preset.video_params.layout_params
    assert layout.mix_layout_mode == 4 and [r.box for r in layout.mix_layout_list] == [
        (0, 0, 1280, 720),
        (940, 520, 320, 180),
    ]
    assert [r.user_id for r in layout.mix_layout_list] == ["host", "guest"]
    target = imported.preset.target
    assert (target.room_id, target.room_id_type) == ("room-a", 1)
    assert target.publish_cdn_params[0].publish_cdn_url == "rtmp://other.example.com/app/s"
    assert imported.secrets == ["PublishCdnParams.PublishCdnUrls[0] (txSecret)"]
    custom = {
        "RoomId": 5,
        "LayoutParams": {
            "Template": 4,
            "PresetLayoutConfig": [
                {"UserId": "a", "ImageWidth": 10, "ImageHeight": 10, "MixInputType": 1, "PlaceImageId": 9},
                {"UserId": "b", "MixInputType": 2},
            ],
        },
        "EncodeParams": {"BackgroundImageId": 3, "BackgroundColor": 16711680},
    }
    imported = import_body(custom)
    assert [u.user_info.user_id for u in imported.preset.audio_params.un_subscribe_audio_list] == ["a"]
    assert len(imported.preset.video_params.layout_params.mix_layout_list) == 1
    assert imported.preset.video_params.back_ground_color == "0xFF0000"
    assert {f.code for f in imported.findings} == {"import.mcu-legacy.image-id", "import.mcu-legacy.audio-only-place"}


def test_what_is_not_a_recording_or_legacy_body_is_read_as_before():
    mcu = {
        "SdkAppId": 1,
        "RoomId": "1",
        "RoomIdType": 0,
        "AgentParams": {"UserId": "r"},
        "WithTranscoding": 1,
        "RecordParams": {"UniRecord": 1},
    }
    assert body_kind(mcu) == "mcu"
    assert import_request(mcu)[0].target.record_params.uni_record == 1
    with pytest.raises(LayoutStudioError, match="single-stream"):
        import_body({**DOC_EXAMPLE, "RecordParams": {"RecordMode": 1}})
    with pytest.raises(LayoutStudioError, match="MixTranscodeParams.VideoParams.Width"):
        import_body({**DOC_EXAMPLE, "MixTranscodeParams": {"VideoParams": {"Width": "360"}}})


def test_the_import_command_names_what_it_left_out_and_writes_no_secret(tmp_path, capsys):
    source = tmp_path / "rec.json"
    source.write_text(
        json.dumps(
            {
                **DOC_EXAMPLE,
                "PrivateMapKey": "pmk-secret-value",
                "StorageParams": {"CloudStorage": {"Vendor": 0, "SecretKey": "sk-secret"}},
            }
        )
    )
    out = tmp_path / "rec-preset.json"
    assert main(["import", str(source), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "UserSig" in err and "PrivateMapKey" in err and "StorageParams" in err
    text = out.read_text()
    assert "pmk-secret-value" not in text and "sk-secret" not in text and "eJw1" not in text
    assert json.loads(text)["VideoParams"]["LayoutParams"]["MixLayoutMode"] == 3


def test_an_imported_recording_validates_and_names_the_robot_it_lacks_for_a_start(tmp_path, capsys):
    """The recording's MaxIdleTime becomes Target.AgentParams.MaxIdleTime without a UserId (the recording robot's is
    not the mixing robot's): the preset validates, and a start asks for the mixing robot."""
    source, preset = tmp_path / "rec.json", tmp_path / "rec-preset.json"
    body = json.loads(json.dumps(DOC_EXAMPLE))
    body["MixTranscodeParams"]["VideoParams"]["Gop"] = 5  # the example's 10 is over the mixing API's 1..5
    source.write_text(json.dumps(body))
    assert main(["import", str(source), "-o", str(preset)]) == 0
    assert json.loads(preset.read_text())["Target"]["AgentParams"] == {"MaxIdleTime": 60}
    assert main(["validate", str(preset)]) == 0
    assert capsys.readouterr().out.startswith(f"{preset}: ok")
    assert main(["validate", str(preset), "--action", "start", "--format", "json"]) == 1
    codes = {(f["code"], f["path"]) for f in json.loads(capsys.readouterr().out)["files"][0]["findings"]}
    assert ("task.agent.user-id-missing", "AgentParams.UserId") in codes


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ({}, "it is an empty object"),
        ({"Foo": 1}, "its fields (Foo) are none of theirs"),
        (None, "export --to sdk-transcoding`, which cannot be imported back"),
        ("sdk-stream-mixing", "export --to sdk-stream-mixing`, which cannot be imported back"),
        ("web-cdn-streaming", "export --to web-cdn-streaming`, which cannot be imported back"),
    ],
)
def test_an_object_that_is_no_body_import_reads_is_refused_and_nothing_is_written(body, said, tmp_path, capsys):
    """{} , {"Foo": 1} and a client target's own output were imported as a preset of unknown Target fields (exit 0)."""
    if body is None or isinstance(body, str):
        target = body or "sdk-transcoding"
        body = export(show(), target, platform="web" if target == "web-cdn-streaming" else "windows").body
    source, out = tmp_path / "x.json", tmp_path / "z.json"
    source.write_text(json.dumps(body))
    assert main(["import", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"error: {source}: " in err and said in err
    assert "StartPublishCdnStream" in err and "CreateCloudRecording" in err and "StartMCUMixTranscode" in err
    assert not out.exists()


@pytest.mark.parametrize("body", [{"SdkAppId": 1}, {"RoomId": "1", "Foo": 1}, {"TaskId": "t", "SequenceNumber": 2}])
def test_a_partial_mixing_body_with_unknown_fields_is_still_imported(body, tmp_path):
    source, out = tmp_path / "x.json", tmp_path / "z.json"
    source.write_text(json.dumps(body))
    assert main(["import", str(source), "-o", str(out)]) == 0
    assert out.exists()
