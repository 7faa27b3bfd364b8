"""Relay recording types: McuRecordParams and its storage (McuStorageParams, CloudStorage, McuCloudVod, McuTencentVod).

Source: SDK docstrings (``McuRecordParams`` and friends; the manual's API page 000 shows RecordParams only as an
example value). CloudStorage.SecretKey is a secret: it is stripped from presets and masked in output.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import StrictInt, StrictStr

from .base import ApiModel


class CloudStorage(ApiModel):
    """Third-party storage: Vendor 0 COS, 1 AWS; Region; Bucket; AccessKey; SecretKey (secret); FileNamePrefix."""

    vendor: StrictInt | None = None
    region: StrictStr | None = None
    bucket: StrictStr | None = None
    access_key: StrictStr | None = None
    secret_key: StrictStr | None = None
    file_name_prefix: list[StrictStr] | None = None


class McuTencentVod(ApiModel):
    """Tencent VOD upload options; ExpireTime in seconds (0 keeps forever)."""

    procedure: StrictStr | None = None
    expire_time: StrictInt | None = None
    storage_region: StrictStr | None = None
    class_id: StrictInt | None = None
    sub_app_id: StrictInt | None = None
    session_context: StrictStr | None = None
    source_context: StrictStr | None = None


class McuCloudVod(ApiModel):
    """VOD storage: McuTencentVod."""

    mcu_tencent_vod: McuTencentVod | None = None


class McuStorageParams(ApiModel):
    """Where recordings go: CloudStorage or McuCloudVod (exactly one)."""

    cloud_storage: CloudStorage | None = None
    mcu_cloud_vod: McuCloudVod | None = None


class McuRecordParams(ApiModel):
    """Recording of the relayed stream.

    UniRecord: 1 off, 2 console template, 3 these parameters (0/absent undefined). RecordKey: at most 128 bytes of
    ``[A-Za-z0-9_-]``. RecordWaitTime 5..86400 seconds (default 30). RecordFormat: "hls", "mp4", "aac" (mp4 and aac
    not together). MaxMediaFileDuration 1..1440 minutes. StreamType 0 audio+video, 1 audio, 2 video.
    UserDefineRecordPrefix: at most 64 bytes of ``[A-Za-z0-9_-]``.
    """

    api_defaults: ClassVar = {"record_wait_time": 30, "max_media_file_duration": 1440}
    uni_record: StrictInt | None = None
    record_key: StrictStr | None = None
    record_wait_time: StrictInt | None = None
    record_format: list[StrictStr] | None = None
    max_media_file_duration: StrictInt | None = None
    stream_type: StrictInt | None = None
    user_define_record_prefix: StrictStr | None = None
    mcu_storage_params: McuStorageParams | None = None
