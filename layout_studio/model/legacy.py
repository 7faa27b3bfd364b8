"""The legacy MCU API: StartMCUMixTranscode (integer room) and StartMCUMixTranscodeByStrRoomId (string room) bodies
and their parts (OutputParams, EncodeParams, LayoutParams, PresetLayoutConfig, SmallVideoLayoutParams,
WaterMarkParams, PublishCdnParams).

The TRTC server API reference (international site) lists these actions as deleted in its release history; the SDK still
documents them, so every fact here is from ``SDK models``. Traps against StartPublishCdnStream: the Template codes
differ (0 floating, 1 grid, 2 screen sharing, 3 picture-in-picture, 4 custom), BackgroundColor is a decimal integer
(0xRRGGBB as a number), a placeholder is a console image ID (PlaceImageId), not a URL, the height is at most 1080, there
is one image watermark, and PureAudioHoldPlaceMode has three values (0 the service's default, 1 take a place, 2 take
none).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import StrictStr

from .base import ApiModel
from .facts import FieldFacts, Int, Str

_CONSOLE_IMAGE = "an image uploaded in the TRTC console (its ID)"
LEGACY_RENDER_MODES = {0: "crop", 1: "fit", 2: "fit on black"}


class OutputParams(ApiModel):
    """The output stream of a legacy mix."""

    stream_id: Annotated[
        Str, FieldFacts("Live stream ID of the mix; not a user's relay stream ID; at most 64 bytes")
    ] = None
    pure_audio_stream: Annotated[
        Int,
        FieldFacts(
            "Whether the output is audio only",
            values={0: "audio and video (default)", 1: "audio only"},
            default=0,
            rule="mcu-legacy.output.pure-audio-stream",
            source="SDK models.OutputParams.PureAudioStream",
        ),
    ] = None
    record_id: Annotated[Str, FieldFacts("File name prefix of the old console recording")] = None
    record_audio_only: Annotated[
        Int,
        FieldFacts(
            "Old console recording: 1 records mp3",
            values={0: "no effect", 1: "mp3"},
            rule="mcu-legacy.output.record-audio-only",
            source="SDK models.OutputParams.RecordAudioOnly",
        ),
    ] = None


class EncodeParams(ApiModel):
    """Encoding of a legacy mix; the video fields are required for an audio-and-video output."""

    audio_sample_rate: Annotated[
        Int,
        FieldFacts(
            "Output sample rate",
            unit="Hz",
            values=dict.fromkeys((48000, 44100, 32000, 24000, 16000, 8000), ""),
            rule="mcu-legacy.encode.audio-sample-rate",
            source="SDK models.EncodeParams.AudioSampleRate",
        ),
    ] = None
    audio_bitrate: Annotated[
        Int,
        FieldFacts(
            "Output audio bit rate",
            unit="kbps",
            low=8,
            high=500,
            rule="mcu-legacy.encode.audio-bitrate-range",
            source="SDK models.EncodeParams.AudioBitrate",
        ),
    ] = None
    audio_channels: Annotated[
        Int,
        FieldFacts(
            "Output channels",
            values={1: "mono", 2: "stereo"},
            labels={},
            rule="mcu-legacy.encode.audio-channels",
            source="SDK models.EncodeParams.AudioChannels",
        ),
    ] = None
    video_width: Annotated[
        Int,
        FieldFacts(
            "Output width",
            unit="pixels",
            low=0,
            high=1920,
            rule="mcu-legacy.encode.video-width-range",
            source="SDK models.EncodeParams.VideoWidth",
        ),
    ] = None
    video_height: Annotated[
        Int,
        FieldFacts(
            "Output height (at most 1080, where StartPublishCdnStream allows 1920)",
            unit="pixels",
            low=0,
            high=1080,
            rule="mcu-legacy.encode.video-height-range",
            source="SDK models.EncodeParams.VideoHeight",
        ),
    ] = None
    video_bitrate: Annotated[
        Int,
        FieldFacts(
            "Output video bit rate",
            unit="kbps",
            low=1,
            high=10000,
            rule="mcu-legacy.encode.video-bitrate-range",
            source="SDK models.EncodeParams.VideoBitrate",
        ),
    ] = None
    video_framerate: Annotated[
        Int,
        FieldFacts(
            "Output frame rate",
            unit="fps",
            low=1,
            high=60,
            rule="mcu-legacy.encode.video-framerate-range",
            source="SDK models.EncodeParams.VideoFramerate",
        ),
    ] = None
    video_gop: Annotated[
        Int,
        FieldFacts(
            "Output key-frame interval",
            unit="seconds",
            low=1,
            high=5,
            rule="mcu-legacy.encode.video-gop-range",
            source="SDK models.EncodeParams.VideoGop",
        ),
    ] = None
    background_color: Annotated[
        Int,
        FieldFacts(
            "Canvas background colour as a decimal integer (0xRRGGBB as a number: 0 black, 16777215 white)",
            low=0,
            high=0xFFFFFF,
            default=0,
            rule="mcu-legacy.encode.background-color-range",
            source="SDK models.EncodeParams.BackgroundColor",
        ),
    ] = None
    background_image_id: Annotated[Int, FieldFacts(f"Canvas background image: {_CONSOLE_IMAGE}")] = None
    audio_codec: Annotated[
        Int,
        FieldFacts(
            "Output audio codec",
            values={0: "LC-AAC (default)", 1: "HE-AAC", 2: "HE-AACv2"},
            labels={0: "LC", 1: "HE", 2: "HEv2"},
            default=0,
            rule="mcu-legacy.encode.audio-codec",
            source="SDK models.EncodeParams.AudioCodec",
        ),
    ] = None
    background_image_url: Annotated[
        Str,
        FieldFacts(
            "Canvas background image URL (png, jpg, jpeg or bmp; no transparency; at most 2 MB; URL at most 512 "
            "bytes); wins over BackgroundImageId"
        ),
    ] = None


class SmallVideoLayoutParams(ApiModel):
    """The small picture of the picture-in-picture template (3)."""

    user_id: Annotated[Str, FieldFacts("UserId of the small picture")] = None
    stream_type: Annotated[
        Int,
        FieldFacts(
            "Which stream of the user",
            values={0: "camera", 1: "screen sharing"},
            labels={1: "screen"},
            rule="mcu-legacy.small-video.stream-type",
            source="SDK models.SmallVideoLayoutParams.StreamType",
        ),
    ] = None
    image_width: Annotated[Int, FieldFacts("Width of the small picture", unit="pixels", default=0)] = None
    image_height: Annotated[Int, FieldFacts("Height of the small picture", unit="pixels", default=0)] = None
    location_x: Annotated[Int, FieldFacts("Left edge of the small picture", unit="pixels", default=0)] = None
    location_y: Annotated[Int, FieldFacts("Top edge of the small picture", unit="pixels", default=0)] = None


class PresetLayoutConfig(ApiModel):
    """One place of the custom template (4): a user's picture in a box of the canvas, in pixels."""

    user_id: Annotated[Str, FieldFacts("UserId shown; absent: users in order of entering the room")] = None
    stream_type: Annotated[
        Int,
        FieldFacts(
            "Which stream of the user",
            values={0: "camera", 1: "screen sharing"},
            labels={1: "screen"},
            rule="mcu-legacy.place.stream-type",
            source="SDK models.PresetLayoutConfig.StreamType",
        ),
    ] = None
    image_width: Annotated[Int, FieldFacts("Width of the place", unit="pixels", default=0)] = None
    image_height: Annotated[Int, FieldFacts("Height of the place", unit="pixels", default=0)] = None
    location_x: Annotated[
        Int, FieldFacts("Left edge; LocationX + ImageWidth at most the output width", unit="pixels", default=0)
    ] = None
    location_y: Annotated[
        Int, FieldFacts("Top edge; LocationY + ImageHeight at most the output height", unit="pixels", default=0)
    ] = None
    z_order: Annotated[Int, FieldFacts("Stacking level: higher is drawn on top", default=0)] = None
    render_mode: Annotated[
        Int,
        FieldFacts(
            "How the picture fills the place",
            values={0: "crop (default)", 1: "fit", 2: "fit on black"},
            default=0,
            rule="mcu-legacy.place.render-mode",
            source="SDK models.PresetLayoutConfig.RenderMode",
        ),
    ] = None
    mix_input_type: Annotated[
        Int,
        FieldFacts(
            "What of the user is mixed",
            values={0: "audio and video (default)", 1: "video only", 2: "audio only"},
            labels={0: "av", 1: "video", 2: "audio"},
            default=0,
            rule="mcu-legacy.place.mix-input-type",
            source="SDK models.PresetLayoutConfig.MixInputType",
        ),
    ] = None
    place_image_id: Annotated[
        Int, FieldFacts(f"Placeholder while the user sends no video (PlaceHolderMode 1): {_CONSOLE_IMAGE}")
    ] = None


class WaterMarkParams(ApiModel):
    """The one image watermark of a legacy mix, in canvas pixels."""

    water_mark_id: Annotated[Int, FieldFacts(f"The watermark image: {_CONSOLE_IMAGE}")] = None
    water_mark_width: Annotated[Int, FieldFacts("Drawn width; LocationX + width at most the canvas", unit="pixels")] = (
        None
    )
    water_mark_height: Annotated[
        Int, FieldFacts("Drawn height; LocationY + height at most the canvas", unit="pixels")
    ] = None
    location_x: Annotated[Int, FieldFacts("Left edge", unit="pixels")] = None
    location_y: Annotated[Int, FieldFacts("Top edge", unit="pixels")] = None
    water_mark_url: Annotated[
        Str,
        FieldFacts(
            "The watermark image URL (png, jpg, jpeg or bmp; no transparency; at most 2 MB; URL at most 512 "
            "bytes); wins over WaterMarkId"
        ),
    ] = None


class LayoutParams(ApiModel):
    """Layout of a legacy mix: a template (0 to 3) or the custom template (4, PresetLayoutConfig)."""

    template: Annotated[
        Int,
        FieldFacts(
            "Layout template (codes differ from StartPublishCdnStream's MixLayoutMode)",
            values={
                0: "floating (default)",
                1: "grid",
                2: "screen sharing",
                3: "picture-in-picture",
                4: "custom (PresetLayoutConfig)",
            },
            labels={0: "float", 2: "share", 3: "pip"},
            default=0,
            rule="mcu-legacy.layout.template",
            source="SDK models.LayoutParams.Template",
        ),
    ] = None
    main_video_user_id: Annotated[
        Str, FieldFacts("Screen-sharing, floating and picture-in-picture templates: the UserId shown large")
    ] = None
    main_video_stream_type: Annotated[
        Int,
        FieldFacts(
            "Which stream of MainVideoUserId is shown large",
            values={0: "camera", 1: "screen sharing"},
            labels={1: "screen"},
            rule="mcu-legacy.layout.main-video-stream-type",
            source="SDK models.LayoutParams.MainVideoStreamType",
        ),
    ] = None
    small_video_layout_params: Annotated[
        SmallVideoLayoutParams | None, FieldFacts("Picture-in-picture template: the small picture")
    ] = None
    main_video_right_align: Annotated[
        Int,
        FieldFacts(
            "Screen-sharing template: which side the large picture takes",
            values={0: "left (default)", 1: "right"},
            default=0,
            rule="mcu-legacy.layout.main-video-right-align",
            source="SDK models.LayoutParams.MainVideoRightAlign",
        ),
    ] = None
    mix_video_uids: Annotated[
        list[StrictStr] | None,
        FieldFacts("Floating, grid and screen-sharing templates: only these users' video is mixed; at most 16"),
    ] = None
    preset_layout_config: Annotated[list[PresetLayoutConfig] | None, FieldFacts("Custom template (4): the places")] = (
        None
    )
    place_holder_mode: Annotated[
        Int,
        FieldFacts(
            "Custom template: whether a place whose user sends no video shows its PlaceImageId",
            values={0: "off (default)", 1: "on"},
            default=0,
            rule="mcu-legacy.layout.place-holder-mode",
            source="SDK models.LayoutParams.PlaceHolderMode",
        ),
    ] = None
    pure_audio_hold_place_mode: Annotated[
        Int,
        FieldFacts(
            "Floating, grid and screen-sharing templates: whether audio-only users take a place",
            values={
                0: "the service's default (floating and grid: take one; screen sharing: take none) (default)",
                1: "take a place",
                2: "take no place",
            },
            labels={0: "default", 1: "take", 2: "none"},
            default=0,
            rule="mcu-legacy.layout.pure-audio-hold-place-mode",
            source="SDK models.LayoutParams.PureAudioHoldPlaceMode",
        ),
    ] = None
    water_mark_params: Annotated[WaterMarkParams | None, FieldFacts("The one image watermark")] = None
    render_mode: Annotated[
        Int,
        FieldFacts(
            "Templates: how each picture fills its place (absent: the large screen-sharing picture fits, the "
            "others crop)",
            values=LEGACY_RENDER_MODES,
            labels={2: "black"},
            rule="mcu-legacy.layout.render-mode",
            source="SDK models.LayoutParams.RenderMode",
        ),
    ] = None


class PublishCdnParams(ApiModel):
    """A third-party CDN the legacy mix is relayed to (Tencent CSS needs none)."""

    biz_id: Annotated[Int, FieldFacts("Tencent Cloud CSS BizId")] = None
    publish_cdn_urls: Annotated[list[StrictStr] | None, FieldFacts("The third-party push URL (one at a time)")] = None


SdkAppId = Annotated[Int, FieldFacts("SDKAppID of the TRTC application of the room")]
Output = Annotated[OutputParams | None, FieldFacts("The output stream (StreamId)")]
Encode = Annotated[EncodeParams | None, FieldFacts("The encoding and the canvas")]
Layout = Annotated[LayoutParams | None, FieldFacts("The layout")]
Cdn = Annotated[PublishCdnParams | None, FieldFacts("A third-party CDN (Tencent CSS needs none)")]


class StartMCUMixTranscodeRequest(ApiModel):
    """Body of StartMCUMixTranscode: an integer room (RoomId is a JSON integer)."""

    sdk_app_id: SdkAppId = None
    room_id: Annotated[Int, FieldFacts("The integer room (a number, not a string)")] = None
    output_params: Output = None
    encode_params: Encode = None
    layout_params: Layout = None
    publish_cdn_params: Cdn = None


class StartMCUMixTranscodeByStrRoomIdRequest(ApiModel):
    """Body of StartMCUMixTranscodeByStrRoomId: a string room (StrRoomId)."""

    sdk_app_id: SdkAppId = None
    str_room_id: Annotated[Str, FieldFacts("The string room")] = None
    output_params: Output = None
    encode_params: Encode = None
    layout_params: Layout = None
    publish_cdn_params: Cdn = None
