"""Room, user and layout-mode rules: integer rooms, rooms in dynamic layouts, cross-room mixing without an audio
allowlist, duplicate users, the robot's UserId colliding with a mixed user, the 16-input limit, and fields that
only apply to some MixLayoutMode values (MaxVideoUser, MixLayoutList, PureAudioHoldPlaceMode).

A user is (UserId, RoomId, RoomIdType), an absent room part the main room's (see :mod:`.users`). Sources: SDK
models.McuLayoutParams, MixUserInfo, AgentParams, McuFeedBackRoomParams, McuAudioParams; API StartPublishCdnStream;
Data Types MixUserInfo, McuLayoutParams, AgentParams, McuFeedBackRoomParams.
"""

from __future__ import annotations

from ..findings import FixValue, Severity
from ..model import McuFeedBackRoomParams, MixUserInfo
from .audio import allowlist
from .registry import Hits, Report, RuleContext, fixes, rule
from .users import Room, User, differ, feedback_room, input_users, main_room, named_users, region_user, room_of

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
MAX_INPUTS = 16
SRC_MODES = "SDK models.McuLayoutParams; Data Types McuLayoutParams"


@rule("user.user-id.missing", E, "Data Types MixUserInfo (UserId required); SDK models.MixUserInfo")
def user_id_missing(ctx: RuleContext) -> Hits:
    """Every UserInfo (MixUserInfo) names its user: UserId is required."""
    for path, info in ctx.of_type(MixUserInfo):
        if not info.user_id:
            yield (
                f"{path}.UserId",
                "UserId is required in UserInfo; name the user (or drop UserMediaStream for an unnamed region)",
            )


@rule(
    "room.integer-room-digits",
    E,
    "SDK models.MixUserInfo.RoomIdType, StartPublishCdnStreamRequest.RoomIdType "
    "(0 = integer room number); Data Types MixUserInfo",
)
def integer_rooms(ctx: RuleContext) -> Hits:
    """With RoomIdType 0 (integer room) RoomId must be a decimal number written as a string."""
    rooms: list[tuple[str, MixUserInfo | McuFeedBackRoomParams]] = [
        *ctx.of_type(MixUserInfo),
        *ctx.of_type(McuFeedBackRoomParams),
    ]
    places: list[tuple[str, str | None, int | None]] = [("", ctx.get("room_id"), ctx.get("room_id_type"))]
    places += [(p, m.room_id, m.room_id_type) for p, m in rooms]
    for path, room_id, room_type in places:
        if room_type == 0 and room_id is not None and not (room_id.isascii() and room_id.isdigit()):
            where = f"{path}.RoomId" if path else "RoomId"
            yield Report(
                where,
                (
                    f"RoomId {room_id[:40]!r} is not a number but RoomIdType is 0 (integer room); use the "
                    f"room number, or RoomIdType 1 for a string room"
                ),
                fixes({f"{path}.RoomIdType" if path else "RoomIdType": 1}),
            )


@rule(
    "room.dynamic-layout-main-room",
    E,
    "SDK models.MixUserInfo.RoomId ('in dynamic layouts the room must be the main room'); Data Types MixUserInfo",
)
def dynamic_main_room(ctx: RuleContext) -> Hits:
    """In dynamic layouts (MixLayoutMode 1..3) every MixUserInfo (MaxVideoUser, the audio lists) must be in the main
    room: the same RoomId and RoomIdType."""
    main = main_room(ctx)
    if ctx.mode not in (1, 2, 3) or main.room_id is None:
        return
    for path, info in ctx.of_type(MixUserInfo):
        if path.startswith("VideoParams.LayoutParams.MixLayoutList"):
            continue  # ignored in dynamic modes (layout.mix-layout-list.ignored)
        where = room_of(ctx, info.room_id, info.room_id_type)
        ids, kinds = differ(where, main)
        if not (ids or kinds):
            continue
        to_main: dict[str, FixValue] = {f"{path}.RoomId": main.room_id}
        if main.room_id_type is not None:
            to_main[f"{path}.RoomIdType"] = main.room_id_type
        said = f"RoomId {info.room_id!r}" if ids else f"RoomIdType {where.room_id_type} ({where})"
        yield Report(
            f"{path}.RoomId" if ids else f"{path}.RoomIdType",
            f"{said} is not the main room {main}; dynamic layouts (MixLayoutMode {ctx.mode}) only mix the main "
            f"room — name the main room, or use MixLayoutMode 4 to mix other rooms",
            fixes(to_main, {"VideoParams.LayoutParams.MixLayoutMode": 4}),
        )


@rule(
    "task.cross-room.no-allowlist",
    W,
    "SDK models.McuAudioParams.SubscribeAudioList ('cross-room PK needs an "
    "audio allowlist, or PK users are heard twice')",
)
def cross_room(ctx: RuleContext) -> Hits:
    """Mixing regions from another room (another RoomId, or the same digits as another kind of room) without an
    audio allowlist makes PK users heard twice."""
    if not ctx.custom or allowlist(ctx):
        return
    main = main_room(ctx)
    rooms: list[Room] = []
    for _path, region in ctx.regions:
        key = region_user(ctx, region)
        if key is not None and key.room.room_id is not None and key.room not in rooms:
            rooms.append(key.room)
    if main.room_id is not None:
        others = [r for r in rooms if any(differ(r, main))]
    else:
        others = rooms[1:]
    if others:
        where = "AudioParams.SubscribeAudioList" if ctx.audio is not None else "AudioParams"
        yield (
            where,
            f"regions mix users from room(s) {', '.join(str(r) for r in others)} besides the main room but "
            f"there is no audio allowlist: PK users are heard twice — list the users to hear in SubscribeAudioList",
        )


@rule("task.user.duplicate-region", W, "Layout Studio heuristic; SDK models.McuLayout.UserMediaStream")
def duplicate_region(ctx: RuleContext) -> Hits:
    """The same user and stream in two regions: the stream is shown once at most, the other region stays empty."""
    if not ctx.custom:
        return
    seen: dict[tuple[User, int], str] = {}
    for path, region in ctx.regions:
        key = region_user(ctx, region)
        if key is None or region.user_media_stream is None:
            continue
        stream = (key, region.user_media_stream.eff("stream_type"))
        if stream in seen:
            yield (
                f"{path}.UserMediaStream.UserInfo.UserId",
                f"user {key.user_id!r} (StreamType {stream[1]}) already has "
                f"region {seen[stream]}; give each user one region",
            )
        else:
            seen[stream] = path.rsplit("[", 1)[-1].rstrip("]")


@rule(
    "task.agent.user-id-collision",
    E,
    "API StartPublishCdnStream ('the robot ID cannot conflict with a user ID in the room'); SDK models.AgentParams."
    "UserId; Data Types McuFeedBackRoomParams.UserId ('cannot be the same as a user ID already in use')",
)
def agent_collision(ctx: RuleContext) -> Hits:
    """A robot's UserId must not be a user the design mixes from a room the robot is in (the task ends): the
    AgentParams robot is in the main room; a FeedBackRoomParams robot joins its own room, and its UserId must not be
    in use in the main room either (Data Types McuFeedBackRoomParams.UserId). Two robots never share a UserId."""
    main = main_room(ctx)
    robots: list[tuple[str, str, list[Room]]] = []
    agent = ctx.get("agent_params")
    if agent is not None and agent.user_id:
        robots.append(("AgentParams.UserId", agent.user_id, [main]))
    entries: list[McuFeedBackRoomParams] = ctx.get("feed_back_room_params") or []
    for i, entry in enumerate(entries):
        if entry.user_id:
            robots.append((f"FeedBackRoomParams[{i}].UserId", entry.user_id, [main, feedback_room(entry)]))
    if not robots:
        return
    users = named_users(ctx)
    taken = {uid for _p, uid, _r in robots} | {u.user_id for _p, u in users}
    for path, uid, rooms in robots:
        clash = next(
            (
                (where, user)
                for where, user in users
                if user.user_id == uid and any(_may_be_in(user.room, r) for r in rooms)
            ),
            None,
        )
        if clash is not None:
            distinct = _distinct_id(uid, taken)
            yield Report(
                path,
                f"robot UserId {uid!r} is also a user of room {clash[1].room}, which the robot joins "
                f"({clash[0]}.UserId); the task would end — use a distinct id such as {distinct!r}",
                fixes({path: distinct}),
            )
    first: dict[str, str] = {}
    for path, uid, _rooms in robots:
        if uid in first:
            yield path, f"robot UserId {uid!r} is already used by {first[uid]}; give every robot its own UserId"
        first.setdefault(uid, path)


def _may_be_in(user_room: Room, robot_room: Room) -> bool:
    """True unless the known parts tell the rooms apart (an unknown main room may be any room)."""
    return not any(differ(user_room, robot_room))


def _distinct_id(uid: str, taken: set[str]) -> str:
    """``mcu_robot_<uid>`` (with a number added until it is used by no user or robot of the body)."""
    candidate, n = f"mcu_robot_{uid}", 2
    while candidate in taken:
        candidate, n = f"mcu_robot_{uid}_{n}", n + 1
    return candidate


@rule("layout.inputs.too-many", E, "SDK models.McuLayoutParams.MixLayoutList ('at most 16 input streams')")
def too_many_regions(ctx: RuleContext) -> Hits:
    """MixLayoutList has at most 16 regions."""
    if len(ctx.regions) > MAX_INPUTS:
        yield (
            f"VideoParams.LayoutParams.MixLayoutList[{MAX_INPUTS}]",
            f"{len(ctx.regions)} regions; a custom layout takes at most {MAX_INPUTS} — remove "
            f"{len(ctx.regions) - MAX_INPUTS}",
        )


@rule(
    "task.inputs.too-many",
    W,
    "SDK models.McuLayoutParams.MixLayoutMode ('at most 16 audio/video streams are "
    "mixed; audio-only users and placeholder-only regions count')",
)
def too_many_inputs(ctx: RuleContext) -> Hits:
    """At most 16 streams are mixed: the named users of the layout in effect (regions, MaxVideoUser), the users of
    the audio allowlist and the unnamed regions together. Reported at the list that holds the inputs past 16."""
    video, heard = input_users(ctx)
    unnamed = sum(1 for _p, r in ctx.regions if region_user(ctx, r) is None) if ctx.custom else 0
    total = len(video | heard) + unnamed
    if total <= MAX_INPUTS or len(ctx.regions) > MAX_INPUTS:
        return
    where = "AudioParams.SubscribeAudioList" if heard - video else "VideoParams.LayoutParams.MixLayoutList"
    yield (
        where,
        f"{total} inputs (named users of the layout and the audio allowlist, plus unnamed regions); the MCU "
        f"mixes at most {MAX_INPUTS} — users past that are neither seen nor heard: remove {total - MAX_INPUTS}",
    )


@rule("layout.max-video-user.ignored", W, SRC_MODES + " (MaxVideoUser: floating and screen-sharing layouts only)")
def max_video_user(ctx: RuleContext) -> Hits:
    """MaxVideoUser only applies to MixLayoutMode 1 (floating) and 2 (screen sharing)."""
    if ctx.layout is not None and ctx.layout.max_video_user is not None and ctx.mode not in (1, 2):
        yield (
            "VideoParams.LayoutParams.MaxVideoUser",
            f"MaxVideoUser is ignored with MixLayoutMode {ctx.mode}; it "
            f"only applies with MixLayoutMode 1 (floating) or 2 (screen sharing)",
        )


@rule(
    "layout.max-video-user.missing",
    W,
    "API StartPublishCdnStream (screen sharing template: 'you need to "
    "explicitly set the user that occupies the large screen'); SDK models."
    "McuLayoutParams.MaxVideoUser",
)
def max_video_user_missing(ctx: RuleContext) -> Hits:
    """The screen-sharing template (MixLayoutMode 2) needs MaxVideoUser naming a user: the one shown large on the
    left (an empty MaxVideoUser, or one whose UserMediaStream names no UserId, sets nobody)."""
    if ctx.mode != 2 or ctx.layout is None:
        return
    mvu = ctx.layout.max_video_user
    if mvu is None:
        yield (
            "VideoParams.LayoutParams.MaxVideoUser",
            "MixLayoutMode is 2 (screen sharing) but MaxVideoUser is "
            "absent: the large screen has no user set — add MaxVideoUser "
            "{UserMediaStream: {UserInfo: {UserId}, StreamType: 1}}",
        )
        return
    ums = mvu.user_media_stream
    if ums is None or ums.user_info is None or not ums.user_info.user_id:
        yield (
            "VideoParams.LayoutParams.MaxVideoUser",
            "MixLayoutMode is 2 (screen sharing) but MaxVideoUser names no user: the large screen has no user "
            "set — give MaxVideoUser {UserMediaStream: {UserInfo: {UserId}, StreamType: 1}}",
        )


@rule(
    "layout.max-video-user.stream-missing",
    E,
    "Data Types MaxVideoUser (UserMediaStream required); SDK models.MaxVideoUser.UserMediaStream",
)
def max_video_user_stream_missing(ctx: RuleContext) -> Hits:
    """A MaxVideoUser needs its UserMediaStream: an empty MaxVideoUser is incomplete."""
    mvu = ctx.layout.max_video_user if ctx.layout is not None else None
    if mvu is not None and mvu.user_media_stream is None:
        yield (
            "VideoParams.LayoutParams.MaxVideoUser",
            "MaxVideoUser has no UserMediaStream (required): give {UserMediaStream: {UserInfo: {UserId}, "
            "StreamType: 0 or 1}}, or remove MaxVideoUser",
        )


@rule(
    "user.media-stream.user-missing",
    W,
    "Layout Studio heuristic (UserInfo is optional in Data Types UserMediaStream, but a stream of nobody names no "
    "picture); SDK models.UserMediaStream.UserInfo, McuLayout.UserMediaStream, MaxVideoUser.UserMediaStream",
)
def media_stream_user_missing(ctx: RuleContext) -> Hits:
    """A region's or MaxVideoUser's UserMediaStream without UserInfo names no user: the region is not reserved for
    anyone, the large picture not set (SingleSubscribeParams: ``task.single-subscribe.user-missing``)."""
    places = [(f"{path}.UserMediaStream", r.user_media_stream) for path, r in ctx.regions]
    mvu = ctx.layout.max_video_user if ctx.layout is not None else None
    if mvu is not None:
        places.append(("VideoParams.LayoutParams.MaxVideoUser.UserMediaStream", mvu.user_media_stream))
    for path, ums in places:
        if ums is not None and ums.user_info is None:
            what = "the large picture shows nobody" if "MaxVideoUser" in path else "the region is reserved for nobody"
            yield (
                path,
                f"UserMediaStream has no UserInfo: {what} — add UserInfo {{UserId, RoomId, RoomIdType}}, or "
                f"remove UserMediaStream",
            )


@rule("layout.mix-layout-list.ignored", W, SRC_MODES + " (MixLayoutList: custom layout only)")
def mix_layout_list_ignored(ctx: RuleContext) -> Hits:
    """MixLayoutList only applies to MixLayoutMode 4; dynamic modes place users themselves."""
    if ctx.layout is not None and ctx.layout.mix_layout_list and ctx.mode in (1, 2, 3):
        yield Report(
            "VideoParams.LayoutParams.MixLayoutList",
            f"MixLayoutList is ignored with MixLayoutMode {ctx.mode} "
            f"(dynamic); set MixLayoutMode 4 to use these regions",
            fixes({"VideoParams.LayoutParams.MixLayoutMode": 4}),
        )


@rule("layout.mix-layout-list.empty", W, "Layout Studio heuristic; " + SRC_MODES)
def mix_layout_list_empty(ctx: RuleContext) -> Hits:
    """MixLayoutMode 4 without regions mixes no video."""
    if ctx.custom and ctx.layout is not None and not ctx.layout.mix_layout_list:
        yield (
            "VideoParams.LayoutParams.MixLayoutList",
            "MixLayoutMode is 4 (custom) but MixLayoutList is empty: no "
            "video is placed — add regions or use a dynamic mode",
        )


@rule("layout.pure-audio-hold-place.ignored", W, SRC_MODES + " (PureAudioHoldPlaceMode: dynamic layouts only)")
def pure_audio_ignored(ctx: RuleContext) -> Hits:
    """PureAudioHoldPlaceMode only applies to dynamic layouts (MixLayoutMode 1..3)."""
    if ctx.custom and ctx.layout is not None and ctx.layout.pure_audio_hold_place_mode == 1:
        yield (
            "VideoParams.LayoutParams.PureAudioHoldPlaceMode",
            "PureAudioHoldPlaceMode 1 is ignored in a custom layout (MixLayoutMode 4); regions hold places",
        )


@rule("layout.dynamic-only.ignored", W, SRC_MODES + " (RenderMode, EnableStreamSEI: dynamic layouts only)")
def dynamic_only(ctx: RuleContext) -> Hits:
    """LayoutParams.RenderMode and EnableStreamSEI only apply to dynamic layouts; regions have their own."""
    if not ctx.custom:
        return
    for attr, name in (("render_mode", "RenderMode"), ("enable_stream_sei", "EnableStreamSEI")):
        if getattr(ctx.layout, attr) is not None:
            yield (
                f"VideoParams.LayoutParams.{name}",
                f"LayoutParams.{name} is ignored in a custom layout; set "
                f"{name} on each region of MixLayoutList instead",
            )
