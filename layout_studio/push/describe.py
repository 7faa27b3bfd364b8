"""What a task is doing, in words: the replies of DescribeCloudRecording and DescribeStreamIngest as a
:class:`TaskState`.

DescribeCloudRecording answers Status ``Idle`` (the task runs and records nothing yet), ``InProgress`` (recording)
or ``Exited`` (ending), and StorageFileList, the files written so far (``API DescribeCloudRecording``; ``SDK
models.DescribeCloudRecordingResponse``, ``SDK models.StorageFile``: UserId, FileName, TrackType, BeginTimeStamp).
DescribeStreamIngest answers Status ``InProgress`` (playing into the room) or ``NotExist`` (no such task: it ended,
or the TaskId or region is wrong) (``API DescribeStreamIngest``; ``SDK models.DescribeStreamIngestResponse``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

#: DescribeCloudRecording's Status -> what it means.
RECORDING_WORDS = {
    "Idle": "idle: the task runs but records nothing yet (no stream it records is published)",
    "InProgress": "recording",
    "Exited": "ending: the task is being stopped",
}
#: DescribeStreamIngest's Status -> what it means.
INGEST_WORDS = {
    "InProgress": "playing into the room",
    "NotExist": "not running: no such task (it ended, or the TaskId or the region is wrong)",
}


@dataclass
class TaskState:
    """A task's state as its describe answered it: ``status`` (the API's word), ``words`` (what it means),
    ``running`` (the task exists and works), ``files`` (a recording's files, one line each)."""

    task_id: str
    status: str
    words: str
    running: bool
    files: list[str] = field(default_factory=list)

    def render(self) -> str:
        """One line, then the files, one line each."""
        lines = [f"task {self.task_id}: {self.words} ({self.status})"]
        if self.files:
            lines.append(f"{len(self.files)} file(s):")
            lines += [f"  {line}" for line in self.files]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON shape: task_id, status, words, running, files."""
        return {
            "task_id": self.task_id,
            "status": self.status,
            "words": self.words,
            "running": self.running,
            "files": self.files,
        }


def _file(entry: Any) -> str:
    if not isinstance(entry, dict):
        return str(entry)
    parts = [str(entry.get("FileName") or "?")]
    if entry.get("TrackType"):
        parts.append(str(entry["TrackType"]))
    if entry.get("UserId"):
        parts.append(f"user {entry['UserId']}")
    stamp = entry.get("BeginTimeStamp")
    if isinstance(stamp, int) and not isinstance(stamp, bool):
        seconds = stamp / 1000 if stamp > 10**11 else stamp  # the API gives Unix time; milliseconds are read too
        parts.append(f"from {datetime.fromtimestamp(seconds, UTC).strftime('%Y-%m-%d %H:%M:%S')} UTC")
    return parts[0] + (f" ({', '.join(parts[1:])})" if len(parts) > 1 else "")


def recording_state(task_id: str, reply: dict[str, Any]) -> TaskState:
    """The state of recording ``task_id`` from its DescribeCloudRecording reply (the Response object)."""
    status = str(reply.get("Status") or "unknown")
    words = RECORDING_WORDS.get(status, f"status {status} (not one this tool knows)")
    files = [_file(f) for f in reply.get("StorageFileList") or []]
    return TaskState(task_id, status, words, status in ("Idle", "InProgress"), files)


def ingest_state(task_id: str, reply: dict[str, Any]) -> TaskState:
    """The state of ingest ``task_id`` from its DescribeStreamIngest reply (the Response object)."""
    status = str(reply.get("Status") or "unknown")
    words = INGEST_WORDS.get(status, f"status {status} (not one this tool knows)")
    return TaskState(task_id, status, words, status == "InProgress")
