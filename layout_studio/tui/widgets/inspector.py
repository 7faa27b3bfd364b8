"""The inspector: form fields for the selected element, and tabs for Canvas & encode, Audio mix, SEI and Target.

Each tab is a :class:`~layout_studio.tui.widgets.fields.FieldForm` over the field specs of
:mod:`layout_studio.editing.fields`. The Element tab switches between the region form, the text-watermark form and
the image-watermark form; element-level findings (a region outside the canvas) show above the form, and so does
the ingest source a region shows (``ingest source: <StreamUrl>``, :func:`layout_studio.editing.ingest.ingest_line`).

The inspector is the forms' :class:`~layout_studio.tui.widgets.fields.FieldEditor`: a value typed into a field is
applied with :func:`layout_studio.editing.commands.set_field` (one undo step) when the user leaves the field, and
the outcome — applied, or refused and why — goes to the screen as :class:`Inspector.Applied`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ContentSwitcher, Static, TabbedContent, TabPane

from ...editing import EditSession, commands, element_path
from ...editing.access import element_model, ref_for_path, watermarks
from ...editing.commands import Effect, Outcome
from ...editing.fields import (
    IMAGE_WATERMARK_FIELDS,
    REGION_FIELDS,
    TABS,
    TEXT_WATERMARK_FIELDS,
    FieldError,
    InspectorField,
    format_value,
    parse_value,
    preset_path,
    read_field,
    tab_for_path,
)
from ...editing.ingest import ingest_line
from ...findings import Finding
from .fields import FieldForm, FieldRow, select_all

TAB_TITLES = {"element": "Element", "canvas": "Canvas", "audio": "Audio", "sei": "SEI", "target": "Target"}


class Inspector(Vertical):
    """The inspector of a session; :meth:`sync` shows the current design, selection and findings."""

    DEFAULT_CSS = """
    Inspector { height: 1fr; }
    Inspector #element-summary { color: $error; height: auto; max-height: 3; }
    Inspector #element-note { color: $accent; height: auto; max-height: 2; }
    Inspector #no-selection { color: $text-muted; padding: 1; }
    """

    class Applied(Message):
        """A typed value was applied (``outcome.effect`` DESIGN) or refused (NONE, the message says why)."""

        def __init__(self, outcome: Outcome) -> None:
            super().__init__()
            self.outcome = outcome

    def __init__(self, session: EditSession, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session
        self._by_path: dict[str, list[Finding]] = {}
        self._summary_text: str | None = None  # what #element-summary shows (re-set only when it changes)
        self._note_text: str | None = None  # what #element-note shows (the same)

    def compose(self) -> ComposeResult:
        with TabbedContent(id="inspector-tabs"):
            with TabPane(TAB_TITLES["element"], id="tab-element"):
                yield Static("", id="element-summary", markup=False)
                note = Static("", id="element-note", markup=False)
                note.display = False
                yield note
                with ContentSwitcher(initial="no-selection", id="element-switcher"):
                    yield Static("No element selected. Tab selects the next one; a adds a region.", id="no-selection")
                    yield FieldForm(REGION_FIELDS, editor=self, id="form-region")
                    yield FieldForm(TEXT_WATERMARK_FIELDS, editor=self, id="form-text")
                    yield FieldForm(IMAGE_WATERMARK_FIELDS, editor=self, id="form-image")
            for key in ("canvas", "audio", "sei", "target"):
                with TabPane(TAB_TITLES[key], id=f"tab-{key}"):
                    yield FieldForm(TABS[key], editor=self, id=f"form-{key}")

    def _element_form(self) -> FieldForm | None:
        ref = self.session.primary
        if ref is None:
            return None
        if ref.kind == "region":
            return self.query_one("#form-region", FieldForm)
        wm = watermarks(self.session.preset)[ref.index]
        return self.query_one("#form-text" if wm.eff("water_mark_type") == 1 else "#form-image", FieldForm)

    def sync(self, findings: list[Finding]) -> None:
        """Show the design's values, the selection's form, and the findings of each field."""
        by_path: dict[str, list[Finding]] = defaultdict(list)
        for f in findings:
            by_path[preset_path(f.path)].append(f)
        form = self._element_form()
        primary = self.session.primary
        switcher = self.query_one("#element-switcher", ContentSwitcher)
        summary = self.query_one("#element-summary", Static)
        if form is None or primary is None:
            switcher.current = "no-selection"
            summary.update("")
            self._summary_text = ""
            summary.display = False
        else:
            form.base = element_path(primary)
            switcher.current = form.id
            form.load(self.session.preset, by_path)
            own = by_path.get(form.base, [])
            text = "\n".join(f"✖ {f.message}" for f in own[:2])
            if text != self._summary_text:  # an unchanged text costs no layout pass (every nudge's)
                self._summary_text = text
                summary.update(text)
            summary.display = bool(own)
        self._show_note(ingest_line(self.session, primary) if primary is not None else None)
        active = self.query_one("#inspector-tabs", TabbedContent).active.removeprefix("tab-")
        if active in TABS:  # hidden tabs are loaded when shown (on_tabbed_content_tab_activated)
            self.query_one(f"#form-{active}", FieldForm).load(self.session.preset, by_path)
        self._by_path = by_path

    def _show_note(self, text: str | None) -> None:
        """The line about the selected element above its form (the ingest source it shows), hidden when None."""
        if text == self._note_text:
            return  # an unchanged line costs no layout pass
        self._note_text = text
        note = self.query_one("#element-note", Static)
        note.update(text or "")
        note.display = text is not None

    def drop_refused(self) -> None:
        """Drop typed text not applied yet and the reasons of refused values (undo or redo replaced the design under
        them): the next :meth:`sync` shows the design's values and findings in every field, the focused one
        included."""
        for row in self.query(FieldRow):
            if row.pending or row.refusal:
                row.revert()

    # -- applying typed values (the forms' FieldEditor) ----------------------------------------------------------
    def apply_field(self, base: str, spec: InspectorField, text: str) -> str | None:
        """Apply ``text`` to field ``spec`` of the element at API path ``base`` ("" for the tabs' fields) as one
        undo step; None when applied or when the value is the design's already (no step), else why it was refused
        (the design unchanged, the status line says it too)."""
        preset = self.session.preset
        if base:
            ref, _ = ref_for_path(base)
            if ref is None or element_model(preset, ref) is None:
                return self._refused(spec, text, f"{spec.label}: not applied, its element was removed meanwhile")
        try:
            if _same(spec, read_field(preset, base, spec), parse_value(spec, text)):
                return None
            outcome = commands.set_field(self.session, base, spec, text, done=True)
        except FieldError as err:
            return self._refused(spec, text, str(err))
        except ValidationError as err:
            reason = err.errors()[0]["msg"] if err.errors() else "not a value of the field"
            return self._refused(spec, text, f"{spec.label}: {text!r} was not applied ({reason})")
        except (ValueError, KeyError) as err:
            return self._refused(spec, text, f"{spec.label}: {text!r} was not applied ({err})")
        self.post_message(self.Applied(outcome))
        return None

    def _refused(self, spec: InspectorField, text: str, reason: str) -> str:
        """Say in the status line that ``text`` was not applied (the field shows the whole ``reason`` below it)."""
        shown = text if len(text) <= 12 else text[:11] + "…"
        self.tell(f"{spec.label}: {shown!r} not applied")
        return reason

    def tell(self, message: str) -> None:
        """Say ``message`` in the status line (through the screen)."""
        self.post_message(self.Applied(Outcome(Effect.NONE, message)))

    def pending_row(self) -> FieldRow | None:
        """The field holding typed text not applied yet, if any."""
        return next((row for row in self.query(FieldRow) if row.pending), None)

    def commit_pending(self) -> bool:
        """Apply the text typed in a field and not applied yet (before a save or a quit); False when it was
        refused (the field says why)."""
        row = self.pending_row()
        return row is None or row.commit()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        key = (event.pane.id or "").removeprefix("tab-")
        if key in TABS:
            self.query_one(f"#form-{key}", FieldForm).load(self.session.preset, self._by_path)

    def focus_field(self, finding_path: str) -> bool:
        """Show the tab holding ``finding_path`` and focus its field (the element tab's first field when the path
        names the element itself); True when a field was focused."""
        tab = tab_for_path(finding_path)
        self.query_one("#inspector-tabs", TabbedContent).active = f"tab-{tab}"
        path = preset_path(finding_path)
        form = self._element_form() if tab == "element" else self.query_one(f"#form-{tab}", FieldForm)
        if form is None:
            return False
        row: FieldRow | None = form.row_for(path)
        if row is None:
            rows = [r for r in form.rows() if path.startswith(f"{form.base}.{r.spec.path.split('.')[0]}")]
            row = rows[0] if rows else (form.rows()[0] if form.rows() else None)
        if row is None:
            return False
        self.screen.set_focus(row.input)  # now, not after the keys typed ahead: they go to the field
        if self.screen.focused is not row.input:
            row.input.focus()
        select_all(row.input)
        row.scroll_visible()
        return True

    def show_tab(self, key: str) -> None:
        """Switch to tab ``key`` (element, canvas, audio, sei, target)."""
        self.query_one("#inspector-tabs", TabbedContent).active = f"tab-{key}"


def _same(spec: InspectorField, current: Any, value: Any) -> bool:
    """True when a parsed ``value`` is what the design holds already (a users list compared by its UserIds)."""
    if spec.kind == "users":
        return format_value(spec, current) == ", ".join(value or [])
    return bool(current == value)
