"""``layout-studio edit [PRESET]``: open the studio (also what ``layout-studio`` with no command does)."""

from __future__ import annotations

from pathlib import Path

import click

from .command import Args, argument, command


@command(
    "edit",
    summary="open the studio (terminal editor) on a preset or a new design",
    description="Design a mix interactively in the terminal. Press ctrl+p for every "
    "command; ctrl+q quits (asking when there are unsaved changes).",
)
@argument(
    "preset",
    metavar="[PRESET]",
    required=False,
    type=click.Path(path_type=Path),
    help="preset file to open (default: a new design)",
)
def edit(args: Args) -> int:
    """Run the studio; a preset that cannot be loaded raises LoadError (one line, exit 2). The studio draws the
    terminal itself (its push screen redacts what it shows), so its streams are not redacted line by line."""
    from ..redaction import unredacted
    from ..tui import run

    with unredacted():
        return run(args.preset)


def register(group: click.Group) -> None:
    """Add the ``edit`` command."""
    group.add_command(edit)
