"""Dynamic layout templates (MixLayoutMode 1 floating, 2 screen sharing, 3 grid) as explicit McuLayout regions.

The MCU places users itself in a dynamic layout; ``API StartPublishCdnStream (layout templates)`` and
``SDK models.McuLayoutParams.MixLayoutMode`` describe the templates only in words, so the geometry here is an
**approximation** of that text (a ``Layout Studio assumption``), and the preview labels it so:

* **floating (1)**: the large-picture user (MaxVideoUser, else the first to enter) fills the canvas at ZOrder 0;
  the others float above it (ZOrder 1) as small pictures of 1/5 of the canvas width and height, laid out from the
  bottom-left corner to the right, at most 4 per row and 4 rows (15 small pictures), with a margin of 2 % of the
  shorter canvas side.
* **screen sharing (2)**: the large picture (MaxVideoUser) takes the left part at full height, scaled to fit
  (RenderMode 1 unless LayoutParams.RenderMode is set); the others are stacked top to bottom on the right in one
  column of 16:9 pictures 1/8 of the canvas height (at most 8), then a second column to its left (15 in all), cropped.
  With nobody else the large picture fills the canvas.
* **grid (3)**: equal cells, ``ceil(sqrt(N))`` columns and as many rows as needed, the last row centred.

Who enters the room, and in which order, is :mod:`.room`'s; whether audio-only users take a place is
:mod:`.audio`'s.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import Any

from ..model import McuLayout, MixUserInfo, UserMediaStream
from .audio import taking_places
from .design import Design, coerce
from .room import MAX_PLACES, entering_users

MODE_NAMES = {1: "floating", 2: "screen sharing", 3: "grid", 4: "custom"}
#: (x, y, width, height) in canvas pixels.
Box = tuple[int, int, int, int]
#: One place of a template: its box, its ZOrder, and whether it is the large picture.
Place = tuple[Box, int, bool]


def _region(uid: str, stream: int, box: Box, z: int, mode: int) -> McuLayout:
    x, y, w, h = box
    ums = UserMediaStream(user_info=MixUserInfo(user_id=uid), stream_type=stream)
    return McuLayout(
        user_media_stream=ums, location_x=x, location_y=y, image_width=w, image_height=h, z_order=z, render_mode=mode
    )


def _grid(canvas: tuple[int, int], count: int) -> list[Place]:
    W, H = canvas
    cols = math.ceil(math.sqrt(count))
    rows = math.ceil(count / cols)
    cw, ch = W // cols, H // rows
    out: list[Place] = []
    for i in range(count):
        r, c = divmod(i, cols)
        in_row = min(cols, count - r * cols)
        x0 = (W - in_row * cw) // 2
        out.append(((x0 + c * cw, r * ch, cw, ch), 0, False))
    return out


def _screen_sharing(canvas: tuple[int, int], count: int) -> list[Place]:
    W, H = canvas
    others = count - 1
    sh = H // 8
    sw = round(sh * 16 / 9)
    cols = 0 if others == 0 else (1 if others <= 8 else 2)
    out: list[Place] = [((0, 0, W - cols * sw, H), 0, True)]
    for k in range(others):
        col, row = divmod(k, 8)
        out.append(((W - (col + 1) * sw, row * sh, sw, sh), 1, False))
    return out


def _floating(canvas: tuple[int, int], count: int) -> list[Place]:
    W, H = canvas
    m = round(min(W, H) * 0.02)
    sw, sh = W // 5, H // 5
    out: list[Place] = [((0, 0, W, H), 0, True)]
    for k in range(count - 1):
        row, col = divmod(k, 4)
        out.append(((m + col * (sw + m), H - m - sh - row * (sh + m), sw, sh), 1, False))
    return out


def place(mode: int, canvas: tuple[int, int], count: int) -> list[Place]:
    """Geometry of ``count`` places (at most :data:`MAX_PLACES`) in template ``mode`` on ``canvas`` (pixels):
    ``[(box, ZOrder, is_large)]``, in the order users take them (see the module docstring). Any mode other than 2
    and 3 is read as floating (MixLayoutMode defaults to 1)."""
    count = max(0, min(count, MAX_PLACES))
    if count == 0:
        return []
    if mode == 3:
        return _grid(canvas, count)
    if mode == 2:
        return _screen_sharing(canvas, count)
    return _floating(canvas, count)


def simulate(config: Any, users: int, *, audio_only: Collection[str] = ()) -> list[McuLayout]:
    """The regions a dynamic layout would have with ``users`` users in the room (an approximation, see above).

    ``config``: Preset, request model, raw dict or :class:`~.design.Design`; ``audio_only``: UserIds sending no
    video (they take a place only with PureAudioHoldPlaceMode 1). Each region names its (simulated) user and carries
    the effective RenderMode. A custom layout (MixLayoutMode 4) returns its own MixLayoutList unchanged. Raises
    LayoutStudioError for a config that is not a Preset, request model, dict or Design.
    """
    return simulate_design(coerce(config), users, audio_only=audio_only)


def simulate_design(design: Design, users: int, *, audio_only: Collection[str] = ()) -> list[McuLayout]:
    """:func:`simulate` for a :class:`~.design.Design`."""
    lp = design.layout
    mode = design.mode
    if design.custom:
        return list(lp.mix_layout_list or [])
    audio_only = set(audio_only)
    people = taking_places(lp, entering_users(design, users, audio_only), audio_only)
    places = place(mode, design.canvas, len(people))
    explicit = lp.render_mode
    out = []
    for (uid, stream), (box, z, large) in zip(people, places):
        rm = explicit if explicit is not None else (1 if (mode == 2 and large) else 0)
        out.append(_region(uid, stream, box, z, rm))
    return out
