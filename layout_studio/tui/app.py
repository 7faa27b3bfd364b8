"""The studio application: opens a session on the editor screen, offers autosave recovery, asks before quitting
with unsaved changes. Screens, widgets, commands and styles live in their own modules."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from ..editing import EditSession
from ..editing.autosave import Autosaver, pending
from ..errors import LayoutStudioError
from .commands import StudioCommands
from .screens.dialogs import ConfirmQuitScreen, RecoveryScreen
from .screens.editor import EditorScreen

STYLES = Path(__file__).parent / "styles"


class StudioApp(App):
    """Layout Studio. ``offer_recovery``: look for autosaves of crashed sessions at start."""

    TITLE = "Layout Studio"
    CSS_PATH = [STYLES / "studio.tcss", STYLES / "dialogs.tcss"]
    COMMANDS = App.COMMANDS | {StudioCommands}
    #: Textual's own ctrl+q is hidden from the footer; the studio shows it (issue 4: ctrl+q quits).
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(self, session: EditSession, *, offer_recovery: bool = True, autosave_delay: float = 2.0) -> None:
        super().__init__()
        self.session = session
        self.offer_recovery = offer_recovery
        self.autosave_delay = autosave_delay
        self.renderer = None

    @property
    def editor(self) -> EditorScreen:
        return self._editor

    def on_mount(self) -> None:
        self._editor = EditorScreen(self.session, Autosaver(self.session.path), self.autosave_delay)
        self.push_screen(self._editor)
        if self.offer_recovery:
            self.call_after_refresh(self.offer_autosave)

    def offer_autosave(self) -> None:
        """Offer the newest autosave for this preset (or, for a new design, any autosave); never forced."""
        found = pending(self.session.path) if self.session.path else pending()
        if not found:
            return
        autosave = found[0]
        what = f"“{autosave.source.name}”" if autosave.source else "an unsaved design"

        def done(choice: str | None) -> None:
            if choice == "recover":
                try:
                    preset = autosave.load()
                except ValueError as err:
                    self.notify(f"the autosave no longer loads: {err}", severity="error")
                    return
                self.session.replace("Recover autosave", preset)
                if autosave.source and not self.session.path:
                    self.session.path = autosave.source
                if autosave.file != self.editor.autosaver.file:
                    autosave.discard()
                self.editor.autosave_now()
                self.editor.sync(message="recovered the autosave: save to keep it")
            elif choice == "discard":
                autosave.discard()

        self.push_screen(RecoveryScreen(what, autosave.saved_at), done)

    def open_preset(self, path: Path) -> None:
        """Open another preset in place of the current one (asks first when there are unsaved changes)."""

        def really_open() -> None:
            try:
                session = EditSession.open(path)
            except LayoutStudioError as err:
                self.notify(str(err), title="Cannot open", severity="error")
                return
            self.editor.autosaver.discard()
            self.session = session
            self._editor = EditorScreen(session, Autosaver(session.path), self.autosave_delay)
            self.switch_screen(self._editor)

        self._unless_cancelled(really_open)

    async def action_quit(self) -> None:
        """Quit; with unsaved changes, ask to save, discard or cancel first."""

        def leave() -> None:
            self.editor.autosaver.discard()
            self.exit()

        self._unless_cancelled(leave)

    def _unless_cancelled(self, then) -> None:
        if not self.session.dirty:
            then()
            return

        def done(choice: str | None) -> None:
            if choice == "save":
                if self.session.path is None or self.session.bundled:
                    self.editor.save_as(then)
                elif self.editor.save_to(self.session.path):
                    then()
            elif choice == "discard":
                then()

        if not isinstance(self.screen, ConfirmQuitScreen):
            self.push_screen(ConfirmQuitScreen(self.session.title), done)
