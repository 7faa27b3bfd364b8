"""The room states a contact sheet shows: every state a live room goes through, for one design (no pixels here).

* **Dynamic layouts** (MixLayoutMode 1-3): 1 to 16 users (or the range given), then, at the largest count, the
  large-picture user (MaxVideoUser) sending no video, and, with PureAudioHoldPlaceMode 1, an audio-only user
  holding a place (``SDK models.McuLayoutParams.PureAudioHoldPlaceMode``).
* **Custom layouts** (MixLayoutMode 4): everyone (every named user, one user per unnamed region), then each named
  user absent (the placeholder, or the background), then one user too few to fill the unnamed regions; or, when a
  range is given, that many users each.
* **Sources**: each state with the test cards the renderer picks by region shape (``sources=None``), or with every
  camera as a ``landscape`` (16:9) or ``portrait`` (9:16) source, or ``both`` (two tiles per state), to see each
  region's RenderMode at work. Screen-sharing streams (StreamType 1) always show the screen card.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import LayoutStudioError
from ..mix import MAX_PLACES, Design, Room, SlotState, named_users, resolve
from ..mix.audio import holds_place
from ..mix.dynamic import max_video_user
from ..mix.room import entering_users

#: The ``sources`` a sheet takes (None: the renderer's cards, by region shape).
SOURCES = ("landscape", "portrait", "both")
#: The built-in card (``--source`` form) standing in for a camera of each orientation.
SOURCE_CARDS = {"landscape": "card:camera", "portrait": "card:phone"}
#: The user counts of a dynamic layout's sheet when none are given.
DEFAULT_USERS = (1, MAX_PLACES)


@dataclass(frozen=True)
class RoomState:
    """One tile's room: ``users`` in the room (None: everyone, see :class:`layout_studio.mix.Room`), the
    ``absent`` UserIds sending no video, the camera ``source`` orientation (None: by region shape) and the
    ``caption`` that says all this."""

    caption: str
    users: int | None = None
    absent: frozenset[str] = field(default_factory=frozenset)
    source: str | None = None

    @property
    def room(self) -> Room:
        """The simulated room of this state."""
        return Room(self.users, self.absent)


def _plural(n: int) -> str:
    return f"{n} user" if n == 1 else f"{n} users"


def _dynamic_states(design: Design, users: tuple[int, int] | None) -> list[RoomState]:
    low, high = users or DEFAULT_USERS
    out = [RoomState(_plural(n), n) for n in range(low, high + 1)]
    large = max_video_user(design)
    if large is not None and high >= 1:
        out.append(RoomState(f"{_plural(high)}, {large[0]} sends no video", high, frozenset({large[0]})))
    if holds_place(design.layout) and high >= 2:
        others = [uid for uid, _ in entering_users(design, high) if large is None or uid != large[0]]
        if others:
            out.append(RoomState(f"{_plural(high)}, {others[0]} audio-only", high, frozenset({others[0]})))
    return out


def _custom_states(design: Design, users: tuple[int, int] | None) -> list[RoomState]:
    if users is not None:
        return [RoomState(_plural(n), n) for n in range(users[0], users[1] + 1)]
    named = named_users(design)
    out = [RoomState("everyone")]
    out += [RoomState(f"without {uid}", None, frozenset({uid})) for uid in named]
    unnamed = sum(1 for lay in design.layout.mix_layout_list or [] if not lay.user_id)
    if unnamed:
        fewer = len(named) + unnamed - 1
        out.append(RoomState(f"{_plural(fewer)}: an unnamed region unfilled", fewer))
    return out


def room_states(design: Design, *, users: tuple[int, int] | None = None, sources: str | None = None) -> list[RoomState]:
    """The states of ``design``'s sheet, in order (see the module docstring). ``users``: (low, high) user counts,
    0..16; ``sources``: None, ``landscape``, ``portrait`` or ``both``. Raises LayoutStudioError for another
    ``sources`` or a range outside 0..16."""
    if sources is not None and sources not in SOURCES:
        raise LayoutStudioError(f"sources {sources!r}: use one of {', '.join(SOURCES)} (or none: by region shape)")
    if users is not None and not 0 <= users[0] <= users[1] <= MAX_PLACES:
        raise LayoutStudioError(f"users {users[0]}-{users[1]}: give a range within 0-{MAX_PLACES}")
    base = _custom_states(design, users) if design.custom else _dynamic_states(design, users)
    if sources is None:
        return base
    kinds = ["landscape", "portrait"] if sources == "both" else [sources]
    return [RoomState(f"{state.caption} · {kind}", state.users, state.absent, kind) for state in base for kind in kinds]


def source_map(design: Design, state: RoomState) -> dict[str, str]:
    """The ``sources`` option of the render of ``state``: UserId -> built-in card, for every user shown on a
    camera (a user who also shares a screen keeps the renderer's cards: sources are per user, not per stream)."""
    if state.source is None:
        return {}
    card = SOURCE_CARDS[state.source]
    slots = [s for s in resolve(design, state.room) if s.user_id and s.state is SlotState.VIDEO]
    sharing = {s.user_id for s in slots if s.stream_type == 1}
    return {s.user_id: card for s in slots if s.user_id and s.user_id not in sharing}
