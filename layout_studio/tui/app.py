"""The studio application: opens a session on the editor screen, offers autosave recovery, opens other presets, asks
before quitting with unsaved changes. It owns the session's :class:`~layout_studio.render.Renderer` (one for the
app's life, so its caches serve every preview). Screens, widgets, commands and styles live in their own modules.

Below :data:`MIN_SIZE` the app covers everything with :class:`~.screens.small.TooSmallScreen` (the canvas has no
room to show the design, so no key may change it unseen); keys and pastes for a text field are handled in arrival
order (:mod:`.typeahead`). The command palette (ctrl+p) opens over the editor only — never over a dialog, the push
or recording screen or the too-small message, whose design it would change unseen — and lists the studio's
commands first (:mod:`.commands`), then Textual's theme, screenshot and maximize (its "Keys" and "Quit" entries are
left out: ``?`` and the studio's own Quit do that).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from ..editing import EditSession, saving
from ..editing.autosave import Autosaver, contents, pending
from ..errors import LayoutStudioError
from ..render import Renderer
from .commands import StudioCommands
from .messages import OpenPreset
from .screens.dialogs import ConfirmQuitScreen, RecoveryScreen
from .screens.editor import EditorScreen
from .screens.small import TooSmallScreen
from .typeahead import deliver
from .widgets.inspector import Inspector

STYLES = Path(__file__).parent / "styles"

#: The smallest terminal (columns, rows) the studio works in: the canvas keeps about 20×5 cells beside the
#: inspector's 36 columns, above the findings panel; the footer shows every key from 80 columns.
MIN_SIZE = (60, 16)


class StudioApp(App[None]):
    """Layout Studio on ``session``. ``renderer``: the preview's renderer (a new :class:`Renderer` when None; tests
    pass their own); ``offer_recovery``: look for autosaves of crashed sessions at start; ``autosave_delay``:
    seconds from the last change to the autosave; ``push_options``: settings for the requests the recording screen
    sends (:class:`layout_studio.push.PushOptions` fields: ``endpoint``, ``journal``, ``timeout``…; none by
    default)."""

    TITLE = "Layout Studio"
    CSS_PATH = [STYLES / "studio.tcss", STYLES / "dialogs.tcss"]
    #: One provider: the studio's commands, then the Textual commands it keeps (:meth:`get_system_commands`).
    COMMANDS = {StudioCommands}
    #: Textual's own ctrl+q is hidden from the footer; the studio shows it (the README's key table: ctrl+q quits).
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(
        self,
        session: EditSession,
        *,
        renderer: Renderer | None = None,
        offer_recovery: bool = True,
        autosave_delay: float = 2.0,
        push_options: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.push_options: dict[str, Any] = dict(push_options or {})
        self.renderer = renderer if renderer is not None else Renderer()
        self.offer_recovery = offer_recovery
        self.autosave_delay = autosave_delay
        self._editor: EditorScreen | None = None

    @property
    def editor(self) -> EditorScreen:
        """The editor screen of the current session (there from the app's mount on)."""
        if self._editor is None:
            raise RuntimeError("the studio has no editor screen before it is mounted")
        return self._editor

    def _new_editor(self) -> EditorScreen:
        self._editor = EditorScreen(self.session, Autosaver(self.session.path), self.renderer, self.autosave_delay)
        return self._editor

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes for a text field are handled in arrival order (:mod:`layout_studio.tui.typeahead`)."""
        if not await deliver(self, event):
            await super().on_event(event)

    def on_mount(self) -> None:
        self.push_screen(self._new_editor())
        self.call_after_refresh(lambda: self.fit_screen(self.size.width, self.size.height))  # above the editor
        if self.offer_recovery:
            self.call_after_refresh(self.offer_autosave)

    def on_resize(self, event: events.Resize) -> None:
        self.fit_screen(event.size.width, event.size.height)

    def fit_screen(self, width: int, height: int) -> None:
        """Cover the studio with :class:`TooSmallScreen` below :data:`MIN_SIZE`; take it away above."""
        if self._editor is None or self._editor not in self.screen_stack:
            return  # before the editor is up: on_mount fits it once it is
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        shown = any(isinstance(screen, TooSmallScreen) for screen in self.screen_stack)
        if small and not shown:
            self.push_screen(TooSmallScreen(MIN_SIZE))
        elif not small and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()  # one below a dialog goes when the dialog closes (TooSmallScreen.on_screen_resume)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The command palette only over the editor itself: its commands act on the design, which a dialog (the
        recovery offer, a question), the push or recording screen, or the too-small message covers."""
        if action == "command_palette":
            return self.palette_allowed()
        return True

    def palette_allowed(self) -> bool:
        """True when the editor is the screen on top (the only screen the palette's commands act on)."""
        return self._editor is not None and self.screen is self._editor

    def action_command_palette(self) -> None:
        """ctrl+p: the command palette, over the editor only (:meth:`check_action`)."""
        if self.palette_allowed():
            super().action_command_palette()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette entries, less those the studio has its own of: "Keys" (the studio's help is ``?``
        and "Help: every key") and "Quit" (the studio's "Quit" asks about unsaved changes the same way)."""
        for command in super().get_system_commands(screen):
            if command.title not in ("Keys", "Quit"):
                yield command

    def offer_autosave(self) -> None:
        """Offer the newest autosave for this preset (or, for a new design, any autosave), saying what it would
        bring back; never forced. An autosave holding the design as it is now is removed without asking."""
        found = pending(self.session.path) if self.session.path else pending()
        if not found:
            return
        autosave = found[0]
        if autosave.preset == self.session.preset.to_api():
            autosave.discard()
            return
        what = f"“{autosave.source.name}”" if autosave.source else "an unsaved design"
        path = self.session.path
        on_disk = ""
        if path is not None:
            on_disk = f" The file has {contents(self.session.preset.to_api())}." if path.exists() else ""
            on_disk = on_disk or " The file does not exist yet."
        text = (
            f"An autosave of {what} was left by a session that did not end cleanly: {autosave.summary()}.{on_disk}"
            " Recover puts it in the editor as one undo step; the file changes only when you save."
        )

        def done(choice: str | None) -> None:
            if choice == "recover":
                try:
                    outcome = saving.recover(self.session, autosave)
                except ValueError as err:
                    self.notify(f"the autosave no longer loads: {err}", severity="error")
                    return
                if autosave.file != self.editor.autosaver.file:
                    autosave.discard()
                self.editor.autosave_now()
                self.editor.show(outcome)
            elif choice == "discard":
                autosave.discard()

        self.push_screen(RecoveryScreen(text), done)

    def on_open_preset(self, message: OpenPreset) -> None:
        self.open_preset(message.path)

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
            self.switch_screen(self._new_editor())

        self._unless_cancelled(really_open)

    async def action_quit(self) -> None:
        """Quit; a value still being typed in a field is applied first; with unsaved changes, ask to save, discard
        or cancel first."""
        if self._editor is not None:
            self.editor.query_one(Inspector).commit_pending()

        def leave() -> None:
            self.editor.autosaver.discard()
            self.exit()

        self._unless_cancelled(leave)

    def _unless_cancelled(self, then: Callable[[], None]) -> None:
        """Run ``then`` now when nothing is unsaved; else ask: save (then run it), discard (run it) or cancel."""
        if not self.session.dirty:
            then()
            return

        def done(choice: str | None) -> None:
            if choice == "save":
                self.editor.files.save(then)
            elif choice == "discard":
                then()

        if not isinstance(self.screen, ConfirmQuitScreen):
            self.push_screen(ConfirmQuitScreen(self.session.path.name if self.session.path else "untitled"), done)
