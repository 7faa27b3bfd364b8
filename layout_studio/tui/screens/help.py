"""The help screen (``?`` or F1): every key of the focused area with what it does, the mouse gestures of the canvas,
and every command of the palette (ctrl+p).

Nothing here is written twice: the keys are the active bindings of the screen below at the moment help was asked
for (the focused widget's, then its containers', the screen's and the app's, each with its description; a key that
does nothing there, like a letter while typing in a field, is not active and not listed); the commands are the
rows of :data:`layout_studio.tui.commands.ACTIONS`; the gestures are :data:`~layout_studio.tui.widgets.canvas.MOUSE`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ..commands import ACTIONS
from ..widgets.canvas import MOUSE

Row = tuple[str, str]


def _join(keys: list[str]) -> str:
    """``shift+← shift+→`` as ``shift+← →``: keys sharing a modifier are written with it once."""
    prefix = keys[0].rpartition("+")[0] + "+" if "+" in keys[0] else ""
    if len(keys) > 1 and prefix and all(k.startswith(prefix) for k in keys):
        return prefix + " ".join(k[len(prefix) :] for k in keys)
    return " ".join(keys)


def key_rows(app: App[object], active: dict[str, ActiveBinding]) -> list[Row]:
    """``(keys, what they do)`` for the ``active`` bindings that have a description (the binding's tooltip when it
    has one: the footer's label is short), in binding-chain order (the focused widget first); keys doing the same
    are listed together (``← → ↑ ↓``)."""
    grouped: dict[str, list[str]] = {}
    for binding in (ab.binding for ab in active.values() if ab.enabled):
        what = binding.tooltip or binding.description
        if not what:
            continue
        keys = grouped.setdefault(what, [])
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    return [(_join(keys), what) for what, keys in grouped.items()]


def palette_rows() -> list[Row]:
    """``(command, what it does)`` for every command palette entry."""
    return [(row.title, row.help) for row in ACTIONS]


#: The key (or command) column takes at most this share of the width, the description the rest.
KEY_SHARE = 0.4
#: Below this many cells for the description, a row is written on two lines: the key, then the description.
MIN_DESCRIPTION = 24


@dataclass
class KeyTable:
    """Two columns laid out for the width they are drawn in: the ``left`` column (keys, commands) as wide as its
    longest entry up to :data:`KEY_SHARE` of the width (a longer entry wraps at words), the description taking the
    rest and wrapping; when that leaves the description fewer than :data:`MIN_DESCRIPTION` cells, each row is two
    lines (the key, then its description indented)."""

    rows: list[Row]
    left: str
    right: str

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        longest = max((cell_len(cell) for cell in (self.left, *(a for a, _ in self.rows))), default=0)
        key_width = min(longest, max(int(width * KEY_SHARE), 12))
        if width - key_width - 3 < MIN_DESCRIPTION:
            table = Table(box=None, show_header=True, header_style="bold", expand=True, padding=(0, 1))
            table.add_column(f"{self.left}: {self.right}")
            for a, b in self.rows:
                table.add_row(Text(a, style="bold cyan"))
                table.add_row(Text("  " + b))
            yield table
            return
        table = Table(box=None, show_header=True, header_style="bold", expand=True, padding=(0, 1))
        table.add_column(self.left, style="bold cyan", width=key_width, overflow="fold")
        table.add_column(self.right, ratio=1)
        for a, b in self.rows:
            table.add_row(a, b)
        yield table


def _table(rows: Iterable[Row], left: str, right: str) -> KeyTable:
    return KeyTable(list(rows), left, right)


class HelpScreen(ModalScreen[None]):
    """Keys of ``area`` (its name, e.g. "Canvas") from ``rows``, then the mouse and the palette. Esc, ``?``, F1 or
    q closes it."""

    DEFAULT_CSS = """
    HelpScreen #help { width: 100; height: 90%; }
    HelpScreen #help-body { height: 1fr; }
    HelpScreen #help-body Static { margin-bottom: 1; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", key_display="?", show=False),
        Binding("f1", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, area: str, rows: list[Row]) -> None:
        super().__init__()
        self.area, self.rows = area, rows
        self.mouse: tuple[Row, ...] = MOUSE if area == "Canvas" else ()
        self.palette = palette_rows()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide", id="help"):
            yield Label(f"Keys: {self.area}   (esc closes)", classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(_table(self.rows, "key", f"in the {self.area.lower()}"), id="help-keys")
                if self.mouse:
                    yield Static(_table(self.mouse, "mouse", "on the canvas"), id="help-mouse")
                yield Static(
                    Text("Every command, also those without a key: ctrl+p, type a few letters, enter.", style="italic")
                )
                yield Static(_table(self.palette, "command (ctrl+p)", "what it does"), id="help-palette")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
