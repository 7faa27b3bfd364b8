"""The simulated room: which users have entered, in which order, and which of them send no video.

The MCU shows the users of the room; a design names some of them and leaves the other places to whoever enters.
The preview cannot know the room, so it simulates one (:class:`Room`): a number of users and the ones among them
sending no video. Users with no name are ``auto #1``, ``auto #2``, ... (:func:`auto_user`).

* **Custom layouts** (MixLayoutMode 4; ``API StartPublishCdnStream (custom layout template)``): with
  ``users=None`` every named user is in the room and each unnamed region gets a user of its own, in list order;
  with ``users=N``, N users entered in this order: the distinct named users in list order, then ``auto #1``, ...
  (:func:`custom_room`).
* **Dynamic layouts** (MixLayoutMode 1-3): users enter in this order: MaxVideoUser, then the
  AudioParams.SubscribeAudioList users of the main room, then ``auto #1``, ... (:func:`room_users`);
  ``users=None`` means :data:`DEFAULT_DYNAMIC_USERS`. At most :data:`MAX_PLACES` take a place
  (``SDK models.McuLayoutParams.MixLayoutMode``: at most 16 mixed inputs), so only the users who can matter are
  ever listed (:func:`entering_users`), whatever the count.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from .design import Design

#: Users of a dynamic layout that take a place at most (SDK models.McuLayoutParams.MixLayoutMode: 16 mixed inputs).
MAX_PLACES = 16
#: Users a dynamic layout is previewed with when ``users`` is not given.
DEFAULT_DYNAMIC_USERS = 4


_AUTO = re.compile(r"auto #(\d+)")


def auto_user(n: int) -> str:
    """The id the preview gives the ``n``-th (1-based) simulated user with no name: ``auto #n``."""
    return f"auto #{n}"


def auto_number(user_id: str) -> int | None:
    """``n`` when ``user_id`` is the simulated user :func:`auto_user` ``(n)``, else None (a real UserId)."""
    m = _AUTO.fullmatch(user_id)
    return int(m.group(1)) if m else None


@dataclass(frozen=True)
class Room:
    """The simulated room. ``users``: how many users entered (None: every user the design names and one per
    unnamed region of a custom layout; :data:`DEFAULT_DYNAMIC_USERS` for a dynamic layout); ``absent``: UserIds in
    the room sending no video (camera off or audio only). Negative counts are read as 0."""

    users: int | None = None
    absent: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, users: int | None = None, absent: Collection[str] = ()) -> Room:
        """A Room from a count and any collection of absent UserIds (a list from the command line, a set)."""
        return cls(users, frozenset(absent))

    def dynamic_count(self) -> int:
        """The users a dynamic layout is simulated with: ``users``, or :data:`DEFAULT_DYNAMIC_USERS` when None."""
        return DEFAULT_DYNAMIC_USERS if self.users is None else self.users


def custom_room(named: list[str], unnamed: int, users: int | None) -> tuple[set[str], list[str]]:
    """``(in_room, fillers)`` of a custom layout whose regions name the distinct users ``named`` (list order) and
    have ``unnamed`` unnamed regions, for ``users`` users (see the module docstring). ``fillers`` are the users, in
    order of entering, who fill the unnamed regions; users past what the regions can show are never listed."""
    if users is None:
        return set(named), [auto_user(k) for k in range(1, unnamed + 1)]
    needed = min(max(0, users), len(named) + unnamed)  # users past these can take no region
    order = named + [auto_user(k) for k in range(1, needed + 1)]
    entered = order[: max(0, users)]
    known = set(named)
    return set(entered), [u for u in entered if u not in known]


def _named_dynamic(design: Design) -> list[tuple[str, int]]:
    """The users a dynamic ``design`` names, in order of entering: MaxVideoUser, then the SubscribeAudioList users
    of the main room (``[(UserId, StreamType)]``)."""
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
            continue
        out.append((info.user_id, 0))
        seen.add(info.user_id)
    return out


def named_users(design: Design) -> list[str]:
    """The distinct users ``design`` names, in the order they enter the simulated room (before ``auto #1``, ...):
    a custom layout's region users in MixLayoutList order; a dynamic layout's MaxVideoUser, then its
    SubscribeAudioList users of the main room."""
    if design.custom:
        return list(dict.fromkeys(uid for lay in design.layout.mix_layout_list or [] if (uid := lay.user_id)))
    return [uid for uid, _ in _named_dynamic(design)]


def room_users(design: Design, count: int) -> list[tuple[str, int]]:
    """The first ``count`` users entering the room of a dynamic ``design``: ``[(UserId, StreamType)]``.

    A SubscribeAudioList user of another room is left out (``SDK models.MixUserInfo.RoomId``: in a dynamic layout
    it is the main room)."""
    out = _named_dynamic(design)
    seen = {uid for uid, _ in out}
    n = 1
    while len(out) < count:
        uid = auto_user(n)
        n += 1
        if uid not in seen:
            out.append((uid, 0))
    return out[: max(0, count)]


def entering_users(design: Design, users: int, audio_only: Collection[str] = ()) -> list[tuple[str, int]]:
    """The users of ``users`` entering a dynamic ``design``'s room who can matter: enough to fill every place even
    when the ``audio_only`` ones take none; the rest cannot get one (``users=10**9`` lists no billion)."""
    return room_users(design, min(users, MAX_PLACES + len(set(audio_only))))


def dynamic_room(design: Design, room: Room) -> set[str]:
    """The users in the room of a dynamic layout as far as they matter (an audio-only user may take no place but is
    there); empty for a custom layout."""
    if design.custom:
        return set()
    return {u for u, _ in entering_users(design, room.dynamic_count(), room.absent)}
