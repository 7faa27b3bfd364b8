"""The open dialog: pick a bundled preset or one of the user's presets, or type a path.

Dismisses with the chosen :class:`~pathlib.Path`, or None when cancelled.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from ...presets import bundled_presets, user_presets


class OpenScreen(ModalScreen[Path | None]):
    """Bundled presets, then the user's presets (``<data dir>/presets``), then a path field."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        options: list[Option | None] = []
        for heading, files in (("Bundled", bundled_presets()), ("Yours", user_presets())):
            options.append(Option(f"── {heading} ──", disabled=True))
            options += [Option(f"  {p.stem}", id=str(p)) for p in files]
        with Vertical(classes="dialog dialog-wide"):
            yield Label("Open a preset", classes="dialog-title")
            yield OptionList(*options, id="open-list")
            yield Input(placeholder="or type a path and press enter", id="open-path")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(Path(event.option.id))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.dismiss(Path(event.value.strip()).expanduser())

    def action_cancel(self) -> None:
        self.dismiss(None)
