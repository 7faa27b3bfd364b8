"""Geometry of a design: snapping while moving, align and distribute, whether a move leaves the canvas, and
rescaling the canvas.

All values are canvas pixels. Boxes are ``(x, y, width, height)`` tuples, as :attr:`McuLayout.box`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from ..model import McuWaterMarkText, Preset
from .access import Box, ElementRef, box, elements, regions, set_box, watermarks
from .ops import canvas_of, ensure_canvas

AlignHow = Literal["left", "right", "top", "bottom", "hcenter", "vcenter"]


def _snap_axis(pos: int, size: int, lines: Iterable[float], threshold: float) -> tuple[int, float | None]:
    """Snap the start, centre or end of a span [pos, pos+size) to the nearest line within ``threshold``."""
    best: tuple[float, int, float] | None = None
    for line in lines:
        for offset in (0, size / 2, size):
            dist = abs(pos + offset - line)
            if dist <= threshold and (best is None or dist < best[0]):
                best = (dist, round(line - offset), line)
    return (best[1], best[2]) if best else (pos, None)


def snap_lines(canvas: tuple[int, int], others: Iterable[Box]) -> tuple[list[float], list[float]]:
    """Vertical and horizontal guide lines: canvas edges and centre lines, other boxes' edges and centres."""
    xs: list[float] = [0, canvas[0] / 2, canvas[0]]
    ys: list[float] = [0, canvas[1] / 2, canvas[1]]
    for x, y, w, h in others:
        xs += [x, x + w / 2, x + w]
        ys += [y, y + h / 2, y + h]
    return xs, ys


def snap_position(
    moving: Box, canvas: tuple[int, int], others: Iterable[Box], threshold: float
) -> tuple[int, int, float | None, float | None]:
    """Snap a box being moved to (x, y): its left/centre/right edge to the nearest vertical guide, and its
    top/centre/bottom edge to the nearest horizontal guide, each only within ``threshold`` pixels.

    Returns ``(x, y, guide_x, guide_y)``; a guide is None when that axis did not snap."""
    xs, ys = snap_lines(canvas, others)
    x, gx = _snap_axis(moving[0], moving[2], xs, threshold)
    y, gy = _snap_axis(moving[1], moving[3], ys, threshold)
    return x, y, gx, gy


def other_boxes(preset: Preset, skip: Iterable[ElementRef]) -> list[Box]:
    """Boxes of every element except ``skip`` (for snapping)."""
    skipped = set(skip)
    return [b for r in elements(preset) if r not in skipped and (b := box(preset, r)) is not None]


def align(preset: Preset, refs: list[ElementRef], how: AlignHow) -> None:
    """Align elements' left/right/top/bottom edges or horizontal/vertical centres: to the canvas when one element
    is given, else to the bounding box of all of them."""
    boxes = {r: b for r in refs if (b := box(preset, r)) is not None}
    if not boxes:
        return
    if len(boxes) == 1:
        cw, ch = canvas_of(preset)
        left, top, right, bottom = 0, 0, cw, ch
    else:
        left = min(b[0] for b in boxes.values())
        top = min(b[1] for b in boxes.values())
        right = max(b[0] + b[2] for b in boxes.values())
        bottom = max(b[1] + b[3] for b in boxes.values())
    for ref, (x, y, w, h) in boxes.items():
        if how == "left":
            x = left
        elif how == "right":
            x = right - w
        elif how == "hcenter":
            x = (left + right - w) // 2
        elif how == "top":
            y = top
        elif how == "bottom":
            y = bottom - h
        elif how == "vcenter":
            y = (top + bottom - h) // 2
        else:
            raise ValueError(f"unknown alignment {how!r}")
        set_box(preset, ref, (x, y, w, h))


def distribute(preset: Preset, refs: list[ElementRef], axis: Literal["x", "y"]) -> None:
    """Space elements evenly along ``axis``: the first and last (by position) stay, the gaps between neighbours
    become equal (to within a pixel). Needs at least three elements; fewer are left as they are."""
    items = [(r, b) for r in refs if (b := box(preset, r)) is not None]
    if len(items) < 3:
        return
    a = 0 if axis == "x" else 1
    items.sort(key=lambda rb: rb[1][a])
    first, last = items[0][1], items[-1][1]
    span = last[a] + last[a + 2] - first[a]
    total = sum(b[a + 2] for _, b in items)
    gap = (span - total) / (len(items) - 1)
    pos = float(first[a])
    for ref, (x, y, w, h) in items:
        set_box(preset, ref, (round(pos), y, w, h) if axis == "x" else (x, round(pos), w, h))
        pos += (w if axis == "x" else h) + gap


def on_canvas(b: Box, canvas: tuple[int, int]) -> bool:
    """True when some of box ``b`` lies on a ``canvas`` of (width, height) pixels (and is drawn there)."""
    x, y, w, h = b
    return x < canvas[0] and y < canvas[1] and x + max(w, 1) > 0 and y + max(h, 1) > 0


def leaves_canvas(preset: Preset, ref: ElementRef, dx: int, dy: int) -> bool:
    """True when moving ``ref`` by (dx, dy) pixels would take it wholly off the canvas, where it is not seen (an
    element already off the canvas may move anywhere: back towards it, for one)."""
    b = box(preset, ref)
    if b is None:
        return False
    canvas = canvas_of(preset)
    return on_canvas(b, canvas) and not on_canvas((b[0] + dx, b[1] + dy, b[2], b[3]), canvas)


def rescale_canvas(
    preset: Preset, canvas: tuple[int, int], *, scale_elements: bool = True, scale_text: bool = False
) -> None:
    """Set the canvas (VideoEncode Width/Height) to ``canvas`` pixels; with ``scale_elements``, scale every region
    and watermark box by the same factors (rounded to whole pixels) so the design keeps its proportions, and with
    ``scale_text`` too, every text watermark's FontSize (:func:`scaled_font_size`)."""
    old = canvas_of(preset)
    ensure_canvas(preset, canvas)
    if not scale_elements:
        return
    sx, sy = canvas[0] / old[0], canvas[1] / old[1]
    refs = [ElementRef("region", i) for i in range(len(regions(preset)))]
    refs += [ElementRef("watermark", i) for i in range(len(watermarks(preset)))]
    for ref in refs:
        b = box(preset, ref)
        if b is None:
            continue
        x, y, w, h = b
        x1, y1 = round((x + w) * sx), round((y + h) * sy)
        nx, ny = round(x * sx), round(y * sy)
        set_box(preset, ref, (nx, ny, x1 - nx, y1 - ny))
    if scale_text:
        for text in _texts(preset):
            text.font_size = scaled_font_size(text.font_size or 0, old, canvas)


def _texts(preset: Preset) -> list[McuWaterMarkText]:
    """The bodies of the text watermarks that set a FontSize."""
    return [t for wm in watermarks(preset) if (t := wm.water_mark_text) is not None and t.font_size]


def scaled_font_size(size: int, old: tuple[int, int], new: tuple[int, int]) -> int:
    """A FontSize (pixels) for a canvas going from ``old`` to ``new`` (width, height): scaled by the smaller of the
    two factors, so the text still fits its scaled box; never below 1."""
    return max(1, round(size * min(new[0] / old[0], new[1] / old[1])))


def font_size_changes(preset: Preset, canvas: tuple[int, int]) -> list[tuple[int, int]]:
    """The FontSize changes (before, after) that scaling the text for a new ``canvas`` would make, each once, in
    the order of the WaterMarkList; empty when the design has no text or the sizes would not change."""
    old = canvas_of(preset)
    changes: list[tuple[int, int]] = []
    for text in _texts(preset):
        change = (text.font_size or 0, scaled_font_size(text.font_size or 0, old, canvas))
        if change[0] != change[1] and change not in changes:
            changes.append(change)
    return changes
