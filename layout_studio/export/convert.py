"""Value conversions between the mixing API's forms and the other targets': colours, bit rates, nearest allowed
values, and the image URL rules of each target.

Colours: the mixing API writes ``0xRRGGBB`` (:func:`layout_studio.values.parse_color`); cloud recording
``#RRGGBB`` (``SDK models.MixLayoutParams.BackGroundColor``); the legacy API and the client SDKs a number
(``SDK models.EncodeParams.BackgroundColor``: the decimal integer of 0xRRGGBB). Bit rates: kbps in the mixing
API, bps in cloud recording (``SDK models.VideoParams.BitRate``, ``SDK models.AudioParams.BitRate``).
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from ..values import ValueFormatError, format_color, parse_color

#: Characters cloud recording allows in an image URL (SDK models.MixLayoutParams.BackgroundImageUrl): the mixing
#: API's set without ``;`` and ``|``.
URL_CHARS_RECORDING = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-._~:/?#[]@!&()*+,%=")
#: Any printable ASCII character but space and quotes (targets that state no character set).
URL_CHARS_ANY = frozenset(chr(c) for c in range(33, 127)) - {'"', "'", "<", ">", "\\", "^", "`", "{", "}"}


def rgb_number(color: str) -> int:
    """``0xRRGGBB`` -> its number (``0xCC0033`` -> 13369395). Raises ValueFormatError."""
    r, g, b = parse_color(color)
    return (r << 16) | (g << 8) | b


def number_color(number: int) -> str:
    """A colour number (0..0xFFFFFF) -> ``0xRRGGBB``. Raises ValueFormatError for a number out of range."""
    if not 0 <= number <= 0xFFFFFF:
        raise ValueFormatError(f"colour {number} is not a number from 0 to 16777215 (0xFFFFFF)")
    return format_color(((number >> 16) & 255, (number >> 8) & 255, number & 255))


def hash_color(color: str) -> str:
    """``0xRRGGBB`` -> ``#RRGGBB`` (cloud recording's form). Raises ValueFormatError."""
    return "#" + format_color(parse_color(color))[2:]


def unhash_color(color: str) -> str:
    """``#RRGGBB`` (or ``0xRRGGBB``) -> ``0xRRGGBB``. Raises ValueFormatError."""
    text = color.strip()
    if text.startswith("#") and len(text) == 7:
        text = "0x" + text[1:]
    return format_color(parse_color(text))


def nearest(value: int, allowed: Iterable[int]) -> int:
    """The allowed value nearest ``value`` (the larger one on a tie)."""
    return min(sorted(allowed, reverse=True), key=lambda a: abs(a - value))


def clamp(value: int, low: int, high: int) -> int:
    """``value`` brought into ``low..high``."""
    return max(low, min(high, value))


def url_problems(
    url: str, formats: tuple[str, ...], *, chars: frozenset[str] = URL_CHARS_ANY, max_bytes: int | None = None
) -> list[str]:
    """What is wrong with image ``url`` for a target: not http(s), a path not ending in one of ``formats`` (the
    format suffix is required), characters outside ``chars``, more than ``max_bytes`` bytes. Empty when fine."""
    problems: list[str] = []
    shown = url if len(url) <= 80 else url[:77] + "..."
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        problems.append(f"image URL {shown!r} is not an http(s) link the service can download")
    suffix = parts.path.rsplit(".", 1)[-1].lower() if "." in parts.path.rsplit("/", 1)[-1] else ""
    if suffix not in formats:
        problems.append(
            f"image URL {shown!r} does not end with its format ({', '.join('.' + f for f in formats)}); "
            "the target needs the suffix"
        )
    bad = sorted({c for c in url if c not in chars})
    if bad:
        problems.append(
            f"image URL has characters the target does not allow ({' '.join(repr(c) for c in bad[:8])}); "
            "percent-encode them"
        )
    size = len(url.encode("utf-8"))
    if max_bytes is not None and size > max_bytes:
        problems.append(f"image URL is {size} bytes; the target takes at most {max_bytes}")
    return problems
