"""Users and rooms as the rules compare them: a user is (UserId, RoomId, RoomIdType), a room is (RoomId, RoomIdType).

String room "295066" (RoomIdType 1) and integer room 295066 (RoomIdType 0) are two rooms, so the same UserId in each
is two users. A MixUserInfo without RoomId is in the main room (SDK models.MixUserInfo.RoomId: absent, the room
information is the main room's); without RoomIdType, its room is of the main room's kind (Layout Studio assumption,
from the same sentence). An integer room is a number: "0295066" and "295066" are one room (SDK models.MixUserInfo.
RoomIdType, 0 = integer room number). A part the body does not give (an update body names no main room) is None.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import McuFeedBackRoomParams, McuLayout, MixUserInfo
from .registry import RuleContext

ROOM_KINDS = {0: "integer room", 1: "string room"}


class Room(NamedTuple):
    """A TRTC room: RoomId (an integer room's as its number, without leading zeros) and RoomIdType (None: unknown)."""

    room_id: str | None
    room_id_type: int | None

    def __str__(self) -> str:
        """``'295066' (string room)``, ``the main room`` when nothing is known."""
        if self.room_id is None:
            return "the main room"
        kind = ROOM_KINDS.get(self.room_id_type) if self.room_id_type is not None else None
        return f"{self.room_id!r} ({kind})" if kind else repr(self.room_id)


class User(NamedTuple):
    """A TRTC user of one room."""

    user_id: str
    room: Room


def room(room_id: str | None, room_id_type: int | None) -> Room:
    """The :class:`Room` RoomId and RoomIdType name as written (an integer room's number normalised)."""
    if room_id_type == 0 and room_id is not None and room_id.isascii() and room_id.isdigit():
        room_id = str(int(room_id))
    return Room(room_id, room_id_type)


def main_room(ctx: RuleContext) -> Room:
    """The task's main room (RoomId, RoomIdType of the request; None parts when the body does not give them)."""
    return room(ctx.get("room_id"), ctx.get("room_id_type"))


def room_of(ctx: RuleContext, room_id: str | None, room_id_type: int | None) -> Room:
    """The room a MixUserInfo's RoomId and RoomIdType name, absent parts taken from the main room."""
    main = main_room(ctx)
    if room_id is None:
        return Room(main.room_id, room_id_type if room_id_type is not None else main.room_id_type)
    return room(room_id, room_id_type if room_id_type is not None else main.room_id_type)


def feedback_room(entry: McuFeedBackRoomParams) -> Room:
    """The room a FeedBackRoomParams entry publishes into (its robot joins it)."""
    return room(entry.room_id, entry.room_id_type)


def user_of(ctx: RuleContext, info: MixUserInfo | None) -> User | None:
    """The :class:`User` ``info`` names, or None without a UserId."""
    if info is None or info.user_id is None:
        return None
    return User(info.user_id, room_of(ctx, info.room_id, info.room_id_type))


def region_user(ctx: RuleContext, region: McuLayout) -> User | None:
    """The user a region (McuLayout) names, or None for an unnamed slot."""
    ums = region.user_media_stream
    return user_of(ctx, ums.user_info) if ums else None


def differ(a: Room, b: Room) -> tuple[bool, bool]:
    """``(RoomIds differ, RoomIdTypes differ)``, each only when both sides are known."""
    ids = a.room_id is not None and b.room_id is not None and a.room_id != b.room_id
    kinds = a.room_id_type is not None and b.room_id_type is not None and a.room_id_type != b.room_id_type
    return ids, kinds


def same_room(a: Room, b: Room) -> bool:
    """False when the known parts of ``a`` and ``b`` tell two rooms apart."""
    return not any(differ(a, b))


def named_users(ctx: RuleContext) -> list[tuple[str, User]]:
    """``(path of the MixUserInfo, User)`` of every user the body names: regions, MaxVideoUser, both audio lists,
    SingleSubscribeParams."""
    out = []
    for path, info in ctx.of_type(MixUserInfo):
        found = user_of(ctx, info)
        if found is not None:
            out.append((path, found))
    return out


def input_users(ctx: RuleContext) -> tuple[set[User], set[User]]:
    """The named users the MCU mixes: ``(users of the regions in effect and MaxVideoUser, users of the audio
    allowlist)``. Blocked users and the regions a dynamic layout ignores are not inputs."""
    video: set[User] = set()
    if ctx.custom:
        video.update(u for _p, r in ctx.regions if (u := region_user(ctx, r)) is not None)
    mvu = ctx.layout.max_video_user if ctx.layout is not None else None
    if mvu is not None and mvu.user_media_stream is not None and ctx.mode in (1, 2):
        found = user_of(ctx, mvu.user_media_stream.user_info)
        if found is not None:
            video.add(found)
    heard = set()
    for item in (ctx.audio.subscribe_audio_list or []) if ctx.audio is not None else []:
        found = user_of(ctx, item.user_info)
        if found is not None:
            heard.add(found)
    return video, heard
