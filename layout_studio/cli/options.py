"""Command-line plumbing shared by ``plan``, ``push``, ``start``, ``stop``, ``history``, ``rollback`` and the
``record`` and ``ingest`` commands.

Common options: ``--region``, ``--endpoint URL``, ``--profile NAME``, ``--sdk-app-id``, ``--journal PATH``,
``--dry-run``, ``--yes``, ``--timeout SECONDS``, ``--retries N``, ``--backoff SECONDS``, ``--rate N``.

Confirmation (decision): pushing to a live task can interrupt viewers, so ``push``, ``rollback`` and ``stop``
show what they will do and ask ``Apply? [y/N]`` when stdin is a terminal; when it is not (CI, scripts) they
refuse unless ``--yes`` is given — like ``terraform apply`` without ``-auto-approve``; so do ``record update``,
``record stop``, ``ingest update`` and ``ingest stop``. ``--dry-run`` never asks (it sends nothing); ``start``,
``record start`` and ``ingest start`` do not ask (they interrupt nothing).

Exit codes: 0 done; 1 refused by the validator, declined, or the API call failed (any task of a batch); 2 bad
usage, unreadable input or missing settings; 130 interrupted.
"""

from __future__ import annotations

import math
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

import click

from ..errors import LayoutStudioError
from ..findings import Finding, Severity
from .command import Args, option, options
from .paramtypes import SDK_APP_ID, WholeNumberType

if TYPE_CHECKING:
    from ..push.errors import RefusedError
    from ..push.operations import Pusher, PushOptions
    from ..push.sender import Outcome

#: Section of ``--help`` the connection, journal and safety options are listed under.
CONNECTION = "connection"
#: The most --retries a command takes (each retry waits longer: more would only delay the error).
MAX_RETRIES = 100


def common_options(
    *, confirm: bool = True, regions: Sequence[str] = ("ap-guangzhou", "ap-hongkong", "ap-singapore")
) -> Callable[[Any], Any]:
    """Decorator adding the connection, journal and safety options (``--yes``/``-y`` too when ``confirm``);
    ``regions``: the API regions ``--region`` takes (default: the mixing APIs')."""
    decorators = [
        option(
            "--region",
            type=click.Choice(list(regions)),
            section=CONNECTION,
            help="API region (default: where the journal recorded the task, else the preset's Target.Region)",
        ),
        option(
            "--endpoint",
            metavar="URL",
            section=CONNECTION,
            help="override scheme, host and port (default https://trtc.tencentcloudapi.com)",
        ),
        option(
            "--profile",
            metavar="NAME",
            section=CONNECTION,
            help="credentials profile in ~/.tencentcloud/credentials (default: TENCENTCLOUD_SECRET_ID/KEY, "
            "then [default])",
        ),
        option(
            "--sdk-app-id",
            type=SDK_APP_ID,
            metavar="ID",
            section=CONNECTION,
            help="SdkAppId (default: the journal's record of the task, else the preset's Target)",
        ),
        option(
            "--journal", metavar="PATH", section=CONNECTION, help="journal file (default <data dir>/journal.sqlite3)"
        ),
        option(
            "--timeout",
            type=float,
            default=15.0,
            metavar="SECONDS",
            section=CONNECTION,
            help="wait at most this long for each reply (default 15)",
        ),
        option(
            "--retries",
            type=WholeNumberType(0, MAX_RETRIES),
            default=3,
            metavar="N",
            section=CONNECTION,
            help=f"retries after connection errors, 5xx, timeouts, RequestLimitExceeded (0..{MAX_RETRIES}, default 3)",
        ),
        option(
            "--backoff",
            type=float,
            default=0.5,
            metavar="SECONDS",
            section=CONNECTION,
            help="first retry delay, doubled each retry up to 8 s (default 0.5)",
        ),
        option(
            "--rate",
            type=float,
            default=20.0,
            metavar="N",
            section=CONNECTION,
            help="at most N requests a second per API (default 20, the documented limit)",
        ),
        option(
            "--dry-run",
            is_flag=True,
            section=CONNECTION,
            help="print the exact request (secrets masked) and send nothing",
        ),
    ]
    if confirm:
        decorators.append(
            option(
                "--yes",
                "-y",
                is_flag=True,
                section=CONNECTION,
                help="apply without asking (required when stdin is not a terminal)",
            )
        )
    return options(*decorators)


def options_from_args(args: Args, **extra: Any) -> PushOptions:
    """A :class:`~layout_studio.push.operations.PushOptions` from parsed common options."""
    from ..push.endpoint import parse_endpoint
    from ..push.operations import PushOptions

    for name in ("rate", "timeout", "backoff"):
        value = getattr(args, name)
        if value is not None and not math.isfinite(value):
            raise LayoutStudioError(f"--{name} {value}: give a finite number")
    if args.rate is not None and args.rate <= 0:
        raise LayoutStudioError("--rate must be above 0 requests a second")
    if args.timeout <= 0:
        raise LayoutStudioError("--timeout must be above 0 seconds")
    if args.retries < 0:
        raise LayoutStudioError("--retries must be 0 or more")
    if args.backoff < 0:
        raise LayoutStudioError("--backoff must be 0 or more seconds")
    parse_endpoint(args.endpoint)  # bad usage before anything else (an empty value is not the default)
    return PushOptions(
        region=args.region,
        endpoint=args.endpoint,
        profile=args.profile,
        sdk_app_id=args.sdk_app_id,
        journal=args.journal,
        timeout=args.timeout,
        rate=args.rate,
        attempts=args.retries + 1,
        backoff=args.backoff,
        dry_run=args.dry_run,
        on_wait=tell_waiting,
        **extra,
    )


def tell_waiting(text: str) -> None:
    """Say on stderr what the command waits for (another process writing the journal or sending to a task)."""
    print(f"layout-studio: {text}", file=sys.stderr)


def open_pusher(args: Args, **extra: Any) -> Pusher:
    """A :class:`~layout_studio.push.operations.Pusher` for ``args``; a journal that cannot be opened is a
    clear error (exit 2)."""
    from ..push.operations import Pusher

    options = options_from_args(args, **extra)
    try:
        return Pusher(options)
    except (sqlite3.Error, OSError) as err:
        where = args.journal or "the journal"
        raise LayoutStudioError(f"{where}: cannot open the journal ({err})") from None


def print_findings(findings: Iterable[Finding], stream: TextIO | None = None) -> None:
    """Findings one a line on stderr (``stream``). Secrets are masked as in everything a command prints
    (:mod:`layout_studio.redaction`)."""
    stream = stream or sys.stderr
    for f in findings:
        if f.severity is not Severity.INFO or f.code.startswith("push."):
            print(str(f), file=stream)


def report_refused(err: RefusedError) -> int:
    """Exit code 1 for a refused request (nothing was sent): its findings on stderr, then the error."""
    print_findings(err.findings)
    print(f"layout-studio: error: {err}", file=sys.stderr)
    return 1


def confirm(args: Args, question: str) -> bool:
    """True when the user agrees (or gave --yes); raises LayoutStudioError when stdin is not a terminal."""
    if getattr(args, "yes", False) or args.dry_run:
        return True
    if not sys.stdin.isatty():
        raise LayoutStudioError(
            "stdin is not a terminal: pass --yes to apply without confirmation (or --dry-run to see the request)"
        )
    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)  # stdout may be redirected to a file
    try:
        answer = input()
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def report_outcome(outcome: Outcome, *, verb: str, stream: TextIO | None = None) -> int:
    """Print one outcome (stdout on success, stderr on failure; the journal's problem recording it, if any, on
    stderr); return the exit code."""
    try:
        return _report_outcome(outcome, verb=verb, stream=stream)
    finally:
        warn_journal(outcome)


def warn_journal(outcome: Outcome) -> None:
    """Say on stderr that the journal could not record ``outcome`` (a full disk), if so."""
    if outcome.journal_error:
        print(
            f"warning: the journal could not record this ({outcome.journal_error}); what is shown is the API's "
            "answer — until the journal can be written, `history` and the next commands do not know it",
            file=sys.stderr,
        )


def _report_outcome(outcome: Outcome, *, verb: str, stream: TextIO | None = None) -> int:
    import json

    req = outcome.request
    if outcome.status == "dry-run" and req is not None:
        print(f"dry run: {req['method']} {req['url']} — nothing was sent")
        for name, value in req["headers"].items():
            print(f"{name}: {value}")
        print()
        print(json.dumps(req["body"], indent=2, ensure_ascii=False))
        return 0
    if outcome.ok:
        seq = f", SequenceNumber {outcome.sequence_number}" if outcome.sequence_number else ""
        retry = f", after {outcome.attempts} attempts" if outcome.attempts > 1 else ""
        print(f"task {outcome.task_id}: {verb}{seq}, RequestId {outcome.request_id}{retry}", file=stream)
        return 0
    err = outcome.error
    print(f"layout-studio: error: {err}", file=sys.stderr)
    if outcome.status == "unknown":
        from ..push.apis import MIX, api_of

        api = api_of(outcome.action)
        if api is not None and outcome.action == api.stop:
            again = "stop it again (a task already gone is then reported stopped)"
        elif api is None or api is MIX:
            again = "push again (a new SequenceNumber is drawn)"
        else:
            again = f"run the same command again (it sets the same values; {api.commands})"
        print(f"the outcome is unknown: check the task, then {again} or see `layout-studio history`", file=sys.stderr)
    return 1


def warn_settings(pusher: Any) -> None:
    """The session's warnings about the settings (SdkAppId/region rule, dry-run credentials) not shown yet, on
    stderr."""
    shown = getattr(pusher, "warnings_shown", 0)
    for text in pusher.warnings[shown:]:
        print(f"warning: {text}", file=sys.stderr)
    pusher.warnings_shown = len(pusher.warnings)


def report_start(
    outcome: Outcome, pusher: Any, *, action: str = "StartPublishCdnStream", label: str = "", stdout: bool = True
) -> int:
    """Print a start's outcome: findings and warnings on stderr, the new TaskId on stdout (unless not ``stdout``),
    and for an unknown outcome what to check (the start stays unresolved). ``label`` names what was started in the
    lines about it (``ingest source clip_1``). Returns the exit code."""
    from ..push.starts import unknown_start_advice

    prefix = f"{label}: " if label else ""
    print_findings(outcome.findings)
    warn_settings(pusher)
    if outcome.status == "unknown":
        print(f"layout-studio: error: {prefix}{outcome.error}", file=sys.stderr)
        row = outcome.journal_ids[-1] if outcome.journal_ids else None
        print(unknown_start_advice((outcome.request or {}), row, action), file=sys.stderr)
        warn_journal(outcome)
        return 1
    if outcome.error is not None and outcome.note:  # an ingest source that already plays
        print(f"{prefix}{outcome.note}", file=sys.stderr)
        return 0
    code = report_outcome(outcome, verb=f"{label} started" if label else "started", stream=sys.stderr)
    if outcome.status == "ok" and stdout:
        print(outcome.task_id)
    return code


def confirm_and_stop(args: Args, question: str, stop: Callable[[Any], Outcome]) -> int:
    """A stop command: ask ``question`` (see :func:`confirm`), then ``stop(pusher)`` and print its outcome; returns
    the exit code (1 when declined)."""
    with open_pusher(args) as pusher:
        if not confirm(args, question):
            print("not stopped", file=sys.stderr)
            return 1
        pusher.on_wait = lambda text: print(f"layout-studio: {text}", file=sys.stderr)
        outcome = stop(pusher)
        warn_settings(pusher)
        return report_outcome(outcome, verb=outcome.note or "stopped")


def show_state(args: Args, pusher: Any, outcome: Outcome, state: Any) -> int:
    """Print a describe's answer (``state``: a :class:`~layout_studio.push.describe.TaskState`, text or JSON by
    ``args.format``, on stdout; the error on stderr; a dry run's request). Returns the exit code."""
    import json

    warn_settings(pusher)
    if outcome.status == "dry-run":
        return report_outcome(outcome, verb="")
    if state is None:
        print(f"layout-studio: error: {outcome.error}", file=sys.stderr)
        return 1
    print(json.dumps(state.to_dict(), indent=2, ensure_ascii=False) if args.format == "json" else state.render())
    return 0
