"""Files of the editor screen: open a preset, save and save as.

:class:`FileActions` is the editor screen's file controller (the screen owns one and its ``action_save`` /
``action_save_as`` / ``action_open`` call it; the app's quit dialog saves through it; the other files the editor
writes, :mod:`.outputs`, ask before replacing a file through it too). The
decisions (where to save, what the autosave does after) are in :mod:`layout_studio.editing.saving`; this module asks
for names with dialogs, asks before replacing a file other than the design's own, and reports the outcome. A value
still being typed in a field is applied before saving; when it is refused, nothing is saved. :class:`OpenScreen` is
the open dialog: it dismisses with the chosen :class:`~pathlib.Path`, or None when cancelled."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from ...editing import saving
from ...errors import LayoutStudioError
from ...presets import bundled_presets, user_presets
from ..messages import OpenPreset
from .dialogs import ConfirmScreen, PromptScreen

if TYPE_CHECKING:
    from .editor import EditorScreen


class FileActions:
    """Open, save and save as for the editor ``screen`` (its session and autosaver)."""

    def __init__(self, screen: EditorScreen) -> None:
        self.screen = screen

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save to the design's file, asking for a name first when it has none or is a bundled preset
        (:func:`~layout_studio.editing.saving.save_target`); ``then`` runs after a successful save."""
        if not self.fields_applied():
            return
        path = saving.save_target(self.screen.session)
        if path is None:
            self.save_as(then)
        elif self.save_to(path) and then is not None:
            then()

    def save_as(self, then: Callable[[], None] | None = None) -> None:
        """Ask for a file name and save there, asking first before replacing another file; ``then`` runs after a
        successful save. A bundled preset is never proposed as the target
        (:func:`~layout_studio.editing.saving.proposed_path`)."""
        if not self.fields_applied():
            return
        session = self.screen.session
        proposed = saving.proposed_path(session)
        if session.path is not None and session.bundled:
            title, ok = "Save a copy", "Save the copy"
            text = (
                f"{session.path.name} is a bundled preset: bundled presets are never overwritten. Save a copy in "
                f"your presets folder, {proposed.parent}, or type another path."
            )
        else:
            title, ok, text = "Save preset as", "Save", ""

        def save(path: Path) -> None:
            if self.save_to(path) and then is not None:
                then()

        def done(value: str | None) -> None:
            if value:
                self.unless_replacing(Path(value).expanduser(), save)

        self.screen.app.push_screen(PromptScreen(title, str(proposed), text=text, ok=ok), done)

    def unless_replacing(self, path: Path, then: Callable[[Path], None]) -> None:
        """Run ``then(path)`` now when ``path`` is free or the design's own file; when another file is there, ask
        first (no: nothing happens)."""
        own = self.screen.session.path
        if not path.exists() or (own is not None and own.resolve() == path.resolve()):
            then(path)
            return

        def done(answer: str | None) -> None:
            if answer == "yes":
                then(path)
            else:
                self.screen.update_status(f"not written: {path.name} kept")

        question = f"{path} exists already. Replace it? Its contents are lost."
        self.screen.app.push_screen(ConfirmScreen("Replace the file?", question, "Replace it"), done)

    def fields_applied(self) -> bool:
        """Apply a value still being typed in a field; False (and say so) when it was refused."""
        from ..widgets.inspector import Inspector

        if self.screen.query_one(Inspector).commit_pending():
            return True
        self.screen.notify("a field holds a value that was not applied: fix it, or esc", title="Not saved")
        return False

    def save_to(self, path: Path) -> bool:
        """Save atomically to ``path``; the outcome (stripped secrets included) goes to the status line, a failure
        to a notification. True when saved."""
        try:
            outcome = saving.save(self.screen.session, self.screen.autosaver, path)
        except (LayoutStudioError, OSError, ValueError) as err:
            self.screen.notify(str(err), title="Not saved", severity="error")
            return False
        self.screen.show(outcome)
        return True

    def open(self) -> None:
        """Ask which preset to open (:class:`OpenScreen`) and ask the app to open it (:class:`OpenPreset`)."""

        def done(path: Path | None) -> None:
            if path is not None:
                self.screen.post_message(OpenPreset(path))

        self.screen.app.push_screen(OpenScreen(), done)


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
