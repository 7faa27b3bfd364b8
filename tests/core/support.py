"""Helpers shared by the core-io tests: target options for bundled presets, secrets passed back, the SDK oracle."""

from __future__ import annotations

import json
import re
import warnings
from typing import Any

from layout_studio.payload import drop_none

#: Target options that make any bundled preset a complete StartPublishCdnStream body.
START_TARGET: dict[str, Any] = {
    "sdk_app_id": 1400000001,
    "room_id": "10001",
    "room_id_type": 0,
    "agent_params": {"UserId": "mcu_robot_10001"},
    "user_sig": "test-agent-usersig",
    "publish_cdn_params": [{"PublishCdnUrl": "rtmp://push.example.com/live/room10001", "IsTencentCdn": 1}],
}
UPDATE_TARGET: dict[str, Any] = {"sdk_app_id": 1400000001, "task_id": "task-abc", "sequence_number": 7}


def passback(body: dict[str, Any], stripped: list[str]) -> dict[str, Any]:
    """build_request keyword arguments that give back what import stripped from ``body`` (by stripped path), plus
    the TaskId and SequenceNumber of an update body."""
    kwargs: dict[str, Any] = {}
    if "TaskId" in body:
        kwargs.update(task_id=body["TaskId"], sequence_number=body["SequenceNumber"])
    for path in stripped:
        if path == "AgentParams.UserSig":
            kwargs["user_sig"] = body["AgentParams"]["UserSig"]
        elif m := re.fullmatch(r"FeedBackRoomParams\[(\d+)\]\.UserSig", path):
            sigs = kwargs.setdefault("feedback_user_sig", [None] * len(body["FeedBackRoomParams"]))
            sigs[int(m.group(1))] = body["FeedBackRoomParams"][int(m.group(1))]["UserSig"]
        elif re.fullmatch(r"PublishCdnParams\[\d+\]\.PublishCdnUrl \(txSecret\)", path):
            kwargs["publish_cdn_params"] = body["PublishCdnParams"]
        else:
            raise AssertionError(f"unexpected stripped path {path}")
    return kwargs


def sdk_round_trip(body: dict[str, Any], action: str) -> dict[str, Any]:
    """Deserialise ``body`` into the official SDK's request class (an unknown field fails: the SDK's "fileds are
    useless" warning is turned into an error) and serialise it back (nulls dropped)."""
    from tencentcloud.trtc.v20190722 import models

    cls = models.StartPublishCdnStreamRequest if action == "start" else models.UpdatePublishCdnStreamRequest
    request = cls()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        request._deserialize(json.loads(json.dumps(body)))
    return drop_none(json.loads(request.to_json_string()))
