"""``layout-studio start PRESET [target options]`` and ``layout-studio stop --task-id T``.

``start`` validates the StartPublishCdnStream body built from the preset and the target options (errors refuse
it), sends it, prints the new TaskId on stdout and records the task (SdkAppId, region, RoomId, canvas) in the
journal so later pushes are validated against its canvas. The agent's UserSig comes from ``--agent-usersig``,
``TRTC_AGENT_USERSIG`` or is generated from ``TRTC_SDK_SECRET_KEY``. ``stop`` sends StopPublishCdnStream (asks
first, see :mod:`layout_studio.cli.options`). Exit codes as there.

A start is sent at most once: when its outcome is unknown (no usable reply, a gateway's 5xx) the message says what
to check, never to start again, and the journal keeps it unresolved; ``start`` then refuses that room (SdkAppId,
RoomId, agent UserId) with exit 1 until ``--force`` (:mod:`layout_studio.push.starts`). A stop whose reply was
lost and whose retry finds the task gone is reported "stopped (probably by the first attempt)", exit 0.
"""

from __future__ import annotations

import sys

import click

from .command import Args, argument, command, option
from .options import common_options
from .paramtypes import TASK_ID
from .payload import TARGET, room_target_options
from .push import destination_options


@command(
    "start",
    summary="start a mixing task from a preset (StartPublishCdnStream)",
    description="Validate and send StartPublishCdnStream; print the TaskId. Target "
    "options override the preset's Target.",
)
@argument("preset", metavar="PRESET", help="preset file (JSON)")
@room_target_options()
@option(
    "--agent-usersig",
    metavar="SIG",
    section=TARGET,
    help="AgentParams.UserSig (default: TRTC_AGENT_USERSIG, else generated from TRTC_SDK_SECRET_KEY); never stored",
)
@option(
    "--storage-secret-key",
    metavar="KEY",
    section=TARGET,
    help="SecretKey of RecordParams' CloudStorage (default: TRTC_STORAGE_SECRET_KEY); never stored",
)
@destination_options(TARGET)
@option(
    "--force",
    is_flag=True,
    help="start although an earlier start for this room and robot has an unknown outcome (a task may be running "
    "already: check first); resolves that start in the journal",
)
@common_options(confirm=False)
def run_start(args: Args) -> int:
    """``start``: build, validate, send; print the TaskId."""
    from ..presets import load_preset
    from ..push.errors import RefusedError
    from ..push.starts import unknown_start_advice
    from .options import open_pusher, print_findings, report_outcome
    from .payload import target_options
    from .push import TargetArgs

    preset = load_preset(args.preset)
    targets = target_options(TargetArgs(**vars(args), action="start"), preset)
    with open_pusher(args, agent_usersig=args.agent_usersig) as pusher:
        pusher.on_wait = lambda text: print(f"layout-studio: {text}", file=sys.stderr)
        try:
            outcome = pusher.start_task(preset, force=args.force, **targets)
        except RefusedError as err:
            print_findings(err.findings, pusher.secrets)
            print(f"layout-studio: error: {err}", file=sys.stderr)
            return 1
        print_findings(outcome.findings, pusher.secrets)
        for text in pusher.warnings:
            print(f"warning: {text}", file=sys.stderr)
        if outcome.status == "unknown":
            print(f"layout-studio: error: {outcome.error}", file=sys.stderr)
            row = outcome.journal_ids[-1] if outcome.journal_ids else None
            print(unknown_start_advice((outcome.request or {}), row), file=sys.stderr)
            return 1
        code = report_outcome(outcome, verb="started", stream=sys.stderr)
        if outcome.status == "ok":
            print(outcome.task_id)
        return code


@command(
    "stop",
    summary="stop a mixing task (StopPublishCdnStream)",
    description="Send StopPublishCdnStream for the task (asks first on a terminal).",
)
@option("--task-id", required=True, metavar="T", type=TASK_ID, help="TaskId of the task to stop")
@option("--record-key", metavar="KEY", help="RecordKey: end that recording now")
@common_options()
def run_stop(args: Args) -> int:
    """``stop``: confirm, send."""
    from .options import confirm, open_pusher, report_outcome

    with open_pusher(args) as pusher:
        if not confirm(args, f"Stop task {args.task_id}? Its streams end now."):
            print("not stopped", file=sys.stderr)
            return 1
        pusher.on_wait = lambda text: print(f"layout-studio: {text}", file=sys.stderr)
        outcome = pusher.stop_task(args.task_id, record_key=args.record_key)
        for text in pusher.warnings:
            print(f"warning: {text}", file=sys.stderr)
        return report_outcome(outcome, verb=outcome.note or "stopped")


def register(group: click.Group) -> None:
    """Add ``start`` and ``stop``."""
    group.add_command(run_start)
    group.add_command(run_stop)
