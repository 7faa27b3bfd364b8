"""The main editor screen: canvas (or preview) and findings on the left, elements and inspector on the right,
the footer with the bindings. Key bindings are the fixed set of issue 4 (tests and docs rely on them); the
actions live in :mod:`layout_studio.tui.screens.editor_actions`.

After every change :meth:`EditorScreen.sync` redraws from the session and schedules a debounced autosave.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Input, Static

from ...editing import EditSession
from ...editing.access import ref_for_path
from ...editing.autosave import Autosaver
from ...editing.fields import FieldError, parse_value, preset_path, write_field
from ...findings import Finding, Severity
from ..widgets.canvas import CanvasView
from ..widgets.elements import ElementList, ref_from_id
from ..widgets.fields import FieldForm, FieldRow
from ..widgets.findings import FindingsPanel
from ..widgets.inspector import Inspector
from ..widgets.preview import PreviewPane
from .editor_actions import EditorActions


def error_refs(findings: list[Finding]):
    """Elements named by an error finding."""
    out = set()
    for f in findings:
        if f.severity is Severity.ERROR:
            ref, _ = ref_for_path(preset_path(f.path))
            if ref is not None:
                out.add(ref)
    return out


#: A long preset Name is shortened to leave the status line room for the rest, but never below this many cells.
MIN_TITLE_CELLS = 16


def fit_title(title: str, cells: int) -> str:
    """``title`` shortened with an ellipsis to ``cells`` terminal cells (at least :data:`MIN_TITLE_CELLS`)."""
    cells = max(cells, MIN_TITLE_CELLS)
    if cell_len(title) <= cells:
        return title
    return set_cell_size(title, cells - 1).rstrip() + "…"


#: The footer shows ``[`` and ``]`` as "[] ZOrder" and ctrl+z/ctrl+y as "^z^y Undo/Redo" so that every binding
#: fits in 80 columns (the command palette key is shown from :data:`PALETTE_KEY_MIN_WIDTH` columns).
ZORDER_KEYS = Binding.Group("ZOrder", compact=True)
HISTORY_KEYS = Binding.Group("Undo/Redo", compact=True)
PALETTE_KEY_MIN_WIDTH = 100


class EditorScreen(EditorActions, Screen):
    """Edits one :class:`EditSession`."""

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

    def __init__(self, session: EditSession, autosaver: Autosaver, autosave_delay: float = 2.0) -> None:
        super().__init__()
        self.session = session
        self.autosaver = autosaver
        self.autosave_delay = autosave_delay
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

    def update_status(self, message: str | None = None) -> None:
        """The status line: name, unsaved mark, canvas, layout mode, snap, and the last message."""
        s = self.session
        canvas = s.preset.canvas
        size = f"{canvas[0]}×{canvas[1]}" if canvas else "no canvas"
        lp = s.preset.video_params.layout_params if s.preset.video_params else None
        mode = lp.eff("mix_layout_mode") if lp else 1
        rest = f"{' ●' if s.dirty else ''} │ {size} │ mode {mode} │ snap {'on' if s.snap else 'off'}"
        if message:
            rest += f" │ {message}"
        elif self.size.width < PALETTE_KEY_MIN_WIDTH:
            rest += " │ ctrl+p: all commands"
        text = f" {fit_title(s.title, self.size.width - 1 - cell_len(rest))}{rest}"
        self.query_one("#status", Static).update(text, layout=False)  # one line (studio.tcss): no layout pass

    def schedule_autosave(self) -> None:
        """Write the autosave ``autosave_delay`` seconds after the last change (debounced)."""
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(self.autosave_delay, self.autosave_now)

    def autosave_now(self) -> None:
        """Write the autosave now if the design has unsaved changes (a failed write is reported, not raised)."""
        self._autosave_timer = None
        if not self.session.dirty:
            return
        try:
            self.autosaver.write(self.session.preset)
        except Exception as err:  # noqa: BLE001 - an autosave failure must never stop editing
            self.notify(f"autosave failed: {err}", severity="warning")

    # -- events from the widgets ---------------------------------------------------------------------------------
    def on_canvas_view_selected(self, event: CanvasView.Selected) -> None:
        self.session.select(event.ref, extend=event.extend)
        self.sync(changed=False)

    def on_canvas_view_dragged(self, event: CanvasView.Dragged) -> None:
        from ...editing import ops

        if event.done:
            self.session.history.seal()
            self.sync(changed=False)
            return
        self.session.change(
            "Drag", lambda p: ops.move_to(p, event.ref, event.x, event.y), coalesce=f"drag-{event.drag}"
        )
        self.sync()

    def on_option_list_option_highlighted(self, event) -> None:
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

    def on_field_form_edited(self, event: FieldForm.Edited) -> None:
        row = self.query_one(f"#{event.form.id} #{self._row_id(event)}", FieldRow)
        try:
            value = parse_value(event.spec, event.text)
        except FieldError as err:
            row.parse_error = str(err)
            row.set_problem([])
            self.update_status("not applied: fix the value")
            return
        row.parse_error = None
        base, spec = event.form.base, event.spec
        try:
            self.session.change(
                f"Edit {spec.label}", lambda p: write_field(p, base, spec, value), coalesce=f"field:{base}.{spec.path}"
            )
        except (ValueError, KeyError) as err:
            row.parse_error = f"{spec.label}: not applied ({err.__class__.__name__})"
            row.set_problem([])
            return
        if event.done:
            self.session.history.seal()
        self.sync()

    @staticmethod
    def _row_id(event: FieldForm.Edited) -> str:
        return "f-" + "".join(c if c.isalnum() else "_" for c in event.spec.path)

    def focused_in_input(self) -> bool:
        """True when the keyboard focus is in a text field (keys then edit the text, not the design)."""
        return isinstance(self.focused, Input)
