"""Files the editor writes from the design besides the preset: the preview PNG, the contact sheet and an export to
another surface (command palette: "Write preview PNG…", "Contact sheet…", "Export…").

:class:`OutputActions` is the editor screen's controller for them (the screen owns one; its ``action_write_png`` /
``action_contact_sheet`` / ``action_export`` call it). Each asks what it needs with a dialog (the file, with a
proposal in the working folder; the contact sheet's room sizes; the export's target), asks before replacing a file
other than the design's own, applies a value still being typed in a field, then runs the command of
:mod:`layout_studio.editing.outputs` on a copy of the design in a worker (:func:`~..background.wait_for`: the UI
stays live, quitting does not wait), with the app's renderer (its caches are the preview's). The status line says
what is being written, then what was written (or why not); an export's loss report — and the findings that refuse
it — open in :class:`ReportScreen`, a scrollable list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ...editing import EditSession, commands
from ...editing.commands import Effect, Outcome
from ...editing.ingest import preview_sources
from ...editing.outputs import Output, default_path, export_design, write_png, write_sheet
from ...findings import Finding, Severity
from ...mix import MAX_PLACES
from ...redaction import redact
from ...values import parse_range
from ..background import wait_for
from .choose import ChooseScreen
from .dialogs import FormField, FormScreen, PromptScreen, file_name, user_range

if TYPE_CHECKING:
    from .editor import EditorScreen

#: How a finding's severity is marked in a report.
MARKS = {Severity.ERROR: ("✖", "red"), Severity.WARNING: ("▲", "yellow"), Severity.INFO: ("·", "cyan")}


def report_text(findings: list[Finding]) -> Text:
    """``findings`` one per paragraph: mark, path, message, then the code and the source, dimmed (redacted)."""
    text = Text()
    for f in findings:
        mark, colour = MARKS.get(f.severity, ("·", "white"))
        text.append(f"{mark} {f.severity.value} ", style=f"bold {colour}")
        text.append(redact(f"{f.path or '(body)'}: "), style="bold")
        text.append(redact(f.message))
        text.append(redact(f"\n  {f.code} — {f.source}\n"), style="dim")
    return text


def _stem(session: EditSession) -> str:
    """The name a file written from ``session`` starts with: its preset file's (``two-up``), else its title."""
    return session.path.stem if session.path is not None else session.title


class ReportScreen(ModalScreen[None]):
    """A scrollable report: ``title``, a ``summary`` line and ``findings``. Esc, enter or q closes it."""

    DEFAULT_CSS = """
    ReportScreen #report { width: 100; height: 80%; }
    ReportScreen #report-body { height: 1fr; }
    ReportScreen .report-summary { margin: 1 0; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("enter", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, title: str, summary: str, findings: list[Finding]) -> None:
        super().__init__()
        self._title, self._summary, self.findings = title, summary, findings

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide", id="report"):
            yield Label(f"{self._title}   (esc closes; ↑ ↓ PgUp PgDn scroll)", classes="dialog-title")
            yield Static(redact(self._summary), classes="report-summary", markup=False)
            with VerticalScroll(id="report-body"):
                yield Static(report_text(self.findings) if self.findings else "nothing lost", id="report-findings")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#report-body"))

    def action_close(self) -> None:
        self.dismiss(None)


class OutputActions:
    """Write the preview PNG, the contact sheet and exports for the editor ``screen`` (its session and renderer)."""

    def __init__(self, screen: EditorScreen) -> None:
        self.screen = screen

    # -- the commands ----------------------------------------------------------------------------------------
    def write_png(self) -> None:
        """Ask for a file and write the full-size preview there (the simulated room of a dynamic layout, an ingest
        source's local picture), in a worker."""
        session = self.screen.session

        def done(value: str | None) -> None:
            if not value:
                return
            preset = session.preset.model_copy(deep=True)
            users = commands.room_size(session) if commands.is_dynamic(session) else None
            sources = preview_sources(session)
            renderer = self.screen.renderer
            self._unless_replacing(
                value,
                "writing the preview PNG",
                lambda path: write_png(preset, path, renderer, users=users, sources=sources),
            )

        default = str(default_path(_stem(session), ".png"))
        self.screen.app.push_screen(
            PromptScreen("Write the preview PNG to", default, ok="Write", check=file_name), done
        )

    def contact_sheet(self) -> None:
        """Ask for the PNG file and, optionally, the room sizes; build the contact sheet in a worker and write it."""
        session = self.screen.session
        dynamic = commands.is_dynamic(session)
        sheet = str(default_path(_stem(session), ".sheet.png"))
        fields = [
            FormField("Write the contact sheet to (PNG)", sheet, "", file_name),
            FormField(
                "Room sizes, LOW-HIGH or N users (empty: every state)",
                "",
                f"empty: 1-{MAX_PLACES} users" if dynamic else "empty: everyone, then each named user absent",
                user_range(0, MAX_PLACES),
            ),
        ]

        def done(values: list[str] | None) -> None:
            if not values:
                return
            path_text, users_text = values
            users = parse_range(users_text, low=0, high=MAX_PLACES) if users_text.strip() else None
            preset = session.preset.model_copy(deep=True)
            renderer = self.screen.renderer
            self._unless_replacing(
                path_text,
                "building the contact sheet",
                lambda path: write_sheet(preset, path, renderer, users),
            )

        title = "Contact sheet: the design in every room state"
        hint = "enter: build and write · tab: next field · esc: cancel"
        self.screen.app.push_screen(FormScreen(title, fields, hint=hint), done)

    def export(self) -> None:
        """Ask for the target and the file; export in a worker; show the loss report, or the errors that refuse
        it (nothing written)."""
        from ...export import targets

        session = self.screen.session

        def chosen(target: str | None) -> None:
            if not target:
                return

            def done(value: str | None) -> None:
                if not value:
                    return
                preset = session.preset.model_copy(deep=True)
                self._unless_replacing(
                    value,
                    f"exporting to {target}",
                    lambda path: export_design(preset, target, path),
                    lambda out: self._show_report(target, out),
                )

            default = str(default_path(_stem(session), f".{target}.json"))
            title = f"Export to {target}: write the body to"
            self.screen.app.push_screen(PromptScreen(title, default, ok="Export", check=file_name), done)

        text = (
            "The design as another Tencent surface takes it. What the target cannot carry is listed after the "
            "export (the loss report); errors of the target's own rules refuse it."
        )
        answers = [(name, f"{name}: {title}") for name, title in targets()]
        self.screen.app.push_screen(ChooseScreen("Export to which surface?", text, answers), chosen)

    # -- shared ----------------------------------------------------------------------------------------------
    def _unless_replacing(
        self,
        value: str,
        doing: str,
        job: Callable[[Path], Output],
        then: Callable[[Output], None] | None = None,
    ) -> None:
        """Apply a value still typed in a field; ask before replacing a file at ``value``; then run ``job`` in a
        worker, saying ``doing…`` until it is done."""
        if not self.screen.files.fields_applied():
            return
        path = Path(value.strip()).expanduser()
        self.screen.files.unless_replacing(path, lambda p: self._run(doing, lambda: job(p), then))

    def _run(self, doing: str, job: Callable[[], Output], then: Callable[[Output], None] | None) -> None:
        """Run ``job`` in a worker; its outcome goes to the status line (and ``then``), a failure to a
        notification."""
        screen = self.screen
        screen.update_status(f"{doing}…")

        def work() -> None:
            done = wait_for(job, "layout-studio-output")
            if done is not None:
                screen.app.call_from_thread(self._finish, doing, done.value, done.error, then)

        screen.run_worker(work, thread=True, group="outputs", name=doing, exit_on_error=False)

    def _finish(
        self,
        doing: str,
        out: Output | None,
        error: BaseException | None,
        then: Callable[[Output], None] | None,
    ) -> None:
        if error is not None or out is None:
            message = f"{doing} failed: {error}"
            self.screen.show(Outcome(Effect.NONE, redact(message)))
            self.screen.notify(redact(str(error)), title="Not written", severity="error")
            return
        self.screen.show(Outcome(Effect.NONE, redact(out.message)))
        if then is not None:
            then(out)

    def _show_report(self, target: str, out: Output) -> None:
        """The export's loss report (or the errors that refused it) in a :class:`ReportScreen`."""
        if out.refused:
            title = f"Not exported: the {target} rules found errors"
        elif out.findings:
            title = f"Exported to {target}: what it cannot carry"
        else:
            return
        self.screen.app.push_screen(ReportScreen(title, out.message, out.findings))
