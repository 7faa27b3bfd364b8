"""A question with a short list of answers: the corner of a picture-in-picture, what to do with a region added to
a dynamic layout. Arrows and enter (or a click) pick an answer; escape cancels.

:class:`ChooseScreen` dismisses with the chosen answer's key, or None when cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option


class ChooseScreen(ModalScreen[str | None]):
    """``title``, an explanation ``text`` (may be empty) and ``answers``: ``(key, label)`` pairs; the first is
    highlighted."""

    DEFAULT_CSS = """
    ChooseScreen #choose-list { height: auto; max-height: 10; }
    ChooseScreen .dialog-hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, text: str, answers: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self._title, self._text, self._answers = title, text, answers

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            if self._text:
                yield Static(self._text, classes="dialog-text", markup=False)
            yield OptionList(*(Option(label, id=key) for key, label in self._answers), id="choose-list")
            yield Static("↑ ↓ choose, enter confirms, esc cancels", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        answers = self.query_one("#choose-list", OptionList)
        answers.highlighted = 0
        answers.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
