"""The editor's layout actions: templates (asking for the count or the corner where the template takes one), the
canvas size (and whether text sizes scale with it), and dynamic layouts (the simulated room's size, converting to
a custom layout, and what adding a region to a dynamic layout does).

:class:`LayoutActions` is the base of :class:`~.editor.EditorScreen`; each action asks what it needs with a dialog
and runs a command of :mod:`layout_studio.editing.commands` (one undo step), showing its outcome like every other
action of the screen.
"""

from __future__ import annotations

from typing import Literal

from textual.screen import Screen

from ...editing import EditSession, commands
from ...editing.commands import Effect, Outcome
from ...editing.geometry import font_size_changes
from ...editing.ops import canvas_of
from ...editing.templates import CORNERS, TEMPLATES, Corner, count_question
from ...errors import LayoutStudioError
from ...values import parse_size
from .choose import ChooseScreen
from .dialogs import PromptScreen, ScaleTextScreen, canvas_size, whole_number

Mode = Literal["replace", "fill"]
#: The count a template prompt proposes, by template.
DEFAULT_COUNT = {"grid": 4, "stack": 3, "strip": 3}


class LayoutActions(Screen[None]):
    """The editor screen's actions on the layout as a whole; the screen provides :attr:`session` and
    :meth:`show`."""

    session: EditSession

    def show(self, outcome: Outcome, *, redraw: bool = False) -> None:
        """Show a command's outcome (the editor screen's)."""
        raise NotImplementedError

    def action_template(self, name: str, mode: Mode, n: int = 0, corner: str = "") -> None:
        """Apply template ``name`` (``n`` regions, ``corner`` where it takes them)."""
        self.show(commands.apply_template(self.session, name, mode, n or None, _corner(corner)))

    def action_template_prompt(self, name: str, mode: Mode) -> None:
        """Ask for the count (or the corner) of template ``name``, then apply it."""
        template = TEMPLATES[name]
        if template.corner:

            def chosen(corner: str | None) -> None:
                if corner:
                    self.action_template(name, mode, corner=corner)

            answers = [(c, c.replace("-", " ")) for c in CORNERS]
            self.app.push_screen(ChooseScreen(f"{template.title}: which corner?", "", answers), chosen)
            return
        low, high = template.n_range or (1, 16)

        def done(value: str | None) -> None:
            if value:
                self.action_template(name, mode, int(value))

        title = count_question(name)
        check = whole_number(low, high)
        self.app.push_screen(PromptScreen(title, str(DEFAULT_COUNT.get(name, low)), ok="Apply", check=check), done)

    def action_grid_prompt(self, mode: Mode) -> None:
        """Ask for the number of grid cells, then apply the grid."""
        self.action_template_prompt("grid", mode)

    def action_resize_canvas(self, scale: bool = True) -> None:
        """Ask for the canvas size (WxH); with ``scale`` the regions and watermarks scale along, and when the design
        has text, ask whether its FontSize scales too."""

        def resize(size: tuple[int, int], scale_text: bool = False) -> None:
            self.show(commands.resize_canvas(self.session, size, scale=scale, scale_text=scale_text))

        def done(value: str | None) -> None:
            if not value:
                return
            size = parse_size(value)
            changes = font_size_changes(self.session.preset, size) if scale else []
            if not changes:
                resize(size)
                return

            def answered(choice: str | None) -> None:
                if choice in ("scale", "keep"):
                    resize(size, scale_text=choice == "scale")

            self.app.push_screen(ScaleTextScreen(size, changes), answered)

        w, h = canvas_of(self.session.preset)
        title = "Canvas size WxH (regions scale along)" if scale else "Canvas size WxH (regions stay)"
        self.app.push_screen(PromptScreen(title, f"{w}x{h}", ok="Resize", check=canvas_size), done)

    def action_convert_dynamic(self) -> None:
        """Ask for the number of users, then convert the dynamic layout to the custom one the MCU would show."""

        def done(value: str | None) -> None:
            if value:
                self._convert(int(value))

        users = str(commands.room_size(self.session))
        self.app.push_screen(
            PromptScreen("Convert for how many users?", users, ok="Convert", check=whole_number(1, 16)), done
        )

    def _convert(self, users: int) -> Outcome | None:
        """Convert to a custom layout for ``users`` users; the outcome, or None when it cannot be (said why)."""
        try:
            outcome = commands.convert_to_custom(self.session, users)
        except (LayoutStudioError, ValueError) as err:
            self.notify(f"cannot convert: {err}", severity="error")
            return None
        self.show(outcome)
        return outcome

    def action_add_region(self) -> None:
        """Add a region. A dynamic layout ignores MixLayoutList: first ask whether to convert it to a custom layout
        for the simulated room (the ghost slots become regions), to add the region anyway, or to cancel."""
        if not commands.is_dynamic(self.session):
            self.show(commands.add_region(self.session))
            return
        users = commands.room_size(self.session)

        def done(choice: str | None) -> None:
            if choice == "convert":
                converted = self._convert(users)
                if converted is not None:
                    added = commands.add_region(self.session)
                    self.show(Outcome(Effect.DESIGN, f"custom layout for {users} users; {added.message}"))
            elif choice == "add":
                self.show(commands.add_region(self.session))

        text = (
            "This layout is dynamic: the MCU places the users itself and ignores the regions of MixLayoutList "
            "(SDK models.McuLayoutParams.MixLayoutMode)."
        )
        answers = [
            ("convert", f"Convert to a custom layout for {users} users (the ghost slots), then add the region"),
            ("add", "Add it anyway (ignored until MixLayoutMode is 4)"),
            ("cancel", "Cancel"),
        ]
        self.app.push_screen(ChooseScreen("Add a region to a dynamic layout?", text, answers), done)

    def action_change_room(self, step: int) -> None:
        """+ / -: one user more or less in a dynamic layout's simulated room (canvas ghost slots and preview)."""
        self.show(commands.change_room(self.session, step))


def _corner(text: str) -> Corner | None:
    """The corner named ``text`` (one of :data:`CORNERS`), None for an empty text; ValueError for another text."""
    if not text:
        return None
    for corner in CORNERS:
        if corner == text:
            return corner
    raise ValueError(f"unknown corner {text!r}")
