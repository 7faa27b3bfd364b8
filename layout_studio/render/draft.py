"""Draft rendering: a design and its slots scaled to the output size, so a small picture is composed at its own size
instead of being drawn at canvas size and scaled down (the contact sheet's tiles; any thumbnail).

Every pixel quantity is scaled by the factor and rounded to whole output pixels: the canvas, each region's box
(its edges rounded, so neighbouring regions stay adjacent), BackgroundCustomRender's size and radius, each
watermark's box and a text watermark's FontSize. CustomCrop is in source pixels and stays as it is. What is placed
where is decided first, at canvas size (:mod:`layout_studio.mix`), and only then scaled: a dynamic template is not
simulated again on a smaller canvas. The result is within a pixel of the exact picture scaled down; text and test
card labels are drawn at the small size, so they read better than a scaled-down full picture.
"""

from __future__ import annotations

from dataclasses import replace

from ..mix import Design, Slot
from ..model import McuLayout, McuVideoParams, McuWaterMarkParams, McuWaterMarkText


def _edge(value: float) -> int:
    return round(value)


def scale_box(box: tuple[int, int, int, int], k: float) -> tuple[int, int, int, int]:
    """``box`` (x, y, width, height) scaled by ``k`` with its edges rounded to whole pixels."""
    x, y, w, h = box
    x0, y0 = _edge(x * k), _edge(y * k)
    return (x0, y0, _edge((x + w) * k) - x0, _edge((y + h) * k) - y0)


def _scaled_layout(layout: McuLayout, k: float) -> McuLayout:
    x, y, w, h = scale_box(layout.box, k)
    update: dict[str, object] = {"location_x": x, "location_y": y, "image_width": w, "image_height": h}
    custom = layout.background_custom_render
    if custom is not None:
        update["background_custom_render"] = custom.model_copy(
            update={
                "width": None if custom.width is None else max(1, _edge(custom.width * k)),
                "height": None if custom.height is None else max(1, _edge(custom.height * k)),
                "radius": None if custom.radius is None else _edge(custom.radius * k),
            }
        )
    return layout.model_copy(update=update)


def scale_slot(slot: Slot, k: float) -> Slot:
    """``slot`` with its region scaled by ``k`` (see the module docstring)."""
    return replace(slot, layout=_scaled_layout(slot.layout, k))


def _scaled_watermark(mark: McuWaterMarkParams, k: float) -> McuWaterMarkParams:
    body = mark.body
    if body is None:
        return mark
    x, y = body.eff("location_x"), body.eff("location_y")
    w, h = body.water_mark_width, body.water_mark_height
    x0, y0 = _edge(x * k), _edge(y * k)
    update: dict[str, object] = {"location_x": x0, "location_y": y0}
    if w is not None:
        update["water_mark_width"] = max(1, _edge((x + w) * k) - x0) if w > 0 else w
    if h is not None:
        update["water_mark_height"] = max(1, _edge((y + h) * k) - y0) if h > 0 else h
    if isinstance(body, McuWaterMarkText) and body.font_size is not None and body.font_size > 0:
        update["font_size"] = max(1, _edge(body.font_size * k))
    part = "water_mark_text" if isinstance(body, McuWaterMarkText) else "water_mark_image"
    return mark.model_copy(update={part: body.model_copy(update=update)})


def scale_design(design: Design, k: float) -> Design:
    """``design`` drawn at ``k`` times its canvas: the canvas and its watermarks scaled (regions come from the
    slots, see :func:`scale_slot`). Its findings are left out (they are about the design at canvas size)."""
    video: McuVideoParams = design.video
    marks = video.water_mark_list
    if marks:
        video = video.model_copy(update={"water_mark_list": [_scaled_watermark(m, k) for m in marks]})
    canvas = (max(1, _edge(design.canvas[0] * k)), max(1, _edge(design.canvas[1] * k)))
    return replace(design, video=video, canvas=canvas, findings=[])
