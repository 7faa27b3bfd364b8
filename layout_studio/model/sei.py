"""SEI of the mix: McuSeiParams with the volume-layout SEI (McuLayoutVolume) and pass-through SEI (McuPassThrough).

Sources: Data Types McuSeiParams, McuLayoutVolume, McuPassThrough; API StartPublishCdnStream (the SEI it sends);
SDK models. Each field's facts (unit, values, default, source) are in its metadata; PayloadType's limits involve
244 and PayloadUuid and are rules of :mod:`layout_studio.rules.sei`.
"""

from __future__ import annotations

from typing import Annotated

from .base import ApiModel
from .facts import FieldFacts, Int, Str

FOLLOW_IDR = {0: "not guaranteed on keyframes (default)", 1: "on every keyframe"}
Interval = Annotated[Int, FieldFacts("Sending interval, above 0", unit="milliseconds", default=1000)]


class McuLayoutVolume(ApiModel):
    """Volume-layout SEI: the layout and each user's volume, sent in the video; an empty object sends the default."""

    app_data: Annotated[Str, FieldFacts("Written to the SEI's app_data; shorter than 4096 characters", default="")] = (
        None
    )
    payload_type: Annotated[
        Int, FieldFacts("SEI payload_type, 100 to 254 except 244 (Tencent's timestamp SEI)", default=100)
    ] = None
    interval: Interval = None
    follow_idr: Annotated[
        Int,
        FieldFacts(
            "Whether every key frame carries the SEI",
            values=FOLLOW_IDR,
            default=0,
            rule="sei.layout-volume.follow-idr",
            source="SDK models.McuLayoutVolume.FollowIdr; Data Types McuLayoutVolume",
        ),
    ] = None


class McuPassThrough(ApiModel):
    """Pass-through SEI: your own payload, sent in the video."""

    payload_content: Annotated[Str, FieldFacts("The SEI payload", required=True)] = None
    payload_type: Annotated[
        Int, FieldFacts("SEI payload_type: 5 (with PayloadUuid), or 100 to 254 except 244", required=True)
    ] = None
    payload_uuid: Annotated[
        Str, FieldFacts("32 hexadecimal digits; required when PayloadType is 5, ignored otherwise")
    ] = None
    interval: Interval = None
    follow_idr: Annotated[
        Int,
        FieldFacts(
            "Whether every key frame carries the SEI",
            values=FOLLOW_IDR,
            default=0,
            rule="sei.pass-through.follow-idr",
            source="SDK models.McuPassThrough.FollowIdr; Data Types McuPassThrough",
        ),
    ] = None


class McuSeiParams(ApiModel):
    """SEI settings: LayoutVolume and/or PassThrough."""

    layout_volume: Annotated[
        McuLayoutVolume | None, FieldFacts("Volume-layout SEI (an empty object sends the default)")
    ] = None
    pass_through: Annotated[McuPassThrough | None, FieldFacts("Pass-through SEI with your own payload")] = None
