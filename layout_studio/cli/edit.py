"""``layout-studio edit [PRESET]``: open the studio (also what ``layout-studio`` with no command does).

The studio needs a terminal: keys come from stdin, and the screen is drawn on the terminal. When stdin, stdout or
stderr is not one (a script, a pipe, cron), ``edit`` is bad usage (exit 2) instead of an app waiting for keys that
never come; ``layout-studio`` with no command then prints the usage of every command (:func:`needs_terminal`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .command import Args, argument, command


@command(
    "edit",
    summary="open the studio (terminal editor) on a preset or a new design",
    description="Design a mix interactively in the terminal. Press ctrl+p for every "
    "command; ctrl+q quits (asking when there are unsaved changes). A PRESET that does not exist yet opens a new "
    "design that ctrl+s saves there. Needs a terminal (stdin, stdout and stderr).",
)
@argument(
    "preset",
    metavar="[PRESET]",
    required=False,
    type=click.Path(path_type=Path),
    help="preset file to open (default: a new design)",
)
def edit(args: Args) -> int:
    """Run the studio; a preset that cannot be loaded raises LoadError (one line, exit 2), and so does a new file
    in a folder that does not exist; no terminal raises click.UsageError (exit 2). The studio draws the terminal
    itself (its push screen redacts what it shows), so its streams are not redacted line by line."""
    problem = needs_terminal()
    if problem:
        raise click.UsageError(problem)
    from ..redaction import unredacted
    from ..tui import run

    with unredacted():
        return run(args.preset)


def needs_terminal() -> str | None:
    """Why the studio cannot run here (stdin, stdout or stderr is not a terminal), or None when it can. The
    process's own streams are asked (``sys.__stdin__``, …), which Textual reads and draws on, not the wrappers a
    command writes through."""
    streams = {"stdin": sys.__stdin__, "stdout": sys.__stdout__, "stderr": sys.__stderr__}
    missing = [name for name, stream in streams.items() if not _is_terminal(stream)]
    if not missing:
        return None
    names = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    return (
        f"the studio needs a terminal, and {names} {'is not one' if len(missing) == 1 else 'are not terminals'} "
        "(in scripts: validate, render, payload, push)"
    )


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except (OSError, ValueError):  # a closed stream
        return False


def register(group: click.Group) -> None:
    """Add the ``edit`` command."""
    group.add_command(edit)
