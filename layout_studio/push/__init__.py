"""Push: apply a design to live TRTC tasks — mixing (StartPublishCdnStream, UpdatePublishCdnStream,
StopPublishCdnStream), cloud recording (CreateCloudRecording, ModifyCloudRecording, DescribeCloudRecording,
DeleteCloudRecording) and stream ingest (StartStreamIngest, UpdateStreamIngest, DescribeStreamIngest,
StopStreamIngest), version 2019-07-22 — safely: validated first, planned, journaled, rate-limited, retried.

Library API (the studio and scripts use these; the command line wraps them):

* :func:`plan_update` ``(preset, task_id, **options) -> Plan`` — what an update would change against what the task
  last received (``plan.render()`` is the readable diff; ``plan.warnings`` the interruptions; ``plan.findings`` the
  validator's findings; ``plan.blocked`` when they include errors). Sends nothing.
* :func:`push_update` ``(preset, task_id, **options) -> Outcome`` — validate and send the update.
  ``Outcome(task_id, request_id, error, status, sequence_number, attempts, request)``: ``error`` is None on success,
  else a :class:`PushError` whose ``str()`` is the message in words; ``request`` is the last request, masked.
  Raises :class:`RefusedError` (with ``.findings``) when the design has errors, :class:`ConfigError` for missing
  settings (credentials, API region, SdkAppId, UserSig).
* :func:`start_task`, :func:`stop_task`; :class:`Pusher` for a session of several operations (``plan_body`` for
  any update body, ``plan_rollback`` + ``push_plan`` for a rollback); :func:`layout_studio.push.batch.run_batch`
  for many tasks.
* :class:`Journal` — the SQLite record of every request (``history``), :func:`design_hash`.
* cloud recording (:mod:`~.recording`): :func:`start_recording` ``(preset, **options) -> Outcome`` (options also
  ``room_id``, ``room_type`` ``"int"|"string"``, ``robot_user_id``, ``usersig``, ``storage`` (StorageParams, API
  shape; :func:`~layout_studio.push.recording.storage_params` builds it), ``storage_secret_key``,
  ``resource_expired_hour``, ``force``), :func:`plan_recording_update` ``-> Plan``, :func:`update_recording`,
  :func:`recording_status` ``-> (Outcome, TaskState | None)``, :func:`stop_recording`;
* stream ingest (:mod:`~.ingest`): :func:`start_ingest` ``(room_id=, user_id=, stream_url=, **options)`` (options
  also ``room_type``, ``usersig``, ``repeat_num``, ``max_duration``, ``volume``, ``seek_second``, ``auto_push``,
  ``enable_progress``, ``tempo``, ``idle_timeout``, ``force``), :func:`start_ingest_sources` ``(preset) ->
  list[Outcome]`` (the Target's IngestSources), :func:`ingest_status`, :func:`update_ingest` ``(task_id,
  stream_url=, volume=, is_pause=, enable_progress=, tempo=)``, :func:`stop_ingest`;
* :func:`task_api` ``(task_id, **options) -> TaskApi | None``: which API the journal says a task belongs to.

``options`` are :class:`PushOptions` fields — ``region`` (the API region, ``ap-guangzhou``), ``endpoint`` (URL),
``profile``, ``sdk_app_id``, ``journal`` (path or Journal), ``timeout`` (s), ``rate`` (requests/s per API, default
20, shared by the processes writing the journal), ``attempts``, ``backoff`` (s), ``lease_wait`` (s),
``dry_run``, ``read_only`` (journal opened read-only), ``agent_usersig``,
``credential`` (an SDK Credential) — and any other keyword is a target option of
:func:`layout_studio.payload.build_request` (``publish_cdn_params``, ``feed_back_room_params``,
``with_transcoding`` ...).

Modules: :mod:`~.apis` (the task APIs and their actions), :mod:`~.session` (what the operations of every API
share), :mod:`~.operations` (mixing), :mod:`~.recording`, :mod:`~.ingest`, :mod:`~.describe` (task states in words),
:mod:`~.client` (one call: signed, posted, its reply checked), :mod:`~.signing` (TC3-HMAC-SHA256),
:mod:`~.credentials`, :mod:`~.endpoint` (API region, SdkAppId rule, ``--endpoint``), :mod:`~.usersig`
(TLSSigAPIv2), :mod:`~.sequence`, :mod:`~.lease` (one sender per task on this machine), :mod:`~.journal` with
:mod:`~.journalfile` (opening, versions, waiting for other processes), :mod:`~.records` (its rows) and
:mod:`~.migrations` (its schema versions), :mod:`~.ratelimit` (the shared budget), :mod:`~.sender` (the retry
loop) and :mod:`~.outcome`, :mod:`~.starts` (starts whose outcome is unknown), :mod:`~.plan`, :mod:`~.batch`,
:mod:`~.status` (the status vocabularies), :mod:`~.errors`. Nothing here imports Textual.
"""

from __future__ import annotations

from typing import Any

from ..model import Preset
from .apis import TaskApi
from .describe import TaskState
from .errors import ConfigError, PushError, RefusedError
from .ingest import Ingester
from .journal import Journal
from .operations import Pusher, PushOptions
from .plan import Plan, design_hash
from .recording import Recorder
from .sender import Outcome

__all__ = [
    "ConfigError",
    "Journal",
    "Outcome",
    "Plan",
    "PushError",
    "PushOptions",
    "Pusher",
    "RefusedError",
    "TaskApi",
    "TaskState",
    "design_hash",
    "ingest_status",
    "plan_recording_update",
    "plan_update",
    "push_update",
    "recording_status",
    "start_ingest",
    "start_ingest_sources",
    "start_recording",
    "start_task",
    "stop_ingest",
    "stop_recording",
    "stop_task",
    "task_api",
    "update_ingest",
    "update_recording",
]


def _session(options: dict[str, Any]) -> tuple[Pusher, dict[str, Any]]:
    settings, target = PushOptions.split(options)
    return Pusher(settings), target


def plan_update(preset: Preset, task_id: str, **options: Any) -> Plan:
    """The :class:`Plan` of pushing ``preset`` to ``task_id`` (see the module docstring for ``options``)."""
    pusher, target = _session(options)
    with pusher:
        return pusher.plan_update(preset, task_id, **target)


def push_update(preset: Preset, task_id: str, **options: Any) -> Outcome:
    """Validate ``preset`` and send it to ``task_id`` as UpdatePublishCdnStream; returns the :class:`Outcome`.

    Raises :class:`RefusedError` when the design has errors (nothing sent), :class:`ConfigError` when settings
    are missing. Network and API failures do not raise: they are in ``Outcome.error``.
    """
    pusher, target = _session(options)
    with pusher:
        return pusher.push_update(preset, task_id, **target)


def start_task(preset: Preset, **options: Any) -> Outcome:
    """Validate and send StartPublishCdnStream; ``Outcome.task_id`` is the new TaskId (recorded in the journal).
    Sent at most once; raises :class:`RefusedError` while an earlier start for the same room and robot has an
    unknown outcome, unless ``force=True`` (:mod:`layout_studio.push.starts`)."""
    pusher, target = _session(options)
    with pusher:
        return pusher.start_task(preset, **target)


def stop_task(task_id: str, **options: Any) -> Outcome:
    """Send StopPublishCdnStream for ``task_id``."""
    pusher, target = _session(options)
    with pusher:
        return pusher.stop_task(task_id, **target)


def task_api(task_id: str, **options: Any) -> TaskApi | None:
    """The API the journal says ``task_id`` belongs to (mixing, cloud recording, stream ingest), or None."""
    pusher, _ = _session(dict(options, read_only=True))
    with pusher:
        return pusher.api_of_task(task_id)


# -- cloud recording ------------------------------------------------------------------------------------------------
def start_recording(preset: Preset, **options: Any) -> Outcome:
    """Validate and send CreateCloudRecording for ``preset``; ``Outcome.task_id`` is the new TaskId (recorded in the
    journal). Sent at most once. Raises :class:`RefusedError` (errors in the body, or an unresolved start for the
    room and robot unless ``force=True``) and :class:`ConfigError` (no storage, UserSig, SdkAppId, region)."""
    pusher, target = _session(options)
    with pusher:
        return Recorder(pusher).start(preset, **target)


def plan_recording_update(preset: Preset, task_id: str, **options: Any) -> Plan:
    """What ModifyCloudRecording with ``preset``'s layout would change for recording ``task_id``; sends nothing."""
    pusher, _ = _session(dict(options, read_only=True))
    with pusher:
        return Recorder(pusher).plan_update(preset, task_id)


def update_recording(preset: Preset, task_id: str, **options: Any) -> Outcome:
    """Validate and send ModifyCloudRecording (the layout and who is recorded) to ``task_id``."""
    pusher, _ = _session(options)
    with pusher:
        return Recorder(pusher).update(preset, task_id)


def recording_status(task_id: str, **options: Any) -> tuple[Outcome, TaskState | None]:
    """DescribeCloudRecording for ``task_id``: the outcome and the state in words (None when it did not answer)."""
    pusher, _ = _session(options)
    with pusher:
        return Recorder(pusher).status(task_id)


def stop_recording(task_id: str, **options: Any) -> Outcome:
    """DeleteCloudRecording for ``task_id``."""
    pusher, _ = _session(options)
    with pusher:
        return Recorder(pusher).stop(task_id)


# -- stream ingest --------------------------------------------------------------------------------------------------
def start_ingest(**options: Any) -> Outcome:
    """Validate and send StartStreamIngest (``room_id``, ``user_id``, ``stream_url`` and the options of the module
    docstring); ``Outcome.task_id`` is the new TaskId. Sent at most once (``force=True``: despite an unresolved
    start for the room and robot)."""
    pusher, fields = _session(options)
    force = bool(fields.pop("force", False))
    with pusher:
        ingester = Ingester(pusher)
        return ingester.start(ingester.start_body(**fields), force=force)


def start_ingest_sources(preset: Preset, **options: Any) -> list[Outcome]:
    """Start the ingest sources of ``preset``'s Target in order, until one fails (one outcome each)."""
    pusher, fields = _session(options)
    with pusher:
        return Ingester(pusher).start_sources(preset, force=bool(fields.get("force", False)))


def ingest_status(task_id: str, **options: Any) -> tuple[Outcome, TaskState | None]:
    """DescribeStreamIngest for ``task_id``: the outcome and the state in words (None when it did not answer)."""
    pusher, _ = _session(options)
    with pusher:
        return Ingester(pusher).status(task_id)


def update_ingest(task_id: str, **options: Any) -> Outcome:
    """Validate and send UpdateStreamIngest for ``task_id`` (``stream_url``, ``volume``, ``is_pause``,
    ``enable_progress``, ``tempo``)."""
    pusher, fields = _session(options)
    with pusher:
        return Ingester(pusher).update(task_id, **fields)


def stop_ingest(task_id: str, **options: Any) -> Outcome:
    """StopStreamIngest for ``task_id``."""
    pusher, _ = _session(options)
    with pusher:
        return Ingester(pusher).stop(task_id)
