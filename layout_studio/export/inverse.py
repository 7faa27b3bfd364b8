"""The inverse of the export: a cloud recording or legacy MCU body made the sections of a preset.

:func:`body_kind` tells the bodies apart by their keys; :func:`preset_sections` converts a CreateCloudRecording /
ModifyCloudRecording body (:mod:`.inverse_recording`) or a StartMCUMixTranscode(ByStrRoomId) body
(:mod:`.inverse_legacy`) into ``{"VideoParams", "AudioParams", "Target"}``, with the findings of what could not
be imported (``import.<kind>.<what>``: a warning when the preset will look different, an info when not) and the
names of the fields left out (they belong to one task, not to a design). Secrets are stripped before
(:func:`layout_studio.importer.import_body`). Where the export is lossless, exporting the imported preset gives the
body back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from ..errors import LayoutStudioError
from ..findings import Finding, Severity
from ..model import join_path

Kind = Literal["mcu", "recording", "mcu-legacy"]
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
