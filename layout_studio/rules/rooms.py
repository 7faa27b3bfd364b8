"""Room, user and layout-mode rules: integer rooms, rooms in dynamic layouts, cross-room mixing without an audio
allowlist, duplicate users, the robot's UserId colliding with a mixed user, the 16-input limit, and fields that
only apply to some MixLayoutMode values (MaxVideoUser, MixLayoutList, PureAudioHoldPlaceMode).

A user is (UserId, RoomId); an absent RoomId means the main room. Sources: SDK models.McuLayoutParams,
MixUserInfo, AgentParams, McuAudioParams; API StartPublishCdnStream; Data Types MixUserInfo, McuLayoutParams.
"""

from __future__ import annotations

from ..findings import Severity
from ..model import McuFeedBackRoomParams, McuLayout, MixUserInfo
from .audio import UserKey, allowlist, user_key
from .registry import Hits, RuleContext, rule

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
MAX_INPUTS = 16
SRC_MODES = "SDK models.McuLayoutParams; Data Types McuLayoutParams"


def _region_user(ctx: RuleContext, region: McuLayout) -> UserKey | None:
    ums = region.user_media_stream
    return user_key(ctx, ums.user_info) if ums else None


def mixed_users(ctx: RuleContext) -> list[tuple[str, UserKey]]:
    """``(path to UserId, (UserId, RoomId))`` of every user named in the video layout, audio lists, MaxVideoUser
    and SingleSubscribeParams."""
    out = []
    for path, info in ctx.of_type(MixUserInfo):
        key = user_key(ctx, info)
        if key is not None:
            out.append((f"{path}.UserId", key))
    return out


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
            yield (
                where,
                (
                    f"RoomId {room_id[:40]!r} is not a number but RoomIdType is 0 (integer room); use the "
                    f"room number, or RoomIdType 1 for a string room"
                ),
            )


@rule(
    "room.dynamic-layout-main-room",
    E,
    "SDK models.MixUserInfo.RoomId ('in dynamic layouts the room must be the main room'); Data Types MixUserInfo",
)
def dynamic_main_room(ctx: RuleContext) -> Hits:
    """In dynamic layouts (MixLayoutMode 1..3) every MixUserInfo must be in the main room."""
    main = ctx.main_room[0]
    if ctx.mode not in (1, 2, 3) or main is None:
        return
    for path, info in ctx.of_type(MixUserInfo):
        if path.startswith("VideoParams.LayoutParams.MixLayoutList"):
            continue  # ignored in dynamic modes (layout.mix-layout-list.ignored)
        if info.room_id is not None and info.room_id != main:
            yield (
                f"{path}.RoomId",
                f"RoomId {info.room_id!r} is not the main room {main!r}; dynamic layouts "
                f"(MixLayoutMode {ctx.mode}) only mix the main room — use MixLayoutMode 4 to "
                f"mix other rooms",
            )


@rule(
    "task.cross-room.no-allowlist",
    W,
    "SDK models.McuAudioParams.SubscribeAudioList ('cross-room PK needs an "
    "audio allowlist, or PK users are heard twice')",
)
def cross_room(ctx: RuleContext) -> Hits:
    """Mixing regions from another room without an audio allowlist makes PK users heard twice."""
    if not ctx.custom or allowlist(ctx):
        return
    main = ctx.main_room[0]
    rooms: dict[str, str] = {}
    for path, region in ctx.regions:
        key = _region_user(ctx, region)
        if key and key[1] is not None:
            rooms.setdefault(key[1], path)
    others = [r for r in rooms if r != main] if main is not None else (list(rooms)[1:] if len(rooms) > 1 else [])
    if others:
        yield (
            "AudioParams.SubscribeAudioList",
            f"regions mix users from room(s) {', '.join(sorted(others))} "
            f"besides the main room but there is no audio allowlist: PK users "
            f"are heard twice — list the users to hear in SubscribeAudioList",
        )


@rule("task.user.duplicate-region", W, "Layout Studio heuristic; SDK models.McuLayout.UserMediaStream")
def duplicate_region(ctx: RuleContext) -> Hits:
    """The same user and stream in two regions: the stream is shown once at most, the other region stays empty."""
    if not ctx.custom:
        return
    seen: dict[tuple[UserKey, int], str] = {}
    for path, region in ctx.regions:
        key = _region_user(ctx, region)
        if key is None or region.user_media_stream is None:
            continue
        stream = (key, region.user_media_stream.eff("stream_type"))
        if stream in seen:
            yield (
                f"{path}.UserMediaStream.UserInfo.UserId",
                f"user {key[0]!r} (StreamType {stream[1]}) already has "
                f"region {seen[stream]}; give each user one region",
            )
        else:
            seen[stream] = path.rsplit("[", 1)[-1].rstrip("]")


@rule(
    "task.agent.user-id-collision",
    E,
    "API StartPublishCdnStream ('the robot ID cannot conflict with a "
    "user ID in the room'); SDK models.AgentParams.UserId",
)
def agent_collision(ctx: RuleContext) -> Hits:
    """The robot's UserId (AgentParams, FeedBackRoomParams) must not be a mixed user: the robot would be kicked out."""
    robots = []
    agent = ctx.get("agent_params")
    if agent is not None and agent.user_id:
        robots.append(("AgentParams.UserId", agent.user_id))
    for i, room in enumerate(ctx.get("feed_back_room_params") or []):
        if room.user_id:
            robots.append((f"FeedBackRoomParams[{i}].UserId", room.user_id))
    if not robots:
        return
    main = ctx.main_room[0]
    users = {uid: path for path, (uid, room) in mixed_users(ctx) if main is None or room == main}
    for path, uid in robots:
        if uid in users:
            yield (
                path,
                (
                    f"robot UserId {uid!r} is also a mixed user ({users[uid]}); the task's robot would be "
                    f"kicked out of the room — use a distinct id such as 'mcu_robot_{uid}'"
                ),
            )
    first: dict[str, str] = {}
    for path, uid in robots:
        if uid in first:
            yield path, f"robot UserId {uid!r} is already used by {first[uid]}; give every robot its own UserId"
        first.setdefault(uid, path)


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
    """At most 16 streams are mixed: named users of the layout and of the audio allowlist together."""
    users = {key for _p, key in mixed_users(ctx)}
    unnamed = sum(1 for _p, r in ctx.regions if _region_user(ctx, r) is None) if ctx.custom else 0
    total = len(users) + unnamed
    if total > MAX_INPUTS and len(ctx.regions) <= MAX_INPUTS:
        yield (
            "VideoParams.LayoutParams",
            f"{total} inputs (named users plus unnamed regions); the MCU mixes at most "
            f"{MAX_INPUTS} — users past that are neither seen nor heard",
        )


@rule("layout.max-video-user.ignored", W, SRC_MODES + " (MaxVideoUser: floating and screen-sharing layouts only)")
def max_video_user(ctx: RuleContext) -> Hits:
    """MaxVideoUser only applies to MixLayoutMode 1 (floating) and 2 (screen sharing)."""
    if ctx.layout is not None and ctx.layout.max_video_user is not None and ctx.mode not in (1, 2):
        yield (
            "VideoParams.LayoutParams.MaxVideoUser",
            f"MaxVideoUser is ignored with MixLayoutMode {ctx.mode}; it "
            f"only applies to 1 (floating) and 2 (screen sharing)",
        )


@rule(
    "layout.max-video-user.missing",
    W,
    "API StartPublishCdnStream (screen sharing template: 'you need to "
    "explicitly set the user that occupies the large screen'); SDK models."
    "McuLayoutParams.MaxVideoUser",
)
def max_video_user_missing(ctx: RuleContext) -> Hits:
    """The screen-sharing template (MixLayoutMode 2) needs MaxVideoUser: the user shown large on the left."""
    if ctx.mode == 2 and ctx.layout is not None and ctx.layout.max_video_user is None:
        yield (
            "VideoParams.LayoutParams.MaxVideoUser",
            "MixLayoutMode is 2 (screen sharing) but MaxVideoUser is "
            "absent: the large screen has no user set — add MaxVideoUser "
            "{UserMediaStream: {UserInfo: {UserId}, StreamType: 1}}",
        )


@rule("layout.mix-layout-list.ignored", W, SRC_MODES + " (MixLayoutList: custom layout only)")
def mix_layout_list_ignored(ctx: RuleContext) -> Hits:
    """MixLayoutList only applies to MixLayoutMode 4; dynamic modes place users themselves."""
    if ctx.layout is not None and ctx.layout.mix_layout_list and ctx.mode in (1, 2, 3):
        yield (
            "VideoParams.LayoutParams.MixLayoutList",
            f"MixLayoutList is ignored with MixLayoutMode {ctx.mode} "
            f"(dynamic); set MixLayoutMode 4 to use these regions",
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


@rule("layout.dynamic-only.ignored", INFO, SRC_MODES + " (RenderMode, EnableStreamSEI: dynamic layouts only)")
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
