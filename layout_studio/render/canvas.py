"""The empty canvas: VideoEncode Width x Height filled with McuVideoParams.BackGroundColor (default black), or
BackgroundImageUrl (which wins over the colour) placed by BackgroundRenderMode 0 crop, 1 fit on black, 2 stretch
(the default). Sources: ``Data Types McuVideoParams``, ``SDK models.McuVideoParams.BackgroundRenderMode``.
"""

from __future__ import annotations

from PIL import Image

from ..findings import Severity
from ..model import McuVideoParams
from ..sources import data_type, sdk
from .cards import hatched
from .colors import color_or_default
from .context import RenderContext
from .scaling import scale_into

SOURCE_CANVAS_BG = f"{data_type('McuVideoParams')}; {sdk('McuVideoParams')}"
_MODES = {0: "crop", 1: "black", 2: "stretch"}


def background_color(video: McuVideoParams, ctx: RenderContext) -> tuple[int, int, int]:
    """The canvas colour (RGB); an invalid BackGroundColor gives black and a warning finding."""
    color, ok = color_or_default(video.back_ground_color, (0, 0, 0))
    if not ok:
        ctx.add(
            "render.color.invalid",
            Severity.WARNING,
            "VideoParams.BackGroundColor",
            f"BackGroundColor {video.back_ground_color!r} is not 0xRRGGBB; the preview uses black",
            SOURCE_CANVAS_BG,
        )
    return color


def canvas_base(video: McuVideoParams, size: tuple[int, int], ctx: RenderContext) -> Image.Image:
    """The background of the canvas (RGB, ``size`` pixels), from the render cache; callers must copy it."""
    color = background_color(video, ctx)
    url = video.background_image_url
    mode = _MODES.get(video.eff("background_render_mode"), "stretch")

    def make(sub: RenderContext) -> Image.Image:
        if not url:
            return Image.new("RGB", size, color)
        img = sub.image(url, path="VideoParams.BackgroundImageUrl", what="canvas background image")
        if img is None:
            return hatched(size)
        tile = scale_into(img, size, mode)
        if tile.mode != "RGB":
            base = Image.new("RGB", size, color)
            base.paste(tile, (0, 0), tile)
            return base
        return tile

    return ctx.cached(("canvas", size, color, url, mode), make)
