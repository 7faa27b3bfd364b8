"""Round trip through the official SDK: every recording and legacy body the export builds deserialises into the
SDK's own request class with no unknown field (the SDK's "fileds are useless" warning is an error here) and
serialises back to the same body. The client SDK targets have no Python SDK type; see test_shapes."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from tencentcloud.trtc.v20190722 import models

from layout_studio import export
from layout_studio.documents import load
from layout_studio.model.legacy import StartMCUMixTranscodeRequest
from layout_studio.model.recording import CreateCloudRecordingRequest, ModifyCloudRecordingRequest
from layout_studio.payload import drop_none

from .designs import show, sink

PRESETS = sorted((Path(__file__).resolve().parents[2] / "presets").glob("*.json"))


def through_sdk(body: dict[str, Any], action: str) -> dict[str, Any]:
    request = getattr(models, f"{action}Request")()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        request._deserialize(json.loads(json.dumps(body)))
    out: dict[str, Any] = drop_none(json.loads(request.to_json_string()))
    return out


def designs() -> list[Any]:
    return [show(), sink(), *(load(p) for p in PRESETS)]


@pytest.mark.parametrize("design", designs(), ids=lambda d: d.name)
def test_recording_bodies_are_the_sdk_s_create_cloud_recording(design):
    result = export(design, "recording", robot_user_id="rec_robot")
    assert result.action == "CreateCloudRecording"
    assert through_sdk(result.body, "CreateCloudRecording") == result.body


@pytest.mark.parametrize("design", designs(), ids=lambda d: d.name)
@pytest.mark.parametrize("room", [("10001", 0), ("room-a", 1)])
def test_legacy_bodies_are_the_sdk_s_start_mcu_mix_transcode(design, room):
    result = export(design, "mcu-legacy", room_id=room[0], room_id_type=room[1], stream_id="mix_1", sdk_app_id=1)
    assert result.action == ("StartMCUMixTranscode", "StartMCUMixTranscodeByStrRoomId")[room[1]]
    assert through_sdk(result.body, result.action) == result.body


def test_the_models_hold_every_field_of_the_sdk_types():
    """Each modelled request has the SDK type's fields (the SDK's withdrawn ones aside), named alike."""
    for ours, name in (
        (CreateCloudRecordingRequest, "CreateCloudRecordingRequest"),
        (ModifyCloudRecordingRequest, "ModifyCloudRecordingRequest"),
        (StartMCUMixTranscodeRequest, "StartMCUMixTranscodeRequest"),
    ):
        theirs = {k.lstrip("_") for k in vars(getattr(models, name)())}
        assert set(ours.api_names()) == theirs, name
    for name in (
        "MixLayoutParams",
        "MixLayout",
        "WaterMarkChar",
        "RecordParams",
        "TencentVod",
        "EncodeParams",
        "LayoutParams",
        "PresetLayoutConfig",
    ):
        from layout_studio.model import legacy, recording, recording_layout

        ours = next(getattr(m, name) for m in (recording_layout, recording, legacy) if hasattr(m, name))
        assert set(ours.api_names()) == {k.lstrip("_") for k in vars(getattr(models, name)())}, name
