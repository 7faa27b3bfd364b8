"""SEI of the mix: McuSeiParams with the volume-layout SEI (McuLayoutVolume) and pass-through SEI (McuPassThrough).

Source: manual ``001`` Data Types and StartPublishCdnStream ("SEI"), SDK docstrings.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import StrictInt, StrictStr

from .base import ApiModel


class McuLayoutVolume(ApiModel):
    """Volume-layout SEI. AppData shorter than 4096 characters; PayloadType 100..254 except 244 (default 100);
    Interval in milliseconds (default 1000); FollowIdr 0/1 (default 0). An empty object means the default SEI."""

    api_defaults: ClassVar = {"payload_type": 100, "interval": 1000, "follow_idr": 0, "app_data": ""}
    app_data: StrictStr | None = None
    payload_type: StrictInt | None = None
    interval: StrictInt | None = None
    follow_idr: StrictInt | None = None


class McuPassThrough(ApiModel):
    """Pass-through SEI. PayloadType 5 or 100..254 except 244; PayloadUuid (32 hex digits) required for type 5;
    Interval in milliseconds (default 1000); FollowIdr 0/1 (default 0)."""

    api_defaults: ClassVar = {"interval": 1000, "follow_idr": 0}
    payload_content: StrictStr | None = None
    payload_type: StrictInt | None = None
    payload_uuid: StrictStr | None = None
    interval: StrictInt | None = None
    follow_idr: StrictInt | None = None


class McuSeiParams(ApiModel):
    """SEI settings: LayoutVolume and/or PassThrough."""

    layout_volume: McuLayoutVolume | None = None
    pass_through: McuPassThrough | None = None
