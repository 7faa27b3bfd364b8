"""The other half of the rule table: for every rule, a body at its boundary — the last value the limit allows, or the
nearest body the condition leaves alone — that must not break it (the bodies that break each rule are
:data:`tests.rules.test_rules.CASES`). ``test_every_rule_has_a_boundary_row`` fails when a registered rule has none.

Every body of both tables also names only paths whose parent exists, and its findings' fixes are well formed."""

from __future__ import annotations

import pytest

from layout_studio.rules import RULES
from layout_studio.validation import validate

from .bodies import DELETE, base, edit, path_exists_to_parent, request_shape
from .test_rules import AE, CASES, CDN, COS, ENCODE, FEEDBACK, LP, PT, TEXT, U0, VE, W0, W1, R, region, user

UUID = "0123456789abcdefABCDEF0123456789"
MVU = f"{LP}.MaxVideoUser"
NAMED = {"UserMediaStream": {"UserInfo": {"UserId": "Trtc_User_0", "RoomId": "295066", "RoomIdType": 0}}}
DYNAMIC = [(f"{LP}.MixLayoutMode", 1), (R, DELETE)]
SCREEN = [(f"{LP}.MixLayoutMode", 2), (R, DELETE)]
GRID = [(f"{LP}.MixLayoutMode", 3), (R, DELETE)]
SUB, UNSUB = "AudioParams.SubscribeAudioList", "AudioParams.UnSubscribeAudioList"
URL = "https://img.example.com/logo.png"


def rec(**fields) -> list:
    return [("RecordParams", fields)]


# (code, base body, edits [(path, value)], validate options): the body must give no finding with that code.
BOUNDARIES = [
    ("audio.codec.he-aac-sample-rate", "start-1", [(f"{AE}.Codec", 1), (f"{AE}.SampleRate", 16000)], {}),
    ("audio.codec.he-aacv2-mono", "start-1", [(f"{AE}.Codec", 2), (f"{AE}.Channel", 2)], {}),
    ("audio.encode.bitrate-range", "start-1", [(f"{AE}.BitRate", 500)], {}),
    ("audio.encode.bitrate-range", "start-1", [(f"{AE}.BitRate", 8)], {}),
    ("audio.encode.channel", "start-1", [(f"{AE}.Channel", 1)], {}),
    ("audio.encode.codec", "start-1", [(f"{AE}.Codec", 2), (f"{AE}.SampleRate", 16000)], {}),
    ("audio.encode.required", "start-1", [(f"{AE}.Codec", DELETE)], {}),
    ("audio.encode.sample-rate", "start-1", [(f"{AE}.SampleRate", 8000)], {}),
    ("audio.list.duplicate", "start-1", [(SUB, [user("a"), {"UserInfo": {"UserId": "a", "RoomIdType": 1}}])], {}),
    ("audio.list.in-both", "start-1", [(SUB, [user("a")]), (UNSUB, [user("b")])], {}),
    ("audio.list.room-mismatch", "start-1", [(SUB, [{"UserInfo": {"UserId": "Trtc_User_1"}}])], {}),
    ("audio.list.update-pair", "update-2", [(SUB, [user("a")]), (UNSUB, [])], {}),
    ("audio.list.user-missing", "start-1", [(SUB, [{"UserInfo": {"UserId": "a"}}])], {}),
    ("audio.sound-level.ignored", "start-1", [(SUB, [user("a", SoundLevel=50)])], {}),
    ("audio.sound-level.range", "start-1", [(SUB, [user("a", SoundLevel=100), user("b", SoundLevel=0)])], {}),
    ("cdn.is-tencent-cdn", "start-1", [("PublishCdnParams[0].IsTencentCdn", 0)], {}),
    ("cdn.is-tencent-cdn.implicit", "start-1", [("PublishCdnParams[0].IsTencentCdn", 0)], {}),
    (
        "cdn.url.duplicate",
        "start-1",
        [("PublishCdnParams", [CDN, dict(CDN, PublishCdnUrl=CDN["PublishCdnUrl"] + "2")])],
        {},
    ),
    ("cdn.url.missing", "start-1", [("PublishCdnParams[0].PublishCdnUrl", "rtmp://h/l")], {}),
    ("cdn.url.rtmp-only", "start-1", [("PublishCdnParams[0].PublishCdnUrl", "RTMP://push.example.com/live/s")], {}),
    ("color.format", "start-1", [("VideoParams.BackGroundColor", "0xffffff"), (W1, TEXT)], {}),
    ("feedback.field.missing", "start-5", [("FeedBackRoomParams[0].RoomId", "1")], {}),
    ("feedback.field.missing", "preset:start-5", [], {"action": "update"}),
    ("feedback.room-id-type", "start-5", [("FeedBackRoomParams[0].RoomIdType", 1)], {}),
    (
        "layout.background-custom-render.missing",
        "start-1",
        [(f"{R}[0].BackgroundRenderMode", 4), (f"{R}[0].BackgroundCustomRender", {"Width": 640, "Height": 720})],
        {},
    ),
    (
        "layout.background-custom-render.range",
        "start-1",
        [
            (f"{R}[0].BackgroundRenderMode", 4),
            (f"{R}[0].BackgroundCustomRender", {"Width": 640, "Height": 720, "Radius": 320}),
        ],
        {},
    ),
    ("layout.canvas.unchecked", "update-1", [], {"canvas": (1280, 1080)}),
    (
        "layout.custom-crop.range",
        "start-1",
        [(f"{R}[0].CustomCrop", {"LocationX": 9000, "LocationY": 0, "Width": 1000, "Height": 10000})],
        {},
    ),
    ("layout.dynamic-only.ignored", "start-1", [*GRID, (f"{LP}.RenderMode", 1), (f"{LP}.EnableStreamSEI", 0)], {}),
    ("layout.enable-stream-sei", "start-1", [(f"{LP}.EnableStreamSEI", 0)], {}),
    ("layout.inputs.too-many", "start-1", [(R, [region(f"u{i}", 0, 0, 10, 10, i) for i in range(16)])], {}),
    ("layout.max-video-user.ignored", "start-1", [*SCREEN, (MVU, {"UserMediaStream": U0})], {}),
    ("layout.max-video-user.missing", "start-1", [*SCREEN, (MVU, NAMED)], {}),
    (
        "layout.max-video-user.stream-missing",
        "start-1",
        [*DYNAMIC, (MVU, {"UserMediaStream": {"UserInfo": {"UserId": "u"}}})],
        {},
    ),
    ("layout.mix-layout-list.empty", "start-1", [(R, [region("Trtc_User_0", 0, 0, 1280, 720)])], {}),
    ("layout.mix-layout-list.ignored", "start-1", [(f"{LP}.MixLayoutMode", 3), (R, [])], {}),
    ("layout.mix-layout-mode", "start-1", [(f"{LP}.MixLayoutMode", 4)], {}),
    ("layout.mix-layout-mode", "start-1", [*DYNAMIC], {}),
    ("layout.pure-audio-hold-place-mode", "start-1", [*GRID, (f"{LP}.PureAudioHoldPlaceMode", 1)], {}),
    ("layout.pure-audio-hold-place.ignored", "start-1", [*GRID, (f"{LP}.PureAudioHoldPlaceMode", 1)], {}),
    ("layout.region.background-color-mode", "start-1", [(f"{R}[0].BackGroundColorMode", 3)], {}),
    (
        "layout.region.background-color-unsupported",
        "start-1",
        [(f"{R}[0].BackGroundColor", "0x112233"), (f"{R}[0].BackGroundColorMode", 1)],
        {},
    ),
    (
        "layout.region.background-render-mode",
        "start-1",
        [(f"{R}[0].BackgroundRenderMode", 4), (f"{R}[0].BackgroundCustomRender", {"Width": 100, "Height": 100})],
        {},
    ),
    ("layout.region.enable-stream-sei", "start-1", [(f"{R}[0].EnableStreamSEI", 0)], {}),
    (
        "layout.region.hidden",
        "start-1",
        [(f"{R}[0].ZOrder", 1), (f"{R}[2]", region("Trtc_User_2", 0, 0, 641, 100))],  # 1 px past its cover
        {},
    ),
    ("layout.region.outside-canvas", "start-1", [(f"{R}[1].LocationX", 639), (f"{R}[1].ImageWidth", 641)], {}),
    ("layout.region.outside-canvas", "update-1", [], {"canvas": (1280, 1080)}),
    ("layout.region.render-mode", "start-1", [(f"{R}[0].RenderMode", 2)], {}),
    (
        "layout.region.transparent-url-render-mode",
        "start-1",
        [(f"{R}[0].TransparentUrl", "https://img.example.com/round.png"), (f"{R}[0].RenderMode", 0)],
        {},
    ),
    ("layout.region.zero-size", "start-1", [(f"{R}[0].ImageWidth", 1), (f"{R}[0].ImageHeight", 1)], {}),
    ("layout.render-mode", "start-1", [*GRID, (f"{LP}.RenderMode", 2)], {}),
    ("layout.zorder.tie", "start-1", [(f"{R}[1].LocationX", 600), (f"{R}[1].ZOrder", 1)], {}),
    ("layout.zorder.tie", "start-1", [(f"{R}[1].LocationX", 640)], {}),  # touching edges do not overlap
    (
        "preset.secret",
        "preset:start-1",
        [("Target.PublishCdnParams", [{**CDN, "PublishCdnUrl": CDN["PublishCdnUrl"] + "?txTime=5F"}])],
        {},
    ),
    (
        "record.cloud-storage.vendor",
        "start-1",
        rec(UniRecord=3, McuStorageParams={"CloudStorage": {**COS, "Vendor": 1}}),
        {},
    ),
    ("record.cloud-storage.field-missing", "start-1", rec(UniRecord=3, McuStorageParams={"CloudStorage": COS}), {}),
    ("record.storage.empty", "start-1", rec(UniRecord=3, McuStorageParams={"McuCloudVod": {}}), {}),
    ("record.format", "start-1", rec(UniRecord=3, RecordFormat=["mp4", "hls"]), {}),
    ("record.key.format", "start-1", rec(UniRecord=2, RecordKey="aZ09_-" + "k" * 122), {}),
    ("record.max-file-duration.range", "start-1", rec(UniRecord=3, MaxMediaFileDuration=1), {}),
    ("record.max-file-duration.range", "start-1", rec(UniRecord=3, MaxMediaFileDuration=1440), {}),
    ("record.params.ignored", "start-1", rec(UniRecord=3, RecordWaitTime=30, StreamType=0), {}),
    ("record.prefix.format", "start-1", rec(UniRecord=2, UserDefineRecordPrefix="p" * 64), {}),
    ("record.storage.one", "start-1", rec(UniRecord=3, McuStorageParams={"CloudStorage": COS}), {}),
    ("record.stream-type", "start-1", rec(UniRecord=3, StreamType=2), {}),
    ("record.uni-record", "start-1", rec(UniRecord=1), {}),
    ("record.uni-record.missing", "start-1", rec(UniRecord=1, RecordKey="abc"), {}),
    ("record.wait-time.range", "start-1", rec(UniRecord=3, RecordWaitTime=5), {}),
    ("record.wait-time.range", "start-1", rec(UniRecord=3, RecordWaitTime=86400), {}),
    (
        "room.dynamic-layout-main-room",
        "start-1",
        [*DYNAMIC, (MVU, {"UserMediaStream": {"UserInfo": {"UserId": "u", "RoomId": "0295066", "RoomIdType": 0}}})],
        {},
    ),
    ("room.integer-room-digits", "start-1", [("RoomId", "room-a"), ("RoomIdType", 1)], {}),
    ("room.room-id-type", "start-1", [(f"{R}[0].UserMediaStream.UserInfo.RoomIdType", 1)], {}),
    ("sei.app-data.too-long", "start-6", [("SeiParams.LayoutVolume.AppData", "数" * 4095)], {}),
    ("sei.interval.range", "start-6", [("SeiParams.LayoutVolume.Interval", 1)], {}),
    ("sei.layout-volume.follow-idr", "start-6", [("SeiParams.LayoutVolume.FollowIdr", 0)], {}),
    ("sei.layout-volume.payload-type", "start-6", [("SeiParams.LayoutVolume.PayloadType", 254)], {}),
    ("sei.layout-volume.payload-type", "start-6", [("SeiParams.LayoutVolume.PayloadType", 100)], {}),
    ("sei.pass-through.content-missing", "start-1", [(PT, {"PayloadType": 100, "PayloadContent": "x"})], {}),
    ("sei.pass-through.follow-idr", "start-1", [(PT, {"PayloadContent": "x", "PayloadType": 100, "FollowIdr": 1})], {}),
    (
        "sei.pass-through.payload-type",
        "start-1",
        [(PT, {"PayloadContent": "x", "PayloadType": 5, "PayloadUuid": UUID})],
        {},
    ),
    ("sei.pass-through.payload-type", "start-1", [(PT, {"PayloadContent": "x", "PayloadType": 254})], {}),
    (
        "sei.pass-through.uuid-format",
        "start-1",
        [(PT, {"PayloadContent": "x", "PayloadType": 5, "PayloadUuid": UUID})],
        {},
    ),
    (
        "sei.pass-through.uuid-ignored",
        "start-1",
        [(PT, {"PayloadContent": "x", "PayloadType": 5, "PayloadUuid": UUID})],
        {},
    ),
    (
        "sei.pass-through.uuid-missing",
        "start-1",
        [(PT, {"PayloadContent": "x", "PayloadType": 5, "PayloadUuid": UUID})],
        {},
    ),
    ("sei.payload-type.reserved", "start-6", [("SeiParams.LayoutVolume.PayloadType", 243)], {}),
    ("sei.payload-type.reserved", "start-1", [(PT, {"PayloadContent": "x", "PayloadType": 245})], {}),
    ("sei.without-video", "start-1", [("SeiParams", {"LayoutVolume": {}})], {}),
    (
        "task.agent.user-id-collision",
        "start-1",
        [("AgentParams.UserId", "Trtc_User_0"), (f"{R}[0].UserMediaStream.UserInfo.RoomIdType", 1)],
        {},
    ),
    ("task.agent.user-id-collision", "start-5", [("FeedBackRoomParams[0].UserId", "Trtc_User_2")], {}),
    ("task.agent.user-id-missing", "start-1", [("AgentParams", {"UserId": "r"})], {}),
    ("task.agent.user-id-missing", "preset:start-1", [("Target.AgentParams", DELETE)], {}),
    ("task.agent.user-id-missing", "preset:start-1", [("Target.AgentParams", {"MaxIdleTime": 30})], {}),
    ("task.audio-params.missing", "preset:start-1", [("AudioParams", DELETE)], {}),
    (
        "task.cdn.too-many",
        "start-1",
        [("PublishCdnParams", [dict(CDN, PublishCdnUrl=f"rtmp://h/live/{i}") for i in range(10)])],
        {},
    ),
    ("task.cross-room.no-allowlist", "start-7", [(SUB, [user("Trtc_User_0")])], {}),
    ("task.cross-room.no-allowlist", "start-1", [(f"{R}[1].UserMediaStream.UserInfo", {"UserId": "Trtc_User_1"})], {}),
    ("task.destination.missing", "start-1", [("PublishCdnParams", DELETE), ("FeedBackRoomParams", [FEEDBACK])], {}),
    (
        "task.feedback.too-many",
        "start-5",
        [("FeedBackRoomParams", [dict(FEEDBACK, UserId=f"r{i}") for i in range(10)])],
        {},
    ),
    ("task.field.missing", "start-1", [("RoomId", "1")], {}),
    ("task.field.missing", "preset:start-1", [("Target.WithTranscoding", DELETE)], {"action": "start"}),
    ("task.inputs.too-many", "start-1", [(SUB, [user(f"a{i}") for i in range(14)])], {}),
    ("task.max-idle-time.range", "start-1", [("AgentParams.MaxIdleTime", 5)], {}),
    ("task.max-idle-time.range", "start-1", [("AgentParams.MaxIdleTime", 86400)], {}),
    ("task.region.sdk-app-id", "preset:start-1", [("Target.Region", "ap-hongkong")], {}),
    ("task.region.unsupported", "preset:start-1", [("Target.Region", "ap-hongkong")], {}),
    ("task.room-id-type", "start-1", [("RoomIdType", 1)], {}),
    (
        "task.single-subscribe.user-missing",
        "start-3",
        [("SingleSubscribeParams.UserMediaStream.UserInfo", {"UserId": "u"})],
        {},
    ),
    (
        "task.user.duplicate-region",
        "start-1",
        [(f"{R}[1].UserMediaStream.UserInfo.UserId", "Trtc_User_0"), (f"{R}[1].UserMediaStream.StreamType", 1)],
        {},
    ),
    ("task.with-transcoding", "start-3", [("WithTranscoding", 0)], {}),
    ("task.with-transcoding.mixing", "start-3", [("WithTranscoding", 0)], {}),
    ("task.with-transcoding.single", "start-3", [("WithTranscoding", 0)], {}),
    (
        "update.audio-encode.immutable",
        "update-1",
        [("AudioParams", {"SubscribeAudioList": [], "UnSubscribeAudioList": []})],
        {},
    ),
    ("update.audio-encode.immutable", "preset:start-1", [], {"action": "update"}),
    ("update.cdn-url.restarts", "update-2", [("PublishCdnParams", DELETE)], {}),
    ("update.field.missing", "update-2", [("WithTranscoding", 1)], {}),
    ("update.media-type.fixed", "update-1", [("VideoParams.BackGroundColor", "0x000000")], {}),
    ("update.sequence-number.missing", "update-2", [("SequenceNumber", 1)], {}),
    ("update.sequence-number.range", "update-2", [("SequenceNumber", 1)], {}),
    ("value.integer.64-bit", "update-2", [("SequenceNumber", 2**64 - 1)], {}),
    ("value.integer.64-bit", "start-1", [("SdkAppId", -(2**63))], {}),
    ("update.task-id.missing", "update-2", [("TaskId", "t")], {}),
    ("update.video-params.relay", "update-1", [("WithTranscoding", 1)], {}),
    (
        "url.charset",
        "start-1",
        [(f"{W0}.WaterMarkImage.WaterMarkUrl", "https://img.example.com/a-1_b~c.png?x=(2)*3+4,5%20;6|7@8!9&y=[z]#f")],
        {},
    ),
    ("url.empty", "start-1", [(f"{W0}.WaterMarkImage.WaterMarkUrl", "https://i.example.com/l.png")], {}),
    ("url.format", "start-1", [(f"{W0}.WaterMarkImage.WaterMarkUrl", "https://img.example.com/logo.JPEG")], {}),
    ("url.format", "start-1", [(f"{R}[0].BackgroundImageUrl", "https://img.example.com/away.webm")], {}),
    ("url.scheme", "start-1", [(f"{R}[0].BackgroundImageUrl", "HTTP://img.example.com/away.png")], {}),
    ("user.stream-type", "start-1", [(f"{R}[0].UserMediaStream.StreamType", 1)], {}),
    (
        "user.media-stream.user-missing",
        "start-1",
        [(f"{R}[0].UserMediaStream", {"UserInfo": {"UserId": "Trtc_User_0"}})],
        {},
    ),
    ("user.media-stream.user-missing", "start-1", [(f"{R}[0].UserMediaStream", DELETE)], {}),  # an unnamed slot
    ("user.user-id.missing", "start-1", [(f"{R}[0].UserMediaStream.UserInfo.UserId", "u")], {}),
    ("video.background-render-mode", "start-1", [("VideoParams.BackgroundRenderMode", 2)], {}),
    ("video.encode.bitrate-range", "start-1", [(f"{VE}.BitRate", 10000)], {}),
    ("video.encode.bitrate-range", "start-1", [(f"{VE}.BitRate", 0)], {}),
    ("video.encode.fps-range", "start-1", [(f"{VE}.Fps", 60)], {}),
    ("video.encode.fps-range", "start-1", [(f"{VE}.Fps", 0)], {}),
    ("video.encode.gop-range", "start-1", [(f"{VE}.Gop", 5)], {}),
    ("video.encode.gop-range", "start-1", [(f"{VE}.Gop", 1)], {}),
    ("video.encode.height-range", "start-1", [(f"{VE}.Height", 1920)], {}),
    ("video.encode.manual-differs", "start-1", [(f"{VE}.Height", 1080), (f"{VE}.Fps", 1), (f"{VE}.BitRate", 1)], {}),
    ("video.encode.missing", "update-1", [], {}),
    ("video.encode.missing", "start-1", [("VideoParams.VideoEncode", ENCODE)], {}),
    ("video.encode.required", "start-1", [("VideoParams.VideoEncode", ENCODE)], {}),
    ("video.encode.width-range", "start-1", [(f"{VE}.Width", 1920)], {}),
    ("video.encode.width-range", "start-1", [(f"{VE}.Width", 0)], {}),
    ("watermark.body.ignored", "start-1", [(W1, TEXT)], {}),
    ("watermark.body.missing", "start-1", [(W1, TEXT)], {}),
    ("watermark.image.dynamic-pos-type", "start-1", [(f"{W0}.WaterMarkImage.DynamicPosType", 2)], {}),
    (
        "watermark.location.missing",
        "start-1",
        [(f"{W0}.WaterMarkImage.LocationX", 0), (f"{W0}.WaterMarkImage.LocationY", 0)],
        {},
    ),
    (
        "watermark.outside-canvas",
        "start-1",
        [(f"{W0}.WaterMarkImage.LocationX", 1216), (f"{W0}.WaterMarkImage.LocationY", 656)],
        {},
    ),
    ("watermark.text.blank", "start-1", [(W1, TEXT), (f"{W1}.WaterMarkText.Text", " . ")], {}),
    # "LIVE" at FontSize 28 is the largest that fits a 60x30 box in the preview's face (29 overflows)
    (
        "watermark.text.overflow",
        "start-1",
        [(W1, TEXT), (f"{W1}.WaterMarkText.FontSize", 28), (f"{W1}.WaterMarkText.WaterMarkWidth", 60)],
        {},
    ),
    ("watermark.text.dynamic-pos-type", "start-1", [(W1, TEXT), (f"{W1}.WaterMarkText.DynamicPosType", 2)], {}),
    ("watermark.text.font", "start-1", [(W1, TEXT), (f"{W1}.WaterMarkText.Font", "SourceHanSans")], {}),
    (
        "watermark.text.required",
        "start-1",
        [(W1, TEXT), (f"{W1}.WaterMarkText.FontSize", 1), (f"{W1}.WaterMarkText.Text", "L")],
        {},
    ),
    ("watermark.type", "start-1", [(W0, TEXT)], {}),
    ("watermark.under-region", "start-1", [(f"{W0}.WaterMarkImage.ZOrder", 1)], {}),
    (
        "watermark.zero-size",
        "start-1",
        [(f"{W0}.WaterMarkImage.WaterMarkWidth", 1), (f"{W0}.WaterMarkImage.WaterMarkHeight", 1)],
        {},
    ),
]


def _body(name: str, edits: list) -> dict:
    body = base(name)
    for where, value in edits:
        edit(body, where, value)
    return body


@pytest.mark.parametrize("case", BOUNDARIES, ids=[f"{c[0]}#{i}" for i, c in enumerate(BOUNDARIES)])
def test_a_body_at_the_boundary_does_not_break_the_rule(case):
    code, name, edits, options = case
    findings = validate(_body(name, edits), **options)
    assert not [f for f in findings if f.code == code], [str(f) for f in findings if f.code == code]


def test_every_rule_has_a_boundary_row():
    assert set(RULES) - {c[0] for c in BOUNDARIES} == set()
    assert {c[0] for c in BOUNDARIES} - set(RULES) == set()


ROWS = [(c[1], c[2], c[4]) for c in CASES] + [(c[1], c[2], c[3]) for c in BOUNDARIES]


@pytest.mark.parametrize("row", ROWS, ids=[f"row{i}" for i in range(len(ROWS))])
def test_every_finding_names_a_path_whose_parent_exists(row):
    name, edits, options = row
    body = _body(name, edits)
    doc = request_shape(body)
    for f in validate(body, **options):
        if f.code.startswith("schema.") or f.path == "Region":
            continue  # Region is a request header (a preset's Target.Region)
        assert path_exists_to_parent(doc, f.path), str(f)
