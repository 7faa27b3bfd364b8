"""Mapping tests with numbers: the 1280x720 show (three regions, a placeholder, a crop, a text watermark) becomes
exactly these bodies, target by target."""

from __future__ import annotations

import pytest

from layout_studio import export

from .designs import PLACEHOLDER, show

RECORDING = {
    "SdkAppId": 1400000001,
    "RoomId": "10001",
    "RecordParams": {"RecordMode": 2, "MaxIdleTime": 45},
    "RoomIdType": 1,  # the integer room: 0 in the mixing APIs, 1 here
    "MixTranscodeParams": {
        "VideoParams": {"Width": 1280, "Height": 720, "Fps": 25, "BitRate": 2000000, "Gop": 2},  # bps
        "AudioParams": {"SampleRate": 1, "Channel": 2, "BitRate": 64000},  # 48000 Hz is enum 1
    },
    "MixLayoutParams": {
        "MixLayoutMode": 4,
        "MixLayoutList": [
            {
                "Top": 0,
                "Left": 0,
                "Width": 853,
                "Height": 720,
                "UserId": "host",
                "Alpha": 0,
                "RenderMode": 1,
                "MediaId": 0,
                "ImageLayer": 0,
                "SubBackgroundImage": PLACEHOLDER,
            },
            {
                "Top": 0,
                "Left": 853,
                "Width": 427,
                "Height": 360,
                "UserId": "guest",
                "Alpha": 0,
                "RenderMode": 1,
                "MediaId": 0,
                "ImageLayer": 1,
            },
            {
                "Top": 360,
                "Left": 853,
                "Width": 427,
                "Height": 360,
                "UserId": "guest",
                "Alpha": 0,
                "RenderMode": 2,
                "MediaId": 1,
                "ImageLayer": 1,
            },
        ],
        "BackGroundColor": "#000000",
        "PlaceHolderMode": 1,
        "WaterMarkList": [
            {
                "WaterMarkType": 1,
                "WaterMarkChar": {
                    "Top": 32,
                    "Left": 32,
                    "Width": 120,
                    "Height": 48,
                    "Chars": "LIVE",
                    "FontSize": 28,
                    "FontColor": "#FFFFFF",
                    "BackGroundColor": "#CC0033",
                },
            }
        ],
    },
}
LEGACY = {
    "SdkAppId": 1400000001,
    "RoomId": 10001,  # a JSON number
    "OutputParams": {"StreamId": "show_mix"},
    "EncodeParams": {
        "AudioSampleRate": 48000,
        "AudioBitrate": 64,
        "AudioChannels": 2,
        "VideoWidth": 1280,
        "VideoHeight": 720,
        "VideoBitrate": 2000,
        "VideoFramerate": 25,
        "VideoGop": 2,
        "BackgroundColor": 0,
        "AudioCodec": 0,
    },
    "LayoutParams": {
        "Template": 4,
        "PresetLayoutConfig": [
            {
                "UserId": "host",
                "StreamType": 0,
                "ImageWidth": 853,
                "ImageHeight": 720,
                "LocationX": 0,
                "LocationY": 0,
                "ZOrder": 0,
                "RenderMode": 0,
                "PlaceImageId": 77,
            },
            {
                "UserId": "guest",
                "StreamType": 0,
                "ImageWidth": 427,
                "ImageHeight": 360,
                "LocationX": 853,
                "LocationY": 0,
                "ZOrder": 1,
                "RenderMode": 0,
            },
            {
                "UserId": "guest",
                "StreamType": 1,
                "ImageWidth": 427,
                "ImageHeight": 360,
                "LocationX": 853,
                "LocationY": 360,
                "ZOrder": 1,
                "RenderMode": 2,
            },
        ],
        "PlaceHolderMode": 1,
    },
}
MIXING = {
    "params": {
        "videoEncodedWidth": 1280,
        "videoEncodedHeight": 720,
        "videoEncodedFPS": 25,
        "videoEncodedGOP": 2,
        "videoEncodedKbps": 2000,
        "audioEncodedSampleRate": 48000,
        "audioEncodedChannelNum": 2,
        "audioEncodedKbps": 64,
        "audioEncodedCodecType": 0,
    },
    "config": {
        "backgroundColor": 0,
        "videoLayoutList": [
            {
                "rect": {"left": 0, "top": 0, "right": 853, "bottom": 720},
                "zOrder": 0,
                "fillMode": 0,
                "placeHolderImage": PLACEHOLDER,
                "fixedVideoUser": {"userId": "host", "intRoomId": 10001, "strRoomId": ""},
                "fixedVideoStreamType": 0,
            },
            {
                "rect": {"left": 853, "top": 0, "right": 1280, "bottom": 360},
                "zOrder": 1,
                "fillMode": 0,
                "fixedVideoUser": {"userId": "guest", "intRoomId": 10001, "strRoomId": ""},
                "fixedVideoStreamType": 0,
            },
            {
                "rect": {"left": 853, "top": 360, "right": 1280, "bottom": 720},
                "zOrder": 2,
                "fillMode": 1,
                "backgroundColor": 0,
                "fixedVideoUser": {"userId": "guest", "intRoomId": 10001, "strRoomId": ""},
                "fixedVideoStreamType": 2,
            },
        ],
        "watermarkList": [
            {
                "watermarkUrl": "show.watermark-0.png",
                "rect": {"left": 32, "top": 32, "right": 152, "bottom": 80},
                "zOrder": 3,
            }
        ],
    },
}
TRANSCODING = {
    "mode": 1,
    "videoWidth": 1280,
    "videoHeight": 720,
    "videoBitrate": 2000,
    "videoFramerate": 25,
    "videoGOP": 2,
    "backgroundColor": 0,
    "audioSampleRate": 48000,
    "audioBitrate": 64,
    "audioChannels": 2,
    "audioCodec": 0,
    "mixUsers": [
        {
            "x": 0,
            "y": 0,
            "width": 853,
            "height": 720,
            "userId": "host",
            "roomId": "",
            "zOrder": 1,
            "streamType": 0,
            "inputType": 1,
            "renderMode": 0,
        },
        {
            "x": 853,
            "y": 0,
            "width": 427,
            "height": 360,
            "userId": "guest",
            "roomId": "",
            "zOrder": 2,
            "streamType": 0,
            "inputType": 1,
            "renderMode": 0,
        },
        {
            "x": 853,
            "y": 360,
            "width": 427,
            "height": 360,
            "userId": "guest",
            "roomId": "",
            "zOrder": 3,
            "streamType": 2,
            "inputType": 1,
            "renderMode": 2,
        },
        {
            "x": 32,
            "y": 32,
            "width": 120,
            "height": 48,
            "userId": "",
            "zOrder": 4,
            "inputType": 4,
            "image": "show.watermark-0.png",
        },
    ],
}
WEB = {
    "target": {"publishMode": "PublishMixStreamToCDN", "streamId": "show_mix"},
    "encoding": {
        "videoWidth": 1280,
        "videoHeight": 720,
        "videoBitrate": 2000,
        "videoFramerate": 25,
        "videoGOP": 2,
        "audioSampleRate": 48000,
        "audioBitrate": 64,
        "audioChannels": 2,
    },
    "mix": {
        "backgroundColor": 0,
        "videoLayoutList": [
            {
                "fixedVideoUser": {"userId": "host"},
                "fixedVideoStreamType": "main",
                "fillMode": 0,
                "width": 853,
                "height": 720,
                "locationX": 0,
                "locationY": 0,
                "zOrder": 1,
            },
            {
                "fixedVideoUser": {"userId": "guest"},
                "fixedVideoStreamType": "main",
                "fillMode": 0,
                "width": 427,
                "height": 360,
                "locationX": 853,
                "locationY": 0,
                "zOrder": 2,
            },
            {
                "fixedVideoUser": {"userId": "guest"},
                "fixedVideoStreamType": "sub",
                "fillMode": 2,
                "width": 427,
                "height": 360,
                "locationX": 853,
                "locationY": 360,
                "zOrder": 3,
            },
        ],
    },
}


@pytest.mark.parametrize(
    ("target", "options", "expected", "action"),
    [
        ("recording", {}, RECORDING, "CreateCloudRecording"),
        ("mcu-legacy", {"stream_id": "show_mix", "place_image_id": {PLACEHOLDER: 77}}, LEGACY, "StartMCUMixTranscode"),
        ("sdk-stream-mixing", {"platform": "windows"}, MIXING, "startPublishMediaStream"),
        ("sdk-transcoding", {"platform": "android"}, TRANSCODING, "setMixTranscodingConfig"),
        ("web-cdn-streaming", {"stream_id": "show_mix"}, WEB, "startPlugin('CDNStreaming')"),
    ],
)
def test_the_show_becomes_exactly_this_body(target, options, expected, action, tmp_path):
    if target.startswith("sdk-"):
        options = {**options, "output": tmp_path / "show.json"}
    result = export(show(), target, **options)
    assert result.body == expected
    assert result.action == action
    assert result.ok


def test_a_string_room_goes_to_the_by_str_room_id_api_and_a_reversed_room_id_type():
    target = {"SdkAppId": 1400000001, "RoomId": "show-room", "RoomIdType": 1}
    legacy = export(show(Target=target), "mcu-legacy")
    assert legacy.action == "StartMCUMixTranscodeByStrRoomId"
    assert legacy.body["StrRoomId"] == "show-room" and "RoomId" not in legacy.body
    recording = export(show(Target=target), "recording").body
    assert (recording["RoomId"], recording["RoomIdType"]) == ("show-room", 0)  # 0 is a string room here
    assert export(show(Target=target), "sdk-stream-mixing", output="x/show.json").body["config"]["videoLayoutList"][0][
        "fixedVideoUser"
    ] == {"userId": "host", "intRoomId": 0, "strRoomId": "show-room"}


def test_options_override_the_target_and_name_the_robot():
    body = export(
        show(), "recording", room_id="777", room_id_type=0, sdk_app_id=1400000002, robot_user_id="rec_777"
    ).body
    assert (body["SdkAppId"], body["RoomId"], body["RoomIdType"], body["UserId"]) == (1400000002, "777", 1, "rec_777")
    assert "UserSig" not in body and "StorageParams" not in body


def test_a_dynamic_template_maps_to_the_recording_template_with_the_reversed_audio_flag():
    layout = {
        "MixLayoutMode": 2,
        "MaxVideoUser": {"UserMediaStream": {"UserInfo": {"UserId": "host"}, "StreamType": 1}},
        "PureAudioHoldPlaceMode": 1,
        "RenderMode": 1,
    }
    video = {**show().video_params.to_api(), "LayoutParams": layout}
    body = export(show(VideoParams=video), "recording").body["MixLayoutParams"]
    assert body["MixLayoutMode"] == 2 and body["MaxResolutionUserId"] == "host" and body["MediaId"] == 1
    assert body["PureAudioDisableLayout"] is False  # PureAudioHoldPlaceMode 1: audio-only users take a place
    assert body["RenderMode"] == 2  # fit
    legacy = export(show(VideoParams=video), "mcu-legacy").body["LayoutParams"]
    assert (legacy["Template"], legacy["MainVideoUserId"], legacy["MainVideoStreamType"]) == (2, "host", 1)
    assert legacy["PureAudioHoldPlaceMode"] == 1 and legacy["RenderMode"] == 1
    grid = export(show(VideoParams={**video, "LayoutParams": {"MixLayoutMode": 3}}), "mcu-legacy").body["LayoutParams"]
    assert grid["Template"] == 1 and grid["PureAudioHoldPlaceMode"] == 2  # MCU default: no place -> legacy 2
    assert (
        export(show(VideoParams={**video, "LayoutParams": {"MixLayoutMode": 3}}), "recording").body["MixLayoutParams"][
            "PureAudioDisableLayout"
        ]
        is True
    )


def test_a_dynamic_layout_is_fixed_for_the_users_asked_on_client_targets():
    video = {**show().video_params.to_api(), "LayoutParams": {"MixLayoutMode": 3}, "WaterMarkList": []}
    result = export(show(VideoParams=video), "web-cdn-streaming", users=4)
    assert "export.web-cdn-streaming.dynamic-layout" in {f.code for f in result.findings}
    # a 2x2 grid of unnamed places: the plugin needs names, so none is left
    assert result.body["mix"]["videoLayoutList"] == []
    mixing = export(show(VideoParams=video), "sdk-stream-mixing", users=4).body["config"]["videoLayoutList"]
    assert [layout["rect"] for layout in mixing] == [
        {"left": 0, "top": 0, "right": 640, "bottom": 360},
        {"left": 640, "top": 0, "right": 1280, "bottom": 360},
        {"left": 0, "top": 360, "right": 640, "bottom": 720},
        {"left": 640, "top": 360, "right": 1280, "bottom": 720},
    ]


def test_encoding_outside_a_target_s_range_is_brought_inside_with_a_warning():
    video = {
        **show().video_params.to_api(),
        "VideoEncode": {"Width": 1280, "Height": 720, "Fps": 60, "BitRate": 9000, "Gop": 5},
    }
    audio = {"AudioEncode": {"SampleRate": 24000, "Channel": 1, "BitRate": 320}}
    recording = export(show(VideoParams=video, AudioParams=audio), "recording")
    transcode = recording.body["MixTranscodeParams"]
    assert transcode["VideoParams"]["BitRate"] == 8192000 and transcode["VideoParams"]["Fps"] == 60
    assert transcode["AudioParams"] == {"SampleRate": 3, "Channel": 1, "BitRate": 128000}  # 24000 Hz -> 16000 Hz
    codes = {f.code for f in recording.findings}
    assert {"export.recording.video-bitrate", "export.recording.sample-rate", "export.recording.audio-bitrate"} <= codes
    web = export(show(VideoParams=video, AudioParams=audio), "web-cdn-streaming").body["encoding"]
    assert (web["videoFramerate"], web["audioBitrate"]) == (30, 192)
