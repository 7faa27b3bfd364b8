"""Push: apply a design to live TRTC mixing tasks — StartPublishCdnStream, UpdatePublishCdnStream,
StopPublishCdnStream (version 2019-07-22) — safely: validated first, planned, journaled, rate-limited, retried.

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

``options`` are :class:`PushOptions` fields — ``region`` (the API region, ``ap-guangzhou``), ``endpoint`` (URL),
``profile``, ``sdk_app_id``, ``journal`` (path or Journal), ``timeout`` (s), ``rate`` (requests/s per API, default
20, shared by the processes writing the journal), ``attempts``, ``backoff`` (s), ``lease_wait`` (s),
``dry_run``, ``read_only`` (journal opened read-only), ``agent_usersig``,
``credential`` (an SDK Credential) — and any other keyword is a target option of
:func:`layout_studio.payload.build_request` (``publish_cdn_params``, ``feed_back_room_params``,
``with_transcoding`` ...).

Modules: :mod:`~.client` (one call: signed, posted, its reply checked), :mod:`~.signing` (TC3-HMAC-SHA256),
:mod:`~.credentials`, :mod:`~.endpoint` (API region, SdkAppId rule, ``--endpoint``), :mod:`~.usersig`
(TLSSigAPIv2), :mod:`~.sequence`, :mod:`~.lease` (one sender per task on this machine), :mod:`~.journal` with
:mod:`~.journalfile` (opening, versions, waiting for other processes), :mod:`~.records` (its rows) and
:mod:`~.migrations` (its schema versions), :mod:`~.ratelimit` (the shared budget), :mod:`~.sender` (the retry
loop) and :mod:`~.outcome`, :mod:`~.starts` (starts whose outcome is unknown), :mod:`~.plan`,
:mod:`~.operations`, :mod:`~.batch`, :mod:`~.status` (the status vocabularies), :mod:`~.errors`. Nothing here
imports Textual.
"""

from __future__ import annotations

from typing import Any

from ..model import Preset
from .errors import ConfigError, PushError, RefusedError
from .journal import Journal
from .operations import Pusher, PushOptions
from .plan import Plan, design_hash
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
    "design_hash",
    "plan_update",
    "push_update",
    "start_task",
    "stop_task",
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
