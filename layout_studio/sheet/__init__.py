"""Contact sheet: one image of small renders showing a design in every state a live room goes through.

Public API:

* :func:`contact_sheet` ``(config, **options) -> PIL.Image.Image`` (also ``layout_studio.contact_sheet``);
* :func:`build_sheet` ``(config, *, users=None, sources=None, clean=False, offline=False, canvas=None, tile=320,
  columns=None, renderer=None) -> Sheet``: the image, each :class:`Tile` (its room state, caption, the reasons it
  is flagged, its place on the sheet) and the renderer's findings — what the studio's "Contact sheet…" command
  and ``layout-studio sheet`` show;
* :func:`room_states` and :data:`SOURCES`: the states a sheet would show, and the source orientations it takes.

Modules, one concept each: :mod:`.states` (which room states), :mod:`.flags` (why a tile is red) and
:mod:`.compose` (rendering and laying out the tiles). The sheet draws with :mod:`layout_studio.render` and asks the
mix (:mod:`layout_studio.mix`) what is placed where; nothing below it imports it (``.importlinter``).
"""

from .compose import TILE, Sheet, Tile, build_sheet, contact_sheet
from .flags import tile_flags
from .states import DEFAULT_USERS, SOURCES, RoomState, room_states

__all__ = [
    "DEFAULT_USERS",
    "SOURCES",
    "TILE",
    "RoomState",
    "Sheet",
    "Tile",
    "build_sheet",
    "contact_sheet",
    "room_states",
    "tile_flags",
]
