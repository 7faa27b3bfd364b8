"""``layout-studio render FILE -o OUT.png [--users N] [--absent USER]... [--source USER=PATH]... [--overlay]
[--scale F] [--offline] [--canvas WxH]``: draw the preview of a preset or request body to a PNG (written atomically).

The renderer's findings (images that could not be fetched, missing glyphs, approximations) go to stderr; the PNG
is written anyway. Exit 0; 2 for unreadable input or a bad option.

The PNG is written by :func:`layout_studio.atomic.atomic_write_png`: a regular file is replaced atomically
(through a symlink, its target is), an existing pipe or device (``-o /dev/null``) is written into.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import LayoutStudioError
from .validate import parse_canvas


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``render`` subcommand."""
    p = sub.add_parser(
        "render",
        help="draw the preview of a design to a PNG",
        description="Draw what the MCU would output for a preset or request body, to a PNG. "
        "Built-in test cards stand in for users' video unless --source gives an image.",
    )
    p.add_argument("file", metavar="FILE", help="preset or request body (JSON)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.png", help="PNG file to write")
    p.add_argument(
        "--users",
        type=int,
        metavar="N",
        help="users in the room (default: every named user and one per unnamed region; 4 for dynamic layouts)",
    )
    p.add_argument(
        "--absent",
        action="append",
        default=[],
        metavar="USER",
        help="a user without video: its placeholder is shown (repeat)",
    )
    p.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="USER=PATH",
        help="an image (path or URL) to show as USER's video, or card:camera|phone|screen (repeat)",
    )
    p.add_argument("--overlay", action="store_true", help="draw outlines, ZOrder, a grid and the validator's findings")
    p.add_argument("--scale", type=float, default=1.0, metavar="F", help="output size factor (0.05..4, default 1)")
    p.add_argument("--offline", action="store_true", help="use cached images only; fetch nothing")
    p.add_argument(
        "--canvas",
        type=parse_canvas,
        metavar="WxH",
        help="canvas size in pixels for an update body without VideoEncode, e.g. 1280x720",
    )
    p.set_defaults(func=run)


def parse_sources(items: list[str]) -> dict[str, str]:
    """``["alice=/x.png"]`` -> ``{"alice": "/x.png"}``; raises LayoutStudioError for an item without ``=`` or an
    unknown ``card:NAME``."""
    from ..render.cards import CARD_KINDS

    out: dict[str, str] = {}
    for item in items:
        user, sep, path = item.partition("=")
        if not sep or not user or not path:
            raise LayoutStudioError(f"--source {item!r}: expected USER=PATH (for example alice=photo.png)")
        if path.startswith("card:") and path[5:] not in CARD_KINDS:
            raise LayoutStudioError(
                f"--source {item!r}: no built-in card {path!r}; use " + ", ".join(f"card:{k}" for k in CARD_KINDS)
            )
        out[user] = path
    return out


def _refuse_overwriting_input(out: Path, source: Path) -> None:
    """LayoutStudioError when ``out`` is the input file itself (a completion slip would replace the preset)."""
    try:
        same = out.exists() and os.path.samefile(out, source)
    except OSError:
        same = False
    if same:
        raise LayoutStudioError(
            f"{out}: is the input file {source}; give the PNG another name, e.g. -o {source.with_suffix('.png').name}"
        )


def run(args: argparse.Namespace) -> int:
    """Render and write the PNG; findings on stderr."""
    from ..atomic import atomic_write_png
    from ..jsonfile import read_json
    from ..render import Renderer

    if not (0.05 <= args.scale <= 4):
        raise LayoutStudioError(f"--scale {args.scale:g}: use a factor between 0.05 and 4")
    if args.users is not None and args.users < 0:
        raise LayoutStudioError("--users must be 0 or more")
    sources = parse_sources(args.source)
    raw = read_json(args.file)
    _refuse_overwriting_input(Path(args.output), Path(args.file))
    result = Renderer().render(
        raw,
        users=args.users,
        absent=args.absent,
        sources=sources,
        overlay=args.overlay,
        scale=args.scale,
        offline=args.offline,
        canvas=args.canvas,
    )
    for f in result.findings:
        print(f"{args.file}: {f}", file=sys.stderr)
    out = Path(args.output)
    atomic_write_png(out, result.image)
    print(f"wrote {out} ({result.image.width}x{result.image.height})", file=sys.stderr)
    return 0
