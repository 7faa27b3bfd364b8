"""Why a contact-sheet tile is flagged (a red caption): what a viewer would see as a fault in that room state.

* **an empty or black region**: a region showing nothing (no user with video, no audio card, no placeholder
  BackgroundImageUrl), so the canvas shows through — or whose visible pixels in the tile are all black, or all
  the canvas colour (a black or transparent placeholder);
* **a watermark over a region's centre**: a watermark drawn above a region (``SDK models.McuLayout.ZOrder``,
  stacking as :mod:`layout_studio.mix.stacking` decides) covering the centre of what it shows;
* **the shared screen smaller than a thumbnail**: the picture a screen-sharing stream (StreamType 1, or the large
  area of the screen-sharing template) shows — fitted into its region under RenderMode 1 or 2 — is smaller in area
  than another region showing video.

These are ``Layout Studio heuristic`` checks for the people who design a show; the validator's rules stay the
authority on what the API accepts.
"""

from __future__ import annotations

from PIL import Image

from ..mix import Design, LayerKind, Slot, SlotState, stacking_key
from ..render.cards import NOMINAL
from ..render.colors import RGB, color_or_default
from ..render.watermarks import watermark_box

#: (x, y, width, height) in canvas pixels.
Box = tuple[int, int, int, int]
BLACK: RGB = (0, 0, 0)
#: Tile pixels a region needs on each side before its flatness is judged.
_MIN_JUDGED = 3


def describe(design: Design, slot: Slot) -> str:
    """How a caption names ``slot``: ``#2 guest`` (a MixLayoutList index and its user) in a custom layout,
    ``guest's place`` or ``the large area`` in a dynamic one."""
    if slot.simulated:
        return f"{slot.user_id}'s place" if slot.user_id else "the large area"
    return f"#{slot.index} {slot.user_id}" if slot.user_id else f"#{slot.index}"


def _visible(box: Box, canvas: tuple[int, int]) -> Box | None:
    """``box`` clipped to the canvas, or None when nothing of it is on the canvas."""
    x, y, w, h = box
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(canvas[0], x + w), min(canvas[1], y + h)
    return (x0, y0, x1 - x0, y1 - y0) if x1 > x0 and y1 > y0 else None


def shows_nothing(slot: Slot) -> bool:
    """True when ``slot`` draws nothing: no video, no audio card, no placeholder."""
    return slot.state is SlotState.ABSENT and not slot.layout.background_image_url


def _flat(image: Image.Image, box: Box, scale: float) -> RGB | None:
    """The colour of the part of ``image`` (the tile, ``scale`` x canvas) under canvas ``box`` when it is all one
    colour, else None."""
    x, y, w, h = box
    left, top = int(x * scale) + 1, int(y * scale) + 1
    right, bottom = int((x + w) * scale) - 1, int((y + h) * scale) - 1
    if right - left < _MIN_JUDGED or bottom - top < _MIN_JUDGED:
        return None
    colours = image.convert("RGB").crop((left, top, right, bottom)).getcolors(1)
    colour = colours[0][1] if colours else None
    if not isinstance(colour, tuple):
        return None
    return (colour[0], colour[1], colour[2])


def _shown_size(slot: Slot, source: str | None) -> tuple[float, float]:
    """(width, height) of the picture ``slot`` shows: its box, or under RenderMode 1 / 2 the source fitted in it."""
    w, h = slot.box[2], slot.box[3]
    if slot.layout.eff("render_mode") not in (1, 2):
        return float(w), float(h)
    kind = "screen" if slot.stream_type == 1 else ("phone" if source == "portrait" else "camera")
    sw, sh = NOMINAL[kind]
    k = min(w / sw, h / sh)
    return sw * k, sh * k


def _is_shared_screen(design: Design, slot: Slot) -> bool:
    if slot.stream_type == 1:
        return True
    return slot.simulated and design.mode == 2 and slot.index == 0 and slot.user_id is not None


def tile_flags(
    design: Design, slots: list[Slot], image: Image.Image, scale: float, source: str | None = None
) -> list[str]:
    """The reasons to flag a tile (see the module docstring), in the words of its caption; [] when none.

    ``slots``: the placed regions of the tile's room state; ``image``: the rendered tile, ``scale`` x the canvas;
    ``source``: the camera orientation the tile used (None: by region shape)."""
    canvas = design.canvas
    background = (
        None if design.video.background_image_url else color_or_default(design.video.back_ground_color, BLACK)[0]
    )
    out: list[str] = []
    shown: list[Slot] = []
    for slot in slots:
        visible = _visible(slot.box, canvas)
        if visible is None:
            continue
        if shows_nothing(slot):
            out.append(f"{describe(design, slot)} empty")
            continue
        shown.append(slot)
        flat = _flat(image, visible, scale)
        if flat == BLACK:
            out.append(f"{describe(design, slot)} black")
        elif flat is not None and flat == background:
            out.append(f"{describe(design, slot)} shows only the background")
    for i, wm in enumerate(design.video.water_mark_list or []):
        box = watermark_box(wm)
        if box is None or wm.body is None or box[2] <= 0 or box[3] <= 0:
            continue
        above = stacking_key(wm.body.eff("z_order"), LayerKind.WATERMARK, i)
        for slot in shown:
            x, y, w, h = slot.box
            cx, cy = x + w / 2, y + h / 2
            inside = box[0] <= cx < box[0] + box[2] and box[1] <= cy < box[1] + box[3]
            if inside and above > stacking_key(slot.z_order, LayerKind.REGION, slot.index):
                out.append(f"watermark {i} covers the centre of {describe(design, slot)}")
    video = [s for s in shown if s.state is SlotState.VIDEO]
    for screen in (s for s in video if _is_shared_screen(design, s)):
        area = _shown_size(screen, source)
        thumbs = [s for s in video if s is not screen and not _is_shared_screen(design, s)]
        if any(area[0] * area[1] < t.box[2] * t.box[3] for t in thumbs):
            out.append(f"shared screen {describe(design, screen)} smaller than a thumbnail")
    return out
