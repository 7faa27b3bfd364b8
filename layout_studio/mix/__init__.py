"""The mix: what the MCU places where, for a design and a room — no pixels, no Pillow.

Data flows one way: documents -> model -> **mix** -> render / sei / payload / exports. The mix imports nothing
from :mod:`layout_studio.render` (an import-linter contract checks it, see ``.importlinter``).

Public API:

* :func:`placements` ``(config, *, users=None, absent=(), canvas=None) -> list[Slot]``: the placed regions in
  drawing order, each with its box (canvas pixels), ZOrder, user or None, StreamType, state
  (:class:`SlotState` video / absent / audio), whether it is simulated, and its API path;
* :func:`coerce` ``(config, canvas=None) -> Design``: the design view of a Preset, request model or dict;
* :func:`resolve` ``(design, room=None) -> list[Slot]`` in list order, with :class:`Room` the simulated room;
* :func:`simulate` ``(config, users, *, audio_only=()) -> list[McuLayout]``: a dynamic template's regions, and
  :func:`simulation_finding` ``(design, users) -> Finding | None``: the note that says they are simulated;
* :func:`materialize` ``(preset, users) -> Preset``: convert a dynamic layout to a custom one;
* :func:`ties` and :func:`stacking_order`: ZOrder ties and drawing order;
* :func:`named_users` ``(design) -> list[str]``: the users a design names, in order of entering the room.

Modules, one concept each: :mod:`.design` (config -> design view), :mod:`.room` (the simulated room, ``auto #n``),
:mod:`.audio` (audio-only places, PureAudioHoldPlaceMode), :mod:`.dynamic` (dynamic templates), :mod:`.slots` (who
is shown where), :mod:`.stacking` (ZOrder, ties), :mod:`.convert` (convert to custom) and :mod:`.placements`.
"""

from .convert import materialize
from .design import Design, coerce
from .dynamic import MODE_NAMES, place, simulate, simulation_finding
from .placements import placements
from .room import DEFAULT_DYNAMIC_USERS, MAX_PLACES, Room, auto_number, auto_user, named_users
from .slots import Slot, SlotState, resolve, unknown_users
from .stacking import LayerKind, stacking_key, stacking_order, ties

__all__ = [
    "DEFAULT_DYNAMIC_USERS",
    "MAX_PLACES",
    "MODE_NAMES",
    "Design",
    "LayerKind",
    "Room",
    "Slot",
    "SlotState",
    "auto_number",
    "auto_user",
    "coerce",
    "materialize",
    "named_users",
    "place",
    "placements",
    "resolve",
    "simulate",
    "simulation_finding",
    "stacking_key",
    "stacking_order",
    "ties",
    "unknown_users",
]
