"""Dynamic layouts (MixLayoutMode 1 floating, 2 screen sharing, 3 grid) simulated as explicit McuLayout regions.

The MCU places users itself in a dynamic layout; the references describe the templates only in words (manual 001,
StartPublishCdnStream "layout templates", about line 2101), so the geometry here is an **approximation** of that
text, and the preview labels it so:

* **floating (1)**: the large-picture user (MaxVideoUser, else the first to enter) fills the canvas at ZOrder 0;
  the others float above it (ZOrder 1) as small pictures of 1/5 of the canvas width and height, laid out from the
  bottom-left corner to the right, at most 4 per row and 4 rows (15 small pictures), with a margin of 2 % of the
  shorter canvas side.
* **screen sharing (2)**: the large picture (MaxVideoUser) takes the left part at full height, scaled to fit
  (RenderMode 1 unless LayoutParams.RenderMode is set); the others are stacked top to bottom on the right in one
  column of 16:9 pictures 1/8 of the canvas height (at most 8), then a second column to its left (15 in all), cropped.
  With nobody else the large picture fills the canvas.
* **grid (3)**: equal cells, ``ceil(sqrt(N))`` columns and as many rows as needed, the last row centred.

Users of the simulation, in order of entering the room: MaxVideoUser, then the AudioParams.SubscribeAudioList users
of the main room, then ``auto #1``, ``auto #2``, ... At most 16 users take a place (SDK: at most 16 mixed inputs).
An audio-only user takes a place only with PureAudioHoldPlaceMode 1 (manual 001 McuLayoutParams).
"""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import Any

from .errors import LayoutStudioError
from .model import McuLayout, McuLayoutParams, MixUserInfo, Preset, UserMediaStream

MAX_PLACES = 16
MODE_NAMES = {1: "floating", 2: "screen sharing", 3: "grid", 4: "custom"}


def auto_user(n: int) -> str:
    """The id the preview gives the ``n``-th (1-based) simulated user with no name: ``auto #n``."""
    return f"auto #{n}"


def room_users(design: Any, count: int) -> list[tuple[str, int]]:
    """The first ``count`` users entering the room of a dynamic ``design`` (a render Design): (UserId, StreamType)."""
    out: list[tuple[str, int]] = []
    seen: set[str] = set()
    lp = design.layout
    mvu = lp.max_video_user.user_media_stream if lp.max_video_user else None
    if mvu and mvu.user_info and mvu.user_info.user_id:
        out.append((mvu.user_info.user_id, mvu.eff("stream_type")))
        seen.add(mvu.user_info.user_id)
    audio = design.audio
    for entry in (audio.subscribe_audio_list or []) if audio else []:
        info = entry.user_info
        if info is None or not info.user_id or info.user_id in seen:
            continue
        if design.room_id is not None and info.room_id not in (None, design.room_id):
            continue  # another room's user (MixUserInfo.RoomId of a dynamic layout is the main room)
        out.append((info.user_id, 0))
        seen.add(info.user_id)
    n = 1
    while len(out) < count:
        uid = auto_user(n)
        n += 1
        if uid not in seen:
            out.append((uid, 0))
    return out[: max(0, count)]


def entering_users(design: Any, users: int, audio_only: Collection[str] = ()) -> list[tuple[str, int]]:
    """The users of ``users`` entering a dynamic ``design``'s room who can matter: enough to fill every place even
    when the ``audio_only`` ones take none; the rest cannot get one (``--users 1000000000`` builds no billion)."""
    return room_users(design, min(users, MAX_PLACES + len(set(audio_only))))


def _region(uid: str, stream: int, box: tuple[int, int, int, int], z: int, mode: int) -> McuLayout:
    x, y, w, h = box
    ums = UserMediaStream(user_info=MixUserInfo(user_id=uid), stream_type=stream)
    return McuLayout(
        user_media_stream=ums, location_x=x, location_y=y, image_width=w, image_height=h, z_order=z, render_mode=mode
    )


def place(mode: int, canvas: tuple[int, int], count: int) -> list[tuple[tuple[int, int, int, int], int, bool]]:
    """Geometry of ``count`` places in template ``mode`` on ``canvas`` (pixels): ``[(box, ZOrder, is_large)]``,
    in the order users take them (see the module docstring)."""
    W, H = canvas
    count = max(0, min(count, MAX_PLACES))
    if count == 0:
        return []
    if mode == 3:
        cols = math.ceil(math.sqrt(count))
        rows = math.ceil(count / cols)
        cw, ch = W // cols, H // rows
        out = []
        for i in range(count):
            r, c = divmod(i, cols)
            in_row = min(cols, count - r * cols)
            x0 = (W - in_row * cw) // 2
            out.append(((x0 + c * cw, r * ch, cw, ch), 0, False))
        return out
    if mode == 2:
        others = count - 1
        sh = H // 8
        sw = round(sh * 16 / 9)
        cols = 0 if others == 0 else (1 if others <= 8 else 2)
        out = [((0, 0, W - cols * sw, H), 0, True)]
        for k in range(others):
            col, row = divmod(k, 8)
            out.append(((W - (col + 1) * sw, row * sh, sw, sh), 1, False))
        return out
    # floating (1, and anything unknown: MixLayoutMode defaults to 1)
    m = round(min(W, H) * 0.02)
    sw, sh = W // 5, H // 5
    out = [((0, 0, W, H), 0, True)]
    for k in range(count - 1):
        row, col = divmod(k, 4)
        out.append(((m + col * (sw + m), H - m - sh - row * (sh + m), sw, sh), 1, False))
    return out


def simulate(config: Any, users: int, *, audio_only: Collection[str] = ()) -> list[McuLayout]:
    """The regions a dynamic layout would have with ``users`` users in the room (an approximation, see above).

    ``config``: Preset, request model or raw dict; ``audio_only``: UserIds sending no video (they take a place only
    with PureAudioHoldPlaceMode 1). Each region names its (simulated) user and carries the effective RenderMode.
    A custom layout (MixLayoutMode 4) returns its own MixLayoutList unchanged. Raises LayoutStudioError for a config
    that is not a Preset, request model or dict.
    """
    from .render.design import coerce

    return simulate_design(coerce(config), users, audio_only=audio_only)


def simulate_design(design: Any, users: int, *, audio_only: Collection[str] = ()) -> list[McuLayout]:
    """:func:`simulate` for a design already coerced by :func:`layout_studio.render.design.coerce`."""
    lp = design.layout
    mode = design.mode
    if mode == 4:
        return list(lp.mix_layout_list or [])
    hold = lp.eff("pure_audio_hold_place_mode") == 1
    audio_only = set(audio_only)
    people = [(u, s) for u, s in entering_users(design, users, audio_only) if hold or u not in audio_only]
    places = place(mode, design.canvas, len(people))
    explicit = lp.render_mode
    out = []
    for (uid, stream), (box, z, large) in zip(people, places):
        rm = explicit if explicit is not None else (1 if (mode == 2 and large) else 0)
        out.append(_region(uid, stream, box, z, rm))
    return out


def materialize(preset: Preset, users: int) -> Preset:
    """A copy of ``preset`` whose dynamic layout is replaced by the explicit custom layout (MixLayoutMode 4) that
    :func:`simulate` gives for ``users`` users, ready to edit.

    Only the large-picture user (MaxVideoUser) stays named; the other regions are unnamed, so the MCU fills them in
    order of entering the room, as the dynamic template did. MaxVideoUser, PureAudioHoldPlaceMode and the
    layout-wide RenderMode (dynamic only) are dropped; RenderMode goes on each region, and a layout-wide
    EnableStreamSEI onto each region. A preset already in mode 4 is returned as a copy. Raises LayoutStudioError
    when ``preset`` is not a Preset.
    """
    if not isinstance(preset, Preset):
        raise LayoutStudioError(f"materialize needs a Preset, not a {type(preset).__name__}")
    out = preset.model_copy(deep=True)
    lp = out.video_params.layout_params if out.video_params and out.video_params.layout_params else None
    if lp is not None and lp.eff("mix_layout_mode") == 4:
        return out
    regions = simulate(preset, users)
    lp = lp or McuLayoutParams()
    mvu = lp.max_video_user.user_media_stream if lp.max_video_user else None
    named = mvu.user_info.user_id if mvu and mvu.user_info else None
    entries = []
    for region in regions:
        data = region.to_api()
        if region.user_id != named:
            data.pop("UserMediaStream", None)
        if lp.enable_stream_sei is not None:
            data["EnableStreamSEI"] = lp.enable_stream_sei
        entries.append(data)
    data = lp.to_api()
    for key in ("MaxVideoUser", "PureAudioHoldPlaceMode", "RenderMode", "EnableStreamSEI", "MixLayoutList"):
        data.pop(key, None)
    data["MixLayoutMode"] = 4
    data["MixLayoutList"] = entries
    new_lp = McuLayoutParams.model_validate(data)
    if out.video_params is None:
        from .model import McuVideoParams

        out.video_params = McuVideoParams()
    out.video_params.layout_params = new_lp
    return out
