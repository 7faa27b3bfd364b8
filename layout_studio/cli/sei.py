"""``layout-studio sei PRESET [--users N] [--absent USER]... [--canvas WxH]``: print the LayoutVolume SEI JSON the MCU
would send for a design (see :mod:`layout_studio.sei`). Exit 0; 2 when the file cannot be read."""

from __future__ import annotations

import json
import sys

import click

from .command import Args, argument, command
from .render import CANVAS_OPTION, room_options


@command(
    "sei",
    summary="print the LayoutVolume SEI JSON a design produces",
    description="Print the LayoutVolume SEI JSON (app_data, canvas, regions, ver, ts) the MCU "
    "would fill for a preset or request body. volume is simulated as 0.",
)
@argument("file", metavar="PRESET", help="preset or request body (JSON)")
@room_options(absent_help="a user without video (repeat)")
@CANVAS_OPTION
def sei(args: Args) -> int:
    """Print the SEI JSON on stdout; a note on stderr when the design sends no LayoutVolume SEI."""
    from ..jsonfile import read_json
    from ..sei import canvas_findings, sei_payload, sends_layout_sei, user_findings

    raw = read_json(args.file)
    payload = sei_payload(raw, users=args.users, absent=list(args.absent), canvas=args.canvas)
    for f in [
        *canvas_findings(raw, args.canvas),
        *user_findings(raw, users=args.users, absent=list(args.absent), canvas=args.canvas),
    ]:
        print(f"{args.file}: {f}", file=sys.stderr)
    if not sends_layout_sei(raw):
        print(
            f"{args.file}: note: SeiParams.LayoutVolume is not set, so the MCU sends no layout SEI; "
            "this is what it would send",
            file=sys.stderr,
        )
    print(json.dumps(payload, ensure_ascii=False, indent=2))
    return 0


def register(group: click.Group) -> None:
    """Add the ``sei`` command."""
    group.add_command(sei)
