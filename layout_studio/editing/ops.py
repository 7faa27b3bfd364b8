"""Element operations on a Preset: add a region or text watermark, duplicate, delete, raise/lower ZOrder, nudge and
resize. Each takes the Preset and changes it in place; :meth:`EditSession.change` makes them undoable.

Sizes and offsets are canvas pixels. New elements get a ZOrder one above every element in the design, so they are
drawn on top (ZOrder is shared by regions and watermarks: SDK models.McuLayout.ZOrder,
SDK models.McuWaterMarkImage.ZOrder, SDK models.McuWaterMarkText.ZOrder).
"""

from __future__ import annotations

from ..model import (
    McuLayout,
    McuLayoutParams,
    McuVideoParams,
    McuWaterMarkParams,
    McuWaterMarkText,
    Preset,
    VideoEncode,
)
from .access import ElementRef, box, box_of, element_model, elements, regions, set_box, watermarks, z_order

#: Canvas used when a design has no VideoEncode yet (pixels).
DEFAULT_CANVAS = (1280, 720)


def canvas_of(preset: Preset) -> tuple[int, int]:
    """The design's canvas (width, height) in pixels, or :data:`DEFAULT_CANVAS` when it has none."""
    c = preset.canvas
    return c if c and c[0] > 0 and c[1] > 0 else DEFAULT_CANVAS


def top_z(preset: Preset) -> int:
    """One above the highest ZOrder of any element (0 for an empty design)."""
    zs = [z_order(preset, r) for r in elements(preset)]
    return max(zs) + 1 if zs else 0


def ensure_video_params(preset: Preset) -> McuVideoParams:
    """The design's McuVideoParams, created empty when absent."""
    if preset.video_params is None:
        preset.video_params = McuVideoParams()
    return preset.video_params


def _layout_list(preset: Preset) -> list[McuLayout]:
    vp = ensure_video_params(preset)
    if vp.layout_params is None:
        vp.layout_params = McuLayoutParams(mix_layout_mode=4)
    if vp.layout_params.mix_layout_list is None:
        vp.layout_params.mix_layout_list = []
    return vp.layout_params.mix_layout_list


def new_region_box(canvas: tuple[int, int]) -> tuple[int, int, int, int]:
    """Where ``a`` puts a new region: a quarter of the canvas width and height, centred (pixels)."""
    w, h = canvas[0] // 4, canvas[1] // 4
    return ((canvas[0] - w) // 2, (canvas[1] - h) // 2, w, h)


def add_region(preset: Preset) -> ElementRef:
    """Append an unnamed (auto-filled) region, :func:`new_region_box` at ZOrder :func:`top_z`; return its ref."""
    x, y, w, h = new_region_box(canvas_of(preset))
    z = top_z(preset)
    items = _layout_list(preset)
    items.append(McuLayout(location_x=x, location_y=y, image_width=w, image_height=h, z_order=z))
    return ElementRef("region", len(items) - 1)


def add_text_watermark(preset: Preset, text: str = "Text") -> ElementRef:
    """Append a text watermark (WaterMarkType 1): ``text`` in white, FontSize a 24th of the canvas height, in a box
    a quarter of the canvas wide and a twelfth high, 16 px from the top-left corner, at ZOrder :func:`top_z`."""
    cw, ch = canvas_of(preset)
    z = top_z(preset)
    body = McuWaterMarkText(
        text=text,
        water_mark_width=cw // 4,
        water_mark_height=ch // 12,
        location_x=16,
        location_y=16,
        font_size=max(ch // 24, 1),
        font_color="0xFFFFFF",
        z_order=z,
    )
    vp = ensure_video_params(preset)
    items = list(vp.water_mark_list or [])
    items.append(McuWaterMarkParams(water_mark_type=1, water_mark_text=body))
    vp.water_mark_list = items
    return ElementRef("watermark", len(items) - 1)


def duplicate(preset: Preset, ref: ElementRef, offset: int = 10) -> ElementRef | None:
    """Append a copy of an element moved by ``offset`` px right and down, at ZOrder :func:`top_z`; its ref, or None
    when ``ref`` names no element."""
    z = top_z(preset)
    if ref.kind == "region":
        layouts = regions(preset)
        if not 0 <= ref.index < len(layouts):
            return None
        _layout_list(preset).append(layouts[ref.index].model_copy(deep=True))
        new = ElementRef("region", len(layouts))
    else:
        marks = watermarks(preset)
        if not 0 <= ref.index < len(marks):
            return None
        ensure_video_params(preset).water_mark_list = [*marks, marks[ref.index].model_copy(deep=True)]
        new = ElementRef("watermark", len(marks))
    copy = element_model(preset, new)
    if copy is not None:  # None only for a watermark without the body its WaterMarkType names
        x, y, w, h = box_of(copy)
        set_box(preset, new, (x + offset, y + offset, w, h))
        copy.z_order = z
    return new


def delete(preset: Preset, ref: ElementRef) -> bool:
    """Remove an element; True when it existed."""
    vp = preset.video_params
    if vp is None:
        return False
    if ref.kind == "region":
        layouts = regions(preset)
        if vp.layout_params is None or not 0 <= ref.index < len(layouts):
            return False
        del layouts[ref.index]
        vp.layout_params.mix_layout_list = layouts
    else:
        marks = watermarks(preset)
        if not 0 <= ref.index < len(marks):
            return False
        del marks[ref.index]
        vp.water_mark_list = marks
    return True


def shift_z(preset: Preset, ref: ElementRef, step: int) -> int | None:
    """Raise (``step`` > 0) or lower the element's ZOrder by ``step``, not below 0; the new ZOrder or None."""
    m = element_model(preset, ref)
    if m is None:
        return None
    m.z_order = max(0, z_order(preset, ref) + step)
    return m.z_order


def nudge(preset: Preset, ref: ElementRef, dx: int, dy: int) -> None:
    """Move an element by (dx, dy) pixels. Nothing is clamped: a region moved off the canvas is reported by the
    validator and drawn in the error colour."""
    b = box(preset, ref)
    if b is not None:
        set_box(preset, ref, (b[0] + dx, b[1] + dy, b[2], b[3]))


def move_to(preset: Preset, ref: ElementRef, x: int, y: int) -> None:
    """Put an element's top-left corner at (x, y) pixels."""
    b = box(preset, ref)
    if b is not None:
        set_box(preset, ref, (x, y, b[2], b[3]))


def resize(preset: Preset, ref: ElementRef, dw: int, dh: int) -> None:
    """Grow (positive) or shrink an element by (dw, dh) pixels from its top-left corner; never below 1 px."""
    b = box(preset, ref)
    if b is not None:
        set_box(preset, ref, (b[0], b[1], max(1, b[2] + dw), max(1, b[3] + dh)))


def ensure_canvas(preset: Preset, canvas: tuple[int, int]) -> None:
    """Set VideoEncode Width/Height (creating VideoEncode when absent)."""
    vp = ensure_video_params(preset)
    if vp.video_encode is None:
        vp.video_encode = VideoEncode()
    vp.video_encode.width, vp.video_encode.height = canvas


def new_preset(canvas: tuple[int, int] = DEFAULT_CANVAS) -> Preset:
    """A new, empty custom design: VideoEncode ``canvas`` at 25 fps, 1500 kbps, GOP 2 s; MixLayoutMode 4 with no
    regions yet; AudioEncode 48000 Hz stereo 64 kbps."""
    from ..model import AudioEncode, McuAudioParams

    return Preset(
        name="untitled",
        video_params=McuVideoParams(
            video_encode=VideoEncode(width=canvas[0], height=canvas[1], fps=25, bit_rate=1500, gop=2),
            layout_params=McuLayoutParams(mix_layout_mode=4, mix_layout_list=[]),
        ),
        audio_params=McuAudioParams(audio_encode=AudioEncode(sample_rate=48000, channel=2, bit_rate=64)),
    )
