"""Stacking rules: overlapping regions with equal ZOrder, regions fully hidden by higher ones, watermarks under a
region that covers them.

The Data Types page and the SDK only say ZOrder is the layer (default 0, higher on top); what happens on a tie, and that
a watermark shares the regions' layers, is not documented — these rules are Layout Studio heuristics and warnings.
Geometry here does not need the canvas. Only custom layouts (MixLayoutMode 4) have regions; watermarks that move
(DynamicPosType 1/2) are skipped.
"""

from __future__ import annotations

from ..findings import Severity
from ..model import McuLayout
from .registry import Hits, Report, RuleContext, fixes, rule

W = Severity.WARNING
Box = tuple[int, int, int, int]


def intersect(a: Box, b: Box) -> Box | None:
    """The overlap of two (x, y, w, h) boxes, or None when they do not overlap (touching edges do not)."""
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    if x1 <= x0 or y1 <= y0:
        return None
    return (x0, y0, x1 - x0, y1 - y0)


def covered(target: Box, covers: list[Box]) -> bool:
    """True when the union of ``covers`` contains all of ``target`` (coordinate compression; fine for <= 16)."""
    clipped = [c for c in (intersect(target, c) for c in covers) if c]
    if not clipped:
        return False
    xs = sorted({target[0], target[0] + target[2], *(c[0] for c in clipped), *(c[0] + c[2] for c in clipped)})
    ys = sorted({target[1], target[1] + target[3], *(c[1] for c in clipped), *(c[1] + c[3] for c in clipped)})
    for xa, xb in zip(xs, xs[1:]):
        for ya, yb in zip(ys, ys[1:]):
            if not any(c[0] <= xa and xb <= c[0] + c[2] and c[1] <= ya and yb <= c[1] + c[3] for c in clipped):
                return False
    return True


def _visible_regions(ctx: RuleContext) -> list[tuple[int, str, McuLayout, Box, int]]:
    if not ctx.custom:
        return []
    return [
        (i, path, r, r.box, r.eff("z_order"))
        for i, (path, r) in enumerate(ctx.regions)
        if r.box[2] > 0 and r.box[3] > 0
    ]


def _name(region: McuLayout, index: int) -> str:
    return f"region {index} ({region.user_id})" if region.user_id else f"region {index}"


@rule("layout.zorder.tie", W, "Layout Studio heuristic; SDK models.McuLayout.ZOrder (layer, default 0)")
def zorder_tie(ctx: RuleContext) -> Hits:
    """Two overlapping regions with the same ZOrder stack in an undefined order."""
    regions = _visible_regions(ctx)
    for a in range(len(regions)):
        ia, pa, ra, ba, za = regions[a]
        for b in range(a + 1, len(regions)):
            ib, _pb, rb, bb, zb = regions[b]
            if za == zb and intersect(ba, bb):
                yield (
                    f"{pa}.ZOrder",
                    f"{_name(ra, ia)} and {_name(rb, ib)} overlap with the same ZOrder {za}: they "
                    f"stack in an undefined order — give the one on top a higher ZOrder",
                )


@rule("layout.region.hidden", W, "Layout Studio heuristic; SDK models.McuLayout.ZOrder, McuLayout.TransparentUrl")
def region_hidden(ctx: RuleContext) -> Hits:
    """A region entirely covered by regions with a higher ZOrder (none of them transparent) is never seen."""
    regions = _visible_regions(ctx)
    for i, path, region, box, z in regions:
        above = [b for _j, _p, r, b, zz in regions if zz > z and not r.transparent_url]
        if above and covered(box, above):
            yield (
                f"{path}.ZOrder",
                f"{_name(region, i)} (ZOrder {z}) is entirely covered by regions with a higher "
                f"ZOrder; it will not be seen — move it, shrink the others or raise its ZOrder",
            )


@rule(
    "watermark.under-region",
    W,
    "Layout Studio heuristic; SDK models.McuWaterMarkImage.ZOrder, McuWaterMarkText.ZOrder, McuLayout.ZOrder",
)
def watermark_under_region(ctx: RuleContext) -> Hits:
    """A watermark overlapping a region whose ZOrder is higher (or equal: undefined order) may be hidden by it."""
    regions = _visible_regions(ctx)
    if not regions:
        return
    for path, mark in ctx.watermarks:
        body = mark.body
        if body is None or body.water_mark_width is None or body.water_mark_height is None:
            continue
        if body.eff("dynamic_pos_type") != 0:
            continue
        box = (body.eff("location_x"), body.eff("location_y"), body.water_mark_width, body.water_mark_height)
        if box[2] <= 0 or box[3] <= 0:
            continue
        wz = body.eff("z_order")
        base = f"{path}.{'WaterMarkText' if mark.eff('water_mark_type') == 1 else 'WaterMarkImage'}"
        above = [(i, region, rbox, rz) for i, _rp, region, rbox, rz in regions if rz >= wz and intersect(box, rbox)]
        if not above:
            continue
        i, region, rbox, rz = max(above, key=lambda item: item[3])
        how = "covers" if intersect(box, rbox) == box else "overlaps"
        order = "a higher" if rz > wz else "the same (undefined order)"
        yield Report(
            f"{base}.ZOrder",
            f"{_name(region, i)} {how} this watermark with {order} ZOrder ({rz} vs "
            f"{wz}); the watermark may be hidden — set its ZOrder to at least {rz + 1}",
            fixes({f"{base}.ZOrder": rz + 1}),
        )
