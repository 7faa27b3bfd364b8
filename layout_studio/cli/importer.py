"""``layout-studio import REQUEST.json -o PRESET.json``: turn a request body into a preset, without its secrets.

Reads a StartPublishCdnStream or UpdatePublishCdnStream body, or a CreateCloudRecording / ModifyCloudRecording or
StartMCUMixTranscode(ByStrRoomId) body (:func:`layout_studio.importer.import_body`), writes the preset atomically
(:func:`layout_studio.presets.save_preset`), says on stderr which secrets and task fields were left out and how to
pass them back, what of a recording or legacy body the preset cannot hold, and lists the preset's findings. Exit 0
when the preset was written (even with error findings: fix them in the preset), 2 for unreadable input, an
existing output without ``--force``, or an output that is the input itself (even with ``--force``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..secrets import URL_SECRET_PARAMS
from .command import Args, argument, command, option


@command(
    "import",
    summary="turn a request body (mixing, cloud recording or legacy MCU API) into a preset (secrets stripped)",
    description="Import a request body (JSON, as in the API examples) as a preset file: StartPublishCdnStream, "
    "UpdatePublishCdnStream, CreateCloudRecording, ModifyCloudRecording, StartMCUMixTranscode(ByStrRoomId). UserSig, "
    "SecretKey, PrivateMapKey and a CDN URL's signature (txSecret, wsSecret, auth_key, sign) are not written; the "
    "command says which were left out.",
)
@argument("request", metavar="REQUEST.json", help="request body to import")
@option("-o", "--output", metavar="PRESET.json", required=True, help="preset file to write")
@option("--name", help="Name of the preset (default: from the output file name)")
@option("--force", is_flag=True, help="replace PRESET.json if it exists")
def import_command(args: Args) -> int:
    """Import, save, report; returns the exit code."""
    from ..errors import LayoutStudioError
    from ..findings import count_line
    from ..importer import import_body
    from ..jsonfile import read_json
    from ..presets import save_preset
    from ..validation import validate
    from .render import refuse_overwriting_input
    from .schema import require_directory
    from .validate import format_finding

    if os.path.isdir(args.output):
        raise LayoutStudioError(f"{args.output}: is a directory; give a file name, e.g. -o {args.output}/preset.json")
    source = Path(args.request)
    refuse_overwriting_input(Path(args.output), source, what="preset", example=f"{source.stem}.preset.json")
    if os.path.exists(args.output) and not args.force:
        raise LayoutStudioError(f"{args.output} exists; pass --force to replace it")
    require_directory(args.output)
    raw = read_json(args.request)
    try:
        (args.name or "").encode("utf-8")
    except UnicodeEncodeError:
        raise LayoutStudioError(
            "--name is not UTF-8 text (bytes a non-UTF-8 terminal passed on); write it in UTF-8"
        ) from None
    stem = os.fsencode(os.path.splitext(os.path.basename(args.output))[0]).decode("utf-8", "replace")
    name = args.name or stem.replace("-", " ").replace("_", " ")
    try:
        imported = import_body(raw, name=name)
    except LayoutStudioError as err:
        raise LayoutStudioError(f"{args.request}: {err}") from None
    preset, stripped = imported.preset, imported.secrets
    stripped += save_preset(preset, args.output)
    print(f"wrote {args.output}", file=sys.stderr)
    if stripped:
        print("left out secrets (never written to a preset): " + ", ".join(stripped), file=sys.stderr)
        if imported.action.endswith("PublishCdnStream"):
            hint = "pass them when you build the body: layout-studio payload PRESET " + _passback_options(stripped)
        else:
            hint = f"give them where the {imported.action} body is sent (they are never exported either)"
        print(f"  {hint}", file=sys.stderr)
    task_keys = imported.left_out
    if task_keys and imported.action.endswith("PublishCdnStream"):
        print(
            f"left out {' and '.join(task_keys)} (they belong to one running task): "
            "give them to `layout-studio payload PRESET --action update --task-id T [--sequence N]`",
            file=sys.stderr,
        )
    elif task_keys:
        print(
            f"left out {', '.join(task_keys)} (they belong to the {imported.action} task, not to the design): "
            "give them when you export or start it again",
            file=sys.stderr,
        )
    if imported.findings:
        print(f"{args.request}: what the {imported.action} body gives that a preset cannot hold:", file=sys.stderr)
        for finding in imported.findings:
            print(format_finding(finding), file=sys.stderr)
    findings = validate(preset)
    if findings:
        print(f"{args.output}: {count_line(findings)}", file=sys.stderr)
        for finding in findings:
            print(format_finding(finding), file=sys.stderr)
    return 0


def register(group: click.Group) -> None:
    """Add the ``import`` command."""
    group.add_command(import_command)


#: Stripped path suffix -> the payload option (and environment variable) that gives the secret back.
_PASSBACK = (
    ("AgentParams.UserSig", "--agent-usersig ... (or TRTC_AGENT_USERSIG)"),
    (".UserSig", "--feedback-usersig ... (or TRTC_FEEDBACK_USERSIG)"),
    *((f"({name})", "--cdn-url URL-with-its-signature") for name in URL_SECRET_PARAMS),
    ("CloudStorage.SecretKey", "--storage-secret-key ... (or TRTC_STORAGE_SECRET_KEY)"),
    ("PrivateMapKey", "the PrivateMapKey where the body is sent"),
)


def _passback_options(stripped: list[str]) -> str:
    """The payload options for the secrets at ``stripped`` paths, each once, in a fixed order."""
    wanted = []
    for path in stripped:
        option = next((opt for suffix, opt in _PASSBACK if path.lower().endswith(suffix.lower())), None)
        if option is not None and option not in wanted:
            wanted.append(option)
    return ", ".join(sorted(wanted, key=[opt for _, opt in _PASSBACK].index)) or "(see --help for the options)"
