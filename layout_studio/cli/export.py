"""``layout-studio export PRESET --to TARGET [-o FILE] [--users N] [--format text|json] [target options]``: the
design as another Tencent surface takes it (:mod:`layout_studio.export`).

Prints the target's JSON on stdout, or writes it to ``-o FILE`` (with the text watermarks a client target cannot draw as
PNG files next to it, all or nothing; ``-o`` is required then). The loss report and the target's own rules go to stderr
as findings (``export.<target>.<what>``, ``<target>.<what>``). ``--format json`` prints ``{"target", "body",
"findings"}`` on stdout instead (``body`` null when there are errors). Exit 0: printed or written; 1: the target's own
rules found errors, or the design holds a value no target can translate (no body printed or written); 2: bad input (an
unreadable preset, an option the target does not take).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import LayoutStudioError
from .command import Args, argument, command, option
from .paramtypes import SDK_APP_ID

#: The export targets (``layout_studio.export.TARGETS``, named here so ``--help`` needs no import).
TARGET_NAMES = ("recording", "mcu-legacy", "sdk-stream-mixing", "sdk-transcoding", "web-cdn-streaming")
TARGET = "target (override the preset's Target)"


@command(
    "export",
    summary="convert a design to cloud recording, the legacy MCU API or a client SDK config",
    description="Convert a preset to another Tencent surface: recording (CreateCloudRecording body), mcu-legacy "
    "(StartMCUMixTranscode[ByStrRoomId] body), sdk-stream-mixing (startPublishMediaStream arguments), "
    "sdk-transcoding (TRTCTranscodingConfig), web-cdn-streaming (Web SDK CDNStreaming options). What the target "
    "cannot carry is reported on stderr. Exit 0: printed; 1: the target's rules found errors (nothing printed); "
    "2: bad input.",
)
@argument("preset", metavar="PRESET", help="preset file (JSON)")
@option("--to", "target", type=click.Choice(TARGET_NAMES), required=True, help="the target surface")
@option("-o", "--output", metavar="FILE", help="write the body to FILE (text watermarks as PNG files beside it)")
@option(
    "--users",
    type=click.IntRange(min=0),
    metavar="N",
    help="users a dynamic layout is fixed for on targets without templates (client SDKs; default 4)",
)
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="output format (default text)")
@option(
    "--platform",
    type=click.Choice(["windows", "android", "ios", "web"]),
    help="client SDK shape: windows (Electron/C++ Rect, the default), android (x/y/width/height), ios (CGRect); "
    "web for web-cdn-streaming",
)
@option("--sdk-app-id", type=SDK_APP_ID, metavar="ID", section=TARGET, help="SdkAppId")
@option("--room-id", metavar="ROOM", section=TARGET, help="RoomId of the main room")
@option(
    "--room-id-type",
    type=click.Choice([0, 1]),
    section=TARGET,
    help="RoomIdType as the mixing APIs write it: 0 integer, 1 string (each target writes its own form)",
)
@option("--robot-user-id", metavar="USER", section=TARGET, help="recording: UserId of the recording robot")
@option("--stream-id", metavar="ID", section=TARGET, help="mcu-legacy, client SDKs: live stream ID of the mix")
@option(
    "--place-image-id",
    multiple=True,
    metavar="ID|URL=ID",
    section=TARGET,
    help="mcu-legacy: the console image ID of the placeholders (one for all, or per placeholder URL; repeat)",
)
def export_command(args: Args) -> int:
    """Export, report, print or write; returns 0, 1 or 2."""
    from ..export import TARGETS, export
    from ..findings import count_line, errors_in
    from ..presets import load_preset
    from .render import refuse_overwriting_input
    from .validate import format_finding, utf8_stdout

    preset = load_preset(args.preset)
    if args.output is not None:
        source = Path(args.preset)
        refuse_overwriting_input(
            Path(args.output), source, what="exported body", example=f"{source.stem}.{args.target}.json"
        )
    spec = TARGETS[args.target]
    if spec.draws_text and args.output is None and _has_text_watermarks(preset):
        raise LayoutStudioError(
            f"{args.preset} has text watermarks, which {args.target} cannot draw: give -o FILE so they are drawn "
            "to PNG files next to it"
        )
    options: dict[str, Any] = {
        "users": args.users,
        "platform": args.platform,
        "output": args.output if spec.draws_text else None,
        "sdk_app_id": args.sdk_app_id,
        "room_id": args.room_id,
        "room_id_type": args.room_id_type,
        "robot_user_id": args.robot_user_id,
        "stream_id": args.stream_id,
        "place_image_id": _place_image_ids(args.place_image_id),
    }
    result = export(preset, args.target, **{k: v for k, v in options.items() if v is not None})
    ascii_only = not utf8_stdout()
    failed = not result.ok
    written: list[Path] = []
    if args.output is not None and not failed:
        written = result.write(args.output)
    if args.fmt == "json":
        wrapper = result.to_json()
        if failed:
            wrapper["body"] = None
        sys.stdout.write(json.dumps(wrapper, indent=2, ensure_ascii=ascii_only) + "\n")
    else:
        for finding in result.findings:
            print(format_finding(finding), file=sys.stderr)
        if not failed and args.output is None:
            sys.stdout.write(json.dumps(result.body, indent=2, ensure_ascii=ascii_only) + "\n")
    if failed:
        print(
            f"{args.preset}: {count_line(result.findings)}; {len(errors_in(result.findings))} error(s) for "
            f"{args.target}, so no body was printed or written — fix the design first",
            file=sys.stderr,
        )
        return 1
    what = f"{result.action} ({args.target})" if result.action else args.target
    if written:
        print(f"wrote {', '.join(str(p) for p in written)}: {what}", file=sys.stderr)
    print(f"{args.preset}: {what}; {count_line(result.findings)}", file=sys.stderr)
    return 0


def _has_text_watermarks(preset: Any) -> bool:
    video = preset.video_params
    marks = (video.water_mark_list or []) if video is not None else []
    return any(m.eff("water_mark_type") == 1 for m in marks)


def _place_image_ids(items: tuple[str, ...]) -> int | dict[str, int] | None:
    """``--place-image-id`` values: one bare ID for every placeholder, or ``URL=ID`` pairs."""
    if not items:
        return None
    bare = [item for item in items if "=" not in item]
    pairs = [item for item in items if "=" in item]
    if bare and (pairs or len(bare) > 1):
        raise LayoutStudioError("--place-image-id: give one ID for every placeholder, or URL=ID for each")
    try:
        if bare:
            return int(bare[0])
        return {url: int(number) for url, _sep, number in (item.rpartition("=") for item in pairs)}
    except ValueError:
        raise LayoutStudioError(
            f"--place-image-id {' '.join(items)!r}: an ID is the console image's number, e.g. 1234 or "
            "https://cdn.example.com/away.png=1234"
        ) from None


def register(group: click.Group) -> None:
    """Add the ``export`` command."""
    group.add_command(export_command)
