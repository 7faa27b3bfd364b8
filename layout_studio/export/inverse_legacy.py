"""A StartMCUMixTranscode(ByStrRoomId) body made the sections of a preset: the inverse of :mod:`.legacy`.

EncodeParams -> VideoEncode and AudioEncode (the same units) and the canvas colour (the decimal integer ->
``0xRRGGBB``) and image; the Template (0 floating -> 1, 1 grid -> 3, 2 screen sharing -> 2, 4 custom -> 4, and 3
picture-in-picture -> a custom layout of its two pictures: the large one filling the canvas, the small one above
it); MainVideoUserId and MainVideoStreamType -> MaxVideoUser; PureAudioHoldPlaceMode 1 -> 1, 2 -> 0, 0 -> the
legacy default of the template (floating and grid 1, screen sharing 0); each PresetLayoutConfig a region (a place
of MixInputType 1, video only, puts its user in the audio blocklist); the watermark (its URL) above every region;
the room (an integer RoomId -> RoomIdType 0, StrRoomId -> 1); a third-party CDN URL -> Target.PublishCdnParams
with IsTencentCdn 0.

Not imported (findings ``import.mcu-legacy.<what>``): console image IDs (BackgroundImageId, PlaceImageId,
WaterMarkId: a preset takes URLs), audio-only places (MixInputType 2), MixVideoUids, the large picture on the
right. Left out as the task's own: OutputParams (StreamId, …) and the CDN's BizId.
"""

from __future__ import annotations

from typing import Any

from ..model.legacy import (
    LayoutParams,
    StartMCUMixTranscodeByStrRoomIdRequest,
    StartMCUMixTranscodeRequest,
)
from ..sources import sdk
from ..values import ValueFormatError
from .convert import number_color
from .inverse import Sections, parsed

KIND = "mcu-legacy"
#: LayoutParams.Template -> McuLayoutParams.MixLayoutMode (3, picture-in-picture, becomes custom).
MODE = {0: 1, 1: 3, 2: 2, 3: 4, 4: 4}
#: The legacy default of PureAudioHoldPlaceMode 0, by Template (floating and grid take a place).
HOLD_DEFAULT = {0: 1, 1: 1, 2: 0}


def _encode(out: Sections, root: Any) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    enc = root.encode_params
    if enc is None:
        return {}, {}, {}
    video = {
        "Width": enc.video_width,
        "Height": enc.video_height,
        "Fps": enc.video_framerate,
        "BitRate": enc.video_bitrate,
        "Gop": enc.video_gop,
    }
    audio = {
        "SampleRate": enc.audio_sample_rate,
        "Channel": enc.audio_channels,
        "BitRate": enc.audio_bitrate,
        "Codec": enc.audio_codec,
    }
    canvas: dict[str, Any] = {}
    if enc.background_color is not None:
        try:
            canvas["BackGroundColor"] = number_color(enc.background_color)
        except ValueFormatError as exc:
            out.note(
                KIND,
                "color",
                "EncodeParams.BackgroundColor",
                f"{exc}; not imported",
                sdk("EncodeParams.BackgroundColor"),
            )
    if enc.background_image_url:
        canvas["BackgroundImageUrl"] = enc.background_image_url
    elif enc.background_image_id is not None:
        out.note(
            KIND,
            "image-id",
            "EncodeParams.BackgroundImageId",
            f"console image {enc.background_image_id} is "
            "lost: a preset takes the image's URL (set VideoParams.BackgroundImageUrl)",
            sdk("EncodeParams.BackgroundImageId"),
        )
    return (
        {k: v for k, v in video.items() if v is not None},
        {k: v for k, v in audio.items() if v is not None},
        canvas,
    )


def _user(user_id: str | None, stream: int | None) -> dict[str, Any]:
    if not user_id:
        return {}
    return {"UserMediaStream": {"UserInfo": {"UserId": user_id}, "StreamType": stream or 0}}


def _pip(out: Sections, lp: LayoutParams, size: tuple[int, int]) -> list[dict[str, Any]]:
    out.note(
        KIND,
        "picture-in-picture",
        "LayoutParams.Template",
        "the picture-in-picture template (3) is imported as a custom layout of its two pictures",
        sdk("LayoutParams.Template"),
        visible=False,
    )
    mode = lp.render_mode if lp.render_mode is not None else 0
    big = {
        **_user(lp.main_video_user_id, lp.main_video_stream_type),
        "ImageWidth": size[0],
        "ImageHeight": size[1],
        "LocationX": 0,
        "LocationY": 0,
        "ZOrder": 0,
        "RenderMode": mode,
    }
    small = lp.small_video_layout_params
    if small is None:
        return [big]
    return [
        big,
        {
            **_user(small.user_id, small.stream_type),
            "ImageWidth": small.eff("image_width"),
            "ImageHeight": small.eff("image_height"),
            "LocationX": small.eff("location_x"),
            "LocationY": small.eff("location_y"),
            "ZOrder": 1,
            "RenderMode": mode,
        },
    ]


def _regions(out: Sections, lp: LayoutParams, blocked: list[str]) -> list[dict[str, Any]]:
    regions = []
    for i, place in enumerate(lp.preset_layout_config or []):
        path = f"LayoutParams.PresetLayoutConfig[{i}]"
        if place.eff("mix_input_type") == 2:
            out.note(
                KIND,
                "audio-only-place",
                path,
                f"place {i} mixes audio only: not a region (its user is heard when the audio lists let them)",
                sdk("PresetLayoutConfig.MixInputType"),
            )
            continue
        if place.eff("mix_input_type") == 1 and place.user_id:
            blocked.append(place.user_id)
        if place.place_image_id is not None:
            out.note(
                KIND,
                "image-id",
                f"{path}.PlaceImageId",
                f"placeholder console image {place.place_image_id} "
                "is lost: set the region's BackgroundImageUrl to the image's URL",
                sdk("PresetLayoutConfig.PlaceImageId"),
            )
        regions.append(
            {
                **_user(place.user_id, place.stream_type),
                "ImageWidth": place.eff("image_width"),
                "ImageHeight": place.eff("image_height"),
                "LocationX": place.eff("location_x"),
                "LocationY": place.eff("location_y"),
                "ZOrder": place.eff("z_order"),
                "RenderMode": place.eff("render_mode"),
            }
        )
    return regions


def _layout(out: Sections, lp: LayoutParams, size: tuple[int, int], blocked: list[str]) -> dict[str, Any]:
    template = lp.eff("template")
    layout: dict[str, Any] = {"MixLayoutMode": MODE.get(template, 1)}
    if template == 3:
        layout["MixLayoutList"] = _pip(out, lp, size)
    elif template == 4:
        layout["MixLayoutList"] = _regions(out, lp, blocked)
    else:
        if lp.main_video_user_id and template in (0, 2):
            layout["MaxVideoUser"] = _user(lp.main_video_user_id, lp.main_video_stream_type)
        hold = lp.eff("pure_audio_hold_place_mode")
        layout["PureAudioHoldPlaceMode"] = {1: 1, 2: 0}.get(hold, HOLD_DEFAULT.get(template, 0))
        if lp.render_mode is not None:
            layout["RenderMode"] = lp.render_mode
    if lp.mix_video_uids:
        out.note(
            KIND,
            "mix-video-uids",
            "LayoutParams.MixVideoUids",
            "MixVideoUids is lost: the mixing API's templates show every user (name them in a custom layout instead)",
            sdk("LayoutParams.MixVideoUids"),
        )
    if lp.eff("main_video_right_align") == 1:
        out.note(
            KIND,
            "align",
            "LayoutParams.MainVideoRightAlign",
            "the large picture on the right is lost: the mixing API's screen-sharing template has it on the left",
            sdk("LayoutParams.MainVideoRightAlign"),
        )
    return layout


def sections(body: dict[str, Any]) -> Sections:
    """The preset sections of a StartMCUMixTranscode(ByStrRoomId) ``body`` (see the module docstring)."""
    by_str = "StrRoomId" in body
    action = "StartMCUMixTranscodeByStrRoomId" if by_str else "StartMCUMixTranscode"
    out = Sections(action)
    root = parsed(StartMCUMixTranscodeByStrRoomIdRequest if by_str else StartMCUMixTranscodeRequest, body, action)
    encode, audio_encode, canvas = _encode(out, root)
    size = (encode.get("Width", 0), encode.get("Height", 0))
    blocked: list[str] = []
    lp = root.layout_params or LayoutParams()
    video: dict[str, Any] = {"VideoEncode": encode} if encode else {}
    layout = _layout(out, lp, size, blocked)
    video["LayoutParams"] = layout
    video.update(canvas)
    mark = lp.water_mark_params
    if mark is not None:
        if mark.water_mark_url:
            top = max((r["ZOrder"] for r in layout.get("MixLayoutList", [])), default=0) + 1
            image = {
                "WaterMarkUrl": mark.water_mark_url,
                "WaterMarkWidth": mark.water_mark_width,
                "WaterMarkHeight": mark.water_mark_height,
                "LocationX": mark.location_x or 0,
                "LocationY": mark.location_y or 0,
                "ZOrder": top,
            }
            video["WaterMarkList"] = [
                {"WaterMarkType": 0, "WaterMarkImage": {k: v for k, v in image.items() if v is not None}}
            ]
        else:
            out.note(
                KIND,
                "image-id",
                "LayoutParams.WaterMarkParams",
                f"watermark console image {mark.water_mark_id} is lost: add an image watermark with its URL",
                sdk("WaterMarkParams.WaterMarkId"),
            )
    out.sections["VideoParams"] = video
    audio: dict[str, Any] = {}
    if audio_encode:
        audio["AudioEncode"] = audio_encode
    if blocked:
        audio["UnSubscribeAudioList"] = [{"UserInfo": {"UserId": u}} for u in dict.fromkeys(blocked)]
    if audio:
        out.sections["AudioParams"] = audio
    target: dict[str, Any] = {}
    if root.sdk_app_id is not None:
        target["SdkAppId"] = root.sdk_app_id
    room = root.str_room_id if by_str else root.room_id
    if room is not None:
        target["RoomId"], target["RoomIdType"] = str(room), 1 if by_str else 0
    cdn = root.publish_cdn_params
    if cdn is not None and cdn.publish_cdn_urls:
        target["PublishCdnParams"] = [{"PublishCdnUrl": url, "IsTencentCdn": 0} for url in cdn.publish_cdn_urls]
    if target:
        out.sections["Target"] = target
    out.left_out = ["OutputParams"] if "OutputParams" in body else []
    if cdn is not None and cdn.biz_id is not None:
        out.left_out.append("PublishCdnParams.BizId")
    return out
