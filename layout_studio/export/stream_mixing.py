"""Export to the client SDKs' ``startPublishMediaStream(target, params, config)``: TRTCPublishTarget,
TRTCStreamEncoderParam and TRTCStreamMixingConfig as one JSON object ``{"target", "params", "config"}``, in the
shape of a platform (:mod:`.platforms`: windows = the Electron type file, android, ios).

What maps (type definitions of npm ``trtc-electron-sdk`` 13.3.801, ``liteav/trtc_define.d.ts``): the canvas and
encoding as TRTCStreamEncoderParam (videoEncodedWidth/Height/FPS/GOP/Kbps, audioEncodedSampleRate/ChannelNum/Kbps/
CodecType, the pass-through SEI as videoSeiParams); each region (:func:`layout_studio.mix.resolve`; a dynamic layout
fixed for ``users`` users, :func:`.clients.fixed`) a TRTCVideoLayout: rect, zOrder (unique, 0..15,
:func:`.clients.zorders`), fillMode (crop 0 -> fill 0; fit 1 and fit on black 2 -> fit 1, with backgroundColor
black for 2, the canvas colour for 1, the region's own colour when BackGroundColorMode uses it), placeHolderImage,
fixedVideoUser (a TRTCUser with its room: cross-room users work; an unnamed region an empty userId),
fixedVideoStreamType (camera 0 -> big 0, screen 1 -> sub 2); image watermarks as TRTCWatermark, text watermarks as
PNG files (:func:`.clients.mark_url`); the audio allowlist (blocklist taken out) as audioMixUserList; the canvas
colour (a number) and image; the target from the preset's CDN URLs (mode 3) or its first feedback room (mode 4).

What is lost (``export.sdk-stream-mixing.<what>``): dynamic templates, CustomCrop, TransparentUrl,
BackgroundCustomRender, placeholder and canvas-image modes, EnableStreamSEI, the volume-layout SEI, watermark
DynamicPosType, SoundLevel, a blocklist alone, text watermarks without an output file.
"""

from __future__ import annotations

import json
from typing import Any

from ..findings import Severity
from ..mix import LayerKind
from ..model import MixUserInfo
from ..model.client import (
    ELECTRON,
    Rect,
    StartPublishMediaStreamArgs,
    TRTCPublishCdnUrl,
    TRTCPublishTarget,
    TRTCStreamEncoderParam,
    TRTCStreamMixingConfig,
    TRTCVideoLayout,
    TRTCWatermark,
)
from ..sources import client_sdk
from .base import Built, Source, TargetSpec, TextAsset, api_dict
from .clients import (
    canvas_image_losses,
    color_number,
    exported_marks,
    fixed,
    mark_url,
    placeholder_losses,
    rects_outside,
    trtc_user,
    zorders,
)
from .losses import audio_losses, heard_users, region_losses, sei_losses, watermark_losses
from .pack import Hits, Pack, PackContext, pack_rule, repeats
from .platforms import platform_of, shape

NAME = "sdk-stream-mixing"


def encoder(src: Source) -> TRTCStreamEncoderParam:
    """TRTCStreamEncoderParam from VideoEncode, AudioEncode and the pass-through SEI."""
    ve = src.design.video.video_encode
    audio = src.design.audio
    ae = audio.audio_encode if audio is not None else None
    params = TRTCStreamEncoderParam()
    if ve is not None:
        params = TRTCStreamEncoderParam(
            video_encoded_width=ve.width,
            video_encoded_height=ve.height,
            video_encoded_fps=ve.fps,
            video_encoded_gop=ve.gop,
            video_encoded_kbps=ve.bit_rate,
        )
    if ae is not None:
        params.audio_encoded_sample_rate, params.audio_encoded_channel_num = ae.sample_rate, ae.channel
        params.audio_encoded_kbps, params.audio_encoded_codec_type = ae.bit_rate, ae.codec
    params.video_sei_params = sei_params(src)
    return params


def sei_params(src: Source) -> str | None:
    """The pass-through SEI as the SDK's videoSeiParams JSON text, or None."""
    sei = src.design.sei
    passing = sei.pass_through if sei is not None else None
    if passing is None:
        return None
    data: dict[str, Any] = {"payloadContent": passing.payload_content, "payloadType": passing.payload_type}
    if passing.payload_uuid is not None:
        data["payloadUuid"] = passing.payload_uuid
    if passing.follow_idr is not None:
        data["followIdr"] = passing.follow_idr == 1
    return json.dumps({k: v for k, v in data.items() if v is not None}, separators=(",", ":"))


def _layouts(src: Source, z: dict[tuple[LayerKind, int], int]) -> list[TRTCVideoLayout]:
    video = src.design.video
    out = []
    for slot in src.slots():
        lay = slot.layout
        x, y, w, h = slot.box
        mode = lay.eff("render_mode")
        color = None
        if lay.back_ground_color is not None and lay.eff("back_ground_color_mode") != 0:
            color = color_number(src, lay.back_ground_color, f"{slot.path}.BackGroundColor")
        elif mode == 2:
            color = 0
        elif mode == 1:
            color = color_number(src, video.eff("back_ground_color"), "VideoParams.BackGroundColor")
            if video.background_image_url:
                src.lost(
                    "render-mode",
                    f"{slot.path}.RenderMode",
                    "RenderMode 1 shows the canvas background image around the picture; the SDK's fit shows the "
                    "canvas colour there",
                    client_sdk(ELECTRON, "TRTCVideoLayout.backgroundColor"),
                )
        ums = lay.user_media_stream
        info: MixUserInfo | None = ums.user_info if ums else None
        out.append(
            TRTCVideoLayout(
                rect=Rect(left=x, top=y, right=x + w, bottom=y + h),
                z_order=z[(LayerKind.REGION, slot.index)],
                fill_mode=0 if mode == 0 else 1,
                background_color=color,
                place_holder_image=lay.background_image_url,
                fixed_video_user=trtc_user(src, slot.user_id if slot.named else None, info),
                fixed_video_stream_type=2 if slot.stream_type == 1 else 0,
            )
        )
    return out


def _target(src: Source) -> TRTCPublishTarget | None:
    target = src.preset.target
    if target is None:
        return None
    urls = [d for d in target.publish_cdn_params or [] if d.publish_cdn_url]
    if urls and target.feed_back_room_params:
        src.lost(
            "feedback-room",
            "Target.FeedBackRoomParams",
            "the feedback rooms are not exported: a TRTCPublishTarget either relays to CDNs (mode 3, exported) "
            "or publishes into a room (mode 4); call startPublishMediaStream again for the room",
            client_sdk(ELECTRON, "TRTCPublishTarget"),
        )
    if urls:
        cdn = [
            TRTCPublishCdnUrl(rtmp_url=d.publish_cdn_url, is_internal_line=d.eff("is_tencent_cdn") == 1) for d in urls
        ]
        return TRTCPublishTarget(mode=3, cdn_url_list=cdn)
    rooms = target.feed_back_room_params or []
    if rooms:
        if len(rooms) > 1:
            src.lost(
                "feedback-room",
                "Target.FeedBackRoomParams",
                "only the first feedback room is exported: TRTCPublishTarget publishes the mix into one room",
                client_sdk(ELECTRON, "TRTCPublishTarget"),
            )
        room = rooms[0]
        info = MixUserInfo(room_id=room.room_id, room_id_type=room.room_id_type)
        return TRTCPublishTarget(mode=4, mix_stream_identity=trtc_user(src, room.user_id or "", info))
    return None


def build(src: Source) -> Built:
    """The startPublishMediaStream arguments of ``src`` (see the module docstring)."""
    platform = platform_of(src.options.platform, NAME)
    src = fixed(src)
    slots = src.slots()
    region_losses(
        src, slots, ("custom-crop", "transparent-url", "background-custom-render", "stream-sei"), "TRTCVideoLayout"
    )
    placeholder_losses(src, slots, "TRTCVideoLayout")
    canvas_image_losses(src)
    marks = exported_marks(src)
    z = zorders(src, slots, [(i, body.eff("z_order")) for i, _m, body in marks], 0, 15)
    watermarks: list[TRTCWatermark] = []
    assets: list[TextAsset] = []
    for i, mark, body in marks:
        url, asset = mark_url(src, i, mark)
        if url is None:
            continue
        assets += [asset] if asset is not None else []
        x, y = body.eff("location_x"), body.eff("location_y")
        w, h = body.water_mark_width or 0, body.water_mark_height or 0
        rect = Rect(left=x, top=y, right=x + w, bottom=y + h)
        watermarks.append(TRTCWatermark(watermark_url=url, rect=rect, z_order=z[(LayerKind.WATERMARK, i)]))
    watermark_losses(src, zorder=False, dynamic=True)
    heard = heard_users(src)
    audio_users = None
    if heard is not None:
        audio = src.design.audio
        infos = (
            {e.user_info.user_id: e.user_info for e in (audio.subscribe_audio_list or []) if e.user_info}
            if audio
            else {}
        )
        audio_users = [trtc_user(src, user, infos.get(user)) for user, _room in heard]
    audio_losses(src, sound_level=True, blocklist=True)
    sei_losses(src, pass_through=True)
    video = src.design.video
    config = TRTCStreamMixingConfig(
        background_color=color_number(src, video.back_ground_color, "VideoParams.BackGroundColor"),
        background_image=video.background_image_url,
        video_layout_list=_layouts(src, z),
        audio_mix_user_list=audio_users,
        watermark_list=watermarks or None,
    )
    target = _target(src)
    if target is None:
        src.lost(
            "to-complete",
            "Target",
            "no destination in the preset's Target (PublishCdnParams or "
            "FeedBackRoomParams): fill in the target argument",
            client_sdk(ELECTRON, "TRTCPublishTarget"),
            visible=False,
        )
    args = StartPublishMediaStreamArgs(target=target, params=encoder(src), config=config)
    canonical = api_dict(args)
    return Built(shape(canonical, platform), "startPublishMediaStream", assets, canonical)


@pack_rule("sdk-stream-mixing.zorder.unique", Severity.ERROR, client_sdk(ELECTRON, "TRTCVideoLayout.zOrder (unique)"))
def unique_zorder(ctx: PackContext) -> Hits:
    """The zOrder of every region and watermark is unique."""
    for path, config in ctx.of_type(TRTCStreamMixingConfig):
        items = [(f"{path}.videoLayoutList[{i}]", v.z_order) for i, v in enumerate(config.video_layout_list or [])]
        items += [(f"{path}.watermarkList[{i}]", w.z_order) for i, w in enumerate(config.watermark_list or [])]
        for where, z, before in repeats(items):
            yield f"{where}.zOrder", f"zOrder {z} is also {before}'s; each layer needs its own"


@pack_rule("sdk-stream-mixing.layout.outside-canvas", Severity.ERROR, client_sdk(ELECTRON, "TRTCVideoLayout.rect"))
def outside_canvas(ctx: PackContext) -> Hits:
    """Every region and watermark lies inside the canvas (videoEncodedWidth x videoEncodedHeight)."""
    root = ctx.root
    if not isinstance(root, StartPublishMediaStreamArgs) or root.params is None or root.config is None:
        return
    width, height = root.params.video_encoded_width, root.params.video_encoded_height
    if width is None or height is None:
        return
    items = [(f"config.videoLayoutList[{i}]", v.rect) for i, v in enumerate(root.config.video_layout_list or [])]
    items += [(f"config.watermarkList[{i}]", w.rect) for i, w in enumerate(root.config.watermark_list or [])]
    yield from rects_outside(items, width, height)


PACK = Pack(NAME, StartPublishMediaStreamArgs, (unique_zorder, outside_canvas))


TARGET = TargetSpec(
    name=NAME,
    title="TRTCStreamMixingConfig with its target and encoding, for startPublishMediaStream (client SDKs)",
    options=("users", "platform", "output", "room_id", "room_id_type"),
    build=build,
    check=PACK.check_export,
    platforms=("windows", "android", "ios"),
    draws_text=True,
)
