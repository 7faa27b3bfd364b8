"""Each target's validator pack refuses what the target refuses: its own limits, as errors (the export is then not
usable), checked on bodies the export builds and on bodies written by hand."""

from __future__ import annotations

import copy

import pytest

from layout_studio import export
from layout_studio.export.legacy_pack import INT_PACK
from layout_studio.export.recording_pack import CREATE_PACK, MODIFY_PACK
from layout_studio.export.stream_mixing import PACK as MIXING_PACK
from layout_studio.export.transcoding import PACK as TRANSCODING_PACK
from layout_studio.export.web_cdn import PACK as WEB_PACK
from layout_studio.findings import Severity

from .designs import SHOW, show


def errors(result) -> set[str]:
    return {f.code for f in result.findings if f.severity is Severity.ERROR}


def regions(n: int) -> dict:
    """The show's video with ``n`` 64x64 regions."""
    video = copy.deepcopy(SHOW["VideoParams"])
    video["LayoutParams"]["MixLayoutList"] = [
        {
            "UserMediaStream": {"UserInfo": {"UserId": f"u{i}"}},
            "ImageWidth": 64,
            "ImageHeight": 64,
            "LocationX": 64 * (i % 20),
            "LocationY": 64 * (i // 20),
            "ZOrder": i,
        }
        for i in range(n)
    ]
    video["WaterMarkList"] = []
    return video


def test_recording_takes_at_most_25_windows():
    assert "recording.windows.too-many" not in errors(export(show(VideoParams=regions(25)), "recording"))
    result = export(show(VideoParams=regions(26)), "recording")
    assert "recording.windows.too-many" in errors(result) and not result.ok


def test_recording_takes_at_most_1920x1080():
    video = copy.deepcopy(SHOW["VideoParams"])
    video["VideoEncode"] = {"Width": 1920, "Height": 1200, "Fps": 25, "BitRate": 4000, "Gop": 2}
    assert "recording.canvas.too-large" in errors(export(show(VideoParams=video), "recording"))
    video["VideoEncode"]["Height"] = 1080
    assert errors(export(show(VideoParams=video), "recording")) == set()


@pytest.mark.parametrize(
    "url",
    [
        "https://img.example.com/away",  # no format suffix
        "https://img.example.com/away.gif",  # not jpg/jpeg/png
        "https://img.example.com/a;b.png",  # ';' is the MCU's, not the recording's
        "ftp://img.example.com/away.png",
    ],
)
def test_recording_image_urls_follow_its_rules(url):
    video = copy.deepcopy(SHOW["VideoParams"])
    video["LayoutParams"]["MixLayoutList"][0]["BackgroundImageUrl"] = url
    [finding] = [f for f in export(show(VideoParams=video), "recording").findings if f.code == "recording.image-url"]
    assert finding.path == "MixLayoutParams.MixLayoutList[0].SubBackgroundImage"


def test_recording_windows_stay_inside_the_canvas_and_the_region_must_offer_recording():
    video = copy.deepcopy(SHOW["VideoParams"])
    video["LayoutParams"]["MixLayoutList"][1]["ImageWidth"] = 500
    result = export(show(VideoParams=video, Target={**SHOW["Target"], "Region": "ap-hongkong"}), "recording")
    assert "recording.window.outside-canvas" in errors(result)
    assert any(f.code == "recording.region" and f.severity is Severity.WARNING for f in result.findings)


def test_the_recording_pack_checks_bodies_about_to_be_sent():
    body = {
        "SdkAppId": 1,
        "RoomId": "room-a",
        "RecordParams": {
            "RecordMode": 2,
            "SubscribeStreamUserIds": {"SubscribeAudioUserIds": ["a"], "UnSubscribeAudioUserIds": ["b"]},
        },
        "MixTranscodeParams": {"VideoParams": {"Width": 640, "Height": 360}},
    }
    codes = {f.code for f in CREATE_PACK.check(body, sending=True)}
    assert {
        "recording.required",
        "recording.room-id.integer",
        "recording.subscribe.lists",
        "recording.encode.incomplete",
    } <= codes
    assert "recording.required" not in {f.code for f in CREATE_PACK.check(body)}
    assert {f.path for f in MODIFY_PACK.check({"SdkAppId": 1}, sending=True)} == {"TaskId"}
    [wrong] = CREATE_PACK.check({"SdkAppId": "1"})
    assert wrong.code == "recording.schema.type" and wrong.path == "SdkAppId"


def test_legacy_takes_a_height_of_at_most_1080_and_one_watermark():
    video = copy.deepcopy(SHOW["VideoParams"])
    video["VideoEncode"] = {"Width": 720, "Height": 1280, "Fps": 25, "BitRate": 2000, "Gop": 2}
    video["LayoutParams"]["MixLayoutList"] = []
    result = export(show(VideoParams=video), "mcu-legacy")
    assert errors(result) == {"mcu-legacy.encode.video-height-range"} and not result.ok
    long_url = "https://img.example.com/" + "a" * 500 + ".png"
    video = copy.deepcopy(SHOW["VideoParams"])
    video["WaterMarkList"] = [
        {"WaterMarkType": 0, "WaterMarkImage": {"WaterMarkUrl": long_url, "WaterMarkWidth": 10, "WaterMarkHeight": 10}}
    ] * 2
    result = export(show(VideoParams=video), "mcu-legacy", stream_id="s" * 65)
    assert errors(result) == {"mcu-legacy.image-url", "mcu-legacy.stream-id.length"}
    assert len(result.body["LayoutParams"]["WaterMarkParams"]) == 5  # one watermark, not a list
    assert "export.mcu-legacy.watermark" in {f.code for f in result.findings}


def test_legacy_takes_at_most_16_places_and_checks_what_it_sends():
    assert "mcu-legacy.places.too-many" in errors(export(show(VideoParams=regions(17)), "mcu-legacy"))
    codes = {f.path for f in INT_PACK.check({"SdkAppId": 1, "RoomId": 5}, sending=True)}
    assert {
        "OutputParams.StreamId",
        "LayoutParams.Template",
        "EncodeParams.AudioSampleRate",
        "EncodeParams.VideoWidth",
    } <= codes


def test_client_sdks_take_16_or_15_layers():
    assert errors(export(show(VideoParams=regions(16)), "sdk-stream-mixing")) == set()
    assert errors(export(show(VideoParams=regions(17)), "sdk-stream-mixing")) == {
        "sdk-stream-mixing.video-layout.z-order-range"
    }
    assert errors(export(show(VideoParams=regions(15)), "sdk-transcoding")) == set()
    assert "sdk-transcoding.mix-user.z-order-range" in errors(export(show(VideoParams=regions(16)), "sdk-transcoding"))
    assert "web-cdn-streaming.video-layout.z-order-range" in errors(
        export(show(VideoParams=regions(16)), "web-cdn-streaming")
    )


def test_client_packs_check_hand_written_bodies():
    layout = {"rect": {"left": 0, "top": 0, "right": 100, "bottom": 100}, "zOrder": 3}
    mixing = {
        "params": {"videoEncodedWidth": 80, "videoEncodedHeight": 80},
        "config": {"videoLayoutList": [layout, layout]},
    }
    assert {f.code for f in MIXING_PACK.check(mixing)} == {
        "sdk-stream-mixing.zorder.unique",
        "sdk-stream-mixing.layout.outside-canvas",
    }
    transcoding = {
        "videoWidth": 640,
        "videoHeight": 360,
        "videoFramerate": 60,
        "mixUsersArray": [{"userId": "", "zOrder": 1, "inputType": 1}],
    }
    assert {f.code for f in TRANSCODING_PACK.check(transcoding)} == {
        "sdk-transcoding.video-framerate-range",
        "sdk-transcoding.mix-user.user-id",
    }
    web = {
        "target": {},
        "encoding": {"videoWidth": 100, "videoHeight": 100},
        "mix": {
            "videoLayoutList": [
                {
                    "fixedVideoUser": {"userId": "a"},
                    "fixedVideoStreamType": "screen",
                    "width": 200,
                    "height": 50,
                    "zOrder": 2,
                }
            ]
        },
    }
    assert {f.code for f in WEB_PACK.check(web)} == {
        "web-cdn-streaming.required",
        "web-cdn-streaming.encoding.holds-regions",
    }


def test_a_repeated_zorder_is_named_at_the_later_layer_with_the_nearest_earlier_one():
    rect = {"left": 0, "top": 0, "right": 10, "bottom": 10}
    mixing = {
        "params": {"videoEncodedWidth": 8, "videoEncodedHeight": 80},
        "config": {
            "videoLayoutList": [{"rect": rect, "zOrder": 3}, {"zOrder": 3}],
            "watermarkList": [{"zOrder": 3}, {"zOrder": 4}],
        },
    }
    assert [(f.path, f.message) for f in MIXING_PACK.check(mixing) if f.code.endswith("unique")] == [
        ("config.videoLayoutList[1].zOrder", "zOrder 3 is also config.videoLayoutList[0]'s; each layer needs its own"),
        ("config.watermarkList[0].zOrder", "zOrder 3 is also config.videoLayoutList[1]'s; each layer needs its own"),
    ]
    assert [(f.path, f.message) for f in MIXING_PACK.check(mixing) if f.code.endswith("outside-canvas")] == [
        ("config.videoLayoutList[0].rect", "reaches (10, 10), outside the 8x80 canvas")
    ]
    users = [{"userId": "a", "zOrder": 2, "rect": rect}, {"userId": "b", "zOrder": 2}, {"userId": "c", "zOrder": 2}]
    transcoding = {"videoWidth": 80, "videoHeight": 8, "mixUsersArray": users}
    assert [(f.path, f.message) for f in TRANSCODING_PACK.check(transcoding) if f.severity is Severity.ERROR] == [
        ("mixUsersArray[0].rect", "reaches (10, 10), outside the 80x8 canvas"),
        ("mixUsersArray[1].zOrder", "zOrder 2 is also mix user 0's"),
        ("mixUsersArray[2].zOrder", "zOrder 2 is also mix user 1's"),
    ]
    layout = {"fixedVideoUser": {"userId": "a"}, "fixedVideoStreamType": "main", "zOrder": 5}
    web = {"target": {"publishMode": "PublishMixStreamToCDN"}, "mix": {"videoLayoutList": [layout, layout]}}
    assert [(f.path, f.message) for f in WEB_PACK.check(web)] == [
        ("mix.videoLayoutList[1].zOrder", "zOrder 5 is also region 0's")
    ]
