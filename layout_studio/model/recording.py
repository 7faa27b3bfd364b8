"""Cloud recording request bodies and their parts: CreateCloudRecording, ModifyCloudRecording,
DescribeCloudRecording, DeleteCloudRecording; RecordParams, SubscribeStreamUserIds, MixTranscodeParams (VideoParams,
AudioParams) and StorageParams (CloudStorage, CloudVod, TencentVod).

The traps against the mixing APIs: RoomIdType is **0 string, 1 integer** (default integer), the reverse of
StartPublishCdnStream's; bit rates are in **bps**, not kbps; SampleRate is an **enum** (1 48000 Hz, 2 44100 Hz,
3 16000 Hz), not Hz. The layout types are in :mod:`.recording_layout`; CloudStorage is the same type as the relay
recording's (:class:`~layout_studio.model.record.CloudStorage`). UserSig and CloudStorage.SecretKey are secrets; so
is PrivateMapKey (a room permission ticket): never stored in a preset.

Sources: API CreateCloudRecording; SDK models.CreateCloudRecordingRequest, ModifyCloudRecordingRequest,
DescribeCloudRecordingRequest, DeleteCloudRecordingRequest, RecordParams, SubscribeStreamUserIds,
MixTranscodeParams, VideoParams, AudioParams, StorageParams, CloudVod, TencentVod; Data Types of the same names.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import StrictStr

from ..sources import api, data_type, sdk
from .base import ApiModel
from .facts import FieldFacts, Int, Str
from .record import CloudStorage
from .recording_layout import MixLayoutParams

#: RoomIdType of cloud recording and stream ingest: the reverse of the mixing APIs' (0 integer, 1 string).
RECORDING_ROOM_ID_TYPES = {0: "string room", 1: "integer room (default)"}


def _src(field: str) -> str:
    """``SDK models.<Type.Field>; Data Types <Type>``."""
    return f"{sdk(field)}; {data_type(field.split('.')[0])}"


class VideoParams(ApiModel):
    """Video encoding of a mixed recording; when given, all five fields are required (they have no defaults
    then)."""

    width: Annotated[
        Int,
        FieldFacts(
            "Video width; Width x Height at most 1920 x 1080",
            unit="pixels",
            high=1920,
            default=360,
            rule="recording.video.width-range",
            source=_src("VideoParams.Width"),
        ),
    ] = None
    height: Annotated[
        Int,
        FieldFacts(
            "Video height; Width x Height at most 1920 x 1080",
            unit="pixels",
            high=1920,
            default=640,
            rule="recording.video.height-range",
            source=_src("VideoParams.Height"),
        ),
    ] = None
    fps: Annotated[
        Int,
        FieldFacts(
            "Frame rate",
            unit="fps",
            low=1,
            high=60,
            default=15,
            rule="recording.video.fps-range",
            source=_src("VideoParams.Fps"),
        ),
    ] = None
    bit_rate: Annotated[
        Int,
        FieldFacts(
            "Video bit rate (bps, where the mixing APIs take kbps)",
            unit="bps",
            low=64000,
            high=8192000,
            default=550000,
            rule="recording.video.bitrate-range",
            source=_src("VideoParams.BitRate"),
        ),
    ] = None
    gop: Annotated[Int, FieldFacts("Key-frame interval", unit="seconds", default=10)] = None


class AudioParams(ApiModel):
    """Audio encoding of a mixed recording; when given, all three fields are required."""

    sample_rate: Annotated[
        Int,
        FieldFacts(
            "Sample rate as an enum (not Hz)",
            values={1: "48000 Hz (default)", 2: "44100 Hz", 3: "16000 Hz"},
            labels={1: "48 kHz", 2: "44.1 kHz", 3: "16 kHz"},
            default=1,
            rule="recording.audio.sample-rate",
            source=_src("AudioParams.SampleRate"),
        ),
    ] = None
    channel: Annotated[
        Int,
        FieldFacts(
            "Channels",
            values={1: "mono", 2: "stereo (default)"},
            labels={},
            default=2,
            rule="recording.audio.channel",
            source=_src("AudioParams.Channel"),
        ),
    ] = None
    bit_rate: Annotated[
        Int,
        FieldFacts(
            "Audio bit rate (bps, where the mixing APIs take kbps)",
            unit="bps",
            low=32000,
            high=128000,
            default=64000,
            rule="recording.audio.bitrate-range",
            source=_src("AudioParams.BitRate"),
        ),
    ] = None


class MixTranscodeParams(ApiModel):
    """Encoding of a mixed recording (absent parts: the service's defaults)."""

    video_params: Annotated[VideoParams | None, FieldFacts("Video encoding (all five fields, or none)")] = None
    audio_params: Annotated[AudioParams | None, FieldFacts("Audio encoding (all three fields, or none)")] = None


class SubscribeStreamUserIds(ApiModel):
    """Who is recorded: an allowlist or a blocklist (not both) for audio, and for video; UserIds ending ``.*$``
    match by prefix."""

    subscribe_audio_user_ids: Annotated[
        list[StrictStr] | None, FieldFacts("Audio allowlist: only these users are heard; at most 32")
    ] = None
    un_subscribe_audio_user_ids: Annotated[
        list[StrictStr] | None, FieldFacts("Audio blocklist: these users are not heard; at most 32")
    ] = None
    subscribe_video_user_ids: Annotated[
        list[StrictStr] | None, FieldFacts("Video allowlist: only these users are seen; at most 32")
    ] = None
    un_subscribe_video_user_ids: Annotated[
        list[StrictStr] | None, FieldFacts("Video blocklist: these users are not seen; at most 32")
    ] = None


class RecordParams(ApiModel):
    """How the room is recorded: single streams (RecordMode 1) or one mixed stream (2)."""

    record_mode: Annotated[
        Int,
        FieldFacts(
            "Recording mode (required)",
            values={1: "single-stream recording", 2: "mixed-stream recording"},
            labels={1: "single", 2: "mixed"},
            rule="recording.record-mode",
            source=_src("RecordParams.RecordMode"),
        ),
    ] = None
    max_idle_time: Annotated[
        Int,
        FieldFacts(
            "How long the recording goes on once no anchor is left",
            unit="seconds",
            low=5,
            high=86400,
            default=30,
            rule="recording.max-idle-time-range",
            source=_src("RecordParams.MaxIdleTime"),
        ),
    ] = None
    stream_type: Annotated[
        Int,
        FieldFacts(
            "What is recorded",
            values={0: "audio and video (default)", 1: "audio only", 2: "video only"},
            default=0,
            rule="recording.stream-type",
            source=_src("RecordParams.StreamType"),
        ),
    ] = None
    subscribe_stream_user_ids: Annotated[
        SubscribeStreamUserIds | None, FieldFacts("Allowlists or blocklists of the users recorded")
    ] = None
    output_format: Annotated[
        Int,
        FieldFacts(
            "File format for COS or third-party storage (not VOD)",
            values={0: "hls (default)", 1: "hls + mp4", 2: "hls + aac", 3: "mp4", 4: "aac"},
            default=0,
            rule="recording.output-format",
            source=_src("RecordParams.OutputFormat"),
        ),
    ] = None
    av_merge: Annotated[
        Int,
        FieldFacts(
            "Single-stream recording only: whether a user's audio and video go in one file",
            values={0: "separate files (default)", 1: "one file"},
            default=0,
            rule="recording.av-merge",
            source=_src("RecordParams.AvMerge"),
        ),
    ] = None
    max_media_file_duration: Annotated[
        Int,
        FieldFacts(
            "Length of each mp4 or aac file",
            unit="minutes",
            low=1,
            high=1440,
            default=1440,
            rule="recording.max-file-duration-range",
            source=_src("RecordParams.MaxMediaFileDuration"),
        ),
    ] = None
    media_id: Annotated[
        Int,
        FieldFacts(
            "Which streams are recorded",
            values={0: "main and substream (default)", 1: "main stream", 2: "substream"},
            default=0,
            rule="recording.record-media-id",
            source=_src("RecordParams.MediaId"),
        ),
    ] = None
    fill_type: Annotated[
        Int,
        FieldFacts(
            "What fills the video while a user's video stops",
            values={0: "the last frame", 1: "black frames"},
            rule="recording.fill-type",
            source="SDK models.RecordParams.FillType (not on the Data Types page)",
        ),
    ] = None
    subscribe_ability: Annotated[
        Int,
        FieldFacts(
            "Whether the recording subscribes to mix robots publishing back into the room",
            values={0: "no (default)", 1: "yes"},
            default=0,
            rule="recording.subscribe-ability",
            source="SDK models.RecordParams.SubscribeAbility (not on the Data Types page)",
        ),
    ] = None


class TencentVod(ApiModel):
    """Tencent Cloud VOD upload options of a recording."""

    procedure: Annotated[Str, FieldFacts("Task flow template run after upload")] = None
    expire_time: Annotated[
        Int, FieldFacts("How long the media is kept; 0 keeps it forever", unit="seconds", default=0)
    ] = None
    storage_region: Annotated[Str, FieldFacts("Upload region, when it matters")] = None
    class_id: Annotated[Int, FieldFacts("Media category id (0: other)", default=0)] = None
    sub_app_id: Annotated[Int, FieldFacts("VOD sub-application id")] = None
    session_context: Annotated[Str, FieldFacts("Passed through to the task-flow callback")] = None
    source_context: Annotated[Str, FieldFacts("Passed through to the upload callback")] = None
    media_type: Annotated[
        Int,
        FieldFacts(
            "Format of the files uploaded to VOD",
            values={0: "mp4 (default)", 1: "hls", 2: "aac (audio only)", 3: "hls + mp4", 4: "hls + aac (audio only)"},
            default=0,
            rule="recording.vod.media-type",
            source=_src("TencentVod.MediaType"),
        ),
    ] = None
    user_define_record_id: Annotated[Str, FieldFacts("File name prefix; at most 64 bytes of A-Z a-z 0-9 _ -")] = None


class CloudVod(ApiModel):
    """VOD storage of a recording."""

    tencent_vod: Annotated[TencentVod | None, FieldFacts("Tencent Cloud VOD upload options")] = None


class StorageParams(ApiModel):
    """Where the recording files go: CloudStorage or CloudVod (not both)."""

    cloud_storage: Annotated[
        CloudStorage | None, FieldFacts("Tencent COS or third-party storage (its SecretKey is a secret)")
    ] = None
    cloud_vod: Annotated[CloudVod | None, FieldFacts("Tencent Cloud VOD")] = None


SdkAppId = Annotated[Int, FieldFacts("SDKAppID of the TRTC application of the room")]
TaskId = Annotated[Str, FieldFacts("The TaskId CreateCloudRecording returned")]


class CreateCloudRecordingRequest(ApiModel):
    """Body of CreateCloudRecording (version 2019-07-22; Region is a request header: ap-beijing, ap-guangzhou,
    ap-shanghai or ap-singapore). Required: SdkAppId, RoomId, UserId, UserSig, RecordParams, StorageParams."""

    sdk_app_id: SdkAppId = None
    room_id: Annotated[Str, FieldFacts("Room recorded (a string, also for integer rooms)")] = None
    user_id: Annotated[
        Str, FieldFacts("UserId of the recording robot; unique in the room (not an anchor's, not another robot's)")
    ] = None
    user_sig: Annotated[Str, FieldFacts("Signature of the robot's UserId: a secret, never stored in a preset")] = None
    record_params: Annotated[RecordParams | None, FieldFacts("How the room is recorded")] = None
    storage_params: Annotated[StorageParams | None, FieldFacts("Where the files go (CloudStorage or CloudVod)")] = None
    room_id_type: Annotated[
        Int,
        FieldFacts(
            "Kind of room RoomId names (the reverse of the mixing APIs' RoomIdType)",
            values=RECORDING_ROOM_ID_TYPES,
            labels={0: "string", 1: "int"},
            default=1,
            rule="recording.room-id-type",
            source=f"{sdk('CreateCloudRecordingRequest.RoomIdType')}; {api('CreateCloudRecording')}",
        ),
    ] = None
    mix_transcode_params: Annotated[MixTranscodeParams | None, FieldFacts("Mixed recording only: the encoding")] = None
    mix_layout_params: Annotated[MixLayoutParams | None, FieldFacts("Mixed recording only: the layout")] = None
    resource_expired_hour: Annotated[
        Int,
        FieldFacts(
            "How long the task can be queried, modified and stopped after it starts",
            unit="hours",
            low=6,
            high=720,
            default=72,
            rule="recording.resource-expired-hour-range",
            source=f"{sdk('CreateCloudRecordingRequest.ResourceExpiredHour')}; {api('CreateCloudRecording')}",
        ),
    ] = None
    private_map_key: Annotated[
        Str, FieldFacts("Room permission ticket (advanced permission control): a secret, never stored in a preset")
    ] = None


class ModifyCloudRecordingRequest(ApiModel):
    """Body of ModifyCloudRecording: a new layout and who is recorded. Required: SdkAppId, TaskId."""

    sdk_app_id: SdkAppId = None
    task_id: TaskId = None
    mix_layout_params: Annotated[MixLayoutParams | None, FieldFacts("The new layout")] = None
    subscribe_stream_user_ids: Annotated[
        SubscribeStreamUserIds | None, FieldFacts("The new allowlists or blocklists")
    ] = None


class DescribeCloudRecordingRequest(ApiModel):
    """Body of DescribeCloudRecording. Required: SdkAppId, TaskId."""

    sdk_app_id: SdkAppId = None
    task_id: TaskId = None
    recorder_key: Annotated[Str, FieldFacts("Key of a relay recording (instead of TaskId)")] = None


class DeleteCloudRecordingRequest(ApiModel):
    """Body of DeleteCloudRecording (stops the recording). Required: SdkAppId, TaskId."""

    sdk_app_id: SdkAppId = None
    task_id: TaskId = None
