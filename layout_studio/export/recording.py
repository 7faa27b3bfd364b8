"""Export to cloud recording: a CreateCloudRecording body (mixed-stream recording) without secrets.

What maps (``API CreateCloudRecording``; ``SDK models.CreateCloudRecordingRequest`` and its types):

* the room: SdkAppId, RoomId, and RoomIdType **reversed** (the mixing APIs' 0 integer / 1 string becomes 1 / 0);
  the robot's UserId from the ``robot_user_id`` option (never the MCU robot's: two robots of one UserId in a room
  push each other out); RecordParams: RecordMode 2 (mixed), MaxIdleTime from AgentParams.MaxIdleTime, the audio
  allowlist or blocklist as SubscribeStreamUserIds (UserIds only);
* an audio-only design (no VideoParams: the MCU mixes audio only) is recorded as audio only: RecordParams.StreamType
  1, no video encoding and no MixLayoutParams;
* MixTranscodeParams from VideoEncode and AudioEncode, every field the type requires: bit rates kbps -> **bps**
  (x 1000, brought into 64000..8192000 and 32000..128000), SampleRate Hz -> its **enum** (48000 -> 1, 44100 -> 2,
  16000 -> 3; other rates the nearest, with a warning);
* MixLayoutParams: MixLayoutMode (the same codes, 1 floating, 2 screen sharing, 3 grid, 4 custom, always written:
  the recording's default is grid); each region (:func:`layout_studio.mix.resolve`) a MixLayout: Left/Top/Width/
  Height from the box, UserId, MediaId from StreamType, ImageLayer from ZOrder, Alpha 0 (opaque, as the MCU draws
  regions), RenderMode by meaning (crop 0 -> 1; fit 1 and fit on black 2 -> 2, whose bars show the background),
  SubBackgroundImage from the placeholder with PlaceHolderMode 1; MaxVideoUser -> MaxResolutionUserId and MediaId;
  PureAudioHoldPlaceMode -> PureAudioDisableLayout **reversed** (a boolean, always written for templates: the
  defaults differ); BackGroundColor as ``#RRGGBB``; the canvas image and its mode (crop 0 -> 1, fit 1 -> 2,
  stretch 2 -> 0); image watermarks -> WaterMarkImage, text watermarks -> WaterMarkChar (colours ``#RRGGBB``).

What is lost (each a finding ``export.recording.<what>``): CustomCrop, TransparentUrl, BackgroundCustomRender,
region colours, a placeholder mode other than the picture's, cross-room users, SEI, EnableStreamSEI, watermark
ZOrder and DynamicPosType, SoundLevel, the audio codec, unsupported sample rates, and bit rates out of range.
UserSig and StorageParams are never in the body (a finding says to add them before sending).
"""

from __future__ import annotations

from typing import Any

from ..findings import Finding
from ..mix.audio import holds_place
from ..model import McuWaterMarkText, join_path
from ..model.recording import (
    AudioParams,
    CreateCloudRecordingRequest,
    MixTranscodeParams,
    RecordParams,
    SubscribeStreamUserIds,
    VideoParams,
)
from ..model.recording_layout import MixLayout, MixLayoutParams, WaterMark, WaterMarkChar, WaterMarkImage
from ..sources import api, data_type, sdk
from ..values import ValueFormatError
from .base import Built, Source, TargetSpec, api_dict
from .convert import clamp, hash_color, nearest
from .losses import audio_losses, destination_losses, heard_users, region_losses, sei_losses, watermark_losses, who
from .recording_pack import CREATE_PACK

NAME = "recording"
#: McuLayout.RenderMode -> MixLayout.RenderMode (0 stretch, 1 crop, 2 fit showing the background, 3 smart).
RENDER_MODE = {0: 1, 1: 2, 2: 2}
#: McuLayout.BackgroundRenderMode (placeholder) -> the MixLayout.RenderMode that draws it alike (4: none).
PLACEHOLDER_MODE = {0: 1, 1: 2, 2: 2, 3: 0}
#: McuVideoParams.BackgroundRenderMode (0 crop, 1 fit on black, 2 stretch) -> BackgroundImageRenderMode.
CANVAS_IMAGE_MODE = {0: 1, 1: 2, 2: 0}
#: AudioEncode.SampleRate (Hz) -> AudioParams.SampleRate (enum).
SAMPLE_RATE = {48000: 1, 44100: 2, 16000: 3}
#: RecordParams.StreamType of an audio-only design (no VideoParams): 1, audio only (0, the default, is audio and video).
AUDIO_ONLY = 1
SRC_TRANSCODE = f"{sdk('VideoParams')}, {sdk('AudioParams')} (bps, SampleRate enum); {sdk('VideoEncode')}"


def _video(src: Source) -> VideoParams | None:
    ve = src.design.video.video_encode
    if ve is None or ve.width is None or ve.height is None:
        src.lost(
            "canvas",
            "VideoParams.VideoEncode",
            "the design has no canvas size: the recording uses its default 360x640 and the regions may not fit",
            SRC_TRANSCODE,
        )
        return None
    path = "VideoParams.VideoEncode"
    fps = ve.fps if ve.fps is not None else 15
    if not 1 <= fps <= 60:
        src.lost(
            "fps",
            f"{path}.Fps",
            f"Fps {fps} is outside the recording's 1..60; exported as {clamp(fps, 1, 60)}",
            SRC_TRANSCODE,
        )
    bps = ve.bit_rate * 1000 if ve.bit_rate is not None else 550000
    kept = clamp(bps, 64000, 8192000)
    if kept != bps:
        src.lost(
            "video-bitrate",
            f"{path}.BitRate",
            f"BitRate {ve.bit_rate} kbps is {bps} bps, outside the recording's 64000..8192000 bps; exported as "
            f"{kept} bps",
            SRC_TRANSCODE,
        )
    return VideoParams(
        width=ve.width, height=ve.height, fps=clamp(fps, 1, 60), bit_rate=kept, gop=ve.gop if ve.gop is not None else 10
    )


def _audio(src: Source) -> AudioParams | None:
    audio = src.design.audio
    ae = audio.audio_encode if audio is not None else None
    if ae is None or ae.sample_rate is None or ae.channel is None or ae.bit_rate is None:
        return None
    path = "AudioParams.AudioEncode"
    rate = ae.sample_rate
    enum = SAMPLE_RATE.get(rate)
    if enum is None:
        near = nearest(rate, SAMPLE_RATE)
        enum = SAMPLE_RATE[near]
        src.lost(
            "sample-rate",
            f"{path}.SampleRate",
            f"SampleRate {rate} Hz is not one of the recording's (48000, 44100, 16000 Hz); exported as {near} Hz "
            f"(SampleRate {enum})",
            sdk("AudioParams.SampleRate"),
        )
    bps = ae.bit_rate * 1000
    kept = clamp(bps, 32000, 128000)
    if kept != bps:
        src.lost(
            "audio-bitrate",
            f"{path}.BitRate",
            f"BitRate {ae.bit_rate} kbps is {bps} bps, outside the recording's 32000..128000 bps; exported as "
            f"{kept} bps",
            sdk("AudioParams.BitRate"),
        )
    if ae.eff("codec") != 0:
        src.lost(
            "audio-codec",
            f"{path}.Codec",
            f"Codec {ae.codec} (HE-AAC) is lost: the recording has no codec choice",
            sdk("AudioParams"),
        )
    return AudioParams(sample_rate=enum, channel=ae.channel, bit_rate=kept)


def _color(src: Source, value: str | None, path: str) -> str | None:
    if value is None:
        return None
    try:
        return hash_color(value)
    except ValueFormatError as exc:
        src.error("color", path, f"{exc}; fix the colour in the preset", sdk("MixLayoutParams.BackGroundColor"))
        return None


def _windows(src: Source) -> list[MixLayout]:
    out = []
    canvas_plain = src.design.video.eff("back_ground_color") in ("0x000000", "0X000000") and not (
        src.design.video.background_image_url
    )
    slots = src.slots()
    region_losses(
        src,
        slots,
        ("custom-crop", "transparent-url", "background-custom-render", "region-color", "cross-room-user", "stream-sei"),
        "MixLayout",
    )
    for slot in slots:
        lay = slot.layout
        x, y, w, h = slot.box
        mode = RENDER_MODE.get(lay.eff("render_mode"), 1)
        if lay.eff("render_mode") == 2 and not canvas_plain:
            src.lost(
                "render-mode",
                f"{slot.path}.RenderMode",
                f"{who(slot)} fits on black (RenderMode 2); the recording's fit (2) shows the canvas background in "
                "the bars instead of black",
                sdk("MixLayout.RenderMode"),
            )
        placeholder = lay.background_image_url
        brm = lay.eff("background_render_mode")
        if placeholder and brm in PLACEHOLDER_MODE and PLACEHOLDER_MODE[brm] != mode:
            src.lost(
                "placeholder-render-mode",
                f"{slot.path}.BackgroundRenderMode",
                f"the placeholder of {who(slot)} (BackgroundRenderMode {brm}) is drawn like the picture "
                f"(RenderMode {mode}): the recording has no placeholder mode of its own",
                sdk("MixLayout.SubBackgroundImage"),
            )
        out.append(
            MixLayout(
                top=y,
                left=x,
                width=w,
                height=h,
                user_id=slot.user_id if slot.named else None,
                alpha=0,
                render_mode=mode,
                media_id=slot.stream_type,
                image_layer=slot.z_order,
                sub_background_image=placeholder,
            )
        )
    return out


def _watermarks(src: Source) -> list[WaterMark] | None:
    marks = src.design.video.water_mark_list
    if not marks:
        return None
    out = []
    for i, mark in enumerate(marks):
        body = mark.body
        if body is None:
            continue
        x, y = body.eff("location_x"), body.eff("location_y")
        w, h = body.water_mark_width, body.water_mark_height
        if isinstance(body, McuWaterMarkText):
            path = join_path("VideoParams.WaterMarkList", i, "WaterMarkText")
            char = WaterMarkChar(
                top=y,
                left=x,
                width=w,
                height=h,
                chars=body.text,
                font_size=body.font_size,
                font_color=_color(src, body.font_color, f"{path}.FontColor"),
                back_ground_color=_color(src, body.back_ground_color, f"{path}.BackGroundColor"),
                font=body.font,
            )
            out.append(WaterMark(water_mark_type=1, water_mark_char=char))
            src.lost(
                "text-watermark",
                path,
                f"text watermark {i} ({body.text!r}) is exported as a WaterMarkChar, which the SDK documents but "
                "the Data Types page calls not supported yet: check that the recording shows it",
                f"{sdk('WaterMark.WaterMarkType')} (1 text); {data_type('WaterMark')} (text not supported yet)",
            )
        else:
            image = WaterMarkImage(water_mark_url=body.water_mark_url, top=y, left=x, width=w, height=h)
            out.append(WaterMark(water_mark_type=0, water_mark_image=image))
    watermark_losses(src, zorder=True, dynamic=True)
    return out


def _layout(src: Source) -> MixLayoutParams:
    design = src.design
    lp = design.layout
    video = design.video
    params = MixLayoutParams(
        mix_layout_mode=design.mode,
        back_ground_color=_color(src, video.back_ground_color, "VideoParams.BackGroundColor"),
        background_image_url=video.background_image_url,
        water_mark_list=_watermarks(src),
    )
    if video.background_image_url:
        params.background_image_render_mode = CANVAS_IMAGE_MODE[video.eff("background_render_mode")]
    if design.custom:
        params.mix_layout_list = _windows(src)
        if any(w.sub_background_image for w in params.mix_layout_list):
            params.place_holder_mode = 1
        return params
    mvu = lp.max_video_user.user_media_stream if lp.max_video_user else None
    if mvu is not None and mvu.user_info is not None and mvu.user_info.user_id:
        params.max_resolution_user_id = mvu.user_info.user_id
        params.media_id = mvu.eff("stream_type")
    elif design.mode == 2:
        src.lost(
            "screen-sharing-main-user",
            "VideoParams.LayoutParams.MaxVideoUser",
            "no MaxVideoUser: the recording's screen-sharing template shows the canvas background in the large "
            "window, as Layout Studio's preview of the MCU does (API StartPublishCdnStream asks to set the "
            "large-picture user explicitly); name the large-picture user",
            f"{sdk('MixLayoutParams.MaxResolutionUserId')}; {api('StartPublishCdnStream', 'layout templates')}",
            visible=False,
        )
    params.pure_audio_disable_layout = not holds_place(lp)
    if lp.render_mode is not None:
        params.render_mode = RENDER_MODE.get(lp.render_mode, 1)
    src.lost(
        "template",
        "VideoParams.LayoutParams.MixLayoutMode",
        f"MixLayoutMode {design.mode} is the recording's own template of that name (up to 25 pictures); its "
        "places are the recording service's",
        sdk("MixLayoutParams.MixLayoutMode"),
        visible=False,
    )
    return params


def _subscribe(src: Source) -> SubscribeStreamUserIds | None:
    heard = heard_users(src)
    audio = src.design.audio
    if heard is not None:
        for user, room in heard:
            if room is not None:
                src.lost(
                    "cross-room-user",
                    "AudioParams.SubscribeAudioList",
                    f"{user!r} of room {room} is in the audio allowlist; the recording only hears the main room",
                    sdk("SubscribeStreamUserIds.SubscribeAudioUserIds"),
                )
        return SubscribeStreamUserIds(subscribe_audio_user_ids=[u for u, room in heard if room is None])
    blocked = [e.user_info.user_id for e in (audio.un_subscribe_audio_list or []) if e.user_info] if audio else []
    names = [b for b in blocked if b]
    return SubscribeStreamUserIds(un_subscribe_audio_user_ids=names) if names else None


def build(src: Source) -> Built:
    """The CreateCloudRecording body of ``src`` (see the module docstring)."""
    target = src.preset.target
    agent = target.agent_params if target is not None else None
    room_type = src.room_id_type
    audio_only = src.design.audio_only
    record = RecordParams(
        record_mode=2,
        max_idle_time=agent.max_idle_time if agent is not None else None,
        stream_type=AUDIO_ONLY if audio_only else None,
        subscribe_stream_user_ids=_subscribe(src),
    )
    video, audio = (None if audio_only else _video(src)), _audio(src)
    transcode = MixTranscodeParams(video_params=video, audio_params=audio) if video or audio else None
    request = CreateCloudRecordingRequest(
        sdk_app_id=src.sdk_app_id,
        room_id=src.room_id,
        user_id=src.options.robot_user_id,
        record_params=record,
        room_id_type=None if room_type is None else 1 - room_type,
        mix_transcode_params=transcode,
        mix_layout_params=None if audio_only else _layout(src),
    )
    audio_losses(src, sound_level=True, blocklist=False)
    sei_losses(src)
    destination_losses(src, "a recording goes to its StorageParams")
    _to_complete(src, request)
    return Built(api_dict(request), "CreateCloudRecording")


def _to_complete(src: Source, request: CreateCloudRecordingRequest) -> None:
    given = (
        ("SdkAppId (--sdk-app-id or Target.SdkAppId)", request.sdk_app_id),
        ("RoomId (--room-id or Target.RoomId)", request.room_id),
        ("UserId (--robot-user-id: the recording robot)", request.user_id),
    )
    missing = [name for name, value in given if value is None]
    src.lost(
        "to-complete",
        "",
        "before sending, add UserSig (a secret, never exported) and StorageParams (CloudStorage or CloudVod)"
        + (f"; also {', '.join(missing)}" if missing else ""),
        api("CreateCloudRecording", "required parameters"),
        visible=False,
    )


def check(body: dict[str, Any], src: Source) -> list[Finding]:
    """The recording pack over ``body`` (see :mod:`.recording_pack`)."""
    region = src.preset.target.region if src.preset.target is not None else None
    return CREATE_PACK.check(body, region=region)


TARGET = TargetSpec(
    name=NAME,
    title="CreateCloudRecording body (mixed-stream cloud recording), without secrets",
    options=("sdk_app_id", "room_id", "room_id_type", "robot_user_id"),
    build=build,
    check=check,
)
