"""The Web SDK v5 CDNStreaming plugin's options (``trtc.startPlugin('CDNStreaming', options)``): CDNStreamingOptions
with its target, encoding and mix, in the shape of the published type definitions of npm ``trtc-sdk-v5`` 5.17.1,
``plugins/cdn-streaming/cdn-streaming.esm.d.ts`` (:data:`WEB`).

The limits are the plugin's own checks (its ``cdn-streaming.umd.js`` of the same version): zOrder 1..15,
videoFramerate (0, 30], videoGOP 1..8, audioBitrate 32..192 kbps, fillMode 0, 1, 2 or 4 (sent to the server as the
region's render mode), fixedVideoStreamType ``main`` or ``sub``, and the encoding must hold every region. Python
class names carry a ``Cdn`` prefix (the type file's own names, ``Target`` and ``User``, are taken here); the JSON
field names are the type file's.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..sources import client_sdk
from .client import ClientModel
from .facts import FieldFacts, Int, Str

#: The npm package and version whose type definitions this shape was checked against.
WEB = "trtc-sdk-v5 5.17.1"


def _web(name: str) -> str:
    return client_sdk(WEB, f"cdn-streaming {name}")


class CdnUser(ClientModel):
    """A user and their room (``User``)."""

    CITED = _web("User")
    user_id: Annotated[Str, FieldFacts("UserId (required)")] = None
    room_id: Annotated[Int, FieldFacts("Integer room of a user of another room")] = None
    str_room_id: Annotated[Str, FieldFacts("String room of a user of another room")] = None


class CdnVideoLayout(ClientModel):
    """One region of the mix (``VideoLayout``)."""

    CITED = _web("VideoLayout")
    fixed_video_user: Annotated[CdnUser | None, FieldFacts("The user shown (required)")] = None
    fixed_video_stream_type: Annotated[Str, FieldFacts("Which stream of the user: 'main' or 'sub' (required)")] = None
    fill_mode: Annotated[
        Int,
        FieldFacts(
            "How the picture fills the region (passed to the server as its render mode: 0 crop, 1 fit, 2 fit on black)",
            values={0: "crop", 1: "fit", 2: "fit on black", 4: "(server mode 4)"},
            rule="web-cdn-streaming.video-layout.fill-mode",
            source=_web("VideoLayout.fillMode (0 | 1 | 2; the plugin also takes 4)"),
        ),
    ] = None
    width: Annotated[Int, FieldFacts("Width of the region", unit="pixels")] = None
    height: Annotated[Int, FieldFacts("Height of the region", unit="pixels")] = None
    location_x: Annotated[Int, FieldFacts("Left edge of the region", unit="pixels")] = None
    location_y: Annotated[Int, FieldFacts("Top edge of the region", unit="pixels")] = None
    z_order: Annotated[
        Int,
        FieldFacts(
            "Stacking level (required), unique",
            low=1,
            high=15,
            rule="web-cdn-streaming.video-layout.z-order-range",
            source=_web("VideoLayout.zOrder (the plugin checks 1..15)"),
        ),
    ] = None


class CdnMix(ClientModel):
    """The mix (``Mix``)."""

    CITED = _web("Mix")
    background_color: Annotated[
        Int,
        FieldFacts(
            "Canvas colour as 0xRRGGBB (a number)",
            low=0,
            high=0xFFFFFF,
            rule="web-cdn-streaming.background-color-range",
            source=_web("Mix.backgroundColor"),
        ),
    ] = None
    background_image: Annotated[Str, FieldFacts("Canvas background image URL")] = None
    audio_mix_user_list: Annotated[list[CdnUser] | None, FieldFacts("Users whose audio is mixed (absent: all)")] = None
    video_layout_list: Annotated[list[CdnVideoLayout] | None, FieldFacts("The regions (required)")] = None


class CdnEncoding(ClientModel):
    """The encoding of the mix (``Encoding``)."""

    CITED = _web("Encoding")
    video_width: Annotated[Int, FieldFacts("Canvas width; must hold every region", unit="pixels")] = None
    video_height: Annotated[Int, FieldFacts("Canvas height; must hold every region", unit="pixels")] = None
    video_bitrate: Annotated[Int, FieldFacts("Video bit rate", unit="kbps")] = None
    video_framerate: Annotated[
        Int,
        FieldFacts(
            "Frame rate",
            unit="fps",
            low=1,
            high=30,
            rule="web-cdn-streaming.video-framerate-range",
            source=_web("Encoding.videoFramerate (the plugin checks (0,30])"),
        ),
    ] = None
    video_gop: Annotated[
        Int,
        FieldFacts(
            "Key-frame interval",
            unit="seconds",
            low=1,
            high=8,
            rule="web-cdn-streaming.video-gop-range",
            source=_web("Encoding.videoGOP (the plugin checks [1,8])"),
        ),
    ] = Field(default=None, alias="videoGOP")
    audio_sample_rate: Annotated[Int, FieldFacts("Sample rate", unit="Hz")] = None
    audio_bitrate: Annotated[
        Int,
        FieldFacts(
            "Audio bit rate",
            unit="kbps",
            low=32,
            high=192,
            rule="web-cdn-streaming.audio-bitrate-range",
            source=_web("Encoding.audioBitrate (the plugin checks [32,192])"),
        ),
    ] = None
    audio_channels: Annotated[
        Int,
        FieldFacts(
            "Channels",
            values={1: "mono", 2: "stereo"},
            labels={},
            rule="web-cdn-streaming.audio-channels",
            source=_web("Encoding.audioChannels (1 | 2)"),
        ),
    ] = None


class CdnTarget(ClientModel):
    """Where the mix goes (``Target``)."""

    CITED = _web("Target")
    publish_mode: Annotated[Str, FieldFacts("PublishMixStreamToCDN for a mix (required)")] = None
    stream_id: Annotated[Str, FieldFacts("Live stream ID of the mix")] = None
    app_id: Annotated[Int, FieldFacts("Tencent Cloud CSS appId (a third-party CDN)")] = None
    biz_id: Annotated[Int, FieldFacts("Tencent Cloud CSS bizId (a third-party CDN)")] = None
    url: Annotated[Str, FieldFacts("Third-party CDN push URL")] = None


class CDNStreamingOptions(ClientModel):
    """The options of ``startPlugin('CDNStreaming', …)`` and ``updatePlugin``."""

    CITED = _web("CDNStreamingOptions")
    target: Annotated[CdnTarget | None, FieldFacts("Where the mix goes (required)")] = None
    encoding: Annotated[CdnEncoding | None, FieldFacts("The encoding (required for a mix)")] = None
    mix: Annotated[CdnMix | None, FieldFacts("The mix (required for a mix)")] = None


WEB_TYPES: tuple[type[ClientModel], ...] = (
    CdnUser,
    CdnVideoLayout,
    CdnMix,
    CdnEncoding,
    CdnTarget,
    CDNStreamingOptions,
)
