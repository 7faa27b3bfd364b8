"""The validator entry point: ``validate(obj, *, action=None, canvas=None) -> list[Finding]``.

``obj`` is a raw JSON value (a preset or a request body as loaded from a file), a :class:`~layout_studio.model.Preset`
or a request model. The validator never raises: a malformed body gives ``schema.*`` findings (see
:mod:`layout_studio.documents`), every documented constraint is a rule in :mod:`layout_studio.rules`.

* ``action``: ``"start"`` or ``"update"``; None infers it — ``"update"`` for a body with TaskId, ``"start"`` for a
  request body, and design-only checks for a preset (task rules that need a target are skipped). A raw request
  body given with an explicit action is read as that request (a stray TaskId in a start body is an unknown field).
* ``canvas``: ``(width, height)`` in pixels, used when the body has no VideoEncode (an update body); without
  either, geometry is not checked and an info finding ``layout.canvas.unchecked`` says so.

A preset is validated as a request-shaped view: its sections and its Target merged at the root, so paths read
the same as in a request body (``AgentParams.UserId``, ``VideoParams.LayoutParams.MixLayoutList[1]``). A preset's
ingest sources (``Target.IngestSources``, played into the room by StartStreamIngest) are checked by the ingest rules
(:func:`layout_studio.rules.ingest.ingest_source_findings`, paths ``IngestSources[i].RepeatNum``).
"""

from __future__ import annotations

from typing import Any

from .documents import Kind, classify, parse, unknown_field_findings
from .findings import Finding, sort_findings
from .model import ApiModel, Preset, StartPublishCdnStreamRequest, UpdatePublishCdnStreamRequest
from .rules import RuleContext, run
from .rules.ingest import ingest_source_findings
from .rules.preset import stored_secret_findings
from .rules.registry import Action

_TARGET_FIELDS = (
    "sdk_app_id",
    "room_id",
    "room_id_type",
    "agent_params",
    "with_transcoding",
    "publish_cdn_params",
    "feed_back_room_params",
    "single_subscribe_params",
    "record_params",
)


def request_view(
    obj: Preset | StartPublishCdnStreamRequest | UpdatePublishCdnStreamRequest,
) -> StartPublishCdnStreamRequest | UpdatePublishCdnStreamRequest:
    """The request-shaped view of ``obj``: a preset's sections plus its Target fields at the root (no copy of the
    nested models; the view is built without validation). Request models are returned as they are."""
    if not isinstance(obj, Preset):
        return obj
    fields: dict[str, Any] = {
        "video_params": obj.video_params,
        "audio_params": obj.audio_params,
        "sei_params": obj.sei_params,
    }
    if obj.target is not None:
        for name in _TARGET_FIELDS:
            fields[name] = getattr(obj.target, name)
    set_fields = {k for k, v in fields.items() if v is not None}
    return StartPublishCdnStreamRequest.model_construct(_fields_set=set_fields, **fields)


def _action(action: str | None) -> Action:
    """``action`` when it is "start" or "update", else None."""
    if action == "start":
        return "start"
    if action == "update":
        return "update"
    return None


def _canvas_arg(canvas: Any) -> tuple[int, int] | None:
    try:
        w, h = canvas
    except (TypeError, ValueError):
        return None
    if isinstance(w, int) and isinstance(h, int) and not isinstance(w, bool) and not isinstance(h, bool):
        return (w, h)
    return None


def validate(obj: Any, *, action: str | None = None, canvas: tuple[int, int] | None = None) -> list[Finding]:
    """Every finding about ``obj`` (errors first, see :func:`~layout_studio.findings.sort_findings`).

    ``obj``: raw JSON value, Preset, StartPublishCdnStreamRequest or UpdatePublishCdnStreamRequest.
    ``action``: "start", "update" or None (inferred). ``canvas``: (width, height) in pixels for bodies without
    VideoEncode. Never raises.
    """
    findings: list[Finding] = []
    if isinstance(obj, (Preset, StartPublishCdnStreamRequest, UpdatePublishCdnStreamRequest)):
        model = obj
        kind = (
            "preset"
            if isinstance(obj, Preset)
            else ("update" if isinstance(obj, UpdatePublishCdnStreamRequest) else "start")
        )
        findings.extend(unknown_field_findings(model, kind))
    elif isinstance(obj, ApiModel):
        return sort_findings(unknown_field_findings(obj))
    else:
        # An explicit action says which request a raw body is (a start body with a stray TaskId stays a start
        # body); a preset ("Format") stays a preset.
        kind_hint: Kind | None = _action(action) if classify(obj) != "preset" else None
        model, findings = parse(obj, kind_hint)
        if not isinstance(obj, dict):  # one finding; task rules on an empty body would only add noise
            return findings
        kind = (
            "preset"
            if isinstance(model, Preset)
            else ("update" if isinstance(model, UpdatePublishCdnStreamRequest) else "start")
        )
    checked = _action(action) or _action(None if kind == "preset" else kind)
    view = request_view(model)
    own = view.video_params.canvas if view.video_params is not None else None
    effective: tuple[int, int] | None
    origin: str | None
    if own is not None:
        effective, origin = own, "VideoParams.VideoEncode"
    else:
        effective = _canvas_arg(canvas)
        origin = "--canvas" if effective is not None else None
    region = model.target.region if isinstance(model, Preset) and model.target is not None else None
    ctx = RuleContext(root=view, kind=kind, action=checked, canvas=effective, canvas_from=origin, region=region)
    # A value of the wrong type was dropped by the loader: a rule finding at the same path ("X is required")
    # would contradict the schema.type finding that already says what is wrong there.
    dropped = {f.path for f in findings if f.code == "schema.type"}
    findings.extend(f for f in run(ctx) if f.path not in dropped)
    if isinstance(model, Preset):
        findings.extend(f for f in ingest_source_findings(model) if f.path not in dropped)
        findings.extend(stored_secret_findings(model))
    return sort_findings(findings)
