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
    """Run the studio; a preset that cannot be loaded raises LoadError (one line, exit 2)."""
    from ..tui import run

    return run(args.preset)


def register(group: click.Group) -> None:
    """Add the ``edit`` command."""
    group.add_command(edit)
