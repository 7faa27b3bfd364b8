"""Stacking order: which region or watermark the MCU draws over which (ZOrder), and where that order is undefined.

``SDK models.McuLayout.ZOrder`` and ``SDK models.McuWaterMarkText.ZOrder`` (and McuWaterMarkImage's) give the
layer: default 0, higher on top. Regions and watermarks share the layers. Two things no document says, decided here
(a ``Layout Studio assumption``): regions of equal ZOrder stack in list order, and at equal ZOrder a watermark is
drawn above the regions. Since the MCU leaves the order of a tie undefined, overlapping regions of equal ZOrder are
reported as ties (:func:`ties`).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from .slots import Slot

#: (x, y, width, height) in canvas pixels.
Box = tuple[int, int, int, int]


class LayerKind(StrEnum):
    """What is stacked on the canvas: a region (McuLayout) or a watermark (McuWaterMarkParams)."""

    REGION = "region"
    WATERMARK = "watermark"


def stacking_key(z_order: int, kind: LayerKind, index: int) -> tuple[int, bool, int]:
    """The sort key of an element in drawing order (bottom first): ZOrder, then regions before watermarks, then
    list position ``index`` (MixLayoutList or WaterMarkList)."""
    return (z_order, kind is LayerKind.WATERMARK, index)


def stacking_order(slots: Iterable[Slot]) -> list[Slot]:
    """``slots`` in drawing order, bottom first (see :func:`stacking_key`)."""
    return sorted(slots, key=lambda s: stacking_key(s.z_order, LayerKind.REGION, s.index))


def overlaps(a: Box, b: Box) -> bool:
    """True when boxes ``a`` and ``b`` share some area (touching edges and zero-size boxes do not)."""
    xa, ya, wa, ha = a
    xb, yb, wb, hb = b
    if min(wa, ha, wb, hb) <= 0:
        return False
    return xa < xb + wb and xb < xa + wa and ya < yb + hb and yb < ya + ha


def ties(slots: list[Slot]) -> set[int]:
    """Indexes of the slots overlapping another slot of equal ZOrder: their stacking is undefined."""
    out: set[int] = set()
    keyed = [(s.index, s.z_order, s.box) for s in slots]
    for a, (ia, za, box_a) in enumerate(keyed):
        for ib, zb, box_b in keyed[a + 1 :]:
            if za == zb and overlaps(box_a, box_b):
                out.update((ia, ib))
    return out
