"""The recording screen (command palette: "Start recording…"): starts a cloud recording of the design
(CreateCloudRecording), as ``layout-studio record start`` does.

It shows what it needs — the room and the recording robot (the preset's Target by default), the API region and
SdkAppId, where the files go (StorageParams: a COS or AWS bucket with its keys, or Tencent Cloud VOD; the preset's
``Target.StorageParams`` when left empty) and the robot's UserSig (generated from ``TRTC_SDK_SECRET_KEY`` when left
empty) — then, on Show request (F5), the CreateCloudRecording body :mod:`layout_studio.push` would send (secrets
masked), the loss report of the conversion and the recording pack's findings. Nothing is sent until Start (F9) is
pressed and confirmed; error findings refuse it. The start is sent at most once and recorded in the push journal;
the outcome gives the TaskId (``layout-studio record status|update|stop`` take it).

Secrets follow the push screen's rules: the SecretKey and UserSig fields are password fields, registered with the
run's secret registry as they are read, and everything the screen shows is redacted (:mod:`layout_studio.redaction`);
they are never stored (the journal strips them).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Input, Label, Static

from ...editing import EditSession
from ...errors import LayoutStudioError
from ...findings import Finding, has_errors
from ...redaction import redact, register
from .dialogs import ConfirmScreen
from .outputs import report_text
from .push import request_json, sdk_app_id_of

if TYPE_CHECKING:
    from ...model import Preset
    from ...push.operations import PushOptions

#: Storage kinds the Storage field takes, and the CloudStorage.Vendor of each bucket kind.
VENDORS = {"cos": 0, "aws": 1}


@dataclass
class Request:
    """A shown request: the design copy it was built from, the target options (:meth:`Recorder.create_body`'s
    keyword arguments), the masked body, the findings and the API region."""

    preset: Preset
    target: dict[str, Any]
    masked: dict[str, Any]
    findings: list[Finding]
    region: str

    @property
    def blocked(self) -> bool:
        return has_errors(self.findings)


class RecordScreen(Screen[None]):
    """Show and start the cloud recording of the session's design. Keys: F5 show the request, F9 start, esc back."""

    DEFAULT_CSS = """
    RecordScreen #rec-title { height: 1; background: $panel; text-style: bold; }
    RecordScreen .rec-row { height: auto; }
    RecordScreen .rec-row Label { padding: 0 1; }
    RecordScreen .rec-row Input { width: 1fr; }
    RecordScreen #rec-buttons Button { margin: 0 1; }
    RecordScreen #rec-outcome { height: auto; max-height: 4; padding: 0 1; }
    RecordScreen #rec-panes { height: 1fr; }
    RecordScreen #rec-request-pane, RecordScreen #rec-findings-pane { width: 1fr; border: round $panel-lighten-2; }
    """
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("f5", "show_request", "Show request"),
        Binding("f9", "start", "Start"),
    ]

    def __init__(self, session: EditSession) -> None:
        super().__init__()
        self.session = session
        self.request: Request | None = None

    def compose(self) -> ComposeResult:
        target = self.session.preset.target
        room = target.room_id if target is not None and target.room_id else ""
        region = target.region if target is not None and target.region else ""
        app_id = str(target.sdk_app_id) if target is not None and target.sdk_app_id is not None else ""
        stored = target is not None and target.storage_params is not None
        storage_hint = "empty: the Target's StorageParams" if stored else "cos, aws or vod"
        yield Static(f" Record “{self.session.title}” in the cloud (CreateCloudRecording)", id="rec-title")
        with Horizontal(classes="rec-row"):
            yield Label("RoomId")
            yield Input(room, placeholder="RoomId", id="rec-room", compact=True)
            yield Label("Robot")
            yield Input(placeholder="recording_<RoomId>", id="rec-robot", compact=True)
        with Horizontal(classes="rec-row"):
            yield Label("Region")
            yield Input(region, placeholder="ap-guangzhou", id="rec-region", compact=True)
            yield Label("SdkAppId")
            yield Input(app_id, placeholder="from Target", id="rec-app", compact=True)
        with Horizontal(classes="rec-row"):
            yield Label("Storage")
            yield Input(placeholder=storage_hint, id="rec-vendor", compact=True)
            yield Label("Bucket")
            yield Input(placeholder="bucket-1250000000", id="rec-bucket", compact=True)
            yield Label("in")
            yield Input(placeholder="bucket region", id="rec-bucket-region", compact=True)
        with Horizontal(classes="rec-row"):
            yield Label("AccessKey")
            yield Input(placeholder="bucket AccessKey", id="rec-access", compact=True)
            yield Label("SecretKey")
            yield Input(placeholder="or TRTC_STORAGE_SECRET_KEY", password=True, id="rec-secret", compact=True)
        with Horizontal(classes="rec-row"):
            yield Label("Robot UserSig")
            yield Input(placeholder="empty: from TRTC_SDK_SECRET_KEY", password=True, id="rec-usersig", compact=True)
        with Horizontal(classes="rec-row", id="rec-buttons"):
            yield Button("Show request (F5)", id="show", variant="default", compact=True)
            yield Button("Start (F9)", id="start", variant="warning", disabled=True, compact=True)
            yield Checkbox("dry run", id="rec-dry", compact=True)
        yield Static(
            "Check the fields, then F5 shows the request; nothing is sent before Start (F9) and your yes.",
            id="rec-outcome",
            markup=False,
        )
        with Horizontal(id="rec-panes"):
            with VerticalScroll(id="rec-request-pane"):
                yield Static("", id="rec-request", markup=False)
            with VerticalScroll(id="rec-findings-pane"):
                yield Static("", id="rec-findings", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#rec-request-pane").border_title = "Request (secrets masked)"
        self.query_one("#rec-findings-pane").border_title = "What is lost, and the recording's rules"
        self.set_focus(self.query_one("#rec-room", Input))

    # -- reading the form ------------------------------------------------------------------------------------
    def _value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value.strip()

    def _secret(self, field: str) -> str | None:
        """A password field's text, registered as a secret (so that nothing shown can hold it), or None."""
        value = self._value(field)
        if value:
            register(value)
        return value or None

    def _options(self, *, read_only: bool) -> PushOptions:
        """The push session's options: region, SdkAppId, dry run, and the app's own (``push_options``)."""
        from ...push.operations import PushOptions

        extra = dict(getattr(self.app, "push_options", None) or {})
        return PushOptions(
            region=self._value("rec-region") or None,
            sdk_app_id=sdk_app_id_of(self._value("rec-app")),
            dry_run=self.query_one("#rec-dry", Checkbox).value,
            read_only=read_only,
            **extra,
        )

    def _storage(self) -> dict[str, Any] | None:
        """StorageParams from the storage fields (None: the Target's); raises LayoutStudioError for a kind other than
        cos, aws or vod."""
        from ...push.recording import storage_params

        kind = self._value("rec-vendor").lower()
        if not kind:
            return None
        if kind == "vod":
            return storage_params(vod=True)
        if kind not in VENDORS:
            raise LayoutStudioError(f"Storage {kind!r}: type cos (Tencent COS), aws (Amazon S3) or vod (Tencent VOD)")
        return storage_params(
            vendor=VENDORS[kind],
            region=self._value("rec-bucket-region") or None,
            bucket=self._value("rec-bucket") or None,
            access_key=self._value("rec-access") or None,
        )

    def _target(self) -> dict[str, Any]:
        """The keyword arguments of :meth:`~layout_studio.push.recording.Recorder.create_body` from the form."""
        preset_room = self.session.preset.target.room_id if self.session.preset.target is not None else None
        room = self._value("rec-room") or None
        return {
            "room_id": room if room != preset_room else None,
            "robot_user_id": self._value("rec-robot") or None,
            "usersig": self._secret("rec-usersig"),
            "storage": self._storage(),
            "storage_secret_key": self._secret("rec-secret") or os.environ.get("TRTC_STORAGE_SECRET_KEY") or None,
        }

    def missing(self) -> str | None:
        """What the form still needs before a request can be built, in the screen's words (the library's messages
        name command-line options); None when nothing is missing."""
        target = self.session.preset.target
        kind = self._value("rec-vendor").lower()
        if not kind and (target is None or target.storage_params is None):
            return (
                "where the files go: type cos or aws in Storage (with Bucket, its region, AccessKey and SecretKey) "
                "or vod, or set Target.StorageParams in the preset"
            )
        if kind in VENDORS and not (self._value("rec-secret") or os.environ.get("TRTC_STORAGE_SECRET_KEY")):
            return "the bucket's SecretKey: type it in SecretKey (or start the studio with TRTC_STORAGE_SECRET_KEY set)"
        if not self._value("rec-usersig") and not os.environ.get("TRTC_SDK_SECRET_KEY"):
            return (
                "the recording robot's UserSig: type it in Robot UserSig, or start the studio with TRTC_SDK_SECRET_KEY "
                "set (the UserSig is generated from it)"
            )
        return None

    def _say(self, text: str) -> None:
        self.query_one("#rec-outcome", Static).update(redact(text))

    # -- actions -----------------------------------------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_show_request()

    def on_input_changed(self, event: Input.Changed) -> None:
        """A changed field makes the request shown out of date: Start waits for F5 again."""
        if self.request is not None:
            self.request = None
            self.query_one("#start", Button).disabled = True
            self._say("a field changed: press F5 to see the request again before starting")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "show":
            self.action_show_request()
        elif event.button.id == "start":
            self.action_start()

    def action_show_request(self) -> None:
        """Build the body as it would be sent, show it masked with the findings; enable Start unless refused."""
        from ...export.recording_pack import CREATE_PACK
        from ...push.apis import RECORDING
        from ...push.operations import Pusher
        from ...push.recording import Recorder
        from ...secrets import mask_secrets

        self.request = None
        self.query_one("#start", Button).disabled = True
        missing = self.missing()
        if missing is not None:
            self._say(f"needed first — {missing}")
            return
        preset = self.session.preset.model_copy(deep=True)
        try:
            target = self._target()
            with Pusher(self._options(read_only=True)) as pusher:  # showing records nothing
                body, losses = Recorder(pusher).create_body(preset, **target)
                region = pusher.api_region_for(preset, None, body.get("SdkAppId"), api=RECORDING)
                findings = losses + CREATE_PACK.check(body, sending=True, region=region)
        except LayoutStudioError as err:
            self._say(f"cannot build the request: {err}")
            return
        request = Request(preset, target, mask_secrets(body), findings, region)
        self.request = request
        self.query_one("#rec-request", Static).update(request_json(request.masked))
        shown = report_text(findings) if findings else "nothing lost; the recording's rules find nothing"
        self.query_one("#rec-findings", Static).update(shown)
        self.query_one("#start", Button).disabled = request.blocked
        room = request.masked.get("RoomId")
        self._say(
            "refused: the request has errors (right) — fix the design or the fields"
            if request.blocked
            else f"ready: records room {room} in {region} — press Start (F9) to send CreateCloudRecording"
        )

    def action_start(self) -> None:
        """Ask, then send the request shown (at most once)."""
        request = self.request
        if request is None or request.blocked:
            self._say("show the request first (F5); a request with errors is not sent")
            return
        try:
            options = self._options(read_only=False)
        except LayoutStudioError as err:
            self._say(f"not sent: {err}")
            return
        room = request.masked.get("RoomId")
        dry = " (dry run: nothing is sent)" if options.dry_run else ""
        question = (
            f"Start recording room {room} in {request.region}{dry}? CreateCloudRecording is sent once; the "
            "recording runs (and is billed) until `layout-studio record stop TASKID`."
        )

        def answered(answer: str | None) -> None:
            if answer == "yes":
                self.query_one("#start", Button).disabled = True
                self._say("sending…")
                self._send(request, options)
            else:
                self._say("not sent")

        self.app.push_screen(ConfirmScreen("Start the recording?", question, "Start it"), answered)

    @work(thread=True, exclusive=True, group="record")
    def _send(self, request: Request, options: PushOptions) -> None:
        from ...push.errors import RefusedError
        from ...push.operations import Pusher
        from ...push.recording import Recorder
        from ...push.starts import unknown_start_advice

        try:
            with Pusher(options) as pusher:
                out = Recorder(pusher).start(request.preset, **request.target)
        except RefusedError as err:
            findings = list(getattr(err, "findings", None) or [])
            self.app.call_from_thread(self._refused, str(err), findings)
            return
        except LayoutStudioError as err:
            self.app.call_from_thread(self._say, f"not sent: {err}")
            return
        if out.status == "dry-run":
            text = "dry run — nothing sent; the signed request is shown on the left"
            self.app.call_from_thread(self.query_one("#rec-request", Static).update, request_json(out.request))
        elif out.ok:
            text = (
                f"recording: TaskId {out.task_id}, RequestId {out.request_id} — `layout-studio record status "
                f"{out.task_id}` says what it does, `record stop {out.task_id}` ends it"
            )
        elif out.status == "unknown":
            row = out.journal_ids[-1] if out.journal_ids else None
            text = f"unknown: {out.error}. {unknown_start_advice(out.request or {}, row, 'CreateCloudRecording')}"
        else:
            text = f"{out.status}: {out.error}"
        self.app.call_from_thread(self._say, text)

    def _refused(self, text: str, findings: list[Finding]) -> None:
        self._say(f"not sent: {text}")
        if findings:
            self.query_one("#rec-findings", Static).update(report_text(findings))
