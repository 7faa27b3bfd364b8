"""The TRTC cloud-mixing data model: one pydantic class per API data type, named as the API names it.

See :mod:`layout_studio.model.base` for the conventions (API aliases, strict types, unknown keys kept).
"""

from .audio import AudioEncode, McuAudioParams, McuUserInfoParams
from .base import ApiModel, iter_models, join_path
from .layout import (
    MaxVideoUser,
    McuBackgroundCustomRender,
    McuCustomCrop,
    McuLayout,
    McuLayoutParams,
    MixUserInfo,
    UserMediaStream,
)
from .preset import PRESET_FORMAT, Preset, Target
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
    "Target",
    "UpdatePublishCdnStreamRequest",
    "UserMediaStream",
    "VideoEncode",
    "iter_models",
    "join_path",
]
