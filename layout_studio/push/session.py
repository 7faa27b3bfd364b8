"""A push session: options, journal, rate budget, clients and senders, shared by the operations of every task API —
mixing (:class:`~layout_studio.push.operations.Pusher`), cloud recording (:mod:`layout_studio.push.recording`) and
stream ingest (:mod:`layout_studio.push.ingest`).

:class:`Session` settles where a request goes: the API region comes from ``region=`` / ``--region``, else the
journal's record of the task (a task runs in one API region and application), else the preset's Target.Region, and
is checked against the regions of the task's API (:class:`~layout_studio.push.apis.TaskApi`); the SdkAppId likewise.
It sends starts (at most once, refused while an earlier start of the same action for the same room and robot has an
unknown outcome: :mod:`layout_studio.push.starts`), other requests of a task (:meth:`Session.send_task`, refused for
a task the journal records under another API), stops and describes, and records what it learns of each task. With
``dry_run`` nothing is sent or recorded: the outcome carries the exact request, masked.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from typing import Any, Self

from ..errors import LayoutStudioError
from ..findings import Finding
from ..redaction import current as current_registry
from . import starts
from .apis import MIX, TaskApi, api_of, start_target
from .client import DEFAULT_TIMEOUT, TrtcClient
from .credentials import check_request_secrets, resolve_credential
from .endpoint import check_api_region, sdk_app_id_warning
from .errors import ConfigError, RefusedError
from .journal import Journal, JournalError
from .lease import LeaseBusy, check_lock_dir
from .outcome import Outcome
from .ratelimit import API_RATE_LIMIT, JournalSlots, RateLimiter
from .records import TaskRecord
from .sender import LEASE_WAIT, RetryPolicy, Sender, lease_key
from .status import OutcomeStatus

_DRY_RUN_CREDENTIAL = ("AKID-dry-run-placeholder", "dry-run-placeholder-key")


@dataclass
class PushOptions:
    """Settings of a push session (the command line's common options).

    region, endpoint (URL: scheme, host, port), profile (credentials profile), sdk_app_id, journal (path or a
    :class:`Journal`), timeout (seconds per attempt), rate (requests a second per API action, shared by the
    processes writing the journal), attempts (in all) and backoff (first retry delay, seconds), lease_wait (how long
    to wait for another process sending to the same task, seconds), dry_run, read_only (open the journal read-only:
    ``plan``; implied by dry_run), agent_usersig, credential (an SDK Credential to use instead of the credential
    chain — for embedding and tests), on_wait (told a line of text when the command waits for another process:
    one writing the journal, or one sending to the same task).
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
    on_wait: Callable[[str], None] | None = None

    @classmethod
    def split(cls, kwargs: dict[str, Any]) -> tuple[PushOptions, dict[str, Any]]:
        """Options named in ``kwargs`` and the remaining keyword arguments (target options of build_request)."""
        names = {f.name for f in fields(cls)}
        mine = {k: v for k, v in kwargs.items() if k in names}
        return cls(**mine), {k: v for k, v in kwargs.items() if k not in names}


class Session:
    """One journal, one rate limiter, one client per API region. ``warnings`` collects messages about the settings
    (SdkAppId/region rule, dry-run credentials) for the caller to show."""

    def __init__(self, options: PushOptions | None = None) -> None:
        self.options = options or PushOptions()
        j = self.options.journal
        readonly = self.options.read_only or self.options.dry_run  # nothing is sent, nothing is recorded
        #: Told (a line of text) when a request waits for another process sending to the same task, or the
        #: command for another process writing the journal.
        self.on_wait: Callable[[str], None] | None = self.options.on_wait
        self.journal = j if isinstance(j, Journal) else Journal(j, readonly=readonly, on_busy=self._told)
        self._owns_journal = not isinstance(j, Journal)
        if not readonly:
            try:
                check_lock_dir()  # one error before anything is sent, not one per task
            except LayoutStudioError:
                if self._owns_journal:
                    self.journal.close()
                raise
        self.limiter = RateLimiter(self.options.rate, None if readonly else JournalSlots(self.journal))
        self.retry = RetryPolicy(attempts=max(1, self.options.attempts), base=self.options.backoff)
        self.warnings: list[str] = []
        self._clients: dict[str, TrtcClient] = {}
        self._senders: dict[str, Sender] = {}
        # The environment's secrets (a feedback room's UserSig, a storage SecretKey, ...) are masked in every text
        # the session shows or stores even when a reply echoes one the session never read: a command's registry
        # has them already; a library caller's (the process's registry) gets them here.
        current_registry().add_environment()
        #: Set (by a batch on Ctrl-C) to stop requests that are still waiting for the rate limit from leaving.
        self.cancel: threading.Event | None = None
        #: Set by a Ctrl-C that came while a single command's request was in flight (:class:`Sender`): its reply
        #: is waited for, and no other request of the session leaves.
        self.interrupted = threading.Event()

    def _told(self, text: str) -> None:
        if self.on_wait is not None:
            self.on_wait(text)

    def close(self) -> None:
        """Close the clients' connections, and the journal if this session opened it."""
        for client in self._clients.values():
            client.close()
        if self._owns_journal:
            self.journal.close()

    def __enter__(self) -> Self:
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
        self, preset: Any = None, task: TaskRecord | None = None, sdk_app_id: int | None = None, *, api: TaskApi = MIX
    ) -> str:
        """The API region to send ``api``'s requests to (checked against its regions): ``--region``, else the
        journal's record of the task, else the preset's Target.Region; records a warning when a mixing task breaks
        the SdkAppId rule."""
        target = preset.target if preset is not None else None
        region = self._settled(
            "Region",
            self.options.region,
            task,
            task.region if task else None,
            target.region if target is not None else None,
        )
        region = check_api_region(region, api.regions, what=f"the {api.title} APIs", source=api.region_source)
        if api is MIX:
            self._warn(sdk_app_id_warning(region, sdk_app_id))
        return region

    def sdk_app_id_for(self, preset: Any = None, task: TaskRecord | None = None) -> int | None:
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
                cancelled=lambda: self.cancel is not None and self.cancel.is_set(),
                lease_wait=self.options.lease_wait,
                on_wait=lambda text: self.on_wait(text) if self.on_wait else None,
                interrupted=self.interrupted,
            )
        return self._senders[region]

    def _dry_run(
        self, action: str, region: str, body: dict[str, Any], task_id: str | None, findings: list[Finding]
    ) -> Outcome:
        prepared = self.client(region).prepare(action, body)
        return Outcome(
            action,
            task_id,
            OutcomeStatus.DRY_RUN,
            sequence_number=body.get("SequenceNumber"),
            request=prepared.masked(),
            findings=findings,
        )

    # -- tasks of any API -----------------------------------------------------------------------------------
    def api_of_task(self, task_id: str) -> TaskApi | None:
        """The API the journal says ``task_id`` belongs to (that of its requests), or None when it has none."""
        action = self.journal.task_action(task_id)
        return api_of(action) if action else None

    def task_of(self, api: TaskApi, task_id: str) -> TaskRecord | None:
        """The journal's record of ``task_id`` (None: no record); raises :class:`ConfigError` when the journal
        says the task belongs to another API than ``api`` (its TaskId means nothing to ``api``)."""
        known = self.api_of_task(task_id)
        if known is not None and known is not api:
            raise ConfigError(
                f"task {task_id} is a {known.title} (journal), not a {api.title}: use {known.commands}; nothing was "
                "sent"
            )
        return self.journal.task(task_id)

    def target_of(self, api: TaskApi, task_id: str) -> tuple[TaskRecord | None, int, str]:
        """(record, SdkAppId, API region) of ``task_id`` of ``api`` (options, else the journal); raises
        :class:`ConfigError` for a task of another API or without an SdkAppId."""
        task = self.task_of(api, task_id)
        sdk_app_id = self.sdk_app_id_for(None, task)
        if sdk_app_id is None:
            raise ConfigError(f"no SdkAppId for task {task_id}: pass --sdk-app-id")
        return task, sdk_app_id, self.api_region_for(None, task, sdk_app_id, api=api)

    def refuse_unresolved(
        self, api: TaskApi, body: dict[str, Any], *, region: str, force: bool = False, label: str = ""
    ) -> None:
        """Raise :class:`RefusedError` (nothing sent) when an earlier start of ``api`` for the room and robot of the
        start ``body`` has an unknown outcome, unless ``force`` (a dry run only warns, in :meth:`send_start`).
        For a check before a command sends anything; :meth:`send_start` checks again under the room's lease. A
        ``pending`` start (its process died with it in flight) is closed ``unknown`` under that lease first.
        ``label`` names the start in the message (``ingest source clip_1``)."""
        if force or self.options.dry_run:
            return
        action = api.start
        unresolved = self.journal.unresolved_starts(*start_target(body), action=action)
        if any(e.status == "pending" for e in unresolved):
            try:
                with self.sender(region).leased(lease_key(action, None, body)):
                    starts.settle_interrupted(self.journal, body, action)
            except LeaseBusy as busy:
                raise RefusedError((f"{label}: " if label else "") + f"not started: {busy}; nothing was sent") from None
            unresolved = self.journal.unresolved_starts(*start_target(body), action=action)
        if unresolved:
            raise RefusedError((f"{label}: " if label else "") + starts.refusal(unresolved, body, action))

    def send_start(
        self,
        api: TaskApi,
        body: dict[str, Any],
        *,
        region: str,
        findings: list[Finding],
        force: bool = False,
        preset_name: str | None = None,
        design_hash: str | None = None,
        canvas: tuple[int, int] | None = None,
    ) -> Outcome:
        """Send ``body`` as ``api``'s start, at most once (the outcome's task_id is the new TaskId, recorded with
        the task's SdkAppId, region, RoomId, canvas and API). Refused (:class:`RefusedError`, nothing sent) while an
        earlier start of the same action for the same SdkAppId, RoomId and robot UserId has an unknown outcome,
        unless ``force``, which resolves it. A dry run only warns."""
        action = api.start
        check_request_secrets(body)
        if self.options.dry_run:
            unresolved = self.journal.unresolved_starts(*start_target(body), action=action)
            if unresolved and not force:
                self._warn(starts.refusal(unresolved, body, action).replace("not started: ", "unresolved start: ", 1))
            return self._dry_run(action, region, body, None, findings)
        sender = self.sender(region)
        try:
            with sender.leased(lease_key(action, None, body)) as lease:
                starts.settle_interrupted(self.journal, body, action)
                unresolved = self.journal.unresolved_starts(*start_target(body), action=action)
                if unresolved and not force:
                    raise RefusedError(starts.refusal(unresolved, body, action))
                meta = {
                    "preset_name": preset_name,
                    "design_hash": design_hash,
                    "region": region,
                    "sdk_app_id": body.get("SdkAppId"),
                }
                out = sender.send(action, None, body, meta, lease=lease)
                with self.noting_journal_errors(out):
                    starts.resolve_forced(self.journal, unresolved, out.journal_ids[-1] if out.journal_ids else None)
        except LeaseBusy as busy:
            raise RefusedError(f"not started: {busy}; nothing was sent") from None
        out.findings = findings
        if out.status is OutcomeStatus.OK and out.task_id:
            with self.noting_journal_errors(out):
                self.journal.remember_task(
                    out.task_id,
                    sdk_app_id=body.get("SdkAppId"),
                    region=region,
                    room_id=body.get("RoomId"),
                    canvas=canvas,
                    preset_name=preset_name,
                    started=True,
                )
        return out

    def send_task(
        self,
        api: TaskApi,
        action: str,
        task_id: str,
        extra: dict[str, Any] | None = None,
        *,
        findings: list[Finding] | None = None,
        **meta: Any,
    ) -> Outcome:
        """Send ``action`` of ``api`` (an update other than the mixing one, a stop) for ``task_id``: the body is
        SdkAppId and TaskId (from the options or the journal) plus ``extra``; ``meta``: the journal row's
        preset_name, design_hash, note. A stop that succeeds marks the task stopped. Raises :class:`ConfigError`
        for a task of another API or without an SdkAppId."""
        task, sdk_app_id, region = self.target_of(api, task_id)
        body: dict[str, Any] = {"SdkAppId": sdk_app_id, "TaskId": task_id, **(extra or {})}
        check_request_secrets(body)
        if self.options.dry_run:
            return self._dry_run(action, region, body, task_id, findings or [])
        out = self.sender(region).send(action, task_id, body, dict(meta, region=region, sdk_app_id=sdk_app_id))
        out.findings = findings or []
        if out.status is OutcomeStatus.OK:
            with self.noting_journal_errors(out):
                if action == api.stop:
                    self.journal.mark_stopped(task_id)
                elif task is None:
                    self.journal.remember_task(task_id, sdk_app_id=sdk_app_id, region=region)
        return out

    @staticmethod
    @contextlib.contextmanager
    def noting_journal_errors(out: Outcome) -> Iterator[None]:
        """Around what the journal learns after a request was answered: a journal that cannot record it (a full
        disk) must not turn the API's answer into an error — its problem goes to ``out.journal_error``."""
        try:
            yield
        except JournalError as problem:
            out.journal_error = out.journal_error or str(problem)

    def describe(self, api: TaskApi, task_id: str) -> Outcome:
        """Send ``api``'s describe for ``task_id`` (retried, not journaled); ``Outcome.reply`` is the Response."""
        if api.describe is None:
            raise ConfigError(f"the {api.title} APIs have no describe action")
        _task, sdk_app_id, region = self.target_of(api, task_id)
        body = {"SdkAppId": sdk_app_id, "TaskId": task_id}
        if self.options.dry_run:
            return self._dry_run(api.describe, region, body, task_id, [])
        return self.sender(region).ask(api.describe, task_id, body)
