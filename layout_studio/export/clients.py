"""What the client SDK targets share: a fixed layout, unique zOrder values, users and rooms in the SDK's form,
text watermarks drawn to PNG files, and the encoding.

* **Fixed layout**: the client configs have no dynamic templates, so a dynamic layout (MixLayoutMode 1-3) is
  exported as the custom layout its template gives for ``users`` users (:func:`layout_studio.mix.materialize`,
  default 4), with a warning ``export.<target>.dynamic-layout``.
* **zOrder**: the SDKs want unique values in a range (TRTCVideoLayout 0..15, TRTCMixUser and the Web plugin
  1..15). Regions and watermarks are put in the MCU's drawing order (:func:`layout_studio.mix.stacking_key`); when
  their ZOrders are unique and in range they are kept, else renumbered by that order from the range's start (an
  info ``export.<target>.zorder`` lists it). Too many layers stay over the range, for the pack to refuse.
* **Text watermarks**: no client config draws text, so each text watermark becomes a PNG next to the output
  (``<output stem>.watermark-<n>.png``, drawn by the preview's renderer when the body is written) referenced by its
  file name, with a warning ``export.<target>.text-watermark`` saying to host it and put its URL there; without an
  output file the watermark is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..mix import DEFAULT_DYNAMIC_USERS, MODE_NAMES, LayerKind, Slot, materialize, stacking_key
from ..model import McuWaterMarkImage, McuWaterMarkParams, McuWaterMarkText, MixUserInfo, join_path
from ..model.client import Rect, TRTCUser
from ..sources import api, sdk
from ..values import ValueFormatError
from .base import Source, TextAsset
from .convert import clamp, rgb_number
from .losses import who


def color_number(src: Source, color: str | None, path: str) -> int | None:
    """The number (0xRRGGBB as an integer) of colour ``color`` at preset ``path``; an error finding and None for
    one that is not 0xRRGGBB."""
    if color is None:
        return None
    try:
        return rgb_number(color)
    except ValueFormatError as exc:
        src.error("color", path, f"{exc}; fix it in the preset", sdk("McuVideoParams.BackGroundColor"))
        return None


def fit(src: Source, value: int | None, low: int, high: int, path: str, code: str, name: str) -> int | None:
    """``value`` brought into the SDK field ``name``'s range ``low..high``; a warning ``export.<target>.<code>``
    at preset ``path`` when it had to move."""
    if value is None:
        return None
    kept = clamp(value, low, high)
    if kept != value:
        src.lost(
            code,
            path,
            f"{value} is outside the range of {name} ({low}..{high}); exported as {kept}",
            f"Client SDK {name}",
        )
    return kept


def fixed(src: Source) -> Source:
    """``src`` itself for a custom layout or an audio-only design (no picture, no layout); for a dynamic one a Source
    of the custom layout its template gives for the ``users`` option (default 4) users, sharing ``src``'s findings,
    with the ``dynamic-layout`` warning."""
    if src.design.custom or src.design.audio_only:
        return src
    users = src.options.users if src.options.users is not None else DEFAULT_DYNAMIC_USERS
    src.lost(
        "dynamic-layout",
        "VideoParams.LayoutParams.MixLayoutMode",
        f"MixLayoutMode {src.design.mode} ({MODE_NAMES[src.design.mode]}) has no counterpart: exported as the custom "
        f"layout the template gives for {users} users (--users N); it no longer adapts to who is in the room, and "
        "its places are Layout Studio's approximation of the template",
        f"{api('StartPublishCdnStream', 'layout templates')}; Layout Studio assumption (approximation)",
    )
    out = Source(materialize(src.preset, users), src.target, src.options, findings=src.findings)
    return out


@dataclass(frozen=True)
class Layer:
    """A region or a watermark with the zOrder the SDK gets."""

    kind: LayerKind
    index: int
    z_order: int


def zorders(
    src: Source, slots: Sequence[Slot], marks: Sequence[tuple[int, int]], low: int, high: int
) -> dict[tuple[LayerKind, int], int]:
    """``(kind, index) -> zOrder`` for the regions ``slots`` and the watermarks ``marks`` (``(index, ZOrder)``),
    unique and from ``low`` (see the module docstring)."""
    items = [(LayerKind.REGION, s.index, s.z_order) for s in slots]
    items += [(LayerKind.WATERMARK, i, z) for i, z in marks]
    items.sort(key=lambda item: stacking_key(item[2], item[0], item[1]))
    values = [z for _, _, z in items]
    if len(set(values)) == len(values) and all(low <= z <= high for z in values):
        return {(kind, i): z for kind, i, z in items}
    out = {(kind, i): low + rank for rank, (kind, i, _z) in enumerate(items)}
    shown = ", ".join(f"{kind.value} {i}: {z} -> {out[(kind, i)]}" for kind, i, z in items)
    src.lost(
        "zorder",
        "VideoParams",
        f"the SDK needs a unique zOrder from {low} to {high} for each layer; renumbered in the MCU's drawing order "
        f"({shown})" + ("; too many layers for the range" if len(items) > high - low + 1 else ""),
        f"{sdk('McuLayout.ZOrder')}; Layout Studio assumption (equal ZOrders stack in list order)",
        visible=len(items) > high - low + 1,
    )
    return out


def room_of(src: Source, info: MixUserInfo | None) -> tuple[str | None, int | None]:
    """(RoomId, RoomIdType in the mixing APIs' meaning) of a user: their own room, else the main room."""
    if info is not None and info.room_id is not None:
        kind = info.room_id_type
        if kind is None:
            kind = 0 if info.room_id.isascii() and info.room_id.isdigit() else 1
        return info.room_id, kind
    return src.room_id, src.room_id_type


def trtc_user(src: Source, user_id: str | None, info: MixUserInfo | None) -> TRTCUser:
    """The TRTCUser of a user (``user_id`` None: an empty one, filled automatically): an integer room in
    intRoomId, a string room in strRoomId."""
    if user_id is None:
        return TRTCUser(user_id="", int_room_id=0, str_room_id="")
    room, kind = room_of(src, info)
    if room is None:
        return TRTCUser(user_id=user_id, int_room_id=0, str_room_id="")
    if kind == 0 and room.isascii() and room.isdigit():
        return TRTCUser(user_id=user_id, int_room_id=int(room), str_room_id="")
    return TRTCUser(user_id=user_id, int_room_id=0, str_room_id=room)


def exported_marks(src: Source) -> list[tuple[int, McuWaterMarkParams, McuWaterMarkImage | McuWaterMarkText]]:
    """``(index, watermark, body)`` of each watermark that has a body."""
    out = []
    for i, mark in enumerate(src.design.video.water_mark_list or []):
        body = mark.body
        if body is not None:
            out.append((i, mark, body))
    return out


def mark_url(src: Source, index: int, mark: McuWaterMarkParams) -> tuple[str | None, TextAsset | None]:
    """The URL a client config references for watermark ``index``: an image watermark's own URL, or the PNG file a
    text watermark is drawn to (None without an output file: the watermark is lost)."""
    body = mark.body
    if not isinstance(body, McuWaterMarkText):
        return (body.water_mark_url if isinstance(body, McuWaterMarkImage) else None), None
    path = join_path("VideoParams.WaterMarkList", index)
    output = src.options.output
    if output is None:
        src.lost(
            "text-watermark",
            path,
            f"text watermark {index} ({body.text!r}) is lost: the SDK cannot draw text; give an output file (-o) to "
            "have it drawn to a PNG",
            sdk("McuWaterMarkText"),
        )
        return None, None
    name = f"{output.stem}.watermark-{index}.png"
    src.lost(
        "text-watermark",
        path,
        f"text watermark {index} ({body.text!r}) is drawn to {name} (the SDK cannot draw text): host it over https "
        "and put its URL in place of the file name",
        sdk("McuWaterMarkText"),
    )
    return name, TextAsset(name, path, mark)


def placeholder_losses(src: Source, slots: Sequence[Slot], kind: str) -> None:
    """A placeholder's own fill mode (BackgroundRenderMode) is lost where ``kind`` has a placeholder image but no
    mode for it."""
    for slot in slots:
        lay = slot.layout
        if lay.background_image_url and lay.background_render_mode not in (None, 4):
            src.lost(
                "placeholder-render-mode",
                f"{slot.path}.BackgroundRenderMode",
                f"the placeholder mode of {who(slot)} is lost: {kind} has no mode for its placeholder image",
                sdk("McuLayout.BackgroundRenderMode"),
                visible=False,
            )


def canvas_image_losses(src: Source) -> None:
    """The canvas image's mode (BackgroundRenderMode) is lost: no client config has one."""
    video = src.design.video
    if video.background_image_url and video.background_render_mode is not None:
        src.lost(
            "canvas-image-mode",
            "VideoParams.BackgroundRenderMode",
            f"BackgroundRenderMode {video.background_render_mode} of the canvas image is lost: the SDK has no mode for "
            "it",
            sdk("McuVideoParams.BackgroundRenderMode"),
            visible=False,
        )


def rects_outside(items: Iterable[tuple[str, Rect | None]], width: int, height: int) -> Iterator[tuple[str, str]]:
    """``(path.rect, message)`` for each ``(path, rect)`` of ``items`` whose rect reaches past the ``width`` x
    ``height`` canvas (pixels; a rect's left/top/right/bottom, as the Electron/C++ SDK has it)."""
    for where, rect in items:
        if rect is not None and ((rect.right or 0) > width or (rect.bottom or 0) > height):
            yield f"{where}.rect", f"reaches ({rect.right}, {rect.bottom}), outside the {width}x{height} canvas"
