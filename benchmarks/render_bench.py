"""Benchmark of the preview renderer (issue 3): 1920x1080 canvas, 16 regions with CustomCrop and rounded corners
(a TransparentUrl template), 10 watermarks (5 image, 5 text).

Figures, each a median over repeated runs, and as a ratio to a *floor* measured in the same run: a fresh canvas
with the same pre-sized tiles pasted at the same offsets (the least any renderer must do):

* cold: a new Renderer and empty card/font caches (every card drawn, every image decoded, every tile scaled);
* warm: the same Renderer re-rendering after one region moved (targets: warm <= 3x floor, cold < 150 ms);
* warm from a dict: the same, but the config given as raw JSON (parsed each time).

Run: ``python benchmarks/render_bench.py`` (``--repeat N`` to change the number of runs).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image, ImageDraw  # noqa: E402

from layout_studio import fonts  # noqa: E402
from layout_studio.model import Preset  # noqa: E402
from layout_studio.render import Renderer, cards  # noqa: E402

W, H = 1920, 1080


def make_assets(tmp: Path) -> tuple[str, str]:
    """A rounded-corner TransparentUrl template and a logo PNG, as local files."""
    mask = Image.new("RGBA", (480, 270), (0, 0, 0, 0))
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, 479, 269), radius=40, fill=(0, 0, 0, 255))
    mask_path = tmp / "rounded.png"
    mask.save(mask_path)
    logo = Image.new("RGBA", (256, 128), (255, 255, 255, 0))
    ImageDraw.Draw(logo).ellipse((8, 8, 248, 120), fill=(255, 200, 0, 230))
    logo_path = tmp / "logo.png"
    logo.save(logo_path)
    return str(mask_path), str(logo_path)


def design(mask: str, logo: str, moved: int = 0) -> dict:
    """The benchmark preset as a dict; ``moved`` shifts region 5 right by that many pixels."""
    regions = []
    cw, ch = W // 4, H // 4
    for i in range(16):
        r, c = divmod(i, 4)
        regions.append(
            {
                "UserMediaStream": {
                    "UserInfo": {"UserId": f"user{i}", "RoomId": "1", "RoomIdType": 0},
                    "StreamType": 1 if i % 5 == 0 else 0,
                },
                "LocationX": c * cw + 8 + (moved if i == 5 else 0),
                "LocationY": r * ch + 8,
                "ImageWidth": cw - 16,
                "ImageHeight": ch - 16,
                "ZOrder": 1 + i % 3,
                "RenderMode": 0,
                "CustomCrop": {"LocationX": 40 + 8 * i, "LocationY": 20 + 4 * i, "Width": 960, "Height": 540},
                "TransparentUrl": mask,
            }
        )
    watermarks = []
    for i in range(5):
        watermarks.append(
            {
                "WaterMarkType": 0,
                "WaterMarkImage": {
                    "WaterMarkUrl": logo,
                    "WaterMarkWidth": 120 + 10 * i,
                    "WaterMarkHeight": 60 + 5 * i,
                    "LocationX": 40 + 360 * i,
                    "LocationY": 20,
                    "ZOrder": 5,
                },
            }
        )
        watermarks.append(
            {
                "WaterMarkType": 1,
                "WaterMarkText": {
                    "Text": f"Watermark text {i}",
                    "WaterMarkWidth": 300,
                    "WaterMarkHeight": 40,
                    "FontSize": 26,
                    "FontColor": "0xFFFFFF",
                    "BackGroundColor": "0x000000",
                    "LocationX": 40 + 360 * i,
                    "LocationY": 1000,
                    "ZOrder": 6,
                },
            }
        )
    return {
        "Format": "layout-studio/preset@1",
        "Name": "bench",
        "VideoParams": {
            "VideoEncode": {"Width": W, "Height": H, "Fps": 25, "BitRate": 3000, "Gop": 2},
            "BackGroundColor": "0x202020",
            "LayoutParams": {"MixLayoutMode": 4, "MixLayoutList": regions},
            "WaterMarkList": watermarks,
        },
    }


def ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmpdir:
        mask, logo = make_assets(Path(tmpdir))
        raw = [design(mask, logo, 0), design(mask, logo, 24)]
        presets = [Preset.model_validate(d) for d in raw]

        cold = []
        for _ in range(max(5, args.repeat // 3)):
            cards.make_card.cache_clear()
            fonts.get_font.cache_clear()
            fonts.font_file.cache_clear()
            r = Renderer()
            t = time.perf_counter()
            r.render(presets[0])
            cold.append(time.perf_counter() - t)

        r = Renderer()
        r.render(presets[0])
        r.render(presets[1])
        warm, warm_dict = [], []
        for i in range(args.repeat):
            t = time.perf_counter()
            r.render(presets[i % 2])
            warm.append(time.perf_counter() - t)
        for i in range(args.repeat):
            t = time.perf_counter()
            r.render(raw[i % 2])
            warm_dict.append(time.perf_counter() - t)

        # the floor: the same tiles, already sized, pasted on a fresh canvas
        from layout_studio.mix import coerce, resolve
        from layout_studio.render.context import RenderContext

        d = coerce(presets[0])
        ctx = RenderContext(r.tiles, r.images)
        layers = [layer for layer in r.layers(d, resolve(d), {}, ctx) if layer.tile is not None]
        floor = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            canvas = Image.new("RGB", (W, H), (32, 32, 32))
            for layer in layers:
                if layer.tile.mode == "RGBA":
                    canvas.paste(layer.tile, (layer.x, layer.y), layer.tile)
                else:
                    canvas.paste(layer.tile, (layer.x, layer.y))
            floor.append(time.perf_counter() - t)

    f = ms(floor)
    print(
        f"render benchmark: {W}x{H}, 16 regions (CustomCrop + rounded TransparentUrl), 10 watermarks; "
        f"median of {args.repeat} runs"
    )
    print(f"  floor (paste pre-sized tiles)   {f:8.2f} ms")
    print(f"  cold render                     {ms(cold):8.2f} ms   {ms(cold) / f:6.1f}x floor   (target < 150 ms)")
    print(f"  warm re-render, 1 region moved  {ms(warm):8.2f} ms   {ms(warm) / f:6.1f}x floor   (target <= 3x)")
    print(f"  warm, config as raw dict        {ms(warm_dict):8.2f} ms   {ms(warm_dict) / f:6.1f}x floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
