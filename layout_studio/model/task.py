"""Task types: the robot (AgentParams), destinations (CDN, feedback rooms), single-stream relay, and the request
bodies of StartPublishCdnStream, UpdatePublishCdnStream and StopPublishCdnStream.

Sources: API page ``000`` (StartPublishCdnStream), manual ``001`` (UpdatePublishCdnStream about line 3480,
StopPublishCdnStream, Data Types), SDK docstrings (RecordParams, the rtmp-only CDN URL).
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import StrictInt, StrictStr

from .audio import McuAudioParams
from .base import ApiModel
from .layout import UserMediaStream
from .record import McuRecordParams
from .sei import McuSeiParams
from .video import McuVideoParams


class AgentParams(ApiModel):
    """The robot the task puts in the room: UserId (unique in the room), UserSig (its signature, a secret),
    MaxIdleTime in seconds, 5..86400 (default 30): the task stops after all mixed users are gone that long."""

    api_defaults: ClassVar = {"max_idle_time": 30}
    user_id: StrictStr | None = None
    user_sig: StrictStr | None = None
    max_idle_time: StrictInt | None = None


class McuPublishCdnParam(ApiModel):
    """A CDN destination: PublishCdnUrl (rtmp only, per the SDK) and IsTencentCdn 0/1 (default 1).
    Any change of the URL on update cuts and restarts the stream."""

    api_defaults: ClassVar = {"is_tencent_cdn": 1}
    publish_cdn_url: StrictStr | None = None
    is_tencent_cdn: StrictInt | None = None


class McuFeedBackRoomParams(ApiModel):
    """A room the mix is published back into: RoomId, RoomIdType (0 integer, 1 string), UserId, UserSig (secret)."""

    room_id: StrictStr | None = None
    room_id_type: StrictInt | None = None
    user_id: StrictStr | None = None
    user_sig: StrictStr | None = None


class SingleSubscribeParams(ApiModel):
    """The one user stream relayed without transcoding (WithTranscoding 0)."""

    user_media_stream: UserMediaStream | None = None


class StartPublishCdnStreamRequest(ApiModel):
    """Body of StartPublishCdnStream (version 2019-07-22; Region is a request header, not part of the body).

    Required: SdkAppId, RoomId, RoomIdType, AgentParams, WithTranscoding, and at least one of PublishCdnParams
    (at most 10) and FeedBackRoomParams (at most 10). AudioParams is required to start a task.
    """

    sdk_app_id: StrictInt | None = None
    room_id: StrictStr | None = None
    room_id_type: StrictInt | None = None
    agent_params: AgentParams | None = None
    with_transcoding: StrictInt | None = None
    audio_params: McuAudioParams | None = None
    video_params: McuVideoParams | None = None
    single_subscribe_params: SingleSubscribeParams | None = None
    publish_cdn_params: list[McuPublishCdnParam] | None = None
    sei_params: McuSeiParams | None = None
    feed_back_room_params: list[McuFeedBackRoomParams] | None = None
    record_params: McuRecordParams | None = None


class UpdatePublishCdnStreamRequest(ApiModel):
    """Body of UpdatePublishCdnStream. Required: SdkAppId, TaskId, SequenceNumber (strictly increasing per task).

    Any absent section is left as it is. Audio encoding and the video codec cannot change.
    """

    sdk_app_id: StrictInt | None = None
    task_id: StrictStr | None = None
    sequence_number: StrictInt | None = None
    with_transcoding: StrictInt | None = None
    audio_params: McuAudioParams | None = None
    video_params: McuVideoParams | None = None
    single_subscribe_params: SingleSubscribeParams | None = None
    publish_cdn_params: list[McuPublishCdnParam] | None = None
    sei_params: McuSeiParams | None = None
    feed_back_room_params: list[McuFeedBackRoomParams] | None = None


class StopPublishCdnStreamRequest(ApiModel):
    """Body of StopPublishCdnStream: SdkAppId, TaskId, and optionally RecordKey to end that recording now."""

    sdk_app_id: StrictInt | None = None
    task_id: StrictStr | None = None
    record_key: StrictStr | None = None
