"""``layout-studio sei PRESET [--users N] [--absent USER]... [--canvas WxH] [--format payload|json]``: print the
LayoutVolume SEI JSON the MCU would send for a design (see :mod:`layout_studio.sei`).

``--format payload`` (the default) prints the SEI object exactly in its documented shape; ``--format json`` prints
``{"SEI": {...}, "Simulated": true|false, "Findings": [...]}`` for scripts (:func:`layout_studio.sei.sei_report`).
Notes go to stderr, one line each, in both formats: a dynamic layout's simulated geometry, a missing canvas, an
``--absent`` user no region shows, and a design that sends no layout SEI. Exit 0; 1 when the design has errors (the
validator's, as ``validate FILE``): they go to stderr and no SEI is printed (``--format json``: ``"SEI": null`` with
the errors among the Findings), since the MCU would send none and what the preview assumes instead (a clamped canvas,
the floating template for an undocumented mode) is not the MCU's; 2 when the file cannot be read.
"""

from __future__ import annotations

import json
import sys

import click

from .command import Args, argument, command, option
from .render import CANVAS_OPTION, design_errors, room_options


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
    from ..documents import load
    from ..findings import Finding, Severity
    from ..sei import sei_report, sends_layout_sei

    document = load(args.file)  # a value of the wrong type is bad input (exit 2), not dropped from the drawing
    report = sei_report(document, users=args.users, absent=list(args.absent), canvas=args.canvas)
    notes = [
        Finding(f["code"], Severity(f["severity"]), f["path"], f["message"], f["source"]) for f in report["Findings"]
    ]
    for note in notes:
        print(f"{args.file}: {note}", file=sys.stderr)
    errors = design_errors(document, args.file, canvas=args.canvas, shown=notes)
    if errors:
        # What the SEI would say of a design the API refuses is not the MCU's (a clamped canvas, a guessed template).
        print(f"{args.file}: the design has errors, so the MCU would send no SEI; fix them first", file=sys.stderr)
        if args.format == "json":
            shown = {(f.code, f.path) for f in notes}
            extra = [f.to_dict() for f in errors if (f.code, f.path) not in shown]
            print(
                json.dumps(
                    {**report, "SEI": None, "Findings": [*extra, *report["Findings"]]}, ensure_ascii=False, indent=2
                )
            )
        return 1
    if not sends_layout_sei(document):
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
