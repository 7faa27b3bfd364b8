"""``layout-studio start PRESET [target options]`` and ``layout-studio stop --task-id T`` (issue 5).

``start`` validates the StartPublishCdnStream body built from the preset and the target options (errors refuse
it), sends it, prints the new TaskId on stdout and records the task (SdkAppId, region, RoomId, canvas) in the
journal so later pushes are validated against its canvas. The agent's UserSig comes from ``--agent-usersig``,
``TRTC_AGENT_USERSIG`` or is generated from ``TRTC_SDK_SECRET_KEY``. ``stop`` sends StopPublishCdnStream (asks
first, see :mod:`layout_studio.push.options`). Exit codes as there.
"""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``start`` and ``stop``."""
    from ..push.options import add_common_options, task_id
    from .push import add_destination_options

    start = subparsers.add_parser(
        "start",
        help="start a mixing task from a preset (StartPublishCdnStream)",
        description="Validate and send StartPublishCdnStream; print the TaskId. Target "
        "options override the preset's Target.",
    )
    start.add_argument("preset", metavar="PRESET")
    target = start.add_argument_group("target (override the preset's Target)")
    target.add_argument("--room-id", metavar="ROOM", help="RoomId of the main room")
    target.add_argument("--room-id-type", type=int, choices=(0, 1), help="RoomIdType: 0 integer, 1 string")
    target.add_argument("--agent-user-id", metavar="USER", help="AgentParams.UserId of the robot")
    target.add_argument("--max-idle-time", type=int, metavar="SECONDS", help="AgentParams.MaxIdleTime (5..86400)")
    target.add_argument(
        "--agent-usersig",
        metavar="SIG",
        help="AgentParams.UserSig (default: TRTC_AGENT_USERSIG, else generated from TRTC_SDK_SECRET_KEY); never stored",
    )
    target.add_argument(
        "--storage-secret-key",
        metavar="KEY",
        help="SecretKey of RecordParams' CloudStorage (default: TRTC_STORAGE_SECRET_KEY); never stored",
    )
    add_destination_options(target)
    add_common_options(start, confirm=False)
    start.set_defaults(func=run_start)

    stop = subparsers.add_parser(
        "stop",
        help="stop a mixing task (StopPublishCdnStream)",
        description="Send StopPublishCdnStream for the task (asks first on a terminal).",
    )
    stop.add_argument("--task-id", required=True, metavar="T", type=task_id)
    stop.add_argument("--record-key", metavar="KEY", help="RecordKey: end that recording now")
    add_common_options(stop)
    stop.set_defaults(func=run_stop)


def run_start(args: argparse.Namespace) -> int:
    """``start``: build, validate, send; print the TaskId."""
    from ..presets import load_preset
    from ..push.errors import RefusedError
    from ..push.options import open_pusher, print_findings, report_outcome
    from .payload import target_options
    from .push import TargetArgs

    preset = load_preset(args.preset)
    targets = target_options(TargetArgs(**vars(args), action="start"), preset)
    with open_pusher(args, agent_usersig=args.agent_usersig) as pusher:
        try:
            outcome = pusher.start_task(preset, **targets)
        except RefusedError as err:
            print_findings(err.findings, pusher.secrets)
            print(f"layout-studio: error: {err}", file=sys.stderr)
            return 1
        print_findings(outcome.findings, pusher.secrets)
        for text in pusher.warnings:
            print(f"warning: {text}", file=sys.stderr)
        code = report_outcome(outcome, verb="started", stream=sys.stderr)
        if outcome.status == "ok":
            print(outcome.task_id)
        return code


def run_stop(args: argparse.Namespace) -> int:
    """``stop``: confirm, send."""
    from ..push.options import confirm, open_pusher, report_outcome

    with open_pusher(args) as pusher:
        if not confirm(args, f"Stop task {args.task_id}? Its streams end now."):
            print("not stopped", file=sys.stderr)
            return 1
        outcome = pusher.stop_task(args.task_id, record_key=args.record_key)
        for text in pusher.warnings:
            print(f"warning: {text}", file=sys.stderr)
        return report_outcome(outcome, verb="stopped")
