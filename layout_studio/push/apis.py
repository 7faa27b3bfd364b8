"""The task APIs push drives, each a :class:`TaskApi`: its start, update, stop and describe actions, the API regions it
accepts, the codes its stop gets for a task that is gone, and its robot user.

* :data:`MIX` — cloud mixing: StartPublishCdnStream, UpdatePublishCdnStream, StopPublishCdnStream (no describe);
* :data:`RECORDING` — cloud recording: CreateCloudRecording, ModifyCloudRecording, DeleteCloudRecording,
  DescribeCloudRecording;
* :data:`INGEST` — stream ingest: StartStreamIngest, UpdateStreamIngest, StopStreamIngest, DescribeStreamIngest.

Every action of the three accepts at most 20 requests a second (``API StartPublishCdnStream``, ``API
CreateCloudRecording``, ``API StartStreamIngest`` and the pages of the other actions); the rate budget is kept per
action (:mod:`layout_studio.push.ratelimit`). A task belongs to the API that started it: TaskIds of one API mean
nothing to another, so the commands refuse a task the journal records under another API (the API of the actions
sent to it). The same guarantees hold for every API (:mod:`layout_studio.push.sender`): a start is sent at most once and
kept unresolved when its outcome is unknown, updates, stops and describes are retried, and a stop whose reply was
lost and whose retry finds the task gone is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..api_regions import (
    API_REGIONS,
    INGEST_REGIONS,
    INGEST_SOURCE,
    RECORDING_REGIONS,
    RECORDING_SOURCE,
    SOURCE,
)

START = "StartPublishCdnStream"
UPDATE = "UpdatePublishCdnStream"
STOP = "StopPublishCdnStream"
CREATE_RECORDING = "CreateCloudRecording"
MODIFY_RECORDING = "ModifyCloudRecording"
DELETE_RECORDING = "DeleteCloudRecording"
DESCRIBE_RECORDING = "DescribeCloudRecording"
START_INGEST = "StartStreamIngest"
UPDATE_INGEST = "UpdateStreamIngest"
STOP_INGEST = "StopStreamIngest"
DESCRIBE_INGEST = "DescribeStreamIngest"


@dataclass(frozen=True)
class TaskApi:
    """One task API. ``name``: ``mix``, ``recording`` or ``ingest``; ``title``: what a
    task of it is, in words; ``start``/``update``/``stop``/``describe``: its actions (describe None: it has none);
    ``regions`` and ``region_source``: the API regions it accepts and where that is written; ``gone``: the error
    codes its stop gets when the task no longer exists; ``robot``: what its robot user is called; ``commands``:
    the commands that operate its tasks (for messages)."""

    name: str
    title: str
    start: str
    update: str
    stop: str
    describe: str | None
    regions: tuple[str, ...]
    region_source: str
    gone: frozenset[str]
    robot: str
    commands: str

    @property
    def actions(self) -> tuple[str, ...]:
        """Every action of this API."""
        return tuple(a for a in (self.start, self.update, self.stop, self.describe) if a)


MIX = TaskApi(
    "mix",
    "mixing task",
    START,
    UPDATE,
    STOP,
    None,
    API_REGIONS,
    SOURCE,
    frozenset({"ResourceNotFound"}),
    "mixing robot (AgentParams.UserId)",
    "`layout-studio plan/push/stop`",
)
RECORDING = TaskApi(
    "recording",
    "cloud recording",
    CREATE_RECORDING,
    MODIFY_RECORDING,
    DELETE_RECORDING,
    DESCRIBE_RECORDING,
    RECORDING_REGIONS,
    RECORDING_SOURCE,
    frozenset({"ResourceNotFound"}),
    "recording robot (UserId)",
    "`layout-studio record update/status/stop`",
)
INGEST = TaskApi(
    "ingest",
    "stream ingest",
    START_INGEST,
    UPDATE_INGEST,
    STOP_INGEST,
    DESCRIBE_INGEST,
    INGEST_REGIONS,
    INGEST_SOURCE,
    frozenset({"ResourceNotFound", "FailedOperation.TaskFinished", "FailedOperation.TaskNotExist"}),
    "ingest robot (UserId)",
    "`layout-studio ingest status/update/stop`",
)
#: Every task API, by name.
APIS = {api.name: api for api in (MIX, RECORDING, INGEST)}
#: The actions that start a task (sent at most once), stop one, and make a task's design (start or update).
START_ACTIONS = tuple(api.start for api in APIS.values())
STOP_ACTIONS = tuple(api.stop for api in APIS.values())
APPLIED_ACTIONS = tuple(a for api in APIS.values() for a in (api.start, api.update))


def api_of(action: str) -> TaskApi | None:
    """The API ``action`` belongs to, or None for an action of none of them."""
    return next((api for api in APIS.values() if action in api.actions), None)


def is_start(action: str) -> bool:
    """True for an action that starts a task (StartPublishCdnStream, CreateCloudRecording, StartStreamIngest)."""
    return action in START_ACTIONS


def is_stop(action: str) -> bool:
    """True for an action that stops a task."""
    return action in STOP_ACTIONS


def start_target(body: dict[str, Any]) -> tuple[str, str, str]:
    """(SdkAppId, RoomId, robot UserId) of a start body, as strings (empty when missing): the robot is
    AgentParams.UserId for a mixing task, the body's UserId for a recording or an ingest."""
    agent = body.get("AgentParams")
    user = agent.get("UserId") if isinstance(agent, dict) else body.get("UserId")
    return (str(body.get("SdkAppId") or ""), str(body.get("RoomId") or ""), str(user or ""))
