"""``layout-studio sheet PRESET -o SHEET.png [--users LOW-HIGH] [--sources portrait|landscape|both] [--clean]
[--offline] [--canvas WxH] [--tile PX] [--columns N]``: the contact sheet — the design in every state a live room
goes through, each state a small captioned render, on one PNG, JPEG or WebP (the extension of SHEET; written
atomically; :mod:`layout_studio.sheet`).

A tile is flagged (red caption, red frame) when a region shows nothing or one flat colour, a watermark covers a
region's centre, or the shared screen is smaller than a thumbnail; each flagged tile is also a line on stderr, with
the renderer's findings. Exit 0 (flags are warnings); 2 for unreadable input or a bad option.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .command import Args, argument, command, option
from .render import CANVAS_OPTION, refuse_overwriting_input


class UserRangeType(click.ParamType[tuple[int, int]]):
    """``LOW-HIGH`` or ``N`` users, within 0..16 (:func:`layout_studio.values.parse_range`)."""

    name = "range"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> tuple[int, int]:
        from ..mix import MAX_PLACES
        from ..values import ValueFormatError, parse_range

        if isinstance(value, tuple):
            return value
        try:
            return parse_range(str(value), low=0, high=MAX_PLACES)
        except ValueFormatError as err:
            self.fail(str(err), param, ctx)


@command(
    "sheet",
    summary="draw the design in every room state on one PNG (contact sheet)",
    description="Draw a contact sheet: the design in every state a live room goes through (dynamic layouts: 1 to 16 "
    "users; custom layouts: everyone, each named user absent, an unnamed region unfilled), each a captioned tile, "
    "flagged in red when a region is empty or flat, a watermark covers a region's centre, or the shared screen is "
    "smaller than a thumbnail.",
)
@argument("file", metavar="PRESET", help="preset or request body (JSON)")
@option("-o", "--output", required=True, metavar="SHEET.png", help="image to write: .png, .jpg/.jpeg or .webp")
@option(
    "--users",
    type=UserRangeType(),
    metavar="LOW-HIGH",
    help="room sizes to show, within 0-16 (0: the empty room), e.g. 1-16 or 4 (dynamic layouts: default 1-16; "
    "custom layouts: that many users each)",
)
@option(
    "--sources",
    type=click.Choice(["landscape", "portrait", "both"]),
    help="show every camera as a landscape (16:9) or portrait (9:16) source, or both (default: by region shape)",
)
@option("--clean", is_flag=True, help="tiles without the 'simulated' badge and moving-watermark markers")
@option("--offline", is_flag=True, help="use cached images only; fetch nothing")
@option("--tile", type=click.IntRange(40, 1920), default=320, metavar="PX", help="a tile's longer side (default 320)")
@option("--columns", type=click.IntRange(min=1), metavar="N", help="tiles per row (default 4; 6 for portrait)")
@CANVAS_OPTION
def sheet(args: Args) -> int:
    """Build and write the contact sheet; findings and flagged tiles on stderr."""
    from ..atomic import atomic_write_image, image_format
    from ..documents import load
    from ..sheet import build_sheet

    document = load(args.file)  # a value of the wrong type is bad input (exit 2), not dropped from the drawing
    out = Path(args.output)
    refuse_overwriting_input(out, Path(args.file))
    image_format(out)  # an extension it cannot write is refused before the tiles are drawn
    result = build_sheet(
        document,
        users=args.users,
        sources=args.sources,
        clean=args.clean,
        offline=args.offline,
        canvas=args.canvas,
        tile=args.tile,
        columns=args.columns,
    )
    for f in result.findings:
        print(f"{args.file}: {f}", file=sys.stderr)
    for tile in result.flagged:
        print(f"{args.file}: flagged: {tile.state.caption}: {'; '.join(tile.flags)}", file=sys.stderr)
    atomic_write_image(out, result.image)
    print(
        f"wrote {out} ({result.image.width}x{result.image.height}, {len(result.tiles)} room states, "
        f"{len(result.flagged)} flagged)",
        file=sys.stderr,
    )
    return 0


def register(group: click.Group) -> None:
    """Add the ``sheet`` command."""
    group.add_command(sheet)
