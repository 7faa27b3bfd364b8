"""Who is shown where: the regions of a design resolved against the users in the room (no pixels here).

Custom layouts (MixLayoutMode 4, manual 001 "Custom layout template"): a named region (UserMediaStream) is reserved
for its user; unnamed regions are filled by the other users in order of entering the room. The preview's room:

* ``users=None``: every named user is present, and each unnamed region gets a user of its own, ``auto #1``,
  ``auto #2``, ... in list order;
* ``users=N``: N users entered, in this order: the distinct named users in list order, then ``auto #1``, ... ;
  named users beyond the N-th are absent, and unnamed regions left over are empty.

``absent`` UserIds are in the room without video (camera off or audio only): their region shows its placeholder
(BackgroundImageUrl) or nothing. Dynamic layouts (modes 1-3) are simulated by :mod:`layout_studio.dynamic`; there
``absent`` users are audio-only and take a place only with PureAudioHoldPlaceMode 1.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ..findings import Finding, Severity
from ..model import McuLayout, join_path
from .design import Design

LIST_PATH = "VideoParams.LayoutParams.MixLayoutList"
SOURCE_USERS = "manual 001 StartPublishCdnStream (custom layout template); SDK models.py McuLayout"
#: Users a dynamic layout is previewed with when ``users`` is not given.
DEFAULT_DYNAMIC_USERS = 4


@dataclass(frozen=True)
class Slot:
    """One region as drawn. ``state``: ``video`` (the user's picture), ``absent`` (a user or nobody without video:
    placeholder), ``audio`` (an audio-only user holding a place in a dynamic layout). ``index`` is the position in
    MixLayoutList (or in the simulated list), ``path`` its API path (empty for simulated regions)."""

    index: int
    layout: McuLayout
    user_id: str | None
    stream_type: int
    state: str
    named: bool
    path: str
    simulated: bool = False


def _stream_type(layout: McuLayout) -> int:
    ums = layout.user_media_stream
    return ums.eff("stream_type") if ums is not None else 0


def resolve(design: Design, users: int | None = None, absent: Collection[str] = ()) -> list[Slot]:
    """The slots of ``design`` for ``users`` users (None: everyone) with ``absent`` users sending no video."""
    absent = set(absent)
    if design.mode != 4:
        return _dynamic(design, users, absent)
    layouts = design.layout.mix_layout_list or []
    named_ids = list(dict.fromkeys(lay.user_id for lay in layouts if lay.user_id))
    unnamed = sum(1 for lay in layouts if not lay.user_id)
    if users is None:
        in_room = set(named_ids)
        fillers = [f"auto #{k}" for k in range(1, unnamed + 1)]
    else:
        from ..dynamic import auto_user

        needed = min(max(0, users), len(named_ids) + unnamed)  # users past these can take no region
        order = named_ids + [auto_user(k) for k in range(1, needed + 1)]
        entered = order[: max(0, users)]
        in_room = set(entered)
        fillers = [u for u in entered if u not in set(named_ids)]
    out: list[Slot] = []
    fill = iter(fillers)
    for i, lay in enumerate(layouts):
        path = join_path(LIST_PATH, i)
        if lay.user_id:
            uid = lay.user_id
            state = "video" if uid in in_room and uid not in absent else "absent"
            out.append(Slot(i, lay, uid, _stream_type(lay), state, True, path))
        else:
            uid = next(fill, None)
            state = "video" if uid is not None and uid not in absent else "absent"
            out.append(Slot(i, lay, uid, _stream_type(lay), state, False, path))
    return out


def _dynamic(design: Design, users: int | None, absent: set[str]) -> list[Slot]:
    from ..dynamic import simulate_design

    count = DEFAULT_DYNAMIC_USERS if users is None else users
    regions = simulate_design(design, count, audio_only=absent)
    return [
        Slot(
            i,
            lay,
            lay.user_id,
            _stream_type(lay),
            "audio" if lay.user_id in absent else "video",
            False,
            "",
            simulated=True,
        )
        for i, lay in enumerate(regions)
    ]


def _dynamic_room(design: Design, users: int | None, absent: Collection[str]) -> set[str]:
    """The users in the room of a dynamic layout as far as they matter (an audio-only user may take no place but is
    there); empty for a custom layout."""
    if design.mode == 4:
        return set()
    from ..dynamic import entering_users

    return {u for u, _ in entering_users(design, DEFAULT_DYNAMIC_USERS if users is None else users, absent)}


def unknown_users(
    design: Design, slots: list[Slot], names: Collection[str], users: int | None, absent: Collection[str], *, given: str
) -> Finding | None:
    """A warning ``render.user.unknown`` for the UserIds in ``names`` (from the options ``given``) that no slot
    shows and that are not in the room of a dynamic layout, or None: a typo would otherwise leave the user's
    picture in place without a word."""
    shown = list(dict.fromkeys(s.user_id for s in slots if s.user_id))
    unknown = [u for u in dict.fromkeys(names) if u not in shown]
    if unknown:  # the room is simulated only when a name is not on screen (not on every render)
        in_room = _dynamic_room(design, users, absent)
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
