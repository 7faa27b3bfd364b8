"""The loss report names every feature a target cannot carry: the design holding them all (:func:`designs.sink`)
gives exactly these ``export.<target>.<what>`` findings, warnings where viewers would see or hear the difference."""

from __future__ import annotations

import pytest

from layout_studio import export
from layout_studio.findings import Severity

from .designs import show, sink

#: What each target loses of the sink design (the loss findings' last part), and which are infos.
LOST = {
    "recording": (
        {
            "audio-bitrate",
            "audio-codec",
            "background-custom-render",
            "cross-room-user",
            "custom-crop",
            "destination",
            "region-color",
            "render-mode",
            "sample-rate",
            "sei",
            "sei-pass-through",
            "sound-level",
            "stream-sei",
            "text-watermark",
            "to-complete",
            "transparent-url",
            "video-bitrate",
            "watermark-dynamic-pos",
            "watermark-zorder",
        },
        {"destination", "sei", "sei-pass-through", "stream-sei", "to-complete"},
    ),
    "mcu-legacy": (
        {
            "audio-lists",
            "background-custom-render",
            "canvas-image-mode",
            "cross-room-user",
            "custom-crop",
            "destination",
            "feedback-room",
            "placeholder-image-id",
            "placeholder-render-mode",
            "region-color",
            "sei",
            "sei-pass-through",
            "sound-level",
            "stream-sei",
            "text-watermark",
            "to-complete",
            "transparent-url",
            "watermark",
            "watermark-zorder",
        },
        {"destination", "sei", "sei-pass-through", "stream-sei", "to-complete"},
    ),
    "sdk-stream-mixing": (
        {
            "background-custom-render",
            "canvas-image-mode",
            "custom-crop",
            "feedback-room",
            "placeholder-render-mode",
            "sei",
            "sound-level",
            "stream-sei",
            "text-watermark",
            "transparent-url",
            "watermark-dynamic-pos",
            "zorder",
        },
        {"canvas-image-mode", "placeholder-render-mode", "sei", "stream-sei", "zorder"},
    ),
    "sdk-transcoding": (
        {
            "audio-bitrate",
            "audio-codec",
            "background-custom-render",
            "canvas-image-mode",
            "custom-crop",
            "destination",
            "framerate",
            "placeholder",
            "region-color",
            "sei",
            "sei-pass-through",
            "sound-level",
            "stream-sei",
            "text-watermark",
            "transparent-url",
            "unnamed-region",
            "watermark-dynamic-pos",
            "zorder",
        },
        {"canvas-image-mode", "destination", "sei", "sei-pass-through", "stream-sei", "zorder"},
    ),
    "web-cdn-streaming": (
        {
            "audio-bitrate",
            "audio-codec",
            "background-custom-render",
            "canvas-image-mode",
            "custom-crop",
            "destination",
            "framerate",
            "include-self",
            "placeholder",
            "region-color",
            "sei",
            "sei-pass-through",
            "sound-level",
            "stream-sei",
            "transparent-url",
            "unnamed-region",
            "watermark",
            "zorder",
        },
        {"canvas-image-mode", "destination", "include-self", "sei", "sei-pass-through", "stream-sei", "zorder"},
    ),
}


@pytest.mark.parametrize("target", sorted(LOST))
def test_the_loss_report_names_every_lost_feature(target, tmp_path):
    options = {"output": tmp_path / "show.json"} if target.startswith("sdk-") else {}
    result = export(sink(), target, **options)
    assert result.ok, [str(f) for f in result.findings if f.severity is Severity.ERROR]
    losses = [f for f in result.findings if f.code.startswith(f"export.{target}.")]
    assert {f.code.removeprefix(f"export.{target}.") for f in losses} == LOST[target][0]
    warned = {f.code.removeprefix(f"export.{target}.") for f in losses if f.severity is Severity.WARNING}
    assert LOST[target][0] - warned == LOST[target][1]  # the losses with no effect are infos only
    assert all(f.message and f.source for f in losses)


def test_each_loss_points_at_the_preset_field():
    findings = {f.code: f for f in export(sink(), "recording").findings}
    assert findings["export.recording.custom-crop"].path == "VideoParams.LayoutParams.MixLayoutList[1].CustomCrop"
    crossed = [f for f in export(sink(), "recording").findings if f.code == "export.recording.cross-room-user"]
    assert {f.path for f in crossed} == {
        "VideoParams.LayoutParams.MixLayoutList[3].UserMediaStream.UserInfo.RoomId",
        "AudioParams.SubscribeAudioList",
    }


def test_a_watermark_under_a_region_is_a_warning_and_one_on_top_an_info():
    zorders = [f for f in export(sink(), "recording").findings if f.code == "export.recording.watermark-zorder"]
    assert {f.path: f.severity for f in zorders} == {
        "VideoParams.WaterMarkList[0].WaterMarkText.ZOrder": Severity.INFO,  # ZOrder 3: on top in the MCU too
        "VideoParams.WaterMarkList[1].WaterMarkImage.ZOrder": Severity.WARNING,  # under guest's region
        "VideoParams.WaterMarkList[2].WaterMarkImage.ZOrder": Severity.INFO,
    }


def test_a_text_watermark_without_an_output_file_is_lost_on_client_targets():
    findings = export(show(), "sdk-transcoding").findings
    [text] = [f for f in findings if f.code == "export.sdk-transcoding.text-watermark"]
    assert text.severity is Severity.WARNING and "-o" in text.message


def test_a_cdn_url_secret_never_reaches_the_body():
    target = {
        "RoomId": "10001",
        "PublishCdnParams": [
            {"PublishCdnUrl": "rtmp://push.example.com/live/show?txSecret=abc123&txTime=5F", "IsTencentCdn": 1}
        ],
    }
    result = export(show(Target=target), "sdk-stream-mixing", output="x/show.json")
    assert result.body["target"]["cdnUrlList"][0]["rtmpUrl"] == "rtmp://push.example.com/live/show?txTime=5F"
    [secret] = [f for f in result.findings if f.code == "export.sdk-stream-mixing.secret"]
    assert "abc123" not in str(result.to_json()) and secret.path.endswith("(txSecret)")
