"""The preview pane: the design rendered by :class:`layout_studio.render.Renderer` (Pillow) and shown with
textual-image, which picks the terminal's best method (kitty graphics, sixel, or coloured half blocks; plain
unicode blocks when not attached to a terminal).

Rendering runs in a worker thread so typing never waits for it; ``r`` re-renders. The last image is kept in
:attr:`PreviewPane.image`.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual.worker import get_current_worker
from textual_image.widget import Image

from ...editing.ops import canvas_of
from ...findings import Finding, Severity

if TYPE_CHECKING:
    from ...model import Preset
    from ...render import Renderer, RenderResult

#: Longest side of the image handed to the terminal (pixels); the full-size image is rendered for PNG output.
PREVIEW_MAX_SIDE = 640


def preview_scale(canvas: tuple[int, int]) -> float:
    """Scale factor that fits ``canvas`` into :data:`PREVIEW_MAX_SIDE` pixels (at most 1)."""
    return min(1.0, PREVIEW_MAX_SIDE / max(canvas[0], canvas[1], 1))


class PreviewPane(Vertical):
    """Caption line plus the image. :meth:`show_result` puts a render on screen; :attr:`image` is the last one."""

    DEFAULT_CSS = """
    PreviewPane { height: 1fr; }
    PreviewPane #preview-caption { height: auto; max-height: 2; color: $text-muted; }
    PreviewPane #preview-image { width: 1fr; height: 1fr; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.image: Any = None

    def compose(self) -> ComposeResult:
        yield Static("Press r to render the preview.", id="preview-caption", markup=False)
        yield Image(None, id="preview-image")

    def show_message(self, text: str) -> None:
        """Put ``text`` in the caption (rendering…, an error)."""
        self.query_one("#preview-caption", Static).update(text)

    def show_result(self, image: Any, findings: list[Finding], elapsed_ms: float) -> None:
        """Show a rendered PIL image and a caption with the render's own findings (approximations, failed fetches)."""
        self.image = image
        self.query_one("#preview-image", Image).image = image
        warnings = [f for f in findings if f.severity is not Severity.INFO]
        note = f"{image.width}×{image.height} in {elapsed_ms:.0f} ms"
        if warnings:
            note += f" — {len(warnings)} render notes: {warnings[0].message}"
        self.show_message(note)

    def render_design(self, preset: Preset, renderer: Renderer) -> None:
        """Render ``preset`` (a copy the caller no longer changes) with ``renderer`` in a worker, and show it; a
        newer call cancels the render in progress."""
        self.show_message("rendering…")
        self._render_in_thread(preset, renderer)

    @work(thread=True, exclusive=True, group="preview")
    def _render_in_thread(self, preset: Preset, renderer: Renderer) -> None:
        """The render itself runs in a daemon thread this worker waits on, checking for cancellation every 50 ms: a
        newer render or quitting cancels the wait at once, so the app never waits (up to 15 s) for an image
        download of an abandoned render at exit."""
        worker = get_current_worker()
        outcome: dict[str, Any] = {}
        done = threading.Event()

        def render() -> None:
            try:
                outcome["result"] = renderer.render(preset, scale=preview_scale(canvas_of(preset)))
            except Exception as err:  # noqa: BLE001 - the preview must report, never crash the editor
                outcome["error"] = err
            finally:
                done.set()

        start = time.perf_counter()
        threading.Thread(target=render, name="layout-studio-preview", daemon=True).start()
        while not done.wait(0.05):
            if worker.is_cancelled:
                return
        if worker.is_cancelled:
            return
        if "error" in outcome:
            self.app.call_from_thread(self.show_message, f"preview failed: {outcome['error']}")
            return
        ms = (time.perf_counter() - start) * 1000
        result: RenderResult = outcome["result"]
        self.app.call_from_thread(self.show_result, result.image, result.findings, ms)
