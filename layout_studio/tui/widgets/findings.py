"""The findings panel: every finding of the validator for the design, live, errors first.

Folded (the usual state) each finding takes one line, cut with an ellipsis to the panel's width, so the panel shows
as many as its height allows and scrolls to the rest; :attr:`FindingsPanel.expanded` (the editor sets it while the
panel has the focus it gives with ``f``) shows each finding in full, wrapped. The border names the counts and the
key. Clicking an entry posts :class:`FindingsPanel.Chosen`, and enter runs the screen's ``go_to_finding`` action on
the highlighted one (:attr:`FindingsPanel.highlighted_finding`): the screen selects the element the finding names and
focuses the field.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...findings import Finding, Severity, count_line
from ..keys import FINDINGS_KEY

ICONS = {Severity.ERROR: ("✖", "bold red"), Severity.WARNING: ("▲", "yellow"), Severity.INFO: ("ℹ", "cyan")}


def finding_text(f: Finding) -> Text:
    """``✖ VideoParams…[1].LocationX: message`` with the icon coloured by severity."""
    icon, style = ICONS[f.severity]
    short = f.path.replace("VideoParams.LayoutParams.MixLayoutList", "Region").replace("VideoParams.", "")
    text = Text.assemble((f"{icon} ", style), (short or "(design)", "bold"), ": ", f.message)
    return text


class FindingsPanel(OptionList):
    """Lists findings; :meth:`show` replaces them."""

    DEFAULT_CSS = "FindingsPanel { height: 7; }"
    #: enter runs the screen's ``go_to_finding`` at once (a message would reach it after the keys typed ahead).
    BINDINGS = [
        Binding("enter", "screen.go_to_finding", "Go to", tooltip="Select the finding's element and go to its field")
    ]

    #: Each finding in full (wrapped) instead of one line each.
    expanded: reactive[bool] = reactive(False)

    class Chosen(Message):
        """A finding was chosen."""

        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.findings: list[Finding] | None = None
        self._width = 0
        self.border_title = "Findings"

    def show(self, findings: list[Finding]) -> None:
        """Show ``findings`` (already sorted); keeps the highlight when the list did not change."""
        if findings == self.findings:
            return
        self.findings = list(findings)
        self._rebuild()

    def _rebuild(self) -> None:
        findings = self.findings or []
        key = "" if self.expanded or not findings else f" ({FINDINGS_KEY})"
        self.border_title = f"Findings: {count_line(findings, (Severity.ERROR, Severity.WARNING))}{key}"
        highlighted = self.highlighted
        self.clear_options()
        if not findings:
            self.add_option(Option(Text("✔ no findings", style="green"), disabled=True))
            return
        width = self.scrollable_content_region.width
        self._width = width
        options = []
        for i, f in enumerate(findings):
            text = finding_text(f)
            if not self.expanded and width > 1:
                text.truncate(width, overflow="ellipsis")
            options.append(Option(text, id=str(i)))
        self.add_options(options)
        if highlighted is not None and highlighted < len(options):
            self.highlighted = highlighted

    def watch_expanded(self) -> None:
        if self.findings is not None:
            self._rebuild()

    def on_resize(self, event: events.Resize) -> None:
        if self.findings and self.scrollable_content_region.width != self._width:
            self._rebuild()

    @property
    def highlighted_finding(self) -> Finding | None:
        """The highlighted finding, or None."""
        option = self.highlighted_option
        if option is None or option.id is None or self.findings is None:
            return None
        return self.findings[int(option.id)]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None and self.findings is not None:
            self.post_message(self.Chosen(self.findings[int(event.option.id)]))
