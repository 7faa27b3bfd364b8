"""Values the API writes as text: colours (``0xRRGGBB``) and canvas sizes (``WIDTHxHEIGHT``), parsed in one place;
and the user-count ranges (``1-16``) the contact sheet takes.

Colours: McuVideoParams.BackGroundColor, McuLayout.BackGroundColor, McuWaterMarkText.FontColor and BackGroundColor
are strings ``0xRRGGBB`` (six hexadecimal digits, e.g. ``0xcc0033``; SDK ``tencentcloud.trtc.v20190722.models``,
Data Types https://www.tencentcloud.com/document/api/647/36760#McuVideoParams). The API takes no other form, so
:func:`parse_color` reads only that; :func:`normalize_color` turns what people type (``#RRGGBB``, ``RRGGBB``,
lower case) into it for an editor.

Sizes: a canvas on the command line or in a prompt is ``WIDTHxHEIGHT`` in pixels (``×`` also read), each side
``1..MAX_CANVAS_SIDE`` (VideoEncode Width and Height are 0..1920, SDK models.VideoEncode).

Counts: a range of users is ``LOW-HIGH`` or one number ``N`` (:func:`parse_range`).

All raise :class:`ValueFormatError` (a ValueError) whose message says what was wrong and what to write.
"""

from __future__ import annotations

import re

RGB = tuple[int, int, int]

#: Largest canvas side in pixels (SDK models.VideoEncode.Width/Height: 0..1920).
MAX_CANVAS_SIDE = 1920

_API_COLOR = re.compile(r"0[xX]([0-9A-Fa-f]{6})")
_TYPED_COLOR = re.compile(r"(?:0[xX]|#)?([0-9A-Fa-f]{6})")
_SIDE = re.compile(r"[0-9]+")


class ValueFormatError(ValueError):
    """Text that is not a value of the expected form; the message names the form to write."""


def parse_color(text: object) -> RGB:
    """``(r, g, b)`` (0..255 each) of an API colour ``0xRRGGBB``; raises ValueFormatError for anything else."""
    m = _API_COLOR.fullmatch(text) if isinstance(text, str) else None
    if m is None:
        hint = ""
        if isinstance(text, str) and (typed := _TYPED_COLOR.fullmatch(text.strip())):
            hint = f" (write 0x{typed.group(1).upper()})"
        raise ValueFormatError(f"colour {text!r} is not 0xRRGGBB{hint}; e.g. 0x000000 black, 0xFFFFFF white")
    n = int(m.group(1), 16)
    return ((n >> 16) & 255, (n >> 8) & 255, n & 255)


def normalize_color(text: str) -> str:
    """The API form ``0xRRGGBB`` (upper-case digits) of a typed colour: ``#ff0000``, ``ff0000``, ``0Xff0000``;
    raises ValueFormatError for anything else (names such as ``red`` are not colours of the API)."""
    m = _TYPED_COLOR.fullmatch(text.strip())
    if m is None:
        raise ValueFormatError(
            f"colour {text!r} is not 0xRRGGBB (or #RRGGBB); e.g. 0x000000 black, 0xFFFFFF white, 0xFF0000 red"
        )
    return f"0x{m.group(1).upper()}"


def format_color(rgb: RGB) -> str:
    """``0xRRGGBB`` for ``(r, g, b)``."""
    r, g, b = rgb
    return f"0x{r:02X}{g:02X}{b:02X}"


def parse_size(text: str, *, max_side: int | None = MAX_CANVAS_SIDE) -> tuple[int, int]:
    """``"1280x720"`` -> ``(1280, 720)`` (pixels; ``×`` and upper-case ``X`` also read, spaces around the numbers
    ignored). Each side must be at least 1 and, unless ``max_side`` is None, at most ``max_side``. Only ASCII digits
    are read (``str.isdigit`` would take superscripts). Raises ValueFormatError."""
    parts = [p.strip() for p in text.lower().replace("×", "x").split("x")]
    limit = f"1..{max_side}" if max_side is not None else "at least 1"
    problem = f"size {text!r} is not WIDTHxHEIGHT in pixels, each side {limit}; e.g. 1280x720"
    if len(parts) != 2 or not all(_SIDE.fullmatch(p) for p in parts):
        raise ValueFormatError(problem)
    width, height = int(parts[0]), int(parts[1])
    if width < 1 or height < 1 or (max_side is not None and (width > max_side or height > max_side)):
        raise ValueFormatError(problem)
    return (width, height)


def parse_range(text: str, *, low: int, high: int) -> tuple[int, int]:
    """``"1-16"`` -> ``(1, 16)``, ``"4"`` -> ``(4, 4)``: a range of whole numbers within ``low..high`` (``–`` also
    read, spaces ignored), the first not above the second. Raises ValueFormatError."""
    parts = [p.strip() for p in text.replace("–", "-").split("-")]
    problem = f"range {text!r} is not LOW-HIGH (or N) with {low} <= LOW <= HIGH <= {high}; e.g. {low}-{high}"
    if len(parts) not in (1, 2) or not all(_SIDE.fullmatch(p) for p in parts):
        raise ValueFormatError(problem)
    first, last = int(parts[0]), int(parts[-1])
    if not low <= first <= last <= high:
        raise ValueFormatError(problem)
    return (first, last)
