"""The findings panel: every finding of the validator for the design, live, errors first.

Choosing an entry (enter or click) posts :class:`FindingsPanel.Chosen`; the screen selects the element the
finding names and focuses the field.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...findings import Finding, Severity, count_line

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

    class Chosen(Message):
        """A finding was chosen."""

        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.findings: list[Finding] | None = None
        self.border_title = "Findings"

    def show(self, findings: list[Finding]) -> None:
        """Show ``findings`` (already sorted); keeps the highlight when the list did not change."""
        if findings == self.findings:
            return
        self.findings = list(findings)
        self.clear_options()
        if findings:
            self.add_options([Option(finding_text(f), id=str(i)) for i, f in enumerate(findings)])
        else:
            self.add_option(Option(Text("✔ no findings", style="green"), disabled=True))
        self.border_title = f"Findings: {count_line(findings, (Severity.ERROR, Severity.WARNING))}"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None and self.findings is not None:
            self.post_message(self.Chosen(self.findings[int(event.option.id)]))
