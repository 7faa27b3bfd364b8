"""Start, plan, push (update), rollback and stop of mixing tasks: a :class:`Pusher` is a
:class:`~layout_studio.push.session.Session` (options, journal, clients, senders) with the mixing operations.

Every operation validates before it sends (:func:`layout_studio.validation.validate`): error findings refuse it
(:class:`~layout_studio.push.errors.RefusedError`), warnings travel with the result. Where requests go (API region,
SdkAppId) is settled by the session. The agent's UserSig is resolved by :mod:`layout_studio.push.usersig` and never
stored. A task the journal records under another API (a cloud recording, a stream ingest) is refused with the
command to use. With ``dry_run`` nothing is sent or recorded: the outcome carries the exact request, masked.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from ..findings import Finding, Severity, has_errors
from ..model import Preset
from .apis import MIX, START, STOP, UPDATE
from .credentials import check_request_secrets
from .errors import ConfigError, RefusedError
from .lease import Lease
from .outcome import Outcome
from .plan import Plan, compare, design_hash, fold_state, interruptions
from .records import Entry
from .session import PushOptions, Session
from .status import AttemptStatus, OutcomeStatus
from .usersig import resolve_usersig

__all__ = ["UPDATE_SECTIONS", "PushOptions", "Pusher"]

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


class Pusher(Session):
    """A push session for mixing tasks (see :class:`~layout_studio.push.session.Session` for what it holds)."""

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
        task = self.task_of(MIX, task_id)
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
        body = build_request(preset, "update", check=False, task_id=task_id, **target)
        check_request_secrets(body)  # once for a whole batch, before anything is sent
        return body

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
        task = self.task_of(MIX, plan.task_id)
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
            with self.noting_journal_errors(out):
                self.journal.remember_task(
                    plan.task_id, sdk_app_id=sdk_app_id, region=region, canvas=_canvas_of(plan.body)
                )
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
            resolve_usersig(
                r.get("UserId"),
                sdk,
                what=f"FeedBackRoomParams[{i}].UserSig",
                option="--feedback-usersig",
                user_hint=f"FeedBackRoomParams[{i}].UserId in the preset's Target, or --feedback-room ROOM:USER",
            )
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

    def checked_start(self, preset: Preset, **target: Any) -> tuple[dict[str, Any], list[Finding]]:
        """The StartPublishCdnStream body for ``preset`` (:meth:`start_body`) and the validator's findings for it;
        sends nothing."""
        from ..validation import validate

        body = self.start_body(preset, **target)
        return body, validate(body, action="start")

    def prepare_start(
        self, preset: Preset, *, force: bool = False, **target: Any
    ) -> tuple[dict[str, Any], str, list[Finding]]:
        """Everything that can refuse a StartPublishCdnStream, checked without sending: (body, API region,
        findings). Raises :class:`RefusedError` when the body has errors or (unless ``force``) an earlier start for
        the same SdkAppId, RoomId and agent UserId has an unknown outcome; :class:`ConfigError` for a region without
        the mixing APIs, a missing UserSig or a secret that cannot be sent."""
        body, findings = self.checked_start(preset, **target)
        if has_errors(findings):
            raise RefusedError("the StartPublishCdnStream body has errors; nothing was sent", findings)
        check_request_secrets(body)
        region = self.api_region_for(preset, None, body.get("SdkAppId"))
        self.refuse_unresolved(MIX, body, region=region, force=force)
        return body, region, findings

    def start_task(
        self,
        preset: Preset,
        *,
        force: bool = False,
        prepared: tuple[dict[str, Any], str, list[Finding]] | None = None,
        **target: Any,
    ) -> Outcome:
        """Validate and send StartPublishCdnStream; the outcome's task_id is the new TaskId (recorded with the
        task's SdkAppId, region, RoomId and canvas). ``prepared``: what :meth:`prepare_start` returned for it.

        Refused (:class:`RefusedError`, nothing sent) while an earlier start for the same SdkAppId, RoomId and agent
        UserId has an unknown outcome (:mod:`layout_studio.push.starts`), unless ``force``, which resolves it. A
        dry run only warns."""
        body, region, findings = prepared or self.prepare_start(preset, force=force, **target)
        return self.send_start(
            MIX,
            body,
            region=region,
            findings=findings,
            force=force,
            preset_name=preset.name,
            design_hash=design_hash(body),
            canvas=_canvas_of(body),
        )

    def stop_task(self, task_id: str, *, record_key: str | None = None) -> Outcome:
        """Send StopPublishCdnStream for ``task_id`` (SdkAppId and region from the options or the journal)."""
        return self.send_task(MIX, STOP, task_id, {"RecordKey": record_key} if record_key else None)


def _canvas_of(body: dict[str, Any]) -> tuple[int, int] | None:
    encode = (body.get("VideoParams") or {}).get("VideoEncode") if isinstance(body.get("VideoParams"), dict) else None
    if isinstance(encode, dict) and isinstance(encode.get("Width"), int) and isinstance(encode.get("Height"), int):
        if encode["Width"] > 0 and encode["Height"] > 0:
            return (encode["Width"], encode["Height"])
    return None
