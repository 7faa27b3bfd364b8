"""The model mirrors the official SDK's field list and round-trips every reference example exactly."""

from __future__ import annotations

import json
import re

import pytest
from pydantic import ValidationError

import layout_studio.model as m
from tests.conftest import REFERENCE_FILES

sdk_models = pytest.importorskip("tencentcloud.trtc.v20190722.models")

API_CLASSES = [
    getattr(m, n)
    for n in m.__all__
    if isinstance(getattr(m, n), type) and issubclass(getattr(m, n), m.ApiModel) and hasattr(sdk_models, n)
]


def test_every_issue_type_is_modelled():
    names = {c.__name__ for c in API_CLASSES}
    for required in (
        "AgentParams",
        "McuAudioParams",
        "AudioEncode",
        "McuUserInfoParams",
        "MixUserInfo",
        "McuVideoParams",
        "VideoEncode",
        "McuLayoutParams",
        "McuLayout",
        "McuCustomCrop",
        "McuBackgroundCustomRender",
        "UserMediaStream",
        "MaxVideoUser",
        "McuWaterMarkParams",
        "McuWaterMarkImage",
        "McuWaterMarkText",
        "McuSeiParams",
        "McuLayoutVolume",
        "McuPassThrough",
        "McuPublishCdnParam",
        "McuFeedBackRoomParams",
        "SingleSubscribeParams",
        "McuRecordParams",
        "StartPublishCdnStreamRequest",
        "UpdatePublishCdnStreamRequest",
    ):
        assert required in names


@pytest.mark.parametrize("cls", API_CLASSES, ids=lambda c: c.__name__)
def test_fields_match_the_sdk(cls):
    sdk_fields = set(re.findall(r":type (\w+):", getattr(sdk_models, cls.__name__).__init__.__doc__))
    assert set(cls.api_names()) == sdk_fields


@pytest.mark.parametrize("path", REFERENCE_FILES, ids=lambda p: p.stem)
def test_reference_examples_round_trip_exactly(path):
    body = json.loads(path.read_text())
    cls = m.UpdatePublishCdnStreamRequest if "TaskId" in body else m.StartPublishCdnStreamRequest
    dumped = cls.model_validate(body).to_api()
    assert dumped == body
    assert json.dumps(dumped, sort_keys=True) == json.dumps(body, sort_keys=True)


def test_integers_stay_integers_and_strings_stay_strings():
    with pytest.raises(ValidationError):
        m.McuLayout.model_validate({"LocationX": 1.0})
    with pytest.raises(ValidationError):
        m.McuLayout.model_validate({"ZOrder": True})
    with pytest.raises(ValidationError):
        m.MixUserInfo.model_validate({"RoomId": 295066})


def test_unknown_keys_are_kept_not_dropped():
    region = m.McuLayout.model_validate({"LocationZ": 3, "ImageWidth": 10})
    assert region.model_extra == {"LocationZ": 3}
    assert region.to_api() == {"LocationZ": 3, "ImageWidth": 10}


def test_documented_defaults():
    region = m.McuLayout()
    assert region.eff("render_mode") == 0
    assert region.eff("background_render_mode") == 3
    assert region.box == (0, 0, 0, 0)
    assert m.McuVideoParams().eff("background_render_mode") == 2


def test_tests_cannot_reach_hosts_other_than_loopback():
    import socket

    with pytest.raises(socket.gaierror):
        socket.create_connection(("trtc.tencentcloudapi.com", 443), timeout=1)
    assert socket.getaddrinfo("127.0.0.1", 80)
