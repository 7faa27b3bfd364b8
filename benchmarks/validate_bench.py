"""Benchmark: validate a 16-region, 25-watermark StartPublishCdnStream body (1920x1080, 4x4 grid, image and text
watermarks, audio allowlist, SEI) and print the cold first run and the median / p95 of warm runs, in ms.

Run: ``python benchmarks/validate_bench.py [--runs N]`` (default 200). Prints one line per measurement.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def build_body() -> dict:
    """A valid 16-region, 25-watermark mixing request (no findings expected: watermarks sit above the regions)."""
    width, height, cols = 1920, 1080, 4
    cell_w, cell_h = width // cols, height // cols
    regions = []
    for i in range(16):
        regions.append(
            {
                "UserMediaStream": {
                    "UserInfo": {"UserId": f"user_{i}", "RoomId": "295066", "RoomIdType": 0},
                    "StreamType": 0,
                },
                "LocationX": (i % cols) * cell_w,
                "LocationY": (i // cols) * cell_h,
                "ImageWidth": cell_w,
                "ImageHeight": cell_h,
                "ZOrder": 1,
                "RenderMode": 0,
                "BackgroundImageUrl": f"https://img.example.com/away/{i}.png",
            }
        )
    marks = []
    for i in range(25):
        x, y = 20 + (i % 5) * 370, 20 + (i // 5) * 200
        if i % 2:
            marks.append(
                {
                    "WaterMarkType": 1,
                    "WaterMarkText": {
                        "Text": f"caption {i}",
                        "WaterMarkWidth": 200,
                        "WaterMarkHeight": 40,
                        "LocationX": x,
                        "LocationY": y,
                        "FontSize": 24,
                        "FontColor": "0xFFFFFF",
                        "BackGroundColor": "0x000000",
                        "ZOrder": 10,
                        "Font": "SourceHanSans",
                    },
                }
            )
        else:
            marks.append(
                {
                    "WaterMarkType": 0,
                    "WaterMarkImage": {
                        "WaterMarkUrl": f"https://img.example.com/logo/{i}.png",
                        "WaterMarkWidth": 120,
                        "WaterMarkHeight": 60,
                        "LocationX": x,
                        "LocationY": y,
                        "ZOrder": 10,
                    },
                }
            )
    return {
        "SdkAppId": 1400188366,
        "RoomId": "295066",
        "RoomIdType": 0,
        "WithTranscoding": 1,
        "AgentParams": {"UserId": "mcu_robot_295066", "MaxIdleTime": 30},
        "AudioParams": {
            "AudioEncode": {"SampleRate": 48000, "Channel": 2, "BitRate": 64, "Codec": 0},
            "SubscribeAudioList": [
                {"UserInfo": {"UserId": f"user_{i}", "RoomId": "295066", "RoomIdType": 0}} for i in range(16)
            ],
        },
        "VideoParams": {
            "VideoEncode": {"Width": width, "Height": height, "Fps": 30, "BitRate": 4000, "Gop": 2},
            "BackGroundColor": "0x101010",
            "LayoutParams": {"MixLayoutMode": 4, "MixLayoutList": regions},
            "WaterMarkList": marks,
        },
        "SeiParams": {"LayoutVolume": {"AppData": "bench", "PayloadType": 100, "Interval": 1000, "FollowIdr": 1}},
        "PublishCdnParams": [{"PublishCdnUrl": "rtmp://push.example.com/live/bench", "IsTencentCdn": 1}],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="warm runs (default 200)")
    args = parser.parse_args(argv)
    body = build_body()

    t0 = time.perf_counter()
    from layout_studio.validation import validate  # noqa: PLC0415  (import time is part of the cold figure)

    t_import = time.perf_counter()
    findings = validate(body)
    t_first = time.perf_counter()

    from layout_studio.documents import parse  # already imported

    model, _ = parse(body)
    warm, warm_model = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        validate(body)
        warm.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        validate(model)
        warm_model.append((time.perf_counter() - start) * 1000)

    def p95(values: list[float]) -> float:
        return sorted(values)[max(0, int(len(values) * 0.95) - 1)]

    regions = len(body["VideoParams"]["LayoutParams"]["MixLayoutList"])
    marks = len(body["VideoParams"]["WaterMarkList"])
    print(
        f"config: {regions} regions, {marks} watermarks, {len(findings)} findings "
        f"({sum(f.severity.value == 'error' for f in findings)} errors)"
    )
    print(f"import layout_studio.validation: {(t_import - t0) * 1000:.1f} ms")
    print(f"cold first validate (raw dict): {(t_first - t_import) * 1000:.2f} ms")
    print(f"warm validate(raw dict), {args.runs} runs: median {statistics.median(warm):.2f} ms, p95 {p95(warm):.2f} ms")
    print(
        f"warm validate(model), {args.runs} runs: median {statistics.median(warm_model):.2f} ms, "
        f"p95 {p95(warm_model):.2f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
