"""Colours of the API (``0xRRGGBB`` strings, ``SDK models.McuVideoParams.BackGroundColor``) and of the built-in
test cards.

:func:`color_or_default` reads an API colour with :func:`layout_studio.values.parse_color` (the one colour parser:
``0xRRGGBB`` only) and falls back to a default the caller reports; :func:`user_color` gives every UserId a colour
of its own, stable across runs and machines (a SHA-256 of the id picks the hue), so regions can be told apart and
tests can look for it.
"""

from __future__ import annotations

import colorsys
import hashlib

from ..mix import auto_number
from ..values import RGB, ValueFormatError, parse_color

__all__ = ["RGB", "color_or_default", "contrast_text", "shade", "user_color"]


def color_or_default(value: str | None, default: RGB) -> tuple[RGB, bool]:
    """``(rgb, ok)`` for an API colour ``0xRRGGBB``; ``(default, False)`` when ``value`` is not one (``#RRGGBB``
    included: the API takes only ``0xRRGGBB``, and the validator's ``color.format`` rule reports it),
    ``(default, True)`` when it is None (absent)."""
    if value is None:
        return default, True
    try:
        return parse_color(value), True
    except ValueFormatError:
        return default, False


def user_color(user_id: str) -> RGB:
    """The card colour of ``user_id``: a hue from the SHA-256 of the id, saturation 0.55, value 0.80.

    Simulated users ``auto #n`` step the hue by the golden ratio instead, so neighbours always differ."""
    n = auto_number(user_id)
    if n is not None:
        hue = (0.11 + n * 0.6180339887) % 1.0
    else:
        digest = hashlib.sha256(user_id.encode("utf-8")).digest()
        hue = int.from_bytes(digest[:2], "big") / 65536.0
    r, g, b = colorsys.hsv_to_rgb(hue, 0.55, 0.80)
    return (round(r * 255), round(g * 255), round(b * 255))


def shade(color: RGB, factor: float) -> RGB:
    """``color`` darkened (factor < 1) or lightened toward white (factor > 1, up to 2 = white)."""
    if factor <= 1:
        return tuple(round(c * factor) for c in color)  # type: ignore[return-value]
    t = min(factor - 1, 1.0)
    return tuple(round(c + (255 - c) * t) for c in color)  # type: ignore[return-value]


def contrast_text(color: RGB) -> RGB:
    """Black or white, whichever reads better on ``color``."""
    luma = 0.299 * color[0] + 0.587 * color[1] + 0.114 * color[2]
    return (0, 0, 0) if luma > 150 else (255, 255, 255)
