"""Starts whose outcome is unknown: what to check, and why the next start for the same room waits for them.

A StartPublishCdnStream that got no usable reply (a timeout, a dropped connection, a gateway's 502/504, a process
killed while it was in flight) may have created a task whose TaskId nobody knows. Sending it again could create a
second task (two robots mixing one room into the same CDN stream). So it is sent at most once
(:mod:`layout_studio.push.sender`), the journal keeps it **unresolved**, and a later ``start`` for the same SdkAppId,
RoomId and agent UserId refuses until the operator has looked and says so with ``--force`` (which resolves it).

The API has no call that finds a task by its room; what shows whether it runs is the robot user in the room
(``API DescribeUserInfo``, or the TRTC console's monitoring dashboard) and the stream at the CDN.
"""

from __future__ import annotations

from typing import Any

from .journal import Journal, start_target
from .records import Entry


def what_to_check(body: dict[str, Any]) -> str:
    """Where to look for a task the start ``body`` may have created, in words."""
    sdk_app_id, room_id, user_id = start_target(body)
    return (
        f"whether the robot {user_id or '(AgentParams.UserId)'} is in room {room_id or '?'} of SdkAppId "
        f"{sdk_app_id or '?'} (TRTC console monitoring, or the DescribeUserInfo API) and whether its CDN stream plays"
    )


def unknown_start_advice(body: dict[str, Any], row_id: int | None) -> str:
    """What to do after a start whose outcome is unknown (journal row ``row_id``)."""
    sdk_app_id, room_id, user_id = start_target(body)
    where = f"room {room_id or '?'} (SdkAppId {sdk_app_id or '?'}, robot {user_id or '?'})"
    number = f" #{row_id}" if row_id else ""
    return (
        f"the outcome is unknown: a task may have been started for {where}; the journal keeps it as unresolved "
        f"start{number}, and `layout-studio start` refuses this room until it is resolved. Check "
        f"{what_to_check(body)} before starting again; see `layout-studio history`, and pass --force to start "
        "anyway (which resolves it)."
    )


def settle_interrupted(journal: Journal, body: dict[str, Any]) -> None:
    """Under the room's lease: close the room's ``pending`` starts (their process died with the start in flight)
    as ``unknown``."""
    pending = [e.id for e in journal.unresolved_starts(*start_target(body)) if e.status == "pending"]
    if pending:
        journal.close_interrupted(pending)


def refusal(entries: list[Entry], body: dict[str, Any]) -> str:
    """Why a start for the room of ``body`` is refused while ``entries`` (unresolved starts) exist."""
    sdk_app_id, room_id, user_id = start_target(body)
    listed = "; ".join(
        f"#{e.id} of {e.created_at} ({e.status}{', ' + e.error_code if e.error_code else ''})" for e in entries
    )
    return (
        f"not started: an earlier start for room {room_id} (SdkAppId {sdk_app_id}, robot {user_id}) has an unknown "
        f"outcome — {listed} — so a task may be running for this room already. Check {what_to_check(body)}; see "
        "`layout-studio history`. To start anyway (and resolve it), pass --force. Nothing was sent."
    )


def resolve_forced(journal: Journal, entries: list[Entry], row_id: int | None) -> None:
    """Record that ``entries`` were acknowledged by the forced start of journal row ``row_id``."""
    if entries:
        journal.resolve([e.id for e in entries], f"acknowledged by start --force (#{row_id})")
