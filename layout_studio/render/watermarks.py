"""Watermark tiles (McuWaterMarkParams): image watermarks and text watermarks, with a DynamicPosType marker.

* Image (WaterMarkType 0): WaterMarkUrl (PNG or JPEG, local paths too) stretched to WaterMarkWidth x
  WaterMarkHeight, alpha kept. A failed fetch draws the hatched box and a warning finding.
* Text (WaterMarkType 1): a WaterMarkWidth x WaterMarkHeight box filled with BackGroundColor (default transparent),
  Text in FontColor (default white) at FontSize pixels (default: 60 % of the box height), centred and clipped to
  the box — the MCU's exact text placement is not documented, so this is an approximation; the validator's
  ``watermark.text.overflow`` measures the same layout (:func:`layout_studio.fonts.layout_text`). Font ``Tencent``
  is drawn with the bundled DejaVu Sans, or an installed CJK face for text DejaVu Sans cannot draw;
  ``SourceHanSans`` with an installed Source Han Sans / Noto Sans CJK face when there is one
  (:mod:`layout_studio.fonts`); characters the face lacks give a ``render.font.missing-glyphs`` warning naming the
  package to install.
* DynamicPosType 1 (random position every second) and 2 (bouncing along the edges every frame) cannot be a still:
  the watermark is drawn at its offset with a dashed yellow frame and a ↻ (1) or ⇆ (2) badge.

Sources: ``Data Types McuWaterMarkImage``, ``Data Types McuWaterMarkText``; ``SDK models.McuWaterMarkText``
(DynamicPosType, Font, ZOrder).
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from .. import fonts
from ..findings import Severity
from ..fonts import CJK_HINT, font_path, get_font, layout_text, missing_glyphs, unreadable_cjk_font
from ..model import McuWaterMarkParams, McuWaterMarkText
from ..sources import data_type, sdk
from .cards import hatched
from .colors import color_or_default
from .context import RenderContext
from .scaling import scale_into

SOURCE_WM = f"{sdk('McuWaterMarkText')}, {sdk('McuWaterMarkImage')}; {data_type('McuWaterMarkParams')}"
MARKER = (255, 214, 0)
_BADGES = {1: "↻", 2: "⇆"}


def _dynamic_marker(tile: Image.Image, kind: int) -> Image.Image:
    tile = tile.convert("RGBA")
    draw = ImageDraw.Draw(tile)
    w, h = tile.size
    dash = 8
    for x in range(0, w, dash * 2):
        draw.line((x, 0, min(x + dash, w - 1), 0), fill=(*MARKER, 255), width=2)
        draw.line((x, h - 1, min(x + dash, w - 1), h - 1), fill=(*MARKER, 255), width=2)
    for y in range(0, h, dash * 2):
        draw.line((0, y, 0, min(y + dash, h - 1)), fill=(*MARKER, 255), width=2)
        draw.line((w - 1, y, w - 1, min(y + dash, h - 1)), fill=(*MARKER, 255), width=2)
    side = max(10, min(28, min(w, h) // 2))
    draw.rectangle((w - side, 0, w - 1, side - 1), fill=(*MARKER, 255))
    draw.text(
        (w - side // 2, side // 2),
        _BADGES.get(kind, "?"),
        font=get_font(max(8, side - 6)),
        fill=(0, 0, 0, 255),
        anchor="mm",
    )
    return tile


def _text_tile(text: McuWaterMarkText, path: str, ctx: RenderContext) -> Image.Image:
    face = text.eff("font")
    laid = layout_text(text.text or "", text.font_size, text.water_mark_width, text.water_mark_height, face)
    fg, ok_fg = color_or_default(text.font_color, (255, 255, 255))
    bg, ok_bg = color_or_default(text.back_ground_color, (0, 0, 0))
    for ok, name in ((ok_fg, "FontColor"), (ok_bg, "BackGroundColor")):
        if not ok:
            ctx.add(
                "render.color.invalid",
                Severity.WARNING,
                f"{path}.{name}",
                f"{name} is not a 0xRRGGBB colour; the preview uses the default",
                SOURCE_WM,
            )
    problem = unreadable_cjk_font() if face == "SourceHanSans" else None
    if problem:
        ctx.add(
            "render.font.unreadable",
            Severity.WARNING,
            f"{path}.Font",
            f"{problem}; drawn with {font_path(face).name} instead (point it at a Source Han Sans / Noto Sans "
            "CJK .otf/.ttc, or unset it)",
            SOURCE_WM,
        )
    if face not in ("Tencent", "SourceHanSans"):
        ctx.add(
            "render.font.unknown",
            Severity.WARNING,
            f"{path}.Font",
            f"Font {face!r} is not one the MCU offers (Tencent, SourceHanSans); drawn with the bundled font",
            SOURCE_WM,
        )
    missing = missing_glyphs(laid.font, laid.text)
    if missing:
        shown = "".join(missing[:12]) + ("…" if len(missing) > 12 else "")
        advice = (
            "the MCU's own font may have them"
            if fonts.find_cjk_font() is not None
            else f"{CJK_HINT} for a faithful preview"
        )
        ctx.add(
            "render.font.missing-glyphs",
            Severity.WARNING,
            f"{path}.Text",
            f"the preview font {laid.path.name} has no glyph for {len(missing)} character(s) ({shown}); "
            f"they are drawn as boxes here ({advice})",
            SOURCE_WM,
        )
    tile = Image.new(
        "RGBA", (laid.width, laid.height), (*bg, 255) if text.back_ground_color is not None and ok_bg else (0, 0, 0, 0)
    )
    laid.draw(ImageDraw.Draw(tile), (*fg, 255))
    return tile


def _image_tile(wm: McuWaterMarkParams, path: str, ctx: RenderContext) -> Image.Image | None:
    img_params = wm.water_mark_image
    url = img_params.water_mark_url if img_params else None
    w = img_params.water_mark_width if img_params else None
    h = img_params.water_mark_height if img_params else None
    if not url:
        return hatched((w, h)) if w and h and w > 0 and h > 0 else None
    img = ctx.image(url, path=f"{path}.WaterMarkImage.WaterMarkUrl", what="watermark image")
    if img is None:
        return hatched((w or 96, h or 54))
    if not w or not h or w <= 0 or h <= 0:
        return img
    return scale_into(img, (w, h), "stretch")


def watermark_tile(wm: McuWaterMarkParams, path: str, ctx: RenderContext, *, marked: bool = True) -> Image.Image | None:
    """The tile of watermark ``wm`` (at API path ``path``), RGB or RGBA, or None when there is nothing to draw.
    ``marked``: a moving watermark (DynamicPosType 1, 2) carries its marker (False: a clean frame)."""
    body = wm.body
    if body is None:
        return None
    dyn = body.eff("dynamic_pos_type") if marked else 0

    def make(sub: RenderContext) -> Image.Image | None:
        tile: Image.Image | None
        if isinstance(body, McuWaterMarkText):
            tile = _text_tile(body, f"{path}.WaterMarkText", sub)
        else:
            tile = _image_tile(wm, path, sub)
        if tile is not None and dyn in (1, 2):
            tile = _dynamic_marker(tile, dyn)
        return tile

    data = {k: v for k, v in body.to_api().items() if k not in ("LocationX", "LocationY", "ZOrder")}
    key = ("watermark", wm.eff("water_mark_type"), dyn, repr(sorted(data.items())))
    return ctx.cached(key, make)


def watermark_box(wm: McuWaterMarkParams) -> tuple[int, int, int, int] | None:
    """(x, y, width, height) of a watermark on the canvas (pixels), or None when it has no body."""
    body = wm.body
    if body is None:
        return None
    return (body.eff("location_x"), body.eff("location_y"), body.water_mark_width or 0, body.water_mark_height or 0)
