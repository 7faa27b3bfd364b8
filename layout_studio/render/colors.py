"""Colours of the API (``0xRRGGBB`` strings, ``SDK models.McuVideoParams.BackGroundColor``) and of the users the
preview shows.

:func:`color_or_default` reads an API colour with :func:`layout_studio.values.parse_color` (the one colour parser:
``0xRRGGBB`` only) and falls back to a default the caller reports.

:func:`user_colors` gives the users of a design colours from :data:`PALETTE`, 16 colours chosen so that any two
differ clearly (CIE76 distance at least 31, RGB distance at least 59): the users the design names take the entries
in the order they enter the room (:func:`layout_studio.mix.named_users`), then ``auto #1``, ``auto #2``, ... the
next ones. So within a design a user keeps its colour in every room state, and the regions of up to 16 users (the
MCU's limit) never share one. Test cards, audio cards and overlay outlines use these colours, and tests look for
them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..mix import Design, auto_number, named_users
from ..values import RGB, ValueFormatError, parse_color

__all__ = ["PALETTE", "RGB", "UserColors", "color_or_default", "contrast_text", "shade", "user_colors"]

#: Region colours, most distinct first: chosen greedily for CIE76 distance from each other and from black, white,
#: dark backgrounds, the hatched "image failed" magenta and the overlay's red, orange, yellow and cyan.
PALETTE: tuple[RGB, ...] = (
    (57, 118, 230),
    (57, 230, 118),
    (123, 128, 45),
    (204, 112, 126),
    (126, 57, 230),
    (32, 128, 113),
    (113, 70, 128),
    (80, 230, 192),
    (158, 204, 51),
    (98, 138, 178),
    (230, 166, 103),
    (204, 126, 230),
    (128, 70, 32),
    (32, 128, 32),
    (230, 57, 126),
    (178, 45, 51),
)


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


@dataclass(frozen=True)
class UserColors:
    """The colour of each user of one design: call it with a UserId. ``named``: the users the design names, in
    order of entering the room; they take :data:`PALETTE` entries 0, 1, ..., and ``auto #n`` the entry after them
    plus ``n - 1`` (cycling after 16). Any other id gets an entry from the SHA-256 of the id."""

    named: tuple[str, ...] = ()

    def index(self, user_id: str) -> int:
        """The :data:`PALETTE` position of ``user_id`` (before cycling)."""
        if user_id in self.named:
            return self.named.index(user_id)
        n = auto_number(user_id)
        if n is not None:
            return len(self.named) + n - 1
        return int.from_bytes(hashlib.sha256(user_id.encode("utf-8")).digest()[:4], "big")

    def __call__(self, user_id: str) -> RGB:
        return PALETTE[self.index(user_id) % len(PALETTE)]


def user_colors(design: Design) -> UserColors:
    """The :class:`UserColors` of ``design`` (see the module docstring)."""
    return UserColors(tuple(named_users(design)))


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
