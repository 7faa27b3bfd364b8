"""The ``layout-studio`` command: a click group over the command modules of this package.

Why click (decision): TRTC TaskIds often start with ``-`` (``-m97l2ZU...``, as in the API's own examples). argparse
decides from the text alone whether a word is an option, so with it ``--task-id -m97l2ZU...`` is "expected one argument"
and the TaskId must be written ``--task-id=VALUE``, short of re-implementing its parser. click gives an option the next
word as its value, whatever it starts with, and lets a command look at its arguments before they are parsed, which a
positional TaskId (``history T``, ``rollback T``) needs (:mod:`layout_studio.cli.command`). click is small, pure Python,
widely used and well kept, and brings no other dependency; docopt and typer were not chosen (docopt is unmaintained;
typer is click plus type-hint magic and more dependencies).

Each module ``layout_studio/cli/<name>.py`` that defines ``register(group)`` adds its command(s) (modules without it
are shared helpers). Modules import heavy dependencies (Pillow, Textual, rich, the Tencent SDK, requests) inside their
handlers, so ``layout-studio --help`` stays fast. ``layout-studio`` with no command opens the studio.

Exit codes: 0 success, 1 findings with errors or a failed API call, 2 bad usage or unreadable input, 130
interrupted; ``layout-studio`` with no command where the studio cannot run (no terminal) prints the usage and exits
2. A :class:`~layout_studio.errors.LayoutStudioError` becomes one line on stderr, never a traceback; text
stdout/stderr cannot encode (Chinese on a cp1252 console) is written as backslash escapes, never a
UnicodeEncodeError. Each command runs with a secret registry of its own, and everything it writes to stdout and
stderr is redacted with it (:mod:`layout_studio.redaction`).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from .. import __version__, redaction
from ..errors import LayoutStudioError

PROG = "layout-studio"


def build_cli() -> click.Group:
    """The ``layout-studio`` group, with every command module of this package registered (in name order)."""

    @click.group(
        PROG,
        help="Design, check, preview and apply TRTC cloud-mixing (MCU) layouts. With no command, opens the studio.",
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120},
    )
    @click.version_option(__version__, "--version", prog_name=PROG, message="%(prog)s %(version)s")
    def group() -> None:
        """The commands' common parent: options before the command (``--version``, ``--help``)."""

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(group)
    return group


def tolerant_streams() -> None:
    """Write what stdout/stderr's encoding lacks (Chinese text on a cp1252 console) as backslash escapes instead of
    failing with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "strict") == "strict":
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def show_usage_error(err: click.UsageError) -> None:
    """The usage line, where to find help, and ``COMMAND: error: MESSAGE`` on stderr (as argparse wrote it)."""
    ctx = err.ctx
    if ctx is not None:
        print(ctx.get_usage(), file=sys.stderr)
        print(f"Try '{ctx.command_path} --help' for help.", file=sys.stderr)
    where = ctx.command_path if ctx is not None else PROG
    print(f"{where}: error: {err.format_message()}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit code (also for ``--help``,
    ``--version`` and bad usage: nothing here calls ``sys.exit``). The command runs with a secret registry of its
    own, its stdout and stderr redacted (:mod:`layout_studio.redaction`)."""
    tolerant_streams()  # every command: a finding or a preset Name may hold text the console cannot encode
    argv = list(sys.argv[1:] if argv is None else argv)
    with redaction.scope(), redaction.redacted_streams():
        try:
            return _run(argv)
        except Exception as err:  # a bug: Python shows it after this registry is gone, so redact it now
            redaction.redact_exception(err)
            raise


def _run(argv: list[str]) -> int:
    """Run the command of ``argv``; returns its exit code (see :func:`main`)."""
    group = build_cli()
    if not argv:
        from .edit import needs_terminal

        problem = needs_terminal()
        if problem:  # no command for a script: the usage of every command, not a studio nobody can see
            print(group.get_help(click.Context(group, info_name=PROG)), file=sys.stderr)
            print(f"{PROG}: error: no command given, and {problem}", file=sys.stderr)
            return 2
        argv = ["edit"]
    try:
        with group.make_context(PROG, argv) as ctx:
            return int(group.invoke(ctx) or 0)
    except click.exceptions.Exit as done:  # --help, --version
        return done.exit_code
    except click.UsageError as err:
        show_usage_error(err)
        return err.exit_code
    except click.ClickException as err:
        print(f"{PROG}: error: {err.format_message()}", file=sys.stderr)
        return err.exit_code
    except LayoutStudioError as err:
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, click.Abort):
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def run() -> None:
    """Console-script entry point. Ctrl-C while the commands are still being loaded exits 130 quietly too."""
    try:
        code = main()
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        code = 130
    sys.exit(code)
