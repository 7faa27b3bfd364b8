"""Stream ingest request bodies (an online media file or stream played into a room by a robot user):
StartStreamIngest, UpdateStreamIngest, StopStreamIngest, DescribeStreamIngest.

Traps: RoomIdType is **0 string, 1 integer** (default integer), the reverse of the mixing APIs'; RepeatNum 0 is
invalid (-1 loops until stopped, then MaxDuration may end it); MaxDuration applies with RepeatNum -1 only; the
supported regions (ap-bangkok, ap-guangzhou, ap-jakarta, ap-mumbai, ap-singapore, ap-tokyo) are not the mixing
APIs'. Volume is 0..200 in the SDK (the API page says 0..100). UserSig and PrivateMapKey are secrets. The fields the
SDK marks as withdrawn (VideoEncodeParams, AudioEncodeParams, SourceUrl) are not modelled (kept as unknown keys).

:class:`IngestSource` is not an API type: it is one entry of a preset's ``Target.IngestSources``, a media source
played into the mix's room by its own robot user (the fields of StartStreamIngest that describe the source; the
room is the Target's, and the UserSig is given when it is started, never stored). The cross-field rules of these
bodies (RepeatNum 0, MaxDuration without RepeatNum -1, the reversed RoomIdType, ...) are in
:mod:`layout_studio.rules.ingest`.

Sources: API StartStreamIngest; SDK models.StartStreamIngestRequest, UpdateStreamIngestRequest,
StopStreamIngestRequest, DescribeStreamIngestRequest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import unquote, urlsplit

from pydantic import StrictBool, StrictFloat

from ..sources import api, sdk
from .base import ApiModel
from .facts import FieldFacts, Int, Str
from .recording import RECORDING_ROOM_ID_TYPES

#: Files the studio can preview in place of an ingest source's stream (Pillow reads them).
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp")


def local_file(url: str) -> Path | None:
    """The local file ``url`` names — a ``file://`` URL, or text without a URL scheme (a path; ``~`` expanded) —
    else None (a URL of the network)."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() == "file":
        return Path(unquote(parts.path))
    if len(parts.scheme) > 1:  # a URL; "C:\\media\\a.png" has a one-letter "scheme"
        return None
    return Path(text).expanduser() if text else None


SdkAppId = Annotated[Int, FieldFacts("SDKAppID of the TRTC application of the room")]
TaskId = Annotated[Str, FieldFacts("The TaskId StartStreamIngest returned")]
StreamUrl = Annotated[
    Str, FieldFacts("URL of the media played into the room; video at most 1080p and 30 fps, of constant size")
]
_START = "StartStreamIngestRequest"


def _start_src(field: str) -> str:
    """``SDK models.StartStreamIngestRequest.<field>; API StartStreamIngest``."""
    return f"{sdk(f'{_START}.{field}')}; {api('StartStreamIngest')}"


SeekSecond = Annotated[Int, FieldFacts("Where playback starts", unit="seconds", source=_start_src("SeekSecond"))]
AutoPush = Annotated[
    StrictBool | None,
    FieldFacts(
        "Whether the robot's stream is relayed to the CDN (enabled in the console)", source=_start_src("AutoPush")
    ),
]
RepeatNum = Annotated[
    Int,
    FieldFacts(
        "How many times the media is played: -1 loops until stopped (or MaxDuration), 0 is invalid",
        low=-1,
        high=1000,
        default=1,
        rule="ingest.repeat-num-range",
        source=f"{sdk('StartStreamIngestRequest.RepeatNum')}; {api('StartStreamIngest')}",
    ),
]
MaxDuration = Annotated[
    Int,
    FieldFacts(
        "With RepeatNum -1 only: how long the loop plays",
        unit="minutes",
        low=1,
        high=10080,
        rule="ingest.max-duration-range",
        source=f"{sdk('StartStreamIngestRequest.MaxDuration')}; {api('StartStreamIngest')}",
    ),
]
IdleTimeout = Annotated[
    Int,
    FieldFacts(
        "How long an idle task lives before it ends (absent: decided by the service)",
        unit="seconds",
        low=0,
        high=600,
        rule="ingest.idle-timeout-range",
        source="SDK models.StartStreamIngestRequest.IdleTimeout (not on the API page)",
    ),
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
    repeat_num: RepeatNum = None
    max_duration: MaxDuration = None
    volume: Volume = None
    enable_progress: EnableProgress = None
    tempo: Tempo = None
    idle_timeout: IdleTimeout = None


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


class IngestSource(ApiModel):
    """One media source a preset's Target plays into the mix's room before the mix starts (``Target.IngestSources``;
    ``layout-studio start PRESET --with-ingest``): its robot user, its URL and how it plays. The room is the
    Target's (RoomId, RoomIdType); the UserSig is given or generated when it is started and never stored. A region
    whose UserId is this robot's shows the source."""

    user_id: Annotated[
        Str,
        FieldFacts(
            "UserId of the robot that plays the media into the room; a region showing this UserId shows the source",
            source=_start_src("UserId"),
            required=True,
        ),
    ] = None
    user_sig: Annotated[
        Str,
        FieldFacts(
            "Signature of the robot's UserId: a secret, never stored in a preset (given or generated at start)",
            source=_start_src("UserSig"),
        ),
    ] = None
    stream_url: Annotated[
        Str,
        FieldFacts(
            "URL of the online media file or stream played into the room; video at most 1080p and 30 fps, of "
            "constant size",
            source=_start_src("StreamUrl"),
            required=True,
        ),
    ] = None
    seek_second: SeekSecond = None
    auto_push: AutoPush = None
    repeat_num: RepeatNum = None
    max_duration: MaxDuration = None
    volume: Volume = None
    enable_progress: Annotated[
        StrictBool | None,
        FieldFacts(
            "Whether playback progress is sent to the room as custom data (default false)",
            source=_start_src("EnableProgress"),
        ),
    ] = None
    tempo: Annotated[
        StrictFloat | None,
        FieldFacts("Playback speed: 0.5, 0.75, 1.0 (default), 1.25, 1.5, 1.75 or 2.0", source=_start_src("Tempo")),
    ] = None
    idle_timeout: IdleTimeout = None

    def preview_image(self, base: Path | None = None) -> Path | None:
        """The local image file StreamUrl names (:data:`IMAGE_SUFFIXES`; a relative path taken from ``base``, the
        preset file's folder), which the studio shows in the regions of this source's UserId; None for a URL of
        the network or another kind of file (Layout Studio assumption: a source's stream is previewed only from a
        local picture)."""
        found = local_file(self.stream_url) if self.stream_url else None
        if found is None or found.suffix.lower() not in IMAGE_SUFFIXES:
            return None
        return found if found.is_absolute() or base is None else base / found
