"""Audio rules: AudioEncode required fields and codec combinations, the allowlist (SubscribeAudioList) and
blocklist (UnSubscribeAudioList) interplay, SoundLevel.

Sources: SDK models.AudioEncode, McuAudioParams, McuUserInfoParams; Data Types AudioEncode, McuAudioParams. Users
are compared as (UserId, RoomId, RoomIdType), see :mod:`.users`.
"""

from __future__ import annotations

from ..findings import FixValue, Severity
from ..model import AudioEncode, McuUserInfoParams
from .registry import Hits, Report, RuleContext, fixes, rule
from .users import Room, User, differ, region_user, user_of

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
SRC_ENCODE = "SDK models.AudioEncode.Codec; Data Types AudioEncode"
SRC_LISTS = "SDK models.McuAudioParams.SubscribeAudioList/UnSubscribeAudioList; Data Types McuAudioParams"
HE_AAC_RATES = (48000, 44100, 32000, 24000, 16000)


def audio_list(ctx: RuleContext, attr: str, name: str) -> list[tuple[str, McuUserInfoParams]]:
    """``(path, McuUserInfoParams)`` of AudioParams.<name>."""
    items = getattr(ctx.audio, attr, None) if ctx.audio else None
    return [(f"AudioParams.{name}[{i}]", u) for i, u in enumerate(items or [])]


def allowlist(ctx: RuleContext) -> list[tuple[str, McuUserInfoParams]]:
    """``(path, McuUserInfoParams)`` of AudioParams.SubscribeAudioList."""
    return audio_list(ctx, "subscribe_audio_list", "SubscribeAudioList")


def blocklist(ctx: RuleContext) -> list[tuple[str, McuUserInfoParams]]:
    """``(path, McuUserInfoParams)`` of AudioParams.UnSubscribeAudioList."""
    return audio_list(ctx, "un_subscribe_audio_list", "UnSubscribeAudioList")


@rule(
    "audio.encode.required",
    E,
    "SDK models.AudioEncode; Data Types AudioEncode (SampleRate, Channel, BitRate required)",
)
def encode_required(ctx: RuleContext) -> Hits:
    """AudioEncode needs SampleRate, Channel and BitRate."""
    for path, enc in ctx.of_type(AudioEncode):
        for attr, name, example in (
            ("sample_rate", "SampleRate", "48000"),
            ("channel", "Channel", "2"),
            ("bit_rate", "BitRate", "64"),
        ):
            if getattr(enc, attr) is None:
                yield f"{path}.{name}", f"AudioEncode.{name} is required; set it (e.g. {example})"


@rule("audio.codec.he-aac-sample-rate", E, SRC_ENCODE)
def he_aac_sample_rate(ctx: RuleContext) -> Hits:
    """HE-AAC (Codec 1) and HE-AACv2 (Codec 2) need SampleRate 16000..48000 (not 8000)."""
    for path, enc in ctx.of_type(AudioEncode):
        codec = enc.eff("codec")
        if codec in (1, 2) and enc.sample_rate is not None and enc.sample_rate not in HE_AAC_RATES:
            yield Report(
                f"{path}.SampleRate",
                f"SampleRate {enc.sample_rate} is not supported by "
                f"{'HE-AAC' if codec == 1 else 'HE-AACv2'}; use one of "
                f"{', '.join(map(str, HE_AAC_RATES))} or Codec 0 (LC-AAC)",
                fixes(*({f"{path}.SampleRate": rate} for rate in HE_AAC_RATES), {f"{path}.Codec": 0}),
            )


@rule("audio.codec.he-aacv2-mono", E, SRC_ENCODE)
def he_aacv2_mono(ctx: RuleContext) -> Hits:
    """HE-AACv2 (Codec 2) is stereo only: Channel must be 2."""
    for path, enc in ctx.of_type(AudioEncode):
        if enc.eff("codec") == 2 and enc.channel is not None and enc.channel != 2:
            yield Report(
                f"{path}.Channel",
                f"HE-AACv2 (Codec 2) needs Channel 2 (stereo), not {enc.channel}; set Channel 2",
                fixes({f"{path}.Channel": 2}),
            )


@rule(
    "audio.list.user-missing",
    E,
    "Data Types McuUserInfoParams (UserInfo required), MixUserInfo (UserId required)",
)
def list_user_missing(ctx: RuleContext) -> Hits:
    """Every allow/block list entry needs UserInfo (its UserId is checked by ``user.user-id.missing``)."""
    for path, item in allowlist(ctx) + blocklist(ctx):
        if item.user_info is None:
            yield f"{path}.UserInfo", "UserInfo is required: the user to mix or block ({UserId, RoomId, RoomIdType})"


@rule("audio.list.in-both", W, SRC_LISTS)
def in_both(ctx: RuleContext) -> Hits:
    """A user in both the allowlist and the blocklist is not mixed (the blocklist wins)."""
    allowed = {user_of(ctx, u.user_info) for _p, u in allowlist(ctx)}
    for path, item in blocklist(ctx):
        key = user_of(ctx, item.user_info)
        if key is not None and key in allowed:
            yield (
                f"{path}.UserInfo.UserId",
                f"user {key.user_id!r} is in both SubscribeAudioList and UnSubscribeAudioList: "
                f"the blocklist wins and the user is not heard — remove one entry",
            )


@rule("audio.list.duplicate", W, "Layout Studio heuristic; SDK models.McuAudioParams")
def list_duplicate(ctx: RuleContext) -> Hits:
    """The same user (UserId, RoomId, RoomIdType) twice in one list: the second entry adds nothing (its SoundLevel
    may be ignored)."""
    for entries in (allowlist(ctx), blocklist(ctx)):
        seen: set[User] = set()
        for path, item in entries:
            key = user_of(ctx, item.user_info)
            if key is None:
                continue
            if key in seen:
                yield f"{path}.UserInfo.UserId", f"user {key.user_id!r} is listed twice; remove the repeated entry"
            seen.add(key)


@rule(
    "audio.list.room-mismatch",
    W,
    "SDK models.MixUserInfo.RoomId ('in custom layouts the room must match "
    "the user's room in MixLayoutList'); Data Types McuAudioParams",
)
def room_mismatch(ctx: RuleContext) -> Hits:
    """In a custom layout, an allow/block list user who has regions must be named with the same room (RoomId and
    RoomIdType) as there."""
    if not ctx.custom:
        return
    rooms: dict[str, list[Room]] = {}
    for _path, region in ctx.regions:
        key = region_user(ctx, region)
        if key is not None and key.room not in rooms.get(key.user_id, []):
            rooms.setdefault(key.user_id, []).append(key.room)
    for path, item in allowlist(ctx) + blocklist(ctx):
        key = user_of(ctx, item.user_info)
        if key is None or key.user_id not in rooms or key.room in rooms[key.user_id]:
            continue
        there = rooms[key.user_id]
        ids_differ = all(differ(key.room, r)[0] for r in there)
        field = "RoomId" if ids_differ or not any(differ(key.room, r)[1] for r in there) else "RoomIdType"
        expected = " or ".join(str(r) for r in there)
        options: list[dict[str, FixValue]] = [
            {f"{path}.UserInfo.RoomId": r.room_id, f"{path}.UserInfo.RoomIdType": r.room_id_type}
            for r in there
            if r.room_id is not None and r.room_id_type is not None
        ]
        yield Report(
            f"{path}.UserInfo.{field}",
            f"user {key.user_id!r} is in room {key.room} here but {expected} in MixLayoutList; the rooms must "
            f"match — name the room of the user's region",
            fixes(*options),
        )


@rule("audio.list.update-pair", W, SRC_LISTS)
def update_pair(ctx: RuleContext) -> Hits:
    """On update, an absent list is left as it is: the SDK asks for both lists together when lists are used."""
    if ctx.action != "update" or ctx.audio is None:
        return
    sub, unsub = ctx.audio.subscribe_audio_list, ctx.audio.un_subscribe_audio_list
    if (sub is None) != (unsub is None):
        given, missing = (
            ("SubscribeAudioList", "UnSubscribeAudioList")
            if unsub is None
            else ("UnSubscribeAudioList", "SubscribeAudioList")
        )
        yield (
            f"AudioParams.{missing}",
            f"only {given} is given: the running task keeps its current {missing}; "
            f"the SDK says to give both lists together (an empty list clears one)",
        )


@rule("audio.sound-level.ignored", W, "SDK models.McuUserInfoParams.SoundLevel (allowlist only)")
def sound_level_ignored(ctx: RuleContext) -> Hits:
    """SoundLevel only takes effect in the allowlist (SubscribeAudioList)."""
    for path, item in blocklist(ctx):
        if item.sound_level is not None:
            yield f"{path}.SoundLevel", "SoundLevel has no effect in UnSubscribeAudioList (allowlist only); remove it"
