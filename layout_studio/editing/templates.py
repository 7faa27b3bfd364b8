"""Layout templates: grid of N, 1 large + N stacked, strip of N, picture-in-picture with the corner chosen, side by
side, speaker plus strip, screen share plus column, and portrait host plus guest. A template is a list of region
boxes for a canvas; applying it either *replaces* the MixLayoutList with fresh auto-filled regions, or *fills* it:
the existing regions (users, RenderMode, crops kept) move into the template's slots in list order, missing slots
are added, extra regions are left where they are.

Applying a template sets MixLayoutMode 4, a custom layout (SDK models.McuLayoutParams.MixLayoutMode). All boxes are
canvas pixels ``(x, y, width, height, ZOrder)``. Templates that tile the canvas give the rounding remainder to their
last column or row, so the tiles cover the canvas exactly (a Layout Studio assumption: no gap of background shows).

:data:`TEMPLATES` describes each template (:class:`Template`): its title, whether it takes a count ``n`` (and the
range, at most 16 regions: SDK models.McuLayoutParams.MixLayoutList) and whether it takes a corner.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Literal, NamedTuple, get_args

from ..model import McuLayout, McuLayoutParams, Preset
from .access import ElementRef, regions, set_box
from .ops import canvas_of, ensure_video_params

Slot = tuple[int, int, int, int, int]
Corner = Literal["top-left", "top-right", "bottom-left", "bottom-right"]
#: The corners a picture-in-picture can take, in the order a chooser offers them.
CORNERS: tuple[Corner, ...] = get_args(Corner)
#: Regions a template makes at most (SDK models.McuLayoutParams.MixLayoutList: at most 16 regions).
MAX_REGIONS = 16


def _split(total: int, parts: int) -> list[tuple[int, int]]:
    """``parts`` consecutive spans ``(start, length)`` covering ``0..total`` exactly: equal lengths
    ``total // parts``, the last one taking the remainder."""
    size = total // parts
    return [(i * size, size if i < parts - 1 else total - i * size) for i in range(parts)]


def _count(n: int, low: int = 1, high: int = MAX_REGIONS) -> int:
    if not low <= n <= high:
        raise ValueError(f"the count must be a whole number from {low} to {high}, not {n}")
    return n


def grid(canvas: tuple[int, int], n: int = 4) -> list[Slot]:
    """``n`` equal cells, ceil(sqrt(n)) columns, filled left to right, top to bottom; ZOrder 0."""
    if n < 1:
        raise ValueError("a grid needs at least one cell")
    w, h = canvas
    cols = math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    cw, ch = w // cols, h // rows
    return [((i % cols) * cw, (i // cols) * ch, cw, ch, 0) for i in range(n)]


def large_and_stack(canvas: tuple[int, int], n: int = 3) -> list[Slot]:
    """1 large + N stacked: the large picture on the left three quarters at full height, and ``n`` (1..15) equal
    tiles stacked top to bottom in the right quarter (the last tile takes the rounding remainder); ZOrder 0.

    Raises ValueError for ``n`` outside 1..15."""
    _count(n, 1, MAX_REGIONS - 1)
    w, h = canvas
    lw = w * 3 // 4
    return [(0, 0, lw, h, 0)] + [(lw, y, w - lw, th, 0) for y, th in _split(h, n)]


def strip(canvas: tuple[int, int], n: int = 3) -> list[Slot]:
    """Strip of N: ``n`` (1..16) equal full-height columns side by side across the canvas (the last takes the
    rounding remainder); ZOrder 0. Two columns are "side by side".

    Raises ValueError for ``n`` outside 1..16."""
    _count(n)
    w, h = canvas
    return [(x, 0, tw, h, 0) for x, tw in _split(w, n)]


def picture_in_picture(canvas: tuple[int, int], n: int = 2, corner: Corner = "bottom-right") -> list[Slot]:
    """The speaker on the whole canvas (ZOrder 0) and a quarter-size picture (a quarter of the width and of the
    height) in ``corner``, 1/40 of the width from both edges (ZOrder 1). ``n`` is not used (always two regions).

    Raises ValueError for an unknown corner."""
    if corner not in CORNERS:
        raise ValueError(f"unknown corner {corner!r}: one of {', '.join(CORNERS)}")
    w, h = canvas
    pw, ph, m = w // 4, h // 4, w // 40
    x = m if corner.endswith("left") else w - pw - m
    y = m if corner.startswith("top") else h - ph - m
    return [(0, 0, w, h, 0), (x, y, pw, ph, 1)]


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


class Template(NamedTuple):
    """A template: ``title``; ``fn(canvas, n, [corner])`` giving its slots; ``n_range``: the lowest and highest
    ``n`` it takes (None: a fixed number of regions); ``corner``: whether it takes a :data:`Corner`; ``counts``:
    what ``n`` counts (``cells``), ``extra``: regions it makes besides those ``n`` (the large picture)."""

    title: str
    fn: Callable[..., list[Slot]]
    n_range: tuple[int, int] | None = None
    corner: bool = False
    counts: str = "regions"
    extra: int = 0


TEMPLATES: dict[str, Template] = {
    "grid": Template("Grid", grid, (1, MAX_REGIONS), counts="cells"),
    "stack": Template("1 large + N stacked", large_and_stack, (1, MAX_REGIONS - 1), counts="stacked tiles", extra=1),
    "strip": Template("Strip of N", strip, (1, MAX_REGIONS), counts="columns"),
    "pip": Template("Picture-in-picture", picture_in_picture, corner=True),
    "side-by-side": Template("Side by side", side_by_side),
    "speaker-strip": Template("Speaker plus strip", speaker_strip),
    "screen-share": Template("Screen share plus column", screen_share_column),
    "portrait": Template("Portrait host plus guest", portrait_host_guest),
}


def count_question(name: str) -> str:
    """What to ask for the count of template ``name`` (one that takes one): what N counts, its range, and the
    regions it makes when that is not N (``1 large + N stacked: how many stacked tiles? (1-15; with the large one:
    N + 1 regions)``). Raises KeyError for an unknown template, ValueError for one without a count."""
    template = TEMPLATES[name]
    if template.n_range is None:
        raise ValueError(f"template {name!r} takes no count")
    low, high = template.n_range
    total = f"; with the large one: N + {template.extra} regions" if template.extra else ""
    return f"{template.title}: how many {template.counts}? ({low}-{high}{total})"


def slots(name: str, canvas: tuple[int, int], n: int | None = None, corner: Corner | None = None) -> list[Slot]:
    """The boxes of template ``name`` (a key of :data:`TEMPLATES`) for ``canvas``; ``n`` cells where it applies,
    ``corner`` for a template that takes one.

    Raises KeyError for an unknown template, ValueError for a bad ``n`` or corner."""
    fn = TEMPLATES[name].fn
    if corner is not None:
        if not TEMPLATES[name].corner:
            raise ValueError(f"template {name!r} takes no corner")
        return fn(canvas, corner=corner)
    return fn(canvas) if n is None else fn(canvas, n)


def apply_template(
    preset: Preset,
    name: str,
    mode: Literal["replace", "fill"] = "replace",
    n: int | None = None,
    corner: Corner | None = None,
) -> None:
    """Apply template ``name`` to the design's canvas (see the module docstring for replace vs fill)."""
    boxes = slots(name, canvas_of(preset), n, corner)
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
