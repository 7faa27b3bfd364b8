"""Dynamic layout templates (MixLayoutMode 1 floating, 2 screen sharing, 3 grid) as explicit McuLayout regions.

The MCU places users itself in a dynamic layout. ``API StartPublishCdnStream (layout templates)`` and
``SDK models.McuLayoutParams.MixLayoutMode`` describe the templates in words only, so the geometry here is a
**simulation**: what the documents say, completed by sizes, margins and ratios of our own (each a
``Layout Studio assumption``). Every constant is below, marked *documented* or *assumed*; the README's section
"Dynamic layouts: what is documented and what is assumed" lists the same.

Documented (``API StartPublishCdnStream (layout templates)``, ``SDK models.McuLayoutParams``):

* at most :data:`~.room.MAX_PLACES` (16) users take a place; an audio-only user takes none unless
  PureAudioHoldPlaceMode is 1 (:mod:`.audio`); small pictures are centre-cropped (RenderMode
  :data:`SMALL_RENDER_MODE`) unless LayoutParams.RenderMode sets another mode for all; MaxVideoUser names the large
  picture of the templates that have one (:data:`LARGE_PICTURE_MODES`: floating, screen sharing);
* **floating (1)**: the large-picture user (MaxVideoUser, else the first to enter) fills the canvas; the others
  float above it as small pictures laid out from the bottom-left corner to the right, :data:`FLOATING_PER_ROW` per
  row and :data:`FLOATING_ROWS` rows (1 large + 15 small);
* **screen sharing (2)**: the large picture (MaxVideoUser) takes the left part of the canvas, scaled to fit
  (RenderMode :data:`SHARING_LARGE_RENDER_MODE`); the others are stacked top to bottom on the right,
  :data:`SHARING_PER_COLUMN` per column in at most :data:`SHARING_COLUMNS` columns (1 large + 15 small). The large
  picture has to be named explicitly; without MaxVideoUser the left area shows the canvas background
  (``Data Types MixLayoutParams`` MaxResolutionUserId, the same template in cloud recording), simulated as a region
  nobody fills;
* **grid (3)**: every user gets a cell of the same size, the cells dividing the canvas evenly.

Assumed (``Layout Studio assumption``):

* floating: a small picture is :data:`FLOATING_SMALL_FRACTION` of the canvas width and height, with a margin of
  :data:`FLOATING_MARGIN_FRACTION` of the shorter canvas side around and between them; small pictures at ZOrder
  :data:`SMALL_Z_ORDER` over the large one at :data:`LARGE_Z_ORDER`;
* screen sharing: a thumbnail is :data:`SHARING_THUMB_HEIGHT_FRACTION` of the canvas height high and
  :data:`SHARING_THUMB_ASPECT` wide:high, the second column to the left of the first; the thumbnail columns take
  at most :data:`SHARING_MAX_COLUMNS_WIDTH` of the canvas width (thumbnails shrink on a portrait canvas), so the
  shared screen is never smaller than a thumbnail; with nobody else the large picture fills the canvas;
* grid: ``ceil(sqrt(N))`` columns and as many rows as needed on a landscape or square canvas, ``ceil(sqrt(N))``
  rows and as many columns as needed on a portrait one, filled row by row; an incomplete last row is centred; cell
  edges are rounded to whole pixels so the cells cover the canvas with no background strip and differ by at most
  one pixel;
* **MaxVideoUser not sending video** (not documented): the large area stays reserved for MaxVideoUser and nobody
  else is moved into it. It shows the canvas background, or the audio-only card when PureAudioHoldPlaceMode is 1.

Who enters the room, and in which order, is :mod:`.room`'s; whether audio-only users take a place is
:mod:`.audio`'s.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import Any

from ..findings import Finding, Severity
from ..model import McuLayout, MixUserInfo, UserMediaStream
from ..sources import api, data_type
from .audio import taking_places
from .design import Design, coerce
from .room import MAX_PLACES, Room, entering_users

MODE_NAMES = {1: "floating", 2: "screen sharing", 3: "grid", 4: "custom"}
#: The dynamic modes whose large picture MaxVideoUser names (SDK models.McuLayoutParams.MaxVideoUser).
LARGE_PICTURE_MODES = (1, 2)

# Documented (API StartPublishCdnStream (layout templates)).
#: Floating: small pictures per row, and rows.
FLOATING_PER_ROW = 4
FLOATING_ROWS = 4
#: Screen sharing: thumbnails per column, and columns.
SHARING_PER_COLUMN = 8
SHARING_COLUMNS = 2
#: Screen sharing: the large picture is scaled to fit (RenderMode 1), the small ones cropped (RenderMode 0).
SHARING_LARGE_RENDER_MODE = 1
SMALL_RENDER_MODE = 0

# Assumed (Layout Studio assumption).
#: Floating: a small picture's width and height, as a fraction of the canvas width and height.
FLOATING_SMALL_FRACTION = 1 / 5
#: Floating: the margin around and between small pictures, as a fraction of the shorter canvas side.
FLOATING_MARGIN_FRACTION = 0.02
#: ZOrder of the large picture and of the small pictures floating over it.
LARGE_Z_ORDER = 0
SMALL_Z_ORDER = 1
#: Screen sharing: a thumbnail's height as a fraction of the canvas height, and its width:height.
SHARING_THUMB_HEIGHT_FRACTION = 1 / 8
SHARING_THUMB_ASPECT = 16 / 9
#: Screen sharing: the most of the canvas width the thumbnail columns take.
SHARING_MAX_COLUMNS_WIDTH = 1 / 2

#: The code of the note that a dynamic layout's geometry is simulated (:func:`simulation_finding`).
SIMULATED_CODE = "render.dynamic.approximation"
SOURCE_DYNAMIC = f"{api('StartPublishCdnStream', 'layout templates')}; Layout Studio assumption (simulated geometry)"
SOURCE_NO_LARGE = f"{SOURCE_DYNAMIC}; {data_type('MixLayoutParams')} (MaxResolutionUserId)"

#: The code of the error that a design's MixLayoutMode is none of the documented modes (:func:`invalid_mode_finding`).
INVALID_MODE_CODE = "render.dynamic.invalid-mode"
#: The template an undocumented mode is drawn with (:func:`place`).
DRAWN_AS_MODE = 1

#: (x, y, width, height) in canvas pixels.
Box = tuple[int, int, int, int]
#: One place of a template: its box, its ZOrder, and whether it is the large picture.
Place = tuple[Box, int, bool]
#: A user taking a place: (UserId, StreamType); None for the large area nobody fills.
Person = tuple[str, int] | None


def _edge(value: float) -> int:
    """``value`` rounded half up to a whole pixel."""
    return math.floor(value + 0.5)


def _region(person: Person, box: Box, z: int, mode: int) -> McuLayout:
    x, y, w, h = box
    ums = None
    if person is not None:
        ums = UserMediaStream(user_info=MixUserInfo(user_id=person[0]), stream_type=person[1])
    return McuLayout(
        user_media_stream=ums, location_x=x, location_y=y, image_width=w, image_height=h, z_order=z, render_mode=mode
    )


def grid_shape(canvas: tuple[int, int], count: int) -> tuple[int, int]:
    """(columns, rows) of a grid of ``count`` cells on ``canvas`` (see the module docstring)."""
    W, H = canvas
    n = math.ceil(math.sqrt(count))
    if H > W:
        return math.ceil(count / n), n
    return n, math.ceil(count / n)


def _grid(canvas: tuple[int, int], count: int) -> list[Place]:
    W, H = canvas
    cols, rows = grid_shape(canvas, count)
    cw, ch = W / cols, H / rows
    out: list[Place] = []
    for i in range(count):
        r, c = divmod(i, cols)
        in_row = min(cols, count - r * cols)
        offset = (W - in_row * cw) / 2
        x0, x1 = _edge(offset + c * cw), _edge(offset + (c + 1) * cw)
        y0, y1 = _edge(r * ch), _edge((r + 1) * ch)
        out.append(((x0, y0, x1 - x0, y1 - y0), LARGE_Z_ORDER, False))
    return out


def thumbnail_size(canvas: tuple[int, int], columns: int) -> tuple[int, int]:
    """(width, height) in pixels of a screen-sharing thumbnail on ``canvas`` with ``columns`` columns of them."""
    W, H = canvas
    sh = int(H * SHARING_THUMB_HEIGHT_FRACTION)
    sw = round(sh * SHARING_THUMB_ASPECT)
    widest = int(W * SHARING_MAX_COLUMNS_WIDTH) // max(1, columns)
    if sw > widest:
        sw, sh = widest, round(widest / SHARING_THUMB_ASPECT)
    return sw, sh


def _screen_sharing(canvas: tuple[int, int], count: int) -> list[Place]:
    W, H = canvas
    others = count - 1
    cols = min(SHARING_COLUMNS, math.ceil(others / SHARING_PER_COLUMN))
    sw, sh = thumbnail_size(canvas, cols)
    out: list[Place] = [((0, 0, W - cols * sw, H), LARGE_Z_ORDER, True)]
    for k in range(others):
        col, row = divmod(k, SHARING_PER_COLUMN)
        out.append(((W - (col + 1) * sw, row * sh, sw, sh), SMALL_Z_ORDER, False))
    return out


def _floating(canvas: tuple[int, int], count: int) -> list[Place]:
    W, H = canvas
    m = round(min(W, H) * FLOATING_MARGIN_FRACTION)
    sw, sh = int(W * FLOATING_SMALL_FRACTION), int(H * FLOATING_SMALL_FRACTION)
    out: list[Place] = [((0, 0, W, H), LARGE_Z_ORDER, True)]
    for k in range(min(count - 1, FLOATING_PER_ROW * FLOATING_ROWS)):
        row, col = divmod(k, FLOATING_PER_ROW)
        out.append(((m + col * (sw + m), H - m - sh - row * (sh + m), sw, sh), SMALL_Z_ORDER, False))
    return out


def place(mode: int, canvas: tuple[int, int], count: int) -> list[Place]:
    """Geometry of ``count`` places (at most :data:`MAX_PLACES`) in template ``mode`` on ``canvas`` (pixels):
    ``[(box, ZOrder, is_large)]``, in the order users take them (see the module docstring). Any mode other than 2
    and 3 is read as floating (MixLayoutMode defaults to 1; an undocumented mode is drawn as :data:`DRAWN_AS_MODE`,
    with :func:`invalid_mode_finding`)."""
    count = max(0, min(count, MAX_PLACES))
    if count == 0:
        return []
    if mode == 3:
        return _grid(canvas, count)
    if mode == 2:
        return _screen_sharing(canvas, count)
    return _floating(canvas, count)


def max_video_user(design: Design) -> tuple[str, int] | None:
    """``(UserId, StreamType)`` of the design's MaxVideoUser when it names one and the mode has a large picture
    (floating, screen sharing), else None."""
    if design.mode not in LARGE_PICTURE_MODES:
        return None
    lp = design.layout
    ums = lp.max_video_user.user_media_stream if lp.max_video_user else None
    if ums is None or ums.user_info is None or not ums.user_info.user_id:
        return None
    stream: int = ums.eff("stream_type")
    return ums.user_info.user_id, stream


def simulate(config: Any, users: int, *, audio_only: Collection[str] = ()) -> list[McuLayout]:
    """The regions a dynamic layout would have with ``users`` users in the room (simulated, see above).

    ``config``: Preset, request model, raw dict or :class:`~.design.Design`; ``audio_only``: UserIds sending no
    video (they take a place only with PureAudioHoldPlaceMode 1; MaxVideoUser keeps the large area whatever it
    sends). Each region names its (simulated) user and carries the effective RenderMode, except the large area of
    a screen-sharing layout without MaxVideoUser, which has no UserMediaStream (nobody: the canvas background
    shows). A custom layout (MixLayoutMode 4) returns its own MixLayoutList unchanged. Raises LayoutStudioError
    for a config that is not a Preset, request model, dict or Design.
    """
    return simulate_design(coerce(config), users, audio_only=audio_only)


def _people(design: Design, users: int, audio_only: set[str]) -> list[Person]:
    """Who takes the places of a dynamic ``design``, in order (the large picture first where there is one)."""
    lp = design.layout
    entering = entering_users(design, users, audio_only)
    large = max_video_user(design)
    if large is not None and entering and entering[0][0] == large[0]:
        return [entering[0], *taking_places(lp, entering[1:], audio_only)]
    takers: list[Person] = list(taking_places(lp, entering, audio_only))
    if design.mode == 2 and takers:
        return [None, *takers]
    return takers


def simulate_design(design: Design, users: int, *, audio_only: Collection[str] = ()) -> list[McuLayout]:
    """:func:`simulate` for a :class:`~.design.Design`."""
    lp = design.layout
    if design.custom:
        return list(lp.mix_layout_list or [])
    people = _people(design, users, set(audio_only))
    places = place(design.mode, design.canvas, len(people))
    explicit = lp.render_mode
    out = []
    for person, (box, z, large) in zip(people, places):
        default = SHARING_LARGE_RENDER_MODE if (design.mode == 2 and large) else SMALL_RENDER_MODE
        out.append(_region(person, box, z, explicit if explicit is not None else default))
    return out


def simulation_finding(design: Design, users: int | None) -> Finding | None:
    """The note :data:`SIMULATED_CODE` (info) that a dynamic ``design``'s geometry is simulated, for a room of
    ``users`` users (None: :data:`~.room.DEFAULT_DYNAMIC_USERS`); None for a custom layout; the error
    :data:`INVALID_MODE_CODE` for a MixLayoutMode none of the documented ones.

    The renderer and ``layout-studio sei`` print it, so a simulated geometry is never taken for the MCU's. None for
    an audio-only design too: nothing is placed."""
    if design.custom or design.audio_only:
        return None
    count = Room(users).dynamic_count()
    if design.mode not in MODE_NAMES:
        return invalid_mode_finding(design, f"for {count} user(s)")
    name = MODE_NAMES[design.mode]
    more = (
        f"; of the {count} users in the room at most {MAX_PLACES} take a place (SDK: at most {MAX_PLACES} mixed inputs)"
        if count > MAX_PLACES
        else ""
    )
    no_large = design.mode == 2 and max_video_user(design) is None
    return Finding(
        SIMULATED_CODE,
        Severity.INFO,
        "VideoParams.LayoutParams.MixLayoutMode",
        f"MixLayoutMode {design.mode} ({name}) is placed by the MCU: this geometry is simulated for {count} "
        f"user(s) from the documented template and Layout Studio's assumptions (README: Dynamic layouts){more}"
        + ("; no MaxVideoUser, so the left area shows the canvas background" if no_large else ""),
        SOURCE_NO_LARGE if no_large else SOURCE_DYNAMIC,
    )


def invalid_mode_finding(design: Design, users: str) -> Finding:
    """The error :data:`INVALID_MODE_CODE`: ``design``'s MixLayoutMode is none of the documented modes, so the API
    refuses it, and what the preview draws instead (the floating template, simulated ``users``)."""
    documented = ", ".join(f"{mode} {name}" for mode, name in MODE_NAMES.items())
    return Finding(
        INVALID_MODE_CODE,
        Severity.ERROR,
        "VideoParams.LayoutParams.MixLayoutMode",
        f"MixLayoutMode {design.mode} is invalid (documented: {documented}), so the API refuses the design; the "
        f"preview draws it as {MODE_NAMES[DRAWN_AS_MODE]} (mode {DRAWN_AS_MODE}), simulated {users}",
        SOURCE_DYNAMIC,
    )
