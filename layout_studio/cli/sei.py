"""``layout-studio sei PRESET [--users N] [--absent USER]... [--canvas WxH] [--format payload|json]``: print the
LayoutVolume SEI JSON the MCU would send for a design (see :mod:`layout_studio.sei`).

``--format payload`` (the default) prints the SEI object exactly in its documented shape; ``--format json`` prints
``{"SEI": {...}, "Simulated": true|false, "Findings": [...]}`` for scripts (:func:`layout_studio.sei.sei_report`).
Notes go to stderr, one line each, in both formats: a dynamic layout's simulated geometry, a missing canvas, an
``--absent`` user no region shows, and a design that sends no layout SEI. Exit 0; 2 when the file cannot be read.
"""

from __future__ import annotations

import json
import sys

import click

from .command import Args, argument, command, option
from .render import CANVAS_OPTION, room_options


@command(
    "sei",
    summary="print the LayoutVolume SEI JSON a design produces",
    description="Print the LayoutVolume SEI JSON (app_data, canvas, regions, ver, ts) the MCU "
    "would fill for a preset or request body. volume is simulated as 0, and so is the geometry of a dynamic "
    'layout (said on stderr, and as "Simulated": true with --format json).',
)
@argument("file", metavar="PRESET", help="preset or request body (JSON)")
@room_options(absent_help="a user without video (repeat)")
@CANVAS_OPTION
@option(
    "--format",
    type=click.Choice(["payload", "json"]),
    default="payload",
    help="payload: the SEI object as the MCU sends it (default); json: {SEI, Simulated, Findings}",
)
def sei(args: Args) -> int:
    """Print the SEI JSON on stdout; notes on stderr."""
    from ..findings import Finding, Severity
    from ..jsonfile import read_json
    from ..sei import sei_report, sends_layout_sei

    raw = read_json(args.file)
    report = sei_report(raw, users=args.users, absent=list(args.absent), canvas=args.canvas)
    for f in report["Findings"]:
        note = Finding(f["code"], Severity(f["severity"]), f["path"], f["message"], f["source"])
        print(f"{args.file}: {note}", file=sys.stderr)
    if not sends_layout_sei(raw):
        print(
            f"{args.file}: note: SeiParams.LayoutVolume is not set, so the MCU sends no layout SEI; "
            "this is what it would send",
            file=sys.stderr,
        )
    out = report if args.format == "json" else report["SEI"]
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def register(group: click.Group) -> None:
    """Add the ``sei`` command."""
    group.add_command(sei)
