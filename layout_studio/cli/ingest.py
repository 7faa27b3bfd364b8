"""``layout-studio ingest start|status|update|stop``: media played into a room by a robot user (StartStreamIngest,
DescribeStreamIngest, UpdateStreamIngest, StopStreamIngest).

* ``ingest start --room ROOM [--room-type int|string] --user USER --url URL [--repeat N] [--max-duration MIN]
  [--volume V] [--seek S] [--tempo X] [--progress] [--auto-push] [--idle-timeout S] [--usersig SIG] [--force]`` —
  validate the StartStreamIngest body (the traps: RepeatNum 0, MaxDuration without ``--repeat -1``, the reversed
  RoomIdType, which ``--room-type`` writes for you), send it once and print the TaskId (recorded in the journal).
  The robot's UserSig: ``--usersig``, else generated from ``TRTC_SDK_SECRET_KEY``; ``--sdk-app-id`` is needed.
* ``ingest status T [--format text|json]`` — DescribeStreamIngest, in words.
* ``ingest update T [--url URL] [--volume V] [--pause|--resume] [--tempo X] [--progress|--no-progress]`` — asks,
  then UpdateStreamIngest.
* ``ingest stop T`` — asks, then StopStreamIngest.

A preset's ``Target.IngestSources`` are started by ``layout-studio start PRESET --with-ingest``. Common options,
confirmation and exit codes: :mod:`layout_studio.cli.options` (``--region`` takes the ingest regions).
"""

from __future__ import annotations

import sys

import click

from ..api_regions import INGEST_REGIONS
from .command import Args, argument, command, option
from .options import common_options
from .paramtypes import NATURAL, TASK_ID, TEXT

#: Section of ``--help`` for how the media plays.
PLAYBACK = "playback"


def _ingester(pusher):
    from ..push.ingest import Ingester

    return Ingester(pusher)


@command(
    "start",
    summary="play media into a room (StartStreamIngest)",
    description="Validate and send StartStreamIngest once; print the TaskId.",
)
@option(
    "--room", "room_id", required=True, metavar="ROOM", type=TEXT, help="RoomId of the room the media is played into"
)
@option(
    "--room-type",
    type=click.Choice(["int", "string"]),
    help="the kind of room (default: int for digits); written as StartStreamIngest's RoomIdType (1 int, 0 string)",
)
@option("--user", "user_id", required=True, metavar="USER", type=TEXT, help="UserId of the robot that plays the media")
@option(
    "--url",
    "stream_url",
    required=True,
    metavar="URL",
    type=TEXT,
    help="StreamUrl: the media file or stream (http(s), rtmp)",
)
@option("--usersig", metavar="SIG", type=TEXT, help="the robot's UserSig (default: generated from TRTC_SDK_SECRET_KEY)")
@option("--repeat", "repeat_num", type=int, metavar="N", section=PLAYBACK, help="plays (1..1000, default 1; -1 loops)")
@option("--max-duration", type=int, metavar="MIN", section=PLAYBACK, help="with --repeat -1: how long, in minutes")
@option("--volume", type=int, metavar="V", section=PLAYBACK, help="volume, 100 as the source")
@option("--seek", "seek_second", type=NATURAL, metavar="S", section=PLAYBACK, help="start this many seconds in")
@option("--tempo", type=float, metavar="X", section=PLAYBACK, help="speed: 0.5, 0.75, 1, 1.25, 1.5, 1.75 or 2")
@option("--progress", "enable_progress", is_flag=True, default=None, section=PLAYBACK, help="send playback progress")
@option("--auto-push", is_flag=True, default=None, section=PLAYBACK, help="relay the robot's stream to the CDN")
@option("--idle-timeout", type=int, metavar="S", section=PLAYBACK, help="end after this long idle (0..600 s)")
@option(
    "--force",
    is_flag=True,
    help="start although an earlier start for this room and robot has an unknown outcome (check first); resolves it",
)
@common_options(confirm=False, regions=INGEST_REGIONS)
def run_start(args: Args) -> int:
    """``ingest start``: build, validate, send; print the TaskId."""
    from ..push.apis import START_INGEST
    from ..push.errors import RefusedError
    from .options import open_pusher, report_refused, report_start

    with open_pusher(args) as pusher:
        pusher.on_wait = lambda text: print(f"layout-studio: {text}", file=sys.stderr)
        ingester = _ingester(pusher)
        body = ingester.start_body(
            room_id=args.room_id,
            room_type=args.room_type,
            user_id=args.user_id,
            stream_url=args.stream_url,
            usersig=args.usersig,
            repeat_num=args.repeat_num,
            max_duration=args.max_duration,
            volume=args.volume,
            seek_second=args.seek_second,
            tempo=args.tempo,
            enable_progress=args.enable_progress,
            auto_push=args.auto_push,
            idle_timeout=args.idle_timeout,
        )
        try:
            outcome = ingester.start(body, force=args.force)
        except RefusedError as err:
            return report_refused(err)
        return report_start(outcome, pusher, action=START_INGEST)


@command(
    "status",
    summary="what an ingest is doing (DescribeStreamIngest)",
    description="Ask DescribeStreamIngest and say what the task is doing.",
    dash_positional=True,
)
@argument("task_id", metavar="T", type=TASK_ID, help="TaskId of the ingest (it may start with -)")
@option("--format", type=click.Choice(["text", "json"]), default="text", help="output format (default text)")
@common_options(confirm=False, regions=INGEST_REGIONS)
def run_status(args: Args) -> int:
    """``ingest status``: describe, in words."""
    from .options import open_pusher, show_state

    with open_pusher(args) as pusher:
        outcome, state = _ingester(pusher).status(args.task_id)
        return show_state(args, pusher, outcome, state)


@command(
    "update",
    summary="change what an ingest plays (UpdateStreamIngest)",
    description="Send UpdateStreamIngest: another URL, volume, pause or resume, speed, progress (asks first).",
    dash_positional=True,
)
@argument("task_id", metavar="T", type=TASK_ID, help="TaskId of the ingest (it may start with -)")
@option("--url", "stream_url", metavar="URL", type=TEXT, help="the new StreamUrl")
@option("--volume", type=int, metavar="V", help="volume, 100 as the source")
@option("--pause", is_flag=True, help="pause playback (still billed)")
@option("--resume", is_flag=True, help="resume playback (or --pause; not both)")
@option("--tempo", type=float, metavar="X", help="speed: 0.5, 0.75, 1, 1.25, 1.5, 1.75 or 2")
@option("--progress/--no-progress", "enable_progress", default=None, help="send playback progress, or stop")
@common_options(regions=INGEST_REGIONS)
def run_update(args: Args) -> int:
    """``ingest update``: validate, confirm, send."""
    from ..push.errors import RefusedError
    from .options import confirm, open_pusher, print_findings, report_outcome, report_refused, warn_settings

    if args.pause and args.resume:
        raise click.UsageError("give --pause or --resume, not both; nothing was sent")
    args.is_pause = True if args.pause else (False if args.resume else None)
    fields = {k: getattr(args, k) for k in ("stream_url", "volume", "is_pause", "tempo", "enable_progress")}
    with open_pusher(args) as pusher:
        changed = ", ".join(f"{k}={v}" for k, v in fields.items() if v is not None and k != "stream_url")
        if fields["stream_url"]:
            changed = ", ".join(filter(None, ["StreamUrl", changed]))
        if changed and not confirm(args, f"Update ingest {args.task_id} ({changed})?"):
            print("not applied", file=sys.stderr)
            return 1
        pusher.on_wait = lambda text: print(f"layout-studio: {text}", file=sys.stderr)
        try:
            outcome = _ingester(pusher).update(args.task_id, **fields)
        except RefusedError as err:
            return report_refused(err)
        print_findings(outcome.findings)
        warn_settings(pusher)
        return report_outcome(outcome, verb="updated")


@command(
    "stop",
    summary="stop an ingest (StopStreamIngest)",
    description="Send StopStreamIngest: the robot leaves the room (asks first on a terminal).",
    dash_positional=True,
)
@argument("task_id", metavar="T", type=TASK_ID, help="TaskId of the ingest (it may start with -)")
@common_options(regions=INGEST_REGIONS)
def run_stop(args: Args) -> int:
    """``ingest stop``: confirm, send."""
    from .options import confirm_and_stop

    question = f"Stop ingest {args.task_id}? The media leaves the room now."
    return confirm_and_stop(args, question, lambda pusher: _ingester(pusher).stop(args.task_id))


@click.group(
    "ingest",
    short_help="play media into a room (StartStreamIngest and co.)",
    help="Stream ingest: play an online media file or stream into a room as a robot user.",
)
def ingest() -> None:
    """The ``ingest`` commands."""


for _command in (run_start, run_status, run_update, run_stop):
    ingest.add_command(_command)


def register(group: click.Group) -> None:
    """Add ``ingest``."""
    group.add_command(ingest)
