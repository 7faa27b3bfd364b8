"""``layout-studio record start|update|status|stop``: cloud recording of a design (CreateCloudRecording,
ModifyCloudRecording, DescribeCloudRecording, DeleteCloudRecording).

* ``record start PRESET [--room-id ROOM] [--room-type int|string] [--robot-user-id USER] [--agent-usersig SIG]
  [storage options] [--resource-expired-hour H] [--force]`` — build the CreateCloudRecording body from the preset
  (:mod:`layout_studio.push.recording`), validate it (errors refuse it), send it once and print the TaskId (recorded
  in the journal). Storage: ``--storage-vendor cos|aws --storage-region R --storage-bucket B --storage-access-key AK
  [--storage-prefix PART]...`` with the SecretKey from ``--storage-secret-key`` or ``TRTC_STORAGE_SECRET_KEY``
  (never stored, never shown), or ``--vod [--vod-sub-app-id N] [--vod-expire-time S] [--vod-media-type N]``, else
  the preset's ``Target.StorageParams``. The robot's UserSig: ``--agent-usersig``, else generated from
  ``TRTC_SDK_SECRET_KEY``.
* ``record update PRESET --task-id T`` — the plan (the layout against what the recording last received), then asks
  and sends ModifyCloudRecording.
* ``record status T [--format text|json]`` — DescribeCloudRecording, in words, with the files written so far.
* ``record stop T`` — asks, then DeleteCloudRecording.

Common options, confirmation and exit codes: :mod:`layout_studio.cli.options` (``--region`` takes the recording's
regions). ``plan PRESET --task-id T`` also plans a recording update.
"""

from __future__ import annotations

import sys

import click

from ..api_regions import RECORDING_REGIONS
from .command import Args, argument, command, option, options
from .options import common_options
from .paramtypes import NATURAL, TASK_ID, TEXT

#: Section of ``--help`` for where the files go.
STORAGE = "storage (default: the preset's Target.StorageParams)"
#: Section of ``--help`` for the room and the robot.
ROOM = "room and robot (default: the preset's Target)"


def _storage_options():
    return options(
        option("--storage-vendor", type=click.Choice(["cos", "aws"]), section=STORAGE, help="CloudStorage.Vendor"),
        option(
            "--storage-region",
            metavar="R",
            type=TEXT,
            section=STORAGE,
            help="CloudStorage.Region (the bucket's region)",
        ),
        option("--storage-bucket", metavar="B", type=TEXT, section=STORAGE, help="CloudStorage.Bucket"),
        option("--storage-access-key", metavar="AK", type=TEXT, section=STORAGE, help="CloudStorage.AccessKey"),
        option(
            "--storage-secret-key",
            metavar="SK",
            type=TEXT,
            section=STORAGE,
            help="CloudStorage.SecretKey (default: TRTC_STORAGE_SECRET_KEY); never stored or shown",
        ),
        option(
            "--storage-prefix", multiple=True, metavar="PART", type=TEXT, section=STORAGE, help="FileNamePrefix part"
        ),
        option("--vod", is_flag=True, section=STORAGE, help="store in Tencent Cloud VOD (CloudVod.TencentVod)"),
        option("--vod-sub-app-id", type=NATURAL, metavar="N", section=STORAGE, help="TencentVod.SubAppId"),
        option(
            "--vod-expire-time", type=NATURAL, metavar="S", section=STORAGE, help="TencentVod.ExpireTime (0: forever)"
        ),
        option("--vod-media-type", type=int, metavar="N", section=STORAGE, help="TencentVod.MediaType (0 mp4, 1 hls)"),
    )


def _recorder(pusher):
    from ..push.recording import Recorder

    return Recorder(pusher)


@command(
    "start",
    summary="start recording a design (CreateCloudRecording)",
    description="Build CreateCloudRecording from the preset (mixed-stream recording of its layout), validate it, send "
    "it once and print the TaskId.",
)
@argument("preset", metavar="PRESET", help="preset file (JSON)")
@option("--room-id", metavar="ROOM", type=TEXT, section=ROOM, help="RoomId of the room recorded")
@option(
    "--room-type",
    type=click.Choice(["int", "string"]),
    section=ROOM,
    help="the kind of room (default: the Target's RoomIdType for its room; int for a --room-id of digits); written as "
    "the recording's RoomIdType (1 int, 0 string)",
)
@option(
    "--robot-user-id",
    metavar="USER",
    type=TEXT,
    section=ROOM,
    help="UserId of the recording robot (default recording_<RoomId>)",
)
@option(
    "--agent-usersig",
    metavar="SIG",
    type=TEXT,
    section=ROOM,
    help="the recording robot's UserSig (default: generated from TRTC_SDK_SECRET_KEY); never stored",
)
@_storage_options()
@option("--resource-expired-hour", type=int, metavar="H", help="how long the task can be managed (6..720, default 72)")
@option(
    "--force",
    is_flag=True,
    help="start although an earlier start for this room and robot has an unknown outcome (check first); resolves it",
)
@common_options(confirm=False, regions=RECORDING_REGIONS)
def run_start(args: Args) -> int:
    """``record start``: build, validate, send; print the TaskId."""
    import os

    from ..presets import load_preset
    from ..push.apis import CREATE_RECORDING
    from ..push.errors import RefusedError
    from ..push.recording import storage_params
    from .options import open_pusher, report_refused, report_start

    preset = load_preset(args.preset)
    storage = storage_params(
        vendor=None if args.storage_vendor is None else {"cos": 0, "aws": 1}[args.storage_vendor],
        region=args.storage_region,
        bucket=args.storage_bucket,
        access_key=args.storage_access_key,
        prefix=args.storage_prefix,
        vod=args.vod,
        vod_sub_app_id=args.vod_sub_app_id,
        vod_expire_time=args.vod_expire_time,
        vod_media_type=args.vod_media_type,
    )
    with open_pusher(args) as pusher:
        pusher.on_wait = lambda text: print(f"layout-studio: {text}", file=sys.stderr)
        try:
            outcome = _recorder(pusher).start(
                preset,
                force=args.force,
                room_id=args.room_id,
                room_type=args.room_type,
                robot_user_id=args.robot_user_id,
                usersig=args.agent_usersig,
                storage=storage,
                storage_secret_key=args.storage_secret_key or os.environ.get("TRTC_STORAGE_SECRET_KEY") or None,
                resource_expired_hour=args.resource_expired_hour,
            )
        except RefusedError as err:
            return report_refused(err)
        return report_start(outcome, pusher, action=CREATE_RECORDING)


@command(
    "update",
    summary="apply a design's layout to a recording (ModifyCloudRecording)",
    description="Show what changes against what the recording last received, ask, and send ModifyCloudRecording "
    "(the layout and who is recorded; the encoding cannot change).",
)
@argument("preset", metavar="PRESET", help="preset file (JSON)")
@option("--task-id", required=True, metavar="T", type=TASK_ID, help="TaskId of the recording")
@common_options(regions=RECORDING_REGIONS)
def run_update(args: Args) -> int:
    """``record update``: plan, confirm, send."""
    from ..presets import load_preset
    from ..push.errors import RefusedError
    from .options import confirm, open_pusher, print_findings, report_outcome, report_refused, warn_settings

    preset = load_preset(args.preset)
    with open_pusher(args) as pusher:
        recorder = _recorder(pusher)
        try:
            plan = recorder.plan_update(preset, args.task_id)
            print(plan.render(), file=sys.stderr)
            print_findings(plan.findings)
            if plan.blocked:
                raise RefusedError(f"{args.preset}: the layout has errors; nothing was sent")  # findings shown
            if not confirm(args, f"Apply {preset.name or args.preset} to recording {args.task_id}?"):
                print("not applied", file=sys.stderr)
                return 1
            pusher.on_wait = lambda text: print(f"layout-studio: {text}", file=sys.stderr)
            outcome = recorder.push_plan(plan, preset=preset)
        except RefusedError as err:
            return report_refused(err)
        warn_settings(pusher)
        return report_outcome(outcome, verb="updated")


@command(
    "status",
    summary="what a recording is doing (DescribeCloudRecording)",
    description="Ask DescribeCloudRecording and say what the recording is doing, with its files.",
    dash_positional=True,
)
@argument("task_id", metavar="T", type=TASK_ID, help="TaskId of the recording (it may start with -)")
@option("--format", type=click.Choice(["text", "json"]), default="text", help="output format (default text)")
@common_options(confirm=False, regions=RECORDING_REGIONS)
def run_status(args: Args) -> int:
    """``record status``: describe, in words."""
    from .options import open_pusher, show_state

    with open_pusher(args) as pusher:
        outcome, state = _recorder(pusher).status(args.task_id)
        return show_state(args, pusher, outcome, state)


@command(
    "stop",
    summary="stop a recording (DeleteCloudRecording)",
    description="Send DeleteCloudRecording for the recording (asks first on a terminal).",
    dash_positional=True,
)
@argument("task_id", metavar="T", type=TASK_ID, help="TaskId of the recording (it may start with -)")
@common_options(regions=RECORDING_REGIONS)
def run_stop(args: Args) -> int:
    """``record stop``: confirm, send."""
    from .options import confirm_and_stop

    question = f"Stop recording {args.task_id}? Its files are completed now."
    return confirm_and_stop(args, question, lambda pusher: _recorder(pusher).stop(args.task_id))


@click.group(
    "record",
    short_help="record a design in the cloud (CreateCloudRecording and co.)",
    help="Cloud recording of a design: start, update (the layout), status, stop.",
)
def record() -> None:
    """The ``record`` commands."""


for _command in (run_start, run_update, run_status, run_stop):
    record.add_command(_command)


def register(group: click.Group) -> None:
    """Add ``record``."""
    group.add_command(record)
