"""``layout-studio plan``, ``push`` and ``rollback``: apply a design to running mixing tasks.

* ``plan PRESET --task-id T [--recording]`` — what an update would change against what the task last received, field
  by field, with warnings for changes that interrupt viewers, and the validator's findings. Sends nothing. A task
  the journal records as a cloud recording is planned as ``record update`` would send it (ModifyCloudRecording:
  the layout and who is recorded); ``--recording`` says so for a recording the journal does not know (decision:
  detected from the journal, the flag only for tasks started elsewhere).
* ``push PRESET --task-id T`` — validate, show the plan, confirm, send UpdatePublishCdnStream.
* ``push PRESET --task-ids-from FILE [--report out.json] [--workers N]`` — the same design to many tasks.
* ``rollback T [--to N]`` — re-send the design of journal entry N (default: the previous design) with a new
  SequenceNumber.

Common options, confirmation and exit codes: :mod:`layout_studio.cli.options`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import LayoutStudioError
from .command import Args, argument, command, option, options
from .options import common_options
from .paramtypes import TASK_ID, PositiveType

if TYPE_CHECKING:
    from ..model import Preset
    from ..push.operations import Pusher

#: Section of ``--help`` for what else an update carries.
UPDATE_TARGETS = "what else the update carries (default: only the design)"


def destination_options(section: str) -> Callable[[Any], Any]:
    """Decorator adding --cdn-url, --third-party-cdn, --feedback-room, --feedback-usersig, --with-transcoding
    under ``section`` (names as ``layout-studio payload``, read by :func:`layout_studio.cli.payload.target_options`)."""
    return options(
        option(
            "--cdn-url",
            multiple=True,
            metavar="URL",
            section=section,
            help="replace PublishCdnParams with these URLs (restarts changed streams), repeatable",
        ),
        option("--third-party-cdn", is_flag=True, section=section, help="IsTencentCdn 0 for --cdn-url"),
        option(
            "--feedback-room",
            multiple=True,
            metavar="ROOM:USER",
            section=section,
            help="replace FeedBackRoomParams, repeatable",
        ),
        option("--feedback-usersig", metavar="SIG", section=section, help="UserSig of the feedback rooms' robots"),
        option(
            "--with-transcoding/--no-with-transcoding",
            default=None,
            section=section,
            help="WithTranscoding 1 (mix) or 0 (relay one stream)",
        ),
    )


class TargetArgs(Args):
    """Parsed options as :func:`layout_studio.cli.payload.target_options` reads them: a target option this
    command does not define (``payload`` has more) reads as None instead of raising AttributeError."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return None


def _targets(args: Args, preset: Preset) -> dict[str, Any]:
    from .payload import target_options

    opts = target_options(TargetArgs(**{**vars(args), "action": "update"}), preset)
    return {
        k: v
        for k, v in opts.items()
        if v is not None
        and k in ("publish_cdn_params", "feed_back_room_params", "feedback_user_sig", "with_transcoding")
    }


def _load(path: str) -> Preset:
    from ..presets import load_preset

    return load_preset(path)


def _warn(pusher: Pusher) -> None:
    for text in pusher.warnings:
        print(f"warning: {text}", file=sys.stderr)


@command(
    "plan",
    summary="show what pushing a preset to a task would change",
    description="Compare the update a preset makes with what the task last received "
    "(journal), field by field. Sends nothing. Exit 1 when the design has errors.",
)
@argument("preset", metavar="PRESET", help="preset file (JSON)")
@option("--task-id", required=True, metavar="T", type=TASK_ID, help="TaskId of the running task")
@option(
    "--recording",
    is_flag=True,
    help="the task is a cloud recording (ModifyCloudRecording; default: what the journal records of the task)",
)
@option("--format", type=click.Choice(["text", "json"]), default="text", help="output format (default text)")
@destination_options(UPDATE_TARGETS)
@common_options(confirm=False)
def run_plan(args: Args) -> int:
    """``plan``: print the plan; exit 1 when the design has errors."""
    from ..push.apis import MIX, RECORDING
    from ..push.recording import Recorder
    from .options import open_pusher, print_findings

    preset = _load(args.preset)
    with open_pusher(args, read_only=True) as pusher:
        known = pusher.api_of_task(args.task_id)
        if args.recording and known not in (None, RECORDING):
            raise LayoutStudioError(f"task {args.task_id} is a {known.title} (journal), not a cloud recording")
        if known not in (None, MIX, RECORDING):
            raise LayoutStudioError(
                f"task {args.task_id} is a {known.title} (journal): it has no design to plan; use {known.commands}"
            )
        if args.recording or known is RECORDING:
            plan = Recorder(pusher).plan_update(preset, args.task_id)
        else:
            plan = pusher.plan_update(preset, args.task_id, **_targets(args, preset))
        if args.format == "json":
            print(json.dumps(plan.to_dict(), indent=2, ensure_ascii=False))
        else:
            print(plan.render())
            print_findings(plan.findings)
        _warn(pusher)
        return 1 if plan.blocked else 0


@command(
    "push",
    summary="apply a preset to a running task (UpdatePublishCdnStream)",
    description="Validate the preset (errors refuse the push), show the plan, ask, "
    "and send UpdatePublishCdnStream with a new SequenceNumber. With --task-ids-from, "
    "push to many tasks concurrently (resumable: tasks that already have this design "
    "are skipped).",
)
@argument("preset", metavar="PRESET", help="preset file (JSON)")
@option("--task-id", metavar="T", type=TASK_ID, help="TaskId of the running task (or --task-ids-from)")
@option("--task-ids-from", metavar="FILE", help="file with one TaskId a line (or --task-id)")
@option("--report", metavar="OUT.json", help="write the per-task result (batch)")
@option("--workers", type=int, default=8, metavar="N", help="concurrent requests (batch; default 8)")
@option(
    "--force",
    is_flag=True,
    help="batch: also send to tasks whose last successful update already carries this design "
    "(the design hash leaves secrets out: after rotating a CDN URL's txSecret, say)",
)
@destination_options(UPDATE_TARGETS)
@common_options()
def run_push(args: Args) -> int:
    """``push``: one task or a batch."""
    from ..push.errors import RefusedError
    from .options import confirm, open_pusher, print_findings, report_outcome, report_refused

    if (args.task_id is None) == (args.task_ids_from is None):
        raise click.UsageError(
            "give one of --task-id T (one task) or --task-ids-from FILE (many)"
            + (", not both" if args.task_id is not None else "")
        )
    preset = _load(args.preset)
    if args.task_ids_from:
        return run_batch_command(args, preset, _targets(args, preset))
    with open_pusher(args) as pusher:
        try:
            plan = pusher.plan_update(preset, args.task_id, **_targets(args, preset))
            print(plan.render(), file=sys.stderr)
            print_findings(plan.findings)
            if plan.blocked:
                raise RefusedError(f"{args.preset}: the design has errors; nothing was sent")  # findings shown
            if not confirm(args, f"Apply {preset.name or args.preset} to task {args.task_id}?"):
                print("not applied", file=sys.stderr)
                return 1
            pusher.on_wait = lambda text: print(f"layout-studio: {text}", file=sys.stderr)
            outcome = pusher.push_plan(plan, preset=preset)
        except RefusedError as err:
            return report_refused(err)
        _warn(pusher)
        return report_outcome(outcome, verb="updated")


def run_batch_command(args: Args, preset: Preset, targets: dict[str, Any]) -> int:
    """``push --task-ids-from FILE``: confirm once, run the batch with a progress bar, write the report."""
    from ..atomic import atomic_write_text
    from ..push.batch import JOURNAL, read_task_ids, run_batch
    from ..push.errors import RefusedError
    from ..redaction import redact
    from .options import confirm, open_pusher, print_findings, report_outcome, report_refused
    from .progress import BatchProgress

    task_ids = read_task_ids(args.task_ids_from)
    if args.workers < 1:
        raise LayoutStudioError("--workers must be at least 1")
    if args.report:
        _check_report_path(args.report, inputs={"the preset": args.preset, "the task list": args.task_ids_from})
        _check_report_is_not_the_journal(args.report, args.journal)
    extra = {}
    if not args.dry_run:  # a credential that cannot be used is one error before anything is sent, not one per task
        from ..push.credentials import resolve_credential

        extra["credential"] = resolve_credential(args.profile)
    with open_pusher(args, **extra) as pusher:
        if not confirm(args, f"Apply {preset.name or args.preset} to {len(task_ids)} task(s)?"):
            print("not applied", file=sys.stderr)
            return 1
        bar = BatchProgress(len(task_ids))
        interrupted = False
        try:
            result = run_batch(
                pusher, preset, task_ids, workers=args.workers, progress=bar.update, force=args.force, **targets
            )
        except RefusedError as err:
            return report_refused(err)
        except KeyboardInterrupt as err:
            partial = getattr(err, "batch_result", None)
            if partial is None:
                raise
            result, interrupted = partial, True
        finally:
            bar.close()
        print_findings(result.findings)
        _warn(pusher)
        shown = next((o for o in result.outcomes if o.status == "dry-run" and o.request), None)
        if shown is not None:  # every task gets the same body but its TaskId and SequenceNumber: show the first
            report_outcome(shown, verb="")
        if args.report:
            report = json.dumps(result.to_report(), indent=2, ensure_ascii=False) + "\n"
            atomic_write_text(args.report, redact(report))  # what the report quotes (error texts) holds no secret
        counts = ", ".join(f"{v} {k}" for k, v in sorted(result.counts().items()))
        print(
            f"{len(task_ids)} task(s): {counts}; design {result.design_hash[:12]}; {result.elapsed:.1f} s"
            + (f"; report {args.report}" if args.report else "")
        )
        for outcome in result.outcomes:
            if outcome.journal_error:
                print(f"task {outcome.task_id}: not recorded in the journal: {outcome.journal_error}", file=sys.stderr)
            if outcome.error is not None and outcome.error.code == JOURNAL:
                continue  # said once below
            if not outcome.ok and outcome.error is not None:
                print(f"task {outcome.task_id}: {outcome.error}", file=sys.stderr)
            elif outcome.note:
                print(f"task {outcome.task_id}: {outcome.status.value}: {outcome.note}", file=sys.stderr)
        if result.in_flight:
            named = ", ".join(f"{o.task_id} (#{', #'.join(map(str, o.interrupted))})" for o in result.in_flight)
            print(
                f"{len(result.in_flight)} task(s) had a request in flight when an earlier run was interrupted, and "
                f"may have received the design twice: {named}",
                file=sys.stderr,
            )
        journal_failed = [o for o in result.outcomes if o.error is not None and o.error.code == JOURNAL]
        if journal_failed:
            unsent = sum(1 for o in result.outcomes if o.status == "not-sent")
            print(
                f"layout-studio: error: the journal could not record a request before it left, so the batch stopped "
                f"({unsent} task(s) not sent): {journal_failed[0].error.message if journal_failed[0].error else ''}; "
                "fix it, then run the same command again (tasks that have the design are skipped)",
                file=sys.stderr,
            )
        if interrupted:
            if result.wait_for_in_flight is not None:
                print(
                    "layout-studio: waiting for the replies to the requests in flight to record them (Ctrl-C again "
                    "to leave them pending: the next run names them)",
                    file=sys.stderr,
                )
                with contextlib.suppress(KeyboardInterrupt):
                    result.wait_for_in_flight()
            print("layout-studio: interrupted; run the same command again to resume", file=sys.stderr)
            return 130
        return 0 if result.ok else 1


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when ``a`` and ``b`` name one file (both exist and are the same inode, or resolve to one path)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def _check_report_is_not_the_journal(path: str, journal: str | None) -> None:
    """Refuse a --report path that is the journal (or its -wal / -shm file): the report would replace it."""
    from ..push.journalfile import default_path

    journal_path = Path(journal) if journal else default_path()
    for suffix in ("", "-wal", "-shm", "-journal"):
        if _same_file(path, f"{journal_path}{suffix}"):
            raise LayoutStudioError(
                f"--report {path}: that is the journal ({journal_path}{suffix}): the report would replace the "
                "history of every task; give another file name; nothing was sent"
            )


def _check_report_path(path: str, inputs: dict[str, str | None] | None = None) -> None:
    """Refuse a --report path that cannot be written, or that names one of ``inputs`` (what -> path: the preset,
    the task list), before any task is pushed (the report is written last, replacing the file)."""
    for what, given in (inputs or {}).items():
        if given and _same_file(path, given):
            raise LayoutStudioError(
                f"--report {path}: that is {what} ({given}): the report would replace it; give another file name; "
                "nothing was sent"
            )
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    problem = None
    if not directory.is_dir():
        problem = f"the directory {directory} does not exist (create it first, e.g. mkdir -p {directory})"
    elif target.is_dir():
        problem = "it is a directory; give a file name"
    elif not os.access(directory, os.W_OK | os.X_OK) or (target.exists() and not os.access(target, os.W_OK)):
        problem = f"{directory} is not writable (check its permissions, or give another path)"
    if problem:
        raise LayoutStudioError(f"--report {path}: cannot write the report: {problem}; nothing was sent")


@command(
    "rollback",
    summary="re-send an earlier design to a task",
    description="Re-send the design of journal entry N (see `history T`; default: "
    "the design before the current one) with a new SequenceNumber.",
    dash_positional=True,
)
@argument("task_id", metavar="T", type=TASK_ID, help="TaskId of the task to roll back (it may start with -)")
@option(
    "--to",
    type=PositiveType(" (the # column of `history T`)"),
    metavar="N",
    help="journal entry number (the # column of history)",
)
@common_options()
def run_rollback(args: Args) -> int:
    """``rollback``: plan, confirm, send."""
    from ..push.errors import RefusedError
    from .options import confirm, open_pusher, print_findings, report_outcome, report_refused

    with open_pusher(args) as pusher:
        try:
            plan, entry = pusher.plan_rollback(args.task_id, args.to)
            print(
                f"rolling back to #{entry.id} ({entry.preset_name or 'no preset'}, {entry.created_at})", file=sys.stderr
            )
            print(plan.render(), file=sys.stderr)
            print_findings(plan.findings)
            if plan.blocked:
                raise RefusedError(f"task {args.task_id}: the design of #{entry.id} has errors; nothing was sent")
            if not confirm(args, f"Roll task {args.task_id} back to #{entry.id}?"):
                print("not applied", file=sys.stderr)
                return 1
            outcome = pusher.push_plan(plan, note=f"rollback to #{entry.id}", preset=_named(entry.preset_name))
        except RefusedError as err:
            return report_refused(err)
        _warn(pusher)
        return report_outcome(outcome, verb=f"rolled back to #{entry.id}")


def _named(name: str | None) -> Preset | None:
    from ..model import Preset

    return Preset(name=name) if name else None


def register(group: click.Group) -> None:
    """Add ``plan``, ``push`` and ``rollback``."""
    for cmd in (run_plan, run_push, run_rollback):
        group.add_command(cmd)
