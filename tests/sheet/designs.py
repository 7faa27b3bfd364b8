"""Designs for the contact-sheet tests."""

from __future__ import annotations

from ..render.helpers import preset, region


def sharing_without_max_video_user() -> dict:
    """A dynamic screen-sharing layout (1280x720) without MaxVideoUser, and a text watermark over the centre of the
    first thumbnail (1120..1280 x 0..90)."""
    cfg = preset([], mode=2, w=1280, h=720)
    del cfg["VideoParams"]["LayoutParams"]["MixLayoutList"]
    cfg["Name"] = "Screen sharing, no MaxVideoUser"
    cfg["VideoParams"]["WaterMarkList"] = [
        {
            "WaterMarkType": 1,
            "WaterMarkText": {
                "Text": "LIVE",
                "WaterMarkWidth": 80,
                "WaterMarkHeight": 30,
                "LocationX": 1170,
                "LocationY": 30,
                "FontSize": 20,
                "FontColor": "0xFFFFFF",
                "BackGroundColor": "0xCC0033",
                "ZOrder": 2,
            },
        }
    ]
    return cfg


def portrait_small_screen() -> dict:
    """A portrait custom layout whose screen share (StreamType 1) is smaller than the host's camera."""
    screen = region(40, 40, 200, 150, "deck", z=1)
    screen["UserMediaStream"]["StreamType"] = 1
    screen["RenderMode"] = 1
    return preset([region(0, 0, 720, 1280, "host"), screen], w=720, h=1280)
