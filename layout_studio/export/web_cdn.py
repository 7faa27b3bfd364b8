"""Export to the Web SDK v5 CDNStreaming plugin: the options of ``trtc.startPlugin('CDNStreaming', options)`` (and
``updatePlugin``) for a mix relayed to the CDN, as the type definitions of npm ``trtc-sdk-v5`` 5.17.1
(``plugins/cdn-streaming/cdn-streaming.esm.d.ts``) spell them.

What maps: target ``{publishMode: 'PublishMixStreamToCDN', streamId}`` (``stream_id`` option); encoding
videoWidth/Height/Bitrate (kbps)/Framerate (1..30)/GOP (1..8), audioSampleRate/Bitrate (32..192 kbps)/Channels
(values outside the plugin's checks are brought inside, with a warning); mix backgroundColor (a number) and
backgroundImage; each named region (:func:`layout_studio.mix.resolve`; a dynamic layout fixed for ``users``
users) a VideoLayout: fixedVideoUser (roomId for an integer room, strRoomId for a string room, only for users of
another room), fixedVideoStreamType ``'main'``/``'sub'``, locationX/locationY/width/height, zOrder (unique, 1..15),
fillMode = RenderMode (the plugin passes it to the server as the render mode); the audio allowlist as
audioMixUserList.

What is lost (``export.web-cdn-streaming.<what>``): dynamic templates, unnamed regions (fixedVideoUser.userId is
required), every watermark, placeholders, CustomCrop, TransparentUrl, BackgroundCustomRender, region colours,
EnableStreamSEI, SEI, SoundLevel, a blocklist alone, the canvas image's mode, the preset's destinations. The plugin
also requires the local user (who calls startPlugin) among the regions' users (an info says so).
"""

from __future__ import annotations

from ..errors import LayoutStudioError
from ..findings import Severity
from ..mix import LayerKind
from ..model import MixUserInfo, join_path
from ..model.cdn_streaming import WEB, CdnEncoding, CdnMix, CDNStreamingOptions, CdnTarget, CdnUser, CdnVideoLayout
from ..sources import client_sdk
from .base import Built, Source, TargetSpec, api_dict
from .clients import canvas_image_losses, color_number, fit, fixed, room_of, zorders
from .losses import audio_losses, heard_users, region_losses, sei_losses, who
from .pack import Hits, Pack, PackContext, pack_rule, repeats

NAME = "web-cdn-streaming"
SRC = client_sdk(WEB, "cdn-streaming")


def _user(src: Source, user: str, info: MixUserInfo | None) -> CdnUser:
    """A User; its room only for a user of another room (the plugin fills in the local room)."""
    if src.other_room(info) is None:
        return CdnUser(user_id=user)
    room, kind = room_of(src, info)
    if room is not None and kind == 0 and room.isascii() and room.isdigit():
        return CdnUser(user_id=user, room_id=int(room))
    return CdnUser(user_id=user, str_room_id=room)


def _encoding(src: Source) -> CdnEncoding:
    encoding = CdnEncoding()
    ve = src.design.video.video_encode
    if ve is not None:
        path = "VideoParams.VideoEncode"
        encoding.video_width, encoding.video_height, encoding.video_bitrate = ve.width, ve.height, ve.bit_rate
        encoding.video_framerate = fit(
            src, ve.fps, 1, 30, f"{path}.Fps", "framerate", f"{WEB} cdn-streaming Encoding.videoFramerate"
        )
        encoding.video_gop = fit(src, ve.gop, 1, 8, f"{path}.Gop", "gop", f"{WEB} cdn-streaming Encoding.videoGOP")
    audio = src.design.audio
    ae = audio.audio_encode if audio is not None else None
    if ae is not None:
        path = "AudioParams.AudioEncode"
        encoding.audio_sample_rate, encoding.audio_channels = ae.sample_rate, ae.channel
        encoding.audio_bitrate = fit(
            src, ae.bit_rate, 32, 192, f"{path}.BitRate", "audio-bitrate", f"{WEB} cdn-streaming Encoding.audioBitrate"
        )
        if ae.eff("codec") != 0:
            src.lost(
                "audio-codec",
                f"{path}.Codec",
                f"Codec {ae.codec} is lost: the plugin's encoding has no codec",
                client_sdk(WEB, "cdn-streaming Encoding"),
            )
    return encoding


def _layouts(src: Source) -> list[CdnVideoLayout]:
    slots = src.slots()
    region_losses(
        src,
        slots,
        ("custom-crop", "transparent-url", "background-custom-render", "region-color", "stream-sei"),
        "VideoLayout",
    )
    named = [s for s in slots if s.named and s.user_id]
    z = zorders(src, named, [], 1, 15)
    out = []
    for slot in slots:
        if slot not in named or slot.user_id is None:
            src.lost(
                "unnamed-region",
                slot.path,
                f"{who(slot)} is lost: fixedVideoUser.userId is required (name the user)",
                client_sdk(WEB, "cdn-streaming VideoLayout.fixedVideoUser"),
            )
            continue
        lay = slot.layout
        if lay.background_image_url:
            src.lost(
                "placeholder",
                f"{slot.path}.BackgroundImageUrl",
                f"the placeholder of {who(slot)} is lost: the plugin's VideoLayout has no placeholder",
                client_sdk(WEB, "cdn-streaming VideoLayout"),
            )
        x, y, w, h = slot.box
        ums = lay.user_media_stream
        out.append(
            CdnVideoLayout(
                fixed_video_user=_user(src, slot.user_id, ums.user_info if ums else None),
                fixed_video_stream_type="sub" if slot.stream_type == 1 else "main",
                fill_mode=lay.eff("render_mode"),
                width=w,
                height=h,
                location_x=x,
                location_y=y,
                z_order=z[(LayerKind.REGION, slot.index)],
            )
        )
    return out


def build(src: Source) -> Built:
    """The CDNStreaming options of ``src`` (see the module docstring)."""
    if src.options.platform not in (None, "web"):
        raise LayoutStudioError(f"{NAME} is the Web SDK's plugin: --platform is web (or left out)")
    src = fixed(src)
    canvas_image_losses(src)
    for i, _mark in enumerate(src.design.video.water_mark_list or []):
        src.lost(
            "watermark",
            join_path("VideoParams.WaterMarkList", i),
            f"watermark {i} is lost: the plugin's mix has no watermarks",
            client_sdk(WEB, "cdn-streaming Mix"),
        )
    heard = heard_users(src)
    audio = src.design.audio
    infos = (
        {e.user_info.user_id: e.user_info for e in (audio.subscribe_audio_list or []) if e.user_info} if audio else {}
    )
    audio_users = None if heard is None else [_user(src, u, infos.get(u)) for u, _room in heard]
    audio_losses(src, sound_level=True, blocklist=True)
    sei_losses(src)
    video = src.design.video
    mix = CdnMix(
        background_color=color_number(src, video.back_ground_color, "VideoParams.BackGroundColor"),
        background_image=video.background_image_url,
        audio_mix_user_list=audio_users,
        video_layout_list=_layouts(src),
    )
    target = src.preset.target
    if target is not None and (target.publish_cdn_params or target.feed_back_room_params):
        src.lost(
            "destination",
            "Target",
            "the preset's destinations are not exported: the plugin relays the mix to "
            "Tencent CSS under target.streamId (a third-party CDN needs target.url, appId and bizId)",
            SRC,
            visible=False,
        )
    src.lost(
        "include-self",
        "VideoParams.LayoutParams.MixLayoutList",
        "the plugin requires the local user (who calls startPlugin) to be one of the regions' users",
        client_sdk(WEB, "cdn-streaming.umd.js"),
        visible=False,
    )
    options = CDNStreamingOptions(
        target=CdnTarget(publish_mode="PublishMixStreamToCDN", stream_id=src.options.stream_id),
        encoding=_encoding(src),
        mix=mix,
    )
    return Built(api_dict(options), "startPlugin('CDNStreaming')")


@pack_rule("web-cdn-streaming.zorder.unique", Severity.ERROR, client_sdk(WEB, "cdn-streaming VideoLayout.zOrder"))
def unique_zorder(ctx: PackContext) -> Hits:
    """Every region's zOrder is unique."""
    for path, mix in ctx.of_type(CdnMix):
        for i, z, before in repeats((i, layout.z_order) for i, layout in enumerate(mix.video_layout_list or [])):
            yield f"{path}.videoLayoutList[{i}].zOrder", f"zOrder {z} is also region {before}'s"


@pack_rule(
    "web-cdn-streaming.encoding.holds-regions",
    Severity.ERROR,
    client_sdk(WEB, "cdn-streaming.umd.js (the encoding must hold every region)"),
)
def holds_regions(ctx: PackContext) -> Hits:
    """videoWidth and videoHeight hold every region (locationX + width, locationY + height)."""
    root = ctx.root
    if not isinstance(root, CDNStreamingOptions) or root.encoding is None or root.mix is None:
        return
    width, height = root.encoding.video_width, root.encoding.video_height
    if width is None or height is None:
        return
    for i, layout in enumerate(root.mix.video_layout_list or []):
        right = (layout.location_x or 0) + (layout.width or 0)
        bottom = (layout.location_y or 0) + (layout.height or 0)
        if right > width or bottom > height:
            yield f"mix.videoLayoutList[{i}]", f"reaches ({right}, {bottom}), outside the {width}x{height} encoding"


@pack_rule("web-cdn-streaming.required", Severity.ERROR, client_sdk(WEB, "cdn-streaming VideoLayout (required fields)"))
def required(ctx: PackContext) -> Hits:
    """target.publishMode; each region's fixedVideoUser.userId, fixedVideoStreamType ('main' or 'sub') and zOrder."""
    root = ctx.root
    if isinstance(root, CDNStreamingOptions) and (root.target is None or not root.target.publish_mode):
        yield "target.publishMode", "target.publishMode is required (PublishMixStreamToCDN)"
    for path, layout in ctx.of_type(CdnVideoLayout):
        if layout.fixed_video_user is None or not layout.fixed_video_user.user_id:
            yield f"{path}.fixedVideoUser.userId", "fixedVideoUser.userId is required"
        if layout.fixed_video_stream_type not in ("main", "sub"):
            yield f"{path}.fixedVideoStreamType", "fixedVideoStreamType is 'main' or 'sub'"
        if layout.z_order is None:
            yield f"{path}.zOrder", "zOrder is required (1..15)"


PACK = Pack(NAME, CDNStreamingOptions, (unique_zorder, holds_regions, required))


TARGET = TargetSpec(
    name=NAME,
    title="Web SDK v5 CDNStreaming plugin options (mix relayed to the CDN)",
    options=("users", "platform", "room_id", "room_id_type", "stream_id"),
    build=build,
    check=PACK.check_export,
    platforms=("web",),
)
