"""The renderer: a config -> the picture the MCU would output, with the findings met on the way.

What is drawn where comes from the mix (:mod:`layout_studio.mix`): the design view, the slots of the simulated
room, and the stacking order (``SDK models.McuLayout.ZOrder``, ``SDK models.McuWaterMarkText.ZOrder``; ties and
watermarks at equal ZOrder as :mod:`layout_studio.mix.stacking` decides). Drawing order: the canvas background,
then every region and watermark in stacking order. Then the picture is scaled by ``scale`` and the overlay, if
asked, drawn on top (see :mod:`.overlay`). Dynamic layouts (MixLayoutMode 1-3) are simulated
(:mod:`layout_studio.mix.dynamic`): a badge on the picture and an info finding say so.

A :class:`Renderer` keeps caches (scaled cards, placeholders, masks, watermark tiles, fetched images, the canvas
background), so re-rendering after a small edit only pastes tiles.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

from PIL import Image, ImageDraw

from ..errors import LayoutStudioError
from ..findings import Finding, Severity, sort_findings
from ..fonts import get_font
from ..mix import (
    MODE_NAMES,
    Design,
    LayerKind,
    Room,
    Slot,
    coerce,
    resolve,
    simulation_finding,
    stacking_key,
    unknown_users,
)
from ..mix.dynamic import DRAWN_AS_MODE
from ..model import join_path
from ..sources import data_type
from ..validation import validate
from .cache import LRUCache
from .canvas import canvas_base
from .colors import user_colors
from .context import RenderContext
from .draft import scale_design, scale_slot
from .overlay import draw_overlay
from .regions import region_tile
from .watermarks import watermark_tile

SOURCE_WATERMARK = f"{data_type('McuWaterMarkImage')}, {data_type('McuWaterMarkText')}"
#: Memory the tile cache and the fetched-image cache of a Renderer may hold (bytes of decoded images).
TILE_BYTES = 256 * 1024 * 1024
IMAGE_BYTES = 512 * 1024 * 1024


@dataclass
class RenderResult:
    """``image``: RGB, canvas size x scale. ``findings``: what the renderer met (failed fetches, missing glyphs,
    a simulated geometry, a missing canvas) — not the validator's findings, which
    :func:`layout_studio.validation.validate` gives and the overlay draws. ``slots``: the regions drawn
    (:class:`layout_studio.mix.Slot`, canvas pixels, MixLayoutList or simulated order)."""

    image: Image.Image
    findings: list[Finding] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)


@dataclass
class Layer:
    """One thing pasted on the canvas: a region or a watermark, its stacking key, offset and tile.

    The tile is made on demand (``make()``, or the ``tile`` property, which keeps it): :meth:`Renderer.render`
    makes each one just before pasting it and lets it go, so a render never holds every tile at once."""

    kind: LayerKind
    index: int
    z: int
    x: int
    y: int
    make: Callable[[], Image.Image | None] = field(repr=False)

    @cached_property
    def tile(self) -> Image.Image | None:
        """The tile (made on first use, then kept by this Layer)."""
        return self.make()


def _coerce_sources(sources: Mapping[str, Any] | None) -> dict[str, Any]:
    return dict(sources or {})


class Renderer:
    """Renders configs to images, keeping caches between renders (one Renderer per preview window is right).

    ``cache_size``: how many tiles (and separately fetched images) to keep; ``tile_bytes`` / ``image_bytes``: the
    memory those may hold (a Renderer lives as long as a studio session, and every resize makes a new tile).
    """

    def __init__(self, *, cache_size: int = 512, tile_bytes: int = TILE_BYTES, image_bytes: int = IMAGE_BYTES) -> None:
        self.tiles = LRUCache(cache_size, max_bytes=tile_bytes)
        self.images = LRUCache(cache_size, max_bytes=image_bytes)

    def forget_failures(self) -> None:
        """Forget the images that could not be fetched or read, and the tiles drawn from them, so the next render
        tries them again (a failure is otherwise kept as long as this Renderer: call this on a manual refresh)."""
        self.images.discard_if(lambda value: value[2] is not None)
        self.tiles.discard_if(lambda value: any(f.code == "render.image.failed" for f in value[1]))

    def layers(
        self,
        design: Design,
        slots: list[Slot],
        sources: dict[str, Any],
        ctx: RenderContext,
        *,
        marked: bool = True,
        draft: bool = False,
    ) -> list[Layer]:
        """Every region and watermark with its offset and tile maker, in drawing order. ``marked``: moving
        watermarks (DynamicPosType 1, 2) carry their marker; ``draft``: a thumbnail's tiles (:mod:`.draft`)."""
        out: list[Layer] = []
        colors = user_colors(design)
        for slot in slots:
            x, y = slot.box[:2]
            out.append(
                Layer(
                    LayerKind.REGION,
                    slot.index,
                    slot.z_order,
                    x,
                    y,
                    partial(region_tile, slot, sources, ctx, design.canvas, colors, draft=draft),
                )
            )
        for i, wm in enumerate(design.video.water_mark_list or []):
            body = wm.body
            if body is None:
                continue
            path = join_path("VideoParams.WaterMarkList", i)
            ww, wh = body.water_mark_width or 0, body.water_mark_height or 0
            if ww > 2 * design.canvas[0] or wh > 2 * design.canvas[1]:
                ctx.add(
                    "render.watermark.too-large",
                    Severity.WARNING,
                    path,
                    f"watermark {ww}x{wh} is far larger than the {design.canvas[0]}x{design.canvas[1]} canvas; "
                    "not drawn",
                    SOURCE_WATERMARK,
                )
                continue
            out.append(
                Layer(
                    LayerKind.WATERMARK,
                    i,
                    body.eff("z_order"),
                    body.eff("location_x"),
                    body.eff("location_y"),
                    partial(watermark_tile, wm, path, ctx, marked=marked),
                )
            )
        out.sort(key=lambda layer: stacking_key(layer.z, layer.kind, layer.index))
        return out

    def render(
        self,
        config: Any,
        *,
        users: int | None = None,
        absent: Collection[str] = (),
        sources: Mapping[str, Any] | None = None,
        overlay: bool = False,
        scale: float = 1.0,
        offline: bool = False,
        refresh: bool = False,
        findings: list[Finding] | None = None,
        canvas: tuple[int, int] | None = None,
        clean: bool = False,
        draft: bool = False,
    ) -> RenderResult:
        """Render ``config`` (Preset, request model or raw dict).

        ``users``: users in the room (None: every named user, and one per unnamed region; dynamic layouts: 4).
        ``absent``: UserIds without video (placeholder; audio-only in dynamic layouts). ``sources``: UserId ->
        PIL image, image path/URL, or ``card:camera|phone|screen``. ``overlay``: outlines, labels, grid and the
        validator's ``findings`` (computed with :func:`layout_studio.validation.validate` when None). ``scale``:
        output size factor (0.05..4). ``offline``: images from the cache only. ``refresh``: ask the servers of
        downloaded images now whether they changed, whatever the age of the disk cache (:mod:`layout_studio.fetch`;
        the images and tiles this Renderer keeps are dropped first; no effect with ``offline``). ``canvas``: (w, h)
        for an update body without VideoEncode. ``clean``: the frame alone, for sharing — no "simulated" badge on a
        dynamic layout and no marker on moving watermarks (the findings still say what they would). ``draft``: with
        ``scale`` under 1, compose the picture at its output size (:mod:`.draft`: boxes and font sizes scaled, within
        a pixel of the exact picture, many times faster for thumbnails). Raises LayoutStudioError for a config of
        another type, or ``clean`` with ``overlay``; never for the config's content.
        """
        if clean and overlay:
            raise LayoutStudioError("a clean frame has no overlay: ask for clean or overlay, not both")
        design = coerce(config, canvas)
        if refresh and not offline:
            self.images.clear()
            self.tiles.clear()
        ctx = RenderContext(self.tiles, self.images, offline=offline, refresh=refresh and not offline)
        for f in design.findings:
            if f.code.startswith("render."):
                ctx.findings.append(f)
        room = Room.of(users, absent)
        slots = resolve(design, room)
        src = _coerce_sources(sources)
        unknown = unknown_users(design, slots, [*src, *absent], room, given="--source/--absent")
        if unknown is not None:
            ctx.add(unknown.code, unknown.severity, unknown.path, unknown.message, unknown.source)
        scale = min(max(float(scale), 0.05), 4.0)
        drafted = draft and scale < 1.0
        drawn, placed = (
            (scale_design(design, scale), [scale_slot(s, scale) for s in slots]) if drafted else (design, slots)
        )
        image = canvas_base(drawn.video, drawn.canvas, ctx).copy()
        for layer in self.layers(drawn, placed, src, ctx, marked=not clean, draft=drafted):
            tile = layer.make()
            if tile is None:
                continue
            image.paste(tile, (layer.x, layer.y), tile if tile.mode == "RGBA" else None)
            del tile
        if not design.custom:
            self._label_dynamic(image, drawn, ctx, users, badge=not clean)
        if scale != 1.0 and not drafted:
            size = (max(1, round(design.canvas[0] * scale)), max(1, round(design.canvas[1] * scale)))
            image = image.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0 if scale < 1 else None)
        if overlay:
            if findings is None:
                findings = _validator_findings(config, design)
            image = draw_overlay(image, design, slots, scale, list(findings) + ctx.findings)
        return RenderResult(image, sort_findings(ctx.findings), slots)

    def _label_dynamic(
        self, image: Image.Image, design: Design, ctx: RenderContext, users: int | None, *, badge: bool
    ) -> None:
        note = simulation_finding(design, users)
        if note is None:
            return
        ctx.add(note.code, note.severity, note.path, note.message, note.source)
        if not badge:
            return
        count = Room(users).dynamic_count()
        if design.mode in MODE_NAMES:
            text = f"{MODE_NAMES[design.mode]} layout, {count} user(s): simulated"
        else:
            text = f"invalid MixLayoutMode {design.mode}: drawn as {MODE_NAMES[DRAWN_AS_MODE]}, {count} user(s)"
        font = get_font(max(10, design.canvas[1] // 45))
        draw = ImageDraw.Draw(image)
        x0, y0, x1, y1 = draw.textbbox((8, 8), text, font=font)
        draw.rectangle((x0 - 4, y0 - 4, x1 + 4, y1 + 4), fill=(0, 0, 0))
        draw.text((8, 8), text, font=font, fill=(255, 214, 0))


def _validator_findings(config: Any, design: Design) -> list[Finding]:
    """The validator's findings for ``config``, or [] when the validator fails."""
    try:
        return validate(config, canvas=design.canvas if design.kind == "update" else None)
    except Exception:  # the validator promises never to raise; a preview must not die if it does
        return []


_DEFAULT: Renderer | None = None


def render_preview(config: Any, **options: Any) -> Image.Image:
    """The preview of ``config`` as an RGB image of canvas size x ``scale`` (options as :meth:`Renderer.render`).

    Uses one module-level Renderer, so repeated calls share its caches.
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Renderer()
    return _DEFAULT.render(config, **options).image
