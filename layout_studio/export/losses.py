"""The loss report's common entries: what several targets cannot carry, each named with its preset path.

Each function looks at the preset through the mix (the :class:`~layout_studio.mix.Slot` of each region, the design's
watermarks, audio lists and SEI) and records findings ``export.<target>.<what>`` with :meth:`.base.Source.lost`:
a warning when viewers would see (or hear) the difference, an info when they would not. ``what`` names the
feature: ``custom-crop``, ``transparent-url``, ``background-custom-render``, ``region-color``, ``cross-room-user``,
``stream-sei``, ``sei``, ``sei-pass-through``, ``watermark-zorder``, ``watermark-dynamic-pos``, ``sound-level``,
``audio-blocklist``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from ..mix import Slot
from ..mix.stacking import overlaps
from ..model import McuLayout, McuWaterMarkText, MixUserInfo, join_path
from ..sources import sdk
from .base import Source

#: Features of a region a target may lack (names of the loss findings).
REGION_FEATURES = (
    "custom-crop",
    "transparent-url",
    "background-custom-render",
    "region-color",
    "cross-room-user",
    "stream-sei",
)


def who(slot: Slot) -> str:
    """``host's region`` or ``region 2 (unnamed)`` for messages."""
    return f"{slot.user_id}'s region" if slot.named else f"region {slot.index} (unnamed)"


def _color_used(layout: McuLayout) -> bool:
    return layout.back_ground_color is not None and layout.eff("back_ground_color_mode") != 0


def region_losses(src: Source, slots: list[Slot], lacks: Collection[str], kind: str) -> None:
    """Record what of each region the target (whose region type is ``kind``, e.g. ``MixLayout``) cannot carry."""
    for slot in slots:
        lay = slot.layout
        path = slot.path
        if "custom-crop" in lacks and lay.custom_crop is not None:
            src.lost(
                "custom-crop",
                f"{path}.CustomCrop",
                f"the crop of {who(slot)} is lost: {kind} has no crop, so the whole source picture is scaled "
                "into the region",
                sdk("McuLayout.CustomCrop"),
            )
        if "transparent-url" in lacks and lay.transparent_url:
            src.lost(
                "transparent-url",
                f"{path}.TransparentUrl",
                f"the transparency mask of {who(slot)} is lost: {kind} has none, so the region is a plain "
                "rectangle (no rounded corners or shape)",
                sdk("McuLayout.TransparentUrl"),
            )
        if "background-custom-render" in lacks and lay.eff("background_render_mode") == 4:
            radius = lay.background_custom_render.radius if lay.background_custom_render else None
            rounded = f", corner radius {radius} px" if radius else ""
            src.lost(
                "background-custom-render",
                f"{path}.BackgroundCustomRender",
                f"the sized placeholder of {who(slot)} (BackgroundRenderMode 4{rounded}) is lost: {kind} has no "
                "such mode, so the placeholder fills the region",
                sdk("McuLayout.BackgroundCustomRender"),
            )
        if "region-color" in lacks and _color_used(lay):
            src.lost(
                "region-color",
                f"{path}.BackGroundColor",
                f"the background colour {lay.back_ground_color} of {who(slot)} is lost: {kind} has no region colour",
                sdk("McuLayout.BackGroundColorMode"),
            )
        ums = lay.user_media_stream
        room = src.other_room(ums.user_info if ums else None)
        if "cross-room-user" in lacks and room is not None:
            src.lost(
                "cross-room-user",
                f"{path}.UserMediaStream.UserInfo.RoomId",
                f"{who(slot)} shows {slot.user_id!r} of room {room}, another room: {kind} only mixes users of the "
                f"main room ({src.room_id or 'Target.RoomId unknown; pass --room-id'}), so the region stays empty",
                sdk("MixUserInfo.RoomId"),
            )
        if "stream-sei" in lacks and lay.eff("enable_stream_sei") == 0:
            src.lost(
                "stream-sei",
                f"{path}.EnableStreamSEI",
                f"EnableStreamSEI 0 of {who(slot)} has no counterpart; the target decides whether users' SEI is kept",
                sdk("McuLayout.EnableStreamSEI"),
                visible=False,
            )


def sei_losses(src: Source, *, pass_through: bool = False) -> None:
    """The SEI the MCU would insert (LayoutVolume, and PassThrough unless ``pass_through``): players that read it
    get none; the picture is the same."""
    sei = src.design.sei
    if sei is None:
        return
    if sei.layout_volume is not None:
        src.lost(
            "sei",
            "SeiParams.LayoutVolume",
            "the volume-layout SEI is lost: the target inserts no SEI (the picture is the same; players reading "
            "the SEI get none)",
            sdk("McuSeiParams.LayoutVolume"),
            visible=False,
        )
    if sei.pass_through is not None and not pass_through:
        src.lost(
            "sei-pass-through",
            "SeiParams.PassThrough",
            "the pass-through SEI is lost: the target has no pass-through SEI",
            sdk("McuSeiParams.PassThrough"),
            visible=False,
        )


def watermark_losses(src: Source, *, zorder: bool, dynamic: bool, skip: Collection[int] = ()) -> None:
    """A watermark's ZOrder (when the target has no watermark layer: a warning when a region above it in the MCU
    hides part of it, which the target draws on top) and DynamicPosType (a moving watermark becomes fixed), for
    each watermark not in ``skip`` (indexes already reported as lost)."""
    regions = src.slots() if src.design.custom else []
    for i, mark in enumerate(src.design.video.water_mark_list or []):
        body = mark.body
        if body is None or i in skip:
            continue
        kind = "WaterMarkText" if isinstance(body, McuWaterMarkText) else "WaterMarkImage"
        path = join_path("VideoParams.WaterMarkList", i, kind)
        box = (body.eff("location_x"), body.eff("location_y"), body.water_mark_width or 0, body.water_mark_height or 0)
        z = body.eff("z_order")
        if zorder and body.z_order is not None:
            above = [s for s in regions if s.z_order > z and overlaps(s.box, box)]
            hidden = f"; in the MCU {who(above[0])} (ZOrder {above[0].z_order}) covers it" if above else ""
            src.lost(
                "watermark-zorder",
                f"{path}.ZOrder",
                f"the ZOrder {z} of watermark {i} is lost: the target draws watermarks above every region{hidden}",
                sdk(f"McuWaterMark{'Text' if kind == 'WaterMarkText' else 'Image'}.ZOrder"),
                visible=bool(above),
            )
        if dynamic and body.eff("dynamic_pos_type") != 0:
            src.lost(
                "watermark-dynamic-pos",
                f"{path}.DynamicPosType",
                f"watermark {i} moves (DynamicPosType {body.eff('dynamic_pos_type')}); the target has no moving "
                "watermark, so it stays at its LocationX/LocationY",
                sdk(f"McuWaterMark{'Text' if kind == 'WaterMarkText' else 'Image'}.DynamicPosType"),
            )


def audio_losses(src: Source, *, sound_level: bool, blocklist: bool) -> None:
    """A SoundLevel other than 100 (when the target has no volume per user) and the blocklist (when the target
    has none and no allowlist can stand for it)."""
    audio = src.design.audio
    if audio is None:
        return
    if sound_level:
        for i, entry in enumerate(audio.subscribe_audio_list or []):
            if entry.eff("sound_level") != 100:
                user = entry.user_info.user_id if entry.user_info else None
                src.lost(
                    "sound-level",
                    join_path("AudioParams.SubscribeAudioList", i, "SoundLevel"),
                    f"the volume {entry.sound_level} of {user!r} is lost: the target mixes every user at 100",
                    sdk("McuUserInfoParams.SoundLevel"),
                )
    if blocklist and audio.un_subscribe_audio_list and not audio.subscribe_audio_list:
        names = [e.user_info.user_id for e in audio.un_subscribe_audio_list if e.user_info and e.user_info.user_id]
        src.lost(
            "audio-blocklist",
            "AudioParams.UnSubscribeAudioList",
            f"the audio blocklist ({', '.join(repr(n) for n in names)}) is lost: the target takes only a list of "
            "the users heard, so they are heard",
            sdk("McuAudioParams.UnSubscribeAudioList"),
        )


def heard_users(src: Source) -> list[tuple[str, str | None]] | None:
    """``[(UserId, RoomId or None for the main room)]`` of the users heard when the design has an allowlist (the
    blocklist taken out of it), else None (everyone is heard)."""
    audio = src.design.audio
    if audio is None or not audio.subscribe_audio_list:
        return None
    blocked = {
        (e.user_info.user_id, e.user_info.room_id or src.room_id)
        for e in audio.un_subscribe_audio_list or []
        if e.user_info and e.user_info.user_id
    }
    out: list[tuple[str, str | None]] = []
    for entry in audio.subscribe_audio_list:
        info = entry.user_info
        if info is None or not info.user_id:
            continue
        if (info.user_id, info.room_id or src.room_id) in blocked:
            continue
        out.append((info.user_id, src.other_room(info)))
    return out


def silencer(src: Source) -> Callable[[str, MixUserInfo | None], bool]:
    """A test ``(UserId, MixUserInfo) -> bool``: True when the audio lists silence that user (not in a non-empty
    allowlist, or in the blocklist); a user is a UserId in a room (:meth:`.base.Source.other_room`)."""
    heard = heard_users(src)
    allowed = None if heard is None else set(heard)
    audio = src.design.audio
    blocked = {
        (e.user_info.user_id, src.other_room(e.user_info))
        for e in ((audio.un_subscribe_audio_list or []) if audio else [])
        if e.user_info and e.user_info.user_id
    }

    def silenced(user: str, info: MixUserInfo | None) -> bool:
        key = (user, src.other_room(info))
        return (allowed is not None and key not in allowed) or key in blocked

    return silenced


def destination_losses(src: Source, what: str) -> None:
    """The preset's destinations (Target.PublishCdnParams, FeedBackRoomParams), which the target does not take:
    ``what`` says where its output goes instead."""
    target = src.preset.target
    if target is None or not (target.publish_cdn_params or target.feed_back_room_params):
        return
    src.lost(
        "destination",
        "Target",
        f"the preset's destinations (PublishCdnParams, FeedBackRoomParams) are not exported: {what}",
        sdk("StartPublishCdnStreamRequest.PublishCdnParams"),
        visible=False,
    )
