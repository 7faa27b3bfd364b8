"""The TRTC cloud-mixing data model: one pydantic class per API data type, named as the API names it.

See :mod:`layout_studio.model.base` for the conventions (API aliases, strict types, unknown keys kept) and
:mod:`layout_studio.model.facts` for the documented facts every field carries (description, unit, allowed values or
range, default, source), from which the JSON Schema, the single-field rules and the studio's hints are derived.

The types of the other surfaces a design is exported to are in modules of their own, imported by name and not
listed here (their enums and ranges are checked by the export's target packs, :mod:`layout_studio.export.pack`, not
by the mixing validator): :mod:`.recording` and :mod:`.recording_layout` (cloud recording), :mod:`.ingest` (stream
ingest), :mod:`.legacy` (StartMCUMixTranscode), :mod:`.client` and :mod:`.cdn_streaming` (the client SDKs).
"""

from .audio import AudioEncode, McuAudioParams, McuUserInfoParams
from .base import ApiModel, field_at, field_facts, iter_models, join_path, model_types, nested_model
from .facts import FieldFacts
from .layout import (
    MaxVideoUser,
    McuBackgroundCustomRender,
    McuCustomCrop,
    McuLayout,
    McuLayoutParams,
    MixUserInfo,
    UserMediaStream,
)
from .preset import PRESET_FORMAT, TARGET_ONLY, Preset, Target
from .record import CloudStorage, McuCloudVod, McuRecordParams, McuStorageParams, McuTencentVod
from .sei import McuLayoutVolume, McuPassThrough, McuSeiParams
from .task import (
    AgentParams,
    McuFeedBackRoomParams,
    McuPublishCdnParam,
    SingleSubscribeParams,
    StartPublishCdnStreamRequest,
    StopPublishCdnStreamRequest,
    UpdatePublishCdnStreamRequest,
)
from .video import McuVideoParams, McuWaterMarkImage, McuWaterMarkParams, McuWaterMarkText, VideoEncode

__all__ = [
    "AgentParams",
    "ApiModel",
    "AudioEncode",
    "CloudStorage",
    "FieldFacts",
    "MaxVideoUser",
    "McuAudioParams",
    "McuBackgroundCustomRender",
    "McuCloudVod",
    "McuCustomCrop",
    "McuFeedBackRoomParams",
    "McuLayout",
    "McuLayoutParams",
    "McuLayoutVolume",
    "McuPassThrough",
    "McuPublishCdnParam",
    "McuRecordParams",
    "McuSeiParams",
    "McuStorageParams",
    "McuTencentVod",
    "McuUserInfoParams",
    "McuVideoParams",
    "McuWaterMarkImage",
    "McuWaterMarkParams",
    "McuWaterMarkText",
    "MixUserInfo",
    "PRESET_FORMAT",
    "Preset",
    "SingleSubscribeParams",
    "StartPublishCdnStreamRequest",
    "StopPublishCdnStreamRequest",
    "TARGET_ONLY",
    "Target",
    "UpdatePublishCdnStreamRequest",
    "UserMediaStream",
    "VideoEncode",
    "field_at",
    "field_facts",
    "iter_models",
    "join_path",
    "model_types",
    "nested_model",
]
