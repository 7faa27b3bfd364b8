"""Geometry rules: regions (MixLayoutList) and watermarks against the canvas, zero-size regions, CustomCrop and
BackgroundCustomRender limits.

All sizes are pixels. The canvas is VideoEncode Width x Height, else the ``canvas`` given to ``validate`` (``--canvas
WxH``); without one, ``layout.canvas.unchecked`` says geometry was not checked. Regions are only checked in a custom
layout (MixLayoutMode 4): dynamic modes ignore MixLayoutList.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import FixValue, Severity
from ..model import McuCustomCrop, McuLayout, McuWaterMarkImage, McuWaterMarkText
from .registry import Hits, Report, RuleContext, fixes, rule

SRC_LAYOUT = "SDK models.McuLayout.LocationX/LocationY; Data Types McuLayout"
SRC_SIZE = "SDK models.McuLayout.ImageWidth/ImageHeight (default 0); Data Types McuLayout"
SRC_WATERMARK = (
    "Layout Studio heuristic (McuLayout's canvas limit applied to watermarks); "
    "SDK models.McuWaterMarkImage/McuWaterMarkText LocationX/LocationY"
)
SRC_CROP = "SDK models.McuCustomCrop; Data Types McuCustomCrop"
SRC_CUSTOM_RENDER = "SDK models.McuBackgroundCustomRender, McuLayout.BackgroundCustomRender"
CROP_LIMIT = 10000


def _who(region: McuLayout) -> str:
    uid = region.user_id
    return f"{uid}'s region" if uid else "the unnamed region"


def watermark_bodies(ctx: RuleContext) -> Iterator[tuple[str, McuWaterMarkImage | McuWaterMarkText]]:
    """``(path, body)`` of the body WaterMarkType selects in each watermark, e.g.
    ``("VideoParams.WaterMarkList[0].WaterMarkImage", McuWaterMarkImage)``; watermarks without it are skipped."""
    for path, mark in ctx.watermarks:
        body = mark.body
        if body is not None:
            part = "WaterMarkText" if mark.eff("water_mark_type") == 1 else "WaterMarkImage"
            yield f"{path}.{part}", body


@rule(
    "layout.canvas.unchecked",
    Severity.INFO,
    "Layout Studio assumption (geometry needs the canvas size); Data Types McuLayout (canvas limit)",
)
def canvas_unchecked(ctx: RuleContext) -> Hits:
    """Regions or watermarks exist but there is no canvas (no VideoEncode, no --canvas): geometry is unchecked."""
    if ctx.canvas is not None:
        return
    n_regions = len(ctx.regions) if ctx.custom else 0
    n_marks = len(ctx.watermarks)
    if n_regions or n_marks:
        yield (
            "VideoParams",
            f"no canvas size (VideoParams.VideoEncode Width/Height absent or invalid): {n_regions} region(s) and "
            f"{n_marks} watermark(s) were not checked against the canvas; pass --canvas WxH (e.g. 1280x720) "
            f"or validate the preset the body was built from",
        )


@rule("layout.region.zero-size", Severity.ERROR, SRC_SIZE)
def region_zero_size(ctx: RuleContext) -> Hits:
    """A region with ImageWidth or ImageHeight of 0 (the default when absent) or less shows nothing."""
    if not ctx.custom:
        return
    for path, region in ctx.regions:
        for attr, name in (("image_width", "ImageWidth"), ("image_height", "ImageHeight")):
            value = region.eff(attr)
            if value <= 0:
                shown = "absent (default 0)" if getattr(region, attr) is None else str(value)
                yield (
                    f"{path}.{name}",
                    f"{_who(region)} has {name} {shown}; a region needs a size greater than 0 pixels — set {name}",
                )


Changes = dict[str, FixValue]


def axis_problem(
    start: int, size: int, limit: int, names: tuple[str, str, str], paths: tuple[str, str]
) -> tuple[str, list[Changes]] | None:
    """What is wrong with the span ``start``..``start + size`` (pixels, ``size`` > 0) on a canvas side of ``limit``
    pixels, and the alternative changes that each put it inside: ``(message, [{path: value}, ...])``, or None when it
    fits. ``names``: (location field, size field, "width" or "height"); ``paths``: the paths of those fields."""
    loc_name, size_name, extent = names
    loc_path, size_path = paths
    end = start + size
    fits_by_moving = size <= limit
    if start >= limit or end <= 0:
        head = (
            f"entirely outside the canvas: {loc_name} {start} + {size_name} {size} spans {start}..{end} but "
            f"the canvas is {limit} {extent}; it will not be seen"
        )
        if fits_by_moving:
            to = limit - size if start >= limit else 0
            return f"{head} — move it inside: set {loc_name} to {to}", [{loc_path: to}]
        return (
            f"{head} — set {loc_name} to 0 and {size_name} to at most {limit}",
            [{loc_path: 0, size_path: limit}],
        )
    if start < 0:
        head = f"starts outside the canvas: {loc_name} is {start} (below 0)"
        if fits_by_moving:
            most = limit - size
            if most == 0:
                return f"{head}; set {loc_name} to 0", [{loc_path: 0}]
            return f"{head}; set {loc_name} to a value from 0 to {most}", [{loc_path: 0}, {loc_path: most}]
        return (
            f"{head} and {size_name} {size} is larger than the canvas {extent} {limit}; set {loc_name} to 0 and "
            f"{size_name} to at most {limit}",
            [{loc_path: 0, size_path: limit}],
        )
    if end > limit:
        head = f"{loc_name} {start} + {size_name} {size} = {end} exceeds the canvas {extent} {limit}"
        if fits_by_moving:
            return (
                f"{head}; set {loc_name} to at most {limit - size} or {size_name} to at most {limit - start}",
                [{loc_path: limit - size}, {size_path: limit - start}],
            )
        return (
            f"{head} ({size_name} alone is larger than the canvas); set {size_name} to at most {limit - start}",
            [{size_path: limit - start}],
        )
    return None


@rule("layout.region.outside-canvas", Severity.ERROR, SRC_LAYOUT)
def region_outside_canvas(ctx: RuleContext) -> Hits:
    """LocationX + ImageWidth must not exceed the canvas width, LocationY + ImageHeight the height."""
    if ctx.canvas is None or not ctx.custom:
        return
    cw, ch = ctx.canvas
    where = f" ({ctx.canvas_from} {cw}x{ch})"
    for path, region in ctx.regions:
        x, y, w, h = region.box
        if w <= 0 or h <= 0:
            continue  # layout.region.zero-size
        for start, size, limit, names in (
            (x, w, cw, ("LocationX", "ImageWidth", "width")),
            (y, h, ch, ("LocationY", "ImageHeight", "height")),
        ):
            found = axis_problem(start, size, limit, names, (f"{path}.{names[0]}", f"{path}.{names[1]}"))
            if found:
                yield Report(f"{path}.{names[0]}", f"{_who(region)} {found[0]}{where}", fixes(*found[1]))


@rule("watermark.outside-canvas", Severity.WARNING, SRC_WATERMARK)
def watermark_outside_canvas(ctx: RuleContext) -> Hits:
    """A watermark partly or fully outside the canvas is cut or not seen (the MCU does not document a limit)."""
    if ctx.canvas is None:
        return
    cw, ch = ctx.canvas
    for path, mark in ctx.watermarks:
        body = mark.body
        if body is None or body.water_mark_width is None or body.water_mark_height is None:
            continue
        if body.eff("dynamic_pos_type") != 0:
            continue  # the MCU moves it
        base = f"{path}.{'WaterMarkText' if mark.eff('water_mark_type') == 1 else 'WaterMarkImage'}"
        x, y = body.eff("location_x"), body.eff("location_y")
        for start, size, limit, names in (
            (x, body.water_mark_width, cw, ("LocationX", "WaterMarkWidth", "width")),
            (y, body.water_mark_height, ch, ("LocationY", "WaterMarkHeight", "height")),
        ):
            if size <= 0:
                continue
            found = axis_problem(start, size, limit, names, (f"{base}.{names[0]}", f"{base}.{names[1]}"))
            if found:
                yield Report(
                    f"{base}.{names[0]}", f"watermark {found[0]} ({ctx.canvas_from} {cw}x{ch})", fixes(*found[1])
                )


@rule(
    "watermark.zero-size",
    Severity.ERROR,
    "Data Types McuWaterMarkImage/McuWaterMarkText (WaterMarkWidth, WaterMarkHeight required)",
)
def watermark_zero_size(ctx: RuleContext) -> Hits:
    """WaterMarkWidth and WaterMarkHeight are required and a watermark of 0 pixels or less shows nothing."""
    for base, body in watermark_bodies(ctx):
        for attr, name in (("water_mark_width", "WaterMarkWidth"), ("water_mark_height", "WaterMarkHeight")):
            value = getattr(body, attr)
            if value is None:
                yield f"{base}.{name}", f"{name} is required (pixels on the canvas); set it"
            elif value <= 0:
                yield f"{base}.{name}", f"{name} is {value}; a watermark needs a size above 0 pixels"


@rule(
    "watermark.location.missing",
    Severity.ERROR,
    "Data Types McuWaterMarkImage/McuWaterMarkText (LocationX, LocationY required); SDK models."
    "McuWaterMarkImage/McuWaterMarkText LocationX/LocationY (no default documented)",
)
def watermark_location_missing(ctx: RuleContext) -> Hits:
    """LocationX and LocationY (pixels from the canvas's top-left corner) are required for every watermark."""
    for base, body in watermark_bodies(ctx):
        for attr, name, axis in (("location_x", "LocationX", "left"), ("location_y", "LocationY", "top")):
            if getattr(body, attr) is None:
                yield (
                    f"{base}.{name}",
                    f"{name} is absent but required for a watermark: set it to the offset in "
                    f"pixels from the {axis} edge of the canvas (e.g. 0)",
                )


@rule("layout.custom-crop.range", Severity.ERROR, SRC_CROP)
def custom_crop_range(ctx: RuleContext) -> Hits:
    """CustomCrop: LocationX, LocationY >= 0 (SDK; the Data Types page says > 0); Width, Height > 0; LocationX +
    Width and LocationY + Height at most 10000 source pixels."""
    for path, crop in ctx.of_type(McuCustomCrop):
        for attr, name in (("location_x", "LocationX"), ("location_y", "LocationY")):
            value = getattr(crop, attr)
            if value is None:
                yield f"{path}.{name}", f"CustomCrop {name} is required (source pixels, 0 or more); set it"
            elif value < 0:
                yield Report(
                    f"{path}.{name}",
                    f"CustomCrop {name} is {value}; it must be 0 or more",
                    fixes({f"{path}.{name}": 0}),
                )
        for attr, name, loc_attr, loc_name in (
            ("width", "Width", "location_x", "LocationX"),
            ("height", "Height", "location_y", "LocationY"),
        ):
            value = getattr(crop, attr)
            if value is None:
                yield f"{path}.{name}", f"CustomCrop {name} is required (source pixels, above 0); set it"
                continue
            if value <= 0:
                yield f"{path}.{name}", f"CustomCrop {name} is {value}; it must be greater than 0"
                continue
            loc = getattr(crop, loc_attr) or 0
            if loc + value > CROP_LIMIT:
                yield _crop_over(path, (loc_name, loc), (name, value))


def _crop_over(path: str, loc: tuple[str, int], size: tuple[str, int]) -> Report:
    """The finding for a crop whose location + size passes 10000, with the changes that bring it back."""
    (loc_name, start), (name, value) = loc, size
    options: list[Changes] = []
    said: list[str] = []
    if 0 <= start < CROP_LIMIT:
        options.append({f"{path}.{name}": CROP_LIMIT - start})
        said.append(f"reduce {name} to at most {CROP_LIMIT - start}")
    if value <= CROP_LIMIT:
        options.append({f"{path}.{loc_name}": CROP_LIMIT - value})
        said.append(f"set {loc_name} to at most {CROP_LIMIT - value}")
    if not options:
        options.append({f"{path}.{loc_name}": 0, f"{path}.{name}": CROP_LIMIT})
        said.append(f"set {loc_name} to 0 and {name} to at most {CROP_LIMIT}")
    return Report(
        f"{path}.{name}",
        f"CustomCrop {loc_name} {start} + {name} {value} = {start + value} exceeds {CROP_LIMIT}; {' or '.join(said)}",
        fixes(*options),
    )


@rule("layout.background-custom-render.missing", Severity.ERROR, SRC_CUSTOM_RENDER)
def custom_render_missing(ctx: RuleContext) -> Hits:
    """BackgroundRenderMode 4 (custom) needs BackgroundCustomRender."""
    for path, region in ctx.regions:
        if region.background_render_mode == 4 and region.background_custom_render is None:
            yield (
                f"{path}.BackgroundCustomRender",
                "BackgroundRenderMode is 4 (custom render) but BackgroundCustomRender is absent; add "
                "{Width, Height, Radius} or pick another BackgroundRenderMode (0..3)",
            )


@rule("layout.background-custom-render.range", Severity.ERROR, SRC_CUSTOM_RENDER)
def custom_render_range(ctx: RuleContext) -> Hits:
    """BackgroundCustomRender: 0 < Width <= region ImageWidth, 0 < Height <= ImageHeight,
    0 <= Radius <= min(Width, Height) / 2."""
    for path, region in ctx.regions:
        cr = region.background_custom_render
        if cr is None:
            continue
        base = f"{path}.BackgroundCustomRender"
        for attr, name, limit_attr, limit_name in (
            ("width", "Width", "image_width", "ImageWidth"),
            ("height", "Height", "image_height", "ImageHeight"),
        ):
            value = getattr(cr, attr)
            limit = region.eff(limit_attr)
            if value is None:
                yield f"{base}.{name}", f"{name} is required (pixels, above 0 and at most the region's {limit_name})"
            elif value <= 0:
                yield f"{base}.{name}", f"{name} is {value}; it must be greater than 0 pixels"
            elif limit <= 0:
                yield (
                    f"{base}.{name}",
                    f"{name} {value} cannot fit: the region's {limit_name} is {limit}; give the region a size "
                    f"first (layout.region.zero-size)",
                )
            elif value > limit:
                yield Report(
                    f"{base}.{name}",
                    f"{name} {value} is larger than the region's {limit_name} {limit}; set it to at most {limit}",
                    fixes({f"{base}.{name}": limit}),
                )
        radius = cr.eff("radius")
        if cr.width and cr.height and cr.width > 0 and cr.height > 0:
            most = min(cr.width, cr.height) // 2
            if radius < 0 or radius * 2 > min(cr.width, cr.height):
                yield Report(
                    f"{base}.Radius",
                    f"Radius {radius} must be between 0 and half the smaller of Width "
                    f"{cr.width} and Height {cr.height}, i.e. at most {most}",
                    fixes({f"{base}.Radius": 0 if radius < 0 else most}),
                )
        elif radius < 0:
            yield Report(f"{base}.Radius", f"Radius {radius} must be 0 or more", fixes({f"{base}.Radius": 0}))
