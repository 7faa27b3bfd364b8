"""The plan of an update: what UpdatePublishCdnStream would change against what the task last received.

The task's current design is folded from the journal's successful StartPublishCdnStream and UpdatePublishCdnStream
bodies, oldest first: an update replaces each top-level section it carries (an absent section is left as it is — ``API
UpdatePublishCdnStream``), except AudioParams, whose keys are merged (an update carries only the allow/block lists; the
audio encoding cannot change), and VideoParams.VideoEncode, which an update's VideoParams may leave out: the task then
keeps its encoding and canvas (decision: ``API UpdatePublishCdnStream`` says an update changes "video parameters other
than the codec", and ``SDK models.UpdatePublishCdnStreamRequest`` that an absent parameter is not updated; the validator
checks such bodies against the task's canvas). The plan lists every changed leaf field by its API path
(``VideoParams.LayoutParams.MixLayoutList[1].LocationX: 640 -> 600``), warns about changes that interrupt viewers, and
carries the validator's findings for the body.

Bodies are compared without secrets (the journal never holds them): a CDN URL differing only in its signature (txSecret,
or a third-party CDN's: :data:`layout_studio.secrets.URL_SECRET_PARAMS`) shows no change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..findings import Finding, Severity, has_errors
from ..secrets import mask_secrets, strip_secrets
from ..sources import api
from .journal import START
from .records import Entry

#: Keys that identify a request rather than describe the design.
IDENTITY_KEYS = ("TaskId", "SequenceNumber", "SdkAppId", "RoomId", "RoomIdType", "AgentParams")
SOURCE = f"{api('UpdatePublishCdnStream')}; {api('StartPublishCdnStream', 'usage notes')}"


def design_hash(body: dict[str, Any]) -> str:
    """sha256 (hex) of the canonical design JSON of a request body: the body without its identity keys
    (TaskId, SequenceNumber, SdkAppId, RoomId, RoomIdType, AgentParams) and without secrets, keys sorted,
    compact separators, UTF-8. Equal designs pushed to different tasks have equal hashes."""
    clean, _ = strip_secrets({k: v for k, v in body.items() if k not in IDENTITY_KEYS})
    text = json.dumps(clean, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ChangeKind(StrEnum):
    """How a field changes in a plan (the ``kind`` of ``plan --format json``'s changes)."""

    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Change:
    """One changed field: ``kind`` is a :class:`ChangeKind`; values are JSON values (masked)."""

    path: str
    kind: ChangeKind
    old: Any = None
    new: Any = None

    def __str__(self) -> str:
        def short(value: Any) -> str:
            text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            return text if len(text) <= 120 else text[:117] + "..."

        if self.kind is ChangeKind.ADDED:
            return f"+ {self.path}: {short(self.new)}"
        if self.kind is ChangeKind.REMOVED:
            return f"- {self.path}: {short(self.old)}"
        return f"~ {self.path}: {short(self.old)} -> {short(self.new)}"


def diff(old: Any, new: Any, path: str = "") -> list[Change]:
    """Leaf-by-leaf differences from ``old`` to ``new`` (JSON values); lists are compared by index."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[Change] = []
        for key in list(new) + [k for k in old if k not in new]:
            sub = f"{path}.{key}" if path else str(key)
            if key not in old:
                out.append(Change(sub, ChangeKind.ADDED, new=new[key]))
            elif key not in new:
                out.append(Change(sub, ChangeKind.REMOVED, old=old[key]))
            else:
                out.extend(diff(old[key], new[key], sub))
        return out
    if isinstance(old, list) and isinstance(new, list):
        out = []
        for i in range(max(len(old), len(new))):
            sub = f"{path}[{i}]"
            if i >= len(old):
                out.append(Change(sub, ChangeKind.ADDED, new=new[i]))
            elif i >= len(new):
                out.append(Change(sub, ChangeKind.REMOVED, old=old[i]))
            else:
                out.extend(diff(old[i], new[i], sub))
        return out
    return [Change(path, ChangeKind.CHANGED, old, new)]


def fold_state(entries: list[Entry]) -> dict[str, Any]:
    """The design a task has after ``entries`` (successful start/update rows, oldest first)."""
    state: dict[str, Any] = {}
    for entry in entries:
        body = entry.body
        if entry.action == START:
            state = {k: v for k, v in body.items() if k not in IDENTITY_KEYS}
            continue
        for key, value in body.items():
            if key in IDENTITY_KEYS:
                continue
            if key == "AudioParams" and isinstance(value, dict) and isinstance(state.get(key), dict):
                state[key] = {**state[key], **value}
            elif _keeps_encode(key, value, state.get(key)):
                state[key] = {**value, "VideoEncode": state[key]["VideoEncode"]}
            else:
                state[key] = value
    return state


def _keeps_encode(key: str, new: Any, old: Any) -> bool:
    """True when an update's VideoParams ``new`` leaves out the VideoEncode the task has (``old``): kept."""
    return (
        key == "VideoParams"
        and isinstance(new, dict)
        and isinstance(old, dict)
        and "VideoEncode" not in new
        and "VideoEncode" in old
    )


def compare(state: dict[str, Any], body: dict[str, Any]) -> list[Change]:
    """Changes an update ``body`` makes to ``state`` (only the sections the body carries; AudioParams by key)."""
    clean, _ = strip_secrets(body)
    changes: list[Change] = []
    for key, value in clean.items():
        if key in IDENTITY_KEYS:
            continue
        old = state.get(key)
        if key == "AudioParams" and isinstance(value, dict) and isinstance(old, dict):
            old = {k: old[k] for k in value if k in old}
        if isinstance(old, dict) and _keeps_encode(key, value, old):
            old = {k: v for k, v in old.items() if k != "VideoEncode"}
        if old is None:
            changes.append(Change(key, ChangeKind.ADDED, new=value))
        else:
            changes.extend(diff(old, value, key))
    return changes


def interruptions(changes: list[Change]) -> list[Finding]:
    """Warnings for changes that interrupt viewers or the task (CDN URL, feedback rooms, WithTranscoding,
    canvas size). Additions (a section the task did not have, a new destination) interrupt nobody."""
    found: list[Finding] = []
    seen: set[str] = set()

    def warn(code: str, path: str, message: str) -> None:
        if code not in seen:
            seen.add(code)
            found.append(Finding(code, Severity.WARNING, path, message, SOURCE))

    for change in changes:
        path = change.path
        if change.kind is ChangeKind.ADDED:  # a new section or destination interrupts nobody already watching
            continue
        if path.startswith("PublishCdnParams"):
            warn(
                "push.plan.cdn-url-change",
                path,
                "the CDN destinations change: every changed PublishCdnUrl cuts "
                "and restarts its stream, and viewers of it are interrupted",
            )
        elif path.startswith("FeedBackRoomParams"):
            warn(
                "push.plan.feedback-room-change",
                path,
                "the feedback rooms change: the mix leaves and re-enters those rooms, interrupting their viewers",
            )
        elif path == "WithTranscoding":
            warn(
                "push.plan.with-transcoding-change",
                path,
                "WithTranscoding changes between mixing and relaying "
                "one stream: a running task cannot switch; stop it and start a new one",
            )
        elif path.startswith("VideoParams.VideoEncode.Width") or path.startswith("VideoParams.VideoEncode.Height"):
            warn(
                "push.plan.canvas-size-change",
                path,
                "the canvas size changes: players re-initialise and viewers may see a short stall",
            )
        elif path in ("VideoParams", "VideoParams.VideoEncode") and change.kind is ChangeKind.REMOVED:
            warn(
                "push.plan.video-removed",
                path,
                "video is removed: switching between audio-only and audio+video is not supported on a running task",
            )
    return found


@dataclass
class Plan:
    """What pushing ``body`` to ``task_id`` would do.

    ``body``: the update body that would be sent (SequenceNumber drawn at send time, secrets included — show it
    with :meth:`masked_body`); ``base``: the newest journal row the task's design comes from (None: no record);
    ``changes``: field changes; ``warnings``: interruptions; ``findings``: the validator's findings for the body
    (against ``canvas``); ``uncertain``: requests with no known outcome newer than ``base`` (they may have applied);
    ``notes``: remarks on how the body was made (a rollback leaving a section out).
    """

    task_id: str
    body: dict[str, Any]
    design_hash: str
    base: Entry | None
    changes: list[Change]
    warnings: list[Finding]
    findings: list[Finding]
    canvas: tuple[int, int] | None = None
    uncertain: list[Entry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def blocked(self) -> bool:
        """True when the validator found errors: the push is refused."""
        return has_errors(self.findings)

    @property
    def unchanged(self) -> bool:
        """True when the task already has this design (a push would change nothing)."""
        return self.base is not None and not self.changes and not self.uncertain

    def masked_body(self) -> dict[str, Any]:
        """The body with UserSig, SecretKey and txSecret shown as ``***``."""
        return mask_secrets(self.body)

    def render(self) -> str:
        """The plan as text: the base, one line per change, warnings, then a summary line."""
        lines: list[str] = []
        if self.base is None:
            lines.append(
                f"task {self.task_id}: no record of what it received in this journal (not started or "
                "pushed from here): every section of the update is shown as added"
            )
        else:
            seq = f", SequenceNumber {self.base.sequence_number}" if self.base.sequence_number else ""
            lines.append(
                f"task {self.task_id}: compared with #{self.base.id} {self.base.action} "
                f"({self.base.preset_name or 'no preset'}, {self.base.created_at}{seq})"
            )
        for entry in self.uncertain:
            lines.append(
                f"note: #{entry.id} (SequenceNumber {entry.sequence_number}) has no known outcome "
                f"({entry.status}): the task may already have that design"
            )
        lines.extend(f"note: {note}" for note in self.notes)
        lines.extend(f"  {change}" for change in self.changes)
        for finding in self.warnings:
            lines.append(f"warning: {finding.path}: {finding.message} [{finding.code}]")
        if self.unchanged:
            lines.append(
                "no changes from the design this task last received from here; `push` sends it again anyway (the "
                "API cannot read a task's live design, so a push re-asserts it)"
            )
        else:
            lines.append(f"{len(self.changes)} field(s) change; design {self.design_hash[:12]}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON shape: task_id, design_hash, base (row id), changes, warnings, findings, body (masked)."""
        return {
            "task_id": self.task_id,
            "design_hash": self.design_hash,
            "base": self.base.id if self.base else None,
            "changes": [{"path": c.path, "kind": c.kind.value, "old": c.old, "new": c.new} for c in self.changes],
            "warnings": [f.to_dict() for f in self.warnings],
            "findings": [f.to_dict() for f in self.findings],
            "body": self.masked_body(),
        }
