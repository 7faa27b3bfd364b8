"""Recording rules (RecordParams, SDK only): RecordKey and UserDefineRecordPrefix character sets and lengths,
RecordFormat values, the storage choice and its required fields, and parameters that only apply with UniRecord 3.

Enum and range fields (UniRecord, RecordWaitTime, MaxMediaFileDuration, StreamType) are in :mod:`.fields`.
Source: SDK models.McuRecordParams, McuStorageParams; Data Types CloudStorage.
"""

from __future__ import annotations

import re

from ..findings import Severity
from ..model import CloudStorage, McuRecordParams, McuStorageParams
from .registry import Hits, RuleContext, rule

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
SAFE = re.compile(r"[A-Za-z0-9_-]*")
FORMATS = ("hls", "mp4", "aac")
SRC = "SDK models.McuRecordParams"


@rule("record.uni-record.missing", E, SRC + ".UniRecord ('0 or absent: not supported, undefined behaviour')")
def uni_record_missing(ctx: RuleContext) -> Hits:
    """RecordParams needs UniRecord 1, 2 or 3 (absent is undefined)."""
    for path, rec in ctx.of_type(McuRecordParams):
        if rec.uni_record is None:
            yield f"{path}.UniRecord", "UniRecord is required: 1 no recording, 2 console template, 3 these parameters"


@rule("record.key.format", E, SRC + ".RecordKey (at most 128 bytes of a-z A-Z 0-9 _ -)")
def record_key(ctx: RuleContext) -> Hits:
    """RecordKey: at most 128 bytes of letters, digits, ``_`` and ``-``."""
    for path, rec in ctx.of_type(McuRecordParams):
        key = rec.record_key
        if key is not None and (len(key.encode("utf-8", "surrogatepass")) > 128 or not SAFE.fullmatch(key)):
            yield (
                f"{path}.RecordKey",
                (f"RecordKey {key[:40]!r} must be at most 128 characters of a-z, A-Z, 0-9, '_' and '-'"),
            )


@rule("record.prefix.format", E, SRC + ".UserDefineRecordPrefix (at most 64 bytes of a-z A-Z 0-9 _ -)")
def record_prefix(ctx: RuleContext) -> Hits:
    """UserDefineRecordPrefix: at most 64 bytes of letters, digits, ``_`` and ``-``."""
    for path, rec in ctx.of_type(McuRecordParams):
        prefix = rec.user_define_record_prefix
        if prefix is not None and (len(prefix.encode("utf-8", "surrogatepass")) > 64 or not SAFE.fullmatch(prefix)):
            yield (
                f"{path}.UserDefineRecordPrefix",
                f"UserDefineRecordPrefix {prefix[:40]!r} must be at most 64 characters of a-z, A-Z, 0-9, '_' and '-'",
            )


@rule("record.format", E, SRC + ".RecordFormat (hls, mp4, aac; mp4 and aac not together)")
def record_format(ctx: RuleContext) -> Hits:
    """RecordFormat values are "hls", "mp4", "aac"; mp4 and aac cannot be combined."""
    for path, rec in ctx.of_type(McuRecordParams):
        formats = rec.record_format or []
        for i, fmt in enumerate(formats):
            if fmt not in FORMATS:
                yield f"{path}.RecordFormat[{i}]", f"RecordFormat {fmt!r} is not one of hls, mp4, aac"
        if "mp4" in formats and "aac" in formats:
            yield f"{path}.RecordFormat", "RecordFormat cannot have both mp4 and aac; keep one"


@rule(
    "record.storage.one",
    E,
    "SDK models.McuRecordParams.McuStorageParams ('only one may be given'), McuStorageParams",
)
def storage_one(ctx: RuleContext) -> Hits:
    """McuStorageParams takes CloudStorage or McuCloudVod, not both."""
    for path, storage in ctx.of_type(McuStorageParams):
        if storage.cloud_storage is not None and storage.mcu_cloud_vod is not None:
            yield path, "McuStorageParams has both CloudStorage and McuCloudVod; give only one"


@rule(
    "record.cloud-storage.field-missing",
    E,
    "Data Types CloudStorage (Vendor, Region, Bucket, AccessKey, SecretKey required); SDK models.CloudStorage",
)
def cloud_storage_fields(ctx: RuleContext) -> Hits:
    """CloudStorage (UniRecord 3) needs Vendor, Region, Bucket, AccessKey, and SecretKey in a request body (a preset
    never stores it: ``layout-studio payload --storage-secret-key`` puts it back)."""
    needed = [
        ("vendor", "0 Tencent COS, 1 AWS S3"),
        ("region", "the bucket's region"),
        ("bucket", "the bucket name"),
        ("access_key", "the storage account's access key (SecretId for COS)"),
    ]
    if ctx.kind != "preset" and ctx.action == "start":
        needed.append(("secret_key", "the storage account's secret key (layout-studio payload --storage-secret-key)"))
    for path, rec in ctx.of_type(McuRecordParams):
        storage = rec.mcu_storage_params.cloud_storage if rec.mcu_storage_params else None
        if rec.uni_record != 3 or storage is None:
            continue
        for attr, what in needed:
            if getattr(storage, attr) is None:
                name = CloudStorage.api_name(attr)
                yield (
                    f"{path}.McuStorageParams.CloudStorage.{name}",
                    f"CloudStorage.{name} is required to record to third-party storage: set it to {what}",
                )


@rule(
    "record.params.ignored",
    INFO,
    SRC + " (RecordWaitTime, RecordFormat, MaxMediaFileDuration, StreamType, McuStorageParams: only with UniRecord 3)",
)
def params_ignored(ctx: RuleContext) -> Hits:
    """Recording parameters only apply with UniRecord 3."""
    for path, rec in ctx.of_type(McuRecordParams):
        if rec.uni_record == 3 or rec.uni_record is None:
            continue
        for attr in (
            "record_wait_time",
            "record_format",
            "max_media_file_duration",
            "stream_type",
            "mcu_storage_params",
        ):
            if getattr(rec, attr) is not None:
                name = McuRecordParams.api_name(attr)
                yield f"{path}.{name}", f"{name} is ignored unless UniRecord is 3 (it is {rec.uni_record})"
