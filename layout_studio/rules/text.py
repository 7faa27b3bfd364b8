"""Text rules: whether a text watermark's text fits its box.

The MCU draws McuWaterMarkText.Text at FontSize pixels inside a WaterMarkWidth x WaterMarkHeight box
(``SDK models.McuWaterMarkText``); what falls outside the box is not shown. Neither its font files nor its text
placement are documented, so the check measures what the preview draws (a ``Layout Studio heuristic``): the text
centred in the box in the preview's face for Font (DejaVu Sans for ``Tencent``, the default, or the installed CJK
face for text it cannot draw; :func:`layout_studio.fonts.layout_text`), ink measured to the pixel. A finding here
is exactly a text the preview draws clipped.

Pillow is imported only when a design has a text watermark to measure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..findings import Severity
from ..model import McuWaterMarkText
from ..sources import sdk
from .geometry import watermark_bodies
from .registry import Hits, Report, RuleContext, fixes, rule

if TYPE_CHECKING:
    from ..fonts import TextLayout

SOURCE_FIT = (
    "Layout Studio heuristic (measured in the preview's font: the MCU's font files and text placement are not "
    f"documented); {sdk('McuWaterMarkText')} (FontSize, WaterMarkWidth, WaterMarkHeight)"
)
#: How far past the overflow a box is grown, pixel by pixel, to find the size that fits.
_GROW_TRIES = 8


def _measure(text: McuWaterMarkText, font_size: int, width: int, height: int) -> TextLayout:
    from ..fonts import layout_text

    return layout_text(text.text or "", font_size, width, height, text.eff("font"))


def largest_fitting_size(text: McuWaterMarkText, width: int, height: int, below: int) -> int | None:
    """The largest FontSize under ``below`` at which ``text`` fits a ``width`` x ``height`` box, or None."""
    lo, hi, best = 1, below - 1, None
    while lo <= hi:
        mid = (lo + hi) // 2
        if _measure(text, mid, width, height).fits:
            best, lo = mid, mid + 1
        else:
            hi = mid - 1
    if best is not None and not _measure(text, best, width, height).fits:
        return None
    return best


def smallest_fitting_box(text: McuWaterMarkText, laid: TextLayout) -> tuple[int, int] | None:
    """The smallest (WaterMarkWidth, WaterMarkHeight), grown from the box of ``laid`` by its overflow, at which
    ``text`` fits at its FontSize, or None."""
    left, top, right, bottom = laid.overflow
    width, height = laid.width + left + right, laid.height + top + bottom
    for _ in range(_GROW_TRIES):
        grown = _measure(text, laid.size, width, height)
        if grown.fits:
            return width, height
        extra = grown.overflow
        width += 1 if extra[0] or extra[2] else 0
        height += 1 if extra[1] or extra[3] else 0
    return None


@rule("watermark.text.overflow", Severity.WARNING, SOURCE_FIT)
def text_overflow(ctx: RuleContext) -> Hits:
    """A text watermark whose text, at FontSize in the preview's font, does not fit its WaterMarkWidth x
    WaterMarkHeight box: the part outside is clipped."""
    for path, body in watermark_bodies(ctx):
        if not isinstance(body, McuWaterMarkText):
            continue
        size, width, height = body.font_size, body.water_mark_width, body.water_mark_height
        if not (size and size > 0 and width and width > 0 and height and height > 0) or not (body.text or "").strip():
            continue
        laid = _measure(body, size, width, height)
        if laid.fits or laid.ink is None:
            continue
        ink = laid.ink
        left, top, right, bottom = laid.overflow
        over = []
        if left or right:
            over.append(f"{left + right} px too wide")
        if top or bottom:
            over.append(f"{top + bottom} px too high")
        said: list[str] = []
        changes: list[dict[str, int]] = []
        smaller = largest_fitting_size(body, width, height, size)
        if smaller is not None:
            said.append(f"set FontSize to at most {smaller}")
            changes.append({f"{path}.FontSize": smaller})
        box = smallest_fitting_box(body, laid)
        if box is not None:
            said.append(f"make the box at least {box[0]}x{box[1]} (WaterMarkWidth x WaterMarkHeight)")
            changes.append({f"{path}.WaterMarkWidth": box[0], f"{path}.WaterMarkHeight": box[1]})
        shown = laid.text if len(laid.text) <= 40 else laid.text[:39] + "…"
        yield Report(
            f"{path}.FontSize",
            f"the text {shown!r} at FontSize {size} is {ink[2] - ink[0]}x{ink[3] - ink[1]} pixels in "
            f"{laid.path.name} (the preview's face for Font {body.eff('font')}) and does not fit its "
            f"{width}x{height} box ({', '.join(over)}): the part outside is clipped"
            + (f"; {' or '.join(said)}" if said else ""),
            fixes(*changes),
        )
