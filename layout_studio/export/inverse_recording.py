"""A CreateCloudRecording (or ModifyCloudRecording) body made the sections of a preset: the inverse of
:mod:`.recording`.

VideoParams -> VideoEncode (BitRate bps / 1000 -> kbps; absent: the recording's defaults 360x640, 15 fps, 550 kbps,
GOP 10); AudioParams -> AudioEncode (SampleRate enum 1/2/3 -> 48000/44100/16000 Hz, BitRate / 1000); MixLayoutParams:
MixLayoutMode (absent: 3, the recording's default grid), MixLayoutList -> MixLayoutList (Left/Top/Width/Height ->
LocationX/LocationY/ImageWidth/ImageHeight, UserId and MediaId -> UserMediaStream, ImageLayer -> ZOrder, RenderMode
1 crop -> 0, 2 fit -> 1, the placeholder with PlaceHolderMode 1, drawn like the picture), MaxResolutionUserId and
MediaId -> MaxVideoUser, PureAudioDisableLayout -> PureAudioHoldPlaceMode (reversed; absent means audio-only users
take a place), ``#RRGGBB`` -> ``0xRRGGBB``, the canvas image and its mode, WaterMarkImage / WaterMarkChar -> image /
text watermarks (above every region, where the recording draws them); the audio allowlist or blocklist; the room
with RoomIdType reversed back (0 string -> 1, 1 or absent integer -> 0); RecordParams.MaxIdleTime ->
AgentParams.MaxIdleTime.

Not imported (findings ``import.recording.<what>``): stretch and smart-stretch render modes (imported as crop),
Alpha, timestamp watermarks, the large picture on the right (MaxResolutionUserAlign), video allowlists and
blocklists, prefix patterns (``.*$``). Left out as the recording task's own: UserId, StorageParams, TaskId,
ResourceExpiredHour and the RecordParams other than MaxIdleTime and the audio lists.
"""

from __future__ import annotations

from typing import Any

from ..model.recording import (
    CreateCloudRecordingRequest,
    ModifyCloudRecordingRequest,
    SubscribeStreamUserIds,
    VideoParams,
)
from ..model.recording_layout import MixLayout, MixLayoutParams
from ..sources import sdk
from ..values import ValueFormatError
from .convert import unhash_color
from .inverse import Sections, parsed

KIND = "recording"
#: MixLayout.RenderMode -> McuLayout.RenderMode (0 stretch and 3 smart stretch: crop, the nearest).
RENDER_MODE = {0: 0, 1: 0, 2: 1, 3: 0}
#: The MixLayout.RenderMode a placeholder is drawn with -> McuLayout.BackgroundRenderMode.
PLACEHOLDER_MODE = {0: 3, 1: 0, 2: 1, 3: 0}
#: BackgroundImageRenderMode -> McuVideoParams.BackgroundRenderMode.
CANVAS_IMAGE_MODE = {0: 2, 1: 0, 2: 1, 3: 0}
SAMPLE_RATE = {1: 48000, 2: 44100, 3: 16000}
TASK_FIELDS = ("UserId", "StorageParams", "TaskId", "ResourceExpiredHour")


def _color(out: Sections, value: str | None, path: str) -> str | None:
    if value is None:
        return None
    try:
        return unhash_color(value)
    except ValueFormatError as exc:
        out.note(KIND, "color", path, f"{exc}; not imported", sdk("MixLayoutParams.BackGroundColor"))
        return None


def _kbps(out: Sections, bps: int, path: str) -> int:
    kbps = round(bps / 1000)
    if kbps * 1000 != bps:
        out.note(
            KIND,
            "bitrate",
            path,
            f"{bps} bps is imported as {kbps} kbps (the mixing API counts in kbps)",
            sdk("VideoParams.BitRate"),
            visible=False,
        )
    return kbps


def _encode(out: Sections, root: CreateCloudRecordingRequest) -> tuple[dict[str, Any], dict[str, Any] | None]:
    mt = root.mix_transcode_params
    vp = mt.video_params if mt is not None else None
    if vp is None:
        vp = VideoParams()
        out.note(
            KIND,
            "default-encode",
            "MixTranscodeParams.VideoParams",
            "no VideoParams: the recording's defaults "
            "are imported (360x640, 15 fps, 550 kbps, GOP 10 s; the mixing API takes a GOP of 1..5 s)",
            sdk("VideoParams"),
            visible=False,
        )
    path = "MixTranscodeParams.VideoParams"
    video = {
        "Width": vp.eff("width"),
        "Height": vp.eff("height"),
        "Fps": vp.eff("fps"),
        "BitRate": _kbps(out, vp.eff("bit_rate"), f"{path}.BitRate"),
        "Gop": vp.eff("gop"),
    }
    ap = mt.audio_params if mt is not None else None
    if ap is None:
        return video, None
    rate = SAMPLE_RATE.get(ap.eff("sample_rate"))
    audio = {
        "SampleRate": rate,
        "Channel": ap.eff("channel"),
        "BitRate": _kbps(out, ap.eff("bit_rate"), "MixTranscodeParams.AudioParams.BitRate"),
    }
    return video, {k: v for k, v in audio.items() if v is not None}


def _region(out: Sections, i: int, win: MixLayout, placeholders: bool, default_image: str | None) -> dict[str, Any]:
    path = f"MixLayoutParams.MixLayoutList[{i}]"
    mode = win.eff("render_mode")
    if mode in (0, 3):
        out.note(
            KIND,
            "render-mode",
            f"{path}.RenderMode",
            f"RenderMode {mode} (stretch) has no counterpart in the mixing API: imported as crop (0)",
            sdk("McuLayout.RenderMode"),
        )
    if win.eff("alpha") != 0:
        out.note(
            KIND,
            "alpha",
            f"{path}.Alpha",
            f"Alpha {win.alpha} is lost: a region of the mixing API is opaque",
            sdk("MixLayout.Alpha"),
        )
    region: dict[str, Any] = {}
    if win.user_id:
        region["UserMediaStream"] = {"UserInfo": {"UserId": win.user_id}, "StreamType": win.eff("media_id")}
    region.update(
        ImageWidth=win.width or 0,
        ImageHeight=win.height or 0,
        LocationX=win.left or 0,
        LocationY=win.top or 0,
        ZOrder=win.eff("image_layer"),
        RenderMode=RENDER_MODE.get(mode, 0),
    )
    image = win.sub_background_image or default_image
    if image and placeholders:
        region["BackgroundImageUrl"] = image
        region["BackgroundRenderMode"] = PLACEHOLDER_MODE.get(mode, 0)
    return region


def _layout(out: Sections, lp: MixLayoutParams) -> tuple[dict[str, Any], int]:
    mode = lp.eff("mix_layout_mode")
    layout: dict[str, Any] = {"MixLayoutMode": mode}
    top = 0
    if mode == 4:
        placeholders = lp.eff("place_holder_mode") == 1
        if not placeholders and (
            lp.default_sub_background_image or any(w.sub_background_image for w in lp.mix_layout_list or [])
        ):
            out.note(
                KIND,
                "placeholder",
                "MixLayoutParams.PlaceHolderMode",
                "the placeholders are off (PlaceHolderMode 0): not imported",
                sdk("MixLayoutParams.PlaceHolderMode"),
                visible=False,
            )
        regions = [
            _region(out, i, w, placeholders, lp.default_sub_background_image)
            for i, w in enumerate(lp.mix_layout_list or [])
        ]
        layout["MixLayoutList"] = regions
        top = max((r["ZOrder"] for r in regions), default=-1) + 1
        return layout, top
    if lp.max_resolution_user_id:
        layout["MaxVideoUser"] = {
            "UserMediaStream": {"UserInfo": {"UserId": lp.max_resolution_user_id}, "StreamType": lp.eff("media_id")}
        }
    layout["PureAudioHoldPlaceMode"] = 0 if lp.pure_audio_disable_layout else 1
    if lp.render_mode is not None:
        layout["RenderMode"] = RENDER_MODE.get(lp.render_mode, 0)
    if lp.eff("max_resolution_user_align") == 1:
        out.note(
            KIND,
            "align",
            "MixLayoutParams.MaxResolutionUserAlign",
            "the large picture on the right is lost: the mixing API's screen-sharing template has it on the left",
            sdk("LayoutParams.MainVideoRightAlign"),
        )
    return layout, 1


def _watermarks(out: Sections, lp: MixLayoutParams, top: int) -> list[dict[str, Any]]:
    marks = []
    for i, mark in enumerate(lp.water_mark_list or []):
        path = f"MixLayoutParams.WaterMarkList[{i}]"
        kind = mark.eff("water_mark_type")
        if kind == 0 and mark.water_mark_image is not None:
            image = mark.water_mark_image
            marks.append(
                {
                    "WaterMarkType": 0,
                    "WaterMarkImage": {
                        "WaterMarkUrl": image.water_mark_url,
                        "WaterMarkWidth": image.width,
                        "WaterMarkHeight": image.height,
                        "LocationX": image.left or 0,
                        "LocationY": image.top or 0,
                        "ZOrder": top,
                    },
                }
            )
        elif kind == 1 and mark.water_mark_char is not None:
            char = mark.water_mark_char
            text = {
                "Text": char.chars,
                "WaterMarkWidth": char.width,
                "WaterMarkHeight": char.height,
                "LocationX": char.left or 0,
                "LocationY": char.top or 0,
                "FontSize": char.eff("font_size"),
                "FontColor": _color(out, char.font_color, f"{path}.WaterMarkChar.FontColor"),
                "BackGroundColor": _color(out, char.back_ground_color, f"{path}.WaterMarkChar.BackGroundColor"),
                "ZOrder": top,
                "Font": char.font,
            }
            marks.append({"WaterMarkType": 1, "WaterMarkText": {k: v for k, v in text.items() if v is not None}})
        else:
            out.note(
                KIND,
                "watermark",
                path,
                f"watermark {i} (WaterMarkType {kind}) is lost: the mixing API has image and text watermarks only",
                sdk("WaterMark.WaterMarkTimestamp"),
            )
    return marks


def _audio_lists(out: Sections, ids: SubscribeStreamUserIds | None) -> dict[str, Any]:
    if ids is None:
        return {}
    lists: dict[str, Any] = {}
    for attr, name in (
        ("subscribe_audio_user_ids", "SubscribeAudioList"),
        ("un_subscribe_audio_user_ids", "UnSubscribeAudioList"),
    ):
        users = getattr(ids, attr) or []
        plain = [u for u in users if not u.endswith(".*$")]
        if len(plain) < len(users):
            out.note(
                KIND,
                "prefix",
                "RecordParams.SubscribeStreamUserIds",
                "UserId prefixes (.*$) are lost: the mixing API lists users by UserId",
                sdk("SubscribeStreamUserIds"),
            )
        if plain:
            lists[name] = [{"UserInfo": {"UserId": u}} for u in plain]
    if ids.subscribe_video_user_ids or ids.un_subscribe_video_user_ids:
        out.note(
            KIND,
            "video-lists",
            "RecordParams.SubscribeStreamUserIds",
            "the video allowlist or blocklist is lost: the mixing API shows whom the layout names",
            sdk("SubscribeStreamUserIds"),
        )
    return lists


def sections(body: dict[str, Any]) -> Sections:
    """The preset sections of a CreateCloudRecording or ModifyCloudRecording ``body`` (see the module docstring)."""
    modify = "TaskId" in body
    action = "ModifyCloudRecording" if modify else "CreateCloudRecording"
    out = Sections(action)
    root = parsed(ModifyCloudRecordingRequest if modify else CreateCloudRecordingRequest, body, action)
    record = None if modify else root.record_params
    if record is not None and record.record_mode == 1:
        from ..errors import LayoutStudioError

        raise LayoutStudioError("this is a single-stream recording (RecordMode 1): it has no layout to import")
    lp = root.mix_layout_params or MixLayoutParams()
    layout, top = _layout(out, lp)
    video: dict[str, Any] = {"LayoutParams": layout}
    audio: dict[str, Any] = {}
    if not modify:
        encode, audio_encode = _encode(out, root)
        video = {"VideoEncode": encode, **video}
        if audio_encode:
            audio["AudioEncode"] = audio_encode
    color = _color(out, lp.back_ground_color, "MixLayoutParams.BackGroundColor")
    if color is not None:
        video["BackGroundColor"] = color
    if lp.background_image_url:
        video["BackgroundImageUrl"] = lp.background_image_url
        video["BackgroundRenderMode"] = CANVAS_IMAGE_MODE.get(lp.eff("background_image_render_mode"), 0)
    marks = _watermarks(out, lp, top)
    if marks:
        video["WaterMarkList"] = marks
    ids = root.subscribe_stream_user_ids if modify else (record.subscribe_stream_user_ids if record else None)
    audio.update(_audio_lists(out, ids))
    out.sections["VideoParams"] = video
    if audio:
        out.sections["AudioParams"] = audio
    target: dict[str, Any] = {}
    if root.sdk_app_id is not None:
        target["SdkAppId"] = root.sdk_app_id
    if not modify and root.room_id is not None:
        target["RoomId"] = root.room_id
    if not modify and (root.room_id is not None or root.room_id_type is not None):
        target["RoomIdType"] = 1 if root.eff("room_id_type") == 0 else 0
    if record is not None and record.max_idle_time is not None:
        target["AgentParams"] = {"MaxIdleTime": record.max_idle_time}
    if target:
        out.sections["Target"] = target
    out.left_out = [name for name in TASK_FIELDS if name in body]
    if record is not None:
        extra = [
            f"RecordParams.{k}"
            for k in record.to_api()
            if k not in ("RecordMode", "MaxIdleTime", "SubscribeStreamUserIds")
        ]
        out.left_out += extra
    return out
