"""The picture of one region (McuLayout) as the MCU would draw it, as a tile to paste at the region's offset.

* ``video``: the user's source frame — a ``--source`` image, or a built-in test card (:mod:`.cards`) — with
  McuCustomCrop applied first (source pixels; a card's nominal resolution, see :data:`.cards.NOMINAL`), then
  RenderMode 0 crop to fill, 1 fit (bars: BackGroundColor when BackGroundColorMode bit1 is set, else transparent so
  the canvas shows), 2 fit on black. TransparentUrl's alpha channel, stretched to the region, masks the picture in
  RenderMode 0 only (``SDK models.McuLayout.TransparentUrl``).
* ``absent``: the placeholder BackgroundImageUrl by BackgroundRenderMode 0 crop, 1 fit (bars: BackGroundColor when
  BackGroundColorMode bit0 is set, else transparent), 2 fit on black, 3 stretch (default), 4 custom: the image
  stretched to BackgroundCustomRender Width x Height, centred, corners rounded by Radius. No placeholder: nothing.
* ``audio``: an audio-only user holding a place in a dynamic layout (PureAudioHoldPlaceMode 1).

Tiles are cached by everything they depend on except the offset, so moving a region costs only a paste.
"""

from __future__ import annotations

from typing import Any

from PIL import Image

from ..findings import Severity
from ..mix import Slot, SlotState
from ..sources import data_type, sdk
from .cards import NOMINAL, audio_card, card_kind_for, crop_box, draft_factor, hatched, reduced_card
from .colors import UserColors, color_or_default
from .context import RenderContext
from .scaling import rounded_mask, scale_into, with_alpha

SOURCE_LAYOUT = f"{sdk('McuLayout')}; {data_type('McuLayout')}"
SOURCE_TRANSPARENT = sdk("McuLayout.TransparentUrl")
_VIDEO_MODES = {0: "crop", 1: "fit", 2: "black"}
_PLACEHOLDER_MODES = {0: "crop", 1: "fit", 2: "black", 3: "stretch"}


def _region_color(slot: Slot, ctx: RenderContext, bit: int) -> tuple[int, int, int] | None:
    lay = slot.layout
    if not (lay.eff("back_ground_color_mode") & bit) or lay.back_ground_color is None:
        return None
    color, ok = color_or_default(lay.back_ground_color, (0, 0, 0))
    return color if ok else None


def _crop(slot: Slot) -> tuple[int, int, int, int] | None:
    c = slot.layout.custom_crop
    if c is None or not c.width or not c.height or c.width <= 0 or c.height <= 0:
        return None
    return (c.location_x or 0, c.location_y or 0, c.width, c.height)


def _source(
    slot: Slot, sources: dict[str, Any], ctx: RenderContext, colors: UserColors, draft: bool
) -> tuple[Any, Image.Image, str | None]:
    """(cache key, source image, card kind or None) for a slot showing video; a draft takes a reduced card when the
    region is small (:func:`~.cards.draft_factor`)."""
    given = sources.get(slot.user_id) if slot.user_id else None
    size = slot.layout.box[2:]
    if isinstance(given, Image.Image):
        return ("img", id(given)), given, None
    if isinstance(given, str) and given.startswith("card:") and given[5:] in NOMINAL:
        kind = given[5:]
    elif isinstance(given, str):
        img = ctx.image(
            given, path=slot.path, what=f"--source image for {slot.user_id}", allow_extra=True, user_frame=True
        )
        if img is None:
            return ("hatch",), hatched((640, 360)), None
        rgb = img.convert("RGB")
        return ("file", given, id(img)), rgb, None
    else:
        kind = card_kind_for(slot.stream_type, size)
    label = slot.user_id or "?"
    color = colors(label)
    factor = draft_factor((NOMINAL[kind][0] // 2, NOMINAL[kind][1] // 2), size) if draft else 1
    return ("card", kind, label, color, factor), reduced_card(kind, label, color, factor), kind


def video_tile(
    slot: Slot, sources: dict[str, Any], ctx: RenderContext, colors: UserColors, *, draft: bool = False
) -> Image.Image:
    """The tile of a region showing its user's video (RGB, or RGBA when bars are transparent or masked); a test
    card is drawn in the user's colour from ``colors``. ``draft``: a thumbnail (see :mod:`.draft`)."""
    lay = slot.layout
    w, h = lay.box[2:]
    mode = lay.eff("render_mode")
    mode_name = _VIDEO_MODES.get(mode, "crop")
    bars = _region_color(slot, ctx, 2) if mode == 1 else None
    src_key, src, kind = _source(slot, sources, ctx, colors, draft)
    crop = _crop(slot)
    box: tuple[float, float, float, float] | None = None
    if crop is not None:
        if kind is not None:
            box = crop_box(kind, crop, src.size)
            nw, nh = NOMINAL[kind]
        else:
            box = (crop[0], crop[1], crop[0] + crop[2], crop[1] + crop[3])
            nw, nh = src.size
        if crop[0] + crop[2] > nw or crop[1] + crop[3] > nh:
            ctx.add(
                "render.crop.outside-source",
                Severity.INFO,
                f"{slot.path}.CustomCrop",
                f"CustomCrop {crop[2]}x{crop[3]} at ({crop[0]}, {crop[1]}) reaches outside the {nw}x{nh} "
                "preview source; the preview crops what is inside",
                SOURCE_LAYOUT,
            )
    mask_url = lay.transparent_url
    if mask_url and mode != 0:
        ctx.add(
            "render.transparent.ignored",
            Severity.INFO,
            f"{slot.path}.TransparentUrl",
            f"TransparentUrl only takes effect with RenderMode 0 (this region has {mode}); not applied",
            SOURCE_TRANSPARENT,
        )
        mask_url = None
    keep = src if src_key[0] in ("img", "file") else None  # keeps id() in the key unique while cached

    def make(sub: RenderContext) -> tuple[Image.Image, Any]:
        tile = scale_into(src, (w, h), mode_name, box=box, bars=bars)
        if mask_url:
            template = sub.image(mask_url, path=f"{slot.path}.TransparentUrl", what="TransparentUrl template")
            if template is not None:
                alpha = template.getchannel("A")
                if alpha.getextrema()[0] == 255:
                    sub.add(
                        "render.transparent.opaque",
                        Severity.WARNING,
                        f"{slot.path}.TransparentUrl",
                        "the TransparentUrl template has no transparent pixels (a JPEG, or a PNG without "
                        "alpha), so it masks nothing; use a PNG with an alpha channel (the SDK takes PNG only)",
                        SOURCE_TRANSPARENT,
                    )
                else:
                    tile = with_alpha(tile, alpha.resize((w, h), Image.Resampling.BILINEAR))
        return tile, keep

    return ctx.cached(("video", src_key, box, (w, h), mode_name, bars, mask_url), make)[0]


def placeholder_tile(slot: Slot, ctx: RenderContext) -> Image.Image | None:
    """The placeholder of a region whose user is absent, or None when it has no BackgroundImageUrl."""
    lay = slot.layout
    url = lay.background_image_url
    if not url:
        return None
    w, h = lay.box[2:]
    mode = lay.eff("background_render_mode")
    bars = _region_color(slot, ctx, 1)
    bcr = lay.background_custom_render
    custom = None
    if mode == 4:
        if bcr is None:
            ctx.add(
                "render.placeholder.custom-missing",
                Severity.WARNING,
                f"{slot.path}.BackgroundCustomRender",
                "BackgroundRenderMode 4 needs BackgroundCustomRender; the preview stretches the placeholder",
                SOURCE_LAYOUT,
            )
        else:
            cw = min(max(1, bcr.width or w), w)
            ch = min(max(1, bcr.height or h), h)
            radius = max(0, min(bcr.eff("radius"), min(cw, ch) // 2))
            custom = (cw, ch, radius)

    def make(sub: RenderContext) -> Image.Image:
        img = sub.image(url, path=f"{slot.path}.BackgroundImageUrl", what="placeholder", allow_extra=True)
        if img is None:
            return hatched((w, h))
        if custom is None:
            return scale_into(img, (w, h), _PLACEHOLDER_MODES.get(mode, "stretch"), bars=bars)
        cw, ch, radius = custom
        inner = scale_into(img, (cw, ch), "stretch")
        inner = with_alpha(inner, rounded_mask((cw, ch), radius)) if radius else inner.convert("RGBA")
        out = Image.new("RGBA", (w, h), (*bars, 255) if bars else (0, 0, 0, 0))
        out.alpha_composite(inner, ((w - cw) // 2, (h - ch) // 2))
        return out

    return ctx.cached(("placeholder", url, (w, h), mode, bars, custom), make)


def region_tile(
    slot: Slot,
    sources: dict[str, Any],
    ctx: RenderContext,
    canvas: tuple[int, int],
    colors: UserColors,
    *,
    draft: bool = False,
) -> Image.Image | None:
    """The tile of ``slot`` (see the module docstring), or None when nothing is drawn there (zero size, absent
    user without placeholder, or a region over twice the canvas size, reported as a finding). Test cards and audio
    cards take the user's colour from ``colors`` (:func:`~.colors.user_colors`). ``draft``: a thumbnail
    (:mod:`.draft`), whose test cards may be reduced first."""
    w, h = slot.layout.box[2:]
    if w <= 0 or h <= 0:
        return None
    if w > 2 * canvas[0] or h > 2 * canvas[1]:
        ctx.add(
            "render.region.too-large",
            Severity.WARNING,
            slot.path,
            f"region {w}x{h} is far larger than the {canvas[0]}x{canvas[1]} canvas; not drawn",
            SOURCE_LAYOUT,
        )
        return None
    if slot.state is SlotState.VIDEO:
        return video_tile(slot, sources, ctx, colors, draft=draft)
    if slot.state is SlotState.AUDIO:
        label = slot.user_id or "?"
        return audio_card(label, (w, h), colors(label))
    return placeholder_tile(slot, ctx)
