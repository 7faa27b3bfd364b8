"""Starts whose outcome is unknown: what to check, and why the next start for the same room waits for them.

A start — StartPublishCdnStream, CreateCloudRecording, StartStreamIngest — that got no usable reply (a timeout, a
dropped connection, a gateway's 502/504, a process killed while it was in flight) may have created a task whose
TaskId nobody knows. Sending it again could create a second task (two robots mixing one room into the same CDN
stream, recording it twice, or playing the same media twice). So it is sent at most once
(:mod:`layout_studio.push.sender`), the journal keeps it **unresolved**, and a later start of the same action for
the same SdkAppId, RoomId and robot UserId refuses until the operator has looked and says so with ``--force`` (which
resolves it).

The APIs have no call that finds a task by its room; what shows whether it runs is the robot user in the room
(``API DescribeUserInfo``, or the TRTC console's monitoring dashboard), the stream at the CDN, the recording's files
in its storage.
"""

from __future__ import annotations

from typing import Any

from .apis import CREATE_RECORDING, START, START_INGEST, start_target
from .journal import Journal
from .records import Entry

#: What else shows that a task of each start action runs, besides its robot in the room.
_EVIDENCE = {
    START: "whether its CDN stream plays",
    CREATE_RECORDING: "whether recording files appear in its storage",
    START_INGEST: "whether the media plays in the room",
}
#: The command that starts a task of each start action (for messages).
COMMANDS = {
    START: "layout-studio start",
    CREATE_RECORDING: "layout-studio record start",
    START_INGEST: "layout-studio ingest start",
}


def what_to_check(body: dict[str, Any], action: str = START) -> str:
    """Where to look for a task the start ``body`` (of ``action``) may have created, in words."""
    sdk_app_id, room_id, user_id = start_target(body)
    robot = user_id or ("(AgentParams.UserId)" if action == START else "(UserId)")
    return (
        f"whether the robot {robot} is in room {room_id or '?'} of SdkAppId {sdk_app_id or '?'} (TRTC console "
        f"monitoring, or the DescribeUserInfo API) and {_EVIDENCE.get(action, 'whether the task runs')}"
    )


def unknown_start_advice(body: dict[str, Any], row_id: int | None, action: str = START) -> str:
    """What to do after a start of ``action`` whose outcome is unknown (journal row ``row_id``)."""
    sdk_app_id, room_id, user_id = start_target(body)
    where = f"room {room_id or '?'} (SdkAppId {sdk_app_id or '?'}, robot {user_id or '?'})"
    number = f" #{row_id}" if row_id else ""
    command = COMMANDS.get(action, "layout-studio start")
    return (
        f"the outcome is unknown: a task may have been started for {where}; the journal keeps it as unresolved "
        f"start{number}, and `{command}` refuses this room and robot until it is resolved. Check "
        f"{what_to_check(body, action)} before starting again; see `layout-studio history`, and pass --force to "
        "start anyway (which resolves it)."
    )


def settle_interrupted(journal: Journal, body: dict[str, Any], action: str = START) -> None:
    """Under the room's lease: close the room's ``pending`` starts of ``action`` (their process died with the start
    in flight) as ``unknown``."""
    pending = [e.id for e in journal.unresolved_starts(*start_target(body), action=action) if e.status == "pending"]
    if pending:
        journal.close_interrupted(pending)


def refusal(entries: list[Entry], body: dict[str, Any], action: str = START) -> str:
    """Why a start of ``action`` for the room of ``body`` is refused while ``entries`` (unresolved starts) exist."""
    sdk_app_id, room_id, user_id = start_target(body)
    listed = "; ".join(
        f"#{e.id} of {e.created_at} ({e.status}{', ' + e.error_code if e.error_code else ''})" for e in entries
    )
    return (
        f"not started: an earlier {action} for room {room_id} (SdkAppId {sdk_app_id}, robot {user_id}) has an "
        f"unknown outcome — {listed} — so a task may be running for this room already. Check "
        f"{what_to_check(body, action)}; see `layout-studio history`. To start anyway (and resolve it), pass "
        "--force. Nothing was sent."
    )


def resolve_forced(journal: Journal, entries: list[Entry], row_id: int | None) -> None:
    """Record that ``entries`` were acknowledged by the forced start of journal row ``row_id``."""
    if entries:
        command = COMMANDS.get(entries[0].action, "layout-studio start").removeprefix("layout-studio ")
        journal.resolve([e.id for e in entries], f"acknowledged by {command} --force (#{row_id})")
