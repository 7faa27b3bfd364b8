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

Ingest sources (decision): when the preset's Target lists ``IngestSources`` (media played into the room by robot
users, StartStreamIngest), ``start`` offers to start them first, so the mix has their streams from its first frame:
``--with-ingest`` starts them, ``--no-ingest`` does not; without either it asks on a terminal (``[y/N]``) and refuses
in a script (exit 2: a script must say which), and ``--dry-run`` shows their requests too. Everything that can
refuse the mix or a source is checked before the first request leaves — the API regions, the validator's errors of
every body (and ``ingest.user.clash``), the unresolved starts of the mix and of each source, UserSigs, secrets and
API credentials — so a refusal sends nothing. The sources are then started in order, each at most once, and the
first that fails leaves the mix (and the sources after it) unstarted, exit 1, naming the sources already playing
(stop them with ``layout-studio ingest stop T``); so does a mix whose start fails after them. A Ctrl-C while a
source's start is in flight waits for its reply, sends nothing more, names the sources playing (TaskIds) and those
not started, and exits 130. A source whose robot already plays into the room (``FailedOperation.TaskExist``) counts
as started. Each source's UserSig is generated from ``TRTC_SDK_SECRET_KEY``; its API region is the mix's, which
must offer stream ingest (ap-guangzhou, ap-singapore).
"""

from __future__ import annotations

import sys

import click

from .command import Args, argument, command, option
from .options import common_options
from .paramtypes import TASK_ID, TEXT
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
    type=TEXT,
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
    "--with-ingest/--no-ingest",
    "with_ingest",
    default=None,
    help="start the preset's Target.IngestSources first (StartStreamIngest), or not (default: ask on a terminal; "
    "scripts must choose)",
)
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
    from .options import open_pusher, report_refused, report_start
    from .payload import target_options
    from .push import TargetArgs

    preset = load_preset(args.preset)
    targets = target_options(TargetArgs(**vars(args), action="start"), preset)
    with_ingest = _with_ingest(args, preset)
    with open_pusher(args, agent_usersig=args.agent_usersig) as pusher:
        pusher.on_wait = lambda text: print(f"layout-studio: {text}", file=sys.stderr)
        try:
            mix = pusher.prepare_start(preset, force=args.force, **targets)  # all that can refuse it, sends nothing
            if with_ingest:
                return _start_with_sources(args, pusher, preset, mix)
            outcome = pusher.start_task(preset, force=args.force, prepared=mix)
        except RefusedError as err:
            return report_refused(err)
        return report_start(outcome, pusher)


def _with_ingest(args: Args, preset) -> bool:
    """Whether to start the preset's ingest sources first (module docstring)."""
    from ..errors import LayoutStudioError

    sources = (preset.target.ingest_sources if preset.target is not None else None) or []
    if not sources or args.with_ingest is not None:
        return bool(sources) and bool(args.with_ingest)
    if args.dry_run:
        return True
    users = ", ".join(str(s.user_id) for s in sources)
    if not sys.stdin.isatty():
        raise LayoutStudioError(
            f"{args.preset} lists {len(sources)} ingest source(s) ({users}): pass --with-ingest to start them before "
            "the mix, or --no-ingest to start the mix only"
        )
    print(f"{args.preset} lists {len(sources)} ingest source(s) ({users}).", file=sys.stderr)
    print("Start them first (StartStreamIngest)? [y/N] ", end="", file=sys.stderr, flush=True)
    try:
        answer = input()
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _start_with_sources(args: Args, pusher, preset, mix) -> int:
    """Check every source (the mix is checked: ``mix`` is what ``prepare_start`` returned), then start the sources
    in order and the mix; returns the exit code. A refusal raises RefusedError before anything is sent."""
    from ..push.apis import START_INGEST
    from ..push.errors import RefusedError
    from ..push.ingest import Ingester
    from .options import print_findings, report_start

    ingester = Ingester(pusher)
    prepared = ingester.prepare_sources(preset, force=args.force)
    if not args.dry_run:
        for region in dict.fromkeys([item.region for item in prepared] + [mix[1]]):
            pusher.client(region)  # the API credentials: one error before anything leaves
    started: list[str] = []
    pending = [item.source.user_id for item in prepared]
    try:
        for item, out in ingester.iter_start_sources(preset, prepared, force=args.force):
            pending.remove(item.source.user_id)
            label = f"ingest source {item.source.user_id}"
            if report_start(out, pusher, action=START_INGEST, label=label, stdout=False):
                _not_started(started, [], "the mix was not started")
                return 1
            started.append(f"{item.source.user_id} as task {out.task_id}" if out.task_id else str(item.source.user_id))
    except KeyboardInterrupt:  # a second Ctrl-C: the source in flight has an unknown outcome (said above)
        _not_started(started, pending, "interrupted: the mix was not started")
        return 130
    if pusher.interrupted.is_set():  # a Ctrl-C while a source's start was in flight: nothing else leaves
        _not_started(started, pending, "interrupted: the mix was not started")
        return 130
    try:
        outcome = pusher.start_task(preset, force=args.force, prepared=mix)
    except RefusedError as err:  # another process started this room and robot since the check
        print_findings(err.findings)
        print(f"layout-studio: error: the mix: {err}", file=sys.stderr)
        _not_started(started, [], "the mix was not started")
        return 1
    code = report_start(outcome, pusher)
    if code and started and outcome.status not in ("ok", "unknown"):
        _not_started(started, [], "the mix was not started")
    elif code and started:
        _not_started(started, [], "the mix's outcome is unknown")
    return code


def _not_started(started: list[str], pending: list, what: str) -> None:
    """Say on stderr which ingest sources play (their TaskIds), which were not started, and ``what`` of the mix."""
    if started:
        print(
            f"ingest sources already playing: {', '.join(started)} (stop with `layout-studio ingest stop T`)",
            file=sys.stderr,
        )
    if pending:
        print(f"ingest sources not started: {', '.join(map(str, pending))}", file=sys.stderr)
    print(f"layout-studio: error: {what}", file=sys.stderr)


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
    from .options import confirm_and_stop

    question = f"Stop task {args.task_id}? Its streams end now."
    return confirm_and_stop(args, question, lambda pusher: pusher.stop_task(args.task_id, record_key=args.record_key))


def register(group: click.Group) -> None:
    """Add ``start`` and ``stop``."""
    group.add_command(run_start)
    group.add_command(run_stop)
