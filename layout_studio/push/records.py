"""The journal's tables and rows: the SQLite schema of ``requests`` and ``tasks`` and their row types.

:mod:`layout_studio.push.journal` describes each column; :class:`Entry` is one ``requests`` row (one attempt to
send a request), :class:`TaskRecord` one ``tasks`` row (what is known of a task: SdkAppId, region, RoomId, canvas).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id TEXT,
    action TEXT NOT NULL,
    sequence_number INTEGER,
    preset_name TEXT,
    design_hash TEXT,
    body TEXT NOT NULL,
    stripped TEXT NOT NULL DEFAULT '[]',
    region TEXT,
    sdk_app_id INTEGER,
    status TEXT NOT NULL,
    request_id TEXT,
    error_code TEXT,
    error_message TEXT,
    created_at TEXT NOT NULL,
    finished_at TEXT,
    batch_id TEXT,
    note TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS requests_task_sequence
    ON requests(task_id, sequence_number) WHERE sequence_number IS NOT NULL;
CREATE INDEX IF NOT EXISTS requests_task ON requests(task_id, id);
CREATE TABLE IF NOT EXISTS tasks (
    task_id TEXT PRIMARY KEY,
    sdk_app_id INTEGER,
    region TEXT,
    room_id TEXT,
    canvas_width INTEGER,
    canvas_height INTEGER,
    preset_name TEXT,
    started_at TEXT,
    stopped_at TEXT
);
"""


@dataclass
class Entry:
    """One journal row (see the module docstring for the fields). ``body`` is the stored, secret-free body."""

    id: int
    task_id: str | None
    action: str
    sequence_number: int | None
    preset_name: str | None
    design_hash: str | None
    body: dict[str, Any]
    stripped: list[str]
    region: str | None
    sdk_app_id: int | None
    status: str
    request_id: str | None
    error_code: str | None
    error_message: str | None
    created_at: str
    finished_at: str | None
    batch_id: str | None
    note: str | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Entry:
        data = dict(row)
        data["body"] = json.loads(data["body"])
        data["stripped"] = json.loads(data["stripped"] or "[]")
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        """JSON shape for ``history --format json``."""
        return dict(self.__dict__)


@dataclass
class TaskRecord:
    """What the journal knows of a task: SdkAppId, region, RoomId, canvas (width, height) in pixels."""

    task_id: str
    sdk_app_id: int | None = None
    region: str | None = None
    room_id: str | None = None
    canvas_width: int | None = None
    canvas_height: int | None = None
    preset_name: str | None = None
    started_at: str | None = None
    stopped_at: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def canvas(self) -> tuple[int, int] | None:
        """(width, height) in pixels, or None when unknown."""
        if self.canvas_width and self.canvas_height:
            return (self.canvas_width, self.canvas_height)
        return None
