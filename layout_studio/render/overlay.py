"""The optional overlay drawn over a preview: a grid, region and watermark outlines with their index, user and
ZOrder, ties of equal ZOrder, and the validator's findings on the elements they name.

* grid: a line every tenth of the canvas width and height;
* regions: outline in the user's colour, label ``#index user z=ZOrder``; a region reaching outside the canvas is
  outlined in red where it falls, and one entirely outside gets a red arrow at the nearest edge with its offset;
* ties: overlapping regions of equal ZOrder (their stacking is undefined, ``SDK models.McuLayout.ZOrder``; see
  :func:`layout_studio.mix.ties`) get a yellow ``tie z=…`` tag;
* watermarks: dashed cyan outline, label ``WM index z=ZOrder``;
* findings (errors red, warnings orange) are drawn on the region or watermark their path names
  (``VideoParams.LayoutParams.MixLayoutList[3]…``, ``VideoParams.WaterMarkList[1]…``); the others are counted in a
  footer with the first few codes.
"""

from __future__ import annotations

import re

from PIL import Image, ImageDraw, ImageFont

from ..findings import Finding, Severity
from ..fonts import drawable, get_font
from ..mix import Design, LayerKind, Slot, SlotState, ties
from .colors import user_colors
from .watermarks import watermark_box

RED = (230, 30, 30)
ORANGE = (255, 150, 0)
YELLOW = (255, 214, 0)
CYAN = (0, 220, 255)
RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]
#: (left, top, right, bottom) in output pixels.
Rect = tuple[float, float, float, float]
_REGION_PATH = re.compile(r"^VideoParams\.LayoutParams\.MixLayoutList\[(\d+)\]")
_WM_PATH = re.compile(r"^VideoParams\.WaterMarkList\[(\d+)\]")


def target_of(path: str) -> tuple[LayerKind, int] | None:
    """``("region", i)`` or ``("watermark", i)`` (a :class:`~layout_studio.mix.LayerKind` and a list position) for
    a finding path naming one, else None."""
    m = _REGION_PATH.match(path)
    if m:
        return (LayerKind.REGION, int(m.group(1)))
    m = _WM_PATH.match(path)
    return (LayerKind.WATERMARK, int(m.group(1))) if m else None


def _box(x: int, y: int, w: int, h: int, scale: float) -> Rect:
    """The outline box of an element at (x, y) of w x h canvas pixels, in output pixels (never inverted)."""
    x0, y0 = x * scale, y * scale
    return (x0, y0, max(x0, (x + max(w, 1)) * scale - 1), max(y0, (y + max(h, 1)) * scale - 1))


def _clip(box: Rect, size: tuple[int, int]) -> Rect:
    """``box`` clamped to just around an image of ``size``, so huge offsets cost nothing to draw."""
    W, H = size
    x0, y0, x1, y1 = box
    return (min(max(x0, -8), W + 8), min(max(y0, -8), H + 8), min(max(x1, -8), W + 8), min(max(y1, -8), H + 8))


def _label(
    draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, color: RGB, font: ImageFont.FreeTypeFont
) -> None:
    text = drawable(text)
    x0, y0, x1, y1 = draw.textbbox(xy, text, font=font)
    draw.rectangle((x0 - 2, y0 - 2, x1 + 2, y1 + 2), fill=(0, 0, 0, 190))
    draw.text(xy, text, font=font, fill=(*color, 255))


def _dashed_rect(draw: ImageDraw.ImageDraw, box: Rect, color: RGBA, width: int = 2, dash: int = 6) -> None:
    x0, y0, x1, y1 = box
    for x in range(int(x0), int(x1), dash * 2):
        draw.line((x, y0, min(x + dash, x1), y0), fill=color, width=width)
        draw.line((x, y1, min(x + dash, x1), y1), fill=color, width=width)
    for y in range(int(y0), int(y1), dash * 2):
        draw.line((x0, y, x0, min(y + dash, y1)), fill=color, width=width)
        draw.line((x1, y, x1, min(y + dash, y1)), fill=color, width=width)


def _edge_arrow(
    draw: ImageDraw.ImageDraw, box: Rect, size: tuple[int, int], text: str, font: ImageFont.FreeTypeFont
) -> None:
    """A red arrow at the canvas edge nearest to ``box`` (entirely outside the canvas), with ``text``."""
    W, H = size
    x0, y0, x1, y1 = box
    cx = min(max((x0 + x1) / 2, 12), W - 12)
    cy = min(max((y0 + y1) / 2, 12), H - 12)
    tip: tuple[float, float]
    base: list[tuple[float, float]]
    if x0 >= W:
        tip, base = (W - 2, cy), [(W - 22, cy - 10), (W - 22, cy + 10)]
    elif x1 <= 0:
        tip, base = (2, cy), [(22, cy - 10), (22, cy + 10)]
    elif y0 >= H:
        tip, base = (cx, H - 2), [(cx - 10, H - 22), (cx + 10, H - 22)]
    else:
        tip, base = (cx, 2), [(cx - 10, 22), (cx + 10, 22)]
    draw.polygon([tip, *base], fill=(*RED, 255))
    tx = min(max(tip[0] - 60, 2), W - 160)
    ty = min(max(tip[1] + (14 if tip[1] < H / 2 else -30), 2), H - 20)
    _label(draw, (tx, ty), text, RED, font)


def draw_overlay(
    image: Image.Image, design: Design, slots: list[Slot], scale: float, findings: list[Finding]
) -> Image.Image:
    """``image`` (RGB, already scaled by ``scale``) with the overlay drawn on it; returns a new RGB image."""
    W, H = image.size
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    font = get_font(max(10, min(22, int(H / 40))))
    for k in range(1, 10):
        draw.line((W * k / 10, 0, W * k / 10, H), fill=(255, 255, 255, 60), width=1)
        draw.line((0, H * k / 10, W, H * k / 10), fill=(255, 255, 255, 60), width=1)

    by_target: dict[tuple[LayerKind, int], list[Finding]] = {}
    loose: list[Finding] = []
    for f in findings:
        if f.severity is Severity.INFO:
            continue
        t = target_of(f.path)
        (by_target.setdefault(t, []) if t else loose).append(f)

    tied = ties(slots)
    colors = user_colors(design)
    cw, ch = design.canvas
    for slot in slots:
        x, y, w, h = slot.box
        z = slot.z_order
        box = _box(x, y, w, h, scale)
        outside = x < 0 or y < 0 or x + w > cw or y + h > ch
        found = [] if slot.simulated else by_target.get((LayerKind.REGION, slot.index), [])
        errors = [f for f in found if f.severity is Severity.ERROR]
        color = (
            RED
            if (outside or errors)
            else (ORANGE if found else (colors(slot.user_id) if slot.user_id else (255, 255, 255)))
        )
        draw.rectangle(_clip(box, (W, H)), outline=(*color, 255), width=3 if (outside or found) else 2)
        who = slot.user_id or "(nobody)"
        state = "" if slot.state is SlotState.VIDEO else f" [{slot.state}]"
        text = f"#{slot.index} {who}{state} z={z}"
        if x >= cw or y >= ch or x + w <= 0 or y + h <= 0:
            _edge_arrow(draw, box, (W, H), f"#{slot.index} off-canvas at ({x}, {y})", font)
            continue
        lx, ly = max(box[0] + 4, 2), max(box[1] + 4, 2)  # inside the canvas: the region overlaps it
        _label(draw, (lx, ly), text, color, font)
        line = font.size + 6
        if slot.index in tied and not slot.simulated:
            _label(draw, (lx, ly + line), f"tie z={z}: order undefined", YELLOW, font)
            ly += line
        for f in found[:3]:
            ly += line
            _label(draw, (lx, ly), f.code, RED if f.severity is Severity.ERROR else ORANGE, font)

    for i, wm in enumerate(design.video.water_mark_list or []):
        wbox = watermark_box(wm)
        if wbox is None or wm.body is None:
            continue
        x, y, w, h = wbox
        box = _box(x, y, w, h, scale)
        found = by_target.get((LayerKind.WATERMARK, i), [])
        color = RED if any(f.severity is Severity.ERROR for f in found) else (ORANGE if found else CYAN)
        box = _clip(box, (W, H))
        _dashed_rect(draw, box, (*color, 255))
        _label(
            draw,
            (box[0] + 2, box[3] + 3),
            f"WM {i} z={wm.body.eff('z_order')}" + (f" {found[0].code}" if found else ""),
            color,
            font,
        )

    if loose:
        error_count = sum(1 for f in loose if f.severity is Severity.ERROR)
        codes = ", ".join(dict.fromkeys(f.code for f in loose[:4]))
        _label(
            draw,
            (6, H - font.size - 10),
            f"{error_count} error(s), {len(loose) - error_count} warning(s): {codes}",
            RED if error_count else ORANGE,
            font,
        )
    out = image.convert("RGBA")
    out.alpha_composite(layer)
    return out.convert("RGB")
