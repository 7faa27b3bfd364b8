"""Inspector fields: which fields the studio edits, how typed text becomes a value, and where a finding belongs.

A :class:`FieldSpec` names a field by its API path — relative to the element for region and watermark fields,
from the preset root for the Canvas & encode, Audio mix, SEI and Target tabs. :func:`parse_value` turns typed text
into a value or raises :class:`FieldError` with a message for the user, so an invalid value (``12.5`` for a pixel
offset) never reaches the model. Range checks are the validator's: a parsed value goes into the design and the
validator's findings for that path are shown beside the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from ..model import McuUserInfoParams, MixUserInfo, Preset
from .access import get_path, ref_for_path, set_path

Kind = Literal["int", "str", "users"]
_INT = re.compile(r"[+-]?\d+")
#: The API's Integer fields are 64-bit: a longer number cannot be sent, so it is refused as it is typed.
API_INT_MIN, API_INT_MAX = -(2**63), 2**63 - 1


class FieldError(ValueError):
    """Typed text that cannot become the field's value (the message says why and what to type)."""


@dataclass(frozen=True)
class FieldSpec:
    """One inspector field: ``label`` shown, API ``path``, ``kind`` (int, str, or users: comma-separated UserIds
    of a McuUserInfoParams list), and a short ``hint`` (unit or allowed values)."""

    label: str
    path: str
    kind: Kind = "int"
    hint: str = ""


def _f(path: str, kind: Kind = "int", hint: str = "", label: str | None = None) -> FieldSpec:
    return FieldSpec(label or path.rsplit(".", 1)[-1], path, kind, hint)


REGION_FIELDS = (
    _f("LocationX", hint="px"),
    _f("LocationY", hint="px"),
    _f("ImageWidth", hint="px"),
    _f("ImageHeight", hint="px"),
    _f("ZOrder", hint="higher on top"),
    _f("RenderMode", hint="0 crop, 1 fit, 2 fit on black"),
    _f("UserMediaStream.UserInfo.UserId", "str", "empty: auto", "UserId"),
    _f("UserMediaStream.UserInfo.RoomId", "str", "empty: main room", "RoomId"),
    _f("UserMediaStream.UserInfo.RoomIdType", hint="0 int, 1 string", label="RoomIdType"),
    _f("UserMediaStream.StreamType", hint="0 camera, 1 screen", label="StreamType"),
    _f("CustomCrop.LocationX", hint="source px", label="Crop X"),
    _f("CustomCrop.LocationY", hint="source px", label="Crop Y"),
    _f("CustomCrop.Width", hint="source px", label="Crop W"),
    _f("CustomCrop.Height", hint="source px", label="Crop H"),
    _f("BackgroundImageUrl", "str", "placeholder PNG/JPEG", "BgImageUrl"),
    _f("BackgroundRenderMode", hint="0-4, default 3", label="BgRenderMode"),
    _f("BackgroundCustomRender.Width", hint="px", label="BgRender W"),
    _f("BackgroundCustomRender.Height", hint="px", label="BgRender H"),
    _f("BackgroundCustomRender.Radius", hint="px", label="BgRender R"),
    _f("BackGroundColor", "str", "0xRRGGBB", "BgColor"),
    _f("BackGroundColorMode", hint="bit0 placeholder, bit1 stream", label="BgColorMode"),
    _f("TransparentUrl", "str", "PNG alpha mask"),
    _f("EnableStreamSEI", hint="0/1", label="StreamSEI"),
)

_WM_COMMON = ("WaterMarkWidth", "WaterMarkHeight", "LocationX", "LocationY", "ZOrder", "DynamicPosType")
TEXT_WATERMARK_FIELDS = (
    _f("WaterMarkText.Text", "str", label="Text"),
    *(
        _f(
            f"WaterMarkText.{n}",
            hint="px" if "Location" in n or "Width" in n or "Height" in n else "",
            label=n.replace("WaterMark", ""),
        )
        for n in _WM_COMMON
    ),
    _f("WaterMarkText.FontSize", hint="px", label="FontSize"),
    _f("WaterMarkText.FontColor", "str", "0xRRGGBB", "FontColor"),
    _f("WaterMarkText.BackGroundColor", "str", "0xRRGGBB", "BgColor"),
    _f("WaterMarkText.Font", "str", "Tencent, SourceHanSans", "Font"),
)
IMAGE_WATERMARK_FIELDS = (
    _f("WaterMarkImage.WaterMarkUrl", "str", "PNG/JPEG URL", "WaterMarkUrl"),
    *(
        _f(
            f"WaterMarkImage.{n}",
            hint="px" if "Location" in n or "Width" in n or "Height" in n else "",
            label=n.replace("WaterMark", ""),
        )
        for n in _WM_COMMON
    ),
)

CANVAS_FIELDS = (
    _f("Name", "str"),
    _f("Description", "str"),
    _f("VideoParams.VideoEncode.Width", hint="px"),
    _f("VideoParams.VideoEncode.Height", hint="px"),
    _f("VideoParams.VideoEncode.Fps", hint="1-60"),
    _f("VideoParams.VideoEncode.BitRate", hint="kbps"),
    _f("VideoParams.VideoEncode.Gop", hint="s"),
    _f("VideoParams.BackGroundColor", "str", "0xRRGGBB", "BgColor"),
    _f("VideoParams.BackgroundImageUrl", "str", "PNG/JPEG URL", "BgImageUrl"),
    _f("VideoParams.BackgroundRenderMode", hint="0 crop, 1 fit, 2 stretch", label="BgRenderMode"),
    _f("VideoParams.LayoutParams.MixLayoutMode", hint="1 float, 2 share, 3 grid, 4 custom"),
    _f("VideoParams.LayoutParams.PureAudioHoldPlaceMode", hint="0/1, dynamic", label="PureAudioHold"),
    _f("VideoParams.LayoutParams.RenderMode", hint="dynamic: 0 crop, 1 fit, 2 black", label="DynRenderMode"),
)
AUDIO_FIELDS = (
    _f("AudioParams.AudioEncode.SampleRate", hint="Hz"),
    _f("AudioParams.AudioEncode.Channel", hint="1 or 2"),
    _f("AudioParams.AudioEncode.BitRate", hint="kbps"),
    _f("AudioParams.AudioEncode.Codec", hint="0 LC, 1 HE, 2 HEv2"),
    _f("AudioParams.SubscribeAudioList", "users", "UserIds, comma", "Allowlist"),
    _f("AudioParams.UnSubscribeAudioList", "users", "UserIds, comma", "Blocklist"),
)
SEI_FIELDS = (
    _f("SeiParams.LayoutVolume.AppData", "str", "< 4096 chars", "Vol AppData"),
    _f("SeiParams.LayoutVolume.PayloadType", hint="100-254, not 244", label="Vol PT"),
    _f("SeiParams.LayoutVolume.Interval", hint="ms", label="Vol Interval"),
    _f("SeiParams.LayoutVolume.FollowIdr", hint="0/1", label="Vol FollowIdr"),
    _f("SeiParams.PassThrough.PayloadContent", "str", label="Pass Content"),
    _f("SeiParams.PassThrough.PayloadType", hint="5, 100-254", label="Pass PT"),
    _f("SeiParams.PassThrough.PayloadUuid", "str", "32 hex", "Pass UUID"),
    _f("SeiParams.PassThrough.Interval", hint="ms", label="Pass Interval"),
    _f("SeiParams.PassThrough.FollowIdr", hint="0/1", label="Pass FollowIdr"),
)
TARGET_FIELDS = (
    _f("Target.Region", "str", "ap-guangzhou..."),
    _f("Target.SdkAppId"),
    _f("Target.RoomId", "str"),
    _f("Target.RoomIdType", hint="0 int, 1 string"),
    _f("Target.WithTranscoding", hint="0/1", label="Transcoding"),
    _f("Target.AgentParams.UserId", "str", label="Agent UserId"),
    _f("Target.AgentParams.MaxIdleTime", hint="s", label="MaxIdleTime"),
    _f("Target.PublishCdnParams[0].PublishCdnUrl", "str", "rtmp://", "CDN URL"),
    _f("Target.PublishCdnParams[0].IsTencentCdn", hint="0/1", label="IsTencentCdn"),
)

TABS = {"canvas": CANVAS_FIELDS, "audio": AUDIO_FIELDS, "sei": SEI_FIELDS, "target": TARGET_FIELDS}


def parse_value(spec: FieldSpec, text: str) -> Any:
    """The value typed ``text`` stands for (empty text: None, the field is removed). Raises FieldError."""
    text = text.strip()
    if not text:
        return None
    if spec.kind == "int":
        unit = f" ({spec.hint})" if spec.hint else ""
        if not _INT.fullmatch(text):
            raise FieldError(f"{spec.label} takes a whole number{unit}; {text!r} was not applied")
        value = int(text)
        if not API_INT_MIN <= value <= API_INT_MAX:
            raise FieldError(
                f"{spec.label} takes a whole number{unit} the API can hold (64-bit); "
                f"{len(text.lstrip('+-'))} digits were not applied"
            )
        return value
    if spec.kind == "users":
        return [u.strip() for u in text.split(",") if u.strip()]
    return text


def format_value(spec: FieldSpec, value: Any) -> str:
    """The text an input shows for ``value``."""
    if value is None:
        return ""
    if spec.kind == "users":
        return ", ".join((e.user_info.user_id or "") if e.user_info else "" for e in value)
    return str(value)


def read_field(preset: Preset, base: str, spec: FieldSpec) -> Any:
    """The field's current value in the design (``base`` is the element path, or "" for tab fields)."""
    return get_path(preset, full_path(base, spec))


def write_field(preset: Preset, base: str, spec: FieldSpec, value: Any) -> None:
    """Put a parsed value into the design. For a users list, entries of users that stay keep their RoomId and
    SoundLevel; new users get a bare UserInfo."""
    path = full_path(base, spec)
    if spec.kind == "users" and value is not None:
        old = {e.user_info.user_id: e for e in (get_path(preset, path) or []) if e.user_info}
        value = [old.get(u) or McuUserInfoParams(user_info=MixUserInfo(user_id=u)) for u in value]
    set_path(preset, path, value)


def full_path(base: str, spec: FieldSpec) -> str:
    """``base`` + ``.`` + the spec's path (just the spec's path when ``base`` is empty)."""
    return f"{base}.{spec.path}" if base else spec.path


_SECTIONS = ("VideoParams", "AudioParams", "SeiParams", "Name", "Description", "Target")


def preset_path(finding_path: str) -> str:
    """The preset path of a finding path: Target fields are reported at their request path (``AgentParams.UserId``)
    and live under ``Target`` in a preset."""
    head = re.split(r"[.\[]", finding_path, maxsplit=1)[0]
    if not finding_path or head in _SECTIONS or head == "Format":
        return finding_path
    return f"Target.{finding_path}"


def tab_for_path(finding_path: str) -> str:
    """The inspector tab showing a finding path: ``element``, ``canvas``, ``audio``, ``sei`` or ``target``."""
    path = preset_path(finding_path)
    ref, _ = ref_for_path(path)
    if ref is not None:
        return "element"
    if path.startswith("AudioParams"):
        return "audio"
    if path.startswith("SeiParams"):
        return "sei"
    if path.startswith("Target"):
        return "target"
    return "canvas"
