"""Command-line plumbing shared by ``plan``, ``push``, ``start``, ``stop``, ``history`` and ``rollback``.

Common options: ``--region``, ``--endpoint URL``, ``--profile NAME``, ``--sdk-app-id``, ``--journal PATH``,
``--dry-run``, ``--yes``, ``--timeout SECONDS``, ``--retries N``, ``--backoff SECONDS``, ``--rate N``.

Confirmation (decision): pushing to a live task can interrupt viewers, so ``push``, ``rollback`` and ``stop``
show what they will do and ask ``Apply? [y/N]`` when stdin is a terminal; when it is not (CI, scripts) they
refuse unless ``--yes`` is given — like ``terraform apply`` without ``-auto-approve``. ``--dry-run`` never asks
(it sends nothing); ``start`` does not ask (it interrupts nothing).

Exit codes: 0 done; 1 refused by the validator, declined, or the API call failed (any task of a batch); 2 bad
usage, unreadable input or missing settings; 130 interrupted.
"""

from __future__ import annotations

import math
import sqlite3
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TextIO

import click

from ..errors import LayoutStudioError
from ..findings import Finding, Severity
from ..redaction import register
from .command import Args, option, options

if TYPE_CHECKING:
    from ..push.operations import Pusher, PushOptions
    from ..push.sender import Outcome

#: Section of ``--help`` the connection, journal and safety options are listed under.
CONNECTION = "connection"


def common_options(*, confirm: bool = True) -> Callable[[Any], Any]:
    """Decorator adding the connection, journal and safety options (``--yes``/``-y`` too when ``confirm``)."""
    decorators = [
        option(
            "--region",
            type=click.Choice(["ap-guangzhou", "ap-hongkong", "ap-singapore"]),
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
            type=int,
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
            type=int,
            default=3,
            metavar="N",
            section=CONNECTION,
            help="retries after connection errors, 5xx, timeouts, RequestLimitExceeded (default 3)",
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
    parse_endpoint(args.endpoint)  # bad usage before anything else (an empty value is not the default)
    return PushOptions(
        region=args.region,
        endpoint=args.endpoint,
        profile=args.profile,
        sdk_app_id=args.sdk_app_id,
        journal=args.journal,
        timeout=args.timeout,
        rate=args.rate,
        attempts=max(0, args.retries) + 1,
        backoff=max(0.0, args.backoff),
        dry_run=args.dry_run,
        **extra,
    )


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


def print_findings(findings: Iterable[Finding], secrets: Iterable[str] = (), stream: TextIO | None = None) -> None:
    """Findings one a line on stderr. Secrets are masked as in everything a command prints
    (:mod:`layout_studio.redaction`); ``secrets`` are more values to register first."""
    register(*secrets)
    stream = stream or sys.stderr
    for f in findings:
        if f.severity is not Severity.INFO or f.code.startswith("push."):
            print(str(f), file=stream)


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
    """Print one outcome (stdout on success, stderr on failure); return the exit code."""
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
        print(
            "the outcome is unknown: check the task, then push again (a new SequenceNumber is drawn) or see "
            "`layout-studio history`",
            file=sys.stderr,
        )
    return 1
