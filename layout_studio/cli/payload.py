"""``layout-studio payload PRESET --action start|update [--task-id T] [--sequence N] [target options]``.

Builds the StartPublishCdnStream or UpdatePublishCdnStream body from a preset and the target options
(:func:`layout_studio.payload.build_request`), validates it, and prints it as JSON on stdout; findings and messages
go to stderr. A body with error findings is not printed (exit 1). An update without ``--sequence`` uses the current
Unix time in milliseconds as its SequenceNumber (it must grow with every update of a task) and says so.
Secrets (UserSig, the storage SecretKey) are put in the body only when given; when stdout is a terminal they are
shown as ``***`` — redirect or pipe stdout to get the real body (the one output of the command line that carries
secrets, because the user asked for it: :func:`layout_studio.redaction.unredacted`).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from .. import redaction
from .command import Args, argument, command, option, options
from .paramtypes import NATURAL, SDK_APP_ID, TASK_ID

if TYPE_CHECKING:
    from ..model import Preset

#: Request fields -> the options that set them (for the hint after errors).
_TARGET_FLAGS = {
    "SdkAppId": "--sdk-app-id",
    "RoomId": "--room-id",
    "RoomIdType": "--room-id-type",
    "AgentParams": "--agent-user-id/--agent-usersig/--max-idle-time",
    "PublishCdnParams": "--cdn-url",
    "FeedBackRoomParams": "--feedback-room/--feedback-usersig",
    "TaskId": "--task-id",
    "SequenceNumber": "--sequence",
    "WithTranscoding": "--with-transcoding",
}


#: Section of ``--help`` for the options that override the preset's Target.
TARGET = "target (override the preset's Target)"


def room_target_options() -> Callable[[Any], Any]:
    """--room-id, --room-id-type, --agent-user-id, --max-idle-time under :data:`TARGET` (payload and start)."""
    return options(
        option("--room-id", metavar="ROOM", section=TARGET, help="RoomId of the main room"),
        option("--room-id-type", type=click.Choice([0, 1]), section=TARGET, help="RoomIdType: 0 integer, 1 string"),
        option("--agent-user-id", metavar="USER", section=TARGET, help="AgentParams.UserId of the robot"),
        option(
            "--max-idle-time", type=int, metavar="SECONDS", section=TARGET, help="AgentParams.MaxIdleTime (5..86400)"
        ),
    )


@command(
    "payload",
    summary="print the StartPublishCdnStream/UpdatePublishCdnStream body for a preset",
    description="Build the request body for a preset and print it as JSON on stdout (findings on stderr). "
    "Target options override the preset's Target. Exit 0: printed; 1: the body has errors (not printed); "
    "2: bad input.",
)
@argument("preset", metavar="PRESET", help="preset file (JSON)")
@option(
    "--action",
    type=click.Choice(["start", "update"]),
    required=True,
    help="start: StartPublishCdnStream body; update: UpdatePublishCdnStream body",
)
@option(
    "--task-id",
    metavar="T",
    type=TASK_ID,
    section="update",
    help="TaskId of the running task (required for --action update)",
)
@option(
    "--sequence", type=NATURAL, metavar="N", section="update", help="SequenceNumber (default: current Unix time in ms)"
)
@option("--sdk-app-id", type=SDK_APP_ID, metavar="ID", section=TARGET, help="SdkAppId")
@room_target_options()
@option(
    "--agent-usersig",
    metavar="SIG",
    section=TARGET,
    help="AgentParams.UserSig (default: env TRTC_AGENT_USERSIG; start only)",
)
@option(
    "--cdn-url",
    multiple=True,
    metavar="URL",
    section=TARGET,
    help="PublishCdnUrl (rtmp://...), repeatable; replaces the Target's PublishCdnParams",
)
@option(
    "--third-party-cdn",
    is_flag=True,
    section=TARGET,
    help="IsTencentCdn 0 for the --cdn-url destinations (default 1: Tencent CDN)",
)
@option(
    "--feedback-room",
    multiple=True,
    metavar="ROOM:USER",
    section=TARGET,
    help="FeedBackRoomParams entry (RoomId:UserId), repeatable; replaces the Target's",
)
@option(
    "--feedback-usersig",
    metavar="SIG",
    section=TARGET,
    help="UserSig for every feedback room (default: env TRTC_FEEDBACK_USERSIG)",
)
@option(
    "--storage-secret-key",
    metavar="KEY",
    section=TARGET,
    help="SecretKey of RecordParams' CloudStorage (default: env TRTC_STORAGE_SECRET_KEY; start only)",
)
@option(
    "--with-transcoding/--no-with-transcoding",
    default=None,
    section=TARGET,
    help="WithTranscoding 1 (mix) or, with --no-with-transcoding, 0 (relay one stream)",
)
def payload(args: Args) -> int:
    """Build, check and print the body; returns 0, 1 or 2."""
    from ..errors import LayoutStudioError
    from ..findings import count_line, errors_in, has_errors
    from ..payload import build_request, check_request
    from ..presets import load_preset
    from ..redaction import unredacted
    from ..secrets import mask_secrets, secret_values
    from .validate import format_finding, utf8_stdout

    preset = load_preset(args.preset)
    opts = target_options(args, preset)
    if args.action == "update":
        if not args.task_id:
            raise LayoutStudioError("--action update needs --task-id T (the TaskId StartPublishCdnStream returned)")
        sequence = args.sequence
        if sequence is None:
            sequence = int(time.time() * 1000)
            print(
                f"SequenceNumber {sequence}: the current Unix time in ms (pass --sequence N to choose; it must "
                "grow with every update of the task)",
                file=sys.stderr,
            )
        opts.update(task_id=args.task_id, sequence_number=sequence)
    elif args.task_id is not None or args.sequence is not None:
        raise LayoutStudioError("--task-id and --sequence only apply to --action update")

    body = build_request(preset, args.action, check=False, **opts)
    findings = check_request(body, args.action, canvas=preset.canvas)
    for finding in findings:
        print(format_finding(finding), file=sys.stderr)
    if has_errors(findings):
        print(
            f"{args.preset}: {count_line(findings)}; the body was not printed — fix the errors first", file=sys.stderr
        )
        missing = sorted({flag for f in errors_in(findings) if (flag := _flag_for(f.path))})
        if missing:
            print(
                f"  target options for these fields: {', '.join(missing)} (or set them in the preset's Target)",
                file=sys.stderr,
            )
        return 1
    text = json.dumps(body, indent=2, ensure_ascii=not utf8_stdout()) + "\n"
    if secret_values(body) and sys.stdout.isatty():
        sys.stdout.write(json.dumps(mask_secrets(body), indent=2, ensure_ascii=not utf8_stdout()) + "\n")
        print("secrets shown as *** on a terminal; redirect or pipe stdout to get the body to send", file=sys.stderr)
        return 0
    with unredacted():  # to a pipe or a file, as asked: the body to send, with its secrets
        sys.stdout.write(text)
    return 0


def register(group: click.Group) -> None:
    """Add the ``payload`` command."""
    group.add_command(payload)


def target_options(args: Args, preset: Preset) -> dict[str, Any]:
    """The build_request keyword arguments the command-line options ask for (None = not given)."""
    opts: dict[str, Any] = {
        "sdk_app_id": args.sdk_app_id,
        "room_id": args.room_id,
        "room_id_type": args.room_id_type,
    }
    agent = {}
    if args.agent_user_id is not None:
        agent["UserId"] = args.agent_user_id
    if args.max_idle_time is not None:
        agent["MaxIdleTime"] = args.max_idle_time
    opts["agent_params"] = agent or None
    if args.with_transcoding is not None:
        opts["with_transcoding"] = 1 if args.with_transcoding else 0
    if args.third_party_cdn and not args.cdn_url:
        from ..errors import LayoutStudioError

        raise LayoutStudioError(
            "--third-party-cdn sets IsTencentCdn 0 on the --cdn-url destinations; give "
            "--cdn-url rtmp://... too (or set IsTencentCdn in the preset's Target)"
        )
    if args.cdn_url:
        tencent = 0 if args.third_party_cdn else 1
        opts["publish_cdn_params"] = [{"PublishCdnUrl": url, "IsTencentCdn": tencent} for url in args.cdn_url]
    if args.feedback_room:
        opts["feed_back_room_params"] = [_feedback_room(spec, args, preset) for spec in args.feedback_room]
    for key, given, env in (
        ("user_sig", args.agent_usersig, "TRTC_AGENT_USERSIG"),
        ("storage_secret_key", args.storage_secret_key, "TRTC_STORAGE_SECRET_KEY"),
    ):
        if args.action == "start":  # start-only secrets: the environment too; an update refuses them when given
            opts[key] = given or _from_environment(env)
        elif given:
            opts[key] = given
    opts["feedback_user_sig"] = args.feedback_usersig or _from_environment("TRTC_FEEDBACK_USERSIG")
    redaction.register(args.agent_usersig, args.storage_secret_key, args.feedback_usersig, opts.get("user_sig"))
    redaction.register_body(opts.get("publish_cdn_params"))  # the txSecret of each --cdn-url
    return opts


def _from_environment(name: str) -> str | None:
    """The secret in the environment variable ``name`` (None when unset or empty); one with a line break or
    surrounding whitespace is refused naming the variable, never the value."""
    from ..push.credentials import check_credential_text

    value = os.environ.get(name) or None
    if value is not None:
        redaction.register(value)
        check_credential_text(value, "value", name)
    return value


def _flag_for(path: str) -> str | None:
    """The option that sets the field at ``path`` (its root field, or the storage SecretKey), or None."""
    if path.endswith("CloudStorage.SecretKey"):
        return "--storage-secret-key"
    return _TARGET_FLAGS.get(path.split(".")[0].split("[")[0])


def _feedback_room(spec: str, args: Args, preset: Preset) -> dict[str, Any]:
    from ..errors import LayoutStudioError

    room, sep, user = spec.partition(":")
    if not sep or not room or not user:
        raise LayoutStudioError(f"--feedback-room {spec!r}: write ROOM:USER, e.g. 630777:mix_back_1")
    room_type = args.room_id_type
    if room_type is None and preset.target is not None:
        room_type = preset.target.room_id_type
    if room_type is None:
        room_type = 0 if room.isdigit() else 1
    return {"RoomId": room, "RoomIdType": room_type, "UserId": user}
