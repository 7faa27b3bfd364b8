"""One row per rule (several for some): a body that breaks it and the exact path of the finding expected.

Each row starts from a reference example that is clean for that code, applies edits at API paths, validates and
expects a finding with the rule's code, severity and path. ``test_every_rule_is_exercised`` checks the table
names every registered code.
"""

from __future__ import annotations

import pytest

from layout_studio.findings import Severity
from layout_studio.rules import RULES
from layout_studio.sources import is_public_citation
from layout_studio.validation import validate

from .bodies import DELETE, base, edit

R = "VideoParams.LayoutParams.MixLayoutList"
LP = "VideoParams.LayoutParams"
W0 = "VideoParams.WaterMarkList[0]"
W1 = "VideoParams.WaterMarkList[1]"
AE = "AudioParams.AudioEncode"
VE = "VideoParams.VideoEncode"
U0 = {"UserInfo": {"UserId": "Trtc_User_0", "RoomId": "295066", "RoomIdType": 0}}
TEXT = {
    "WaterMarkType": 1,
    "WaterMarkText": {
        "Text": "LIVE",
        "WaterMarkWidth": 100,
        "WaterMarkHeight": 30,
        "LocationX": 1100,
        "LocationY": 20,
        "FontSize": 20,
        "ZOrder": 5,
    },
}
PT = "SeiParams.PassThrough"
CDN = {"PublishCdnUrl": "rtmp://push.example.com/live/s", "IsTencentCdn": 1}
FEEDBACK = {"RoomId": "630777", "RoomIdType": 0, "UserId": "robot_back", "UserSig": "sig"}
ENCODE = {"Width": 1280, "Height": 720, "Fps": 15, "BitRate": 1536, "Gop": 2}
COS = {
    "Vendor": 0,
    "Region": "ap-guangzhou",
    "Bucket": "rec-1250000000",
    "AccessKey": "AKIDexample",
    "SecretKey": "storage-secret",
}


def region(uid: str, x: int, y: int, w: int, h: int, z: int = 0) -> dict:
    return {
        "UserMediaStream": {"UserInfo": {"UserId": uid, "RoomId": "295066", "RoomIdType": 0}},
        "LocationX": x,
        "LocationY": y,
        "ImageWidth": w,
        "ImageHeight": h,
        "ZOrder": z,
    }


def cos_without(key: str) -> dict:
    """A complete CloudStorage without ``key``."""
    return {k: v for k, v in COS.items() if k != key}


def user(uid: str, **extra) -> dict:
    return {"UserInfo": {"UserId": uid, "RoomId": "295066", "RoomIdType": 0}, **extra}


# (code, base body, edits [(path, value)], expected path, validate options)
CASES = [
    (
        "audio.codec.he-aac-sample-rate",
        "start-1",
        [(f"{AE}.Codec", 1), (f"{AE}.SampleRate", 8000)],
        f"{AE}.SampleRate",
        {},
    ),
    ("audio.codec.he-aacv2-mono", "start-1", [(f"{AE}.Codec", 2), (f"{AE}.Channel", 1)], f"{AE}.Channel", {}),
    ("audio.encode.bitrate-range", "start-1", [(f"{AE}.BitRate", 501)], f"{AE}.BitRate", {}),
    ("audio.encode.bitrate-range", "start-1", [(f"{AE}.BitRate", 7)], f"{AE}.BitRate", {}),
    ("audio.encode.channel", "start-1", [(f"{AE}.Channel", 3)], f"{AE}.Channel", {}),
    ("audio.encode.codec", "start-1", [(f"{AE}.Codec", 3)], f"{AE}.Codec", {}),
    ("audio.encode.required", "start-1", [(f"{AE}.SampleRate", DELETE)], f"{AE}.SampleRate", {}),
    ("audio.encode.sample-rate", "start-1", [(f"{AE}.SampleRate", 22050)], f"{AE}.SampleRate", {}),
    (
        "audio.list.duplicate",
        "start-1",
        [("AudioParams.SubscribeAudioList", [user("a"), user("a")])],
        "AudioParams.SubscribeAudioList[1].UserInfo.UserId",
        {},
    ),
    (
        "audio.list.in-both",
        "start-1",
        [("AudioParams.SubscribeAudioList", [user("a")]), ("AudioParams.UnSubscribeAudioList", [user("a")])],
        "AudioParams.UnSubscribeAudioList[0].UserInfo.UserId",
        {},
    ),
    (
        "audio.list.room-mismatch",
        "start-1",
        [("AudioParams.SubscribeAudioList", [{"UserInfo": {"UserId": "Trtc_User_1", "RoomId": "630777"}}])],
        "AudioParams.SubscribeAudioList[0].UserInfo.RoomId",
        {},
    ),
    (
        "audio.list.room-mismatch",
        "start-1",
        [("AudioParams.UnSubscribeAudioList", [{"UserInfo": {"UserId": "Trtc_User_0", "RoomId": "630777"}}])],
        "AudioParams.UnSubscribeAudioList[0].UserInfo.RoomId",
        {},
    ),
    (
        "audio.list.update-pair",
        "update-2",
        [("AudioParams.UnSubscribeAudioList", [user("b")])],
        "AudioParams.SubscribeAudioList",
        {},
    ),
    (
        "audio.list.user-missing",
        "start-1",
        [("AudioParams.SubscribeAudioList", [{}])],
        "AudioParams.SubscribeAudioList[0].UserInfo",
        {},
    ),
    (
        "audio.sound-level.ignored",
        "start-1",
        [("AudioParams.UnSubscribeAudioList", [user("b", SoundLevel=50)])],
        "AudioParams.UnSubscribeAudioList[0].SoundLevel",
        {},
    ),
    (
        "audio.sound-level.range",
        "start-1",
        [("AudioParams.SubscribeAudioList", [user("a", SoundLevel=101)])],
        "AudioParams.SubscribeAudioList[0].SoundLevel",
        {},
    ),
    (
        "cdn.is-tencent-cdn",
        "start-1",
        [("PublishCdnParams[0].IsTencentCdn", 2)],
        "PublishCdnParams[0].IsTencentCdn",
        {},
    ),
    (
        "cdn.is-tencent-cdn.implicit",
        "start-1",
        [("PublishCdnParams[0].IsTencentCdn", DELETE)],
        "PublishCdnParams[0].IsTencentCdn",
        {},
    ),
    ("cdn.url.duplicate", "start-1", [("PublishCdnParams", [CDN, CDN])], "PublishCdnParams[1].PublishCdnUrl", {}),
    (
        "cdn.url.missing",
        "start-1",
        [("PublishCdnParams[0].PublishCdnUrl", DELETE)],
        "PublishCdnParams[0].PublishCdnUrl",
        {},
    ),
    (
        "cdn.url.rtmp-only",
        "start-1",
        [("PublishCdnParams[0].PublishCdnUrl", "https://cdn.example.com/live/a.flv")],
        "PublishCdnParams[0].PublishCdnUrl",
        {},
    ),
    ("color.format", "start-1", [("VideoParams.BackGroundColor", "#FF0000")], "VideoParams.BackGroundColor", {}),
    (
        "color.format",
        "start-1",
        [(W1, TEXT), (f"{W1}.WaterMarkText.FontColor", "white")],
        f"{W1}.WaterMarkText.FontColor",
        {},
    ),
    (
        "feedback.field.missing",
        "start-5",
        [("FeedBackRoomParams[0].UserId", DELETE)],
        "FeedBackRoomParams[0].UserId",
        {},
    ),
    ("feedback.field.missing", "start-5", [("FeedBackRoomParams[0].RoomId", "")], "FeedBackRoomParams[0].RoomId", {}),
    (
        "feedback.field.missing",
        "start-5",
        [("FeedBackRoomParams[0].UserSig", DELETE)],
        "FeedBackRoomParams[0].UserSig",
        {},
    ),
    (
        "feedback.room-id-type",
        "start-5",
        [("FeedBackRoomParams[0].RoomIdType", 2)],
        "FeedBackRoomParams[0].RoomIdType",
        {},
    ),
    (
        "layout.background-custom-render.missing",
        "start-1",
        [(f"{R}[0].BackgroundRenderMode", 4)],
        f"{R}[0].BackgroundCustomRender",
        {},
    ),
    (
        "layout.background-custom-render.range",
        "start-1",
        [(f"{R}[0].BackgroundRenderMode", 4), (f"{R}[0].BackgroundCustomRender", {"Width": 700, "Height": 100})],
        f"{R}[0].BackgroundCustomRender.Width",
        {},
    ),
    (
        "layout.background-custom-render.range",
        "start-1",
        [
            (f"{R}[0].BackgroundRenderMode", 4),
            (f"{R}[0].BackgroundCustomRender", {"Width": 100, "Height": 60, "Radius": 31}),
        ],
        f"{R}[0].BackgroundCustomRender.Radius",
        {},
    ),
    ("layout.canvas.unchecked", "update-1", [], "VideoParams", {}),
    (
        "layout.custom-crop.range",
        "start-1",
        [(f"{R}[0].CustomCrop", {"LocationX": 9000, "LocationY": 0, "Width": 2000, "Height": 10})],
        f"{R}[0].CustomCrop.Width",
        {},
    ),
    (
        "layout.custom-crop.range",
        "start-1",
        [(f"{R}[0].CustomCrop", {"LocationX": -1, "LocationY": 0, "Width": 20, "Height": 10})],
        f"{R}[0].CustomCrop.LocationX",
        {},
    ),
    ("layout.dynamic-only.ignored", "start-1", [(f"{LP}.RenderMode", 1)], f"{LP}.RenderMode", {}),
    ("layout.enable-stream-sei", "start-1", [(f"{LP}.EnableStreamSEI", 2)], f"{LP}.EnableStreamSEI", {}),
    ("layout.inputs.too-many", "start-1", [(R, [region(f"u{i}", 0, 0, 10, 10, i) for i in range(17)])], f"{R}[16]", {}),
    (
        "layout.max-video-user.ignored",
        "start-1",
        [(f"{LP}.MaxVideoUser", {"UserMediaStream": U0})],
        f"{LP}.MaxVideoUser",
        {},
    ),
    ("layout.max-video-user.missing", "start-1", [(f"{LP}.MixLayoutMode", 2), (R, DELETE)], f"{LP}.MaxVideoUser", {}),
    (
        "layout.max-video-user.stream-missing",
        "start-1",
        [(f"{LP}.MixLayoutMode", 1), (R, DELETE), (f"{LP}.MaxVideoUser", {})],
        f"{LP}.MaxVideoUser",
        {},
    ),
    ("layout.mix-layout-list.empty", "start-1", [(R, [])], R, {}),
    ("layout.mix-layout-list.ignored", "start-1", [(f"{LP}.MixLayoutMode", 3)], R, {}),
    ("layout.mix-layout-mode", "start-1", [(f"{LP}.MixLayoutMode", 5)], f"{LP}.MixLayoutMode", {}),
    (
        "layout.pure-audio-hold-place-mode",
        "start-1",
        [(f"{LP}.PureAudioHoldPlaceMode", 2)],
        f"{LP}.PureAudioHoldPlaceMode",
        {},
    ),
    (
        "layout.pure-audio-hold-place.ignored",
        "start-1",
        [(f"{LP}.PureAudioHoldPlaceMode", 1)],
        f"{LP}.PureAudioHoldPlaceMode",
        {},
    ),
    (
        "layout.region.background-color-mode",
        "start-1",
        [(f"{R}[0].BackGroundColorMode", 4)],
        f"{R}[0].BackGroundColorMode",
        {},
    ),
    (
        "layout.region.background-color-unsupported",
        "start-1",
        [(f"{R}[0].BackGroundColor", "0x112233")],
        f"{R}[0].BackGroundColor",
        {},
    ),
    (
        "layout.region.background-render-mode",
        "start-1",
        [(f"{R}[0].BackgroundRenderMode", 5)],
        f"{R}[0].BackgroundRenderMode",
        {},
    ),
    ("layout.region.enable-stream-sei", "start-1", [(f"{R}[0].EnableStreamSEI", 3)], f"{R}[0].EnableStreamSEI", {}),
    (
        "layout.region.hidden",
        "start-1",
        [(f"{R}[0].ZOrder", 1), (f"{R}[2]", region("Trtc_User_2", 0, 0, 100, 100))],
        f"{R}[2].ZOrder",
        {},
    ),
    ("layout.region.outside-canvas", "start-1", [(f"{R}[1].LocationX", 700)], f"{R}[1].LocationX", {}),
    ("layout.region.outside-canvas", "start-1", [(f"{R}[1].LocationY", 800)], f"{R}[1].LocationY", {}),
    ("layout.region.outside-canvas", "start-1", [(f"{R}[0].LocationX", -10)], f"{R}[0].LocationX", {}),
    ("layout.region.outside-canvas", "update-1", [], f"{R}[1].LocationY", {"canvas": (1280, 720)}),
    ("layout.region.render-mode", "start-1", [(f"{R}[0].RenderMode", 3)], f"{R}[0].RenderMode", {}),
    (
        "layout.region.transparent-url-render-mode",
        "start-1",
        [(f"{R}[0].TransparentUrl", "https://img.example.com/round.png"), (f"{R}[0].RenderMode", 1)],
        f"{R}[0].TransparentUrl",
        {},
    ),
    ("layout.region.zero-size", "start-1", [(f"{R}[0].ImageWidth", 0)], f"{R}[0].ImageWidth", {}),
    ("layout.region.zero-size", "start-1", [(f"{R}[0].ImageHeight", DELETE)], f"{R}[0].ImageHeight", {}),
    ("layout.render-mode", "start-1", [(f"{LP}.RenderMode", 3)], f"{LP}.RenderMode", {}),
    ("layout.zorder.tie", "start-1", [(f"{R}[1].LocationX", 600)], f"{R}[0].ZOrder", {}),
    ("preset.secret", "preset:start-1", [("Target.AgentParams.UserSig", "eJwFAKE")], "AgentParams.UserSig", {}),
    (
        "preset.secret",
        "preset:start-1",
        [("Target.PublishCdnParams", [{**CDN, "PublishCdnUrl": CDN["PublishCdnUrl"] + "?txSecret=abc&txTime=5F"}])],
        "PublishCdnParams[0].PublishCdnUrl (txSecret)",
        {},
    ),
    (
        "record.cloud-storage.vendor",
        "start-1",
        [("RecordParams", {"UniRecord": 3, "McuStorageParams": {"CloudStorage": {"Vendor": 2}}})],
        "RecordParams.McuStorageParams.CloudStorage.Vendor",
        {},
    ),
    (
        "record.cloud-storage.field-missing",
        "start-1",
        [("RecordParams", {"UniRecord": 3, "McuStorageParams": {"CloudStorage": cos_without("SecretKey")}})],
        "RecordParams.McuStorageParams.CloudStorage.SecretKey",
        {},
    ),
    (
        "record.cloud-storage.field-missing",
        "preset:start-1",
        [("Target.RecordParams", {"UniRecord": 3, "McuStorageParams": {"CloudStorage": cos_without("Bucket")}})],
        "RecordParams.McuStorageParams.CloudStorage.Bucket",
        {},
    ),
    (
        "record.storage.empty",
        "start-1",
        [("RecordParams", {"UniRecord": 3, "McuStorageParams": {}})],
        "RecordParams.McuStorageParams",
        {},
    ),
    (
        "record.format",
        "start-1",
        [("RecordParams", {"UniRecord": 3, "RecordFormat": ["mp4", "aac"]})],
        "RecordParams.RecordFormat",
        {},
    ),
    (
        "record.format",
        "start-1",
        [("RecordParams", {"UniRecord": 3, "RecordFormat": ["flv"]})],
        "RecordParams.RecordFormat[0]",
        {},
    ),
    (
        "record.key.format",
        "start-1",
        [("RecordParams", {"UniRecord": 2, "RecordKey": "a b"})],
        "RecordParams.RecordKey",
        {},
    ),
    (
        "record.max-file-duration.range",
        "start-1",
        [("RecordParams", {"UniRecord": 3, "MaxMediaFileDuration": 0})],
        "RecordParams.MaxMediaFileDuration",
        {},
    ),
    (
        "record.params.ignored",
        "start-1",
        [("RecordParams", {"UniRecord": 2, "RecordWaitTime": 30})],
        "RecordParams.RecordWaitTime",
        {},
    ),
    (
        "record.prefix.format",
        "start-1",
        [("RecordParams", {"UniRecord": 2, "UserDefineRecordPrefix": "x" * 65})],
        "RecordParams.UserDefineRecordPrefix",
        {},
    ),
    (
        "record.storage.one",
        "start-1",
        [("RecordParams", {"UniRecord": 3, "McuStorageParams": {"CloudStorage": {"Vendor": 0}, "McuCloudVod": {}}})],
        "RecordParams.McuStorageParams",
        {},
    ),
    (
        "record.stream-type",
        "start-1",
        [("RecordParams", {"UniRecord": 3, "StreamType": 3})],
        "RecordParams.StreamType",
        {},
    ),
    ("record.uni-record", "start-1", [("RecordParams", {"UniRecord": 0})], "RecordParams.UniRecord", {}),
    ("record.uni-record.missing", "start-1", [("RecordParams", {"RecordKey": "abc"})], "RecordParams.UniRecord", {}),
    (
        "record.wait-time.range",
        "start-1",
        [("RecordParams", {"UniRecord": 3, "RecordWaitTime": 4})],
        "RecordParams.RecordWaitTime",
        {},
    ),
    (
        "room.dynamic-layout-main-room",
        "start-1",
        [
            (f"{LP}.MixLayoutMode", 1),
            (
                f"{LP}.MaxVideoUser",
                {"UserMediaStream": {"UserInfo": {"UserId": "u", "RoomId": "999", "RoomIdType": 0}}},
            ),
        ],
        f"{LP}.MaxVideoUser.UserMediaStream.UserInfo.RoomId",
        {},
    ),
    ("room.integer-room-digits", "start-1", [("RoomId", "room-a")], "RoomId", {}),
    (
        "room.integer-room-digits",
        "start-1",
        [(f"{R}[0].UserMediaStream.UserInfo.RoomId", "12a")],
        f"{R}[0].UserMediaStream.UserInfo.RoomId",
        {},
    ),
    (
        "room.room-id-type",
        "start-1",
        [(f"{R}[0].UserMediaStream.UserInfo.RoomIdType", 2)],
        f"{R}[0].UserMediaStream.UserInfo.RoomIdType",
        {},
    ),
    (
        "sei.app-data.too-long",
        "start-6",
        [("SeiParams.LayoutVolume.AppData", "x" * 4096)],
        "SeiParams.LayoutVolume.AppData",
        {},
    ),
    ("sei.interval.range", "start-6", [("SeiParams.LayoutVolume.Interval", 0)], "SeiParams.LayoutVolume.Interval", {}),
    (
        "sei.layout-volume.follow-idr",
        "start-6",
        [("SeiParams.LayoutVolume.FollowIdr", 2)],
        "SeiParams.LayoutVolume.FollowIdr",
        {},
    ),
    (
        "sei.layout-volume.payload-type",
        "start-6",
        [("SeiParams.LayoutVolume.PayloadType", 99)],
        "SeiParams.LayoutVolume.PayloadType",
        {},
    ),
    ("sei.pass-through.content-missing", "start-1", [(PT, {"PayloadType": 100})], f"{PT}.PayloadContent", {}),
    (
        "sei.pass-through.follow-idr",
        "start-1",
        [(PT, {"PayloadContent": "x", "PayloadType": 100, "FollowIdr": 5})],
        f"{PT}.FollowIdr",
        {},
    ),
    (
        "sei.pass-through.payload-type",
        "start-1",
        [(PT, {"PayloadContent": "x", "PayloadType": 6})],
        f"{PT}.PayloadType",
        {},
    ),
    ("sei.pass-through.payload-type", "start-1", [(PT, {"PayloadContent": "x"})], f"{PT}.PayloadType", {}),
    (
        "sei.pass-through.uuid-format",
        "start-1",
        [(PT, {"PayloadContent": "x", "PayloadType": 5, "PayloadUuid": "1234-abcd"})],
        f"{PT}.PayloadUuid",
        {},
    ),
    (
        "sei.pass-through.uuid-ignored",
        "start-1",
        [(PT, {"PayloadContent": "x", "PayloadType": 100, "PayloadUuid": "0" * 32})],
        f"{PT}.PayloadUuid",
        {},
    ),
    (
        "sei.pass-through.uuid-missing",
        "start-1",
        [(PT, {"PayloadContent": "x", "PayloadType": 5})],
        f"{PT}.PayloadUuid",
        {},
    ),
    (
        "sei.payload-type.reserved",
        "start-6",
        [("SeiParams.LayoutVolume.PayloadType", 244)],
        "SeiParams.LayoutVolume.PayloadType",
        {},
    ),
    (
        "sei.payload-type.reserved",
        "start-1",
        [(PT, {"PayloadContent": "x", "PayloadType": 244})],
        f"{PT}.PayloadType",
        {},
    ),
    ("sei.without-video", "start-2", [("SeiParams", {"LayoutVolume": {}})], "SeiParams", {}),
    ("task.agent.user-id-collision", "start-1", [("AgentParams.UserId", "Trtc_User_0")], "AgentParams.UserId", {}),
    (
        "task.agent.user-id-collision",
        "start-5",
        [("FeedBackRoomParams[0].UserId", "trtc_partner_test_1")],
        "FeedBackRoomParams[0].UserId",
        {},
    ),
    ("task.agent.user-id-missing", "start-1", [("AgentParams.UserId", DELETE)], "AgentParams.UserId", {}),
    (
        "task.agent.user-id-missing",
        "preset:start-1",
        [("Target.AgentParams", {"MaxIdleTime": 30})],
        "AgentParams.UserId",
        {"action": "start"},
    ),
    ("task.audio-params.missing", "start-1", [("AudioParams", DELETE)], "AudioParams", {}),
    (
        "task.cdn.too-many",
        "start-1",
        [("PublishCdnParams", [dict(CDN, PublishCdnUrl=f"rtmp://h/live/{i}") for i in range(11)])],
        "PublishCdnParams[10]",
        {},
    ),
    (
        "task.cross-room.no-allowlist",
        "start-7",
        [("AudioParams.SubscribeAudioList", DELETE)],
        "AudioParams.SubscribeAudioList",
        {},
    ),
    ("task.destination.missing", "start-1", [("PublishCdnParams", DELETE)], "PublishCdnParams", {}),
    (
        "task.feedback.too-many",
        "start-5",
        [("FeedBackRoomParams", [dict(FEEDBACK, UserId=f"r{i}") for i in range(11)])],
        "FeedBackRoomParams[10]",
        {},
    ),
    ("task.field.missing", "start-1", [("SdkAppId", DELETE)], "SdkAppId", {}),
    ("task.field.missing", "start-1", [("RoomId", ""), ("RoomIdType", 1)], "RoomId", {}),
    ("task.field.missing", "preset:start-1", [("Target.RoomIdType", DELETE)], "RoomIdType", {"action": "start"}),
    (
        "task.inputs.too-many",
        "start-1",
        [("AudioParams.SubscribeAudioList", [user(f"a{i}") for i in range(17)])],
        "AudioParams.SubscribeAudioList",
        {},
    ),
    ("task.max-idle-time.range", "start-1", [("AgentParams.MaxIdleTime", 4)], "AgentParams.MaxIdleTime", {}),
    (
        "task.max-idle-time.range",
        "preset:start-1",
        [("Target.AgentParams.MaxIdleTime", 86401)],
        "AgentParams.MaxIdleTime",
        {},
    ),
    ("task.region.sdk-app-id", "preset:start-1", [("Target.Region", "ap-singapore")], "Region", {}),
    ("task.region.unsupported", "preset:start-1", [("Target.Region", "ap-guangzou")], "Region", {}),
    ("task.room-id-type", "start-1", [("RoomIdType", 2)], "RoomIdType", {}),
    (
        "task.single-subscribe.user-missing",
        "start-3",
        [("SingleSubscribeParams.UserMediaStream.UserInfo", DELETE)],
        "SingleSubscribeParams.UserMediaStream.UserInfo",
        {},
    ),
    (
        "task.user.duplicate-region",
        "start-1",
        [(f"{R}[1].UserMediaStream.UserInfo.UserId", "Trtc_User_0")],
        f"{R}[1].UserMediaStream.UserInfo.UserId",
        {},
    ),
    ("task.with-transcoding", "start-1", [("WithTranscoding", 2)], "WithTranscoding", {}),
    ("task.with-transcoding.mixing", "start-1", [("WithTranscoding", 0)], "WithTranscoding", {}),
    ("task.with-transcoding.mixing", "start-2", [("WithTranscoding", 0)], "WithTranscoding", {}),
    ("task.with-transcoding.single", "start-3", [("WithTranscoding", 1)], "WithTranscoding", {}),
    (
        "update.audio-encode.immutable",
        "update-1",
        [("AudioParams.AudioEncode", {"SampleRate": 48000, "Channel": 2, "BitRate": 64})],
        "AudioParams.AudioEncode",
        {},
    ),
    ("update.cdn-url.restarts", "update-2", [], "PublishCdnParams", {}),
    ("update.field.missing", "update-2", [("WithTranscoding", DELETE)], "WithTranscoding", {}),
    ("update.media-type.fixed", "update-1", [(VE, ENCODE)], VE, {}),
    ("update.sequence-number.missing", "update-2", [("SequenceNumber", DELETE)], "SequenceNumber", {}),
    ("update.sequence-number.range", "update-2", [("SequenceNumber", 0)], "SequenceNumber", {}),
    ("value.integer.64-bit", "update-2", [("SequenceNumber", 2**64)], "SequenceNumber", {}),
    ("value.integer.64-bit", "start-1", [("SdkAppId", -(2**63) - 1)], "SdkAppId", {}),
    ("update.task-id.missing", "update-2", [("TaskId", "")], "TaskId", {}),
    ("update.task-id.missing", "update-2", [("TaskId", DELETE)], "TaskId", {"action": "update"}),
    ("update.video-params.relay", "update-1", [("WithTranscoding", 0)], "VideoParams", {}),
    (
        "url.charset",
        "start-1",
        [(f"{W0}.WaterMarkImage.WaterMarkUrl", "https://img.example.com/logo 1.png")],
        f"{W0}.WaterMarkImage.WaterMarkUrl",
        {},
    ),
    (
        "url.charset",
        "start-1",
        [("VideoParams.BackgroundImageUrl", "https://img.example.com/背景.jpg")],
        "VideoParams.BackgroundImageUrl",
        {},
    ),
    ("url.empty", "start-1", [(f"{W0}.WaterMarkImage.WaterMarkUrl", "")], f"{W0}.WaterMarkImage.WaterMarkUrl", {}),
    ("url.empty", "start-1", [(f"{W0}.WaterMarkImage.WaterMarkUrl", DELETE)], f"{W0}.WaterMarkImage.WaterMarkUrl", {}),
    (
        "url.format",
        "start-1",
        [(f"{W0}.WaterMarkImage.WaterMarkUrl", "https://img.example.com/logo.svg")],
        f"{W0}.WaterMarkImage.WaterMarkUrl",
        {},
    ),
    (
        "url.format",
        "start-1",
        [(f"{R}[0].TransparentUrl", "https://img.example.com/mask.jpg")],
        f"{R}[0].TransparentUrl",
        {},
    ),
    (
        "url.scheme",
        "start-1",
        [(f"{R}[0].BackgroundImageUrl", "ftp://img.example.com/away.png")],
        f"{R}[0].BackgroundImageUrl",
        {},
    ),
    (
        "user.stream-type",
        "start-1",
        [(f"{R}[0].UserMediaStream.StreamType", 2)],
        f"{R}[0].UserMediaStream.StreamType",
        {},
    ),
    (
        "user.media-stream.user-missing",
        "start-1",
        [(f"{R}[0].UserMediaStream.UserInfo", DELETE)],
        f"{R}[0].UserMediaStream",
        {},
    ),
    (
        "user.user-id.missing",
        "start-1",
        [(f"{R}[0].UserMediaStream.UserInfo.UserId", DELETE)],
        f"{R}[0].UserMediaStream.UserInfo.UserId",
        {},
    ),
    (
        "video.background-render-mode",
        "start-1",
        [("VideoParams.BackgroundRenderMode", 3)],
        "VideoParams.BackgroundRenderMode",
        {},
    ),
    ("video.encode.bitrate-range", "start-1", [(f"{VE}.BitRate", 10001)], f"{VE}.BitRate", {}),
    ("video.encode.fps-range", "start-1", [(f"{VE}.Fps", 61)], f"{VE}.Fps", {}),
    ("video.encode.gop-range", "start-1", [(f"{VE}.Gop", 6)], f"{VE}.Gop", {}),
    ("video.encode.height-range", "start-1", [(f"{VE}.Height", 1921)], f"{VE}.Height", {}),
    ("video.encode.manual-differs", "start-1", [(f"{VE}.Height", 1280)], f"{VE}.Height", {}),
    ("video.encode.manual-differs", "start-1", [(f"{VE}.Fps", 0)], f"{VE}.Fps", {}),
    ("video.encode.missing", "start-1", [(VE, DELETE)], VE, {}),
    ("video.encode.required", "start-1", [(f"{VE}.Gop", DELETE)], f"{VE}.Gop", {}),
    ("video.encode.width-range", "start-1", [(f"{VE}.Width", 1921)], f"{VE}.Width", {}),
    ("video.encode.width-range", "start-1", [(f"{VE}.Width", -1)], f"{VE}.Width", {}),
    ("watermark.body.ignored", "start-1", [(f"{W0}.WaterMarkText", TEXT["WaterMarkText"])], f"{W0}.WaterMarkText", {}),
    ("watermark.body.missing", "start-1", [(f"{W0}.WaterMarkType", 1)], f"{W0}.WaterMarkText", {}),
    (
        "watermark.image.dynamic-pos-type",
        "start-1",
        [(f"{W0}.WaterMarkImage.DynamicPosType", 3)],
        f"{W0}.WaterMarkImage.DynamicPosType",
        {},
    ),
    (
        "watermark.location.missing",
        "start-1",
        [(f"{W0}.WaterMarkImage.LocationY", DELETE)],
        f"{W0}.WaterMarkImage.LocationY",
        {},
    ),
    (
        "watermark.location.missing",
        "start-1",
        [(W1, TEXT), (f"{W1}.WaterMarkText.LocationX", DELETE)],
        f"{W1}.WaterMarkText.LocationX",
        {},
    ),
    (
        "watermark.outside-canvas",
        "start-1",
        [(f"{W0}.WaterMarkImage.LocationX", 1250)],
        f"{W0}.WaterMarkImage.LocationX",
        {},
    ),
    (
        "watermark.outside-canvas",
        "start-1",
        [(W1, TEXT), (f"{W1}.WaterMarkText.LocationY", 700)],
        f"{W1}.WaterMarkText.LocationY",
        {},
    ),
    (
        "watermark.text.blank",
        "start-1",
        [(W1, TEXT), (f"{W1}.WaterMarkText.Text", "  ")],
        f"{W1}.WaterMarkText.Text",
        {},
    ),
    (
        "watermark.text.dynamic-pos-type",
        "start-1",
        [(W1, TEXT), (f"{W1}.WaterMarkText.DynamicPosType", 3)],
        f"{W1}.WaterMarkText.DynamicPosType",
        {},
    ),
    (
        "watermark.text.font",
        "start-1",
        [(W1, TEXT), (f"{W1}.WaterMarkText.Font", "Arial")],
        f"{W1}.WaterMarkText.Font",
        {},
    ),
    (
        "watermark.text.overflow",
        "start-1",
        [(W1, TEXT), (f"{W1}.WaterMarkText.FontSize", 40), (f"{W1}.WaterMarkText.WaterMarkWidth", 60)],
        f"{W1}.WaterMarkText.FontSize",
        {},
    ),
    (
        "watermark.text.required",
        "start-1",
        [(W1, TEXT), (f"{W1}.WaterMarkText.FontSize", DELETE)],
        f"{W1}.WaterMarkText.FontSize",
        {},
    ),
    ("watermark.type", "start-1", [(f"{W0}.WaterMarkType", 2)], f"{W0}.WaterMarkType", {}),
    ("watermark.under-region", "start-1", [(f"{W0}.WaterMarkImage.ZOrder", 0)], f"{W0}.WaterMarkImage.ZOrder", {}),
    (
        "watermark.zero-size",
        "start-1",
        [(f"{W0}.WaterMarkImage.WaterMarkWidth", 0)],
        f"{W0}.WaterMarkImage.WaterMarkWidth",
        {},
    ),
]


def _id(case) -> str:
    return f"{case[0]}@{case[3]}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_rule_reports_the_broken_field(case):
    code, name, edits, path, options = case
    if edits:  # the unedited reference is the control: it must not break the rule
        before = validate(base(name), **options)
        assert not [f for f in before if f.code == code and f.path == path], "the base body must not break the rule"
    body = base(name)
    for where, value in edits:
        edit(body, where, value)
    findings = validate(body, **options)
    hits = [f for f in findings if f.code == code]
    assert [f.path for f in hits if f.path == path] == [path], [str(f) for f in findings]
    hit = next(f for f in hits if f.path == path)
    assert hit.severity is RULES[code].severity
    assert hit.message and hit.source


def test_every_rule_is_exercised():
    assert set(RULES) - {c[0] for c in CASES} == set()


def test_every_rule_has_a_dotted_code_a_source_and_a_docstring():
    for code, r in RULES.items():
        assert code == code.lower() and code.count(".") >= 1 and " " not in code, code
        assert r.source.strip(), code
        assert isinstance(r.severity, Severity)


def test_every_rule_cites_public_sources_in_the_house_forms():
    """``SDK models.McuLayout.RenderMode; Data Types McuLayout``: never a reference file or its line numbers."""
    for code, r in RULES.items():
        assert is_public_citation(r.source), f"{code}: {r.source}"
        assert "manual 001" not in r.source and "models.py" not in r.source, code


def test_a_request_body_may_carry_its_secrets():
    """UserSig belongs in a request body; only a preset file must not keep it."""
    assert not [f for f in validate(base("start-1")) if f.code == "preset.secret"]
    preset = edit(base("preset:start-1"), "Target.AgentParams.UserSig", "eJwFAKE")
    found = [f for f in validate(preset) if f.code == "preset.secret"]
    assert len(found) == 1 and "eJwFAKE" not in found[0].message


def test_range_and_enum_messages_give_the_value_the_limit_and_the_fix():
    ranged = [
        f
        for f in validate(edit(base("start-1"), "VideoParams.VideoEncode.Width", 2560))
        if f.code == "video.encode.width-range"
    ]
    assert [f.message for f in ranged] == ["Width is 2560; valid: 0..1920 pixels — set a value in that range"]
    enum = [
        f
        for f in validate(edit(base("start-1"), "AudioParams.AudioEncode.Channel", 3))
        if f.code == "audio.encode.channel"
    ]
    assert [f.message for f in enum] == ["Channel is 3; valid: 1 (mono), 2 (stereo) — set one of these"]


def test_a_preset_is_not_blamed_for_the_storage_secret_key_it_never_stores():
    """CloudStorage.SecretKey is stripped from presets: it is required in a body, not in a preset's Target."""
    preset = edit(
        base("preset:start-1"),
        "Target.RecordParams",
        {"UniRecord": 3, "McuStorageParams": {"CloudStorage": cos_without("SecretKey")}},
    )
    for options in ({}, {"action": "start"}):
        assert not [f for f in validate(preset, **options) if f.code == "record.cloud-storage.field-missing"]


def test_a_field_with_its_own_range_is_not_also_blamed_for_64_bits():
    findings = validate(edit(base("start-1"), "VideoParams.VideoEncode.Width", 10**30))
    assert "video.encode.width-range" in {f.code for f in findings}
    assert "value.integer.64-bit" not in {f.code for f in findings}
