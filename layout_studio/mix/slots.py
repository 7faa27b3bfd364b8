"""Who is shown where: the regions of a design resolved against the users of a simulated room (no pixels here).

A :class:`Slot` is one region (McuLayout) as the MCU would fill it: its box and ZOrder, the user it shows (or
None), that user's StreamType and whether the user sends video (:class:`SlotState`).

* Custom layouts (MixLayoutMode 4; ``API StartPublishCdnStream (custom layout template)``): a named region
  (UserMediaStream) is reserved for its user; unnamed regions are filled by the other users in order of entering
  the room (:func:`~.room.custom_room`). A named user not in the room, or ``absent``, leaves the region to its
  placeholder (BackgroundImageUrl); an unnamed region nobody fills is empty.
* Dynamic layouts (modes 1-3) are simulated (:mod:`.dynamic`); there ``absent`` users are audio-only and take a
  place only with PureAudioHoldPlaceMode 1 (:mod:`.audio`), shown as ``audio``. MaxVideoUser keeps the large area
  when it sends no video (``absent``, or ``audio`` with PureAudioHoldPlaceMode 1), and the large area of a
  screen-sharing layout without MaxVideoUser is a slot with no user (``absent``): the canvas background shows.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from ..findings import Finding, Severity
from ..model import McuLayout, join_path
from ..sources import api, sdk
from .audio import holds_place
from .design import Design
from .dynamic import simulate_design
from .room import Room, custom_room, dynamic_room, named_users

LIST_PATH = "VideoParams.LayoutParams.MixLayoutList"
SOURCE_USERS = f"{api('StartPublishCdnStream', 'custom layout template')}; {sdk('McuLayout.UserMediaStream')}"


class SlotState(StrEnum):
    """What a slot shows: ``video`` (its user's picture), ``absent`` (a user without video, or nobody: the
    placeholder), ``audio`` (an audio-only user holding a place in a dynamic layout)."""

    VIDEO = "video"
    ABSENT = "absent"
    AUDIO = "audio"


@dataclass(frozen=True)
class Slot:
    """One placed region. ``index``: position in MixLayoutList (or in the simulated list); ``layout``: the
    McuLayout (simulated for a dynamic layout); ``user_id``: the user shown, None for an empty unnamed region;
    ``stream_type``: the region's StreamType (0 camera, 1 screen sharing); ``named``: the region names its user;
    ``path``: its API path (empty for simulated regions); ``simulated``: placed by a dynamic template."""

    index: int
    layout: McuLayout
    user_id: str | None
    stream_type: int
    state: SlotState
    named: bool
    path: str
    simulated: bool = False

    @property
    def box(self) -> tuple[int, int, int, int]:
        """(x, y, width, height) in canvas pixels, documented defaults applied."""
        return self.layout.box

    @property
    def z_order(self) -> int:
        """The effective ZOrder (default 0; higher is drawn on top)."""
        z: int = self.layout.eff("z_order")
        return z


def _stream_type(layout: McuLayout) -> int:
    ums = layout.user_media_stream
    stream: int = ums.eff("stream_type") if ums is not None else 0
    return stream


def resolve(design: Design, room: Room | None = None) -> list[Slot]:
    """The slots of ``design`` in ``room`` (default: :class:`~.room.Room` ``()``, everyone), in MixLayoutList
    order (a dynamic layout: in order of entering)."""
    room = Room() if room is None else room
    if not design.custom:
        return _dynamic(design, room)
    layouts = design.layout.mix_layout_list or []
    named_ids = named_users(design)
    unnamed = sum(1 for lay in layouts if not lay.user_id)
    in_room, fillers = custom_room(named_ids, unnamed, room.users)
    out: list[Slot] = []
    fill = iter(fillers)
    for i, lay in enumerate(layouts):
        path = join_path(LIST_PATH, i)
        named = lay.user_id
        uid = named if named else next(fill, None)
        present = uid is not None and uid not in room.absent and (not named or uid in in_room)
        state = SlotState.VIDEO if present else SlotState.ABSENT
        out.append(Slot(i, lay, uid, _stream_type(lay), state, bool(named), path))
    return out


def _dynamic_state(user_id: str | None, room: Room, hold: bool) -> SlotState:
    """A simulated place shows video, the audio card of an audio-only user holding a place, or nothing (the large
    area nobody fills, or MaxVideoUser sending no video without PureAudioHoldPlaceMode 1)."""
    if user_id is None:
        return SlotState.ABSENT
    if user_id in room.absent:
        return SlotState.AUDIO if hold else SlotState.ABSENT
    return SlotState.VIDEO


def _dynamic(design: Design, room: Room) -> list[Slot]:
    regions = simulate_design(design, room.dynamic_count(), audio_only=room.absent)
    hold = holds_place(design.layout)
    return [
        Slot(
            i,
            lay,
            lay.user_id,
            _stream_type(lay),
            _dynamic_state(lay.user_id, room, hold),
            False,
            "",
            simulated=True,
        )
        for i, lay in enumerate(regions)
    ]


def unknown_users(
    design: Design, slots: list[Slot], names: Collection[str], room: Room, *, given: str
) -> Finding | None:
    """A warning ``render.user.unknown`` for the UserIds in ``names`` (from the options ``given``) that no slot
    shows and that are not in the room of a dynamic layout, or None: a typo would otherwise leave the user's
    picture in place without a word."""
    shown = list(dict.fromkeys(s.user_id for s in slots if s.user_id))
    unknown = [u for u in dict.fromkeys(names) if u not in shown]
    if unknown:  # the room is simulated only when a name is not on screen (not on every render)
        in_room = dynamic_room(design, room)
        unknown = [u for u in unknown if u not in in_room]
    if not unknown:
        return None
    listed = ", ".join(repr(u) for u in shown[:8]) + (", …" if len(shown) > 8 else "")
    return Finding(
        "render.user.unknown",
        Severity.WARNING,
        "VideoParams.LayoutParams",
        f"no region shows user(s) {', '.join(repr(u) for u in unknown)} given to {given}; "
        f"the users shown are: {listed or 'none'}",
        SOURCE_USERS,
    )
