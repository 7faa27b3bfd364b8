"""Stream ingest request bodies (an online media file or stream played into a room by a robot user):
StartStreamIngest, UpdateStreamIngest, StopStreamIngest, DescribeStreamIngest.

Traps: RoomIdType is **0 string, 1 integer** (default integer), the reverse of the mixing APIs'; RepeatNum 0 is
invalid (-1 loops until stopped, then MaxDuration may end it); MaxDuration applies with RepeatNum -1 only; the
supported regions (ap-bangkok, ap-guangzhou, ap-jakarta, ap-mumbai, ap-singapore, ap-tokyo) are not the mixing
APIs'. Volume is 0..200 in the SDK (the API page says 0..100). UserSig and PrivateMapKey are secrets. The fields the
SDK marks as withdrawn (VideoEncodeParams, AudioEncodeParams, SourceUrl) are not modelled (kept as unknown keys).

Sources: API StartStreamIngest; SDK models.StartStreamIngestRequest, UpdateStreamIngestRequest,
StopStreamIngestRequest, DescribeStreamIngestRequest.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import StrictBool, StrictFloat

from ..sources import api, sdk
from .base import ApiModel
from .facts import FieldFacts, Int, Str
from .recording import RECORDING_ROOM_ID_TYPES

SdkAppId = Annotated[Int, FieldFacts("SDKAppID of the TRTC application of the room")]
TaskId = Annotated[Str, FieldFacts("The TaskId StartStreamIngest returned")]
StreamUrl = Annotated[
    Str, FieldFacts("URL of the media played into the room; video at most 1080p and 30 fps, of constant size")
]
Volume = Annotated[
    Int,
    FieldFacts(
        "Volume, 100 as the source (the SDK allows up to 200, the API page 100)",
        low=0,
        high=200,
        default=100,
        rule="ingest.volume-range",
        source=f"{sdk('StartStreamIngestRequest.Volume')} [0,200]; {api('StartStreamIngest')} says [0,100]",
    ),
]
EnableProgress = Annotated[
    StrictBool | None, FieldFacts("Whether playback progress is sent to the room as custom data (default false)")
]
Tempo = Annotated[
    StrictFloat | None,
    FieldFacts("Playback speed: 0.5, 0.75, 1.0 (default), 1.25, 1.5, 1.75 or 2.0"),
]


class StartStreamIngestRequest(ApiModel):
    """Body of StartStreamIngest. Required: SdkAppId, RoomId, RoomIdType, UserId, UserSig, StreamUrl."""

    sdk_app_id: SdkAppId = None
    room_id: Annotated[Str, FieldFacts("Room the media is played into (a string, also for integer rooms)")] = None
    room_id_type: Annotated[
        Int,
        FieldFacts(
            "Kind of room RoomId names (the reverse of the mixing APIs' RoomIdType)",
            values=RECORDING_ROOM_ID_TYPES,
            labels={0: "string", 1: "int"},
            default=1,
            rule="ingest.room-id-type",
            source=f"{sdk('StartStreamIngestRequest.RoomIdType')}; {api('StartStreamIngest')}",
        ),
    ] = None
    user_id: Annotated[Str, FieldFacts("UserId of the robot that plays the media; unique in the room")] = None
    user_sig: Annotated[Str, FieldFacts("Signature of the robot's UserId: a secret, never stored in a preset")] = None
    stream_url: StreamUrl = None
    private_map_key: Annotated[
        Str, FieldFacts("Room permission ticket (advanced permission control): a secret, never stored in a preset")
    ] = None
    seek_second: Annotated[Int, FieldFacts("Where playback starts", unit="seconds")] = None
    auto_push: Annotated[
        StrictBool | None, FieldFacts("Whether the robot's stream is relayed to the CDN (enabled in the console)")
    ] = None
    repeat_num: Annotated[
        Int,
        FieldFacts(
            "How many times the media is played: -1 loops until stopped (or MaxDuration), 0 is invalid",
            low=-1,
            high=1000,
            default=1,
            rule="ingest.repeat-num-range",
            source=f"{sdk('StartStreamIngestRequest.RepeatNum')}; {api('StartStreamIngest')}",
        ),
    ] = None
    max_duration: Annotated[
        Int,
        FieldFacts(
            "With RepeatNum -1 only: how long the loop plays",
            unit="minutes",
            low=1,
            high=10080,
            rule="ingest.max-duration-range",
            source=f"{sdk('StartStreamIngestRequest.MaxDuration')}; {api('StartStreamIngest')}",
        ),
    ] = None
    volume: Volume = None
    enable_progress: EnableProgress = None
    tempo: Tempo = None
    idle_timeout: Annotated[
        Int,
        FieldFacts(
            "How long an idle task lives before it ends (absent: decided by the service)",
            unit="seconds",
            low=0,
            high=600,
            rule="ingest.idle-timeout-range",
            source="SDK models.StartStreamIngestRequest.IdleTimeout (not on the API page)",
        ),
    ] = None


class UpdateStreamIngestRequest(ApiModel):
    """Body of UpdateStreamIngest. Required: SdkAppId, TaskId."""

    sdk_app_id: SdkAppId = None
    task_id: TaskId = None
    stream_url: StreamUrl = None
    volume: Volume = None
    is_pause: Annotated[
        StrictBool | None,
        FieldFacts("Whether playback is paused (a paused task is still billed and ends after 12 hours)"),
    ] = None
    enable_progress: EnableProgress = None
    tempo: Tempo = None


class StopStreamIngestRequest(ApiModel):
    """Body of StopStreamIngest. Required: SdkAppId, TaskId."""

    sdk_app_id: SdkAppId = None
    task_id: TaskId = None


class DescribeStreamIngestRequest(ApiModel):
    """Body of DescribeStreamIngest. Required: SdkAppId, TaskId."""

    sdk_app_id: SdkAppId = None
    task_id: TaskId = None
