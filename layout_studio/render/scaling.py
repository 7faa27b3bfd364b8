"""Scaling a source picture into a box the way the MCU's render modes describe (sizes in pixels).

Modes (``SDK models.McuLayout.RenderMode``, ``SDK models.McuLayout.BackgroundRenderMode``,
``SDK models.McuVideoParams.BackgroundRenderMode``; ``Data Types McuLayout``):

* ``crop``: scale to fill the box, centred, cutting what overflows (RenderMode 0);
* ``fit``: scale to fit inside the box, centred; the bars are ``bars`` (an RGB colour) or transparent, so what is
  below shows (RenderMode 1, "scale and show the background");
* ``black``: scale to fit on black bars (RenderMode 2);
* ``stretch``: scale to the box ignoring the aspect ratio (BackgroundRenderMode 3 of a region, 2 of the canvas).

``box`` selects the part of the source used first (a McuCustomCrop), as (left, top, right, bottom) in source pixels.
"""

from __future__ import annotations

from PIL import Image, ImageChops, ImageDraw

RESAMPLE = Image.Resampling.BILINEAR
Box = tuple[float, float, float, float]


def clamp_box(box: Box | None, size: tuple[int, int]) -> Box:
    """``box`` intersected with an image of ``size`` (the whole image when None or empty after clamping)."""
    w, h = size
    if box is None:
        return (0.0, 0.0, float(w), float(h))
    left, t, r, b = max(0.0, box[0]), max(0.0, box[1]), min(float(w), box[2]), min(float(h), box[3])
    if r - left < 1 or b - t < 1:
        return (0.0, 0.0, float(w), float(h))
    return (left, t, r, b)


def scale_into(
    src: Image.Image,
    size: tuple[int, int],
    mode: str,
    *,
    box: Box | None = None,
    bars: tuple[int, int, int] | None = None,
) -> Image.Image:
    """``src`` (RGB or RGBA) scaled into ``size`` by ``mode`` (see the module docstring).

    Returns RGB when the result is opaque (crop, stretch, black, fit with ``bars``, and an RGB source), else RGBA.
    """
    w, h = max(1, int(size[0])), max(1, int(size[1]))
    left, t, r, b = clamp_box(box, src.size)
    bw, bh = r - left, b - t
    if mode == "stretch":
        return src.resize((w, h), RESAMPLE, box=(left, t, r, b))
    if mode == "crop":
        target = w / h
        if bw / bh > target:  # source wider: cut the sides
            nw = bh * target
            left, r = left + (bw - nw) / 2, left + (bw + nw) / 2
        else:
            nh = bw / target
            t, b = t + (bh - nh) / 2, t + (bh + nh) / 2
        return src.resize((w, h), RESAMPLE, box=(left, t, r, b))
    # fit / black
    k = min(w / bw, h / bh)
    sw, sh = max(1, round(bw * k)), max(1, round(bh * k))
    scaled = src.resize((sw, sh), RESAMPLE, box=(left, t, r, b))
    fill = (0, 0, 0) if mode == "black" else bars
    if fill is not None and scaled.mode == "RGB":
        out = Image.new("RGB", (w, h), fill)
        out.paste(scaled, ((w - sw) // 2, (h - sh) // 2))
        return out
    out = Image.new("RGBA", (w, h), (*fill, 255) if fill is not None else (0, 0, 0, 0))
    scaled = scaled.convert("RGBA")
    out.alpha_composite(scaled, ((w - sw) // 2, (h - sh) // 2))
    return out


def rounded_mask(size: tuple[int, int], radius: int) -> Image.Image:
    """An ``L`` mask of ``size``: 255 inside a rectangle with corners of ``radius`` pixels, 0 outside."""
    w, h = max(1, size[0]), max(1, size[1])
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, w - 1, h - 1), radius=max(0, radius), fill=255)
    return mask


def with_alpha(tile: Image.Image, mask: Image.Image) -> Image.Image:
    """``tile`` as RGBA whose alpha is its own alpha multiplied by ``mask`` (an ``L`` image of the same size)."""
    rgba = tile.convert("RGBA") if tile.mode != "RGBA" else tile.copy()
    if tile.mode == "RGBA":
        rgba.putalpha(ImageChops.multiply(tile.getchannel("A"), mask))
    else:
        rgba.putalpha(mask)
    return rgba
