"""Benchmark of the studio (not a timed test): keystroke-to-repaint latency and start-up to first paint.

A design with 16 regions (grid 16 plus ten-pixel offsets) and two text watermarks is opened headless with Textual's
Pilot at 120x40. For each of N arrow-key nudges the time runs from the key press until the canvas has drawn the
moved region (the canvas widget's draw is timed at its end), so it covers the key event, the edit, the validator,
every panel's update and the canvas redraw. Start-up is from creating the app to the canvas's first draw.

Run: ``python benchmarks/tui_bench.py [--presses N]``. Target (issue 4): median nudge-to-repaint <= 30 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from layout_studio.editing import EditSession, ops, templates  # noqa: E402
from layout_studio.editing.ops import new_preset  # noqa: E402
from layout_studio.tui.app import StudioApp  # noqa: E402
from layout_studio.tui.widgets.canvas import CanvasView  # noqa: E402


def design():
    """16 regions on a 1920x1080 canvas, two text watermarks."""
    preset = new_preset((1920, 1080))
    templates.apply_template(preset, "grid", "replace", 16)
    for _ in range(2):
        ops.add_text_watermark(preset)
    return preset


async def measure(presses: int) -> tuple[float, list[float]]:
    draws: list[float] = []
    original = CanvasView._draw

    def timed(self, width, height):
        lines = original(self, width, height)
        draws.append(time.perf_counter())
        return lines

    CanvasView._draw = timed
    try:
        t0 = time.perf_counter()
        app = StudioApp(EditSession(design()), offer_recovery=False, autosave_delay=3600)
        latencies: list[float] = []
        async with app.run_test(size=(120, 40)) as pilot:
            while not draws:
                await asyncio.sleep(0.001)
            startup = draws[0] - t0
            await pilot.press("tab")
            await pilot.pause()
            for i in range(presses):
                before = len(draws)
                start = time.perf_counter()
                await pilot.press("right" if i % 2 == 0 else "left")
                while len(draws) == before:
                    await asyncio.sleep(0.0005)
                latencies.append(draws[-1] - start)
    finally:
        CanvasView._draw = original
    return startup, latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=100)
    args = parser.parse_args()
    startup, lat = asyncio.run(measure(args.presses))
    lat_ms = sorted(x * 1000 for x in lat)
    p95 = lat_ms[max(0, round(0.95 * len(lat_ms)) - 1)]
    print(f"studio start-up to first paint: {startup * 1000:.0f} ms (120x40, 16 regions, 2 watermarks)")
    print(
        f"nudge -> repaint over {len(lat_ms)} presses: median {statistics.median(lat_ms):.1f} ms, "
        f"p95 {p95:.1f} ms, max {lat_ms[-1]:.1f} ms (target: median <= 30 ms)"
    )


if __name__ == "__main__":
    main()
