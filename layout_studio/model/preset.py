"""The preset: a reusable mix design in the API's own shape, plus an optional Target tying it to a task.

File format ``layout-studio/preset@1``::

    {"$schema": "...", "Format": "layout-studio/preset@1", "Name": "...", "Description": "...",
     "VideoParams": {McuVideoParams}, "AudioParams": {McuAudioParams}, "SeiParams": {McuSeiParams},
     "Target": {"Region", "SdkAppId", "RoomId", "RoomIdType", "AgentParams", "WithTranscoding",
                "PublishCdnParams", "FeedBackRoomParams", "SingleSubscribeParams", "RecordParams"}}

Sections share the request's names, so a finding path such as ``VideoParams.LayoutParams.MixLayoutList[1]`` reads
the same in a preset and in a request; Target fields are reported at their request path (``AgentParams.UserId``).
Secrets (UserSig, CloudStorage.SecretKey) are never stored: :mod:`layout_studio.presets` strips them on save.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictInt, StrictStr

from .audio import McuAudioParams
from .base import ApiModel
from .record import McuRecordParams
from .sei import McuSeiParams
from .task import AgentParams, McuFeedBackRoomParams, McuPublishCdnParam, SingleSubscribeParams
from .video import McuVideoParams

PRESET_FORMAT = "layout-studio/preset@1"


class Target(ApiModel):
    """What ties a design to a task. Region is the API region (ap-guangzhou, ap-hongkong, ap-singapore), sent as a
    header; the rest are StartPublishCdnStream body fields."""

    region: StrictStr | None = None
    sdk_app_id: StrictInt | None = None
    room_id: StrictStr | None = None
    room_id_type: StrictInt | None = None
    agent_params: AgentParams | None = None
    with_transcoding: StrictInt | None = None
    publish_cdn_params: list[McuPublishCdnParam] | None = None
    feed_back_room_params: list[McuFeedBackRoomParams] | None = None
    single_subscribe_params: SingleSubscribeParams | None = None
    record_params: McuRecordParams | None = None


class Preset(ApiModel):
    """A mix design (see the module docstring for the file format)."""

    schema_: StrictStr | None = Field(default=None, alias="$schema")
    format: Literal["layout-studio/preset@1"] = Field(default=PRESET_FORMAT, alias="Format")
    name: StrictStr | None = None
    description: StrictStr | None = None
    video_params: McuVideoParams | None = None
    audio_params: McuAudioParams | None = None
    sei_params: McuSeiParams | None = None
    target: Target | None = None

    @property
    def canvas(self) -> tuple[int, int] | None:
        """(width, height) of the design's canvas in pixels, or None when it has no complete VideoEncode."""
        return self.video_params.canvas if self.video_params else None
