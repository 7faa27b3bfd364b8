"""Export to the legacy MCU API: a StartMCUMixTranscode (integer room) or StartMCUMixTranscodeByStrRoomId (string
room) body, as ``SDK models.StartMCUMixTranscodeRequest`` and ``…ByStrRoomIdRequest`` document them.

What maps: the room (an integer room as a JSON number in RoomId, a string room in StrRoomId); EncodeParams from
VideoEncode and AudioEncode (the same units: kbps, Hz) and the canvas colour as a **decimal integer**; the
Template by meaning (MixLayoutMode 1 floating -> 0, 2 screen sharing -> 2, 3 grid -> 1, 4 custom -> 4);
MaxVideoUser -> MainVideoUserId and MainVideoStreamType; PureAudioHoldPlaceMode 0 -> 2 (take no place) and 1 -> 1
(the legacy 0 is the service's own default); each region (:func:`layout_studio.mix.resolve`) a PresetLayoutConfig
(box, ZOrder, RenderMode with the same codes, StreamType, MixInputType 1 video only for a named user the audio
lists silence); a placeholder as PlaceImageId — a **console image ID** given with the ``place_image_id`` option,
never a URL — with PlaceHolderMode 1; the first image watermark as WaterMarkParams (one only); OutputParams.StreamId
from the ``stream_id`` option; a third-party CDN URL as PublishCdnParams.

What is lost (findings ``export.mcu-legacy.<what>``): CustomCrop, TransparentUrl, BackgroundCustomRender, region
colours, placeholder modes, cross-room users, SEI, EnableStreamSEI, every watermark after the first image one and
every text watermark, watermark ZOrder and DynamicPosType, SoundLevel, the audio lists where no place carries them,
the canvas image's mode, destinations other than one third-party CDN.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..findings import Finding
from ..mix import Slot
from ..mix.audio import holds_place
from ..model import McuWaterMarkText, MixUserInfo, join_path
from ..model.legacy import (
    EncodeParams,
    LayoutParams,
    OutputParams,
    PresetLayoutConfig,
    PublishCdnParams,
    StartMCUMixTranscodeByStrRoomIdRequest,
    StartMCUMixTranscodeRequest,
    WaterMarkParams,
)
from ..sources import sdk
from ..values import ValueFormatError
from .base import Built, Source, TargetSpec, api_dict
from .convert import rgb_number
from .legacy_pack import BY_STR_PACK, INT_PACK
from .losses import audio_losses, heard_users, region_losses, sei_losses, silencer, watermark_losses, who

NAME = "mcu-legacy"
#: McuLayoutParams.MixLayoutMode -> LayoutParams.Template.
TEMPLATE = {1: 0, 2: 2, 3: 1, 4: 4}


def _encode(src: Source) -> EncodeParams:
    video = src.design.video
    ve = video.video_encode
    audio = src.design.audio
    ae = audio.audio_encode if audio is not None else None
    params = EncodeParams()
    if ve is not None:
        params = EncodeParams(
            video_width=ve.width,
            video_height=ve.height,
            video_bitrate=ve.bit_rate,
            video_framerate=ve.fps,
            video_gop=ve.gop,
        )
    if ae is not None:
        params.audio_sample_rate, params.audio_bitrate = ae.sample_rate, ae.bit_rate
        params.audio_channels, params.audio_codec = ae.channel, ae.codec
    if video.back_ground_color is not None:
        try:
            params.background_color = rgb_number(video.back_ground_color)
        except ValueFormatError as exc:
            src.error(
                "color",
                "VideoParams.BackGroundColor",
                f"{exc}; fix it in the preset",
                sdk("EncodeParams.BackgroundColor"),
            )
    if video.background_image_url:
        params.background_image_url = video.background_image_url
        if video.background_render_mode is not None and video.background_render_mode != 2:
            src.lost(
                "canvas-image-mode",
                "VideoParams.BackgroundRenderMode",
                f"BackgroundRenderMode {video.background_render_mode} of the canvas image is lost: the legacy API "
                "has no mode for it",
                sdk("EncodeParams.BackgroundImageUrl"),
            )
    return params


def _place_image(src: Source, url: str) -> int | None:
    given = src.options.place_image_id
    if isinstance(given, Mapping):
        return given.get(url)
    return given


def _mix_input(slot: Slot, silenced: Callable[[str, MixUserInfo | None], bool]) -> int | None:
    if not slot.named or slot.user_id is None:
        return None
    ums = slot.layout.user_media_stream
    return 1 if silenced(slot.user_id, ums.user_info if ums else None) else None


def _places(src: Source) -> list[PresetLayoutConfig]:
    slots = src.slots()
    region_losses(
        src,
        slots,
        ("custom-crop", "transparent-url", "background-custom-render", "region-color", "cross-room-user", "stream-sei"),
        "PresetLayoutConfig",
    )
    listed = heard_users(src)
    audio = src.design.audio
    blocked = {e.user_info.user_id for e in (audio.un_subscribe_audio_list or []) if e.user_info} if audio else set()
    named = {s.user_id for s in slots if s.named}
    unplaced = sorted(u for u in ({u for u, _r in listed or []} | {b for b in blocked if b}) if u not in named)
    if listed is not None or unplaced:
        src.lost(
            "audio-lists",
            "AudioParams",
            "the legacy API has no audio lists, only MixInputType per place: a named user the lists silence is "
            "mixed as video only (1), but users without a named place"
            + (f" ({', '.join(repr(u) for u in unplaced)})" if unplaced else "")
            + " are heard whatever the lists say",
            sdk("PresetLayoutConfig.MixInputType"),
        )
    silenced = silencer(src)
    out = []
    for slot in slots:
        lay = slot.layout
        x, y, w, h = slot.box
        place = PresetLayoutConfig(
            user_id=slot.user_id if slot.named else None,
            stream_type=slot.stream_type if slot.named else None,
            image_width=w,
            image_height=h,
            location_x=x,
            location_y=y,
            z_order=slot.z_order,
            render_mode=lay.eff("render_mode"),
            mix_input_type=_mix_input(slot, silenced),
        )
        url = lay.background_image_url
        if url:
            place.place_image_id = _place_image(src, url)
            if place.place_image_id is None:
                src.lost(
                    "placeholder-image-id",
                    f"{slot.path}.BackgroundImageUrl",
                    f"the placeholder of {who(slot)} is a URL; the legacy API takes a console image ID "
                    "(PlaceImageId): upload the image in the TRTC console and pass --place-image-id ID (or URL=ID)",
                    sdk("PresetLayoutConfig.PlaceImageId"),
                )
            else:
                src.lost(
                    "placeholder-image-id",
                    f"{slot.path}.BackgroundImageUrl",
                    f"the placeholder of {who(slot)} is console image {place.place_image_id}: it must be the image "
                    f"at {url}",
                    sdk("PresetLayoutConfig.PlaceImageId"),
                    visible=False,
                )
            if lay.background_render_mode is not None:
                src.lost(
                    "placeholder-render-mode",
                    f"{slot.path}.BackgroundRenderMode",
                    f"the placeholder mode of {who(slot)} is lost: the legacy API draws placeholders its own way",
                    sdk("PresetLayoutConfig.PlaceImageId"),
                )
        out.append(place)
    return out


def _watermark(src: Source) -> WaterMarkParams | None:
    chosen: WaterMarkParams | None = None
    dropped: list[int] = []
    for i, mark in enumerate(src.design.video.water_mark_list or []):
        body = mark.body
        if body is None:
            continue
        path = join_path("VideoParams.WaterMarkList", i)
        if isinstance(body, McuWaterMarkText):
            dropped.append(i)
            src.lost(
                "text-watermark",
                path,
                f"text watermark {i} ({body.text!r}) is lost: the legacy API draws "
                "image watermarks only (draw it into a PNG and use that)",
                sdk("WaterMarkParams"),
            )
        elif chosen is not None:
            dropped.append(i)
            src.lost(
                "watermark",
                path,
                f"image watermark {i} is lost: the legacy API takes one image watermark",
                sdk("LayoutParams.WaterMarkParams"),
            )
        else:
            chosen = WaterMarkParams(
                water_mark_url=body.water_mark_url,
                water_mark_width=body.water_mark_width,
                water_mark_height=body.water_mark_height,
                location_x=body.eff("location_x"),
                location_y=body.eff("location_y"),
            )
    watermark_losses(src, zorder=True, dynamic=True, skip=dropped)
    return chosen


def _layout(src: Source) -> LayoutParams:
    design = src.design
    lp = design.layout
    params = LayoutParams(template=TEMPLATE[design.mode], water_mark_params=_watermark(src))
    if design.custom:
        params.preset_layout_config = _places(src)
        if any(p.place_image_id is not None for p in params.preset_layout_config):
            params.place_holder_mode = 1
        return params
    mvu = lp.max_video_user.user_media_stream if lp.max_video_user else None
    if mvu is not None and mvu.user_info is not None and mvu.user_info.user_id:
        params.main_video_user_id = mvu.user_info.user_id
        params.main_video_stream_type = mvu.eff("stream_type")
    params.pure_audio_hold_place_mode = 1 if holds_place(lp) else 2
    params.render_mode = lp.render_mode
    if heard_users(src) is not None or (design.audio and design.audio.un_subscribe_audio_list):
        src.lost(
            "audio-lists",
            "AudioParams",
            "the audio lists are lost: the legacy templates mix everyone's audio",
            sdk("LayoutParams"),
        )
    return params


def _cdn(src: Source) -> PublishCdnParams | None:
    target = src.preset.target
    urls = [d for d in (target.publish_cdn_params or []) if d.publish_cdn_url] if target is not None else []
    third = [d.publish_cdn_url for d in urls if d.publish_cdn_url and d.eff("is_tencent_cdn") == 0]
    for i, dest in enumerate(urls):
        if dest.eff("is_tencent_cdn") == 1 or dest.publish_cdn_url != (third[0] if third else None):
            src.lost(
                "destination",
                join_path("Target.PublishCdnParams", i),
                "this destination is not exported: the legacy mix goes to Tencent CSS under OutputParams.StreamId "
                "and to at most one third-party CDN",
                sdk("StartMCUMixTranscodeRequest.PublishCdnParams"),
                visible=False,
            )
    return PublishCdnParams(publish_cdn_urls=third[:1]) if third else None


def build(src: Source) -> Built:
    """The StartMCUMixTranscode(ByStrRoomId) body of ``src`` (see the module docstring)."""
    video = src.design.video.video_encode
    output = OutputParams(
        stream_id=src.options.stream_id, pure_audio_stream=1 if video is None or not video.width else None
    )
    parts: dict[str, Any] = {
        "sdk_app_id": src.sdk_app_id,
        "output_params": output if api_dict(output) else None,
        "encode_params": _encode(src),
        "layout_params": _layout(src),
        "publish_cdn_params": _cdn(src),
    }
    audio_losses(src, sound_level=True, blocklist=False)
    sei_losses(src)
    target = src.preset.target
    if target is not None and target.feed_back_room_params:
        src.lost(
            "feedback-room",
            "Target.FeedBackRoomParams",
            "publishing the mix back into rooms is lost: the legacy API has no feedback rooms",
            sdk("StartMCUMixTranscodeRequest"),
        )
    room, room_type = src.room_id, src.room_id_type
    missing = [] if output.stream_id else ["OutputParams.StreamId (--stream-id)"]
    if room is None:
        missing.append("the room (--room-id or Target.RoomId)")
    if src.sdk_app_id is None:
        missing.append("SdkAppId (--sdk-app-id or Target.SdkAppId)")
    if missing:
        src.lost(
            "to-complete",
            "",
            f"before sending, add {', '.join(missing)}",
            sdk("StartMCUMixTranscodeRequest"),
            visible=False,
        )
    if room_type == 1:
        body = StartMCUMixTranscodeByStrRoomIdRequest(str_room_id=room, **parts)
        return Built(api_dict(body), "StartMCUMixTranscodeByStrRoomId")
    number = None
    if room is not None:
        if room.isascii() and room.isdigit():
            number = int(room)
        else:
            src.error(
                "room-id",
                "Target.RoomId",
                f"RoomId {room!r} is not a number but RoomIdType is 0 (integer); "
                "StartMCUMixTranscode takes an integer room",
                sdk("StartMCUMixTranscodeRequest.RoomId"),
            )
    return Built(api_dict(StartMCUMixTranscodeRequest(room_id=number, **parts)), "StartMCUMixTranscode")


def check(body: dict[str, Any], src: Source) -> list[Finding]:
    """The legacy pack over ``body`` (see :mod:`.legacy_pack`)."""
    by_str = "StrRoomId" in body or src.room_id_type == 1
    return (BY_STR_PACK if by_str else INT_PACK).check(body)


TARGET = TargetSpec(
    name=NAME,
    title="StartMCUMixTranscode / StartMCUMixTranscodeByStrRoomId body (the legacy MCU API)",
    options=("sdk_app_id", "room_id", "room_id_type", "stream_id", "place_image_id"),
    build=build,
    check=check,
)
