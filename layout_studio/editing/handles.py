"""Resize handles: the box an element gets while one of its edges or corners is dragged, optionally keeping its
aspect ratio and snapping the moved edges to guide lines. Pure geometry, no user interface.

A handle is the set of edges it moves (:data:`Edges`: ``"left"``, ``"right"``, ``"top"``, ``"bottom"``; a corner
moves two). Boxes are ``(x, y, width, height)`` in canvas pixels; width and height never go below 1 pixel, and the
edges that are not dragged stay where they were (with the aspect kept, a dragged edge's perpendicular size grows
around its centre).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from .access import Box

Edge = Literal["left", "right", "top", "bottom"]
Edges = frozenset[Edge]


def handle_edges(near_left: bool, near_right: bool, near_top: bool, near_bottom: bool) -> Edges:
    """The edges a handle moves, from where the pointer is: at most one horizontal and one vertical edge (left wins
    over right and top over bottom for a box too small to tell them apart)."""
    out: set[Edge] = set()
    if near_left:
        out.add("left")
    elif near_right:
        out.add("right")
    if near_top:
        out.add("top")
    elif near_bottom:
        out.add("bottom")
    return frozenset(out)


def _snap(value: int, lines: Iterable[float], threshold: float) -> int:
    """``value`` moved to the nearest of ``lines`` within ``threshold`` pixels, else unchanged."""
    best = min(lines, key=lambda line: abs(line - value), default=None)
    return round(best) if best is not None and abs(best - value) <= threshold else value


def resize_box(
    start: Box,
    edges: Edges,
    dx: int,
    dy: int,
    *,
    keep_aspect: bool = False,
    snap: tuple[list[float], list[float]] | None = None,
    threshold: float = 0.0,
) -> Box:
    """``start`` with its ``edges`` moved by ``dx``, ``dy`` pixels.

    ``keep_aspect``: the width:height ratio of ``start`` is kept (the larger relative change of the dragged
    directions decides the size; the edges opposite the handle stay). ``snap``: vertical and horizontal guide lines
    (:func:`layout_studio.editing.geometry.snap_lines`); a moved edge within ``threshold`` pixels of one jumps to it
    (not with ``keep_aspect``, which would break the ratio)."""
    x, y, w, h = start
    left, top, right, bottom = x, y, x + w, y + h
    if "left" in edges:
        left = min(x + dx, right - 1)
    if "right" in edges:
        right = max(right + dx, left + 1)
    if "top" in edges:
        top = min(y + dy, bottom - 1)
    if "bottom" in edges:
        bottom = max(bottom + dy, top + 1)
    if snap is not None and not keep_aspect:
        xs, ys = snap
        if "left" in edges:
            left = min(_snap(left, xs, threshold), right - 1)
        if "right" in edges:
            right = max(_snap(right, xs, threshold), left + 1)
        if "top" in edges:
            top = min(_snap(top, ys, threshold), bottom - 1)
        if "bottom" in edges:
            bottom = max(_snap(bottom, ys, threshold), top + 1)
    if not keep_aspect or w <= 0 or h <= 0:
        return left, top, right - left, bottom - top
    horizontal = bool(edges & {"left", "right"})
    vertical = bool(edges & {"top", "bottom"})
    sx, sy = (right - left) / w, (bottom - top) / h
    if horizontal and vertical:
        s = sx if abs(sx - 1) >= abs(sy - 1) else sy
    else:
        s = sx if horizontal else sy
    nw, nh = max(1, round(w * s)), max(1, round(h * s))
    nx = x + w - nw if "left" in edges else (x if horizontal else x + (w - nw) // 2)
    ny = y + h - nh if "top" in edges else (y if vertical else y + (h - nh) // 2)
    return nx, ny, nw, nh
