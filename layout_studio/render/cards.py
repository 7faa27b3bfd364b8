"""Built-in test cards: the source frames the preview shows for users who have no ``--source`` image.

Three motifs live in ``assets/cards/`` as greyscale masks: ``camera`` (16:9, a head and shoulders), ``phone``
(9:16, the same in portrait) and ``screen`` (16:10, a window with text and a chart, for StreamType 1 screen
sharing). A card is the motif drawn in a shade of the user's colour (:func:`~.colors.user_colors`: a palette entry
of the design) on a flat field of that colour, with the user's id written on it. The outer margin of every card is
the flat colour, so a pixel near a region's edge has exactly the user's colour.

Cards are stored at half their *nominal* source resolution (:data:`NOMINAL`: camera 1280x720, phone 720x1280,
screen 1280x800): McuCustomCrop coordinates are source pixels of the nominal frame, and are scaled by
:func:`crop_box` onto the stored card. Also here: the audio-only card and the hatched "image failed" pattern.
"""

from __future__ import annotations

from functools import cache, lru_cache

from PIL import Image, ImageDraw, ImageFont

from ..bundled import asset
from ..fonts import drawable, get_font
from .colors import RGB, contrast_text, shade

CARD_KINDS = ("camera", "phone", "screen")
#: Nominal source resolution (pixels) of each card: the frame size CustomCrop coordinates refer to.
NOMINAL: dict[str, tuple[int, int]] = {"camera": (1280, 720), "phone": (720, 1280), "screen": (1280, 800)}


@cache
def _motif(kind: str) -> Image.Image:
    with Image.open(asset("cards", f"{kind}.png")) as im:
        return im.convert("L")


@cache
def _icon(name: str) -> Image.Image:
    with Image.open(asset("icons", f"{name}.png")) as im:
        return im.convert("L")


def card_kind_for(stream_type: int | None, region_size: tuple[int, int] | None = None) -> str:
    """The card for a stream: ``screen`` for StreamType 1, else ``phone`` for a portrait region, else ``camera``."""
    if stream_type == 1:
        return "screen"
    if region_size and region_size[1] > region_size[0] > 0:
        return "phone"
    return "camera"


def _fit_font(draw: ImageDraw.ImageDraw, text: str, max_w: int, size: int) -> ImageFont.FreeTypeFont:
    while size > 8:
        font = get_font(size)
        if draw.textlength(text, font=font) <= max_w:
            return font
        size = int(size * 0.85)
    return get_font(8)


@lru_cache(maxsize=32)
def _motif_at(kind: str, factor: int) -> Image.Image:
    """The motif of ``kind`` reduced ``factor`` times (1: as stored)."""
    motif = _motif(kind)
    return motif.reduce(factor) if factor > 1 else motif


def _draw_card(kind: str, label: str, color: RGB, factor: int) -> Image.Image:
    label = drawable(label)[:60]
    motif = _motif_at(kind, factor)
    card = Image.new("RGB", motif.size, color)
    card.paste(Image.new("RGB", motif.size, shade(color, 0.55)), (0, 0), motif)
    draw = ImageDraw.Draw(card)
    w, h = card.size
    font = _fit_font(draw, label, int(w * 0.7), max(14 // factor, min(w, h) // 7))
    y = int(h * 0.40) if kind != "screen" else int(h * 0.30)
    draw.text((w // 2, y), label, font=font, fill=contrast_text(color), anchor="mm")
    return card


@lru_cache(maxsize=256)
def make_card(kind: str, label: str, color: RGB) -> Image.Image:
    """The RGB test card ``kind`` (camera/phone/screen) for user ``label`` in ``color``, at stored resolution
    (nominal / 2)."""
    return _draw_card(kind, label, color, 1)


#: The reductions a draft may apply to a stored card (Image.reduce factors).
DRAFT_FACTORS = (8, 4, 2)


def draft_factor(stored: tuple[int, int], target: tuple[int, int]) -> int:
    """The largest of :data:`DRAFT_FACTORS` by which a card of ``stored`` size can be reduced and still be at least
    ``target`` (pixels) on both sides; 1 when none can. A draft scales such a reduced card down: much faster, and
    the difference does not show at thumbnail size."""
    for factor in DRAFT_FACTORS:
        if stored[0] // factor >= target[0] and stored[1] // factor >= target[1]:
            return factor
    return 1


@lru_cache(maxsize=256)
def reduced_card(kind: str, label: str, color: RGB, factor: int) -> Image.Image:
    """:func:`make_card` at 1/``factor`` of its size, for drafts (:func:`draft_factor`): drawn at that size, on
    the motif reduced by a box filter."""
    return make_card(kind, label, color) if factor == 1 else _draw_card(kind, label, color, factor)


def crop_box(kind: str, crop: tuple[int, int, int, int], stored: tuple[int, int]) -> tuple[float, float, float, float]:
    """Map CustomCrop ``(x, y, w, h)`` in nominal source pixels of card ``kind`` onto a stored card of ``stored``
    size: a ``(left, top, right, bottom)`` box for ``Image.resize(box=...)``."""
    nw, nh = NOMINAL[kind]
    fx, fy = stored[0] / nw, stored[1] / nh
    x, y, cw, ch = crop
    return (x * fx, y * fy, (x + cw) * fx, (y + ch) * fy)


@lru_cache(maxsize=32)
def audio_card(label: str, size: tuple[int, int], color: RGB) -> Image.Image:
    """An audio-only user's place (PureAudioHoldPlaceMode 1): a field of ``color`` (the user's) darkened, a speaker
    icon, the user's id; RGB."""
    w, h = max(1, size[0]), max(1, size[1])
    color = shade(color, 0.35)
    label = drawable(label)[:60]
    im = Image.new("RGB", (w, h), color)
    side = max(1, min(w, h) // 3)
    icon = _icon("audio").resize((side, side), Image.Resampling.BILINEAR)
    im.paste(Image.new("RGB", icon.size, (235, 235, 235)), ((w - side) // 2, (h - side) // 2), icon)
    draw = ImageDraw.Draw(im)
    font = _fit_font(draw, label, int(w * 0.9), max(8, min(w, h) // 8))
    draw.text((w // 2, (h + side) // 2 + 4), label, font=font, fill=(235, 235, 235), anchor="mt")
    return im


#: Colours of the hatched "image failed" pattern.
HATCH_COLORS: tuple[RGB, RGB] = ((200, 0, 160), (40, 40, 40))


#: Few sizes are kept: a hatched box is drawn canvas-size at worst, and a placeholder keeps its own in the tile cache.
@lru_cache(maxsize=8)
def hatched(size: tuple[int, int]) -> Image.Image:
    """The hatched placeholder drawn where an image could not be fetched or decoded (RGB, diagonal stripes)."""
    w, h = max(1, size[0]), max(1, size[1])
    im = Image.new("RGB", (w, h), HATCH_COLORS[1])
    draw = ImageDraw.Draw(im)
    step = 16
    for off in range(-h, w, step * 2):
        draw.polygon([(off, h), (off + step, h), (off + step + h, 0), (off + h, 0)], fill=HATCH_COLORS[0])
    draw.rectangle((0, 0, w - 1, h - 1), outline=HATCH_COLORS[0], width=2)
    return im
