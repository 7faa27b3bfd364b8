"""Cloud recording of a design: start (CreateCloudRecording), plan and update (ModifyCloudRecording), status
(DescribeCloudRecording) and stop (DeleteCloudRecording), with the guarantees of the mixing push
(:mod:`layout_studio.push.session`).

The CreateCloudRecording body is the design's export (:func:`layout_studio.export.export`, target ``recording``:
mixed-stream recording, MixTranscodeParams, MixLayoutParams, the audio lists as SubscribeStreamUserIds) completed with
what a task needs (``API CreateCloudRecording``): the recording robot's UserId and UserSig, StorageParams and
ResourceExpiredHour. It is checked by the recording pack (:mod:`layout_studio.export.recording_pack`) as a body about
to be sent; errors refuse it. The pieces:

* the room: the preset's Target (RoomId, RoomIdType in the mixing APIs' meaning) or ``room_id`` / ``room_type``
  (``"int"`` or ``"string"``; default for ``room_id``: int for a RoomId of digits); the body's RoomIdType is the
  recording's own (0 string, 1 integer);
* the robot: ``robot_user_id``, else ``recording_<RoomId>`` when that is a valid UserId (Layout Studio assumption:
  one recording robot per room; never the mixing robot's, nor an ingest source's: two users of one UserId push each
  other out of the room); its UserSig: ``usersig``, else generated from ``TRTC_SDK_SECRET_KEY`` (``TRTC_AGENT_USERSIG``
  is the mixing robot's and is not used);
* StorageParams: ``storage`` (API shape, :func:`storage_params` builds it from options), else the preset's
  ``Target.StorageParams``; a CloudStorage's SecretKey is ``storage_secret_key`` (the command line: option or
  ``TRTC_STORAGE_SECRET_KEY``), put in the body only, never stored (the journal strips it) nor shown.

An update sends the design's MixLayoutParams and, when the design has audio lists, SubscribeStreamUserIds
(ModifyCloudRecording takes every parameter each time: a design without lists records everyone, Layout Studio
assumption); the encoding, and so the canvas, cannot change. Its plan compares them with what the
task last received (the journal's Create and Modify rows) and validates the layout against the task's canvas.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import LayoutStudioError
from ..findings import Finding, Severity, has_errors
from ..model import Preset
from ..model.recording import CreateCloudRecordingRequest
from ..sources import api
from .apis import RECORDING
from .describe import TaskState, recording_state
from .errors import ConfigError, RefusedError
from .outcome import Outcome
from .plan import Plan, design_hash, diff
from .session import Session
from .status import AttemptStatus, OutcomeStatus
from .usersig import resolve_usersig

#: The canvas of a recording without VideoParams (``SDK models.VideoParams`` defaults), pixels.
DEFAULT_CANVAS = (360, 640)
_USER_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")
#: What the loss report says that this module completes (it is no loss here).
_COMPLETED = ("export.recording.to-complete", "export.recording.secret")
SOURCE = f"{api('ModifyCloudRecording')}; {api('CreateCloudRecording')}"


def storage_params(
    *,
    vendor: int | None = None,
    region: str | None = None,
    bucket: str | None = None,
    access_key: str | None = None,
    prefix: list[str] | tuple[str, ...] = (),
    vod: bool = False,
    vod_sub_app_id: int | None = None,
    vod_expire_time: int | None = None,
    vod_media_type: int | None = None,
) -> dict[str, Any] | None:
    """StorageParams (API shape) from options: CloudStorage (``vendor`` 0 Tencent COS, 1 AWS; its SecretKey is added
    when the body is built) or, with ``vod``, CloudVod.TencentVod; None when no option is given. Raises
    :class:`LayoutStudioError` when both kinds are given."""
    cloud = {
        "Vendor": vendor,
        "Region": region,
        "Bucket": bucket,
        "AccessKey": access_key,
        "FileNamePrefix": list(prefix) or None,
    }
    tencent = {"SubAppId": vod_sub_app_id, "ExpireTime": vod_expire_time, "MediaType": vod_media_type}
    has_cloud = any(v is not None for v in cloud.values())
    if has_cloud and (vod or any(v is not None for v in tencent.values())):
        raise LayoutStudioError("give CloudStorage (--storage-*) or VOD (--vod*) options, not both")
    if has_cloud:
        return {"CloudStorage": {k: v for k, v in cloud.items() if v is not None}}
    if vod or any(v is not None for v in tencent.values()):
        return {"CloudVod": {"TencentVod": {k: v for k, v in tencent.items() if v is not None}}}
    return None


#: The option of ``record start`` that gives each member of a CloudStorage.
_STORAGE_OPTIONS = {
    "Vendor": "--storage-vendor cos|aws",
    "Region": "--storage-region R",
    "Bucket": "--storage-bucket B",
    "AccessKey": "--storage-access-key AK",
    "SecretKey": "--storage-secret-key SK (or TRTC_STORAGE_SECRET_KEY)",
}


def _check_cloud_storage(cloud: dict[str, Any], *, from_options: bool) -> None:
    """Raise :class:`ConfigError` (nothing sent) naming the members the API requires that ``cloud`` (a CloudStorage,
    from the options or the preset's Target.StorageParams) lacks."""
    missing = [name for name in _STORAGE_OPTIONS if cloud.get(name) in (None, "")]
    if not missing:
        return
    if from_options:
        fix = "pass " + ", ".join(_STORAGE_OPTIONS[name] for name in missing)
    else:
        fix = "set " + ", ".join(f"Target.StorageParams.CloudStorage.{name}" for name in missing if name != "SecretKey")
    raise ConfigError(
        f"StorageParams.CloudStorage lacks {', '.join(missing)} (the API requires Vendor, Region, Bucket, "
        f"AccessKey and SecretKey): {fix}; nothing was sent"
    )


def recording_design(body: dict[str, Any]) -> dict[str, Any]:
    """What a recording update can change, from a Create or Modify body: MixLayoutParams and SubscribeStreamUserIds
    (a Create body keeps the latter in RecordParams)."""
    record = body.get("RecordParams") if isinstance(body.get("RecordParams"), dict) else {}
    design = {
        "MixLayoutParams": body.get("MixLayoutParams"),
        "SubscribeStreamUserIds": body.get("SubscribeStreamUserIds", (record or {}).get("SubscribeStreamUserIds")),
    }
    return {k: v for k, v in design.items() if v is not None}


def recording_canvas(body: dict[str, Any]) -> tuple[int, int]:
    """(width, height) in pixels a CreateCloudRecording body records (its VideoParams, else the defaults)."""
    video = (body.get("MixTranscodeParams") or {}).get("VideoParams") or {}
    width, height = video.get("Width"), video.get("Height")
    if isinstance(width, int) and isinstance(height, int):
        return (width, height)
    return DEFAULT_CANVAS


class Recorder:
    """Cloud recording operations in ``session`` (its journal, rate budget, credentials and options)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- start ----------------------------------------------------------------------------------------------
    def robot(self, preset: Preset, room_id: str | None, given: str | None) -> str:
        """The recording robot's UserId (module docstring); raises :class:`ConfigError`."""
        user = given or (f"recording_{room_id}" if room_id else None)
        if user is None or (given is None and not _USER_ID.fullmatch(user)):
            raise ConfigError(
                "no recording robot UserId: pass --robot-user-id USER (letters, digits, _ and -; at most 32), unique "
                "in the room"
            )
        target = preset.target
        others = {target.agent_params.user_id} if target is not None and target.agent_params else set()
        others |= {s.user_id for s in (target.ingest_sources or [])} if target is not None else set()
        if user in others:
            raise ConfigError(
                f"UserId {user!r} is the mixing robot's or an ingest source's: two users of one UserId push each "
                "other out of the room; pass --robot-user-id with another"
            )
        return user

    def create_body(
        self,
        preset: Preset,
        *,
        room_id: str | None = None,
        room_type: str | None = None,
        robot_user_id: str | None = None,
        usersig: str | None = None,
        storage: dict[str, Any] | None = None,
        storage_secret_key: str | None = None,
        resource_expired_hour: int | None = None,
    ) -> tuple[dict[str, Any], list[Finding]]:
        """The CreateCloudRecording body of ``preset`` (module docstring; secrets included) and the export's loss
        report. ``room_type``: ``"int"`` or ``"string"``. Raises :class:`ConfigError` for missing settings and
        :class:`LayoutStudioError` for bad options."""
        from ..export import export

        session = self.session
        sdk_app_id = session.sdk_app_id_for(preset)
        if room_id is not None and room_type is None:  # another room than the Target's: its kind from its name
            room_type = "int" if room_id.isascii() and room_id.isdigit() else "string"
        room_id_type = {None: None, "int": 0, "string": 1}[room_type]  # the mixing APIs' meaning: export reverses it
        room = room_id or (preset.target.room_id if preset.target is not None else None)
        if not room:
            raise ConfigError("no RoomId: pass --room-id ROOM or set Target.RoomId in the preset")
        robot = self.robot(preset, room, robot_user_id)
        result = export(
            preset, "recording", sdk_app_id=sdk_app_id, room_id=room, room_id_type=room_id_type, robot_user_id=robot
        )
        body = dict(result.body)
        body["UserSig"] = resolve_usersig(
            robot,
            sdk_app_id,
            given=usersig,
            what="UserSig (recording robot)",
            mixing_robot=False,
            user_hint="--robot-user-id",
        )
        stored = preset.target.storage_params if preset.target is not None else None
        chosen = storage if storage is not None else (stored.to_api() if stored is not None else None)
        if not chosen:
            raise ConfigError(
                "no StorageParams: give --storage-vendor/--storage-region/--storage-bucket/--storage-access-key (with "
                "--storage-secret-key or TRTC_STORAGE_SECRET_KEY) or --vod, or set Target.StorageParams in the preset"
            )
        chosen = {k: dict(v) if isinstance(v, dict) else v for k, v in chosen.items()}
        if isinstance(chosen.get("CloudStorage"), dict):
            if not storage_secret_key:
                raise ConfigError(
                    "StorageParams.CloudStorage needs its SecretKey: pass --storage-secret-key or set "
                    "TRTC_STORAGE_SECRET_KEY (it is never stored)"
                )
            chosen["CloudStorage"]["SecretKey"] = storage_secret_key
            _check_cloud_storage(chosen["CloudStorage"], from_options=storage is not None)
        body["StorageParams"] = chosen
        if resource_expired_hour is not None:
            body["ResourceExpiredHour"] = resource_expired_hour
        order = list(CreateCloudRecordingRequest.api_names())  # the API page's order
        body = dict(sorted(body.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)))
        losses = [f for f in result.findings if f.code.startswith("export.") and f.code not in _COMPLETED]
        return body, losses

    def start(self, preset: Preset, *, force: bool = False, **target: Any) -> Outcome:
        """Validate and send CreateCloudRecording for ``preset`` (``target``: the keyword arguments of
        :meth:`create_body`); the outcome's task_id is the new TaskId, recorded with the room, region and canvas.
        Sent at most once; refused (:class:`RefusedError`) when the body has errors, or while an earlier start for
        the room and robot has an unknown outcome (unless ``force``)."""
        from ..export.recording_pack import CREATE_PACK

        body, losses = self.create_body(preset, **target)
        region = self.session.api_region_for(preset, None, body.get("SdkAppId"), api=RECORDING)
        findings = losses + CREATE_PACK.check(body, sending=True, region=region)
        if has_errors(findings):
            raise RefusedError("the CreateCloudRecording body has errors; nothing was sent", findings)
        return self.session.send_start(
            RECORDING,
            body,
            region=region,
            findings=findings,
            force=force,
            preset_name=preset.name,
            design_hash=design_hash(recording_design(body)),
            canvas=recording_canvas(body),
        )

    # -- update ---------------------------------------------------------------------------------------------
    def modify_body(self, preset: Preset, task_id: str) -> tuple[dict[str, Any], list[Finding]]:
        """The ModifyCloudRecording body of ``preset`` for ``task_id`` and the export's loss report."""
        from ..export import export

        session = self.session
        task = session.task_of(RECORDING, task_id)
        sdk_app_id = session.sdk_app_id_for(preset, task)
        result = export(preset, "recording", sdk_app_id=sdk_app_id)
        create = result.body
        body = {"SdkAppId": sdk_app_id, "TaskId": task_id, **recording_design(create)}
        losses = [f for f in result.findings if f.code.startswith("export.") and f.code not in _COMPLETED]
        return {k: v for k, v in body.items() if v is not None}, losses

    def plan_update(self, preset: Preset, task_id: str) -> Plan:
        """What updating ``task_id`` with ``preset`` would change against what the journal says the recording has,
        with the findings of the Modify body against the task's canvas (the preset's, with a note, when the journal
        does not know the task); sends nothing."""
        from ..export.recording_pack import MODIFY_PACK

        session = self.session
        body, losses = self.modify_body(preset, task_id)
        task = session.journal.task(task_id)
        notes: list[str] = []
        canvas = task.canvas if task is not None else None
        warnings: list[Finding] = []
        if canvas is None:
            canvas = preset.canvas or DEFAULT_CANVAS
            notes.append(
                f"the journal does not know the canvas of task {task_id}: the layout is checked against "
                f"{canvas[0]}x{canvas[1]}"
            )
        elif preset.canvas is not None and preset.canvas != canvas:
            warnings.append(
                Finding(
                    "push.plan.recording-canvas",
                    Severity.WARNING,
                    "MixLayoutParams",
                    f"the design's canvas {preset.canvas[0]}x{preset.canvas[1]} differs from the recording's "
                    f"{canvas[0]}x{canvas[1]}, which an update cannot change: the regions are placed on the "
                    "recording's canvas as they are",
                    SOURCE,
                )
            )
        region = task.region if task is not None else session.options.region
        findings = losses + MODIFY_PACK.check(body, sending=True, region=region, canvas=canvas)
        applied = list(session.journal.iter_applied(task_id))
        base = applied[-1] if applied else None
        state = recording_design(base.body) if base is not None else {}
        uncertain = [
            e
            for e in session.journal.entries(task_id)
            if e.action in (RECORDING.start, RECORDING.update)
            and e.status in (AttemptStatus.PENDING, AttemptStatus.UNKNOWN)
            and (base is None or e.id > base.id)
        ]
        if task is not None and task.stopped_at:
            notes.append(f"the journal records task {task_id} as stopped at {task.stopped_at}: it cannot be updated")
        design = recording_design(body)
        changes = diff(state, design)
        return Plan(task_id, body, design_hash(design), base, changes, warnings, findings, canvas, uncertain, notes)

    def push_plan(self, plan: Plan, *, preset: Preset | None = None) -> Outcome:
        """Send ``plan.body`` as ModifyCloudRecording (refused when the plan has error findings)."""
        if plan.blocked:
            raise RefusedError(f"task {plan.task_id}: the update has errors; nothing was sent", plan.findings)
        extra = {k: v for k, v in plan.body.items() if k not in ("SdkAppId", "TaskId")}
        return self.session.send_task(
            RECORDING,
            RECORDING.update,
            plan.task_id,
            extra,
            findings=plan.findings,
            preset_name=preset.name if preset is not None else None,
            design_hash=plan.design_hash,
        )

    def update(self, preset: Preset, task_id: str) -> Outcome:
        """Validate and send ``preset``'s layout to the recording ``task_id`` (ModifyCloudRecording)."""
        return self.push_plan(self.plan_update(preset, task_id), preset=preset)

    # -- status and stop ------------------------------------------------------------------------------------
    def status(self, task_id: str) -> tuple[Outcome, TaskState | None]:
        """DescribeCloudRecording for ``task_id``: the outcome and, when it answered, the state in words."""
        out = self.session.describe(RECORDING, task_id)
        if out.status is OutcomeStatus.OK and out.reply is not None:
            return out, recording_state(task_id, out.reply)
        return out, None

    def stop(self, task_id: str) -> Outcome:
        """DeleteCloudRecording for ``task_id`` (the recording ends and its files are completed)."""
        return self.session.send_task(RECORDING, RECORDING.stop, task_id)
