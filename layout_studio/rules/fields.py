"""Single-field rules: the enums and ranges of every documented integer field, one stable code each.

Table-driven: each :class:`FieldSpec` names the model class, the attribute, the allowed values (a set, with their
meaning) or an inclusive range, the severity and the source. A value outside is reported at the field's API path,
with the value, the limit and the fix. Absent fields are not checked here (requirements live with their concern).
Where the manual and the SDK disagree (VideoEncode Height, Fps, BitRate) the SDK range is the error and
``video.encode.manual-differs`` warns about the difference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args, get_origin

from .. import model as api_model
from ..findings import Severity
from ..model import (
    AgentParams,
    AudioEncode,
    CloudStorage,
    McuFeedBackRoomParams,
    McuLayout,
    McuLayoutParams,
    McuLayoutVolume,
    McuPassThrough,
    McuPublishCdnParam,
    McuRecordParams,
    McuUserInfoParams,
    McuVideoParams,
    McuWaterMarkImage,
    McuWaterMarkParams,
    McuWaterMarkText,
    MixUserInfo,
    StartPublishCdnStreamRequest,
    UpdatePublishCdnStreamRequest,
    UserMediaStream,
    VideoEncode,
    join_path,
)
from .registry import Context, Rule, add_rule, rule

E, W = Severity.ERROR, Severity.WARNING
INT_LOW, INT_HIGH = -(2**63), 2**64 - 1  # what any 64-bit integer (signed or not) can hold


@dataclass(frozen=True)
class FieldSpec:
    """An enum (``values``: value -> meaning) or an inclusive range (``low``..``high``, either may be None)."""

    code: str
    cls: type | tuple[type, ...]
    attr: str
    source: str
    values: dict[int, str] | None = None
    low: int | None = None
    high: int | None = None
    unit: str = ""
    severity: Severity = E


def _sdk(t: str, f: str) -> str:
    return f"SDK models.py {t}.{f}; manual 001 Data Types {t}"


def _sdk_only(t: str, f: str) -> str:
    return f"SDK models.py {t}.{f} (not in manual 001)"


SPECS: tuple[FieldSpec, ...] = (
    # VideoEncode (SDK ranges; the manual's narrower/wider ones are warned about below)
    FieldSpec(
        "video.encode.width-range", VideoEncode, "width", _sdk("VideoEncode", "Width"), low=0, high=1920, unit=" pixels"
    ),
    FieldSpec(
        "video.encode.height-range",
        VideoEncode,
        "height",
        "SDK models.py VideoEncode.Height [0,1920]; manual 001 Data Types VideoEncode says [0,1080]",
        low=0,
        high=1920,
        unit=" pixels",
    ),
    FieldSpec(
        "video.encode.fps-range",
        VideoEncode,
        "fps",
        "SDK models.py VideoEncode.Fps [1,60]; manual 001 Data Types VideoEncode says [0,60]",
        low=0,
        high=60,
        unit=" fps",
    ),
    FieldSpec(
        "video.encode.bitrate-range",
        VideoEncode,
        "bit_rate",
        "SDK models.py VideoEncode.BitRate [1,10000]; manual 001 Data Types VideoEncode says [0,10000]",
        low=0,
        high=10000,
        unit=" kbps",
    ),
    FieldSpec("video.encode.gop-range", VideoEncode, "gop", _sdk("VideoEncode", "Gop"), low=1, high=5, unit=" seconds"),
    FieldSpec(
        "video.background-render-mode",
        McuVideoParams,
        "background_render_mode",
        _sdk("McuVideoParams", "BackgroundRenderMode"),
        values={0: "crop", 1: "fit on black", 2: "stretch (default)"},
    ),
    # AudioEncode
    FieldSpec(
        "audio.encode.sample-rate",
        AudioEncode,
        "sample_rate",
        _sdk("AudioEncode", "SampleRate"),
        values={48000: "Hz", 44100: "Hz", 32000: "Hz", 24000: "Hz", 16000: "Hz", 8000: "Hz"},
    ),
    FieldSpec(
        "audio.encode.channel", AudioEncode, "channel", _sdk("AudioEncode", "Channel"), values={1: "mono", 2: "stereo"}
    ),
    FieldSpec(
        "audio.encode.bitrate-range",
        AudioEncode,
        "bit_rate",
        _sdk("AudioEncode", "BitRate"),
        low=8,
        high=500,
        unit=" kbps",
    ),
    FieldSpec(
        "audio.encode.codec",
        AudioEncode,
        "codec",
        _sdk("AudioEncode", "Codec"),
        values={0: "LC-AAC (default)", 1: "HE-AAC", 2: "HE-AACv2"},
    ),
    FieldSpec(
        "audio.sound-level.range",
        McuUserInfoParams,
        "sound_level",
        _sdk_only("McuUserInfoParams", "SoundLevel"),
        low=0,
        high=100,
    ),
    # Layout
    FieldSpec(
        "layout.mix-layout-mode",
        McuLayoutParams,
        "mix_layout_mode",
        _sdk("McuLayoutParams", "MixLayoutMode"),
        values={1: "floating (default)", 2: "screen sharing", 3: "grid", 4: "custom (MixLayoutList)"},
    ),
    FieldSpec(
        "layout.pure-audio-hold-place-mode",
        McuLayoutParams,
        "pure_audio_hold_place_mode",
        _sdk("McuLayoutParams", "PureAudioHoldPlaceMode"),
        values={0: "audio-only users take no place (default)", 1: "audio-only users take a place"},
    ),
    FieldSpec(
        "layout.render-mode",
        McuLayoutParams,
        "render_mode",
        _sdk("McuLayoutParams", "RenderMode"),
        values={0: "crop", 1: "fit", 2: "fit on black"},
    ),
    FieldSpec(
        "layout.enable-stream-sei",
        McuLayoutParams,
        "enable_stream_sei",
        _sdk_only("McuLayoutParams", "EnableStreamSEI"),
        values={0: "drop", 1: "keep (default)"},
    ),
    FieldSpec(
        "layout.region.render-mode",
        McuLayout,
        "render_mode",
        _sdk("McuLayout", "RenderMode"),
        values={0: "crop (default)", 1: "fit showing the background", 2: "fit on black"},
    ),
    FieldSpec(
        "layout.region.background-render-mode",
        McuLayout,
        "background_render_mode",
        "SDK models.py McuLayout.BackgroundRenderMode (4 is SDK only); manual 001 Data Types McuLayout",
        values={
            0: "crop",
            1: "fit with background",
            2: "fit on black",
            3: "stretch (default)",
            4: "custom (BackgroundCustomRender)",
        },
    ),
    FieldSpec(
        "layout.region.background-color-mode",
        McuLayout,
        "back_ground_color_mode",
        _sdk_only("McuLayout", "BackGroundColorMode"),
        values={0: "off (default)", 1: "placeholder scaling", 2: "stream scaling", 3: "both"},
    ),
    FieldSpec(
        "layout.region.enable-stream-sei",
        McuLayout,
        "enable_stream_sei",
        _sdk_only("McuLayout", "EnableStreamSEI"),
        values={0: "drop", 1: "keep (default)"},
    ),
    FieldSpec(
        "user.stream-type",
        UserMediaStream,
        "stream_type",
        _sdk("UserMediaStream", "StreamType"),
        values={0: "camera (default)", 1: "screen sharing"},
    ),
    FieldSpec(
        "room.room-id-type",
        MixUserInfo,
        "room_id_type",
        _sdk("MixUserInfo", "RoomIdType"),
        values={0: "integer room", 1: "string room"},
    ),
    FieldSpec(
        "feedback.room-id-type",
        McuFeedBackRoomParams,
        "room_id_type",
        _sdk("McuFeedBackRoomParams", "RoomIdType"),
        values={0: "integer room", 1: "string room"},
    ),
    # Watermarks
    FieldSpec(
        "watermark.type",
        McuWaterMarkParams,
        "water_mark_type",
        _sdk("McuWaterMarkParams", "WaterMarkType"),
        values={0: "image (default)", 1: "text"},
    ),
    FieldSpec(
        "watermark.image.dynamic-pos-type",
        McuWaterMarkImage,
        "dynamic_pos_type",
        _sdk_only("McuWaterMarkImage", "DynamicPosType"),
        values={0: "fixed (default)", 1: "random position every second", 2: "bounce every frame"},
    ),
    FieldSpec(
        "watermark.text.dynamic-pos-type",
        McuWaterMarkText,
        "dynamic_pos_type",
        _sdk_only("McuWaterMarkText", "DynamicPosType"),
        values={0: "fixed (default)", 1: "random position every second", 2: "bounce every frame"},
    ),
    # SEI
    FieldSpec(
        "sei.layout-volume.follow-idr",
        McuLayoutVolume,
        "follow_idr",
        _sdk("McuLayoutVolume", "FollowIdr"),
        values={0: "not guaranteed on keyframes (default)", 1: "on every keyframe"},
    ),
    FieldSpec(
        "sei.pass-through.follow-idr",
        McuPassThrough,
        "follow_idr",
        _sdk("McuPassThrough", "FollowIdr"),
        values={0: "not guaranteed on keyframes (default)", 1: "on every keyframe"},
    ),
    # Task
    FieldSpec(
        "task.max-idle-time.range",
        AgentParams,
        "max_idle_time",
        _sdk("AgentParams", "MaxIdleTime"),
        low=5,
        high=86400,
        unit=" seconds",
    ),
    FieldSpec(
        "task.room-id-type",
        StartPublishCdnStreamRequest,
        "room_id_type",
        "SDK models.py StartPublishCdnStreamRequest.RoomIdType; manual 001 StartPublishCdnStream",
        values={0: "integer room", 1: "string room"},
    ),
    FieldSpec(
        "task.with-transcoding",
        (StartPublishCdnStreamRequest, UpdatePublishCdnStreamRequest),
        "with_transcoding",
        "SDK models.py StartPublishCdnStreamRequest.WithTranscoding; manual 001 "
        "StartPublishCdnStream, UpdatePublishCdnStream",
        values={0: "single-stream relay", 1: "mixing, transcoded"},
    ),
    FieldSpec(
        "cdn.is-tencent-cdn",
        McuPublishCdnParam,
        "is_tencent_cdn",
        _sdk("McuPublishCdnParam", "IsTencentCdn"),
        values={0: "third-party CDN (billed)", 1: "Tencent CDN (default)"},
    ),
    # Recording (SDK only)
    FieldSpec(
        "record.uni-record",
        McuRecordParams,
        "uni_record",
        _sdk_only("McuRecordParams", "UniRecord"),
        values={1: "no recording", 2: "record with the console template", 3: "record with these parameters"},
    ),
    FieldSpec(
        "record.wait-time.range",
        McuRecordParams,
        "record_wait_time",
        _sdk_only("McuRecordParams", "RecordWaitTime"),
        low=5,
        high=86400,
        unit=" seconds",
    ),
    FieldSpec(
        "record.max-file-duration.range",
        McuRecordParams,
        "max_media_file_duration",
        _sdk_only("McuRecordParams", "MaxMediaFileDuration"),
        low=1,
        high=1440,
        unit=" minutes",
    ),
    FieldSpec(
        "record.stream-type",
        McuRecordParams,
        "stream_type",
        _sdk_only("McuRecordParams", "StreamType"),
        values={0: "audio and video", 1: "audio only", 2: "video only"},
    ),
    FieldSpec(
        "record.cloud-storage.vendor",
        CloudStorage,
        "vendor",
        "manual 001 Data Types CloudStorage.Vendor",
        values={0: "Tencent COS", 1: "AWS"},
    ),
)


def _describe(spec: FieldSpec) -> str:
    if spec.values is not None:
        return ", ".join(f"{v} ({m})" if m != "Hz" else f"{v}" for v, m in spec.values.items())
    if spec.low is not None and spec.high is not None:
        return f"{spec.low}..{spec.high}{spec.unit}"
    return f">= {spec.low}{spec.unit}" if spec.low is not None else f"<= {spec.high}{spec.unit}"


def _check_for(spec: FieldSpec):
    classes = spec.cls if isinstance(spec.cls, tuple) else (spec.cls,)
    name = classes[0].api_name(spec.attr)
    limit = _describe(spec)
    fix = "set one of these" if spec.values is not None else "set a value in that range"

    def check(ctx: Context):
        for path, model in (item for cls in classes for item in ctx.of_type(cls)):
            value = getattr(model, spec.attr)
            if value is None:
                continue
            if spec.values is not None:
                bad = value not in spec.values
            else:
                bad = (spec.low is not None and value < spec.low) or (spec.high is not None and value > spec.high)
            if bad:
                yield join_path(path, name), f"{name} is {value}; valid: {limit} — {fix}"

    check.__doc__ = f"{classes[0].__name__}.{name} must be {limit}."
    return check


for _spec in SPECS:
    _check = _check_for(_spec)
    add_rule(Rule(_spec.code, _spec.severity, _spec.source, _check, _check.__doc__ or ""))


@rule(
    "video.encode.manual-differs",
    W,
    "SDK models.py VideoEncode (Height [0,1920], Fps [1,60], BitRate [1,10000]); manual 001 Data Types "
    "VideoEncode (Height [0,1080], Fps [0,60], BitRate [0,10000])",
)
def encode_manual_differs(ctx: Context):
    """Values the SDK allows but the older manual does not (or the reverse): may be rejected by older servers."""
    for path, ve in ctx.of_type(VideoEncode):
        if ve.height is not None and 1080 < ve.height <= 1920:
            yield (
                f"{path}.Height",
                f"Height {ve.height} is allowed by the SDK (0..1920) but the manual says 0..1080; "
                f"portrait canvases need it — if the API rejects it, use at most 1080",
            )
        if ve.fps == 0:
            yield f"{path}.Fps", "Fps 0 is allowed by the manual (0..60) but not the SDK (1..60); use 1..60"
        if ve.bit_rate == 0:
            yield (
                f"{path}.BitRate",
                "BitRate 0 is allowed by the manual (0..10000) but not the SDK (1..10000); use 1..10000 kbps",
            )


def _int_fields() -> dict[type, list[str]]:
    """Model class -> its integer attributes that no FieldSpec ranges (computed once)."""
    ranged = {(cls, spec.attr) for spec in SPECS for cls in (spec.cls if isinstance(spec.cls, tuple) else (spec.cls,))}

    def is_int(annotation) -> bool:
        if annotation is int:
            return True
        return get_origin(annotation) is not list and any(is_int(a) for a in get_args(annotation))

    out: dict[type, list[str]] = {}
    for cls in (getattr(api_model, name) for name in api_model.__all__):
        if isinstance(cls, type) and issubclass(cls, api_model.ApiModel):
            attrs = [a for a, f in cls.model_fields.items() if is_int(f.annotation) and (cls, a) not in ranged]
            if attrs:
                out[cls] = attrs
    return out


_INT_FIELDS = _int_fields()


@rule(
    "value.integer.64-bit",
    E,
    "Layout Studio: an API Integer is a 64-bit number (SDK models.py int fields, "
    "manual 001 Data Types 'Integer'); fields with a documented range say more",
)
def integer_64_bit(ctx: Context):
    """An integer beyond any 64-bit integer (-2^63..2^64-1) cannot reach the API (fields without their own range:
    SdkAppId, SequenceNumber, ZOrder, FontSize, ...)."""
    for cls, attrs in _INT_FIELDS.items():
        for path, item in ctx.of_type(cls):
            for attr in attrs:
                value = getattr(item, attr)
                if value is None or INT_LOW <= value <= INT_HIGH:
                    continue
                name, text = cls.api_name(attr), str(value)
                shown = text if len(text) <= 24 else f"{text[:20]}... ({len(text.lstrip('-'))} digits)"
                yield (
                    join_path(path, name),
                    (
                        f"{name} {shown} is beyond any 64-bit integer ({INT_LOW}..{INT_HIGH}): "
                        f"the API cannot read it — use a value in the field's range"
                    ),
                )
