"""Benchmark of the contact sheet (issue 12): a 16-state sheet of a 1920x1080 design against a warm render of it.

Two designs, each sheet with 16 room states (``users=(1, 16)``, 320-pixel tiles):

* the dynamic grid (MixLayoutMode 3) with 1 to 16 users: every state has other region sizes, so little is reused;
* the render benchmark's custom design (16 regions with CustomCrop and rounded TransparentUrl, 10 watermarks;
  ``benchmarks/render_bench.py``) with 1 to 16 users.

Figures, medians over repeated runs: a warm render (the same Renderer rendering the design again at full size,
16 users), the sheet from cold (a new Renderer, empty card and font caches: what ``layout-studio sheet`` does in a
fresh process, imports aside) and the sheet warm (the studio's Renderer again). Target: cold sheet <= 16x a warm
render.

Run: ``python benchmarks/sheet_bench.py`` (``--repeat N`` to change the number of runs).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_bench import design as custom_design  # noqa: E402
from render_bench import make_assets  # noqa: E402

from layout_studio import fonts  # noqa: E402
from layout_studio.mix import coerce  # noqa: E402
from layout_studio.render import Renderer, cards  # noqa: E402
from layout_studio.sheet import build_sheet  # noqa: E402

W, H = 1920, 1080
USERS = (1, 16)


def grid_design() -> dict:
    """A dynamic grid on a 1920x1080 canvas."""
    return {
        "Format": "layout-studio/preset@1",
        "Name": "grid",
        "VideoParams": {
            "VideoEncode": {"Width": W, "Height": H, "Fps": 25, "BitRate": 3000, "Gop": 2},
            "BackGroundColor": "0x202020",
            "LayoutParams": {"MixLayoutMode": 3},
        },
    }


def ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def measure(name: str, raw: dict, repeat: int) -> None:
    design = coerce(raw)
    r = Renderer()
    r.render(design, users=16)
    warm = []
    for _ in range(repeat):
        t = time.perf_counter()
        r.render(design, users=16)
        warm.append(time.perf_counter() - t)
    cold = []
    for _ in range(max(3, repeat // 5)):
        cards.make_card.cache_clear()
        cards.reduced_card.cache_clear()
        fonts.get_font.cache_clear()
        fonts.font_file.cache_clear()
        t = time.perf_counter()
        sheet = build_sheet(design, users=USERS, renderer=Renderer())
        cold.append(time.perf_counter() - t)
    studio = Renderer()
    build_sheet(design, users=USERS, renderer=studio)
    again = []
    for _ in range(max(3, repeat // 5)):
        t = time.perf_counter()
        build_sheet(design, users=USERS, renderer=studio)
        again.append(time.perf_counter() - t)
    w = ms(warm)
    print(f"  {name}: {len(sheet.tiles)} states, sheet {sheet.image.width}x{sheet.image.height}")
    print(f"    warm render (full size, 16 users)  {w:8.2f} ms")
    ratio = ms(cold) / w
    print(f"    sheet, cold                        {ms(cold):8.2f} ms   {ratio:5.1f}x warm render   (target <= 16x)")
    print(f"    sheet, warm Renderer               {ms(again):8.2f} ms   {ms(again) / w:5.1f}x warm render")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(f"contact sheet benchmark: {W}x{H}, 16 room states, 320-pixel tiles; medians")
    measure("dynamic grid", grid_design(), args.repeat)
    with tempfile.TemporaryDirectory() as tmpdir:
        mask, logo = make_assets(Path(tmpdir))
        measure("custom, 16 regions + 10 watermarks", custom_design(mask, logo), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
