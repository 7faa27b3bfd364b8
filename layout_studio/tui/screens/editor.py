"""The main editor screen: canvas (or preview) and findings on the left, elements and inspector on the right, the
status line above and the footer with the bindings below. Key bindings are the studio's fixed set (the README's key
table; tests rely on them). Every binding has a description: the help screen (``?``, F1) lists the active ones of
the focused area, and the footer shows only keys that work there (:attr:`EditorScreen.active_bindings` leaves out a
letter while a text field takes it as typing; enter and escape appear where they apply).

The screen owns its actions and keeps each one thin: an editing operation is a command of
:mod:`layout_studio.editing.commands` over the session, whose :class:`~layout_studio.editing.commands.Outcome` the
screen shows (:meth:`EditorScreen.show`); file actions go to the screen's :class:`~.files.FileActions`, the other
files it writes (preview PNG, contact sheet, export) to its :class:`~.outputs.OutputActions`; the preview renders in
its own pane; pushing and recording open their own screens; actions on the layout as a whole (templates, canvas
size, dynamic layouts) are in the base class :class:`~.layout.LayoutActions`. To add a key: a :class:`Binding` with
a description in :data:`layout_studio.tui.keys.EDITOR_BINDINGS` naming an ``action_*`` method here (the help screen
lists it by itself); a palette entry: a row of :data:`layout_studio.tui.commands.ACTIONS` naming the same action.

After every change :meth:`EditorScreen.sync` redraws the canvas at once and the other panels (elements,
inspector, findings, status line) right after that frame is painted, so a nudge or a drag shows on the canvas
without waiting for them; it also marks the preview stale (re-rendered :data:`~..widgets.preview.PREVIEW_DELAY`
seconds after the last change while the preview is shown) and schedules a debounced autosave (or removes it at once
when the design is back at its saved state). A value typed into a field reaches the design through the inspector
(:class:`~..widgets.inspector.Inspector.Applied`) when the user leaves the field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from textual import events
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Input, OptionList, Static
from textual.widgets._tabbed_content import ContentTabs

from ...editing import EditSession, ElementRef, commands, element_path
from ...editing.access import ref_for_path
from ...editing.autosave import Autosaver
from ...editing.commands import Effect, Outcome
from ...editing.fields import preset_path
from ...editing.geometry import AlignHow
from ...editing.ingest import preview_sources
from ...findings import Finding, Severity
from ..keys import EDITOR_BINDINGS, PALETTE_KEY_MIN_WIDTH, shown
from ..widgets.canvas import CanvasView
from ..widgets.elements import ElementList, ref_from_id
from ..widgets.fields import FieldForm, FieldInput, select_all
from ..widgets.findings import FindingsPanel
from ..widgets.inspector import Inspector
from ..widgets.preview import PreviewPane
from ..widgets.status import status_text
from .files import FileActions
from .help import HelpScreen, key_rows
from .layout import LayoutActions
from .outputs import OutputActions
from .push import PushScreen
from .record import RecordScreen

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


#: Names of the focused area in the help screen, by the focused widget's type.
AREAS: dict[type, str] = {
    CanvasView: "Canvas",
    ElementList: "Elements list",
    FindingsPanel: "Findings",
    Input: "Inspector field",
    ContentTabs: "Inspector tabs",
}


class EditorScreen(LayoutActions):
    """Edits one :class:`EditSession`; previews it with the app's ``renderer``; ``files`` saves and opens."""

    BINDINGS = EDITOR_BINDINGS

    def __init__(
        self, session: EditSession, autosaver: Autosaver, renderer: Renderer, autosave_delay: float = 2.0
    ) -> None:
        super().__init__()
        self.session = session
        self.autosaver = autosaver
        self.renderer = renderer
        self.autosave_delay = autosave_delay
        self.files = FileActions(self)
        self.outputs = OutputActions(self)
        self._autosave_timer: Timer | None = None
        self._panels_due = False
        self._message: str | None = None
        self._preview_key: tuple[int, int | None] | None = None
        self._can_edit: bool | None = None
        self._view = ContentSwitcher(initial="canvas", id="view")
        self._canvas = CanvasView(session, id="canvas")
        self._preview = PreviewPane(id="preview")

    def compose(self) -> ComposeResult:
        yield Static("", id="status", markup=False)
        with Horizontal(id="main"):
            with Vertical(id="left"):
                with self._view:
                    yield self._canvas
                    yield self._preview
                yield FindingsPanel(id="findings")
            with Vertical(id="right"):
                yield ElementList(self.session, on_pick=self.pick, id="elements")
                yield Inspector(self.session, id="inspector")
        yield Footer(compact=True)  # compact: every binding fits in 80 columns

    def on_mount(self) -> None:
        for form in self.query(FieldForm):
            form.can_focus = False  # a scrolling column is no focus stop of its own: its fields are
        self._preview_key = self._design_key()
        self.sync(changed=False)
        self._canvas.focus()

    def on_resize(self, event: events.Resize) -> None:
        """Below :data:`PALETTE_KEY_MIN_WIDTH` columns the footer leaves out the palette key (the status line
        names it instead) so that the studio's own bindings all fit."""
        footer = self.query_one(Footer)
        wide = event.size.width >= PALETTE_KEY_MIN_WIDTH
        if footer.show_command_palette != wide:
            footer.show_command_palette = wide
            footer.refresh(recompose=True)  # Footer composes its keys once; the reactive alone does not redraw
        self.update_status()

    # -- keys: what the footer and the help screen show ----------------------------------------------------------
    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's active bindings as the footer and the help screen show them (:func:`~..keys.shown`: no key
        that the focused text field takes as typing; F1 for help while typing; the narrow footer's choices)."""
        typing = isinstance(self.focused, Input)
        wide = self.size.width >= PALETTE_KEY_MIN_WIDTH
        on_canvas = self._view.current == "canvas" and (self.focused is None or isinstance(self.focused, CanvasView))
        return shown(super().active_bindings, self.focused, typing=typing, wide=wide, on_canvas=on_canvas)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter edits fields only with an element selected and outside a text field; escape is shown only away
        from the canvas."""
        if action == "edit_field":
            return self.session.primary is not None and not self.focused_in_input()
        if action == "focus_canvas":
            return not (isinstance(self.focused, CanvasView) and self._view.current == "canvas")
        return True

    def area(self) -> str:
        """The name of the focused area (for the help screen)."""
        if self._view.current == "preview" and (self.focused is None or isinstance(self.focused, CanvasView)):
            return "Preview"
        return next((name for kind, name in AREAS.items() if isinstance(self.focused, kind)), "Editor")

    def action_help(self) -> None:
        """? / F1: the keys of the focused area, the mouse gestures and the palette's commands."""
        self.app.push_screen(HelpScreen(self.area(), key_rows(self.app, self.active_bindings)))

    # -- keeping the widgets in step with the session ------------------------------------------------------------
    def sync(self, *, changed: bool = True, message: str | None = None) -> None:
        """Redraw from the session: the canvas now, the other panels and the status line (with ``message``) just
        after the canvas is painted; mark the preview stale if the design or the simulated room changed;
        ``changed`` schedules an autosave."""
        findings = self.session.findings()
        self._canvas.error_refs = error_refs(findings)
        self._canvas.refresh_view()
        self._message = message
        if not self._panels_due:
            self._panels_due = True
            self.call_after_refresh(self.sync_panels)
        key = self._design_key()
        if key != self._preview_key:
            what = "design" if self._preview_key is None or key[0] != self._preview_key[0] else "room"
            self._preview_key = key
            dynamic = commands.is_dynamic(self.session)
            self._preview.changed(commands.room_line(self.session) if dynamic else None, what)
        if changed:
            self.schedule_autosave()

    def sync_panels(self) -> None:
        """Redraw the elements list, inspector, findings panel and status line from the session (run by
        :meth:`sync` after the canvas frame; call it directly to have them current at once)."""
        self._panels_due = False
        findings = self.session.findings()
        self.query_one(ElementList).sync(self._canvas.error_refs)
        self.query_one(Inspector).sync(findings)
        self.query_one(FindingsPanel).show(findings)
        self.update_status(self._message)
        can_edit = self.session.primary is not None
        if can_edit != self._can_edit:
            self._can_edit = can_edit
            self.refresh_bindings()  # enter appears in the footer only with an element selected

    def show(self, outcome: Outcome, *, redraw: bool = False) -> None:
        """Show what a command did: its message in the status line; every panel redrawn when it changed the session
        (or ``redraw``), and an autosave scheduled when it changed the design."""
        if outcome.effect is Effect.NONE and not redraw:
            self._message = outcome.message  # a redraw of the panels still due shows this message, not an older one
            self.update_status(outcome.message)
        else:
            self.sync(changed=outcome.effect is Effect.DESIGN, message=outcome.message)

    def update_status(self, message: str | None = None) -> None:
        """The status line (:func:`~layout_studio.tui.widgets.status.status_text`): file, unsaved mark, canvas,
        layout mode, snap, and the last message (or, in a narrow terminal, the help and palette keys)."""
        hint = "?: keys, ctrl+p: commands" if self.size.width < PALETTE_KEY_MIN_WIDTH else None
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
            self.sync(changed=False, message=commands.geometry_line(self.session, event.ref))
            return
        self.show(commands.drag(self.session, event.ref, event.x, event.y, event.drag))

    def on_canvas_view_resized(self, event: CanvasView.Resized) -> None:
        if event.done:
            self.session.history.seal()
            self.sync(changed=False, message=commands.geometry_line(self.session, event.ref))
            return
        self.show(commands.resize_to(self.session, event.ref, event.box, event.drag))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id != "elements":
            return
        ref = ref_from_id(event.option.id)
        if ref is not None:
            self.pick(ref)

    def pick(self, ref: ElementRef) -> None:
        """The elements list highlights ``ref``: select it (nothing to do when it is selected already)."""
        if ref != self.session.primary:
            self.session.select(ref)
            self.sync(changed=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "elements":  # a click (enter runs action_edit_element)
            self.action_edit_element()

    def on_findings_panel_chosen(self, event: FindingsPanel.Chosen) -> None:
        self.go_to_finding(event.finding)

    def go_to_finding(self, finding: Finding) -> None:
        """Select the element ``finding`` names and focus its field."""
        ref, _ = ref_for_path(preset_path(finding.path))
        if ref is not None:
            self.session.select(ref)
        self.sync(changed=False)
        self.sync_panels()  # the field to focus must show the chosen element now
        self.query_one(Inspector).focus_field(finding.path)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, FindingsPanel):
            event.widget.expanded = False
            self.remove_class("-findings")

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
        """escape: back to the canvas (from a field, the findings, the elements list or the preview)."""
        self._view.current = "canvas"
        self.set_focus(self._canvas)  # now: the keys typed after esc go to the canvas
        self.refresh_bindings()

    def action_focus_elements(self) -> None:
        """e: focus the elements list (↑/↓ select an element at once, enter edits it, esc back to the canvas)."""
        elements = self.query_one(ElementList)
        self.set_focus(elements)  # now: the keys typed after e go to the list
        self.refresh_bindings()

    def action_edit_element(self) -> None:
        """enter in the elements list: select the highlighted element and edit its fields, in the key's own turn
        (the list's highlight reaches the screen as a message, after the keys typed ahead; they go to the field)."""
        option = self.query_one(ElementList).highlighted_option
        ref = ref_from_id(option.id) if option is not None else None
        if ref is not None and ref != self.session.primary:
            self.session.select(ref)
            self.sync(changed=False)
        self.action_edit_field()

    def action_go_to_finding(self) -> None:
        """enter in the findings: select the highlighted finding's element and focus its field, in the key's own
        turn (the keys typed after it go to the field)."""
        finding = self.query_one(FindingsPanel).highlighted_finding
        if finding is not None:
            self.go_to_finding(finding)

    def action_edit_field(self) -> None:
        """enter: focus the selected element's first field (LocationX) in the inspector."""
        if self.session.primary is not None:
            if self._panels_due:
                self.sync_panels()  # the inspector must show the selected element before its field takes the keys
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

    # -- history and modes ---------------------------------------------------------------------------------------
    def action_undo(self) -> None:
        self._after_history(commands.undo(self.session))

    def action_redo(self) -> None:
        self._after_history(commands.redo(self.session))

    def _after_history(self, outcome: Outcome) -> None:
        """After an undo or redo: fields holding a refused value show the restored design again; a focused field
        shows it now, selected (what is typed next replaces it). When the focused field is an element's and that
        element is no longer the one shown (undo removed it: a duplicate, an added region), the focus goes back to
        the canvas and the status line says so."""
        self.query_one(Inspector).drop_refused()
        focused = self.focused
        editing = focused.row.base if isinstance(focused, FieldInput) else ""
        self.show(outcome, redraw=True)
        if not isinstance(focused, Input):
            return
        self.sync_panels()
        primary = self.session.primary
        if editing and (primary is None or element_path(primary) != editing or not focused.display):
            self.action_focus_canvas()
            self._message = f"back to the canvas: {outcome.message}, the element edited is gone"
            self.update_status(self._message)
            return
        select_all(focused)

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
        self.outputs.write_png()

    def action_contact_sheet(self) -> None:
        self.outputs.contact_sheet()

    def action_export(self) -> None:
        self.outputs.export()

    # -- findings, preview and push ------------------------------------------------------------------------------
    def action_focus_findings(self) -> None:
        """f: focus the findings panel, unfolded over the canvas (each finding in full; esc folds it again)."""
        panel = self.query_one(FindingsPanel)
        self.add_class("-findings")
        panel.expanded = True
        self.set_focus(panel)  # now: the keys typed after f go to the findings
        if panel.highlighted is None and panel.option_count and not panel.get_option_at_index(0).disabled:
            panel.highlighted = 0

    def _design_key(self) -> tuple[int, int | None]:
        """What the preview shows: the design's version and, for a dynamic layout, the simulated room size."""
        dynamic = commands.is_dynamic(self.session)
        return self.session.version, commands.room_size(self.session) if dynamic else None

    def render_preview(self, *, refresh: bool = False) -> None:
        """Render the preview of the design as it is now (a dynamic layout for the simulated room; an ingest
        source's local picture in the regions of its user); ``refresh``: ask the servers of downloaded images whether
        they changed."""
        dynamic = commands.is_dynamic(self.session)
        self._preview.render_design(
            self.session.preset.model_copy(deep=True),
            self.renderer,
            users=commands.room_size(self.session) if dynamic else None,
            room=commands.room_line(self.session) if dynamic else None,
            sources=preview_sources(self.session),
            refresh=refresh,
        )

    def on_preview_pane_settled(self, event: PreviewPane.Settled) -> None:
        """Edits settled: re-render a stale preview while it is shown (a hidden one renders when shown)."""
        if self._view.current == "preview" and self._preview.stale:
            self.render_preview()

    def action_toggle_view(self) -> None:
        """v: the canvas or the preview; a preview that is stale (or never rendered) renders when shown; back on the
        canvas, it takes the focus again (the preview had none)."""
        self._view.current = "preview" if self._view.current == "canvas" else "canvas"
        if self._view.current == "preview" and (self._preview.stale or self._preview.image is None):
            self.render_preview()
        elif self._view.current == "canvas" and self.focused is None:
            self.set_focus(self._canvas)  # the canvas's keys (and footer) again, not the preview's
        self.refresh_bindings()

    def action_refresh_preview(self) -> None:
        """r: render the preview now, fetching the images again: it retries those that failed before (network back,
        URL fixed) and asks the servers of the others whether they changed (a watermark replaced at the same URL)."""
        self._view.current = "preview"
        self.renderer.forget_failures()
        self.render_preview(refresh=True)
        self.refresh_bindings()

    def action_push(self) -> None:
        self.app.push_screen(PushScreen(self.session))

    def action_record(self) -> None:
        self.app.push_screen(RecordScreen(self.session))
