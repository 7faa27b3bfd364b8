"""Benchmark of the studio (not a timed test): keystroke-to-repaint latency, start-up to first paint, and burst
typing.

A design with 16 regions (grid 16 plus ten-pixel offsets) and two text watermarks is opened headless with Textual's
Pilot at 120x40. For each of N arrow-key nudges the time runs from the key press until the frame showing the moved
region is composed (the end of the screen update in which the canvas drew it: the key event, the edit, the
validator, the canvas redraw and the composition of every widget the frame repaints). The other panels (elements,
inspector, findings, status line with the new X/Y/W/H) follow in the next frame; "all panels" is the time to the end
of that frame. Start-up is from creating the app to the canvas's first draw.

Burst typing: the top watermark's Text field is opened and K printable keys (default 1,000) are handed to the app
at once, as a terminal read holding all of them delivers them (type-ahead, a paste without bracketed paste); timed
until the field holds exactly the typed text and until it is painted, then enter applies it: timed until the design
holds it and the canvas has redrawn. The script fails when the field's text is not exactly what was typed.

Run: ``python benchmarks/tui_bench.py [--presses N] [--keys K]``. Target (issue 11): median nudge-to-frame
<= 16 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual import events  # noqa: E402

from layout_studio.editing import EditSession, ops, templates  # noqa: E402
from layout_studio.editing.ops import new_preset  # noqa: E402
from layout_studio.tui.app import StudioApp  # noqa: E402
from layout_studio.tui.screens.editor import EditorScreen  # noqa: E402
from layout_studio.tui.widgets.canvas import CanvasView  # noqa: E402
from layout_studio.tui.widgets.fields import FieldInput  # noqa: E402


def design():
    """16 regions on a 1920x1080 canvas, two text watermarks."""
    preset = new_preset((1920, 1080))
    templates.apply_template(preset, "grid", "replace", 16)
    for _ in range(2):
        ops.add_text_watermark(preset)
    return preset


async def measure(presses: int) -> tuple[float, list[float], list[float]]:
    """Start-up time, and for each nudge the seconds to the frame with the moved region and to all panels (the same
    frame where the screen redraws every panel at once)."""
    draws: list[float] = []  # the canvas draw's end
    frames: list[tuple[float, bool]] = []  # (end of a screen update, whether the canvas drew in it)
    panel_frames: list[float] = []  # the end of the first screen update after each sync of the other panels
    pending = [False]
    deferred = hasattr(EditorScreen, "sync_panels")  # panels after the canvas frame, or in it
    original, refresh = CanvasView._draw, EditorScreen._compositor_refresh
    panels = getattr(EditorScreen, "sync_panels", None)

    def timed(self, width, height):
        lines = original(self, width, height)
        draws.append(time.perf_counter())
        return lines

    def timed_refresh(self):
        before = len(draws)
        refresh(self)
        now = time.perf_counter()
        frames.append((now, len(draws) > before))
        if pending[0]:
            pending[0] = False
            panel_frames.append(now)

    def timed_panels(self):
        panels(self)
        pending[0] = True

    CanvasView._draw, EditorScreen._compositor_refresh = timed, timed_refresh
    if deferred:
        EditorScreen.sync_panels = timed_panels
    try:
        t0 = time.perf_counter()
        app = StudioApp(EditSession(design()), offer_recovery=False, autosave_delay=3600)
        to_frame: list[float] = []
        to_panels: list[float] = []
        async with app.run_test(size=(120, 40)) as pilot:
            while not draws:
                await asyncio.sleep(0.001)
            startup = draws[0] - t0
            await pilot.press("tab")
            await pilot.pause()
            for i in range(presses):
                first, synced = len(frames), len(panel_frames)
                start = time.perf_counter()
                await pilot.press("right" if i % 2 == 0 else "left")
                while not any(drawn for _end, drawn in frames[first:]):
                    await asyncio.sleep(0.0005)
                to_frame.append(next(end for end, drawn in frames[first:] if drawn) - start)
                while deferred and len(panel_frames) == synced:
                    await asyncio.sleep(0.0005)
                to_panels.append(panel_frames[synced] - start if deferred else to_frame[-1])
                await pilot.pause()
    finally:
        CanvasView._draw, EditorScreen._compositor_refresh = original, refresh
        if deferred:
            EditorScreen.sync_panels = panels
    return startup, to_frame, to_panels


def _summary(seconds: list[float]) -> str:
    ms = sorted(x * 1000 for x in seconds)
    p95 = ms[max(0, round(0.95 * len(ms)) - 1)]
    return f"median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms"


#: The typed text: letters (w, d, a, s and r are canvas keys too), digits, spaces and punctuation.
SAMPLE = "Live from Shenzhen: wind & dust, 2026 (day 3). "


def key_event(ch: str) -> events.Key:
    """The Key event a terminal produces for the character ``ch``."""
    import unicodedata

    name = ch if ch.isalnum() else {" ": "space"}.get(ch, unicodedata.name(ch).lower().replace(" ", "_"))
    return events.Key(name, ch)


async def measure_burst(keys: int) -> tuple[float, float, float]:
    """Seconds from handing ``keys`` characters to the app at once until the field holds them all, until the field
    is painted with them, and from enter until the design holds the text and the canvas has redrawn."""
    text = (SAMPLE * (keys // len(SAMPLE) + 1))[:keys]
    paints: list[float] = []
    draws: list[float] = []
    render_line, draw = FieldInput.render_line, CanvasView._draw

    def timed_render_line(self, y):
        paints.append(time.perf_counter())
        return render_line(self, y)

    def timed_draw(self, width, height):
        lines = draw(self, width, height)
        draws.append(time.perf_counter())
        return lines

    FieldInput.render_line, CanvasView._draw = timed_render_line, timed_draw
    try:
        app = StudioApp(EditSession(design()), offer_recovery=False, autosave_delay=3600)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("tab")  # the top element: the second text watermark
            await pilot.press("enter")  # its Text field, selected (typing replaces it)
            await pilot.pause()
            field = app.focused
            assert isinstance(field, FieldInput), field
            start = time.perf_counter()
            for ch in text:
                event = key_event(ch)
                event.set_sender(app)
                app._driver.send_message(event)
            while field.value != text and len(field.value) < keys:
                await asyncio.sleep(0.0005)
            held = time.perf_counter()
            if field.value != text:
                raise SystemExit(f"burst typing is not exact: {len(field.value)} characters, expected {keys}")
            while not paints or paints[-1] < held:
                await asyncio.sleep(0.0005)
            painted = paints[-1]
            before = len(draws)
            enter = time.perf_counter()
            await pilot.press("enter")
            body = app.session.preset.video_params.water_mark_list[-1].water_mark_text
            while body.text != text.strip() or len(draws) == before:
                await asyncio.sleep(0.0005)
                body = app.session.preset.video_params.water_mark_list[-1].water_mark_text
            applied = draws[-1]
    finally:
        FieldInput.render_line, CanvasView._draw = render_line, draw
    return held - start, painted - start, applied - enter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=100)
    parser.add_argument("--keys", type=int, default=1000)
    args = parser.parse_args()
    startup, to_frame, to_panels = asyncio.run(measure(args.presses))
    held, painted, applied = asyncio.run(measure_burst(args.keys))
    print(f"studio start-up to first paint: {startup * 1000:.0f} ms (120x40, 16 regions, 2 watermarks)")
    print(
        f"nudge -> frame with the moved region, {len(to_frame)} presses: {_summary(to_frame)} (target: median <= 16 ms)"
    )
    print(f"nudge -> all panels updated (inspector, status X/Y/W/H): {_summary(to_panels)}")
    print(
        f"burst of {args.keys} keys into a text field: exact; held after {held * 1000:.0f} ms "
        f"({held * 1e6 / args.keys:.0f} µs a key), painted after {painted * 1000:.0f} ms; "
        f"enter -> applied and canvas redrawn {applied * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
