"""Designs the export tests convert: the 1280x720 show (three regions, a placeholder, a crop, a text watermark) and
a design holding every feature some target cannot carry."""

from __future__ import annotations

import copy
from typing import Any

from layout_studio.model import Preset

PLACEHOLDER = "https://img.example.com/away.png"
LOGO = "https://img.example.com/logo.png"

SHOW: dict[str, Any] = {
    "Format": "layout-studio/preset@1",
    "Name": "Show",
    "VideoParams": {
        "VideoEncode": {"Width": 1280, "Height": 720, "Fps": 25, "BitRate": 2000, "Gop": 2},
        "LayoutParams": {
            "MixLayoutMode": 4,
            "MixLayoutList": [
                {
                    "UserMediaStream": {"UserInfo": {"UserId": "host"}, "StreamType": 0},
                    "ImageWidth": 853,
                    "ImageHeight": 720,
                    "LocationX": 0,
                    "LocationY": 0,
                    "ZOrder": 0,
                    "RenderMode": 0,
                    "BackgroundImageUrl": PLACEHOLDER,
                    "BackgroundRenderMode": 0,
                },
                {
                    "UserMediaStream": {"UserInfo": {"UserId": "guest"}, "StreamType": 0},
                    "ImageWidth": 427,
                    "ImageHeight": 360,
                    "LocationX": 853,
                    "LocationY": 0,
                    "ZOrder": 1,
                    "RenderMode": 0,
                    "CustomCrop": {"LocationX": 160, "LocationY": 0, "Width": 960, "Height": 540},
                },
                {
                    "UserMediaStream": {"UserInfo": {"UserId": "guest"}, "StreamType": 1},
                    "ImageWidth": 427,
                    "ImageHeight": 360,
                    "LocationX": 853,
                    "LocationY": 360,
                    "ZOrder": 1,
                    "RenderMode": 2,
                },
            ],
        },
        "BackGroundColor": "0x000000",
        "WaterMarkList": [
            {
                "WaterMarkType": 1,
                "WaterMarkText": {
                    "Text": "LIVE",
                    "WaterMarkWidth": 120,
                    "WaterMarkHeight": 48,
                    "LocationX": 32,
                    "LocationY": 32,
                    "FontSize": 28,
                    "FontColor": "0xFFFFFF",
                    "BackGroundColor": "0xCC0033",
                    "ZOrder": 3,
                },
            }
        ],
    },
    "AudioParams": {"AudioEncode": {"SampleRate": 48000, "Channel": 2, "BitRate": 64, "Codec": 0}},
    "Target": {"SdkAppId": 1400000001, "RoomId": "10001", "RoomIdType": 0, "AgentParams": {"MaxIdleTime": 45}},
}


def show(**changes: Any) -> Preset:
    """The show, with top-level sections replaced by ``changes`` (API names)."""
    data = copy.deepcopy(SHOW)
    data.update(changes)
    return Preset.model_validate(data)


def sink() -> Preset:
    """Every feature some target cannot carry, each once."""
    data = copy.deepcopy(SHOW)
    video = data["VideoParams"]
    video["VideoEncode"] = {"Width": 1280, "Height": 720, "Fps": 50, "BitRate": 9000, "Gop": 2}
    video["BackGroundColor"] = "0x101820"
    video["BackgroundImageUrl"] = "https://img.example.com/stage.jpg"
    video["BackgroundRenderMode"] = 0
    regions = video["LayoutParams"]["MixLayoutList"]
    regions[0]["TransparentUrl"] = "https://img.example.com/round.png"
    regions[0]["EnableStreamSEI"] = 0
    regions[1]["BackgroundImageUrl"] = PLACEHOLDER
    regions[1]["BackgroundRenderMode"] = 4
    regions[1]["BackgroundCustomRender"] = {"Width": 200, "Height": 200, "Radius": 20}
    regions[2]["BackGroundColor"] = "0x336699"
    regions[2]["BackGroundColorMode"] = 2
    regions.append(
        {
            "UserMediaStream": {"UserInfo": {"UserId": "rival", "RoomId": "20002", "RoomIdType": 0}},
            "ImageWidth": 320,
            "ImageHeight": 180,
            "LocationX": 0,
            "LocationY": 540,
            "ZOrder": 2,
        }
    )
    regions.append({"ImageWidth": 320, "ImageHeight": 180, "LocationX": 320, "LocationY": 540, "ZOrder": 2})
    video["WaterMarkList"][0]["WaterMarkText"]["DynamicPosType"] = 1
    video["WaterMarkList"].append(
        {
            "WaterMarkType": 0,
            "WaterMarkImage": {
                "WaterMarkUrl": LOGO,
                "WaterMarkWidth": 80,
                "WaterMarkHeight": 40,
                "LocationX": 1180,
                "LocationY": 660,
                "ZOrder": 0,
            },
        }
    )
    video["WaterMarkList"].append(
        {
            "WaterMarkType": 0,
            "WaterMarkImage": {"WaterMarkUrl": LOGO, "WaterMarkWidth": 80, "WaterMarkHeight": 40, "ZOrder": 4},
        }
    )
    data["AudioParams"] = {
        "AudioEncode": {"SampleRate": 32000, "Channel": 2, "BitRate": 256, "Codec": 1},
        "SubscribeAudioList": [
            {"UserInfo": {"UserId": "host"}, "SoundLevel": 80},
            {"UserInfo": {"UserId": "rival", "RoomId": "20002", "RoomIdType": 0}},
            {"UserInfo": {"UserId": "announcer"}},
        ],
        "UnSubscribeAudioList": [{"UserInfo": {"UserId": "heckler"}}],
    }
    data["SeiParams"] = {
        "LayoutVolume": {"AppData": "show", "PayloadType": 100, "Interval": 1000},
        "PassThrough": {"PayloadContent": "hello", "PayloadType": 100},
    }
    data["Target"]["PublishCdnParams"] = [
        {"PublishCdnUrl": "rtmp://push.example.com/live/show", "IsTencentCdn": 1},
        {"PublishCdnUrl": "rtmp://other.example.com/app/show", "IsTencentCdn": 0},
    ]
    data["Target"]["FeedBackRoomParams"] = [{"RoomId": "30003", "RoomIdType": 0, "UserId": "mix_back"}]
    return Preset.model_validate(data)
