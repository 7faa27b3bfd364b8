"""Inspector fields: which fields the studio edits, how typed text becomes a value, and where a finding belongs.

An :class:`InspectorField` names a field by its API path — relative to the element for region and watermark fields,
from the preset root for the Canvas & encode, Audio mix, SEI and Target tabs. Its ``hint`` (the input's
placeholder) is derived from the field's facts on the model (:func:`field_hint`): the allowed values or range and
the unit, then the inspector's own ``note`` (``empty: auto``) when it has one. :func:`parse_value` turns typed text
into a value or raises :class:`FieldError` with a message for the user, so an invalid value (``12.5`` for a pixel
offset) never reaches the model. Range checks are the validator's: a parsed value goes into the design and the
validator's findings for that path are shown beside the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from ..model import (
    ApiModel,
    FieldFacts,
    McuLayout,
    McuUserInfoParams,
    McuWaterMarkParams,
    MixUserInfo,
    Preset,
    field_at,
    field_facts,
)
from ..values import ValueFormatError, normalize_color
from .access import get_path, ref_for_path, set_path

Kind = Literal["int", "str", "users", "color"]
_INT = re.compile(r"[+-]?\d+")
#: The API's Integer fields are 64-bit: a longer number cannot be sent, so it is refused as it is typed.
API_INT_MIN, API_INT_MAX = -(2**63), 2**63 - 1
#: How a hint writes a unit (the others as they are).
_SHORT_UNITS = {"pixels": "px", "seconds": "s", "minutes": "min", "milliseconds": "ms"}


class FieldError(ValueError):
    """Typed text that cannot become the field's value (the message says why and what to type)."""


@dataclass(frozen=True)
class InspectorField:
    """One inspector field: ``label`` shown, API ``path``, ``kind`` (int, str, users: comma-separated UserIds
    of a McuUserInfoParams list, or color: ``0xRRGGBB``), and a short ``hint`` (unit or allowed values, see
    :func:`field_hint`)."""

    label: str
    path: str
    kind: Kind = "int"
    hint: str = ""


def facts_hint(facts: FieldFacts) -> str:
    """The short hint of a field's facts: allowed values with their labels (``0 crop, 1 fit, 2 fit on black``) or
    bare (``0/1``), a range with its unit (``5-86400 s``), or the unit alone (``px``); empty when there is none."""
    unit = " ".join(_SHORT_UNITS.get(word, word) for word in facts.unit.split())
    if facts.values is not None:
        if facts.labels is not None:
            text = ", ".join(f"{v} {facts.label(v)}".rstrip() for v in facts.values)
        else:
            text = "/".join(str(v) for v in facts.values)
        return f"{text} {unit}".rstrip()
    if facts.low is not None and facts.high is not None:
        return f"{facts.low}-{facts.high} {unit}".rstrip()
    if facts.low is not None or facts.high is not None:
        return f"{facts.limit().replace(facts.unit, unit)}".rstrip()
    return unit


def field_hint(root: type[ApiModel], path: str, note: str = "") -> str:
    """The hint of the field at API ``path`` from model ``root``: :func:`facts_hint` of its facts, then ``note``
    (``0/1, dynamic``). Raises KeyError when no model declares the path."""
    cls, attr = field_at(root, path)
    facts = field_facts(cls).get(attr)
    derived = facts_hint(facts) if facts is not None else ""
    return ", ".join(part for part in (derived, note) if part)


def _fields(root: type[ApiModel], *rows: tuple[str, ...]) -> tuple[InspectorField, ...]:
    """Inspector fields from rows ``(path, kind, note, label)`` (trailing items optional; label: the path's last
    name), their hints derived from ``root``'s field facts."""
    out = []
    for path, *rest in rows:
        kind, note, label = (*rest, "", "", "")[:3]
        out.append(InspectorField(label or path.rsplit(".", 1)[-1], path, _kind(kind), field_hint(root, path, note)))
    return tuple(out)


def _kind(text: str) -> Kind:
    if text in ("", "int"):
        return "int"
    if text == "str":
        return "str"
    if text == "users":
        return "users"
    if text == "color":
        return "color"
    raise ValueError(f"unknown inspector field kind {text!r}")


REGION_FIELDS = _fields(
    McuLayout,
    ("LocationX",),
    ("LocationY",),
    ("ImageWidth",),
    ("ImageHeight",),
    ("ZOrder", "int", "higher on top"),
    ("RenderMode",),
    ("UserMediaStream.UserInfo.UserId", "str", "empty: auto", "UserId"),
    ("UserMediaStream.UserInfo.RoomId", "str", "empty: main room", "RoomId"),
    ("UserMediaStream.UserInfo.RoomIdType", "int", "", "RoomIdType"),
    ("UserMediaStream.StreamType", "int", "", "StreamType"),
    ("CustomCrop.LocationX", "int", "", "Crop X"),
    ("CustomCrop.LocationY", "int", "", "Crop Y"),
    ("CustomCrop.Width", "int", "", "Crop W"),
    ("CustomCrop.Height", "int", "", "Crop H"),
    ("BackgroundImageUrl", "str", "placeholder PNG/JPEG", "BgImageUrl"),
    ("BackgroundRenderMode", "int", "", "BgRenderMode"),
    ("BackgroundCustomRender.Width", "int", "", "BgRender W"),
    ("BackgroundCustomRender.Height", "int", "", "BgRender H"),
    ("BackgroundCustomRender.Radius", "int", "", "BgRender R"),
    ("BackGroundColor", "color", "0xRRGGBB", "BgColor"),
    ("BackGroundColorMode", "int", "", "BgColorMode"),
    ("TransparentUrl", "str", "PNG alpha mask"),
    ("EnableStreamSEI", "int", "", "StreamSEI"),
)


def _watermark_rows(part: str) -> tuple[tuple[str, ...], ...]:
    return tuple(
        (f"{part}.{name}", "int", "", name.replace("WaterMark", ""))
        for name in ("WaterMarkWidth", "WaterMarkHeight", "LocationX", "LocationY", "ZOrder", "DynamicPosType")
    )


TEXT_WATERMARK_FIELDS = _fields(
    McuWaterMarkParams,
    ("WaterMarkText.Text", "str", "", "Text"),
    *_watermark_rows("WaterMarkText"),
    ("WaterMarkText.FontSize", "int", "", "FontSize"),
    ("WaterMarkText.FontColor", "color", "0xRRGGBB", "FontColor"),
    ("WaterMarkText.BackGroundColor", "color", "0xRRGGBB", "BgColor"),
    ("WaterMarkText.Font", "str", "Tencent, SourceHanSans", "Font"),
)
IMAGE_WATERMARK_FIELDS = _fields(
    McuWaterMarkParams,
    ("WaterMarkImage.WaterMarkUrl", "str", "PNG/JPEG URL", "WaterMarkUrl"),
    *_watermark_rows("WaterMarkImage"),
)

CANVAS_FIELDS = _fields(
    Preset,
    ("Name", "str"),
    ("Description", "str"),
    ("VideoParams.VideoEncode.Width",),
    ("VideoParams.VideoEncode.Height",),
    ("VideoParams.VideoEncode.Fps",),
    ("VideoParams.VideoEncode.BitRate",),
    ("VideoParams.VideoEncode.Gop",),
    ("VideoParams.BackGroundColor", "color", "0xRRGGBB", "BgColor"),
    ("VideoParams.BackgroundImageUrl", "str", "PNG/JPEG URL", "BgImageUrl"),
    ("VideoParams.BackgroundRenderMode", "int", "", "BgRenderMode"),
    ("VideoParams.LayoutParams.MixLayoutMode",),
    ("VideoParams.LayoutParams.PureAudioHoldPlaceMode", "int", "dynamic", "PureAudioHold"),
    ("VideoParams.LayoutParams.RenderMode", "int", "dynamic", "DynRenderMode"),
)
AUDIO_FIELDS = _fields(
    Preset,
    ("AudioParams.AudioEncode.SampleRate",),
    ("AudioParams.AudioEncode.Channel",),
    ("AudioParams.AudioEncode.BitRate",),
    ("AudioParams.AudioEncode.Codec",),
    ("AudioParams.SubscribeAudioList", "users", "UserIds, comma", "Allowlist"),
    ("AudioParams.UnSubscribeAudioList", "users", "UserIds, comma", "Blocklist"),
)
SEI_FIELDS = _fields(
    Preset,
    ("SeiParams.LayoutVolume.AppData", "str", "< 4096 chars", "Vol AppData"),
    ("SeiParams.LayoutVolume.PayloadType", "int", "100-254, not 244", "Vol PT"),
    ("SeiParams.LayoutVolume.Interval", "int", "", "Vol Interval"),
    ("SeiParams.LayoutVolume.FollowIdr", "int", "", "Vol FollowIdr"),
    ("SeiParams.PassThrough.PayloadContent", "str", "", "Pass Content"),
    ("SeiParams.PassThrough.PayloadType", "int", "5, 100-254", "Pass PT"),
    ("SeiParams.PassThrough.PayloadUuid", "str", "32 hex", "Pass UUID"),
    ("SeiParams.PassThrough.Interval", "int", "", "Pass Interval"),
    ("SeiParams.PassThrough.FollowIdr", "int", "", "Pass FollowIdr"),
)
TARGET_FIELDS = _fields(
    Preset,
    ("Target.Region", "str", "ap-guangzhou..."),
    ("Target.SdkAppId",),
    ("Target.RoomId", "str"),
    ("Target.RoomIdType",),
    ("Target.WithTranscoding", "int", "", "Transcoding"),
    ("Target.AgentParams.UserId", "str", "", "Agent UserId"),
    ("Target.AgentParams.MaxIdleTime", "int", "", "MaxIdleTime"),
    ("Target.PublishCdnParams[0].PublishCdnUrl", "str", "rtmp://", "CDN URL"),
    ("Target.PublishCdnParams[0].IsTencentCdn", "int", "", "IsTencentCdn"),
)

TABS = {"canvas": CANVAS_FIELDS, "audio": AUDIO_FIELDS, "sei": SEI_FIELDS, "target": TARGET_FIELDS}


def parse_value(spec: InspectorField, text: str) -> Any:
    """The value typed ``text`` stands for (empty text: None, the field is removed); a colour is written in the API's
    form ``0xRRGGBB`` (``#RRGGBB`` and bare ``RRGGBB`` are converted, :func:`layout_studio.values.normalize_color`).
    Raises FieldError."""
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
    if spec.kind == "color":
        try:
            return normalize_color(text)
        except ValueFormatError:
            raise FieldError(
                f"{spec.label} takes a colour 0xRRGGBB (or #RRGGBB), e.g. 0xFF0000 red; {text!r} was not applied"
            ) from None
    return text


def format_value(spec: InspectorField, value: Any) -> str:
    """The text an input shows for ``value``."""
    if value is None:
        return ""
    if spec.kind == "users":
        return ", ".join((e.user_info.user_id or "") if e.user_info else "" for e in value)
    return str(value)


def read_field(preset: Preset, base: str, spec: InspectorField) -> Any:
    """The field's current value in the design (``base`` is the element path, or "" for tab fields)."""
    return get_path(preset, full_path(base, spec))


def write_field(preset: Preset, base: str, spec: InspectorField, value: Any) -> None:
    """Put a parsed value into the design. For a users list, entries of users that stay keep their RoomId and
    SoundLevel; new users get a bare UserInfo."""
    path = full_path(base, spec)
    if spec.kind == "users" and value is not None:
        old = {e.user_info.user_id: e for e in (get_path(preset, path) or []) if e.user_info}
        value = [old.get(u) or McuUserInfoParams(user_info=MixUserInfo(user_id=u)) for u in value]
    set_path(preset, path, value)


def full_path(base: str, spec: InspectorField) -> str:
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
