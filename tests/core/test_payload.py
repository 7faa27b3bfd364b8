"""build_request: reference examples round-trip, what an update carries, overrides, checks; the SDK as oracle."""

from __future__ import annotations

import json

import pytest

from layout_studio.errors import InvalidDesignError, LayoutStudioError
from layout_studio.findings import Severity
from layout_studio.importer import import_request
from layout_studio.model import Preset
from layout_studio.payload import build_request
from layout_studio.presets import bundled_presets, load_preset
from tests.conftest import REFERENCE_FILES
from tests.core.support import START_TARGET, UPDATE_TARGET, passback, sdk_round_trip

pytest.importorskip("tencentcloud.trtc.v20190722.models")


def _action(body):
    return "update" if "TaskId" in body else "start"


@pytest.mark.parametrize("path", REFERENCE_FILES, ids=lambda p: p.stem)
def test_reference_example_imports_validates_and_exports_equal(path):
    body = json.loads(path.read_text())
    preset, stripped = import_request(body)
    exported = build_request(preset, _action(body), **passback(body, stripped))  # check=True: no error findings
    assert exported == body
    assert sdk_round_trip(exported, _action(body)) == body


@pytest.mark.parametrize("path", bundled_presets(), ids=lambda p: p.stem)
@pytest.mark.parametrize("action", ["start", "update"])
def test_bundled_preset_payloads_satisfy_the_sdk(path, action):
    preset = load_preset(path)
    body = build_request(preset, action, **(START_TARGET if action == "start" else UPDATE_TARGET))
    assert sdk_round_trip(body, action) == body


def test_sdk_oracle_rejects_an_unknown_field():
    body = build_request(load_preset(bundled_presets()[0]), "start", check=False, **START_TARGET)
    body["VideoParams"]["LayoutParams"]["MixLayoutList"][0]["LocationZ"] = 3
    with pytest.raises(Warning, match="LocationZ"):
        sdk_round_trip(body, "start")


def _full_preset() -> Preset:
    return Preset.model_validate(
        {
            "Format": "layout-studio/preset@1",
            "VideoParams": {
                "VideoEncode": {"Width": 1280, "Height": 720, "Fps": 15, "BitRate": 1200, "Gop": 2},
                "LayoutParams": {
                    "MixLayoutMode": 4,
                    "MixLayoutList": [
                        {"ImageWidth": 1280, "ImageHeight": 720, "UserMediaStream": {"UserInfo": {"UserId": "a"}}}
                    ],
                },
                "BackGroundColor": "0x000000",
            },
            "AudioParams": {
                "AudioEncode": {"SampleRate": 48000, "Channel": 2, "BitRate": 64},
                "SubscribeAudioList": [{"UserInfo": {"UserId": "a"}}],
                "UnSubscribeAudioList": [],
            },
            "SeiParams": {"LayoutVolume": {"AppData": "x"}},
            "Target": {
                "Region": "ap-guangzhou",
                "SdkAppId": 1400000001,
                "RoomId": "10001",
                "RoomIdType": 0,
                "AgentParams": {"UserId": "robot", "MaxIdleTime": 60},
                "WithTranscoding": 1,
                "PublishCdnParams": [{"PublishCdnUrl": "rtmp://push.example.com/live/a", "IsTencentCdn": 1}],
                "FeedBackRoomParams": [{"RoomId": "20002", "RoomIdType": 0, "UserId": "back"}],
            },
        }
    )


def test_start_body_takes_design_and_target_without_region():
    body = build_request(_full_preset(), "start", user_sig="S", feedback_user_sig="FS")
    assert "Region" not in body
    assert body["RoomId"] == "10001" and body["SdkAppId"] == 1400000001
    assert body["AgentParams"] == {"UserId": "robot", "MaxIdleTime": 60, "UserSig": "S"}
    assert body["AudioParams"]["AudioEncode"] == {"SampleRate": 48000, "Channel": 2, "BitRate": 64}
    assert body["SeiParams"] == {"LayoutVolume": {"AppData": "x"}}
    assert body["FeedBackRoomParams"][0] == {"RoomId": "20002", "RoomIdType": 0, "UserId": "back", "UserSig": "FS"}


def test_update_body_carries_only_what_an_update_may_change():
    preset = _full_preset()
    body = build_request(preset, "update", task_id="T1", sequence_number=9)
    assert set(body) == {
        "SdkAppId",
        "TaskId",
        "SequenceNumber",
        "WithTranscoding",
        "VideoParams",
        "AudioParams",
        "SeiParams",
    }
    assert body["SeiParams"] == {"LayoutVolume": {"AppData": "x"}}  # an update may change SEI (manual 001, SDK)
    assert body["VideoParams"] == preset.video_params.to_api()  # VideoEncode included: only the codec is fixed
    assert body["AudioParams"] == {"SubscribeAudioList": [{"UserInfo": {"UserId": "a"}}], "UnSubscribeAudioList": []}
    assert (body["TaskId"], body["SequenceNumber"]) == ("T1", 9)


def test_update_takes_destinations_only_when_passed_explicitly():
    cdn = [{"PublishCdnUrl": "rtmp://push.example.com/live/b", "IsTencentCdn": 1}]
    body = build_request(
        _full_preset(), "update", task_id="T1", sequence_number=10, publish_cdn_params=cdn, with_transcoding=1
    )
    assert body["PublishCdnParams"] == cdn
    assert "FeedBackRoomParams" not in body


@pytest.mark.parametrize(
    "option",
    [
        {"room_id": "1"},
        {"agent_params": {"UserId": "x"}},
        {"user_sig": "S"},
        {"record_params": {"UniRecord": 1}},
        {"room_id_type": 1},
    ],
)
def test_update_refuses_options_it_cannot_change(option):
    with pytest.raises(LayoutStudioError, match="UpdatePublishCdnStream cannot change"):
        build_request(_full_preset(), "update", task_id="T", sequence_number=1, **option)


def test_start_refuses_task_options():
    with pytest.raises(LayoutStudioError, match="only apply to an update"):
        build_request(_full_preset(), "start", task_id="T")


def test_overrides_replace_the_target_and_merge_agent_params():
    body = build_request(
        _full_preset(),
        "start",
        room_id="30003",
        agent_params={"UserId": "robot2"},
        feedback_user_sig="FS",
        region="ap-hongkong",
    )
    assert body["RoomId"] == "30003"
    assert body["AgentParams"] == {"UserId": "robot2", "MaxIdleTime": 60}
    assert body["FeedBackRoomParams"][0]["UserSig"] == "FS"
    assert "Region" not in body


def test_with_transcoding_defaults_by_kind_of_task():
    relay = Preset.model_validate(
        {
            "AudioParams": {"AudioEncode": {"SampleRate": 48000, "Channel": 2, "BitRate": 64}},
            "Target": {"SingleSubscribeParams": {"UserMediaStream": {"UserInfo": {"UserId": "a"}}}},
        }
    )
    assert build_request(relay, "start", check=False)["WithTranscoding"] == 0
    mix = Preset.model_validate({"AudioParams": {"AudioEncode": {"SampleRate": 48000}}})
    assert build_request(mix, "start", check=False)["WithTranscoding"] == 1


def test_errors_raise_invalid_design_with_findings():
    preset = _full_preset()
    preset.video_params.layout_params.mix_layout_list[0].location_x = 100  # now 100 + 1280 > 1280
    with pytest.raises(InvalidDesignError) as info:
        build_request(preset, "start", user_sig="S", feedback_user_sig="FS")
    errors = [f for f in info.value.findings if f.severity is Severity.ERROR]
    assert any(f.path == "VideoParams.LayoutParams.MixLayoutList[0].LocationX" for f in errors)
    assert "LocationX" in str(info.value)
    assert build_request(preset, "start", check=False, user_sig="S")["VideoParams"]  # check=False builds anyway


def test_fields_set_to_none_are_absent_from_the_body():
    preset = _full_preset()
    preset.video_params.back_ground_color = None  # None means absent in the model
    body = build_request(preset, "update", task_id="T", sequence_number=1)
    assert "BackGroundColor" not in body["VideoParams"]
    assert "null" not in json.dumps(body)


def test_unknown_keyword_and_action():
    with pytest.raises(TypeError, match="room"):
        build_request(_full_preset(), "start", room="1")
    with pytest.raises(LayoutStudioError, match="unknown action"):
        build_request(_full_preset(), "stop")


# ------------------------------------------------------------------------------------------ QA: recording storage
COS = {
    "Vendor": 0,
    "Region": "ap-guangzhou",
    "Bucket": "rec-1250000000",
    "AccessKey": "AKIDexample",
    "SecretKey": "storage-secret",
}


def _recording_body() -> dict:
    body = json.loads(next(p for p in REFERENCE_FILES if p.stem.startswith("start-1")).read_text())
    body["RecordParams"] = {"UniRecord": 3, "RecordKey": "rec_1", "McuStorageParams": {"CloudStorage": dict(COS)}}
    return body


def test_an_imported_storage_secret_key_can_be_passed_back():
    """import strips CloudStorage.SecretKey; the rebuilt body lacked it (no way to give it) and still passed."""
    body = _recording_body()
    preset, stripped = import_request(body)
    assert "RecordParams.McuStorageParams.CloudStorage.SecretKey" in stripped
    kwargs = {"user_sig": body["AgentParams"]["UserSig"]}
    with pytest.raises(InvalidDesignError, match="CloudStorage.SecretKey"):
        build_request(preset, "start", **kwargs)
    exported = build_request(preset, "start", storage_secret_key="storage-secret", **kwargs)
    assert exported == body
    assert sdk_round_trip(exported, "start") == body


def test_an_update_cannot_carry_a_storage_secret_key():
    preset, _ = import_request(_recording_body())
    with pytest.raises(LayoutStudioError, match="SecretKey"):
        build_request(preset, "update", task_id="t", sequence_number=1, storage_secret_key="k")
