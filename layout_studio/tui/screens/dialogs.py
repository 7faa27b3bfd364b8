"""Modal dialogs: confirm quitting with unsaved changes, offer an autosave for recovery, ask a yes/no question, ask
for one value, and ask for a few values at once.

Each dismisses with a result the caller handles in its callback: ConfirmQuitScreen -> "save" | "discard" |
"cancel"; RecoveryScreen -> "recover" | "discard" | "later"; ConfirmScreen -> "yes" | "no"; ScaleTextScreen ->
"scale" | "keep" | "cancel"; PromptScreen -> the text, or None when cancelled; FormScreen -> the texts of its
fields, or None when cancelled.
A PromptScreen (a FormScreen) dismisses only with text its check (each field's) accepts: :func:`whole_number`,
:func:`canvas_size`, :func:`user_range` and :func:`file_name` are the checks of the studio's prompts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import NamedTuple

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static
from textual.widgets.button import ButtonVariant

from ...values import MAX_CANVAS_SIDE, ValueFormatError, parse_range, parse_size

#: A prompt's check: the problem with the typed text (shown; the dialog stays), or None to accept it.
Check = Callable[[str], str | None]


def whole_number(low: int, high: int) -> Check:
    """A check accepting a whole number from ``low`` to ``high`` (what ``int`` reads: superscript digits, which
    ``str.isdigit`` takes, are refused)."""

    def check(text: str) -> str | None:
        try:
            n = int(text)
        except ValueError:
            n = None
        if n is None or not low <= n <= high:
            return f"type a whole number from {low} to {high}"
        return None

    return check


def canvas_size(text: str) -> str | None:
    """The check of a canvas size: ``WIDTHxHEIGHT`` in pixels as :func:`layout_studio.values.parse_size` reads it
    (each side 1..1920 pixels: SDK models.VideoEncode.Width, SDK models.VideoEncode.Height)."""
    try:
        parse_size(text)
    except ValueFormatError:
        return f"type WIDTHxHEIGHT in pixels, each side 1..{MAX_CANVAS_SIDE}, e.g. 1920x1080"
    return None


def user_range(low: int, high: int) -> Check:
    """A check accepting ``LOW-HIGH`` or ``N`` users within ``low..high`` (:func:`layout_studio.values.parse_range`),
    or nothing (the default)."""

    def check(text: str) -> str | None:
        if not text.strip():
            return None
        try:
            parse_range(text, low=low, high=high)
        except ValueFormatError:
            return f"type LOW-HIGH or N, from {low} to {high} (e.g. 1-{high}), or leave it empty for every state"
        return None

    return check


def file_name(text: str) -> str | None:
    """The check of a file to write: some text that is not a folder."""
    from pathlib import Path

    if not text.strip():
        return "type the file's name (a path)"
    if Path(text.strip()).expanduser().is_dir():
        return f"{text.strip()} is a folder: add the file's name"
    return None


class _Choice(ModalScreen[str]):
    """A question with buttons; each button's id is the result, its label ends with its key. Escape gives
    ``cancel_result``."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    cancel_result = "cancel"

    def __init__(self, title: str, text: str, choices: list[tuple[str, str, ButtonVariant]]) -> None:
        super().__init__()
        self._title, self._text, self._choices = title, text, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            yield Static(self._text, classes="dialog-text", markup=False)
            with Horizontal(classes="dialog-buttons"):
                for result, label, variant in self._choices:
                    yield Button(label, id=result, variant=variant)
        yield Footer(compact=True)  # the dialog's keys, not the editor's below it

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(self.cancel_result)


class ConfirmQuitScreen(_Choice):
    """Asked when quitting with unsaved changes. Keys: s save, d discard, escape cancel."""

    BINDINGS = [
        Binding("s", "choose('save')", "Save"),
        Binding("d", "choose('discard')", "Discard"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__(
            "Unsaved changes",
            f"“{title}” has changes that are not saved. Save them before quitting?",
            [
                ("save", "Save s", "primary"),
                ("discard", "Quit, don't save d", "error"),
                ("cancel", "Cancel esc", "default"),
            ],
        )

    def action_choose(self, result: str) -> None:
        self.dismiss(result)


class RecoveryScreen(_Choice):
    """Offered at start when an autosave of a crashed or killed session exists; ``text`` says what it would bring
    back. Keys: r recover, d discard, escape not now (the autosave is kept for next time)."""

    BINDINGS = [
        Binding("r", "choose('recover')", "Recover"),
        Binding("d", "choose('discard')", "Discard"),
        Binding("escape", "cancel", "Not now"),
    ]
    cancel_result = "later"

    def __init__(self, text: str) -> None:
        super().__init__(
            "Recover unsaved work?",
            text,
            [
                ("recover", "Recover r", "primary"),
                ("discard", "Discard it d", "error"),
                ("later", "Not now esc", "default"),
            ],
        )

    def action_choose(self, result: str) -> None:
        self.dismiss(result)


class ConfirmScreen(_Choice):
    """A yes/no question (``yes`` names what yes does: "Replace it"). Keys: y yes, n or escape no."""

    BINDINGS = [
        Binding("y", "choose('yes')", "Yes"),
        Binding("n", "choose('no')", "No"),
        Binding("escape", "cancel", "No"),
    ]
    cancel_result = "no"

    def __init__(self, title: str, text: str, yes: str = "Yes") -> None:
        super().__init__(title, text, [("yes", f"{yes} y", "warning"), ("no", "No n", "default")])

    def action_choose(self, result: str) -> None:
        self.dismiss(result)


class ScaleTextScreen(_Choice):
    """Asked when a canvas resize scales the regions and the design has text: scale the text watermarks' FontSize
    too? ``changes`` are the (before, after) sizes. Keys: y scale, n keep, escape cancel the resize."""

    BINDINGS = [
        Binding("y", "choose('scale')", "Scale"),
        Binding("n", "choose('keep')", "Keep"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, size: tuple[int, int], changes: list[tuple[int, int]]) -> None:
        shown = ", ".join(f"{a} → {b}" for a, b in changes[:4]) + (", …" if len(changes) > 4 else "")
        super().__init__(
            "Scale the text sizes too?",
            f"The regions and watermark boxes scale to the {size[0]}×{size[1]} canvas. Scale the text watermarks' "
            f"FontSize with them ({shown} pixels), or keep it?",
            [
                ("scale", "Scale FontSize y", "primary"),
                ("keep", "Keep FontSize n", "default"),
                ("cancel", "Cancel esc", "default"),
            ],
        )

    def action_choose(self, result: str) -> None:
        self.dismiss(result)


class PromptScreen(ModalScreen[str | None]):
    """Ask for one value, saying why in ``text`` when given. ``check(text)`` returns an error message (shown, the
    dialog stays) or None to accept. Its buttons name their keys ("``ok`` enter", "Cancel esc") and so does its
    footer (the editor's, below it, would offer the canvas's keys)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        text: str = "",
        ok: str = "OK",
        placeholder: str = "",
        check: Check | None = None,
    ) -> None:
        super().__init__()
        self._title, self._value, self._placeholder, self._check = title, value, placeholder, check
        self._text, self._ok = text, ok

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The footer names the field's enter (submit) as what it does here: ``ok``."""
        active = super().active_bindings
        entry = active.get("enter")
        if entry is not None and entry.binding.action == "submit":
            active["enter"] = entry._replace(binding=replace(entry.binding, description=self._ok, show=True))
        return active

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            if self._text:
                yield Static(self._text, classes="dialog-text", markup=False)
            yield Input(self._value, placeholder=self._placeholder, id="prompt-input")
            yield Static("", id="prompt-error", classes="dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self._ok} enter", id="prompt-ok", variant="primary")
                yield Button("Cancel esc", id="prompt-cancel", variant="default")
        yield Footer(compact=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "prompt-ok":
            self.action_submit()
        else:
            self.action_cancel()

    def action_submit(self) -> None:
        self.submit(self.query_one("#prompt-input", Input).value)

    def submit(self, value: str) -> None:
        """Dismiss with ``value`` when the check accepts it; else say why (the dialog stays)."""
        problem = self._check(value) if self._check else None
        if problem:
            self.query_one("#prompt-error", Static).update(problem)
        else:
            self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


#: What the keys of a :class:`FormScreen` do (its last line, unless the caller says it another way).
FORM_HINT = "enter: done · tab: next field · esc: cancel"


class FormField(NamedTuple):
    """One field of a :class:`FormScreen`: its ``label``, starting ``value``, ``placeholder`` and ``check``."""

    label: str
    value: str = ""
    placeholder: str = ""
    check: Check | None = None


class FormScreen(ModalScreen[list[str] | None]):
    """Ask for a few values at once: ``fields`` (:class:`FormField`), one per row. Enter in any field dismisses with
    every field's text when each check accepts it; else the first problem is shown under its field, which takes the
    focus. Tab goes to the next field; escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, fields: Sequence[FormField], *, hint: str = FORM_HINT) -> None:
        super().__init__()
        self._title, self._fields, self._hint = title, list(fields), hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            for i, spec in enumerate(self._fields):
                yield Label(spec.label, classes="form-label")
                yield Input(spec.value, placeholder=spec.placeholder, id=f"form-field-{i}")
                yield Static("", id=f"form-error-{i}", classes="dialog-error", markup=False)
            yield Static(self._hint, classes="form-hint", markup=False)
        yield Footer(compact=True)  # the dialog's keys, not the editor's below it

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#form-field-0", Input))

    def values(self) -> list[str]:
        """The text of every field, in order."""
        return [self.query_one(f"#form-field-{i}", Input).value for i in range(len(self._fields))]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        texts = self.values()
        problem_at = None
        for i, (spec, text) in enumerate(zip(self._fields, texts)):
            problem = spec.check(text) if spec.check else None
            self.query_one(f"#form-error-{i}", Static).update(problem or "")
            if problem and problem_at is None:
                problem_at = i
        if problem_at is not None:
            self.set_focus(self.query_one(f"#form-field-{problem_at}", Input))
            return
        self.dismiss(texts)

    def action_cancel(self) -> None:
        self.dismiss(None)
