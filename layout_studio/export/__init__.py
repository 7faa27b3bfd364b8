"""Export a design to every other Tencent surface that composes video, saying exactly what each cannot carry.

Targets (:data:`TARGETS`, one module each):

* ``recording`` — a CreateCloudRecording body (mixed-stream cloud recording, :mod:`.recording`);
* ``mcu-legacy`` — a StartMCUMixTranscode / …ByStrRoomId body (the legacy MCU API, :mod:`.legacy`);
* ``sdk-stream-mixing`` — the client SDKs' startPublishMediaStream arguments, TRTCStreamMixingConfig with its
  target and encoding (:mod:`.stream_mixing`);
* ``sdk-transcoding`` — the client SDKs' TRTCTranscodingConfig for setMixTranscodingConfig (:mod:`.transcoding`);
* ``web-cdn-streaming`` — the Web SDK v5 CDNStreaming plugin's options (:mod:`.web_cdn`).

Public API: :func:`export` ``(preset, target, **options) -> ExportResult(target, body, findings, action,
assets)``, also reachable as ``layout_studio.export(preset, target, **options)`` (this package is callable: the
name is both); :meth:`ExportResult.write` writes the body and draws its text watermarks; :func:`targets` lists the
targets for a menu. The loss report is findings ``export.<target>.<what>`` (warning: something visible or audible
is lost; info: no effect); the target's own limits are its validator pack's findings (``<target>.<what>``,
:mod:`.pack`), errors among them meaning the body must not be used. Every exporter reads the layout through the mix
(:mod:`layout_studio.mix`). The reverse, a recording or legacy body made a preset, is in :mod:`.inverse`.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from ..errors import LayoutStudioError
from ..findings import Finding, Severity, sort_findings
from ..model import Preset
from ..secrets import strip_secrets
from . import legacy, recording, stream_mixing, transcoding, web_cdn
from .base import ExportOptions, ExportResult, Source, TargetSpec, TextAsset

#: Every export target by name, in menu order.
TARGETS: dict[str, TargetSpec] = {
    spec.name: spec
    for spec in (recording.TARGET, legacy.TARGET, stream_mixing.TARGET, transcoding.TARGET, web_cdn.TARGET)
}

__all__ = ["TARGETS", "ExportOptions", "ExportResult", "TargetSpec", "TextAsset", "export", "targets"]


def targets() -> list[tuple[str, str]]:
    """``[(name, title)]`` of every target, in menu order (for the studio's Export… palette entry)."""
    return [(spec.name, spec.title) for spec in TARGETS.values()]


def _preset(preset: Any) -> tuple[Preset, list[Finding]]:
    """The Preset of ``preset`` and the findings of reading it (a JSON object's fields of the wrong type are
    dropped with a ``schema.*`` error, as the validator reports them)."""
    if isinstance(preset, Preset):
        return preset, []
    if isinstance(preset, dict):
        from ..documents import parse

        model, found = parse(preset, "preset")
        if isinstance(model, Preset):
            return model, list(found)
    raise LayoutStudioError(f"export needs a preset (a Preset or its JSON object), not a {type(preset).__name__}")


def export(preset: Any, target: str, **options: Any) -> ExportResult:
    """``preset`` (a :class:`~layout_studio.model.Preset` or its JSON object) exported to ``target``.

    ``options`` (:class:`ExportOptions`): ``users``, ``platform``, ``output``, ``sdk_app_id``, ``room_id``,
    ``room_id_type``, ``robot_user_id``, ``stream_id``, ``place_image_id`` — each target takes some
    (:attr:`TargetSpec.options`). The result's findings are the loss report and the target pack's findings, errors
    first. Raises LayoutStudioError for an unknown target, an option the target does not take or of the wrong
    type, a ``web`` platform for a native SDK target, or something that is not a preset.
    """
    spec = TARGETS.get(target)
    if spec is None:
        raise LayoutStudioError(f"unknown export target {target!r}; the targets are {', '.join(TARGETS)}")
    opts = ExportOptions.of(target, spec.options, options)
    design, read = _preset(preset)
    source = Source(design, target, opts, findings=read)
    built = spec.build(source)
    findings = source.findings + spec.check(built.checked if built.checked is not None else built.body, source)
    body, removed = strip_secrets(built.body)
    findings += [
        Finding(
            f"export.{target}.secret",
            Severity.INFO,
            path,
            "a secret is left out of the export (never written or printed); add it where the body is used",
            "Layout Studio assumption (secrets never reach a file or the screen)",
        )
        for path in removed
    ]
    return ExportResult(target, body, sort_findings(findings), built.action, built.assets)


class _CallableModule(types.ModuleType):
    """This package, callable as :func:`export` (``layout_studio.export(preset, target, **options)``)."""

    def __call__(self, preset: Any, target: str, **options: Any) -> ExportResult:
        return export(preset, target, **options)


sys.modules[__name__].__class__ = _CallableModule
