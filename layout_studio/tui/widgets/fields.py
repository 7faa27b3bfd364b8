"""Field forms of the inspector: one row per :class:`~layout_studio.editing.fields.InspectorField` — label, input
(and, for a colour, a swatch of it), the row's problem right below the input, in the error or warning colour, and,
while the field has the focus, its whole hint (the allowed values and unit, which the input's placeholder shows only
as far as the column is wide; also the input's tooltip).

The text of a field is the user's from the first key typed until the user leaves the field: the design's value is
not written over it and nothing reaches the design while typing (each prefix of ``1920`` is a valid number, and a
refused ``100.5`` must not leave ``100`` behind). The typed value goes to the design, whole, as one undo step, on
enter (the focus stays), tab, shift+tab, up or down (the focus moves on only when the value was applied) or when the
field loses the focus another way (a click elsewhere). Esc cancels: the field shows the design's value again. ctrl+z
with typed text drops the typing (a second ctrl+z undoes the design). While typing, text that is not a value of the
field is said below it; a refused value keeps its reason there, and the design is exactly as it was. Dropping the
typing (ctrl+z) selects the design's value again, so what is typed next replaces it.

Applying is the :class:`FieldEditor`'s (the inspector's) work; a form only hands it the typed text and the element
path (``base``) the field was showing when the typing began, so a value never lands on an element selected since.
"""

from __future__ import annotations

from typing import Any, Protocol

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import Blur, Focus
from textual.widget import Widget
from textual.widgets import Input, Label, Static
from textual.widgets.input import Selection

from ...editing.fields import FieldError, InspectorField, format_value, full_path, parse_value, read_field
from ...findings import Finding, Severity
from ...model import Preset
from ...values import ValueFormatError, normalize_color, parse_color


class FieldEditor(Protocol):
    """Who applies typed text to the design (the inspector)."""

    def apply_field(self, base: str, spec: InspectorField, text: str) -> str | None:
        """Apply ``text`` to field ``spec`` of the element at ``base`` as one undo step; None when applied (or when
        it changes nothing), else why it was refused (the design unchanged)."""

    def tell(self, message: str) -> None:
        """Say ``message`` in the status line."""


def _css_id(path: str) -> str:
    return "f-" + "".join(c if c.isalnum() else "_" for c in path)


def select_all(field: Input) -> None:
    """Select the whole text of ``field`` (typing replaces it), now: a field reached by the keyboard is selected
    before the next typed key is handled."""
    field.selection = Selection(0, len(field.value))


#: What tab / down and shift+tab / up do in a field (the help screen's rows).
_NEXT = "Apply the typed value, then the next field (a refused value keeps the focus here)"
_PREVIOUS = "Apply the typed value, then the previous field"


class FieldInput(Input):
    """The input of a :class:`FieldRow` (keys: see the module docstring). It selects nothing on focus by itself:
    the keys that move into a field select its text at once (:func:`select_all`), before a key typed ahead lands."""

    BINDINGS = [
        Binding("enter", "submit", "Apply", tooltip="Apply the typed value (the focus stays in the field)"),
        Binding("escape", "cancel", "Cancel", tooltip="Cancel the typing (the design keeps its value), to the canvas"),
        Binding("tab", "leave(1)", _NEXT, show=False),
        Binding("shift+tab", "leave(-1)", _PREVIOUS, show=False),
        Binding("down", "leave(1)", _NEXT, show=False),
        Binding("up", "leave(-1)", _PREVIOUS, show=False),
        Binding("ctrl+z", "drop_typing", "Undo", tooltip="Drop the typing; with nothing typed, undo the last change"),
    ]

    def __init__(self, row: FieldRow, **kwargs: Any) -> None:
        super().__init__(select_on_focus=False, compact=True, **kwargs)
        self.row = row

    async def action_submit(self) -> None:
        """enter: apply the typed value; the focus stays here."""
        self.row.commit()

    def action_cancel(self) -> None:
        """esc: drop the typed text (saying what was not applied), then let the screen's esc run (to the canvas)."""
        self.row.cancel()
        self.skip()

    def action_leave(self, step: int) -> None:
        """tab / down (``step`` 1), shift+tab / up (-1): apply, then go to the next or previous field; a refused
        value keeps the focus here."""
        if not self.row.commit():
            return
        screen = self.screen
        screen.focus_next() if step > 0 else screen.focus_previous()
        if isinstance(screen.focused, FieldInput):
            select_all(screen.focused)

    def action_drop_typing(self) -> None:
        """ctrl+z: drop the typed text, the design's value selected (what is typed next replaces it); with nothing
        typed, let the screen undo the design."""
        if self.row.pending:
            self.row.revert()
            select_all(self)
        else:
            self.skip()

    def skip(self) -> None:
        """Let the next binding of the key (the screen's) run too."""
        from textual.actions import SkipAction

        raise SkipAction()

    def on_focus(self, event: Focus) -> None:
        """The row shows the field's whole hint while the field has the focus."""
        self.row.set_class(True, "-focused")

    def on_blur(self, event: Blur) -> None:
        """Leaving the field another way (a click elsewhere) applies it; a refused value is dropped from the field
        (its reason stays). When the terminal itself lost the focus, the text stays for the user's return."""
        self.row.set_class(False, "-focused")
        if self.app.app_focus:
            self.row.leave()


class FieldRow(Widget):
    """Label + input (+ colour swatch) + problem line for one field. :attr:`shown` is the design's text for it as
    last loaded, :attr:`base` the element path it was loaded under."""

    DEFAULT_CSS = """
    FieldRow { height: auto; }
    FieldRow Horizontal { height: 1; }
    FieldRow Label { width: 15; }
    FieldRow Input { width: 1fr; height: 1; border: none; padding: 0; }
    FieldRow.-pending Input { text-style: italic; }
    FieldRow .swatch { width: 4; margin-left: 1; color: $text-muted; }
    FieldRow .problem { display: none; padding-left: 1; height: auto; max-height: 3; }
    FieldRow .hint { display: none; padding-left: 1; height: auto; max-height: 3; color: $text-muted; }
    FieldRow.-focused .hint { display: block; }
    FieldRow.-has-problem .problem { display: block; }
    FieldRow.-error .problem { color: $error; }
    FieldRow.-warning .problem { color: $warning; }
    """

    def __init__(self, spec: InspectorField) -> None:
        super().__init__(id=_css_id(spec.path))
        self.spec = spec
        self.shown = ""
        self.base = ""
        #: Why the last value applied here was refused (shown until the field is edited again or reloaded).
        self.refusal: str | None = None
        #: What is wrong with the text being typed (said while typing; not applied either way).
        self.typing_problem: str | None = None
        self._findings: list[Finding] = []
        self._shown_problem: tuple[str, Severity | None] = ("", None)
        self._swatch: tuple[str | None, str] = (None, "")

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(self.spec.label)
            field = FieldInput(self, placeholder=self.spec.hint)
            field.tooltip = self.spec.hint or None
            yield field
            if self.spec.kind == "color":
                yield Static("", classes="swatch")
        if self.spec.hint:
            yield Static(f"{self.spec.label}: {self.spec.hint}", classes="hint", markup=False)
        yield Static("", classes="problem", markup=False)

    @property
    def input(self) -> FieldInput:
        return self.query_one(FieldInput)

    @property
    def form(self) -> FieldForm | None:
        parent = self.parent
        return parent if isinstance(parent, FieldForm) else None

    @property
    def pending(self) -> bool:
        """True when the field holds typed text that is not the design's."""
        return self.input.value != self.shown

    # -- the design's side ---------------------------------------------------------------------------------------
    def set_value(self, text: str, base: str) -> None:
        """Show the design's ``text`` for the element at ``base``, unless the user has typed here and not left."""
        if self.pending:
            return
        if base != self.base:
            self.refusal = None
        self.base = base
        self._write(text)

    def _write(self, text: str) -> None:
        self.shown = text
        field = self.input
        if field.value != text:
            with field.prevent(Input.Changed):
                field.value = text
        self.typing_problem = None
        self.set_class(False, "-pending")
        self._update_swatch(text)

    def set_problem(self, findings: list[Finding]) -> None:
        """Show the refusal, else the problem of the text being typed, else the first finding for this field."""
        self._findings = findings
        self._show_problem()

    def _show_problem(self) -> None:
        if self.refusal or self.typing_problem:
            text, severity = self.refusal or self.typing_problem or "", Severity.ERROR
        elif self._findings:
            text, severity = self._findings[0].message, self._findings[0].severity
        else:
            text, severity = "", None
        if (text, severity) == self._shown_problem:
            return
        self._shown_problem = (text, severity)
        self.set_class(bool(text), "-has-problem")
        self.set_class(severity is Severity.ERROR, "-error")
        self.set_class(severity is Severity.WARNING or severity is Severity.INFO, "-warning")
        self.query_one(".problem", Static).update(text)

    def _update_swatch(self, text: str) -> None:
        """The swatch beside a colour field shows ``text``'s colour between brackets (so that a colour close to the
        background still shows where it is); blank when the field is empty, ``[??]`` when the text is not a
        colour."""
        if self.spec.kind != "color":
            return
        try:
            rgb = parse_color(normalize_color(text)) if text.strip() else None
        except ValueFormatError:
            rgb = None
        color = "#{:02X}{:02X}{:02X}".format(*rgb) if rgb else None
        state = (color, "" if color or not text.strip() else "??")  # empty: no colour set; ??: not a colour
        if state == self._swatch:
            return
        self._swatch = state
        if color is not None:
            swatch = Text.assemble("[", ("  ", Style(bgcolor=color)), "]")
        else:
            swatch = Text(f"[{state[1]}]" if state[1] else "")
        self.query_one(".swatch", Static).update(swatch)

    # -- the user's side -----------------------------------------------------------------------------------------
    def typed(self) -> None:
        """The text changed by typing: say whether it is a value of the field (nothing is applied)."""
        text = self.input.value
        self.refusal = None
        self.typing_problem = None
        if self.pending:
            try:
                parse_value(self.spec, text)
            except FieldError as err:
                self.typing_problem = str(err)
        self.set_class(self.pending, "-pending")
        self._update_swatch(text)
        self._show_problem()

    def commit(self) -> bool:
        """Apply the typed text (nothing to do when there is none); True when applied, else the reason is shown
        and the text stays."""
        if not self.pending:
            return True
        form = self.form
        problem = form.editor.apply_field(self.base, self.spec, self.input.value) if form and form.editor else None
        if problem is not None:
            self.refusal = problem
            self._show_problem()
            return False
        self.shown = self.input.value  # the design holds it now; the next load shows it as the design writes it
        self.refusal = self.typing_problem = None
        self.set_class(False, "-pending")
        self._show_problem()
        return True

    def cancel(self) -> None:
        """esc: show the design's value again and say (in the status line) what was not applied."""
        if not self.pending:
            return
        message = f"{self.spec.label}: {self.input.value!r} not applied (esc)"
        self.revert()
        form = self.form
        if form is not None and form.editor is not None:
            form.editor.tell(message)

    def revert(self) -> None:
        """Drop the typed text and any refusal: the field shows the design's value."""
        self.refusal = None
        self._write(self.shown)
        self._show_problem()

    def leave(self) -> None:
        """The focus left the field: apply the typed text; if refused, show the design's value again (the reason
        stays below the field)."""
        if self.commit():
            return
        refusal = self.refusal
        self._write(self.shown)
        self.refusal = refusal
        self._show_problem()


class FieldForm(VerticalScroll):
    """A column of :class:`FieldRow` for ``specs`` under an API ``base`` path ("" for preset-root fields); typed
    values go to ``editor``."""

    DEFAULT_CSS = "FieldForm { height: 1fr; }"

    def __init__(
        self, specs: tuple[InspectorField, ...], base: str = "", *, editor: FieldEditor | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.specs = specs
        self.base = base
        self.editor = editor

    def compose(self) -> ComposeResult:
        for spec in self.specs:
            yield FieldRow(spec)

    def rows(self) -> list[FieldRow]:
        return list(self.query(FieldRow))

    def load(self, preset: Preset, findings_by_path: dict[str, list[Finding]]) -> None:
        """Show the design's values (except in a field being typed in) and each field's findings."""
        for row in self.rows():
            row.set_value(format_value(row.spec, read_field(preset, self.base, row.spec)), self.base)
            row.set_problem(findings_by_path.get(full_path(self.base, row.spec), []))

    def row_for(self, path: str) -> FieldRow | None:
        """The row whose full API path is ``path`` (or the first row for the element path itself)."""
        for row in self.rows():
            if full_path(self.base, row.spec) == path:
                return row
        return None

    def pending_row(self) -> FieldRow | None:
        """The row holding typed text not applied yet, if any."""
        return next((row for row in self.rows() if row.pending), None)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if isinstance(event.input, FieldInput) and event.value == event.input.value:  # else a newer one follows
            event.input.row.typed()
