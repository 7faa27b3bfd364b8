"""``layout-studio sei PRESET [--users N] [--absent USER]... [--canvas WxH]``: print the LayoutVolume SEI JSON the MCU
would send for a design (see :mod:`layout_studio.sei`). Exit 0; 2 when the file cannot be read."""

from __future__ import annotations

import argparse
import json
import sys

from .validate import parse_canvas


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``sei`` subcommand."""
    p = sub.add_parser(
        "sei",
        help="print the LayoutVolume SEI JSON a design produces",
        description="Print the LayoutVolume SEI JSON (app_data, canvas, regions, ver, ts) the MCU "
        "would fill for a preset or request body. volume is simulated as 0.",
    )
    p.add_argument("file", metavar="PRESET", help="preset or request body (JSON)")
    p.add_argument(
        "--users",
        type=int,
        metavar="N",
        help="users in the room (default: every named user, and one per unnamed region; 4 for dynamic layouts)",
    )
    p.add_argument("--absent", action="append", default=[], metavar="USER", help="a user without video (repeat)")
    p.add_argument(
        "--canvas",
        type=parse_canvas,
        metavar="WxH",
        help="canvas size in pixels for an update body without VideoEncode, e.g. 1280x720",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the SEI JSON on stdout; a note on stderr when the design sends no LayoutVolume SEI."""
    from ..jsonfile import read_json
    from ..sei import canvas_findings, sei_payload, sends_layout_sei, user_findings

    if args.users is not None and args.users < 0:
        from ..errors import LayoutStudioError

        raise LayoutStudioError("--users must be 0 or more")
    raw = read_json(args.file)
    payload = sei_payload(raw, users=args.users, absent=args.absent, canvas=args.canvas)
    for f in [
        *canvas_findings(raw, args.canvas),
        *user_findings(raw, users=args.users, absent=args.absent, canvas=args.canvas),
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
