"""Relay recording types: McuRecordParams and its storage (McuStorageParams, CloudStorage, McuCloudVod, McuTencentVod).

Sources: SDK models.McuRecordParams and its storage types (API StartPublishCdnStream shows RecordParams only in an
example); Data Types CloudStorage. CloudStorage.SecretKey is a secret: it is stripped from presets and masked in
output. Each field's facts (unit, values, range, default, source) are in its metadata.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import StrictStr

from .base import ApiModel
from .facts import FieldFacts, Int, Str

_NOT_ON_DATA_TYPES = "(not on the Data Types page)"


class CloudStorage(ApiModel):
    """Third-party object storage of the recording files."""

    vendor: Annotated[
        Int,
        FieldFacts(
            "Storage vendor",
            values={0: "Tencent COS", 1: "AWS"},
            labels={0: "COS"},
            rule="record.cloud-storage.vendor",
            source="Data Types CloudStorage.Vendor",
            required=True,
        ),
    ] = None
    region: Annotated[Str, FieldFacts("Storage region", required=True)] = None
    bucket: Annotated[Str, FieldFacts("Bucket name", required=True)] = None
    access_key: Annotated[Str, FieldFacts("Access key id of the storage account", required=True)] = None
    secret_key: Annotated[
        Str, FieldFacts("Secret key of the storage account: a secret, never stored in a preset", required=True)
    ] = None
    file_name_prefix: Annotated[
        list[StrictStr] | None, FieldFacts("Path prefix of the files, as a list of path parts")
    ] = None


class McuTencentVod(ApiModel):
    """Tencent VOD upload options."""

    procedure: Annotated[Str, FieldFacts("Task flow template to run after upload")] = None
    expire_time: Annotated[
        Int, FieldFacts("How long the media is kept; 0 keeps it forever", unit="seconds", default=0)
    ] = None
    storage_region: Annotated[Str, FieldFacts("Upload region, when it matters")] = None
    class_id: Annotated[Int, FieldFacts("Media category id (0: other)", default=0)] = None
    sub_app_id: Annotated[Int, FieldFacts("VOD sub-application id")] = None
    session_context: Annotated[Str, FieldFacts("Passed through to the task-flow callback")] = None
    source_context: Annotated[Str, FieldFacts("Passed through to the upload callback")] = None


class McuCloudVod(ApiModel):
    """VOD storage: McuTencentVod."""

    mcu_tencent_vod: Annotated[McuTencentVod | None, FieldFacts("Tencent VOD upload options")] = None


class McuStorageParams(ApiModel):
    """Where recordings go: CloudStorage or McuCloudVod (exactly one)."""

    cloud_storage: Annotated[CloudStorage | None, FieldFacts("Third-party object storage (COS or AWS)")] = None
    mcu_cloud_vod: Annotated[McuCloudVod | None, FieldFacts("Tencent Cloud VOD")] = None


class McuRecordParams(ApiModel):
    """Recording of the relayed stream; the parameters after UniRecord apply with UniRecord 3 only."""

    uni_record: Annotated[
        Int,
        FieldFacts(
            "Whether and how the relayed stream is recorded (0 or absent: undefined)",
            values={1: "no recording", 2: "record with the console template", 3: "record with these parameters"},
            rule="record.uni-record",
            source=f"SDK models.McuRecordParams.UniRecord {_NOT_ON_DATA_TYPES}",
            required=True,
        ),
    ] = None
    record_key: Annotated[
        Str, FieldFacts("Joins several tasks into one recording; at most 128 bytes of A-Z a-z 0-9 _ -")
    ] = None
    record_wait_time: Annotated[
        Int,
        FieldFacts(
            "UniRecord 3: how long to wait for the task to resume",
            unit="seconds",
            low=5,
            high=86400,
            default=30,
            rule="record.wait-time.range",
            source=f"SDK models.McuRecordParams.RecordWaitTime {_NOT_ON_DATA_TYPES}",
        ),
    ] = None
    record_format: Annotated[
        list[StrictStr] | None, FieldFacts('UniRecord 3: any of "hls", "mp4", "aac" (mp4 and aac not together)')
    ] = None
    max_media_file_duration: Annotated[
        Int,
        FieldFacts(
            "UniRecord 3: length of each mp4 or aac file",
            unit="minutes",
            low=1,
            high=1440,
            default=1440,
            rule="record.max-file-duration.range",
            source=f"SDK models.McuRecordParams.MaxMediaFileDuration {_NOT_ON_DATA_TYPES}",
        ),
    ] = None
    stream_type: Annotated[
        Int,
        FieldFacts(
            "UniRecord 3: what is recorded",
            values={0: "audio and video", 1: "audio only", 2: "video only"},
            rule="record.stream-type",
            source=f"SDK models.McuRecordParams.StreamType {_NOT_ON_DATA_TYPES}",
        ),
    ] = None
    user_define_record_prefix: Annotated[
        Str, FieldFacts("File name prefix (VOD only); at most 64 bytes of A-Z a-z 0-9 _ -")
    ] = None
    mcu_storage_params: Annotated[
        McuStorageParams | None, FieldFacts("UniRecord 3: where files go (exactly one of CloudStorage, McuCloudVod)")
    ] = None
