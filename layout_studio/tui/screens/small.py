"""The screen shown in place of the studio while the terminal is smaller than the studio's minimum.

Below the minimum the canvas has no room to show the design, so nothing may act on it unseen: this screen covers
the editor (and any dialog), says how big the terminal is and how big it must be, and answers every key but ctrl+q
(quit, as everywhere) with "not done". The app pushes it when the terminal becomes too small and takes it away when
the terminal is big enough again (:class:`~layout_studio.tui.app.StudioApp`).
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static


class TooSmallScreen(Screen[None]):
    """The message for a terminal smaller than ``minimum`` (columns, rows)."""

    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen #too-small { width: 100%; height: auto; text-align: center; }
    """

    def __init__(self, minimum: tuple[int, int]) -> None:
        super().__init__()
        self.minimum = minimum
        self.refused: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="too-small", markup=False)

    def on_mount(self) -> None:
        self.show()

    def on_resize(self, event: events.Resize) -> None:
        self.show()

    def on_screen_resume(self) -> None:
        """Back on top (a dialog above it closed): gone when the terminal was enlarged meanwhile."""
        if self.fits(self.app.size.width, self.app.size.height):
            self.dismiss()
        else:
            self.show()

    def fits(self, width: int, height: int) -> bool:
        """True when a ``width`` × ``height`` terminal is big enough for the studio."""
        return width >= self.minimum[0] and height >= self.minimum[1]

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.refused = event.key
        self.show()

    def show(self) -> None:
        """Say the terminal's size, the minimum, and the last key that was not done."""
        w, h = self.app.size
        text = (
            f"Terminal too small: {w}×{h}.\n"
            f"The studio needs at least {self.minimum[0]}×{self.minimum[1]}.\n"
            "Enlarge the window (or use a smaller font).\nctrl+q quits."
        )
        if self.refused:
            text += f"\n“{self.refused}” not done: the design is not shown."
        self.query_one("#too-small", Static).update(text)
