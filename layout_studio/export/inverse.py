"""The inverse of the export: a cloud recording or legacy MCU body made the sections of a preset.

:func:`body_kind` tells the bodies apart by their keys (:func:`unimportable` says why a JSON object is none of
them, naming our own export targets' output, which has no way back); :func:`preset_sections` converts a
CreateCloudRecording / ModifyCloudRecording body (:mod:`.inverse_recording`) or a StartMCUMixTranscode(ByStrRoomId) body
(:mod:`.inverse_legacy`) into ``{"VideoParams", "AudioParams", "Target"}``, with the findings of what could not
be imported (``import.<kind>.<what>``: a warning when the preset will look different, an info when not) and the
names of the fields left out (they belong to one task, not to a design). Secrets are stripped before
(:func:`layout_studio.importer.import_body`). Where the export is lossless, exporting the imported preset gives the
body back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import LayoutStudioError
from ..findings import Finding, Severity
from ..model import join_path

Kind = Literal["mcu", "recording", "mcu-legacy"]
T = TypeVar("T")
#: Keys only the mixing APIs' bodies have.
MCU_KEYS = frozenset(
    {
        "AgentParams",
        "WithTranscoding",
        "VideoParams",
        "AudioParams",
        "SeiParams",
        "FeedBackRoomParams",
        "SingleSubscribeParams",
        "SequenceNumber",
    }
)
RECORDING_KEYS = frozenset({"MixLayoutParams", "MixTranscodeParams", "StorageParams"})
LEGACY_KEYS = frozenset({"EncodeParams", "LayoutParams", "OutputParams", "StrRoomId"})
#: The other top-level fields of a StartPublishCdnStream / UpdatePublishCdnStream body (API 2019-07-22): with
#: MCU_KEYS, what makes an object a mixing body, however partial.
START_UPDATE_KEYS = frozenset({"SdkAppId", "RoomId", "RoomIdType", "PublishCdnParams", "RecordParams", "TaskId"})
#: Top-level keys of the client targets' output (``export --to``), which import cannot read back.
EXPORT_OUTPUT_KEYS = {
    "sdk-transcoding": frozenset({"mixUsersArray", "mixUsers", "videoWidth", "videoHeight", "videoGOP"}),
    "sdk-stream-mixing": frozenset({"params", "config"}),
    "web-cdn-streaming": frozenset({"encoding", "mix"}),
}
#: What each kind is called in messages and preset names.
ACTIONS = {"recording": "CreateCloudRecording", "mcu-legacy": "StartMCUMixTranscode"}


def body_kind(body: dict[str, Any]) -> Kind:
    """``recording`` for a CreateCloudRecording or ModifyCloudRecording body, ``mcu-legacy`` for a
    StartMCUMixTranscode(ByStrRoomId) body, else ``mcu`` (StartPublishCdnStream / UpdatePublishCdnStream)."""
    keys = set(body)
    if keys & MCU_KEYS:
        return "mcu"
    if keys & RECORDING_KEYS or {"UserSig", "RecordParams"} <= keys:
        return "recording"
    if keys & LEGACY_KEYS:
        return "mcu-legacy"
    return "mcu"


def unimportable(body: dict[str, Any]) -> str | None:
    """Why ``body`` is none of the bodies import reads (it has none of their top-level fields), or ``None`` when
    :func:`body_kind` recognises it. Names the ``export --to`` target whose output it looks like, if any."""
    keys = set(body)
    if keys & (MCU_KEYS | START_UPDATE_KEYS | RECORDING_KEYS | LEGACY_KEYS) or {"UserSig", "RecordParams"} <= keys:
        return None
    accepted = (
        "import reads a StartPublishCdnStream/UpdatePublishCdnStream body (SdkAppId, RoomId, VideoParams, ...), "
        "a CreateCloudRecording/ModifyCloudRecording body (MixLayoutParams, MixTranscodeParams, ...) or a "
        "StartMCUMixTranscode(ByStrRoomId) body (EncodeParams, LayoutParams, ...)"
    )
    for target, marks in EXPORT_OUTPUT_KEYS.items():
        if keys & marks:
            return (
                f"this looks like the output of `layout-studio export --to {target}`, which cannot be imported "
                f"back ({accepted}); edit the preset it was exported from"
            )
    shown = ", ".join(sorted(keys)[:5]) + (", ..." if len(keys) > 5 else "")
    found = f"its fields ({shown}) are none of theirs" if keys else "it is an empty object"
    return f"not a request body import reads: {found}; {accepted}"


@dataclass
class Sections:
    """A converted body: the preset's ``sections`` (API names), ``findings`` of what could not be imported,
    ``left_out`` the fields of one task (or of the target alone) not kept, and the ``action`` it was for."""

    action: str
    sections: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)

    def note(self, kind: str, what: str, path: str, message: str, source: str, *, visible: bool = True) -> None:
        """A finding ``import.<kind>.<what>`` at body ``path``."""
        severity = Severity.WARNING if visible else Severity.INFO
        self.findings.append(Finding(f"import.{kind}.{what}", severity, path, message, source))


def parsed(model: type[BaseModel], body: dict[str, Any], action: str) -> Any:
    """``body`` read as ``model``; raises LayoutStudioError naming the first fields of the wrong type."""
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        parts = [
            f"{join_path(*[p for p in err['loc'] if isinstance(p, (str, int))]) or '(body)'}: {err['msg'].lower()}"
            for err in exc.errors()[:3]
        ]
        raise LayoutStudioError(f"cannot import the {action} body: {'; '.join(parts)}; fix the field") from None


def documented(table: Mapping[int, T], value: Any, path: str, action: str) -> T:
    """``table[value]``: a documented code of the body's field at ``path`` mapped to the preset's. Raises
    LayoutStudioError naming the field and its documented codes when ``value`` is none of them (an undocumented code
    has no meaning to map, so nothing is imported)."""
    if isinstance(value, int) and not isinstance(value, bool) and value in table:
        return table[value]
    codes = ", ".join(str(code) for code in table)
    raise LayoutStudioError(
        f"cannot import the {action} body: {path} is {value!r}, not one of its documented values ({codes}); "
        "fix the field"
    )


def preset_sections(body: dict[str, Any], kind: Kind) -> Sections:
    """The preset sections of a recording or legacy ``body`` (secrets already stripped). Raises
    LayoutStudioError for a body that is not of its kind's shape, or has no layout to import."""
    if kind == "recording":
        from .inverse_recording import sections

        return sections(body)
    if kind == "mcu-legacy":
        from .inverse_legacy import sections as legacy_sections

        return legacy_sections(body)
    raise LayoutStudioError(f"{kind} bodies are imported as they are, not converted")
