"""``layout-studio schema``: print (or write) the preset file's JSON Schema (draft 2020-12)."""

from __future__ import annotations

import sys

import click

from .command import Args, command, option


@command(
    "schema",
    summary="print the preset file's JSON Schema",
    description="Print the JSON Schema (draft 2020-12) of the preset file format layout-studio/preset@1. "
    "Editors use it to complete and check presets; the bundled presets point at the packaged copy "
    "(presets/schema/preset.schema.json in a checkout).",
)
@option("-o", "--output", metavar="FILE", help="write the schema to FILE (atomically) instead of standard output")
def schema(args: Args) -> int:
    """Print or write the schema; exit 0 (2 when the file cannot be written)."""
    from ..atomic import atomic_write_text
    from ..schema import schema_json

    text = schema_json()
    if args.output:
        require_directory(args.output)
        atomic_write_text(args.output, text)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def register(group: click.Group) -> None:
    """Add the ``schema`` command."""
    group.add_command(schema)


def require_directory(path: str) -> None:
    """Raise LayoutStudioError (exit 2) naming the directory and the fix when the directory ``path`` would be
    written into does not exist or is not a directory (shared by ``schema -o`` and ``import -o``)."""
    import os

    from ..errors import LayoutStudioError

    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise LayoutStudioError(
            f"{path}: the directory {directory} does not exist; create it first "
            f"(mkdir -p {directory}) or write somewhere else"
        )
