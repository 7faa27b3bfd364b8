"""``layout-studio render FILE -o OUT.png [--users N] [--absent USER]... [--source USER=PATH]... [--overlay | --clean]
[--scale F] [--offline] [--refresh] [--canvas WxH]``: draw the preview of a preset or request body to a PNG, JPEG or
WebP file, the format OUT's extension names (written atomically; any other extension is refused before drawing).

The renderer's findings (images that could not be fetched, missing glyphs, a dynamic layout's simulated geometry)
go to stderr, one line each, and so do the validator's errors; the image is written anyway. ``--clean`` draws the
frame alone (no "simulated" badge, no markers on moving watermarks), for sharing with the people who design the show.
Exit 0; 1 when the design has errors (the validator's, or an undocumented MixLayoutMode: the image shows what is
drawn instead); 2 for unreadable input or a bad option (``--clean`` with ``--overlay``).

The image is written by :func:`layout_studio.atomic.atomic_write_image`: a regular file is replaced atomically
(through a symlink, its target is), an existing pipe or device (``-o /dev/null``) is written into.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from ..errors import LayoutStudioError
from .command import Args, argument, command, option, options
from .paramtypes import CANVAS

#: ``--canvas WxH`` of render and sei.
CANVAS_OPTION = option(
    "--canvas",
    type=CANVAS,
    metavar="WxH",
    help="canvas size in pixels for an update body without VideoEncode, e.g. 1280x720",
)


def room_options(*, absent_help: str) -> Callable[[Any], Any]:
    """``--users N`` and ``--absent USER`` (repeatable): the simulated room of render and sei."""
    return options(
        option(
            "--users",
            type=click.IntRange(min=0),
            metavar="N",
            help="users in the room (default: every named user and one per unnamed region; 4 for dynamic layouts)",
        ),
        option("--absent", multiple=True, metavar="USER", help=absent_help),
    )


@command(
    "render",
    summary="draw the preview of a design to a PNG (or JPEG, WebP)",
    description="Draw what the MCU would output for a preset or request body, to a PNG, JPEG or WebP file (the "
    "output's extension: .png, .jpg, .jpeg, .webp). "
    "Built-in test cards stand in for users' video unless --source gives an image.",
)
@argument("file", metavar="FILE", help="preset or request body (JSON)")
@option("-o", "--output", required=True, metavar="OUT.png", help="image to write: .png, .jpg/.jpeg or .webp")
@room_options(absent_help="a user without video: its placeholder is shown (repeat)")
@option(
    "--source",
    multiple=True,
    metavar="USER=PATH",
    help="an image (path or URL) to show as USER's video, or card:camera|phone|screen (repeat)",
)
@option("--overlay", is_flag=True, help="draw outlines, ZOrder, a grid and the validator's findings")
@option(
    "--clean",
    is_flag=True,
    help="the frame alone: no 'simulated' badge, no markers on moving watermarks (not with --overlay)",
)
@option("--scale", type=float, default=1.0, metavar="F", help="output size factor (0.05..4, default 1)")
@option("--offline", is_flag=True, help="use cached images only; fetch nothing")
@option(
    "--refresh",
    is_flag=True,
    help="ask the servers of cached images now whether they changed (otherwise after 5 minutes)",
)
@CANVAS_OPTION
def render(args: Args) -> int:
    """Render and write the PNG; findings on stderr."""
    from ..atomic import atomic_write_image, image_format
    from ..documents import load
    from ..render import Renderer

    if args.clean and args.overlay:
        raise click.UsageError(
            "--clean draws the frame alone: it cannot be combined with --overlay",
            ctx=click.get_current_context(silent=True),
        )
    if not (0.05 <= args.scale <= 4):
        raise LayoutStudioError(f"--scale {args.scale:g}: use a factor between 0.05 and 4")
    sources = parse_sources(args.source)
    document = load(args.file)  # a value of the wrong type is bad input (exit 2), not dropped from the drawing
    refuse_overwriting_input(Path(args.output), Path(args.file))
    image_format(args.output)  # an extension it cannot write is refused before anything is drawn
    result = Renderer().render(
        document,
        users=args.users,
        absent=list(args.absent),
        sources=sources,
        overlay=args.overlay,
        clean=args.clean,
        scale=args.scale,
        offline=args.offline,
        refresh=args.refresh,
        canvas=args.canvas,
    )
    for f in result.findings:
        print(f"{args.file}: {f}", file=sys.stderr)
    errors = design_errors(document, args.file, canvas=args.canvas, shown=result.findings)
    out = Path(args.output)
    atomic_write_image(out, result.image)
    print(f"wrote {out} ({result.image.width}x{result.image.height})", file=sys.stderr)
    if errors:
        print(
            f"{args.file}: the design has errors (the API would refuse it); the preview draws it anyway",
            file=sys.stderr,
        )
        return 1
    return 0


def design_errors(document: Any, name: str, *, canvas: tuple[int, int] | None, shown: Iterable[Any] = ()) -> list[Any]:
    """The errors of ``document``: the validator's (as ``layout-studio validate FILE`` finds them), each printed on
    stderr unless one with its code and path is among the findings already ``shown``, and the errors among those.
    render and sei exit 1 when there are any (README: exit codes)."""
    from ..findings import Severity
    from ..validation import validate

    shown = list(shown)
    seen = {(f.code, f.path) for f in shown}
    errors = [f for f in shown if f.severity is Severity.ERROR]
    for f in validate(document, canvas=canvas):
        if f.severity is Severity.ERROR and (f.code, f.path) not in seen:
            print(f"{name}: {f}", file=sys.stderr)
            errors.append(f)
    return errors


def register(group: click.Group) -> None:
    """Add the ``render`` command."""
    group.add_command(render)


def parse_sources(items: Iterable[str]) -> dict[str, str]:
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


def refuse_overwriting_input(out: Path, source: Path, *, what: str = "PNG", example: str | None = None) -> None:
    """LayoutStudioError when ``out`` is the input file itself (a completion slip would replace the preset); the
    message asks for another name for the ``what`` written, e.g. ``example`` (default: the input's name as .png)."""
    try:
        same = out.exists() and os.path.samefile(out, source)
    except OSError:
        same = False
    if same:
        name = example or source.with_suffix(".png").name
        raise LayoutStudioError(f"{out}: is the input file {source}; give the {what} another name, e.g. -o {name}")
