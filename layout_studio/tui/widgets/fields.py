"""Field forms of the inspector: one row per :class:`~layout_studio.editing.fields.InspectorField` — label, input,
and the finding for that field right beside it (below the input, in the error or warning colour).

Typing posts :class:`FieldForm.Edited` with the text; the screen parses it (an invalid value is shown as the row's
problem and never reaches the model) and applies it as one undoable step per field.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from ...editing.fields import InspectorField, format_value, full_path, read_field
from ...findings import Finding, Severity
from ...model import Preset


def _css_id(path: str) -> str:
    return "f-" + "".join(c if c.isalnum() else "_" for c in path)


class FieldRow(Widget):
    """Label + input + problem line for one field."""

    DEFAULT_CSS = """
    FieldRow { height: auto; }
    FieldRow Horizontal { height: 1; }
    FieldRow Label { width: 15; }
    FieldRow Input { width: 1fr; height: 1; border: none; padding: 0; }
    FieldRow .problem { display: none; padding-left: 1; height: auto; max-height: 2; }
    FieldRow.-has-problem .problem { display: block; }
    FieldRow.-error .problem { color: $error; }
    FieldRow.-warning .problem { color: $warning; }
    """

    def __init__(self, spec: InspectorField) -> None:
        super().__init__(id=_css_id(spec.path))
        self.spec = spec
        self.parse_error: str | None = None
        self._shown_problem: tuple[str, Severity | None] = ("", None)

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(self.spec.label)
            yield Input(placeholder=self.spec.hint, compact=True)
        yield Static("", classes="problem", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def set_value(self, text: str) -> None:
        """Show ``text`` unless the user is typing here (or has an unparsed value pending)."""
        inp = self.input
        if inp.has_focus and (self.parse_error or inp.value.strip() == text):
            return
        if inp.value != text:
            with inp.prevent(Input.Changed):
                inp.value = text
        self.parse_error = None

    def set_problem(self, findings: list[Finding]) -> None:
        """Show the parse error, else the first finding for this field, else nothing."""
        if self.parse_error:
            text, severity = self.parse_error, Severity.ERROR
        elif findings:
            text, severity = findings[0].message, findings[0].severity
        else:
            text, severity = "", None
        if (text, severity) == self._shown_problem:
            return
        self._shown_problem = (text, severity)
        self.set_class(bool(text), "-has-problem")
        self.set_class(severity is Severity.ERROR, "-error")
        self.set_class(severity is Severity.WARNING or severity is Severity.INFO, "-warning")
        self.query_one(".problem", Static).update(text)


class FieldForm(VerticalScroll):
    """A column of :class:`FieldRow` for ``specs`` under an API ``base`` path ("" for preset-root fields)."""

    DEFAULT_CSS = "FieldForm { height: 1fr; }"

    class Edited(Message):
        """Text typed in a field (``done``: enter pressed, closes the undo step)."""

        def __init__(self, form: FieldForm, spec: InspectorField, text: str, done: bool = False) -> None:
            super().__init__()
            self.form, self.spec, self.text, self.done = form, spec, text, done

    def __init__(self, specs: tuple[InspectorField, ...], base: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.specs = specs
        self.base = base

    def compose(self) -> ComposeResult:
        for spec in self.specs:
            yield FieldRow(spec)

    def rows(self) -> list[FieldRow]:
        return list(self.query(FieldRow))

    def load(self, preset: Preset, findings_by_path: dict[str, list[Finding]]) -> None:
        """Show the design's values and each field's findings."""
        for row in self.rows():
            row.set_value(format_value(row.spec, read_field(preset, self.base, row.spec)))
            row.set_problem(findings_by_path.get(full_path(self.base, row.spec), []))

    def row_for(self, path: str) -> FieldRow | None:
        """The row whose full API path is ``path`` (or the first row for the element path itself)."""
        for row in self.rows():
            if full_path(self.base, row.spec) == path:
                return row
        return None

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        row = next(a for a in event.input.ancestors if isinstance(a, FieldRow))
        self.post_message(self.Edited(self, row.spec, event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        row = next(a for a in event.input.ancestors if isinstance(a, FieldRow))
        self.post_message(self.Edited(self, row.spec, event.value, done=True))
