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
SAFE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
SAFE = re.compile(r"[A-Za-z0-9_-]*")
FORMATS = ("hls", "mp4", "aac")
SRC = "SDK models.McuRecordParams"


@rule("record.uni-record.missing", E, SRC + ".UniRecord ('0 or absent: not supported, undefined behaviour')")
def uni_record_missing(ctx: RuleContext) -> Hits:
    """RecordParams needs UniRecord 1, 2 or 3 (absent is undefined)."""
    for path, rec in ctx.of_type(McuRecordParams):
        if rec.uni_record is None:
            yield f"{path}.UniRecord", "UniRecord is required: 1 no recording, 2 console template, 3 these parameters"


def _key_problem(name: str, value: str, limit: int) -> str | None:
    """Why ``value`` is not ``limit`` bytes at most of a-z A-Z 0-9 _ - (the SDK counts bytes; those characters
    are ASCII, one byte each), or None."""
    size = len(value.encode("utf-8", "surrogatepass"))
    shown = f"{name} {value[:40]!r}"
    if not SAFE.fullmatch(value):
        bad = " ".join(repr(c) for c in sorted(set(value) - set(SAFE_CHARS))[:8])
        return f"{shown} has characters outside a-z, A-Z, 0-9, '_' and '-' ({bad}); use only those"
    if size > limit:
        return (
            f"{shown} is {size} bytes; the limit is {limit} bytes (the SDK counts bytes; the allowed characters "
            f"are ASCII, one byte each) — shorten it ({limit} characters at most)"
        )
    return None


@rule("record.key.format", E, SRC + ".RecordKey (at most 128 bytes of a-z A-Z 0-9 _ -)")
def record_key(ctx: RuleContext) -> Hits:
    """RecordKey: at most 128 bytes of letters, digits, ``_`` and ``-`` (ASCII: one byte each)."""
    for path, rec in ctx.of_type(McuRecordParams):
        problem = _key_problem("RecordKey", rec.record_key, 128) if rec.record_key is not None else None
        if problem:
            yield f"{path}.RecordKey", problem


@rule("record.prefix.format", E, SRC + ".UserDefineRecordPrefix (at most 64 bytes of a-z A-Z 0-9 _ -)")
def record_prefix(ctx: RuleContext) -> Hits:
    """UserDefineRecordPrefix: at most 64 bytes of letters, digits, ``_`` and ``-`` (ASCII: one byte each; the SDK
    says 64 characters and 64 bytes, which agree for these characters)."""
    for path, rec in ctx.of_type(McuRecordParams):
        prefix = rec.user_define_record_prefix
        problem = _key_problem("UserDefineRecordPrefix", prefix, 64) if prefix is not None else None
        if problem:
            yield f"{path}.UserDefineRecordPrefix", problem


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
    "record.storage.empty",
    W,
    "SDK models.McuRecordParams.McuStorageParams ('VOD or COS storage, only one'), McuStorageParams",
)
def storage_empty(ctx: RuleContext) -> Hits:
    """A McuStorageParams with neither CloudStorage nor McuCloudVod names no storage (UniRecord 3)."""
    for path, rec in ctx.of_type(McuRecordParams):
        storage = rec.mcu_storage_params
        if rec.uni_record != 3 or storage is None:
            continue
        if storage.cloud_storage is None and storage.mcu_cloud_vod is None:
            yield (
                f"{path}.McuStorageParams",
                "McuStorageParams names no storage: give CloudStorage (COS or AWS) or McuCloudVod (Tencent VOD), "
                "or remove McuStorageParams",
            )


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
    W,
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
