"""Loading documents: JSON files -> presets and request bodies, with the type and unknown-field findings.

* :func:`read_json` (from :mod:`layout_studio.jsonfile`) reads a file and raises
  :class:`~layout_studio.errors.LoadError` (file, line, column) when it cannot be read, is not JSON, or its top
  level is not an object.
* :func:`classify` tells a preset (has ``"Format"``) from an update body (has ``"TaskId"``) and a start body.
* :func:`parse` turns any JSON value into a best-effort model plus findings; it never raises. A value of the wrong
  type (``"LocationX": "12"``) becomes a ``schema.type`` finding at its API path and is dropped, so the rest of the
  model survives; an unknown key (``LocationZ``) is kept in the model and becomes a ``schema.unknown-field``
  finding with a "did you mean" suggestion.
* :func:`load` = read_json + parse, raising LoadError when a field has the wrong type.

Paths are API names from the request root (``VideoParams.LayoutParams.MixLayoutList[1].LocationX``); a preset's
``Target`` fields are reported at their request path (``AgentParams.UserId``), as the preset format says.
Sources: Data Types (field types), Error Codes UnknownParameter, SDK models (field names and types).
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .errors import LoadError
from .findings import Finding, Severity
from .jsonfile import json_type, read_json, short
from .model import (
    ApiModel,
    Preset,
    StartPublishCdnStreamRequest,
    Target,
    UpdatePublishCdnStreamRequest,
    iter_models,
    join_path,
)
from .secrets import is_secret_key

Kind = Literal["preset", "start", "update"]
Document = Preset | StartPublishCdnStreamRequest | UpdatePublishCdnStreamRequest

MODEL_FOR_KIND: dict[str, type[Document]] = {
    "preset": Preset,
    "start": StartPublishCdnStreamRequest,
    "update": UpdatePublishCdnStreamRequest,
}

SOURCE_TYPES = "Data Types (field types); SDK models (field types)"
SOURCE_UNKNOWN = "Error Codes UnknownParameter; SDK models (field names)"
SOURCE_FORMAT = "Layout Studio assumption (the preset format, layout_studio.model.preset)"

_EXPECTED = {
    "int_type": "an integer",
    "int_parsing": "an integer",
    "string_type": "a string",
    "model_type": "an object",
    "model_attributes_type": "an object",
    "dict_type": "an object",
    "list_type": "a list",
    "bool_type": "a boolean",
    "float_type": "a number",
}
_MAX_ROUNDS = 8


# --------------------------------------------------------------------------------------------------- classifying
def classify(raw: Any) -> Kind:
    """``"preset"`` when ``raw`` has ``"Format"``, ``"update"`` when it has ``"TaskId"``, else ``"start"``."""
    if isinstance(raw, dict):
        if "Format" in raw:
            return "preset"
        if "TaskId" in raw:
            return "update"
    return "start"


# --------------------------------------------------------------------------------------------------- parsing
def api_path(loc: tuple[Any, ...] | list[Any], kind: str) -> str:
    """The API path of a location inside a document of ``kind`` (preset Target fields at their request path)."""
    parts = [p for p in loc if isinstance(p, (str, int))]
    if kind == "preset" and len(parts) > 1 and parts[0] == "Target":
        parts = parts[1:]
    return join_path(*parts)


class _Removed:
    """Marks a list entry to remove once every error of a round has been handled (indices stay valid)."""


_REMOVED = _Removed()
_OBJECT_ERRORS = frozenset({"model_type", "model_attributes_type", "dict_type"})


class _Pruner:
    """Removes bad values from a copy-on-write view of a raw body: only the containers on the way to a removed
    value are copied, so the caller's object is never changed and deep or large bodies cost nothing extra."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.root = dict(raw)
        self._owned = {id(self.root)}
        self._lists: list[list[Any]] = []

    def _own(self, parent: Any, key: Any) -> Any:
        child = parent[key]
        if id(child) not in self._owned:
            child = dict(child) if isinstance(child, dict) else list(child)
            parent[key] = child
            self._owned.add(id(child))
        return child

    def drop(self, loc: tuple[Any, ...], etype: str = "") -> Any:
        """Remove the value at ``loc``; return it. A bad object in a list becomes ``{}`` (later indices and paths
        stay the same); another bad list item is removed; an unresolvable location drops its deepest
        resolvable entry."""
        steps: list[Any] = []
        node: Any = self.root
        for step in loc:
            if isinstance(node, dict) and isinstance(step, str) and step in node:
                node = node[step]
            elif isinstance(node, list) and type(step) is int and 0 <= step < len(node):
                node = node[step]
            else:
                break
            steps.append(step)
        if not steps:
            return None
        container: Any = self.root
        for step in steps[:-1]:
            container = self._own(container, step)
        key = steps[-1]
        if isinstance(container, dict):
            return container.pop(key)
        removed = container[key]
        if etype in _OBJECT_ERRORS and not isinstance(removed, dict):
            container[key] = {}
        else:
            container[key] = _REMOVED
            self._lists.append(container)
        return removed

    def purge(self) -> None:
        """Remove the list entries marked by :meth:`drop`."""
        for items in self._lists:
            items[:] = [v for v in items if v is not _REMOVED]
        self._lists.clear()


def _type_finding(err: ErrorDetails, value: Any, kind: str) -> Finding:
    path = api_path(err.get("loc", ()), kind)
    etype = err.get("type", "")
    if etype == "literal_error":
        expected = err.get("ctx", {}).get("expected", "the documented value")
        return Finding(
            "preset.format",
            Severity.ERROR,
            path,
            f"Format is {short(value)}; this version reads {expected} — set Format to it",
            SOURCE_FORMAT,
        )
    expected = _EXPECTED.get(etype)
    name = _field_name(path)
    if is_secret_key(name):  # UserSig, SecretKey: never echo the value, whatever its type
        return Finding(
            "schema.type",
            Severity.ERROR,
            path,
            f"{name} must be {expected or 'a string'}, not {json_type(value)} (value not shown); "
            f"the value was ignored — write it as a string in quotes",
            SOURCE_TYPES,
        )
    if expected is None:
        msg = f"{name} is invalid ({err.get('msg', etype)}); the value {short(value)} was ignored"
    else:
        msg = (
            f"{name} must be {expected}, not {json_type(value)} ({short(value)}); "
            f"the value was ignored — write it as {expected}"
        )
        if expected == "an integer" and isinstance(value, str) and value.strip().lstrip("-").isdigit():
            msg += f" without quotes ({value.strip()})"
        if expected == "a string" and isinstance(value, int) and not isinstance(value, bool):
            msg += f' in quotes ("{value}")'
    return Finding("schema.type", Severity.ERROR, path, msg, SOURCE_TYPES)


def _field_name(path: str) -> str:
    """The last name of an API path (``MixLayoutList[1].LocationX`` -> ``LocationX``; ``[1]`` kept for items)."""
    if not path:
        return "the body"
    last = path.rsplit(".", 1)[-1]
    return last


def unknown_field_findings(model: ApiModel, kind: str = "start") -> list[Finding]:
    """A ``schema.unknown-field`` finding for every key of ``model`` (and nested models) no API type declares."""
    out: list[Finding] = []
    for path, sub in iter_models(model):
        extra = sub.model_extra
        if not extra:
            continue
        cls = type(sub)
        names = list(cls.api_names())
        for key in extra:
            shown = join_path(_request_path(path, kind), str(key))  # the key as it is, even "a.b" or "[1"
            close = difflib.get_close_matches(str(key), names, n=1, cutoff=0.6)
            if not close:
                lower = {n.lower(): n for n in names}
                close = [lower[str(key).lower()]] if str(key).lower() in lower else []
            hint = f"did you mean {close[0]}?" if close else f"known fields: {', '.join(names)}"
            why = "the API rejects it with UnknownParameter"
            if cls in (Preset, Target):
                why, hint = _preset_hint(cls, str(key), hint)
            if cls in _ROOTS and key in _ELSEWHERE:
                hint = _ELSEWHERE[key]
            elif cls in _OTHER_REQUEST and key in _OTHER_REQUEST[cls][0].api_names():
                hint = _OTHER_REQUEST[cls][1]
            elif cls in _ROOTS[:2] and path == "" and key in _PRESET_ONLY:
                hint = 'a preset key: if this file is a preset, add "Format": "layout-studio/preset@1"'
            out.append(
                Finding(
                    "schema.unknown-field",
                    Severity.ERROR,
                    shown,
                    f"{cls.__name__} has no field {key!r} ({why}); {hint}",
                    SOURCE_UNKNOWN,
                )
            )
    return out


#: Top-level keys of neighbouring APIs' bodies (API StartStreamIngest, API CreateCloudRecording) that a mixing
#: body or a preset's Target may be given by mistake, and where the mixing APIs take that information.
_ELSEWHERE = {
    "MixLayoutParams": "that is CreateCloudRecording's layout (cloud recording); the mixing APIs take "
    "VideoParams.LayoutParams (McuLayoutParams: MixLayoutMode, MixLayoutList)",
    "MixTranscodeParams": "that is CreateCloudRecording's encoding (cloud recording); the mixing APIs take "
    "VideoParams.VideoEncode and AudioParams.AudioEncode",
    "StorageParams": "that is CreateCloudRecording's storage (cloud recording; a preset keeps it in "
    "Target.StorageParams for `layout-studio record start`); a relay recording's storage goes in "
    "RecordParams.McuStorageParams",
    "StreamUrl": "that is StartStreamIngest's (pulling a stream into a room); the mix goes to "
    "PublishCdnParams[].PublishCdnUrl",
    "UserId": "the robot's UserId goes in AgentParams.UserId",
    "UserSig": "the robot's UserSig goes in AgentParams.UserSig",
}
_ROOTS = (StartPublishCdnStreamRequest, UpdatePublishCdnStreamRequest, Target)
_PRESET_ONLY = ("$schema", "Name", "Description", "Target")
#: A field of the other mixing request: which it is and what to do.
_OTHER_REQUEST: dict[type[ApiModel], tuple[type[ApiModel], str]] = {
    UpdatePublishCdnStreamRequest: (
        StartPublishCdnStreamRequest,
        "a StartPublishCdnStream field that an update "
        "cannot change: leave it out (stop and start the task to change it)",
    ),
    StartPublishCdnStreamRequest: (
        UpdatePublishCdnStreamRequest,
        "an UpdatePublishCdnStream field: leave it out of a start body (or check the body with --action update)",
    ),
}


def _preset_hint(cls: type[ApiModel], key: str, hint: str) -> tuple[str, str]:
    """(why, fix) for an unknown key of a preset or its Target: task fields have a place, or come at build time."""
    why = "not part of the preset format layout-studio/preset@1"
    if key in ("TaskId", "SequenceNumber"):
        return why, (
            "a preset holds no running task: give them when you build an update "
            "(layout-studio payload PRESET --action update --task-id T --sequence N)"
        )
    if cls is Preset and key in Target.api_names():
        return why, f'task fields belong under Target: move it into Target ("Target": {{"{key}": ...}})'
    return why, hint


def _request_path(path: str, kind: str) -> str:
    """The request path of a model at ``path`` (a preset's ``Target.AgentParams`` is ``AgentParams``)."""
    if kind == "preset" and (path == "Target" or path.startswith(("Target.", "Target["))):
        return path[len("Target") :].lstrip(".")
    return path


def parse(raw: Any, kind: Kind | None = None) -> tuple[Document, list[Finding]]:
    """Best-effort model of ``raw`` (any JSON value) plus the ``schema.*`` findings; never raises.

    ``kind`` is ``"preset"``, ``"start"`` or ``"update"`` (default: :func:`classify`). Values of the wrong type
    are dropped (each reported as ``schema.type`` at its API path) and the rest re-validated, so one bad field
    does not lose the design. A top level that is not an object gives an empty model and one finding.
    """
    kind = kind if kind in MODEL_FOR_KIND else classify(raw)
    cls = MODEL_FOR_KIND[kind]
    findings: list[Finding] = []
    if not isinstance(raw, dict):
        findings.append(
            Finding(
                "schema.type",
                Severity.ERROR,
                "",
                f"the top level is {json_type(raw)}; a preset or request body is a JSON object",
                SOURCE_TYPES,
            )
        )
        return cls(), findings
    work: Any = raw
    pruner: _Pruner | None = None
    model = None
    for _ in range(_MAX_ROUNDS):
        try:
            model = cls.model_validate(work)
            break
        except ValidationError as exc:
            if pruner is None:
                pruner = _Pruner(raw)
                work = pruner.root
            for err in exc.errors(include_url=False):
                value = pruner.drop(tuple(err.get("loc", ())), err.get("type", ""))
                findings.append(_type_finding(err, value, kind))
            pruner.purge()
    if model is None:  # pragma: no cover - every round removes at least one value; kept as a guard
        model = cls()
    findings.extend(unknown_field_findings(model, kind))
    return model, _dedupe(findings)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[Finding] = set()
    out = []
    for f in findings:
        if f not in seen:
            seen.add(f)
            out.append(f)
    return out


# --------------------------------------------------------------------------------------------------- load
def load(path: str | Path, kind: Kind | None = None) -> Document:
    """The preset or request body in file ``path``.

    Raises LoadError naming the file (and line/column) when it is unreadable or malformed, and naming the field
    when a value has the wrong type. Unknown keys do not raise: they stay in the model and :func:`validate`
    reports them.
    """
    raw = read_json(path)
    model, findings = parse(raw, kind)
    bad = [f for f in findings if f.code in ("schema.type", "preset.format")]
    if bad:
        first = bad[0]
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        raise LoadError(f"{first.message}{more}", file=str(path))
    return model
