"""The preset: a reusable mix design in the API's own shape, plus an optional Target tying it to a task.

File format ``layout-studio/preset@1``::

    {"$schema": "...", "Format": "layout-studio/preset@1", "Name": "...", "Description": "...",
     "VideoParams": {McuVideoParams}, "AudioParams": {McuAudioParams}, "SeiParams": {McuSeiParams},
     "Target": {"Region", "SdkAppId", "RoomId", "RoomIdType", "AgentParams", "WithTranscoding",
                "PublishCdnParams", "FeedBackRoomParams", "SingleSubscribeParams", "RecordParams",
                "IngestSources", "StorageParams"}}

Sections share the request's names, so a finding path such as ``VideoParams.LayoutParams.MixLayoutList[1]`` reads
the same in a preset and in a request; Target fields are reported at their request path (``AgentParams.UserId``)
and share the request fields' facts. Two Target fields are not StartPublishCdnStream fields
(:data:`TARGET_ONLY`): ``IngestSources``, media sources played into the room before the mix starts
(:class:`~layout_studio.model.ingest.IngestSource`, StartStreamIngest), and ``StorageParams``, where a cloud
recording of the design puts its files (``layout-studio record start``; the recording's
:class:`~layout_studio.model.recording.StorageParams`). Secrets (UserSig, CloudStorage.SecretKey) are never stored:
:mod:`layout_studio.presets` strips them on save.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import ApiModel
from .facts import FieldFacts, Str
from .ingest import IngestSource
from .recording import StorageParams
from .task import (
    Agent,
    AudioParams,
    FeedBackRoomParams,
    PublishCdnParams,
    RecordParams,
    RoomId,
    RoomIdType,
    SdkAppId,
    SeiParams,
    SingleSubscribe,
    VideoParams,
    WithTranscoding,
)

PRESET_FORMAT: Literal["layout-studio/preset@1"] = "layout-studio/preset@1"
_FORMAT = "Layout Studio assumption (the preset format)"
#: Target fields (API names) that are no StartPublishCdnStream body field: Region is a request header, the others
#: belong to other APIs (StartStreamIngest, CreateCloudRecording).
TARGET_ONLY = ("Region", "IngestSources", "StorageParams")


class Target(ApiModel):
    """What ties a design to a task: the API region (a request header) and StartPublishCdnStream body fields."""

    region: Annotated[
        Str,
        FieldFacts(
            "API region, sent as a request header: ap-guangzhou, ap-hongkong or ap-singapore",
            source="API StartPublishCdnStream (Region)",
        ),
    ] = None
    sdk_app_id: SdkAppId = None
    room_id: RoomId = None
    room_id_type: RoomIdType = None
    agent_params: Agent = None
    with_transcoding: WithTranscoding = None
    publish_cdn_params: PublishCdnParams = None
    feed_back_room_params: FeedBackRoomParams = None
    single_subscribe_params: SingleSubscribe = None
    record_params: RecordParams = None
    ingest_sources: Annotated[
        list[IngestSource] | None,
        FieldFacts(
            "Media played into the room by robot users before the mix starts (StartStreamIngest; `start "
            "--with-ingest`); UserSig is never stored in a preset",
            source=f"{_FORMAT}; API StartStreamIngest",
        ),
    ] = None
    storage_params: Annotated[
        StorageParams | None,
        FieldFacts(
            "Where a cloud recording of the design puts its files (`record start`); CloudStorage.SecretKey is "
            "never stored in a preset",
            source=f"{_FORMAT}; API CreateCloudRecording",
        ),
    ] = None


class Preset(ApiModel):
    """A mix design (see the module docstring for the file format)."""

    schema_: Annotated[Str, FieldFacts("The JSON Schema of this file (for editors)", source=_FORMAT)] = Field(
        default=None, alias="$schema"
    )
    format: Annotated[
        Literal["layout-studio/preset@1"],
        FieldFacts("File format and version; always layout-studio/preset@1", source=_FORMAT),
    ] = Field(default=PRESET_FORMAT, alias="Format")
    name: Annotated[Str, FieldFacts("Short name of the design, shown in lists", source=_FORMAT)] = None
    description: Annotated[Str, FieldFacts("What the design is for", source=_FORMAT)] = None
    video_params: VideoParams = None
    audio_params: AudioParams = None
    sei_params: SeiParams = None
    target: Annotated[
        Target | None,
        FieldFacts("Optional: what ties the design to a task (never secrets such as UserSig)", source=_FORMAT),
    ] = None

    def ingest_source(self, user_id: str | None) -> IngestSource | None:
        """The ingest source of the Target whose robot is ``user_id`` (a region showing that UserId shows the
        source), or None."""
        sources = (self.target.ingest_sources if self.target is not None else None) or []
        return next((s for s in sources if user_id is not None and s.user_id == user_id), None)

    @property
    def canvas(self) -> tuple[int, int] | None:
        """(width, height) of the design's canvas in pixels, or None when it has no complete VideoEncode."""
        return self.video_params.canvas if self.video_params else None
