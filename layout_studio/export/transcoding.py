"""Export to the client SDKs' ``setMixTranscodingConfig``: a TRTCTranscodingConfig in the shape of a platform
(:mod:`.platforms`: windows = the Electron type file, android, ios).

What maps (type definitions of npm ``trtc-electron-sdk`` 13.3.801, ``liteav/trtc_define.d.ts``; Android and iOS
fields from Tencent's TRTCCloudDef documentation): mode 1 (manual); videoWidth/Height/Bitrate (kbps)/Framerate
(1..30)/GOP (1..8), audioSampleRate (12000, 16000, 22050, 24000, 32000, 44100 or 48000 Hz)/Bitrate (32..192 kbps)/
Channels (values outside are brought to the nearest allowed one, with a warning), audioCodec (Android, iOS); the
canvas colour (a number) and image; mixUsersArray (``mixUsers`` on Android and iOS) of TRTCMixUser: each named
region (:func:`layout_studio.mix.resolve`; a dynamic layout fixed for ``users`` users) with its room (cross-room
users work), rect, zOrder (unique, 1..15), streamType (camera 0 -> big 0, screen 1 -> **sub 2**), renderMode (the
same codes), inputType 1 (audio and video) or 2 (video only, a user the audio lists silence), soundLevel
(Android, iOS); each watermark as a TRTCMixUser of inputType 4 with its image (text watermarks drawn to PNG files,
:func:`.clients.mark_url`); each user of the audio allowlist without a region as inputType 3 (audio only); the
pass-through SEI as videoSeiParams (Android, iOS); streamId from the ``stream_id`` option.

What is lost (``export.sdk-transcoding.<what>``): dynamic templates, unnamed regions (a TRTCMixUser needs a
userId), placeholders (the SDK shows its image only for audio-only users), CustomCrop, TransparentUrl,
BackgroundCustomRender, region colours, EnableStreamSEI, the volume-layout SEI, watermark DynamicPosType, the
canvas image's mode, and on windows SoundLevel, the audio codec and the pass-through SEI.
"""

from __future__ import annotations

from ..findings import Severity
from ..mix import LayerKind
from ..model import MixUserInfo, join_path
from ..model.client import ELECTRON, Rect, TRTCMixUser, TRTCTranscodingConfig
from ..sources import client_sdk
from .base import Built, Source, TargetSpec, TextAsset, api_dict
from .clients import (
    canvas_image_losses,
    color_number,
    exported_marks,
    fit,
    fixed,
    mark_url,
    rects_outside,
    zorders,
)
from .convert import nearest
from .losses import (
    audio_losses,
    destination_losses,
    heard_users,
    region_losses,
    sei_losses,
    silencer,
    watermark_losses,
    who,
)
from .pack import Hits, Pack, PackContext, pack_rule, repeats
from .platforms import platform_of, shape
from .stream_mixing import sei_params

NAME = "sdk-transcoding"

RATES = (12000, 16000, 22050, 24000, 32000, 44100, 48000)
SRC_CONFIG = client_sdk(ELECTRON, "TRTCTranscodingConfig")


def _encoding(src: Source, config: TRTCTranscodingConfig, mobile: bool) -> None:
    ve = src.design.video.video_encode
    if ve is not None:
        path = "VideoParams.VideoEncode"
        config.video_width, config.video_height, config.video_bitrate = ve.width, ve.height, ve.bit_rate
        config.video_framerate = fit(
            src, ve.fps, 1, 30, f"{path}.Fps", "framerate", f"{ELECTRON} TRTCTranscodingConfig.videoFramerate"
        )
        config.video_gop = fit(src, ve.gop, 1, 8, f"{path}.Gop", "gop", f"{ELECTRON} TRTCTranscodingConfig.videoGOP")
    audio = src.design.audio
    ae = audio.audio_encode if audio is not None else None
    if ae is None:
        return
    path = "AudioParams.AudioEncode"
    if ae.sample_rate is not None:
        config.audio_sample_rate = nearest(ae.sample_rate, RATES)
        if config.audio_sample_rate != ae.sample_rate:
            src.lost(
                "sample-rate",
                f"{path}.SampleRate",
                f"SampleRate {ae.sample_rate} Hz is not one the SDK takes; exported as {config.audio_sample_rate} Hz",
                SRC_CONFIG,
            )
    config.audio_bitrate = fit(
        src, ae.bit_rate, 32, 192, f"{path}.BitRate", "audio-bitrate", f"{ELECTRON} TRTCTranscodingConfig.audioBitrate"
    )
    config.audio_channels = ae.channel
    if mobile:
        config.audio_codec = ae.codec
    elif ae.eff("codec") != 0:
        src.lost(
            "audio-codec",
            f"{path}.Codec",
            f"Codec {ae.codec} is lost: the Electron/Windows TRTCTranscodingConfig "
            "has no audioCodec (Android and iOS have)",
            SRC_CONFIG,
        )


def _users(src: Source, z: dict[tuple[LayerKind, int], int], mobile: bool) -> list[TRTCMixUser]:
    listed = heard_users(src)
    silenced = silencer(src)
    audio = src.design.audio
    levels = {
        (e.user_info.user_id, src.other_room(e.user_info)): e.sound_level
        for e in ((audio.subscribe_audio_list or []) if audio else [])
        if e.user_info and e.user_info.user_id
    }
    out = []
    shown: set[tuple[str, str | None]] = set()
    for slot in src.slots():
        lay = slot.layout
        if not slot.named or slot.user_id is None:
            src.lost(
                "unnamed-region",
                slot.path,
                f"{who(slot)} is lost: a TRTCMixUser needs a userId (name the user)",
                client_sdk(ELECTRON, "TRTCMixUser.userId"),
            )
            continue
        if lay.background_image_url:
            src.lost(
                "placeholder",
                f"{slot.path}.BackgroundImageUrl",
                f"the placeholder of {who(slot)} is lost: the "
                "SDK shows a mix user's image only for audio-only users (inputType 3)",
                client_sdk(ELECTRON, "TRTCMixUser.image"),
            )
        x, y, w, h = slot.box
        ums = lay.user_media_stream
        info: MixUserInfo | None = ums.user_info if ums else None
        key = (slot.user_id, src.other_room(info))
        level = levels.get(key)
        shown.add(key)
        out.append(
            TRTCMixUser(
                user_id=slot.user_id,
                room_id=src.other_room(info) or "",
                rect=Rect(left=x, top=y, right=x + w, bottom=y + h),
                z_order=z[(LayerKind.REGION, slot.index)],
                stream_type=2 if slot.stream_type == 1 else 0,
                input_type=2 if silenced(slot.user_id, info) else 1,
                render_mode=lay.eff("render_mode"),
                sound_level=level if mobile else None,
            )
        )
    if listed is None:
        src.lost(
            "audio-of-others",
            "AudioParams",
            "only the users listed are mixed: users without a region are not "
            "heard (the MCU mixes everyone's audio without SubscribeAudioList)",
            SRC_CONFIG,
        )
    top = max(z.values(), default=0)
    for user, room in listed or []:
        if (user, room) in shown:
            continue
        top += 1
        out.append(
            TRTCMixUser(
                user_id=user,
                room_id=room or "",
                z_order=top,
                input_type=3,
                sound_level=levels.get((user, room)) if mobile else None,
            )
        )
    return out


def build(src: Source) -> Built:
    """The TRTCTranscodingConfig of ``src`` (see the module docstring)."""
    platform = platform_of(src.options.platform, NAME)
    mobile = platform != "windows"
    src = fixed(src)
    slots = src.slots()
    region_losses(
        src,
        slots,
        ("custom-crop", "transparent-url", "background-custom-render", "region-color", "stream-sei"),
        "TRTCMixUser",
    )
    canvas_image_losses(src)
    marks = exported_marks(src)
    named = [s for s in slots if s.named]
    z = zorders(src, named, [(i, body.eff("z_order")) for i, _m, body in marks], 1, 15)
    config = TRTCTranscodingConfig(mode=1, stream_id=src.options.stream_id)
    _encoding(src, config, mobile)
    video = src.design.video
    config.background_color = color_number(src, video.back_ground_color, "VideoParams.BackGroundColor")
    config.background_image = video.background_image_url
    users = _users(src, z, mobile)
    assets: list[TextAsset] = []
    for i, mark, body in marks:
        url, asset = mark_url(src, i, mark)
        if url is None:
            continue
        assets += [asset] if asset is not None else []
        x, y = body.eff("location_x"), body.eff("location_y")
        w, h = body.water_mark_width or 0, body.water_mark_height or 0
        users.append(
            TRTCMixUser(
                user_id="",
                rect=Rect(left=x, top=y, right=x + w, bottom=y + h),
                z_order=z[(LayerKind.WATERMARK, i)],
                input_type=4,
                image=url,
            )
        )
    config.mix_users_array = users
    watermark_losses(src, zorder=False, dynamic=True)
    sei_losses(src, pass_through=mobile)
    destination_losses(
        src,
        "setMixTranscodingConfig mixes into the caller's stream or streamId, relayed as the console's CDN settings say",
    )
    if not mobile:
        audio_losses(src, sound_level=True, blocklist=False)
    if mobile:
        config.video_sei_params = sei_params(src)
    canonical = api_dict(config)
    return Built(shape(canonical, platform), "setMixTranscodingConfig", assets, canonical)


@pack_rule("sdk-transcoding.zorder.unique", Severity.ERROR, client_sdk(ELECTRON, "TRTCMixUser.zOrder (unique)"))
def unique_zorder(ctx: PackContext) -> Hits:
    """Every mix user's zOrder is unique."""
    for path, config in ctx.of_type(TRTCTranscodingConfig):
        for i, z, before in repeats((i, user.z_order) for i, user in enumerate(config.mix_users_array or [])):
            yield join_path(path, "mixUsersArray", i, "zOrder"), f"zOrder {z} is also mix user {before}'s"


@pack_rule("sdk-transcoding.mix-user.outside-canvas", Severity.ERROR, client_sdk(ELECTRON, "TRTCMixUser.rect"))
def outside_canvas(ctx: PackContext) -> Hits:
    """Every picture lies inside videoWidth x videoHeight."""
    for path, config in ctx.of_type(TRTCTranscodingConfig):
        if config.video_width is None or config.video_height is None:
            continue
        users = [(join_path(path, "mixUsersArray", i), u.rect) for i, u in enumerate(config.mix_users_array or [])]
        yield from rects_outside(users, config.video_width, config.video_height)


@pack_rule("sdk-transcoding.mix-user.user-id", Severity.ERROR, client_sdk(ELECTRON, "TRTCMixUser.userId"))
def user_id(ctx: PackContext) -> Hits:
    """A mix user other than a watermark (inputType 4) names its userId."""
    for path, user in ctx.of_type(TRTCMixUser):
        if not user.user_id and user.input_type != 4:
            yield f"{path}.userId", "userId is required (only a watermark, inputType 4, has none)"


PACK = Pack(NAME, TRTCTranscodingConfig, (unique_zorder, outside_canvas, user_id))


TARGET = TargetSpec(
    name=NAME,
    title="TRTCTranscodingConfig for setMixTranscodingConfig (client SDKs)",
    options=("users", "platform", "output", "room_id", "room_id_type", "stream_id"),
    build=build,
    check=PACK.check_export,
    platforms=("windows", "android", "ios"),
    draws_text=True,
)
