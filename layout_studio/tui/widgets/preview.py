"""The preview pane: the design rendered by :class:`layout_studio.render.Renderer` (Pillow) and shown with
textual-image, which picks the terminal's best method (kitty graphics, sixel, or coloured half blocks; plain
unicode blocks when not attached to a terminal).

The picture keeps the canvas's aspect ratio: it is letterboxed (centred, with bands) in its pane, from the terminal's
cell size (:func:`~.picture.cell_aspect`), so a 16:9 canvas shows 16:9 and a portrait canvas stays portrait. The caption
says what is shown: the render's notes first (a narrow pane cuts the caption's end), the size and render time, the
simulated room of a dynamic layout, and **stale** as soon as the design or the simulated room changed after the render,
saying which (:meth:`PreviewPane.changed`); :data:`PREVIEW_DELAY` seconds after the last change the pane posts
:class:`PreviewPane.Settled`, and the editor re-renders it if it is shown. The editor hands each render the pictures to
show for some users (``sources``: an ingest source's local picture) and, on a manual refresh, ``refresh`` (ask the
servers of downloaded images whether they changed).

Rendering runs in a worker thread so typing never waits for it. The last image is kept in :attr:`PreviewPane.image`.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import ComposeResult
from textual.containers import Center, Middle, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static
from textual_image.widget import Image

from ...editing.ops import canvas_of
from ...findings import Finding, Severity
from ..background import wait_for
from .picture import cell_aspect

if TYPE_CHECKING:
    from ...model import Preset
    from ...render import Renderer, RenderResult

#: Longest side of the image handed to the terminal (pixels); the full-size image is rendered for PNG output.
PREVIEW_MAX_SIDE = 640
#: Seconds from the last change of the design (or of the simulated room) to :class:`PreviewPane.Settled`.
PREVIEW_DELAY = 0.5
#: What made the preview stale, as the caption says it (:meth:`PreviewPane.changed`).
STALE_REASONS = {"design": "the design changed", "room": "the simulated room changed"}


def preview_scale(canvas: tuple[int, int]) -> float:
    """Scale factor that fits ``canvas`` into :data:`PREVIEW_MAX_SIDE` pixels (at most 1)."""
    return min(1.0, PREVIEW_MAX_SIDE / max(canvas[0], canvas[1], 1))


def short_urls(text: str) -> str:
    """``text`` with each URL shortened to its last part (``…/logo.png``): in the narrow caption the reason after
    it then shows (``render`` and ``validate`` give the whole URL)."""
    return re.sub(r"\b[a-z][a-z0-9+.-]*://\S*/(?=\S)", "…/", text)


def letterbox(canvas: tuple[int, int], cols: int, rows: int, aspect: float = 2.0) -> tuple[int, int]:
    """The largest (columns, rows) showing ``canvas`` (pixels) at its aspect ratio within ``cols`` x ``rows``
    cells whose height is ``aspect`` times their width; at least one cell each way."""
    cw, ch = canvas
    if cw <= 0 or ch <= 0 or cols <= 0 or rows <= 0:
        return max(cols, 1), max(rows, 1)
    ratio = cw / ch * aspect  # columns per row that keep the aspect ratio
    width = min(cols, round(rows * ratio))
    height = min(rows, round(width / ratio))
    return max(width, 1), max(height, 1)


class PreviewPane(Vertical):
    """Caption line plus the letterboxed image. :meth:`show_result` puts a render on screen; :attr:`image` is the
    last one; :attr:`stale` is True when the design changed after it."""

    DEFAULT_CSS = """
    PreviewPane { height: 1fr; }
    PreviewPane #preview-caption { height: auto; max-height: 3; color: $text-muted; }
    PreviewPane.-stale #preview-caption { color: $warning; }
    PreviewPane #preview-box { height: 1fr; width: 1fr; background: #101010; }
    PreviewPane.-stale #preview-image { tint: $background 40%; }
    """

    class Settled(Message):
        """:data:`PREVIEW_DELAY` seconds have passed since the last :meth:`PreviewPane.changed`."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._settle_timer: Timer | None = None
        self.image: Any = None
        self.stale = False
        #: What changed since the render (keys of :data:`STALE_REASONS`), in the order it happened.
        self.stale_reasons: list[str] = []
        self.room: str | None = None
        self._canvas: tuple[int, int] | None = None
        self._fitted: tuple[int, int] | None = None
        self._note = "Press r to render the preview."

    def compose(self) -> ComposeResult:
        yield Static(self._note, id="preview-caption", markup=False)
        with Middle(id="preview-box"), Center():
            yield Image(None, id="preview-image")

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        """Size the image widget to the letterbox of the canvas in the space below the caption."""
        if self._canvas is None:
            return
        space = self.query_one("#preview-box").size
        if not space.width or not space.height:
            return
        fitted = letterbox(self._canvas, space.width, space.height, cell_aspect())
        if fitted != self._fitted:
            self._fitted = fitted
            image = self.query_one("#preview-image", Image)
            image.styles.width, image.styles.height = fitted

    def _caption(self) -> None:
        """Stale mark, the simulated room, then the render's notes, size and time (three lines at most)."""
        stale = self.stale and self.image is not None
        why = " and ".join(STALE_REASONS[r] for r in self.stale_reasons) or STALE_REASONS["design"]
        why = why.replace(" changed and the ", " and the ")  # "the design and the simulated room changed"
        parts = [f"STALE: {why}, re-rendering when edits settle (r: now)"] if stale else []
        if self.room:
            parts.append(self.room)
        parts.append(self._note)
        self.set_class(stale, "-stale")
        self.query_one("#preview-caption", Static).update(" · ".join(parts))

    def show_message(self, text: str) -> None:
        """Put ``text`` in the caption (rendering…, an error)."""
        self._note = text
        self._caption()

    def changed(self, room: str | None = None, what: str = "design") -> None:
        """``what`` changed: the ``design`` or the simulated ``room`` (``room``: its caption line, for a dynamic
        layout): the image is stale from now on, the caption says what changed, and :class:`Settled` is posted
        :data:`PREVIEW_DELAY` seconds after the last call."""
        if room != self.room or not self.stale or what not in self.stale_reasons:
            self.room = room
            self.stale = True
            if what not in self.stale_reasons:
                self.stale_reasons.append(what)
            self._caption()
        if self._settle_timer is not None:
            self._settle_timer.stop()
        self._settle_timer = self.set_timer(PREVIEW_DELAY, lambda: self.post_message(self.Settled()))

    def show_result(self, image: Any, findings: list[Finding], elapsed_ms: float, canvas: tuple[int, int]) -> None:
        """Show a rendered PIL image of a ``canvas`` (pixels) design and a caption with the render's own findings
        (approximations, failed fetches)."""
        self.image = image
        self._canvas = canvas
        self.query_one("#preview-image", Image).image = image
        self._fit()
        warnings = [f for f in findings if f.severity is not Severity.INFO]
        note = f"{canvas[0]}×{canvas[1]} rendered at {image.width}×{image.height} in {elapsed_ms:.0f} ms"
        if warnings:  # first: in a narrow pane the caption's end is cut off
            count = f"{len(warnings)} render note{'s' if len(warnings) != 1 else ''}"
            note = f"{count}: {short_urls(warnings[0].message)} — {note}"
        self._note = note
        self._caption()

    def render_design(
        self,
        preset: Preset,
        renderer: Renderer,
        *,
        users: int | None = None,
        room: str | None = None,
        sources: dict[str, Any] | None = None,
        refresh: bool = False,
    ) -> None:
        """Render ``preset`` (a copy the caller no longer changes) with ``renderer`` for a room of ``users``
        (None: the renderer's default) in a worker, and show it; a newer call cancels the render in progress.
        ``room``: the caption line of a dynamic layout's simulated room; ``sources``: UserId -> picture (a path) to
        show for that user (:meth:`Renderer.render`); ``refresh``: ask the servers of downloaded images whether
        they changed. The pane is not stale from now on (a change after this call marks it again)."""
        self.stale = False
        self.stale_reasons = []
        self.room = room
        self.show_message("rendering…")
        self._render_in_thread(preset, renderer, users, sources or {}, refresh)

    @work(thread=True, exclusive=True, group="preview")
    def _render_in_thread(
        self, preset: Preset, renderer: Renderer, users: int | None, sources: dict[str, Any], refresh: bool
    ) -> None:
        """The render itself runs in a daemon thread this worker waits on (:func:`~..background.wait_for`): a newer
        render or quitting cancels the wait at once, so the app never waits (up to 15 s) for an image download of
        an abandoned render at exit."""
        canvas = canvas_of(preset)
        options: dict[str, Any] = {"sources": sources} if sources else {}
        if refresh:
            options["refresh"] = True
        start = time.perf_counter()
        done = wait_for(
            lambda: renderer.render(preset, users=users, scale=preview_scale(canvas), **options),
            "layout-studio-preview",
        )
        if done is None:
            return
        if done.error is not None:
            self.app.call_from_thread(self.show_message, f"preview failed: {done.error}")
            return
        ms = (time.perf_counter() - start) * 1000
        result: RenderResult = done.value  # type: ignore[assignment]
        self.app.call_from_thread(self.show_result, result.image, result.findings, ms, canvas)
