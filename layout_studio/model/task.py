"""Task types: the robot (AgentParams), destinations (CDN, feedback rooms), single-stream relay, and the request
bodies of StartPublishCdnStream, UpdatePublishCdnStream and StopPublishCdnStream.

Sources: API StartPublishCdnStream, API UpdatePublishCdnStream, API StopPublishCdnStream; Data Types AgentParams,
McuPublishCdnParam, McuFeedBackRoomParams, SingleSubscribeParams; SDK models (RecordParams, the rtmp-only CDN URL).
Each field's facts (unit, values, range, default, source) are in its metadata; the task fields a preset keeps in
its Target share theirs (:data:`SdkAppId`, :data:`RoomIdType`, :data:`WithTranscoding`, ...).
"""

from __future__ import annotations

from typing import Annotated

from .audio import McuAudioParams
from .base import ApiModel
from .facts import FieldFacts, Int, Str
from .layout import ROOM_ID_TYPES, UserMediaStream
from .record import McuRecordParams
from .sei import McuSeiParams
from .video import McuVideoParams


class AgentParams(ApiModel):
    """The robot the task puts in the room (its UserSig is a secret, never stored in a preset)."""

    user_id: Annotated[Str, FieldFacts("UserId of the robot; unique in the room", required=True)] = None
    user_sig: Annotated[Str, FieldFacts("Signature of the robot's UserId: a secret, never stored in a preset")] = None
    max_idle_time: Annotated[
        Int,
        FieldFacts(
            "How long the task goes on once no mixed user is left",
            unit="seconds",
            low=5,
            high=86400,
            default=30,
            rule="task.max-idle-time.range",
            source="SDK models.AgentParams.MaxIdleTime; Data Types AgentParams",
        ),
    ] = None


class McuPublishCdnParam(ApiModel):
    """A CDN destination."""

    publish_cdn_url: Annotated[
        Str, FieldFacts("rtmp:// push URL; any change on update cuts and restarts the stream", required=True)
    ] = None
    is_tencent_cdn: Annotated[
        Int,
        FieldFacts(
            "Whose CDN the URL is on; set it explicitly",
            values={0: "third-party CDN (billed)", 1: "Tencent CDN (default)"},
            default=1,
            rule="cdn.is-tencent-cdn",
            source="SDK models.McuPublishCdnParam.IsTencentCdn; Data Types McuPublishCdnParam",
        ),
    ] = None


class McuFeedBackRoomParams(ApiModel):
    """A room the mix is published back into (its UserSig is a secret, never stored in a preset)."""

    room_id: Annotated[Str, FieldFacts("Room the mix is published into", required=True)] = None
    room_id_type: Annotated[
        Int,
        FieldFacts(
            "Kind of room RoomId names",
            values=ROOM_ID_TYPES,
            labels={0: "int", 1: "string"},
            rule="feedback.room-id-type",
            source="SDK models.McuFeedBackRoomParams.RoomIdType; Data Types McuFeedBackRoomParams",
            required=True,
        ),
    ] = None
    user_id: Annotated[Str, FieldFacts("UserId that publishes the mix there; unique in the room", required=True)] = None
    user_sig: Annotated[
        Str, FieldFacts("Signature of that UserId: a secret, never stored in a preset", required=True)
    ] = None


class SingleSubscribeParams(ApiModel):
    """The one user stream relayed without transcoding (WithTranscoding 0)."""

    user_media_stream: Annotated[
        UserMediaStream | None, FieldFacts("The user stream relayed without transcoding", required=True)
    ] = None


# Fields of the start body that a preset keeps in its Target: one annotation each, shared.
SdkAppId = Annotated[Int, FieldFacts("SDKAppID of the TRTC application of the room")]
RoomId = Annotated[
    Str, FieldFacts("Main room: the TRTC room whose streams are mixed (a string, also for integer rooms)")
]
RoomIdType = Annotated[
    Int,
    FieldFacts(
        "Kind of room RoomId names; it must match the room",
        values=ROOM_ID_TYPES,
        labels={0: "int", 1: "string"},
        rule="task.room-id-type",
        source="SDK models.StartPublishCdnStreamRequest.RoomIdType; API StartPublishCdnStream",
    ),
]
Agent = Annotated[
    AgentParams | None,
    FieldFacts("The robot the task puts in the room (UserId, MaxIdleTime; UserSig is never stored in a preset)"),
]
WithTranscoding = Annotated[
    Int,
    FieldFacts(
        "Whether the task mixes (needed for any layout) or relays one user's stream as it is",
        values={0: "single-stream relay", 1: "mixing, transcoded"},
        rule="task.with-transcoding",
        source="SDK models.StartPublishCdnStreamRequest.WithTranscoding; API StartPublishCdnStream; "
        "API UpdatePublishCdnStream",
    ),
]
PublishCdnParams = Annotated[
    list[McuPublishCdnParam] | None,
    FieldFacts("CDN destinations (rtmp URLs), at most 10; this or FeedBackRoomParams is needed to start"),
]
FeedBackRoomParams = Annotated[
    list[McuFeedBackRoomParams] | None,
    FieldFacts("Rooms the mix is published back into, at most 10 (UserSig is never stored in a preset)"),
]
SingleSubscribe = Annotated[
    SingleSubscribeParams | None, FieldFacts("The one user stream relayed when WithTranscoding is 0")
]
RecordParams = Annotated[McuRecordParams | None, FieldFacts("Recording of the relayed stream (McuRecordParams)")]
VideoParams = Annotated[
    McuVideoParams | None,
    FieldFacts("Video of the mix: canvas (VideoEncode), layout, background, watermarks (McuVideoParams)"),
]
AudioParams = Annotated[
    McuAudioParams | None, FieldFacts("Audio of the mix: encoding and the allow/block lists (McuAudioParams)")
]
SeiParams = Annotated[
    McuSeiParams | None,
    FieldFacts("SEI inserted in the mixed stream: volume layout and pass-through (McuSeiParams)"),
]
TaskId = Annotated[Str, FieldFacts("The TaskId StartPublishCdnStream returned")]


class StartPublishCdnStreamRequest(ApiModel):
    """Body of StartPublishCdnStream (version 2019-07-22; Region is a request header, not part of the body).

    Required: SdkAppId, RoomId, RoomIdType, AgentParams, WithTranscoding, and at least one of PublishCdnParams
    (at most 10) and FeedBackRoomParams (at most 10). AudioParams is required to start a task.
    """

    sdk_app_id: SdkAppId = None
    room_id: RoomId = None
    room_id_type: RoomIdType = None
    agent_params: Agent = None
    with_transcoding: WithTranscoding = None
    audio_params: AudioParams = None
    video_params: VideoParams = None
    single_subscribe_params: SingleSubscribe = None
    publish_cdn_params: PublishCdnParams = None
    sei_params: SeiParams = None
    feed_back_room_params: FeedBackRoomParams = None
    record_params: RecordParams = None


class UpdatePublishCdnStreamRequest(ApiModel):
    """Body of UpdatePublishCdnStream. Required: SdkAppId, TaskId, SequenceNumber (strictly increasing per task).

    Any absent section is left as it is. Audio encoding and the video codec cannot change.
    """

    sdk_app_id: SdkAppId = None
    task_id: TaskId = None
    sequence_number: Annotated[
        Int, FieldFacts("Number of this update, larger than the task's previous one (strictly increasing)")
    ] = None
    with_transcoding: WithTranscoding = None
    audio_params: AudioParams = None
    video_params: VideoParams = None
    single_subscribe_params: SingleSubscribe = None
    publish_cdn_params: PublishCdnParams = None
    sei_params: SeiParams = None
    feed_back_room_params: FeedBackRoomParams = None


class StopPublishCdnStreamRequest(ApiModel):
    """Body of StopPublishCdnStream."""

    sdk_app_id: SdkAppId = None
    task_id: TaskId = None
    record_key: Annotated[Str, FieldFacts("RecordKey of a recording to end now")] = None
