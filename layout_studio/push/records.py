"""The journal's rows: :class:`Entry` is one ``requests`` row (one attempt to send a request), :class:`TaskRecord`
one ``tasks`` row (what is known of a task: SdkAppId, API region, RoomId, canvas).

:mod:`layout_studio.push.journal` describes each column; :mod:`layout_studio.push.migrations` creates the tables.
A row is read by column name, so a column added by a later version is ignored here.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field, fields
from typing import Any

from .status import AttemptStatus


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
    status: AttemptStatus
    request_id: str | None
    error_code: str | None
    error_message: str | None
    created_at: str
    finished_at: str | None
    batch_id: str | None
    note: str | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Entry:
        """The entry of a ``requests`` row; raises ValueError for a status this code does not know or a body
        that is not JSON."""
        data = {f.name: row[f.name] for f in fields(cls)}
        data["body"] = json.loads(data["body"])
        data["stripped"] = json.loads(data["stripped"] or "[]")
        data["status"] = AttemptStatus(data["status"])
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        """JSON shape for ``history --format json`` (plain strings and numbers)."""
        return dict(self.__dict__, status=self.status.value)


@dataclass
class TaskRecord:
    """What the journal knows of a task: SdkAppId, API region, RoomId, canvas (width, height) in pixels;
    ``extra``: columns of a later version."""

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

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> TaskRecord:
        """The record of a ``tasks`` row."""
        names = {f.name for f in fields(cls)} - {"extra"}
        data = dict(row)
        known = {k: v for k, v in data.items() if k in names}
        return cls(**known, extra={k: v for k, v in data.items() if k not in names})

    @property
    def canvas(self) -> tuple[int, int] | None:
        """(width, height) in pixels, or None when unknown."""
        if self.canvas_width and self.canvas_height:
            return (self.canvas_width, self.canvas_height)
        return None
