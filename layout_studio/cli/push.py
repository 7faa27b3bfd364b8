"""``layout-studio plan``, ``push`` and ``rollback``: apply a design to running mixing tasks (issue 5).

* ``plan PRESET --task-id T`` — what an update would change against what the task last received, field by field,
  with warnings for changes that interrupt viewers, and the validator's findings. Sends nothing.
* ``push PRESET --task-id T`` — validate, show the plan, confirm, send UpdatePublishCdnStream.
* ``push PRESET --task-ids-from FILE [--report out.json] [--workers N]`` — the same design to many tasks.
* ``rollback T [--to N]`` — re-send the design of journal entry N (default: the previous design) with a new
  SequenceNumber.

Common options, confirmation and exit codes: :mod:`layout_studio.push.options`.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import LayoutStudioError


def _add_update_targets(parser: argparse.ArgumentParser) -> None:
    add_destination_options(parser.add_argument_group("what else the update carries (default: only the design)"))


def add_destination_options(group) -> None:
    """--cdn-url, --third-party-cdn, --feedback-room, --feedback-usersig, --with-transcoding (names as
    ``layout-studio payload``, read by :func:`layout_studio.cli.payload.target_options`)."""
    group.add_argument(
        "--cdn-url",
        action="append",
        metavar="URL",
        help="replace PublishCdnParams with these URLs (restarts changed streams), repeatable",
    )
    group.add_argument("--third-party-cdn", action="store_true", help="IsTencentCdn 0 for --cdn-url")
    group.add_argument(
        "--feedback-room", action="append", metavar="ROOM:USER", help="replace FeedBackRoomParams, repeatable"
    )
    group.add_argument("--feedback-usersig", metavar="SIG", help="UserSig of the feedback rooms' robots")
    group.add_argument(
        "--with-transcoding",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="WithTranscoding 1 (mix) or 0 (relay one stream)",
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``plan``, ``push`` and ``rollback``."""
    from ..push.options import add_common_options, task_id

    plan = subparsers.add_parser(
        "plan",
        help="show what pushing a preset to a task would change",
        description="Compare the update a preset makes with what the task last received "
        "(journal), field by field. Sends nothing. Exit 1 when the design has errors.",
    )
    plan.add_argument("preset", metavar="PRESET")
    plan.add_argument("--task-id", required=True, metavar="T", type=task_id)
    plan.add_argument("--format", choices=("text", "json"), default="text")
    _add_update_targets(plan)
    add_common_options(plan, confirm=False)
    plan.set_defaults(func=run_plan)

    push = subparsers.add_parser(
        "push",
        help="apply a preset to a running task (UpdatePublishCdnStream)",
        description="Validate the preset (errors refuse the push), show the plan, ask, "
        "and send UpdatePublishCdnStream with a new SequenceNumber. With --task-ids-from, "
        "push to many tasks concurrently (resumable: tasks that already have this design "
        "are skipped).",
    )
    push.add_argument("preset", metavar="PRESET")
    which = push.add_mutually_exclusive_group(required=True)
    which.add_argument("--task-id", metavar="T", type=task_id)
    which.add_argument("--task-ids-from", metavar="FILE", help="file with one TaskId a line")
    push.add_argument("--report", metavar="OUT.json", help="write the per-task result (batch)")
    push.add_argument("--workers", type=int, default=8, metavar="N", help="concurrent requests (batch; default 8)")
    push.add_argument(
        "--force",
        action="store_true",
        help="batch: also send to tasks whose last successful update already carries this design "
        "(the design hash leaves secrets out: after rotating a CDN URL's txSecret, say)",
    )
    _add_update_targets(push)
    add_common_options(push)
    push.set_defaults(func=run_push)

    back = subparsers.add_parser(
        "rollback",
        help="re-send an earlier design to a task",
        description="Re-send the design of journal entry N (see `history T`; default: "
        "the design before the current one) with a new SequenceNumber.",
    )
    back.add_argument("task_id", metavar="T", type=task_id)
    back.add_argument("--to", type=int, metavar="N", help="journal entry number (the # column of history)")
    add_common_options(back)
    back.set_defaults(func=run_rollback)


class TargetArgs(argparse.Namespace):
    """Parsed options as :func:`layout_studio.cli.payload.target_options` reads them: a target option this
    command does not define (``payload`` has more) reads as None instead of raising AttributeError."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return None


def _targets(args: argparse.Namespace, preset) -> dict:
    from .payload import target_options

    opts = target_options(TargetArgs(**{**vars(args), "action": "update"}), preset)
    return {
        k: v
        for k, v in opts.items()
        if v is not None
        and k in ("publish_cdn_params", "feed_back_room_params", "feedback_user_sig", "with_transcoding")
    }


def _load(path: str):
    from ..presets import load_preset

    return load_preset(path)


def _refused(err, pusher) -> int:
    from ..push.options import print_findings

    print_findings(err.findings, pusher.secrets)
    print(f"layout-studio: error: {err}", file=sys.stderr)
    return 1


def _warn(pusher) -> None:
    for text in pusher.warnings:
        print(f"warning: {text}", file=sys.stderr)


def run_plan(args: argparse.Namespace) -> int:
    """``plan``: print the plan; exit 1 when the design has errors."""
    from ..push.options import open_pusher, print_findings

    preset = _load(args.preset)
    with open_pusher(args, read_only=True) as pusher:
        plan = pusher.plan_update(preset, args.task_id, **_targets(args, preset))
        if args.format == "json":
            print(json.dumps(plan.to_dict(), indent=2, ensure_ascii=False))
        else:
            print(plan.render())
            print_findings(plan.findings, pusher.secrets)
        _warn(pusher)
        return 1 if plan.blocked else 0


def run_push(args: argparse.Namespace) -> int:
    """``push``: one task or a batch."""
    from ..push.errors import RefusedError
    from ..push.options import confirm, open_pusher, print_findings, report_outcome

    preset = _load(args.preset)
    if args.task_ids_from:
        return run_batch_command(args, preset, _targets(args, preset))
    with open_pusher(args) as pusher:
        try:
            plan = pusher.plan_update(preset, args.task_id, **_targets(args, preset))
            print(plan.render(), file=sys.stderr)
            print_findings(plan.findings, pusher.secrets)
            if plan.blocked:
                raise RefusedError(f"{args.preset}: the design has errors; nothing was sent", plan.findings)
            if not confirm(args, f"Apply {preset.name or args.preset} to task {args.task_id}?"):
                print("not applied", file=sys.stderr)
                return 1
            outcome = pusher.push_plan(plan, preset=preset)
        except RefusedError as err:
            return _refused(err, pusher)
        _warn(pusher)
        return report_outcome(outcome, verb="updated")


def run_batch_command(args: argparse.Namespace, preset, targets: dict) -> int:
    """``push --task-ids-from FILE``: confirm once, run the batch with a progress line, write the report."""
    from ..atomic import atomic_write_text
    from ..push.batch import ProgressLine, read_task_ids, run_batch
    from ..push.errors import RefusedError
    from ..push.options import confirm, open_pusher, print_findings, report_outcome

    task_ids = read_task_ids(args.task_ids_from)
    if args.workers < 1:
        raise LayoutStudioError("--workers must be at least 1")
    if args.report:
        _check_report_path(args.report)
    with open_pusher(args) as pusher:
        if not confirm(args, f"Apply {preset.name or args.preset} to {len(task_ids)} task(s)?"):
            print("not applied", file=sys.stderr)
            return 1
        bar = ProgressLine(len(task_ids))
        interrupted = False
        try:
            result = run_batch(
                pusher, preset, task_ids, workers=args.workers, progress=bar.update, force=args.force, **targets
            )
        except RefusedError as err:
            return _refused(err, pusher)
        except KeyboardInterrupt as err:
            result = getattr(err, "batch_result", None)
            interrupted = True
            if result is None:
                raise
        finally:
            bar.close()
        print_findings(result.findings, pusher.secrets)
        _warn(pusher)
        shown = next((o for o in result.outcomes if o.status == "dry-run" and o.request), None)
        if shown is not None:  # every task gets the same body but its TaskId and SequenceNumber: show the first
            report_outcome(shown, verb="")
        if args.report:
            atomic_write_text(args.report, json.dumps(result.to_report(), indent=2, ensure_ascii=False) + "\n")
        counts = ", ".join(f"{v} {k}" for k, v in sorted(result.counts().items()))
        print(
            f"{len(task_ids)} task(s): {counts}; design {result.design_hash[:12]}; {result.elapsed:.1f} s"
            + (f"; report {args.report}" if args.report else "")
        )
        for outcome in result.outcomes:
            if not outcome.ok and outcome.error is not None:
                print(f"task {outcome.task_id}: {outcome.error}", file=sys.stderr)
        if interrupted:
            print("layout-studio: interrupted; run the same command again to resume", file=sys.stderr)
            return 130
        return 0 if result.ok else 1


def _check_report_path(path: str) -> None:
    """Refuse a --report path that cannot be written before any task is pushed (the report is written last)."""
    import os
    from pathlib import Path

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


def run_rollback(args: argparse.Namespace) -> int:
    """``rollback``: plan, confirm, send."""
    from ..push.errors import RefusedError
    from ..push.options import confirm, open_pusher, print_findings, report_outcome

    with open_pusher(args) as pusher:
        try:
            plan, entry = pusher.plan_rollback(args.task_id, args.to)
            print(
                f"rolling back to #{entry.id} ({entry.preset_name or 'no preset'}, {entry.created_at})", file=sys.stderr
            )
            print(plan.render(), file=sys.stderr)
            print_findings(plan.findings, pusher.secrets)
            if not confirm(args, f"Roll task {args.task_id} back to #{entry.id}?"):
                print("not applied", file=sys.stderr)
                return 1
            outcome = pusher.push_plan(plan, note=f"rollback to #{entry.id}", preset=_named(entry.preset_name))
        except RefusedError as err:
            return _refused(err, pusher)
        _warn(pusher)
        return report_outcome(outcome, verb=f"rolled back to #{entry.id}")


def _named(name):
    from ..model import Preset

    return Preset(name=name) if name else None
