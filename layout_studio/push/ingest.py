"""Stream ingest: media played into a room by a robot user — start (StartStreamIngest), status (DescribeStreamIngest),
update (UpdateStreamIngest) and stop (StopStreamIngest), with the guarantees of the mixing push
(:mod:`layout_studio.push.session`), and the ingest sources a preset's Target lists.

A start body (``API StartStreamIngest``) names the room with the ingest API's own RoomIdType, **0 string, 1
integer** (the reverse of the mixing APIs): :meth:`Ingester.start_body` takes the room's kind in words (``room_type``
``"int"`` or ``"string"``; default: ``int`` for a RoomId of digits) and writes the number, and a preset's source
takes its room from the Target, whose RoomIdType is the mixing APIs'. The robot's UserSig is ``usersig``, else
generated from ``TRTC_SDK_SECRET_KEY`` (``TRTC_AGENT_USERSIG`` is the mixing robot's and is not used); it is never
stored. Every body is checked by the ingest pack (:mod:`layout_studio.export.ingest_pack`) before it is sent; errors
refuse it. A start is sent at most once (an unknown outcome stays unresolved for its room and robot).

Sources of a preset (``start --with-ingest``) are checked as a whole first (:meth:`Ingester.prepare_sources`: bodies,
regions, findings, unresolved starts; a refusal sends nothing), then started in order
(:meth:`Ingester.iter_start_sources`); the first one that fails, or a Ctrl-C, stops the others (and the caller does
not start the mix). One the API answers
``FailedOperation.TaskExist`` for plays already (its robot is in the room): it counts as started, with a note.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from ..errors import LayoutStudioError
from ..findings import Finding, has_errors
from ..model import Preset, join_path
from ..model.ingest import IngestSource
from .apis import INGEST
from .credentials import check_request_secrets
from .describe import TaskState, ingest_state
from .errors import ConfigError, PushError, RefusedError
from .outcome import Outcome
from .session import Session
from .status import FailureKind, OutcomeStatus
from .usersig import resolve_usersig

#: The ingest API's RoomIdType of each kind of room (``SDK models.StartStreamIngestRequest.RoomIdType``).
ROOM_ID_TYPE = {"string": 0, "int": 1}
#: The error code of a start whose robot already plays into the room (``API StartStreamIngest``).
TASK_EXISTS = "FailedOperation.TaskExist"
#: Playback fields of a start, in the API's order (snake_case -> API name).
PLAYBACK = {
    "seek_second": "SeekSecond",
    "auto_push": "AutoPush",
    "repeat_num": "RepeatNum",
    "max_duration": "MaxDuration",
    "volume": "Volume",
    "enable_progress": "EnableProgress",
    "tempo": "Tempo",
    "idle_timeout": "IdleTimeout",
}
#: Fields of an update (snake_case -> API name).
UPDATABLE = {
    "stream_url": "StreamUrl",
    "volume": "Volume",
    "is_pause": "IsPause",
    "enable_progress": "EnableProgress",
    "tempo": "Tempo",
}


@dataclasses.dataclass
class PreparedSource:
    """An ingest source of a preset checked and ready to send (:meth:`Ingester.prepare_sources`)."""

    source: IngestSource
    body: dict[str, Any]
    region: str
    findings: list[Finding]


class Ingester:
    """Stream ingest operations in ``session`` (its journal, rate budget, credentials and options)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def start_body(
        self,
        *,
        room_id: str,
        user_id: str,
        stream_url: str,
        room_type: str | None = None,
        sdk_app_id: int | None = None,
        usersig: str | None = None,
        usersig_option: str | None = "--usersig",
        **playback: Any,
    ) -> dict[str, Any]:
        """The StartStreamIngest body (UserSig resolved; ``playback``: the keyword names of :data:`PLAYBACK`;
        ``usersig_option``: the option the message names when no UserSig can be had, ``None``: none gives it).
        Raises :class:`ConfigError` without an SdkAppId or a UserSig, :class:`LayoutStudioError` for a bad
        ``room_type`` or an unknown keyword."""
        unknown = set(playback) - set(PLAYBACK)
        if unknown:
            raise LayoutStudioError(f"unknown StartStreamIngest field(s): {', '.join(sorted(unknown))}")
        if room_type is None:
            room_type = "int" if room_id.isascii() and room_id.isdigit() else "string"
        if room_type not in ROOM_ID_TYPE:
            raise LayoutStudioError(f"room type {room_type!r}: use int or string")
        sdk = sdk_app_id if sdk_app_id is not None else self.session.sdk_app_id_for()
        if sdk is None:
            raise ConfigError("no SdkAppId: pass --sdk-app-id (or set Target.SdkAppId in the preset)")
        body: dict[str, Any] = {
            "SdkAppId": sdk,
            "RoomId": room_id,
            "RoomIdType": ROOM_ID_TYPE[room_type],
            "UserId": user_id,
            "UserSig": resolve_usersig(
                user_id,
                sdk,
                given=usersig,
                what="UserSig (ingest robot)",
                mixing_robot=False,
                option=usersig_option,
                user_hint="--user",
            ),
            "StreamUrl": stream_url,
        }
        body.update((PLAYBACK[k], v) for k, v in playback.items() if v is not None)
        return body

    def start(self, body: dict[str, Any], *, force: bool = False, preset: Preset | None = None) -> Outcome:
        """Validate and send the StartStreamIngest ``body``; the outcome's task_id is the new TaskId (recorded with
        the room and region). The region: the session's, else ``preset``'s Target.Region. Sent at most once;
        refused (:class:`RefusedError`) when the body has errors, or while an earlier start for the room and robot
        has an unknown outcome (unless ``force``)."""
        from ..export.ingest_pack import START_PACK

        region = self.session.api_region_for(preset, None, body.get("SdkAppId"), api=INGEST)
        findings = START_PACK.check(body, sending=True, region=region)
        if has_errors(findings):
            raise RefusedError("the StartStreamIngest body has errors; nothing was sent", findings)
        return self.session.send_start(
            INGEST,
            body,
            region=region,
            findings=findings,
            force=force,
            preset_name=preset.name if preset is not None else None,
        )

    def source_body(self, preset: Preset, source: IngestSource, *, usersig: str | None = None) -> dict[str, Any]:
        """The StartStreamIngest body of ``source``, one of ``preset``'s ingest sources, in the Target's room."""
        target = preset.target
        room = target.room_id if target is not None else None
        if not room or not source.user_id or not source.stream_url:
            raise ConfigError(
                "an ingest source needs the Target's RoomId and its own UserId and StreamUrl (Target.IngestSources)"
            )
        kind = None if target is None or target.room_id_type is None else ("int", "string")[target.room_id_type]
        fields = {attr: getattr(source, attr) for attr in PLAYBACK}
        return self.start_body(
            room_id=room,
            user_id=source.user_id,
            stream_url=source.stream_url,
            room_type=kind,
            sdk_app_id=self.session.sdk_app_id_for(preset),
            usersig=usersig,
            usersig_option=None,  # start --with-ingest: --agent-usersig is the mixing robot's, no option gives it
            **fields,
        )

    def prepare_sources(self, preset: Preset, *, force: bool = False) -> list[PreparedSource]:
        """Every ingest source of ``preset`` ready to send, checked as a whole before anything leaves: its body
        (UserSig resolved, secrets checked), API region and the ingest pack's findings (paths
        ``IngestSources[i].<Field>``), plus the rules about the whole preset (``ingest.user.clash``). Sends nothing.
        Raises :class:`ConfigError` for a source that cannot be built (no room, no UserSig) or an API region without
        stream ingest, :class:`RefusedError` when a body has errors or (unless ``force``) a source's room and robot
        has an unresolved start."""
        from ..export.ingest_pack import START_PACK
        from ..rules.ingest import ingest_source_findings

        sources = (preset.target.ingest_sources if preset.target is not None else None) or []
        prepared: list[PreparedSource] = []
        found: list[Finding] = []
        for i, source in enumerate(sources):
            body = self.source_body(preset, source)
            check_request_secrets(body)
            region = self.session.api_region_for(preset, None, body.get("SdkAppId"), api=INGEST)
            checked = [
                dataclasses.replace(f, path=join_path("IngestSources", i, f.path))
                for f in START_PACK.check(body, sending=True, region=region)
            ]
            prepared.append(PreparedSource(source, body, region, checked))
            found += checked
        seen = {(f.code, f.path) for f in found}
        found += [f for f in ingest_source_findings(preset) if (f.code, f.path) not in seen]
        if has_errors(found):
            raise RefusedError("the ingest sources have errors; nothing was sent", found)
        for item in prepared:
            self.session.refuse_unresolved(
                INGEST, item.body, region=item.region, force=force, label=f"ingest source {item.source.user_id}"
            )
        return prepared

    def start_sources(
        self, preset: Preset, *, force: bool = False, prepared: list[PreparedSource] | None = None
    ) -> list[Outcome]:
        """Start every ingest source of ``preset`` in order (module docstring), ``prepared`` by
        :meth:`prepare_sources` (default: prepared here, so a refusal sends nothing): one outcome each, until one
        fails or a Ctrl-C came (:meth:`iter_start_sources`)."""
        items = prepared if prepared is not None else self.prepare_sources(preset, force=force)
        return [out for _item, out in self.iter_start_sources(preset, items, force=force)]

    def iter_start_sources(
        self, preset: Preset, prepared: list[PreparedSource], *, force: bool = False
    ) -> Iterator[tuple[PreparedSource, Outcome]]:
        """Send the start of each of the ``prepared`` sources in order, yielding (source, outcome) as each is known;
        stops after one that did not start, and before the next when a Ctrl-C came while one was in flight (the
        session's ``interrupted``: nothing else leaves). A source refused when it is sent (another process
        started its room and robot since :meth:`prepare_sources`) is a ``not-sent`` outcome with code ``Refused``."""
        for item in prepared:
            if self.session.interrupted.is_set():
                return
            body = item.body
            try:
                out = self.session.send_start(
                    INGEST, body, region=item.region, findings=item.findings, force=force, preset_name=preset.name
                )
            except RefusedError as refused:
                message = str(refused).removesuffix(" Nothing was sent.").removesuffix("; nothing was sent")
                err = PushError(FailureKind.NOT_SENT, "Refused", message, action=INGEST.start)
                out = Outcome(INGEST.start, None, OutcomeStatus.NOT_SENT, error=err, findings=refused.findings)
            if out.error is not None and out.error.code == TASK_EXISTS:
                out.note = f"{item.source.user_id} already plays into room {body['RoomId']} ({TASK_EXISTS})"
            yield item, out
            if not self.started(out):
                return

    @staticmethod
    def started(out: Outcome) -> bool:
        """True when ``out`` (a start's) leaves the source playing: accepted, a dry run, or already playing."""
        return out.ok or (out.error is not None and out.error.code == TASK_EXISTS)

    def update(self, task_id: str, **fields: Any) -> Outcome:
        """Validate and send UpdateStreamIngest for ``task_id`` (``fields``: the keyword names of
        :data:`UPDATABLE`; None: not changed). Raises :class:`LayoutStudioError` when nothing is to change,
        :class:`RefusedError` when the body has errors."""
        from ..export.ingest_pack import UPDATE_PACK

        unknown = set(fields) - set(UPDATABLE)
        if unknown:
            raise LayoutStudioError(f"unknown UpdateStreamIngest field(s): {', '.join(sorted(unknown))}")
        extra = {UPDATABLE[k]: v for k, v in fields.items() if v is not None}
        if not extra:
            raise LayoutStudioError("nothing to update: give --url, --volume, --pause/--resume, --tempo or --progress")
        _task, sdk_app_id, region = self.session.target_of(INGEST, task_id)
        findings = UPDATE_PACK.check({"SdkAppId": sdk_app_id, "TaskId": task_id, **extra}, sending=True, region=region)
        if has_errors(findings):
            raise RefusedError("the UpdateStreamIngest body has errors; nothing was sent", findings)
        return self.session.send_task(INGEST, INGEST.update, task_id, extra, findings=findings)

    def status(self, task_id: str) -> tuple[Outcome, TaskState | None]:
        """DescribeStreamIngest for ``task_id``: the outcome and, when it answered, the state in words."""
        out = self.session.describe(INGEST, task_id)
        if out.status is OutcomeStatus.OK and out.reply is not None:
            return out, ingest_state(task_id, out.reply)
        return out, None

    def stop(self, task_id: str) -> Outcome:
        """StopStreamIngest for ``task_id`` (the robot leaves the room)."""
        return self.session.send_task(INGEST, INGEST.stop, task_id)
