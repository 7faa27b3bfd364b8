"""Import a request body as a preset: StartPublishCdnStream or UpdatePublishCdnStream (as in the reference
examples), and also CreateCloudRecording / ModifyCloudRecording and StartMCUMixTranscode(ByStrRoomId) bodies, so
an existing recording or legacy layout becomes a preset (:func:`import_body`).

A mixing API body's design sections (VideoParams, AudioParams, SeiParams) become the preset's sections; the task
fields (SdkAppId, RoomId, RoomIdType, AgentParams, WithTranscoding, PublishCdnParams, FeedBackRoomParams,
SingleSubscribeParams, RecordParams, and any unknown key, kept for the validator to report) become its Target.
TaskId and SequenceNumber belong to one running task, not to a design, and are left out. Secrets (UserSig,
SecretKey, a CDN URL's signature such as txSecret) are stripped with :func:`layout_studio.secrets.strip_secrets` and
their paths returned, so the caller can say so and pass them back to :func:`layout_studio.payload.build_request`
when it rebuilds the body.

A recording or legacy body is converted by the inverse of the export (:mod:`layout_studio.export.inverse`): what
the mixing API cannot hold becomes findings ``import.<kind>.<what>``, and the fields of the recording or legacy task
itself (the robot's UserId, StorageParams, OutputParams, …) are left out and named. Its PrivateMapKey (a room
permission ticket) is a secret like UserSig: stripped and named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .errors import LayoutStudioError
from .findings import Finding
from .model import PRESET_FORMAT, Preset, join_path
from .secrets import strip_secrets

DESIGN_KEYS = ("VideoParams", "AudioParams", "SeiParams")
#: Body keys of one running task, not of a design.
TASK_KEYS = ("TaskId", "SequenceNumber")


@dataclass
class Imported:
    """An imported body: the ``preset``, the paths of the ``secrets`` left out, the task fields ``left_out``
    (TaskId, SequenceNumber; a recording's UserId and StorageParams, a legacy OutputParams), the ``findings`` of
    what a recording or legacy body could not give the preset, and the ``action`` the body was for."""

    preset: Preset
    secrets: list[str]
    left_out: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    action: str = ""


def import_body(body: Any, name: str | None = None) -> Imported:
    """A preset from any body :mod:`layout_studio.importer` reads (see the module docstring).

    Raises :class:`~layout_studio.errors.LayoutStudioError` when ``body`` is not an object, is already a preset,
    has none of the top-level fields of the bodies it reads (``{}``, the output of a client ``export`` target),
    has a field of the wrong type, or is a single-stream recording (no layout)."""
    from .export.inverse import body_kind, preset_sections, unimportable

    if not isinstance(body, dict):
        raise LayoutStudioError(f"a request body must be a JSON object, not {type(body).__name__}")
    if "Format" in body:
        raise LayoutStudioError('this is already a preset (it has "Format"); nothing to import')
    why = unimportable(body)
    if why is not None:
        raise LayoutStudioError(why)
    kind = body_kind(body)
    if kind == "mcu":
        preset, removed = import_request(body, name)
        left = [k for k in TASK_KEYS if k in body]
        action = "UpdatePublishCdnStream" if "TaskId" in body else "StartPublishCdnStream"
        return Imported(preset, removed, left, [], action)
    clean, removed = strip_secrets(body)
    if clean.pop("PrivateMapKey", None) is not None:
        removed.append("PrivateMapKey")
    converted = preset_sections(clean, kind)
    data: dict[str, Any] = {
        "Format": PRESET_FORMAT,
        "Name": name or f"Imported {converted.action} body",
        "Description": f"Imported from the request body of {converted.action}.",
        **converted.sections,
    }
    try:
        preset = Preset.model_validate(data)
    except ValidationError as exc:
        raise LayoutStudioError(f"cannot import the {converted.action} body: {_describe(exc)}") from None
    return Imported(preset, removed, converted.left_out, converted.findings, converted.action)


def import_request(body: dict[str, Any], name: str | None = None) -> tuple[Preset, list[str]]:
    """A preset holding the design and target of request ``body``, and the paths of the secrets left out.

    ``body``: a StartPublishCdnStream or UpdatePublishCdnStream body (JSON object, API names). ``name``: the
    preset's Name (default: "Imported StartPublishCdnStream body" or "... UpdatePublishCdnStream ...").
    Returned paths are request paths such as ``AgentParams.UserSig`` or
    ``PublishCdnParams[0].PublishCdnUrl (txSecret)``.
    Raises :class:`~layout_studio.errors.LayoutStudioError` when ``body`` is not an object, is already a preset,
    or has a field of the wrong type (the message names the field's path and the expected type).
    """
    if not isinstance(body, dict):
        raise LayoutStudioError(f"a request body must be a JSON object, not {type(body).__name__}")
    if "Format" in body:
        raise LayoutStudioError('this is already a preset (it has "Format"); nothing to import')
    clean, removed = strip_secrets(body)
    action = "UpdatePublishCdnStream" if "TaskId" in clean else "StartPublishCdnStream"
    data: dict[str, Any] = {
        "Format": PRESET_FORMAT,
        "Name": name or f"Imported {action} body",
        "Description": f"Imported from the request body of {action}.",
    }
    for key in DESIGN_KEYS:
        if key in clean:
            data[key] = clean.pop(key)
    for key in TASK_KEYS:
        clean.pop(key, None)
    if clean:
        data["Target"] = clean
    try:
        preset = Preset.model_validate(data)
    except ValidationError as exc:
        raise LayoutStudioError(f"cannot import the {action} body: {_describe(exc)}") from None
    return preset, removed


_SHAPES = {
    "model_type": "a JSON object {...}",
    "model_attributes_type": "a JSON object {...}",
    "dict_type": "a JSON object {...}",
    "list_type": "a JSON list [...]",
}
_JSON_NAMES = {
    dict: "an object",
    list: "a list",
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


def _reason(error: ErrorDetails) -> str:
    """pydantic's reason in plain words, with the fix for a number written in quotes (never echoes a secret)."""
    shape = _SHAPES.get(error.get("type", ""))
    if shape:
        given = _JSON_NAMES.get(type(error.get("input")), "another value")
        return f"input should be {shape}, not {given}"
    reason = error["msg"].lower()
    value = error.get("input")
    if error.get("type") == "int_type" and isinstance(value, str) and value.strip().lstrip("-").isdigit():
        reason += f" — write {value.strip()} without quotes"
    return reason


def _describe(exc: ValidationError) -> str:
    """The first few type errors as ``path: message`` (request paths: Target's fields at the body root)."""
    parts = []
    for error in exc.errors()[:3]:
        loc = [p for p in error["loc"] if not (isinstance(p, str) and "[" in p)]
        if loc and loc[0] == "Target":
            loc = loc[1:]
        parts.append(f"{join_path(*loc) or '(body)'}: {_reason(error)}")
    more = len(exc.errors()) - len(parts)
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "") + "; fix the field and try again"
