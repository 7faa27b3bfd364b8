"""The JSON Schema (draft 2020-12) of the preset file, generated from the pydantic models.

Editors use it to complete and check presets: every bundled preset names it in ``"$schema"``
(``schema/preset.schema.json``). The committed copy, ``presets/schema/preset.schema.json`` (shipped with the bundled
presets, :mod:`layout_studio.bundled`), is regenerated with
``layout-studio schema -o presets/schema/preset.schema.json``; a test fails when it is stale.

Differences from pydantic's own output, on purpose:

* ``additionalProperties: false`` on every object, so an editor flags a typo such as ``LocationZ`` (the loader
  itself keeps unknown keys and the validator reports them as ``schema.unknown-field`` findings);
* ``"Format"`` is required (a file without it is read as a request body, not a preset); every API field is
  optional, as in the API;
* optional fields are typed as their value type, not "or null" (an absent key is how the API says "not set");
* each field carries a description (English summary of the SDK docstring / manual 001 Data Types entry, with units
  and documented defaults); ranges stay in the validator, which can explain them (this schema checks types only).
"""

from __future__ import annotations

import json
from typing import Any

from .model import Preset

DRAFT = "https://json-schema.org/draft/2020-12/schema"
TITLE = "Layout Studio preset (layout-studio/preset@1)"
DESCRIPTION = (
    "A reusable TRTC cloud-mixing (MCU) design in the API's own shape (StartPublishCdnStream, "
    "version 2019-07-22): VideoParams, AudioParams, SeiParams, and an optional Target without secrets."
)

_COLOR = "Colour as 0xRRGGBB, e.g. 0x000000 black, 0xFFFFFF white."
_URL = (
    "URL of a PNG/JPEG image (at most 2K resolution and 5 MB), reachable by the MCU within 10 s; characters "
    "limited to 0-9 a-z A-Z - . _ ~ : / ? # [ ] @ ! & ( ) * + , % = ; |."
)

#: Field descriptions, by API type and field name (sources: SDK models.py docstrings; manual 001 Data Types).
FIELD_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "Preset": {
        "$schema": "The JSON Schema of this file (for editors).",
        "Format": "File format and version; always layout-studio/preset@1.",
        "Name": "Short name of the design, shown in lists.",
        "Description": "What the design is for.",
        "VideoParams": "Video of the mix: canvas (VideoEncode), layout, background, watermarks (McuVideoParams).",
        "AudioParams": "Audio of the mix: encoding and the allow/block lists (McuAudioParams).",
        "SeiParams": "SEI inserted in the mixed stream: volume layout and pass-through (McuSeiParams).",
        "Target": "Optional: what ties the design to a task (never secrets such as UserSig).",
    },
    "Target": {
        "Region": "API region, sent as a request header: ap-guangzhou, ap-hongkong or ap-singapore.",
        "SdkAppId": "SDKAppID of the TRTC application of the room.",
        "RoomId": "Main room: RoomId of the TRTC room whose streams are mixed (a string, also for integer rooms).",
        "RoomIdType": "0 integer room number, 1 string room id; must match the room.",
        "AgentParams": "The robot the task puts in the room (UserId, MaxIdleTime; UserSig is never stored).",
        "WithTranscoding": "1 mix and transcode (required for any layout), 0 relay one stream as is.",
        "PublishCdnParams": "CDN destinations (rtmp URLs), at most 10; this or FeedBackRoomParams is required.",
        "FeedBackRoomParams": "Rooms the mix is published back into, at most 10 (UserSig is never stored).",
        "SingleSubscribeParams": "The one user stream relayed when WithTranscoding is 0.",
        "RecordParams": "Recording of the relayed stream (McuRecordParams).",
    },
    "McuVideoParams": {
        "VideoEncode": "Output encoding and the canvas size.",
        "LayoutParams": "Layout of the mix: dynamic template or custom MixLayoutList.",
        "BackGroundColor": "Canvas background colour. " + _COLOR,
        "BackgroundImageUrl": "Canvas background image; wins over BackGroundColor. " + _URL,
        "WaterMarkList": "Image and text watermarks.",
        "BackgroundRenderMode": "Canvas background image: 0 crop, 1 fit on black, 2 stretch (default).",
    },
    "VideoEncode": {
        "Width": "Canvas width in pixels, 0..1920; required for video output.",
        "Height": "Canvas height in pixels, 0..1920 (SDK; manual 001 says 0..1080); required for video output.",
        "Fps": "Output frame rate, 1..60 frames per second.",
        "BitRate": "Output video bit rate, 1..10000 kbps.",
        "Gop": "Output key-frame interval, 1..5 seconds.",
    },
    "McuLayoutParams": {
        "MixLayoutMode": "1 floating (default), 2 screen sharing, 3 grid (dynamic templates); 4 custom "
        "(MixLayoutList). At most 16 inputs are mixed.",
        "PureAudioHoldPlaceMode": "Dynamic templates only: 1 an audio-only user takes a place, 0 not (default).",
        "MixLayoutList": "Custom layout (MixLayoutMode 4): the regions, at most 16.",
        "MaxVideoUser": "Dynamic floating/screen-sharing templates only: the user shown large.",
        "RenderMode": "Dynamic templates: 0 crop (default), 1 fit, 2 fit on black.",
        "EnableStreamSEI": "Dynamic templates only: 1 keep the users' own SEI (default), 0 drop it.",
    },
    "McuLayout": {
        "UserMediaStream": "The user shown here; absent fills the region with the next user by entering order.",
        "ImageWidth": "Region width in canvas pixels (default 0); LocationX + ImageWidth <= canvas width.",
        "ImageHeight": "Region height in canvas pixels (default 0); LocationY + ImageHeight <= canvas height.",
        "LocationX": "Left edge of the region in canvas pixels (default 0).",
        "LocationY": "Top edge of the region in canvas pixels (default 0).",
        "ZOrder": "Stacking level (default 0): higher is drawn on top; equal levels that overlap are undefined.",
        "RenderMode": "0 crop to fill (default), 1 fit showing the region background, 2 fit on black.",
        "BackGroundColor": "Documented as not supported (see BackGroundColorMode). " + _COLOR,
        "BackgroundImageUrl": "Placeholder shown while the user is absent or audio-only. " + _URL,
        "CustomCrop": "Crop of the source frame (source pixels) before it is scaled into the region.",
        "BackgroundRenderMode": "Placeholder: 0 crop, 1 fit with background, 2 fit on black, 3 stretch (default), "
        "4 custom (needs BackgroundCustomRender).",
        "TransparentUrl": "PNG whose alpha channel masks the region (rounded corners, shapes); RenderMode 0 only.",
        "BackgroundCustomRender": "Placeholder size and corner radius for BackgroundRenderMode 4.",
        "BackGroundColorMode": "Bit 0: use BackGroundColor when scaling the placeholder; bit 1: when scaling the "
        "stream (default 0, neither).",
        "EnableStreamSEI": "1 keep this user's own SEI (default), 0 drop it.",
    },
    "McuCustomCrop": {
        "LocationX": "Crop left edge in source pixels, >= 0.",
        "LocationY": "Crop top edge in source pixels, >= 0.",
        "Width": "Crop width in source pixels, > 0; LocationX + Width <= 10000.",
        "Height": "Crop height in source pixels, > 0; LocationY + Height <= 10000.",
    },
    "McuBackgroundCustomRender": {
        "Width": "Placeholder width in pixels, 0 < Width <= region ImageWidth.",
        "Height": "Placeholder height in pixels, 0 < Height <= region ImageHeight.",
        "Radius": "Corner radius in pixels, 0 (default) .. min(Width, Height) / 2.",
    },
    "UserMediaStream": {
        "UserInfo": "The TRTC user.",
        "StreamType": "0 camera (default), 1 screen sharing.",
    },
    "MixUserInfo": {
        "UserId": "TRTC UserId.",
        "RoomId": "Room of the user (a string); default the main room; in dynamic layouts it must be the main room.",
        "RoomIdType": "0 integer room number, 1 string room id.",
    },
    "MaxVideoUser": {"UserMediaStream": "The user shown large."},
    "McuWaterMarkParams": {
        "WaterMarkType": "0 image (default, WaterMarkImage), 1 text (WaterMarkText).",
        "WaterMarkImage": "The image watermark (WaterMarkType 0).",
        "WaterMarkText": "The text watermark (WaterMarkType 1).",
    },
    "McuWaterMarkImage": {
        "WaterMarkUrl": "The watermark image. " + _URL,
        "WaterMarkWidth": "Drawn width in canvas pixels.",
        "WaterMarkHeight": "Drawn height in canvas pixels.",
        "LocationX": "Left edge in canvas pixels.",
        "LocationY": "Top edge in canvas pixels.",
        "ZOrder": "Stacking level (default 0); must be above the regions it covers to be seen.",
        "DynamicPosType": "0 fixed (default), 1 random position every second, 2 bouncing along the edges.",
    },
    "McuWaterMarkText": {
        "Text": "The text.",
        "WaterMarkWidth": "Box width in canvas pixels.",
        "WaterMarkHeight": "Box height in canvas pixels.",
        "LocationX": "Left edge in canvas pixels.",
        "LocationY": "Top edge in canvas pixels.",
        "FontSize": "Font size in pixels.",
        "FontColor": "Text colour (default white). " + _COLOR,
        "BackGroundColor": "Box colour (default transparent). " + _COLOR,
        "DynamicPosType": "0 fixed (default), 1 random position every second, 2 bouncing along the edges.",
        "ZOrder": "Stacking level (default 0).",
        "Font": "Tencent (default) or SourceHanSans.",
    },
    "McuAudioParams": {
        "AudioEncode": "Output audio encoding; cannot change on update.",
        "SubscribeAudioList": "Allowlist: only these users are heard (absent or empty: everyone). Cross-room "
        "mixing needs one, or PK users are heard twice.",
        "UnSubscribeAudioList": "Blocklist: these users are not heard (wins over the allowlist).",
    },
    "AudioEncode": {
        "SampleRate": "Sample rate in Hz: 48000, 44100, 32000, 24000, 16000 or 8000.",
        "Channel": "1 mono, 2 stereo.",
        "BitRate": "Audio bit rate, 8..500 kbps.",
        "Codec": "0 LC-AAC (default), 1 HE-AAC, 2 HE-AACv2 (stereo only); HE-AAC needs 16000..48000 Hz.",
    },
    "McuUserInfoParams": {
        "UserInfo": "The TRTC user.",
        "SoundLevel": "Volume 0..100 (default 100, as sent); allowlist only.",
    },
    "McuSeiParams": {
        "LayoutVolume": "Volume-layout SEI (an empty object sends the default).",
        "PassThrough": "Pass-through SEI with your own payload.",
    },
    "McuLayoutVolume": {
        "AppData": "Written to the SEI's app_data; shorter than 4096 characters.",
        "PayloadType": "SEI payload_type 100..254 except 244 (default 100).",
        "Interval": "Sending interval in milliseconds (default 1000).",
        "FollowIdr": "1 every key frame carries the SEI, 0 not guaranteed (default).",
    },
    "McuPassThrough": {
        "PayloadContent": "The SEI payload.",
        "PayloadType": "SEI payload_type 5 or 100..254 except 244.",
        "PayloadUuid": "32 hex digits; required when PayloadType is 5, ignored otherwise.",
        "Interval": "Sending interval in milliseconds (default 1000).",
        "FollowIdr": "1 every key frame carries the SEI, 0 not guaranteed (default).",
    },
    "AgentParams": {
        "UserId": "UserId of the robot; unique in the room.",
        "UserSig": "Signature of the robot's UserId: a secret, never stored in a preset.",
        "MaxIdleTime": "Seconds, 5..86400 (default 30): the task stops when no mixed user is left that long.",
    },
    "McuPublishCdnParam": {
        "PublishCdnUrl": "rtmp:// push URL; any change on update cuts and restarts the stream.",
        "IsTencentCdn": "1 Tencent CDN (default), 0 a third-party CDN (billed).",
    },
    "McuFeedBackRoomParams": {
        "RoomId": "Room the mix is published into.",
        "RoomIdType": "0 integer room number, 1 string room id.",
        "UserId": "UserId that publishes the mix there; unique in the room.",
        "UserSig": "Signature of that UserId: a secret, never stored in a preset.",
    },
    "SingleSubscribeParams": {"UserMediaStream": "The user stream relayed without transcoding."},
    "McuRecordParams": {
        "UniRecord": "1 no recording, 2 record with the console template, 3 record with these parameters.",
        "RecordKey": "Joins several tasks into one recording; at most 128 bytes of A-Z a-z 0-9 _ -.",
        "RecordWaitTime": "UniRecord 3: seconds to wait for the task to resume, 5..86400 (default 30).",
        "RecordFormat": 'UniRecord 3: any of "hls", "mp4", "aac" (mp4 and aac not together).',
        "MaxMediaFileDuration": "UniRecord 3: minutes per mp4/aac file, 1..1440 (default 1440).",
        "StreamType": "UniRecord 3: 0 audio and video, 1 audio only, 2 video only.",
        "UserDefineRecordPrefix": "File name prefix (VOD only); at most 64 bytes of A-Z a-z 0-9 _ -.",
        "McuStorageParams": "UniRecord 3: where files go (exactly one of CloudStorage, McuCloudVod).",
    },
    "McuStorageParams": {
        "CloudStorage": "Third-party object storage (COS or AWS).",
        "McuCloudVod": "Tencent Cloud VOD.",
    },
    "CloudStorage": {
        "Vendor": "0 Tencent COS, 1 AWS S3.",
        "Region": "Storage region.",
        "Bucket": "Bucket name.",
        "AccessKey": "Access key id of the storage account.",
        "SecretKey": "Secret key of the storage account: a secret, never stored in a preset.",
        "FileNamePrefix": "Path prefix of the files, as a list of path parts.",
    },
    "McuCloudVod": {"McuTencentVod": "Tencent VOD upload options."},
    "McuTencentVod": {
        "Procedure": "Task flow template to run after upload.",
        "ExpireTime": "Seconds until the media expires; 0 keeps it forever (default).",
        "StorageRegion": "Upload region, when it matters.",
        "ClassId": "Media category id (default 0, other).",
        "SubAppId": "VOD sub-application id.",
        "SessionContext": "Passed through to the task-flow callback.",
        "SourceContext": "Passed through to the upload callback.",
    },
}


def preset_schema() -> dict[str, Any]:
    """The preset file's JSON Schema (draft 2020-12) as a dict; deterministic for a given model."""
    raw = Preset.model_json_schema(by_alias=True, mode="validation")
    defs = raw.pop("$defs", {})
    root = _tidy_object(raw, "Preset")
    out: dict[str, Any] = {"$schema": DRAFT, "title": TITLE, "description": DESCRIPTION}
    out.update((k, v) for k, v in root.items() if k not in ("title", "description"))
    out["required"] = ["Format"]  # without it the file is read as a request body, not a preset
    out["$defs"] = {name: _tidy_object(body, name) for name, body in sorted(defs.items())}
    return out


def schema_json() -> str:
    """:func:`preset_schema` as the committed file's text (2-space indent, sorted ``$defs``, trailing newline)."""
    return json.dumps(preset_schema(), indent=2, ensure_ascii=False) + "\n"


def _tidy_object(body: dict[str, Any], type_name: str) -> dict[str, Any]:
    out = {k: v for k, v in body.items() if k not in ("properties", "additionalProperties")}
    descriptions = FIELD_DESCRIPTIONS.get(type_name, {})
    props = {}
    for name, prop in body.get("properties", {}).items():
        prop = _tidy_property(prop)
        if name in descriptions:
            prop["description"] = descriptions[name]
        props[name] = prop
    out["properties"] = props
    out["additionalProperties"] = False
    return out


def _tidy_property(prop: dict[str, Any]) -> dict[str, Any]:
    prop = dict(prop)
    variants = prop.pop("anyOf", None)
    if variants is not None:
        kept = [v for v in variants if v != {"type": "null"}]
        if len(kept) == 1:
            prop.update(kept[0])
        else:
            prop["anyOf"] = kept
    if prop.get("default", 0) is None:
        del prop["default"]
    prop.pop("title", None)
    if prop.get("type") == "array" and isinstance(prop.get("items"), dict):
        prop["items"] = _tidy_property(prop["items"])
    return prop
