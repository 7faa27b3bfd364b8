"""The ``layout-studio`` command: a thin argparse dispatcher over the subcommand modules of this package.

Each module ``layout_studio/cli/<name>.py`` defines ``register(subparsers)`` which adds its subcommand(s) and sets
``func(args) -> int`` as the handler. Modules import heavy dependencies (Pillow, Textual, the Tencent SDK) inside
their handlers, so ``layout-studio --help`` stays fast. Exit codes: 0 success, 1 findings with errors or a failed
API call, 2 bad usage or unreadable input, 130 interrupted. A :class:`~layout_studio.errors.LayoutStudioError`
becomes one line on stderr, never a traceback; text stdout/stderr cannot encode (Chinese on a cp1252 console) is
written as backslash escapes, never a UnicodeEncodeError.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from ..errors import LayoutStudioError

PROG = "layout-studio"

#: What a TaskId looks like in the hints (the manual's examples start with '-', which argparse reads as an option).
EXAMPLE_TASK_ID = "-m97l2ZU..."


class Parser(argparse.ArgumentParser):
    """argparse, with one more sentence on the errors a value starting with '-' causes (real TaskIds often do:
    argparse takes ``-m97l2ZU...`` for an option). Every subcommand parser is of this class."""

    def error(self, message: str):  # type: ignore[override]
        """Print usage and ``message`` plus the hint, exit 2 (as argparse does)."""
        option, expected, _ = message.partition(": expected one argument")
        if expected and option.startswith("argument --"):
            name = option.removeprefix("argument ").split("/")[0]
            message += f"; if the value starts with '-', write {name}=VALUE"
            if name == "--task-id":
                message += f" (e.g. --task-id={EXAMPLE_TASK_ID})"
        elif message.startswith("the following arguments are required") and self._wants_task_id(message):
            message += (
                f"; if the TaskId starts with '-', put it after --: {self.prog} -- {EXAMPLE_TASK_ID} "
                "[options before the --]"
            )
        elif message.startswith("unrecognized arguments: -"):
            message += (
                f"; a value that starts with '-' (such as a TaskId {EXAMPLE_TASK_ID}) goes after --, "
                "or as --option=VALUE"
            )
        super().error(message)

    def _wants_task_id(self, message: str) -> bool:
        """True when a missing positional argument of this parser is a TaskId (metavar ``T``)."""
        missing = message.partition(":")[2].replace(",", " ").split()
        return any(a.metavar == "T" and not a.option_strings and a.metavar in missing for a in self._actions)


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every subcommand module of this package registered (in name order)."""
    parser = Parser(
        prog=PROG,
        description="Design, check, preview and apply TRTC cloud-mixing (MCU) layouts. "
        "With no command, opens the studio.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


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


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    tolerant_streams()  # every command: a finding or a preset Name may hold text the console cannot encode
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv:
        argv = ["edit"]
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(args) or 0)
    except LayoutStudioError as err:
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
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
