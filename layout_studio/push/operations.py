"""Start, plan, push (update), rollback and stop: a :class:`Pusher` ties options, journal, client and sender.

Every operation validates before it sends (:func:`layout_studio.validation.validate`): error findings refuse it
(:class:`~layout_studio.push.errors.RefusedError`), warnings travel with the result. The API region comes from
``region=`` / ``--region``, else the journal's record of the task (a task runs in one API region and application),
else the preset's Target.Region; the SdkAppId likewise. The agent's UserSig is resolved by
:mod:`layout_studio.push.usersig` and never stored. With ``dry_run`` nothing is sent or recorded: the outcome
carries the exact request, masked.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from ..findings import Finding, Severity, has_errors
from ..model import Preset
from ..secrets import secret_values
from . import starts
from .client import DEFAULT_TIMEOUT, TrtcClient
from .credentials import resolve_credential
from .endpoint import check_api_region, sdk_app_id_warning
from .errors import ConfigError, RefusedError
from .journal import START, STOP, UPDATE, Journal, start_target
from .lease import Lease, LeaseBusy
from .outcome import Outcome
from .plan import Plan, compare, design_hash, fold_state, interruptions
from .ratelimit import API_RATE_LIMIT, JournalSlots, RateLimiter
from .records import Entry, TaskRecord
from .sender import LEASE_WAIT, RetryPolicy, Sender, lease_key
from .status import AttemptStatus, OutcomeStatus
from .usersig import known_secret_values, resolve_usersig

#: Sections an update may carry (``SDK models.UpdatePublishCdnStreamRequest``).
UPDATE_SECTIONS = (
    "WithTranscoding",
    "AudioParams",
    "VideoParams",
    "SingleSubscribeParams",
    "PublishCdnParams",
    "SeiParams",
    "FeedBackRoomParams",
)
_DRY_RUN_CREDENTIAL = ("AKID-dry-run-placeholder", "dry-run-placeholder-key")


@dataclass
class PushOptions:
    """Settings of a push session (the command line's common options).

    region, endpoint (URL: scheme, host, port), profile (credentials profile), sdk_app_id, journal (path or a
    :class:`Journal`), timeout (seconds per attempt), rate (requests a second per API, shared by the processes
    writing the journal), attempts (in all) and backoff (first retry delay, seconds), lease_wait (how long to wait
    for another process sending to the same task, seconds), dry_run, read_only (open the journal read-only:
    ``plan``; implied by dry_run), agent_usersig, credential (an SDK Credential to use instead of the credential
    chain — for embedding and tests).
    """

    region: str | None = None
    endpoint: str | None = None
    profile: str | None = None
    sdk_app_id: int | None = None
    journal: Any = None
    timeout: float = DEFAULT_TIMEOUT
    rate: float = API_RATE_LIMIT
    attempts: int = 4
    backoff: float = 0.5
    lease_wait: float = LEASE_WAIT
    dry_run: bool = False
    read_only: bool = False
    agent_usersig: str | None = None
    credential: Any = None

    @classmethod
    def split(cls, kwargs: dict[str, Any]) -> tuple[PushOptions, dict[str, Any]]:
        """Options named in ``kwargs`` and the remaining keyword arguments (target options of build_request)."""
        names = {f.name for f in fields(cls)}
        mine = {k: v for k, v in kwargs.items() if k in names}
        return cls(**mine), {k: v for k, v in kwargs.items() if k not in names}


class Pusher:
    """A push session: one journal, one rate limiter, one client per API region. ``warnings`` collects messages
    about the settings (SdkAppId/region rule, dry-run credentials) for the caller to show."""

    def __init__(self, options: PushOptions | None = None) -> None:
        self.options = options or PushOptions()
        j = self.options.journal
        readonly = self.options.read_only or self.options.dry_run  # nothing is sent, nothing is recorded
        self.journal = j if isinstance(j, Journal) else Journal(j, readonly=readonly)
        self._owns_journal = not isinstance(j, Journal)
        self.limiter = RateLimiter(self.options.rate, None if readonly else JournalSlots(self.journal))
        self.retry = RetryPolicy(attempts=max(1, self.options.attempts), base=self.options.backoff)
        self.warnings: list[str] = []
        self._clients: dict[str, TrtcClient] = {}
        self._senders: dict[str, Sender] = {}
        self.secrets: list[str] = known_secret_values()
        #: Set (by a batch on Ctrl-C) to stop requests that are still waiting for the rate limit from leaving.
        self.cancel: threading.Event | None = None
        #: Told (a line of text) when a request waits for another process sending to the same task.
        self.on_wait: Callable[[str], None] | None = None

    def close(self) -> None:
        """Close the clients' connections, and the journal if this session opened it."""
        for client in self._clients.values():
            client.close()
        if self._owns_journal:
            self.journal.close()

    def __enter__(self) -> Pusher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- settings -------------------------------------------------------------------------------------------
    def _warn(self, text: str | None) -> None:
        if text and text not in self.warnings:
            self.warnings.append(text)

    def _settled(self, what: str, option: Any, task: TaskRecord | None, recorded: Any, preset_value: Any) -> Any:
        """The option, else the journal's record of the task (where and in which application it runs), else
        the preset's Target; a preset value that differs from the record is named in a warning."""
        if option is not None:
            return option
        if task is not None and recorded:
            if preset_value and preset_value != recorded:
                self._warn(
                    f"the preset's Target.{what} {preset_value} differs from the {what} {recorded} task "
                    f"{task.task_id} runs in (journal): using {recorded} (pass --"
                    f"{'region' if what == 'Region' else 'sdk-app-id'} to override)"
                )
            return recorded
        return preset_value

    def api_region_for(
        self, preset: Preset | None = None, task: TaskRecord | None = None, sdk_app_id: int | None = None
    ) -> str:
        """The API region to send to (checked): ``--region``, else the journal's record of the task, else the
        preset's Target.Region; records a warning when the SdkAppId rule is broken."""
        target = preset.target if preset is not None else None
        region = self._settled(
            "Region",
            self.options.region,
            task,
            task.region if task else None,
            target.region if target is not None else None,
        )
        region = check_api_region(region)
        self._warn(sdk_app_id_warning(region, sdk_app_id))
        return region

    def sdk_app_id_for(self, preset: Preset | None = None, task: TaskRecord | None = None) -> int | None:
        """``sdk_app_id`` option, else the journal's record of the task, else the preset's Target.SdkAppId."""
        target = preset.target if preset is not None else None
        value = self._settled(
            "SdkAppId",
            self.options.sdk_app_id,
            task,
            task.sdk_app_id if task else None,
            target.sdk_app_id if target is not None else None,
        )
        return None if value is None else int(value)

    def client(self, region: str) -> TrtcClient:
        """The client for API region ``region`` (credentials resolved on first use; a placeholder in a dry run
        without any)."""
        if region not in self._clients:
            cred = self.options.credential
            if cred is None:
                try:
                    cred = resolve_credential(self.options.profile)
                except ConfigError:
                    if not self.options.dry_run:
                        raise
                    from tencentcloud.common.credential import Credential

                    cred = Credential(*_DRY_RUN_CREDENTIAL)
                    self._warn("dry run without credentials: signed with a placeholder key")
            self._clients[region] = TrtcClient(
                region, cred, endpoint=self.options.endpoint, timeout=self.options.timeout
            )
        return self._clients[region]

    def sender(self, region: str) -> Sender:
        """The sender for API region ``region`` (shared rate limiter and journal)."""
        if region not in self._senders:
            self._senders[region] = Sender(
                self.client(region),
                self.journal,
                limiter=self.limiter,
                retry=self.retry,
                secrets=self.secrets,
                cancelled=lambda: self.cancel is not None and self.cancel.is_set(),
                lease_wait=self.options.lease_wait,
                on_wait=lambda text: self.on_wait(text) if self.on_wait else None,
            )
        return self._senders[region]

    def _dry_run(
        self, action: str, region: str, body: dict[str, Any], task_id: str | None, findings: list[Finding]
    ) -> Outcome:
        client = self.client(region)
        prepared = client.prepare(action, body)
        secrets = [*self.secrets, *client.secrets, *secret_values(body)]
        return Outcome(
            action,
            task_id,
            OutcomeStatus.DRY_RUN,
            sequence_number=body.get("SequenceNumber"),
            request=prepared.masked(secrets),
            findings=findings,
        )

    # -- update ---------------------------------------------------------------------------------------------
    def plan_body(
        self,
        task_id: str,
        body: dict[str, Any],
        *,
        canvas_hint: tuple[int, int] | None = None,
        notes: Sequence[str] = (),
    ) -> Plan:
        """The :class:`Plan` of sending the update ``body`` (without SequenceNumber) to ``task_id``, against what
        the journal says the task has; sends nothing. The body is validated against the task's canvas (journal),
        else the canvas of the design it last received, else ``canvas_hint`` (width, height in pixels); ``notes``
        are carried into the plan."""
        task = self.journal.task(task_id)
        applied = list(self.journal.iter_applied(task_id))
        state = fold_state(applied)
        canvas = (task.canvas if task else None) or _canvas_of(state) or canvas_hint
        from ..validation import validate

        probe = dict(body, SequenceNumber=self.journal.peek_sequence(task_id))
        findings = validate(probe, action="update", canvas=canvas)
        base = applied[-1] if applied else None
        uncertain = [
            e
            for e in self.journal.entries(task_id)
            if e.action in (START, UPDATE)
            and e.status in (AttemptStatus.PENDING, AttemptStatus.UNKNOWN)
            and (base is None or e.id > base.id)
        ]
        changes = compare(state, body)
        notes = list(notes)
        if task is not None and task.stopped_at:
            notes.append(
                f"the journal records task {task_id} as stopped at {task.stopped_at}: the API will "
                "answer ResourceNotFound (a stopped task cannot be updated; start a new one)"
            )
        return Plan(
            task_id, body, design_hash(body), base, changes, interruptions(changes), findings, canvas, uncertain, notes
        )

    def update_body(self, preset: Preset, task_id: str, **target: Any) -> dict[str, Any]:
        """The UpdatePublishCdnStream body for ``preset`` (without SequenceNumber; UserSigs resolved)."""
        from ..payload import build_request

        if target.get("sdk_app_id") is None:
            target["sdk_app_id"] = self.sdk_app_id_for(preset, self.journal.task(task_id))
        self._feedback_usersigs(target, preset)
        return build_request(preset, "update", check=False, task_id=task_id, **target)

    def plan_update(self, preset: Preset, task_id: str, **target: Any) -> Plan:
        """What pushing ``preset`` to ``task_id`` would change (see :class:`Plan`); sends nothing."""
        return self.plan_body(task_id, self.update_body(preset, task_id, **target), canvas_hint=preset.canvas)

    def push_plan(
        self,
        plan: Plan,
        *,
        preset: Preset | None = None,
        batch_id: str | None = None,
        note: str | None = None,
        lease: Lease | None = None,
    ) -> Outcome:
        """Send ``plan.body`` (refused when the plan has error findings). ``preset`` names the design in the
        journal and may give the region (Target.Region); ``lease``: the task's, when the caller holds it. Returns
        the :class:`Outcome`."""
        if plan.blocked:
            errors = [f for f in plan.findings if f.severity is Severity.ERROR]
            raise RefusedError(
                f"task {plan.task_id}: the update has {len(errors)} error(s); nothing was sent", plan.findings
            )
        task = self.journal.task(plan.task_id)
        sdk_app_id = plan.body.get("SdkAppId")
        if sdk_app_id is None:
            raise ConfigError("no SdkAppId: pass --sdk-app-id or set Target.SdkAppId in the preset")
        region = self.api_region_for(preset, task, sdk_app_id)
        if self.options.dry_run:
            body = dict(plan.body, SequenceNumber=self.journal.peek_sequence(plan.task_id))
            return self._dry_run(UPDATE, region, body, plan.task_id, plan.findings)
        out = self.sender(region).update(
            plan.task_id,
            plan.body,
            preset_name=preset.name if preset else None,
            design_hash=plan.design_hash,
            region=region,
            sdk_app_id=sdk_app_id,
            batch_id=batch_id,
            note=note,
            lease=lease,
        )
        out.findings = plan.findings
        if out.status is OutcomeStatus.OK:
            self.journal.remember_task(plan.task_id, sdk_app_id=sdk_app_id, region=region, canvas=_canvas_of(plan.body))
        return out

    def push_update(self, preset: Preset, task_id: str, **target: Any) -> Outcome:
        """Validate and send ``preset`` to ``task_id`` as an UpdatePublishCdnStream."""
        return self.push_plan(self.plan_update(preset, task_id, **target), preset=preset)

    # -- rollback -------------------------------------------------------------------------------------------
    def plan_rollback(self, task_id: str, to: int | None = None) -> tuple[Plan, Entry]:
        """The plan of re-sending the design of journal row ``to`` (default: the newest successfully applied
        design that differs from the current one) to ``task_id``; returns (plan, that row).

        Sections the journal stored without their secrets (a CDN URL's txSecret, a feedback room's UserSig) are
        left out, so the task keeps its current ones; the plan's notes say so. Raises ConfigError when there is
        nothing to roll back to.
        """
        applied = list(self.journal.iter_applied(task_id))
        if to is None:
            if not applied:
                raise ConfigError(f"task {task_id}: the journal has no applied design to roll back to")
            current = applied[-1].design_hash
            older = [e for e in applied[:-1] if e.design_hash != current]
            if not older:
                raise ConfigError(
                    f"task {task_id}: no earlier design differs from the current one (see `layout-studio history`)"
                )
            entry = older[-1]
        else:
            found = self.journal.entry(to)
            if found is None or found.task_id != task_id:
                raise ConfigError(
                    f"journal entry #{to} is not a request of task {task_id} (see `layout-studio history`)"
                )
            entry = found
            if entry.status is not AttemptStatus.OK or entry.action not in (START, UPDATE):
                raise ConfigError(
                    f"journal entry #{to} is a {entry.action} with status {entry.status}: "
                    "only applied starts and updates can be rolled back to"
                )
        notes: list[str] = []
        body: dict[str, Any] = {
            "SdkAppId": entry.sdk_app_id or self.sdk_app_id_for(None, self.journal.task(task_id)),
            "TaskId": task_id,
        }
        stripped_roots = {p.split(".")[0].split("[")[0].split(" ")[0] for p in entry.stripped}
        for key in UPDATE_SECTIONS:
            if key not in entry.body:
                continue
            if key in stripped_roots:
                notes.append(f"{key} is left as it is: the journal keeps it without its secrets")
                continue
            value = entry.body[key]
            if key == "AudioParams" and isinstance(value, dict):
                value = {k: v for k, v in value.items() if k in ("SubscribeAudioList", "UnSubscribeAudioList")}
                if not value:
                    continue
            body[key] = value
        plan = self.plan_body(task_id, body, notes=notes)
        return plan, entry

    # -- start and stop -------------------------------------------------------------------------------------
    def _feedback_usersigs(self, target: dict[str, Any], preset: Preset) -> None:
        """Generate a UserSig per feedback room from TRTC_SDK_SECRET_KEY when none was given."""
        if target.get("feedback_user_sig") or not os.environ.get("TRTC_SDK_SECRET_KEY"):
            return
        rooms = target.get("feed_back_room_params")
        if rooms is None and preset.target is not None and preset.target.feed_back_room_params:
            rooms = [r.to_api() for r in preset.target.feed_back_room_params]
        if not rooms:
            return
        sdk = target.get("sdk_app_id") or self.sdk_app_id_for(preset)
        target["feedback_user_sig"] = [
            resolve_usersig(r.get("UserId"), sdk, what=f"FeedBackRoomParams[{i}].UserSig")
            if isinstance(r, dict)
            else None
            for i, r in enumerate(rooms)
        ]

    def start_body(self, preset: Preset, **target: Any) -> dict[str, Any]:
        """The StartPublishCdnStream body for ``preset`` with the agent's UserSig resolved."""
        from ..payload import build_request

        if target.get("sdk_app_id") is None:
            target["sdk_app_id"] = self.sdk_app_id_for(preset)
        if not target.get("user_sig"):
            agent = dict(preset.target.agent_params.to_api()) if preset.target and preset.target.agent_params else {}
            agent.update(target.get("agent_params") or {})
            target["user_sig"] = resolve_usersig(
                agent.get("UserId"), target["sdk_app_id"], given=self.options.agent_usersig
            )
        self._feedback_usersigs(target, preset)
        return build_request(preset, "start", check=False, **target)

    def start_task(self, preset: Preset, *, force: bool = False, **target: Any) -> Outcome:
        """Validate and send StartPublishCdnStream; the outcome's task_id is the new TaskId (recorded with the
        task's SdkAppId, region, RoomId and canvas).

        Refused (:class:`RefusedError`, nothing sent) while an earlier start for the same SdkAppId, RoomId and agent
        UserId has an unknown outcome (:mod:`layout_studio.push.starts`), unless ``force``, which resolves it. A
        dry run only warns."""
        from ..validation import validate

        body = self.start_body(preset, **target)
        findings = validate(body, action="start")
        if has_errors(findings):
            raise RefusedError("the StartPublishCdnStream body has errors; nothing was sent", findings)
        region = self.api_region_for(preset, None, body.get("SdkAppId"))
        if self.options.dry_run:
            unresolved = self.journal.unresolved_starts(*start_target(body))
            if unresolved and not force:
                self._warn(starts.refusal(unresolved, body).replace("not started: ", "unresolved start: ", 1))
            return self._dry_run(START, region, body, None, findings)
        sender = self.sender(region)
        try:
            with sender.leased(lease_key(START, None, body)) as lease:
                starts.settle_interrupted(self.journal, body)
                unresolved = self.journal.unresolved_starts(*start_target(body))
                if unresolved and not force:
                    raise RefusedError(starts.refusal(unresolved, body))
                out = sender.start(
                    body,
                    lease=lease,
                    preset_name=preset.name,
                    design_hash=design_hash(body),
                    region=region,
                    sdk_app_id=body.get("SdkAppId"),
                )
                starts.resolve_forced(self.journal, unresolved, out.journal_ids[-1] if out.journal_ids else None)
        except LeaseBusy as busy:
            raise RefusedError(f"not started: {busy}; nothing was sent") from None
        out.findings = findings
        if out.status is OutcomeStatus.OK and out.task_id:
            self.journal.remember_task(
                out.task_id,
                sdk_app_id=body.get("SdkAppId"),
                region=region,
                room_id=body.get("RoomId"),
                canvas=_canvas_of(body),
                preset_name=preset.name,
                started=True,
            )
        return out

    def stop_task(self, task_id: str, *, record_key: str | None = None) -> Outcome:
        """Send StopPublishCdnStream for ``task_id`` (SdkAppId and region from the options or the journal)."""
        task = self.journal.task(task_id)
        sdk_app_id = self.sdk_app_id_for(None, task)
        if sdk_app_id is None:
            raise ConfigError(f"no SdkAppId for task {task_id}: pass --sdk-app-id")
        region = self.api_region_for(None, task, sdk_app_id)
        body: dict[str, Any] = {"SdkAppId": sdk_app_id, "TaskId": task_id}
        if record_key:
            body["RecordKey"] = record_key
        if self.options.dry_run:
            return self._dry_run(STOP, region, body, task_id, [])
        out = self.sender(region).stop(task_id, body, region=region, sdk_app_id=sdk_app_id)
        if out.status is OutcomeStatus.OK:
            self.journal.mark_stopped(task_id)
        return out


def _canvas_of(body: dict[str, Any]) -> tuple[int, int] | None:
    encode = (body.get("VideoParams") or {}).get("VideoEncode") if isinstance(body.get("VideoParams"), dict) else None
    if isinstance(encode, dict) and isinstance(encode.get("Width"), int) and isinstance(encode.get("Height"), int):
        if encode["Width"] > 0 and encode["Height"] > 0:
            return (encode["Width"], encode["Height"])
    return None
