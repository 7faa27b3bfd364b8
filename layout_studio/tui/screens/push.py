"""The push screen (command palette: "Push to a live task…"): for a TaskId it shows the UpdatePublishCdnStream
request that would be sent (secrets masked) and what changes against what the task last received (from the push
journal), then pushes through :mod:`layout_studio.push` and reports the outcome: TaskId, RequestId and
SequenceNumber, or the API's error in words. Nothing is sent until Push is pressed; error findings refuse it.
Everything it shows is redacted with the run's secret registry (:mod:`layout_studio.redaction`).
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.syntax import Syntax
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Input, Label, Static

from ...editing import EditSession
from ...errors import LayoutStudioError
from ...findings import Severity, has_errors
from ...redaction import redact

if TYPE_CHECKING:
    from ...push.operations import PushOptions
    from ...push.plan import Plan


def request_json(obj: Any) -> Syntax:
    """``obj`` (a request body, already masked by the caller; redacted again here) as indented JSON."""
    text = redact(json.dumps(obj, indent=2, ensure_ascii=False))
    return Syntax(text, "json", theme="ansi_dark", word_wrap=True, background_color="default")


def sdk_app_id_of(text: str) -> int | None:
    """The SdkAppId typed in a field (None: empty, the preset's Target then); raises LayoutStudioError for text that
    is not an application id."""
    text = text.strip()
    try:
        sdk_app_id = int(text) if text else None
    except ValueError:
        sdk_app_id = -1
    if sdk_app_id is not None and sdk_app_id <= 0:
        raise LayoutStudioError(
            f"SdkAppId {text!r} is not an application id: type the number from the TRTC "
            "console (e.g. 1400188366), or clear the field to use the preset's Target"
        )
    return sdk_app_id


def _describe(plan: Plan) -> str:
    """The plan's changes, and the errors that refuse it."""
    text = plan.render()
    if has_errors(plan.findings):
        errors = [f for f in plan.findings if f.severity is Severity.ERROR]
        text += "\n\nrefused — fix these first:\n" + "\n".join(f"✖ {f.path}: {f.message}" for f in errors)
    return text


class PushScreen(Screen[None]):
    """Plan and push the session's design to a task. Keys: F5 plan, F9 push, escape back."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("f5", "plan", "Plan"),
        Binding("f9", "push", "Push"),
    ]

    def __init__(self, session: EditSession) -> None:
        super().__init__()
        self.session = session
        self.plan: Plan | None = None

    def compose(self) -> ComposeResult:
        target = self.session.preset.target
        region = target.region if target and target.region else ""
        app_id = str(target.sdk_app_id) if target and target.sdk_app_id is not None else ""
        yield Static(f" Push “{self.session.title}” to a live task (UpdatePublishCdnStream)", id="push-title")
        with Horizontal(id="push-form"):
            yield Label("TaskId")
            yield Input(placeholder="task id from start", id="push-task", compact=True)
            yield Label("Region")
            yield Input(region, placeholder="ap-guangzhou", id="push-region", compact=True)
            yield Label("SdkAppId")
            yield Input(app_id, placeholder="from Target", id="push-app", compact=True)
        with Horizontal(id="push-buttons"):
            yield Button("Plan (F5)", id="plan", variant="default", compact=True)
            yield Button("Push (F9)", id="push", variant="warning", disabled=True, compact=True)
            yield Checkbox("dry run", id="push-dry", compact=True)
        yield Static(
            "Type the TaskId and press enter to see the request and the changes.", id="push-outcome", markup=False
        )
        with Horizontal(id="push-panes"):
            with VerticalScroll(id="push-request-pane"):
                yield Static("", id="push-request", markup=False)
            with VerticalScroll(id="push-diff-pane"):
                yield Static("", id="push-diff", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#push-request-pane").border_title = "Request (secrets masked)"
        self.query_one("#push-diff-pane").border_title = "Changes since the task's last push"
        self.query_one("#push-task", Input).focus()

    def _options(self) -> PushOptions:
        from ...push.endpoint import check_api_region
        from ...push.operations import PushOptions

        region = self.query_one("#push-region", Input).value.strip() or None
        sdk_app_id = sdk_app_id_of(self.query_one("#push-app", Input).value)
        if region is not None:
            check_api_region(region)  # a region the APIs refuse is named now, not after a plan that says "ready"
        return PushOptions(region=region, sdk_app_id=sdk_app_id, dry_run=self.query_one("#push-dry", Checkbox).value)

    def _say(self, text: str) -> None:
        self.query_one("#push-outcome", Static).update(redact(text))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_plan()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "plan":
            self.action_plan()
        elif event.button.id == "push":
            self.action_push()

    def action_plan(self) -> None:
        """Show the masked request and the changes for the TaskId; enable Push unless refused."""
        from ...push.operations import Pusher
        from ...values import ValueFormatError, parse_task_id

        typed = self.query_one("#push-task", Input).value
        if not typed.strip():
            self._say("type the TaskId first (layout-studio start prints it; `layout-studio history` lists tasks)")
            return
        try:
            task_id = parse_task_id(typed)
        except ValueFormatError as err:
            self.plan = None
            self.query_one("#push", Button).disabled = True
            self._say(f"cannot plan: {err}")
            return
        try:
            with Pusher(replace(self._options(), read_only=True)) as pusher:  # a plan records nothing
                plan = pusher.plan_update(self.session.preset, task_id)
        except LayoutStudioError as err:
            self.plan = None
            self._say(f"cannot plan: {err}")
            self.query_one("#push", Button).disabled = True
            return
        self.plan = plan
        self.query_one("#push-request", Static).update(request_json(plan.masked_body()))
        self.query_one("#push-diff", Static).update(redact(_describe(plan)))
        self.query_one("#push", Button).disabled = plan.blocked
        self._say(
            "refused: the design has errors"
            if plan.blocked
            else f"ready: {len(plan.changes)} field(s) change — press Push (F9) to send"
        )

    def action_push(self) -> None:
        if self.plan is None or self.plan.blocked:
            self._say("plan first (F5); a design with errors is not pushed")
            return
        try:
            options = self._options()
        except LayoutStudioError as err:
            self._say(f"not sent: {err}")
            return
        self.query_one("#push", Button).disabled = True
        self._say("sending…")
        self._send(self.plan, options)

    @work(thread=True, exclusive=True, group="push")
    def _send(self, plan: Plan, options: PushOptions) -> None:
        from ...push.operations import Pusher

        try:
            with Pusher(options) as pusher:
                out = pusher.push_plan(plan, preset=self.session.preset)
        except LayoutStudioError as err:
            self.app.call_from_thread(self._say, f"not sent: {err}")
            return
        if out.status == "dry-run":
            text = "dry run — nothing sent; the request is shown on the left"
            self.app.call_from_thread(self.query_one("#push-request", Static).update, request_json(out.request))
        elif out.ok:
            text = f"pushed: TaskId {out.task_id}, RequestId {out.request_id}, SequenceNumber {out.sequence_number}"
        else:
            text = f"{out.status}: {out.error}"
        self.app.call_from_thread(self._say, text)
