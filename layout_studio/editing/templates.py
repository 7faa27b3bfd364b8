"""Layout templates: grid N, picture-in-picture, side by side, speaker plus strip, screen share plus column, and
portrait host plus guest. A template is a list of region boxes for a canvas; applying it either *replaces* the
MixLayoutList with fresh auto-filled regions, or *fills* it: the existing regions (users, RenderMode, crops kept)
move into the template's slots in list order, missing slots are added, extra regions are left where they are.

Applying a template sets MixLayoutMode 4, a custom layout (SDK models.McuLayoutParams.MixLayoutMode). All boxes are
canvas pixels ``(x, y, width, height, ZOrder)``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Literal

from ..model import McuLayout, McuLayoutParams, Preset
from .access import ElementRef, regions, set_box
from .ops import canvas_of, ensure_video_params

Slot = tuple[int, int, int, int, int]


def grid(canvas: tuple[int, int], n: int = 4) -> list[Slot]:
    """``n`` equal cells, ceil(sqrt(n)) columns, filled left to right, top to bottom; ZOrder 0."""
    if n < 1:
        raise ValueError("a grid needs at least one cell")
    w, h = canvas
    cols = math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    cw, ch = w // cols, h // rows
    return [((i % cols) * cw, (i // cols) * ch, cw, ch, 0) for i in range(n)]


def picture_in_picture(canvas: tuple[int, int], n: int = 2) -> list[Slot]:
    """The speaker on the whole canvas (ZOrder 0) and a quarter-size picture in the bottom-right corner, 1/40 of
    the width from the edges (ZOrder 1)."""
    w, h = canvas
    pw, ph, m = w // 4, h // 4, w // 40
    return [(0, 0, w, h, 0), (w - pw - m, h - ph - m, pw, ph, 1)]


def side_by_side(canvas: tuple[int, int], n: int = 2) -> list[Slot]:
    """Two halves, left and right, each the full height."""
    w, h = canvas
    return [(0, 0, w // 2, h, 0), (w // 2, 0, w - w // 2, h, 0)]


def speaker_strip(canvas: tuple[int, int], n: int = 6) -> list[Slot]:
    """The speaker above a strip of ``n`` equal tiles along the bottom fifth of the canvas."""
    w, h = canvas
    sh = h // 5
    tw = w // n
    return [(0, 0, w, h - sh, 0)] + [(i * tw, h - sh, tw, sh, 0) for i in range(n)]


def screen_share_column(canvas: tuple[int, int], n: int = 3) -> list[Slot]:
    """The shared screen on the left three quarters, a column of ``n`` cameras on the right quarter."""
    w, h = canvas
    sw = w * 3 // 4
    ch = h // n
    return [(0, 0, sw, h, 0)] + [(sw, i * ch, w - sw, ch, 0) for i in range(n)]


def portrait_host_guest(canvas: tuple[int, int], n: int = 2) -> list[Slot]:
    """A portrait (e.g. 720x1280) live-commerce layout: the host on the whole canvas, the guest in a 9:16 window
    two fifths of the width, at the right, a tenth of the height from the top (ZOrder 1)."""
    w, h = canvas
    gw = w * 2 // 5
    gh = min(gw * 16 // 9, h)
    m = w // 30
    return [(0, 0, w, h, 0), (w - gw - m, h // 10, gw, gh, 1)]


TEMPLATES: dict[str, tuple[str, Callable[..., list[Slot]]]] = {
    "grid": ("Grid", grid),
    "pip": ("Picture-in-picture", picture_in_picture),
    "side-by-side": ("Side by side", side_by_side),
    "speaker-strip": ("Speaker plus strip", speaker_strip),
    "screen-share": ("Screen share plus column", screen_share_column),
    "portrait": ("Portrait host plus guest", portrait_host_guest),
}


def slots(name: str, canvas: tuple[int, int], n: int | None = None) -> list[Slot]:
    """The boxes of template ``name`` (a key of :data:`TEMPLATES`) for ``canvas``; ``n`` cells where it applies.

    Raises KeyError for an unknown template, ValueError for a bad ``n``."""
    fn = TEMPLATES[name][1]
    return fn(canvas) if n is None else fn(canvas, n)


def apply_template(
    preset: Preset, name: str, mode: Literal["replace", "fill"] = "replace", n: int | None = None
) -> None:
    """Apply template ``name`` to the design's canvas (see the module docstring for replace vs fill)."""
    boxes = slots(name, canvas_of(preset), n)
    vp = ensure_video_params(preset)
    if vp.layout_params is None:
        vp.layout_params = McuLayoutParams()
    vp.layout_params.mix_layout_mode = 4
    if mode == "replace":
        vp.layout_params.mix_layout_list = [
            McuLayout(location_x=x, location_y=y, image_width=w, image_height=h, z_order=z) for x, y, w, h, z in boxes
        ]
        return
    if mode != "fill":
        raise ValueError(f"unknown template mode {mode!r}")
    items = regions(preset)
    for i, (x, y, w, h, z) in enumerate(boxes):
        if i < len(items):
            set_box(preset, ElementRef("region", i), (x, y, w, h))
            items[i].z_order = z
        else:
            items.append(McuLayout(location_x=x, location_y=y, image_width=w, image_height=h, z_order=z))
    vp.layout_params.mix_layout_list = items
