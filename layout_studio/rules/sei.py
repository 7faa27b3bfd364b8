"""SEI rules: LayoutVolume and PassThrough payload types (244 is reserved), AppData length, PayloadUuid, Interval,
PayloadContent.

Sources: SDK models.McuLayoutVolume, McuPassThrough; Data Types McuLayoutVolume, McuPassThrough.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Severity
from ..model import McuLayoutVolume, McuPassThrough
from .registry import Hits, Report, RuleContext, fixes, rule

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
RESERVED = 244
APP_DATA_LIMIT = 4096
UUID = re.compile(r"[0-9A-Fa-f]{32}")
SRC_LV = "SDK models.McuLayoutVolume; Data Types McuLayoutVolume"
SRC_PT = "SDK models.McuPassThrough; Data Types McuPassThrough"


def _payload_types(ctx: RuleContext) -> Iterator[tuple[str, int | None, bool]]:
    """``(path, PayloadType, is pass-through)`` of every SEI."""
    for path, lv in ctx.of_type(McuLayoutVolume):
        yield f"{path}.PayloadType", lv.payload_type, False
    for path, pt in ctx.of_type(McuPassThrough):
        yield f"{path}.PayloadType", pt.payload_type, True


@rule(
    "sei.payload-type.reserved",
    E,
    "SDK models.McuLayoutVolume.PayloadType, McuPassThrough.PayloadType "
    "(244 is Tencent's timestamp SEI); Data Types McuLayoutVolume, McuPassThrough",
)
def payload_type_reserved(ctx: RuleContext) -> Hits:
    """PayloadType 244 is reserved for Tencent's internal timestamp SEI."""
    for path, value, _pass in _payload_types(ctx):
        if value == RESERVED:
            yield Report(
                path,
                "PayloadType 244 is reserved for Tencent's timestamp SEI; pick another in 100..254 except 244 "
                "(100 is the default)",
                fixes({path: 100}),
            )


@rule("sei.layout-volume.payload-type", E, SRC_LV)
def layout_volume_payload_type(ctx: RuleContext) -> Hits:
    """LayoutVolume PayloadType is 100..254 (default 100), except 244."""
    for path, value, passthrough in _payload_types(ctx):
        if not passthrough and value is not None and value != RESERVED and not 100 <= value <= 254:
            yield path, f"PayloadType is {value}; valid: 100..254 except 244 (default 100)"


@rule("sei.pass-through.payload-type", E, SRC_PT)
def pass_through_payload_type(ctx: RuleContext) -> Hits:
    """PassThrough PayloadType is required: 5, or 100..254 except 244."""
    for path, value, passthrough in _payload_types(ctx):
        if not passthrough:
            continue
        if value is None:
            yield path, "PayloadType is required for PassThrough SEI; use 5 (with PayloadUuid) or 100..254 except 244"
        elif value != RESERVED and value != 5 and not 100 <= value <= 254:
            yield path, f"PayloadType is {value}; valid: 5 (with PayloadUuid) or 100..254 except 244"


@rule(
    "sei.app-data.too-long",
    E,
    "Data Types McuLayoutVolume.AppData ('shorter than 4,096 characters'); SDK models.McuLayoutVolume.AppData",
)
def app_data_length(ctx: RuleContext) -> Hits:
    """AppData must be shorter than 4096 characters (Unicode characters, not bytes: the Data Types page counts
    characters)."""
    for path, lv in ctx.of_type(McuLayoutVolume):
        if lv.app_data is not None and len(lv.app_data) >= APP_DATA_LIMIT:
            yield (
                f"{path}.AppData",
                f"AppData is {len(lv.app_data)} characters; it must be shorter than {APP_DATA_LIMIT} characters "
                f"(the Data Types page counts characters, not bytes) — shorten it ({APP_DATA_LIMIT - 1} "
                f"characters at most)",
            )


@rule("sei.pass-through.uuid-missing", E, SRC_PT)
def uuid_missing(ctx: RuleContext) -> Hits:
    """PayloadType 5 needs PayloadUuid."""
    for path, pt in ctx.of_type(McuPassThrough):
        if pt.payload_type == 5 and not pt.payload_uuid:
            yield f"{path}.PayloadUuid", "PayloadType 5 needs PayloadUuid (32 hex digits); add it"


@rule("sei.pass-through.uuid-format", E, SRC_PT)
def uuid_format(ctx: RuleContext) -> Hits:
    """PayloadUuid is 32 hexadecimal digits."""
    for path, pt in ctx.of_type(McuPassThrough):
        if pt.payload_type == 5 and pt.payload_uuid and not UUID.fullmatch(pt.payload_uuid):
            yield (
                f"{path}.PayloadUuid",
                f"PayloadUuid {pt.payload_uuid[:40]!r} is {len(pt.payload_uuid)} characters; "
                f"it must be exactly 32 hexadecimal digits (no dashes)",
            )


@rule("sei.pass-through.uuid-ignored", W, SRC_PT)
def uuid_ignored(ctx: RuleContext) -> Hits:
    """PayloadUuid is ignored unless PayloadType is 5."""
    for path, pt in ctx.of_type(McuPassThrough):
        if pt.payload_uuid is not None and pt.payload_type is not None and pt.payload_type != 5:
            yield f"{path}.PayloadUuid", f"PayloadUuid is ignored with PayloadType {pt.payload_type} (only used for 5)"


@rule("sei.pass-through.content-missing", E, SRC_PT)
def content_missing(ctx: RuleContext) -> Hits:
    """PassThrough needs PayloadContent."""
    for path, pt in ctx.of_type(McuPassThrough):
        if pt.payload_content is None:
            yield f"{path}.PayloadContent", "PayloadContent is required for PassThrough SEI; give the payload text"


@rule(
    "sei.interval.range",
    W,
    "Layout Studio heuristic (an interval of 0 ms or less cannot be honoured); "
    "SDK models.McuLayoutVolume.Interval, McuPassThrough.Interval (ms, default 1000)",
)
def interval(ctx: RuleContext) -> Hits:
    """Interval is a sending period in milliseconds and should be above 0 (no document gives its range)."""
    seis: list[tuple[str, McuLayoutVolume | McuPassThrough]] = [
        *ctx.of_type(McuLayoutVolume),
        *ctx.of_type(McuPassThrough),
    ]
    for path, sei in seis:
        if sei.interval is not None and sei.interval <= 0:
            yield Report(
                f"{path}.Interval",
                f"Interval is {sei.interval} ms; use a period above 0 (default 1000)",
                fixes({f"{path}.Interval": 1000}),
            )


@rule("sei.without-video", W, "API StartPublishCdnStream (SEI: the canvas is the VideoEncode size)")
def sei_without_video(ctx: RuleContext) -> Hits:
    """SEI rides on the video stream: SeiParams without VideoParams has nothing to carry it (start only)."""
    sei = ctx.get("sei_params")
    if ctx.action == "start" and sei is not None and ctx.video is None:
        yield "SeiParams", "SeiParams is set but there is no VideoParams: SEI is carried in video frames; add video"
