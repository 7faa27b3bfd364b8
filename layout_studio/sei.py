"""The LayoutVolume SEI a mix carries, as the MCU would fill it for a design (``API StartPublishCdnStream (volume
layout SEI)``, ``SDK models.McuLayoutVolume``)::

    {"app_data": "", "canvas": {"w": 1080, "h": 960},
     "regions": [{"uid": "...", "zorder": 2, "volume": 45, "x": 270, "y": 480, "w": 540, "h": 480}],
     "ver": "1.0", "ts": 1648544726}

``app_data`` is McuLayoutVolume.AppData; ``canvas`` the VideoEncode Width/Height; ``regions`` one entry per user
*present with video* (a user not in the room or sending no video is left out, as documented), in region order, with
the region's ZOrder and box in canvas pixels; ``ver`` ``"1.0"``; ``ts`` the server time in seconds. The preview
cannot know loudness, so ``volume`` is simulated as 0 for everyone. The regions and the users in the room come from
the mix, as for the preview (:mod:`layout_studio.mix`): ``users=None`` means every named user plus one per unnamed
region, and dynamic layouts are simulated (:mod:`layout_studio.mix.dynamic`): :func:`sei_report` marks such an SEI
``"Simulated": true`` beside the SEI object, which keeps its documented shape.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from typing import Any

from .findings import Finding
from .mix import Room, SlotState, coerce, resolve, simulation_finding, unknown_users

#: ``volume`` reported for every user: the preview has no audio to measure.
SIMULATED_VOLUME = 0
SEI_VERSION = "1.0"


def sei_payload(
    config: Any,
    *,
    users: int | None = None,
    absent: Collection[str] = (),
    ts: int | None = None,
    canvas: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """The LayoutVolume SEI JSON (a dict, shape above) for ``config`` (Preset, request model or raw dict).

    ``users``: users in the room (see the module docstring); ``absent``: UserIds without video; ``ts``: the
    timestamp to report (default: now, in seconds); ``canvas``: (width, height) in pixels for an update body
    without VideoEncode (else the preview's fallback, 1280x720, see :func:`canvas_findings`). Raises
    LayoutStudioError for a config of another type.
    """
    design = coerce(config, canvas)
    lv = design.sei.layout_volume if design.sei else None
    regions = []
    for slot in resolve(design, Room.of(users, absent)):
        if slot.state is not SlotState.VIDEO or not slot.user_id:
            continue
        x, y, w, h = slot.box
        regions.append(
            {
                "uid": slot.user_id,
                "zorder": slot.z_order,
                "volume": SIMULATED_VOLUME,
                "x": x,
                "y": y,
                "w": w,
                "h": h,
            }
        )
    return {
        "app_data": lv.eff("app_data") if lv is not None else "",
        "canvas": {"w": design.canvas[0], "h": design.canvas[1]},
        "regions": regions,
        "ver": SEI_VERSION,
        "ts": int(time.time()) if ts is None else int(ts),
    }


def canvas_findings(config: Any, canvas: tuple[int, int] | None = None) -> list[Finding]:
    """The warnings about the canvas the SEI reports (``render.canvas.missing``: no VideoEncode size, a fallback
    was used; ``render.canvas.clamped``). Raises LayoutStudioError for a config of another type."""
    return [f for f in coerce(config, canvas).findings if f.code.startswith("render.canvas.")]


def user_findings(
    config: Any, *, users: int | None = None, absent: Collection[str] = (), canvas: tuple[int, int] | None = None
) -> list[Finding]:
    """A ``render.user.unknown`` warning (as a one-item list) when an ``absent`` UserId is shown by no region and
    not in the room: a typo that leaves the user's region in the SEI; else []. Raises LayoutStudioError for a
    config of another type."""
    design = coerce(config, canvas)
    room = Room.of(users, absent)
    found = unknown_users(design, resolve(design, room), absent, room, given="--absent")
    return [found] if found is not None else []


def sends_layout_sei(config: Any) -> bool:
    """True when the design asks for the LayoutVolume SEI (SeiParams.LayoutVolume is set). Raises
    LayoutStudioError for a config of another type."""
    design = coerce(config)
    return bool(design.sei and design.sei.layout_volume is not None)


def simulation_notes(config: Any, *, users: int | None = None, canvas: tuple[int, int] | None = None) -> list[Finding]:
    """The note that the geometry is simulated (``render.dynamic.approximation``, info) as a one-item list for a
    dynamic layout, else []. Raises LayoutStudioError for a config of another type."""
    note = simulation_finding(coerce(config, canvas), users)
    return [note] if note is not None else []


def sei_report(
    config: Any,
    *,
    users: int | None = None,
    absent: Collection[str] = (),
    ts: int | None = None,
    canvas: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """``{"SEI": <the SEI object of sei_payload>, "Simulated": bool, "Findings": [finding dicts]}``: the SEI with
    what a script needs to trust it. ``Simulated`` is true for a dynamic layout (the regions come from a simulated
    geometry, not the MCU's); ``Findings`` are the canvas, unknown-user and simulation notes, each
    ``{"code", "severity", "path", "message", "source"}``. Options and errors as :func:`sei_payload`."""
    notes = [
        *canvas_findings(config, canvas),
        *user_findings(config, users=users, absent=absent, canvas=canvas),
        *simulation_notes(config, users=users, canvas=canvas),
    ]
    return {
        "SEI": sei_payload(config, users=users, absent=absent, ts=ts, canvas=canvas),
        "Simulated": not coerce(config, canvas).custom,
        "Findings": [f.to_dict() for f in notes],
    }
