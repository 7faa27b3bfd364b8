"""``layout-studio edit [PRESET]``: open the studio (also what ``layout-studio`` with no command does)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers) -> None:
    """Add the ``edit`` subcommand."""
    p = subparsers.add_parser(
        "edit",
        help="open the studio (terminal editor) on a preset or a new design",
        description="Design a mix interactively in the terminal. Press ctrl+p for every "
        "command; ctrl+q quits (asking when there are unsaved changes).",
    )
    p.add_argument("preset", nargs="?", type=Path, help="preset file to open (default: a new design)")
    p.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    """Run the studio; a preset that cannot be loaded raises LoadError (one line, exit 2)."""
    from ..tui import run

    return run(args.preset)
