"""``layout-studio history [T]``: the journal — every request sent (or about to be) to mixing tasks, cloud
recordings and stream ingests, newest last.

Columns: ``#`` (the entry number ``rollback --to`` takes), time (UTC), TaskId, action, SequenceNumber, preset,
design hash (first 12 hex digits), status (ok, error, unknown, not-sent, pending), RequestId or error code.
A start whose outcome is unknown and not resolved is marked ``unresolved start`` and listed after the table with
what to check (the command that started it — ``start``, ``record start``, ``ingest start`` — refuses that room
and robot UserId until it is given ``--force``); a resolved one shows how it was resolved.
``--format json`` prints the rows with their secret-free bodies, ``unresolved_start`` (true/false) and
``resolution`` (how an unknown outcome was settled, or null). Nothing in the journal is secret. The journal is
opened read-only: nothing is created where there is none, and a journal on a read-only disk can be listed.
"""

from __future__ import annotations

import json

import click

from .command import Args, argument, command, option
from .paramtypes import TASK_ID, PositiveType

_SHORT = {
    "StartPublishCdnStream": "start",
    "UpdatePublishCdnStream": "update",
    "StopPublishCdnStream": "stop",
    "CreateCloudRecording": "record start",
    "ModifyCloudRecording": "record update",
    "DeleteCloudRecording": "record stop",
    "StartStreamIngest": "ingest start",
    "UpdateStreamIngest": "ingest update",
    "StopStreamIngest": "ingest stop",
}


@command(
    "history",
    summary="list the requests sent to tasks (the journal)",
    description="Show the journal of requests, all tasks or one.",
    dash_positional=True,
)
@argument("task_id", metavar="[T]", required=False, type=TASK_ID, help="only this task (a TaskId; it may start with -)")
@option(
    "--limit",
    type=PositiveType(" (leave --limit out for every entry)"),
    metavar="N",
    help="only the newest N entries (N >= 1)",
)
@option("--format", type=click.Choice(["text", "json"]), default="text", help="output format (default text)")
@option("--journal", metavar="PATH", help="journal file (default <data dir>/journal.sqlite3)")
def history(args: Args) -> int:
    """Print the entries; exit 0 (an empty journal prints a note)."""
    import sqlite3

    from ..errors import LayoutStudioError
    from ..push.journal import Journal
    from ..push.starts import COMMANDS as START_COMMANDS
    from ..push.starts import what_to_check

    try:
        with Journal(args.journal, readonly=True) as journal:
            entries = journal.entries(args.task_id, limit=args.limit)
            unresolved = {e.id for e in journal.unresolved_starts()}
            resolutions = journal.resolutions()
    except (sqlite3.Error, OSError) as err:
        raise LayoutStudioError(f"{args.journal or 'the journal'}: cannot read the journal ({err})") from None
    if args.format == "json":
        rows_json = [
            dict(e.to_dict(), unresolved_start=e.id in unresolved, resolution=resolutions.get(e.id)) for e in entries
        ]
        print(json.dumps(rows_json, indent=2, ensure_ascii=False))
        return 0
    if not entries:
        print("no requests recorded" + (f" for task {args.task_id}" if args.task_id else ""))
        return 0
    rows = [("#", "time (UTC)", "task", "action", "SequenceNumber", "preset", "design", "status", "RequestId/error")]
    for e in entries:
        outcome = e.request_id or ""
        if e.error_code:
            outcome = f"{e.error_code}" + (f" ({e.request_id})" if e.request_id else "")
        rows.append(
            (
                str(e.id),
                e.created_at.replace("T", " ").rstrip("Z"),
                e.task_id or "-",
                (_SHORT.get(e.action, e.action) + (f" [{e.note}]" if e.note else "")),
                str(e.sequence_number or "-"),
                e.preset_name or "-",
                (e.design_hash or "-")[:12],
                e.status + (" (unresolved start)" if e.id in unresolved else ""),
                outcome + (f" [resolved: {resolutions[e.id]}]" if e.id in resolutions else ""),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())
    shown = [e for e in entries if e.id in unresolved]
    if shown:
        print()
        print("unresolved start: a task may be running without its TaskId being known; the command that started it")
        print("refuses that room and robot UserId until you have checked and pass it --force:")
        for e in shown:
            command = START_COMMANDS.get(e.action, "layout-studio start").removeprefix("layout-studio ")
            print(f"  #{e.id}: check {what_to_check(e.body, e.action)}; then `{command} --force`")
    return 0


def register(group: click.Group) -> None:
    """Add ``history``."""
    group.add_command(history)
