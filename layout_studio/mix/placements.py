"""Placements: the one call that answers "what does the MCU place where, for this design and this room".

:func:`placements` is what an exporter (cloud recording, a client SDK's layout), the studio's ghost slots, or any
other reader of the mix uses: a config and a room in, the placed regions out, in drawing order. It adds no rule of
its own; it runs :func:`~.design.coerce`, :func:`~.slots.resolve` and :func:`~.stacking.stacking_order`.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from .design import coerce
from .room import Room
from .slots import Slot, resolve
from .stacking import stacking_order


def placements(
    config: Any,
    *,
    users: int | None = None,
    absent: Collection[str] = (),
    canvas: tuple[int, int] | None = None,
) -> list[Slot]:
    """The regions the MCU places for ``config`` in a room of ``users`` users with ``absent`` UserIds sending no
    video, bottom first (ZOrder, then list order; see :mod:`.stacking`).

    ``config``: a Preset, a request model, a raw dict or a :class:`~.design.Design` (for its findings, such as a
    missing canvas, call :func:`~.design.coerce` first and pass the Design). ``users``: None means every named user
    plus one per unnamed region (custom layouts) or :data:`~.room.DEFAULT_DYNAMIC_USERS` (dynamic layouts).
    ``canvas``: (width, height) in pixels for an update body without VideoEncode.

    Each :class:`~.slots.Slot` gives ``box`` (x, y, width, height in canvas pixels), ``z_order``, ``user_id`` (None
    for an empty region), ``stream_type`` (0 camera, 1 screen sharing), ``state`` (:class:`~.slots.SlotState`:
    video, absent, audio), ``simulated`` (placed by a dynamic template, an approximation), ``path`` (its API path,
    empty when simulated), ``index`` (its MixLayoutList position) and the ``layout`` (McuLayout) itself. Raises
    LayoutStudioError for a config of another type; never for its content.
    """
    design = coerce(config, canvas)
    return stacking_order(resolve(design, Room.of(users, absent)))
