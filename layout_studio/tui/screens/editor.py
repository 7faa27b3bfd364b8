"""The main editor screen: canvas (or preview) and findings on the left, elements and inspector on the right, the
status line above and the footer with the bindings below. Key bindings are the studio's fixed set (the README's key
table; tests rely on them).

The screen owns its actions and keeps each one thin: an editing operation is a command of
:mod:`layout_studio.editing.commands` over the session, whose :class:`~layout_studio.editing.commands.Outcome` the
screen shows (:meth:`EditorScreen.show`); file actions go to the screen's :class:`~.files.FileActions`; the preview
renders in its own pane. To add a key: a :class:`Binding` in ``BINDINGS`` naming an ``action_*`` method here; a palette
entry: a row of :data:`layout_studio.tui.commands.ACTIONS` naming the same action.

After every change :meth:`EditorScreen.sync` redraws from the session and schedules a debounced autosave (or removes
it at once when the design is back at its saved state). A value typed into a field reaches the design through the
inspector (:class:`~..widgets.inspector.Inspector.Applied`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Input, OptionList, Static

from ...editing import EditSession, ElementRef, commands, element_path
from ...editing.access import ref_for_path
from ...editing.autosave import Autosaver
from ...editing.commands import Effect, Outcome
from ...editing.fields import preset_path
from ...editing.geometry import AlignHow, font_size_changes
from ...editing.ops import canvas_of
from ...errors import LayoutStudioError
from ...findings import Finding, Severity
from ...values import parse_size
from ..widgets.canvas import CanvasView
from ..widgets.elements import ElementList, ref_from_id
from ..widgets.findings import FindingsPanel
from ..widgets.inspector import Inspector
from ..widgets.preview import PreviewPane
from ..widgets.status import status_text
from .dialogs import PromptScreen, ScaleTextScreen, canvas_size, whole_number
from .files import FileActions
from .push import PushScreen

if TYPE_CHECKING:
    from ...render import Renderer


def error_refs(findings: list[Finding]) -> set[ElementRef]:
    """Elements named by an error finding."""
    out = set()
    for f in findings:
        if f.severity is Severity.ERROR:
            ref, _ = ref_for_path(preset_path(f.path))
            if ref is not None:
                out.add(ref)
    return out


#: The footer shows ``[`` and ``]`` as "[] ZOrder" and ctrl+z/ctrl+y as "^z^y Undo/Redo" so that every binding
#: fits in 80 columns (the command palette key is shown from :data:`PALETTE_KEY_MIN_WIDTH` columns).
ZORDER_KEYS = Binding.Group("ZOrder", compact=True)
HISTORY_KEYS = Binding.Group("Undo/Redo", compact=True)
PALETTE_KEY_MIN_WIDTH = 100


class EditorScreen(Screen[None]):
    """Edits one :class:`EditSession`; previews it with the app's ``renderer``; ``files`` saves and opens."""

    BINDINGS = [
        Binding("tab", "select_step(1)", "Next", show=False),
        Binding("shift+tab", "select_step(-1)", "Prev", show=False),
        Binding("left", "nudge(-1, 0)", show=False),
        Binding("right", "nudge(1, 0)", show=False),
        Binding("up", "nudge(0, -1)", show=False),
        Binding("down", "nudge(0, 1)", show=False),
        Binding("shift+left", "nudge(-10, 0)", show=False),
        Binding("shift+right", "nudge(10, 0)", show=False),
        Binding("shift+up", "nudge(0, -10)", show=False),
        Binding("shift+down", "nudge(0, 10)", show=False),
        Binding("ctrl+left", "resize(-10, 0)", show=False),
        Binding("ctrl+right", "resize(10, 0)", show=False),
        Binding("ctrl+up", "resize(0, -10)", show=False),
        Binding("ctrl+down", "resize(0, 10)", show=False),
        Binding("a", "add_region", "Region"),
        Binding("w", "add_watermark", "Text"),
        Binding("d", "duplicate", "Dup"),
        Binding("delete", "delete", "Del"),
        Binding("left_square_bracket", "shift_z(-1)", "Lower", key_display="[", group=ZORDER_KEYS),
        Binding("right_square_bracket", "shift_z(1)", "Raise", key_display="]", group=ZORDER_KEYS),
        Binding("ctrl+z", "undo", "Undo", group=HISTORY_KEYS),
        Binding("ctrl+y", "redo", "Redo", group=HISTORY_KEYS),
        Binding("ctrl+s", "save", "Save"),
        Binding("r", "refresh_preview", "Preview"),
        Binding("v", "toggle_view", "Canvas/Preview", show=False),
        Binding("s", "toggle_snap", "Snap", show=False),
        Binding("escape", "focus_canvas", show=False),
        Binding("enter", "edit_field", show=False),
    ]

    def __init__(
        self, session: EditSession, autosaver: Autosaver, renderer: Renderer, autosave_delay: float = 2.0
    ) -> None:
        super().__init__()
        self.session = session
        self.autosaver = autosaver
        self.renderer = renderer
        self.autosave_delay = autosave_delay
        self.files = FileActions(self)
        self._autosave_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="status", markup=False)
        with Horizontal(id="main"):
            with Vertical(id="left"):
                with ContentSwitcher(initial="canvas", id="view"):
                    yield CanvasView(self.session, id="canvas")
                    yield PreviewPane(id="preview")
                yield FindingsPanel(id="findings")
            with Vertical(id="right"):
                yield ElementList(self.session, id="elements")
                yield Inspector(self.session, id="inspector")
        yield Footer(compact=True)  # compact: every binding fits in 80 columns

    def on_mount(self) -> None:
        self.sync(changed=False)
        self.query_one(CanvasView).focus()

    def on_resize(self, event: events.Resize) -> None:
        """Below :data:`PALETTE_KEY_MIN_WIDTH` columns the footer leaves out the palette key (the status line
        names it instead) so that the studio's own bindings all fit."""
        footer = self.query_one(Footer)
        wide = event.size.width >= PALETTE_KEY_MIN_WIDTH
        if footer.show_command_palette != wide:
            footer.show_command_palette = wide
            footer.refresh(recompose=True)  # Footer composes its keys once; the reactive alone does not redraw
        self.update_status()

    # -- keeping the widgets in step with the session ------------------------------------------------------------
    def sync(self, *, changed: bool = True, message: str | None = None) -> None:
        """Redraw every panel from the session; ``changed`` schedules an autosave."""
        findings = self.session.findings()
        errors = error_refs(findings)
        canvas = self.query_one(CanvasView)
        canvas.error_refs = errors
        canvas.refresh_view()
        self.query_one(ElementList).sync(errors)
        self.query_one(Inspector).sync(findings)
        self.query_one(FindingsPanel).show(findings)
        self.update_status(message)
        if changed:
            self.schedule_autosave()

    def show(self, outcome: Outcome, *, redraw: bool = False) -> None:
        """Show what a command did: its message in the status line; every panel redrawn when it changed the session
        (or ``redraw``), and an autosave scheduled when it changed the design."""
        if outcome.effect is Effect.NONE and not redraw:
            self.update_status(outcome.message)
        else:
            self.sync(changed=outcome.effect is Effect.DESIGN, message=outcome.message)

    def update_status(self, message: str | None = None) -> None:
        """The status line (:func:`~layout_studio.tui.widgets.status.status_text`): file, unsaved mark, canvas,
        layout mode, snap, and the last message."""
        hint = "ctrl+p: all commands" if self.size.width < PALETTE_KEY_MIN_WIDTH else None
        text = status_text(self.session, self.size.width, message, hint)
        self.query_one("#status", Static).update(text, layout=False)  # one line (studio.tcss): no layout pass

    def schedule_autosave(self) -> None:
        """Write the autosave ``autosave_delay`` seconds after the last change (debounced); back at the saved state,
        remove it now (the autosave holds only unsaved work)."""
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None
        if not self.session.dirty:
            self.autosave_now()
            return
        self._autosave_timer = self.set_timer(self.autosave_delay, self.autosave_now)

    def autosave_now(self) -> None:
        """Write the autosave now if the design has unsaved changes, else remove it (a failure is reported, not
        raised)."""
        self._autosave_timer = None
        try:
            self.autosaver.keep(self.session.preset, unsaved=self.session.dirty)
        except Exception as err:  # noqa: BLE001 - an autosave failure must never stop editing
            self.notify(f"autosave failed: {err}", severity="warning")

    # -- events from the widgets ---------------------------------------------------------------------------------
    def on_canvas_view_selected(self, event: CanvasView.Selected) -> None:
        self.session.select(event.ref, extend=event.extend)
        self.sync(changed=False)

    def on_canvas_view_dragged(self, event: CanvasView.Dragged) -> None:
        if event.done:
            self.session.history.seal()
            self.sync(changed=False)
            return
        self.show(commands.drag(self.session, event.ref, event.x, event.y, event.drag))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id != "elements":
            return
        ref = ref_from_id(event.option.id)
        if ref is not None and ref != self.session.primary:
            self.session.select(ref)
            self.sync(changed=False)

    def on_findings_panel_chosen(self, event: FindingsPanel.Chosen) -> None:
        ref, _ = ref_for_path(preset_path(event.finding.path))
        if ref is not None:
            self.session.select(ref)
        self.sync(changed=False)
        self.query_one(Inspector).focus_field(event.finding.path)

    def on_inspector_applied(self, event: Inspector.Applied) -> None:
        """A value typed into a field was applied, or refused (the message says why)."""
        self.show(event.outcome)

    def focused_in_input(self) -> bool:
        """True when the keyboard focus is in a text field (keys then edit the text, not the design)."""
        return isinstance(self.focused, Input)

    # -- selection and focus -------------------------------------------------------------------------------------
    def action_select_step(self, step: int) -> None:
        """tab / shift+tab: the next or previous element; inside the inspector, the next or previous field."""
        if self.focused is not None and self.query_one(Inspector) in self.focused.ancestors:
            self.focus_next() if step > 0 else self.focus_previous()
            return
        self.show(commands.select_step(self.session, step))

    def action_select_all(self) -> None:
        self.show(commands.select_all_regions(self.session))

    def action_focus_canvas(self) -> None:
        self.query_one("#view", ContentSwitcher).current = "canvas"
        self.set_focus(self.query_one(CanvasView))  # now: the keys typed after esc go to the canvas

    def action_edit_field(self) -> None:
        """enter: focus the selected element's first field (LocationX) in the inspector."""
        if self.session.primary is not None:
            self.query_one(Inspector).focus_field(element_path(self.session.primary) + ".LocationX")

    # -- element edits -------------------------------------------------------------------------------------------
    def action_nudge(self, dx: int, dy: int) -> None:
        """Arrows move the selection; in a text field, up and down go to the previous or next field."""
        if self.focused_in_input():
            self.focus_next() if dy > 0 else self.focus_previous()
            return
        self.show(commands.nudge(self.session, dx, dy))

    def action_resize(self, dw: int, dh: int) -> None:
        self.show(commands.resize(self.session, dw, dh))

    def action_add_region(self) -> None:
        self.show(commands.add_region(self.session))

    def action_add_watermark(self) -> None:
        self.show(commands.add_text_watermark(self.session))

    def action_duplicate(self) -> None:
        self.show(commands.duplicate(self.session))

    def action_delete(self) -> None:
        self.show(commands.delete(self.session))

    def action_shift_z(self, step: int) -> None:
        self.show(commands.shift_z(self.session, step))

    def action_align(self, how: AlignHow) -> None:
        self.show(commands.align(self.session, how))

    def action_distribute(self, axis: Literal["x", "y"]) -> None:
        self.show(commands.distribute(self.session, axis))

    # -- layout: templates, canvas size, dynamic to custom -------------------------------------------------------
    def action_template(self, name: str, mode: Literal["replace", "fill"], n: int = 0) -> None:
        self.show(commands.apply_template(self.session, name, mode, n or None))

    def action_grid_prompt(self, mode: Literal["replace", "fill"]) -> None:
        def done(value: str | None) -> None:
            if value:
                self.action_template("grid", mode, int(value))

        self.app.push_screen(PromptScreen("Grid cells", "4", check=whole_number(1, 16)), done)

    def action_resize_canvas(self, scale: bool = True) -> None:
        """Ask for the size; when the regions scale along and the design has text, ask whether its FontSize
        scales too."""

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
        self.app.push_screen(PromptScreen(title, f"{w}x{h}", check=canvas_size), done)

    def action_convert_dynamic(self) -> None:
        def done(value: str | None) -> None:
            if not value:
                return
            try:
                outcome = commands.convert_to_custom(self.session, int(value))
            except (LayoutStudioError, ValueError) as err:
                self.notify(f"cannot convert: {err}", severity="error")
                return
            self.show(outcome)

        self.app.push_screen(PromptScreen("Convert for how many users?", "4", check=whole_number(1, 16)), done)

    # -- history and modes ---------------------------------------------------------------------------------------
    def action_undo(self) -> None:
        self._after_history(commands.undo(self.session))

    def action_redo(self) -> None:
        self._after_history(commands.redo(self.session))

    def _after_history(self, outcome: Outcome) -> None:
        """After an undo or redo: fields holding a refused value show the restored design again."""
        self.query_one(Inspector).drop_refused()
        self.show(outcome, redraw=True)

    def action_toggle_snap(self) -> None:
        self.show(commands.toggle_snap(self.session))

    # -- files ---------------------------------------------------------------------------------------------------
    def action_save(self) -> None:
        self.files.save()

    def action_save_as(self) -> None:
        self.files.save_as()

    def action_open(self) -> None:
        self.files.open()

    def action_write_png(self) -> None:
        self.files.write_png()

    # -- preview and push ----------------------------------------------------------------------------------------
    def action_toggle_view(self) -> None:
        view = self.query_one("#view", ContentSwitcher)
        view.current = "preview" if view.current == "canvas" else "canvas"

    def action_refresh_preview(self) -> None:
        """r: render the preview; it retries the images that failed before (network back, URL fixed)."""
        self.query_one("#view", ContentSwitcher).current = "preview"
        self.renderer.forget_failures()
        self.query_one(PreviewPane).render_design(self.session.preset.model_copy(deep=True), self.renderer)

    def action_push(self) -> None:
        self.app.push_screen(PushScreen(self.session))
