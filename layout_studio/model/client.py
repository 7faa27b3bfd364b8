"""Client SDK mixing types (TRTCCloudDef): TRTCStreamMixingConfig for startPublishMediaStream, TRTCTranscodingConfig
for setMixTranscodingConfig, and their parts — in the shape of the Electron SDK's published type definitions.

Field names are each SDK's own (camelCase: ``zOrder``, ``placeHolderImage``, ``videoGOP``, ``mixUsersArray``). The
canonical shape here is the one checked against a type file: npm ``trtc-electron-sdk`` 13.3.801,
``liteav/trtc_define.d.ts`` (:data:`ELECTRON`), where a rectangle is a ``Rect`` of left, top, right and bottom.
The other platforms differ only in shape and are produced from this one by :mod:`layout_studio.export.platforms`:
Android (TRTCCloudDef.java: ``x``/``y``/``width``/``height`` integers on the owner, ``mixUsers``), iOS
(TRTCCloudDef.h: ``rect`` a CGRect, ``mixUsers``, TRTCMixUser ``roomID``), both checked against the Tencent
reference documentation of TRTCCloudDef, not a local file. Fields only those platforms have (TRTCMixUser.soundLevel,
TRTCTranscodingConfig.audioCodec and videoSeiParams) are modelled here too and dropped for the Electron shape.

Each class cites its type (:attr:`ClientModel.CITED`); a field without its own source cites ``<type>.<field>``.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import ConfigDict, Field, StrictBool
from pydantic.alias_generators import to_camel

from ..sources import client_sdk, client_sdk_docs
from .base import ApiModel, field_facts
from .facts import FieldFacts, Int, Str

#: The npm package and version whose type definitions the canonical shape was checked against.
ELECTRON = "trtc-electron-sdk 13.3.801"
_MOBILE_ONLY = "Android and iOS only (not in trtc_define.d.ts)"
STREAM_TYPES = {0: "big (camera)", 1: "small", 2: "sub (screen sharing)"}


class ClientModel(ApiModel):
    """A client SDK type: camelCase field names, each class citing its type definition (``CITED``)."""

    model_config = ConfigDict(alias_generator=to_camel)
    CITED: ClassVar[str] = ""

    @classmethod
    def field_source(cls, attr: str) -> str:
        """The field's facts' source, else ``<CITED>.<field>`` (``Client SDK trtc-electron-sdk 13.3.801
        TRTCMixUser.zOrder``)."""
        facts = field_facts(cls).get(attr)
        return facts.source if facts is not None and facts.source else f"{cls.CITED}.{cls.api_name(attr)}"


def _electron(name: str) -> str:
    return client_sdk(ELECTRON, name)


class Rect(ClientModel):
    """A rectangle by its edges, in canvas pixels (right and bottom exclusive: width = right - left)."""

    CITED = _electron("Rect")
    left: Annotated[Int, FieldFacts("Left edge", unit="pixels")] = None
    top: Annotated[Int, FieldFacts("Top edge", unit="pixels")] = None
    right: Annotated[Int, FieldFacts("Right edge (left + width)", unit="pixels")] = None
    bottom: Annotated[Int, FieldFacts("Bottom edge (top + height)", unit="pixels")] = None


class TRTCUser(ClientModel):
    """A user and their room (an integer room in intRoomId, a string room in strRoomId)."""

    CITED = _electron("TRTCUser")
    user_id: Annotated[Str, FieldFacts("UserId; empty: the region is filled automatically")] = None
    int_room_id: Annotated[Int, FieldFacts("Integer room of the user (0: none)")] = None
    str_room_id: Annotated[Str, FieldFacts("String room of the user (empty: none)")] = None


class TRTCVideoLayout(ClientModel):
    """One region of a TRTCStreamMixingConfig."""

    CITED = _electron("TRTCVideoLayout")
    rect: Annotated[Rect | None, FieldFacts("Where the region is on the canvas")] = None
    z_order: Annotated[
        Int,
        FieldFacts(
            "Stacking level, unique among the regions",
            low=0,
            high=15,
            rule="sdk-stream-mixing.video-layout.z-order-range",
            source=client_sdk_docs("Android, iOS", "TRTCVideoLayout.zOrder (0-15, unique)"),
        ),
    ] = None
    fill_mode: Annotated[
        Int,
        FieldFacts(
            "How the picture fills the region",
            values={0: "fill (crop)", 1: "fit"},
            rule="sdk-stream-mixing.video-layout.fill-mode",
            source=_electron("TRTCVideoFillMode"),
        ),
    ] = None
    background_color: Annotated[
        Int,
        FieldFacts(
            "Background colour of the region as 0xRRGGBB (a number)",
            low=0,
            high=0xFFFFFF,
            rule="sdk-stream-mixing.video-layout.background-color-range",
            source=_electron("TRTCVideoLayout.backgroundColor"),
        ),
    ] = None
    place_holder_image: Annotated[Str, FieldFacts("Placeholder image URL shown while the user sends no video")] = None
    fixed_video_user: Annotated[TRTCUser | None, FieldFacts("The user shown (empty userId: filled automatically)")] = (
        None
    )
    fixed_video_stream_type: Annotated[
        Int,
        FieldFacts(
            "Which stream of the user",
            values=STREAM_TYPES,
            rule="sdk-stream-mixing.video-layout.stream-type",
            source=_electron("TRTCVideoStreamType"),
        ),
    ] = None


class TRTCWatermark(ClientModel):
    """An image watermark of a TRTCStreamMixingConfig."""

    CITED = _electron("TRTCWatermark")
    watermark_url: Annotated[Str, FieldFacts("URL of the watermark image")] = None
    rect: Annotated[Rect | None, FieldFacts("Where the watermark is on the canvas")] = None
    z_order: Annotated[Int, FieldFacts("Stacking level")] = None


class TRTCStreamMixingConfig(ClientModel):
    """The mix of startPublishMediaStream (``config``)."""

    CITED = _electron("TRTCStreamMixingConfig")
    background_color: Annotated[
        Int,
        FieldFacts(
            "Canvas colour as 0xRRGGBB (a number)",
            low=0,
            high=0xFFFFFF,
            rule="sdk-stream-mixing.background-color-range",
            source=_electron("TRTCStreamMixingConfig.backgroundColor"),
        ),
    ] = None
    background_image: Annotated[Str, FieldFacts("Canvas background image URL")] = None
    video_layout_list: Annotated[list[TRTCVideoLayout] | None, FieldFacts("The regions")] = None
    audio_mix_user_list: Annotated[list[TRTCUser] | None, FieldFacts("Users whose audio is mixed (empty: all)")] = None
    watermark_list: Annotated[list[TRTCWatermark] | None, FieldFacts("Image watermarks")] = None


class TRTCStreamEncoderParam(ClientModel):
    """The encoding of startPublishMediaStream (``params``)."""

    CITED = _electron("TRTCStreamEncoderParam")
    video_encoded_width: Annotated[Int, FieldFacts("Canvas width", unit="pixels")] = None
    video_encoded_height: Annotated[Int, FieldFacts("Canvas height", unit="pixels")] = None
    video_encoded_fps: Annotated[Int, FieldFacts("Frame rate", unit="fps")] = Field(
        default=None, alias="videoEncodedFPS"
    )
    video_encoded_gop: Annotated[Int, FieldFacts("Key-frame interval", unit="seconds")] = Field(
        default=None, alias="videoEncodedGOP"
    )
    video_encoded_kbps: Annotated[Int, FieldFacts("Video bit rate", unit="kbps")] = None
    audio_encoded_sample_rate: Annotated[Int, FieldFacts("Sample rate", unit="Hz")] = None
    audio_encoded_channel_num: Annotated[Int, FieldFacts("Channels (1 or 2)")] = None
    audio_encoded_kbps: Annotated[Int, FieldFacts("Audio bit rate", unit="kbps")] = None
    audio_encoded_codec_type: Annotated[Int, FieldFacts("Audio codec: 0 LC-AAC, 1 HE-AAC, 2 HE-AACv2")] = None
    video_encoded_codec_type: Annotated[Int, FieldFacts("Video codec: 0 H.264")] = None
    video_sei_params: Annotated[Str, FieldFacts("Pass-through SEI as a JSON text")] = None


class TRTCPublishCdnUrl(ClientModel):
    """A CDN push URL of a TRTCPublishTarget."""

    CITED = _electron("TRTCPublishCdnUrl")
    rtmp_url: Annotated[Str, FieldFacts("rtmp:// push URL")] = None
    is_internal_line: Annotated[StrictBool | None, FieldFacts("True for Tencent Cloud CSS, false for another CDN")] = (
        None
    )


class TRTCPublishTarget(ClientModel):
    """Where startPublishMediaStream sends the mix (``target``)."""

    CITED = _electron("TRTCPublishTarget")
    mode: Annotated[
        Int,
        FieldFacts(
            "Publish mode",
            values={0: "unknown", 1: "big stream to CDN", 2: "sub stream to CDN", 3: "mix to CDN", 4: "mix to room"},
            rule="sdk-stream-mixing.target.mode",
            source=_electron("TRTCPublishMode"),
        ),
    ] = None
    cdn_url_list: Annotated[list[TRTCPublishCdnUrl] | None, FieldFacts("CDN push URLs (mode 3)")] = None
    mix_stream_identity: Annotated[TRTCUser | None, FieldFacts("The user that publishes the mix (mode 4)")] = None


class TRTCMixUser(ClientModel):
    """One picture (or watermark, or audio-only user) of a TRTCTranscodingConfig."""

    CITED = _electron("TRTCMixUser")
    user_id: Annotated[Str, FieldFacts("UserId (empty for a watermark, inputType 4)")] = None
    room_id: Annotated[Str, FieldFacts("Room of a user of another room; empty: the local room")] = None
    rect: Annotated[Rect | None, FieldFacts("Where the picture is on the canvas")] = None
    z_order: Annotated[
        Int,
        FieldFacts(
            "Stacking level, unique",
            low=1,
            high=15,
            rule="sdk-transcoding.mix-user.z-order-range",
            source=_electron("TRTCMixUser.zOrder (1 - 15, unique)"),
        ),
    ] = None
    pure_audio: Annotated[StrictBool | None, FieldFacts("Audio only (superseded by inputType)")] = None
    stream_type: Annotated[
        Int,
        FieldFacts(
            "Which stream of the user",
            values=STREAM_TYPES,
            rule="sdk-transcoding.mix-user.stream-type",
            source=_electron("TRTCVideoStreamType"),
        ),
    ] = None
    input_type: Annotated[
        Int,
        FieldFacts(
            "What of the user is mixed",
            values={
                0: "undefined (pureAudio decides)",
                1: "audio and video",
                2: "video only",
                3: "audio only",
                4: "watermark (image)",
            },
            rule="sdk-transcoding.mix-user.input-type",
            source=_electron("TRTCMixInputType"),
        ),
    ] = None
    render_mode: Annotated[
        Int,
        FieldFacts(
            "How the picture fills its place",
            values={0: "crop", 1: "fit", 2: "fit on black"},
            rule="sdk-transcoding.mix-user.render-mode",
            source=client_sdk_docs("iOS", "TRTCMixUser.renderMode (0 crop, 1 zoom, 2 zoom on black)"),
        ),
    ] = None
    image: Annotated[
        Str, FieldFacts("Image URL: the watermark (inputType 4) or the placeholder (inputType 3 only)")
    ] = None
    sound_level: Annotated[
        Int,
        FieldFacts(
            f"Volume in the mix, 100 as sent; {_MOBILE_ONLY}",
            low=0,
            high=100,
            rule="sdk-transcoding.mix-user.sound-level-range",
            source=client_sdk_docs("iOS", "TRTCMixUser.soundLevel"),
        ),
    ] = None


class TRTCTranscodingConfig(ClientModel):
    """The mix of setMixTranscodingConfig."""

    CITED = _electron("TRTCTranscodingConfig")
    mode: Annotated[
        Int,
        FieldFacts(
            "Layout mode",
            values={
                0: "unknown",
                1: "manual",
                2: "pure audio template",
                3: "preset layout template",
                4: "screen sharing template",
            },
            rule="sdk-transcoding.mode",
            source=_electron("TRTCTranscodingConfigMode"),
        ),
    ] = None
    app_id: Annotated[Int, FieldFacts("Tencent Cloud CSS appId (applications since 2020 need none)")] = None
    biz_id: Annotated[Int, FieldFacts("Tencent Cloud CSS bizId (applications since 2020 need none)")] = None
    video_width: Annotated[Int, FieldFacts("Canvas width (0 with 0 height: audio only)", unit="pixels")] = None
    video_height: Annotated[Int, FieldFacts("Canvas height", unit="pixels")] = None
    video_bitrate: Annotated[Int, FieldFacts("Video bit rate (0: estimated)", unit="kbps")] = None
    video_framerate: Annotated[
        Int,
        FieldFacts(
            "Frame rate",
            unit="fps",
            low=1,
            high=30,
            rule="sdk-transcoding.video-framerate-range",
            source=_electron("TRTCTranscodingConfig.videoFramerate ((0,30])"),
        ),
    ] = None
    video_gop: Annotated[
        Int,
        FieldFacts(
            "Key-frame interval",
            unit="seconds",
            low=1,
            high=8,
            rule="sdk-transcoding.video-gop-range",
            source=_electron("TRTCTranscodingConfig.videoGOP ([1,8])"),
        ),
    ] = Field(default=None, alias="videoGOP")
    background_color: Annotated[
        Int,
        FieldFacts(
            "Canvas colour as 0xRRGGBB (a number)",
            low=0,
            high=0xFFFFFF,
            rule="sdk-transcoding.background-color-range",
            source=_electron("TRTCTranscodingConfig.backgroundColor"),
        ),
    ] = None
    background_image: Annotated[Str, FieldFacts("Canvas background image")] = None
    audio_sample_rate: Annotated[
        Int,
        FieldFacts(
            "Sample rate",
            unit="Hz",
            values=dict.fromkeys((12000, 16000, 22050, 24000, 32000, 44100, 48000), ""),
            rule="sdk-transcoding.audio-sample-rate",
            source=_electron("TRTCTranscodingConfig.audioSampleRate"),
        ),
    ] = None
    audio_bitrate: Annotated[
        Int,
        FieldFacts(
            "Audio bit rate",
            unit="kbps",
            low=32,
            high=192,
            rule="sdk-transcoding.audio-bitrate-range",
            source=_electron("TRTCTranscodingConfig.audioBitrate ([32,192])"),
        ),
    ] = None
    audio_channels: Annotated[
        Int,
        FieldFacts(
            "Channels",
            values={1: "mono", 2: "stereo"},
            labels={},
            rule="sdk-transcoding.audio-channels",
            source=_electron("TRTCTranscodingConfig.audioChannels"),
        ),
    ] = None
    audio_codec: Annotated[
        Int,
        FieldFacts(
            f"Audio codec; {_MOBILE_ONLY}",
            values={0: "LC-AAC", 1: "HE-AAC", 2: "HE-AACv2"},
            labels={0: "LC", 1: "HE", 2: "HEv2"},
            rule="sdk-transcoding.audio-codec",
            source=client_sdk_docs("iOS", "TRTCTranscodingConfig.audioCodec"),
        ),
    ] = None
    mix_users_array: Annotated[list[TRTCMixUser] | None, FieldFacts("The pictures, watermarks and audio users")] = None
    stream_id: Annotated[Str, FieldFacts("Live stream ID of the mix (empty: the caller's stream)")] = None
    video_sei_params: Annotated[
        Str,
        FieldFacts(
            f"Pass-through SEI as a JSON text; {_MOBILE_ONLY}",
            source=client_sdk_docs("iOS", "TRTCTranscodingConfig.videoSeiParams"),
        ),
    ] = None


class StartPublishMediaStreamArgs(ClientModel):
    """The three arguments of ``TRTCCloud.startPublishMediaStream(target, params, config)``, as one JSON object."""

    CITED = _electron("TRTCCloud.startPublishMediaStream")
    target: Annotated[TRTCPublishTarget | None, FieldFacts("Where the mix goes")] = None
    params: Annotated[TRTCStreamEncoderParam | None, FieldFacts("The encoding")] = None
    config: Annotated[TRTCStreamMixingConfig | None, FieldFacts("The mix")] = None


#: Every client type, for the checks and the tests.
CLIENT_TYPES: tuple[type[ClientModel], ...] = (
    Rect,
    TRTCUser,
    TRTCVideoLayout,
    TRTCWatermark,
    TRTCStreamMixingConfig,
    TRTCStreamEncoderParam,
    TRTCPublishCdnUrl,
    TRTCPublishTarget,
    TRTCMixUser,
    TRTCTranscodingConfig,
    StartPublishMediaStreamArgs,
)
#: Names of the Electron TRTCMixUser / TRTCTranscodingConfig fields that only Android and iOS have.
MOBILE_ONLY_FIELDS = {"TRTCMixUser": ("soundLevel",), "TRTCTranscodingConfig": ("audioCodec", "videoSeiParams")}
