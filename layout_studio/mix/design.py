"""The design view of a config: its video, audio and SEI sections, main room and canvas, whatever the config is.

A config is a :class:`~layout_studio.model.Preset`, a StartPublishCdnStream / UpdatePublishCdnStream request model,
or a raw dict of either (parsed best-effort with :func:`layout_studio.documents.parse`, so a field of the wrong type
is dropped rather than stopping the preview). :func:`coerce` never raises for a dict, a model or a
:class:`Design`; anything else is a :class:`~layout_studio.errors.LayoutStudioError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..documents import Kind, parse
from ..errors import LayoutStudioError
from ..findings import Finding, Severity
from ..model import (
    ApiModel,
    McuAudioParams,
    McuLayoutParams,
    McuSeiParams,
    McuVideoParams,
    Preset,
    StartPublishCdnStreamRequest,
    UpdatePublishCdnStreamRequest,
)
from ..sources import data_type, sdk

#: Largest canvas side the preview draws (pixels); the API allows 1920 (SDK VideoEncode.Width/Height).
MAX_CANVAS_SIDE = 2560
#: Canvas used when a config has none (an update body without VideoEncode), unless ``canvas=`` is given.
FALLBACK_CANVAS = (1280, 720)
SOURCE_CANVAS = f"{data_type('VideoEncode')}; {sdk('VideoEncode.Width')}/Height"
#: The effective MixLayoutMode of a custom layout (the others, 1-3, are dynamic templates).
CUSTOM_MODE = 4
#: The warning that a design is mixed as audio only (no VideoParams), and where that comes from.
AUDIO_ONLY_CODE = "render.audio-only"
SOURCE_AUDIO_ONLY = (
    "API StartPublishCdnStream (VideoParams: required when mixing video; the 'Mix Audio & Relay' example has none)"
)


@dataclass
class Design:
    """The parts of a config the mix, the preview and the SEI use.

    ``canvas``: (width, height) in pixels, always set; ``room_id``: the main room (RoomId, or the preset's
    Target.RoomId), None when the config has none; ``kind``: ``preset``, ``start`` or ``update``; ``findings``: the
    ``schema.*`` findings of parsing a dict and the ``render.canvas.*`` warnings of choosing the canvas (or the
    ``render.audio-only`` warning);
    ``audio_only``: a preset or start body without VideoParams, which the MCU mixes as audio only (no picture, so no
    regions, watermarks or layout SEI: API StartPublishCdnStream, VideoParams "required when mixing video"); an
    update body without VideoParams keeps the task's video as it is, so it is never audio only.
    """

    video: McuVideoParams
    audio: McuAudioParams | None
    sei: McuSeiParams | None
    room_id: str | None
    canvas: tuple[int, int]
    kind: Kind
    findings: list[Finding] = field(default_factory=list)
    audio_only: bool = False

    @property
    def layout(self) -> McuLayoutParams:
        """LayoutParams (an empty one when absent: MixLayoutMode then defaults to 1, floating)."""
        return self.video.layout_params or McuLayoutParams()

    @property
    def mode(self) -> int:
        """The effective MixLayoutMode (1 floating, 2 screen sharing, 3 grid, 4 custom)."""
        mode: int = self.layout.eff("mix_layout_mode")
        return mode

    @property
    def custom(self) -> bool:
        """True for a custom layout (MixLayoutMode 4, regions from MixLayoutList); False for a dynamic template."""
        return self.mode == CUSTOM_MODE


def _model_of(config: Any) -> tuple[ApiModel, list[Finding]]:
    if isinstance(config, (Preset, StartPublishCdnStreamRequest, UpdatePublishCdnStreamRequest)):
        return config, []
    if isinstance(config, dict):
        model, findings = parse(config)
        return model, list(findings)
    raise LayoutStudioError(
        f"cannot preview a {type(config).__name__}: pass a Preset, a request model or a JSON object (dict)"
    )


def coerce(config: Any, canvas: tuple[int, int] | None = None) -> Design:
    """The :class:`Design` of ``config`` (returned as is when it already is one).

    ``canvas`` (width, height) in pixels is used when the config has no VideoEncode size (an update body); without
    either, :data:`FALLBACK_CANVAS` is used and a ``render.canvas.missing`` warning says so. A side over
    :data:`MAX_CANVAS_SIDE` is clamped, with a ``render.canvas.clamped`` warning. Raises LayoutStudioError for a
    config that is not a Preset, a request model or a dict.
    """
    if isinstance(config, Design):
        return config
    model, findings = _model_of(config)
    video = getattr(model, "video_params", None) or McuVideoParams()
    kind: Kind = (
        "preset"
        if isinstance(model, Preset)
        else ("update" if isinstance(model, UpdatePublishCdnStreamRequest) else "start")
    )
    room = getattr(model, "room_id", None)
    if room is None and isinstance(model, Preset) and model.target is not None:
        room = model.target.room_id
    size = video.canvas
    path = "VideoParams.VideoEncode"
    audio_only = kind != "update" and getattr(model, "video_params", None) is None
    if audio_only:
        size = canvas or FALLBACK_CANVAS
        findings.append(
            Finding(
                AUDIO_ONLY_CODE,
                Severity.WARNING,
                "VideoParams",
                "no VideoParams: the MCU mixes audio only and outputs no picture, so there are no regions, "
                f"watermarks or layout SEI; the preview is an empty {size[0]}x{size[1]} canvas",
                SOURCE_AUDIO_ONLY,
            )
        )
    elif size is None or size[0] <= 0 or size[1] <= 0:
        if canvas is not None:
            size = canvas
        else:
            size = FALLBACK_CANVAS
            findings.append(
                Finding(
                    "render.canvas.missing",
                    Severity.WARNING,
                    path,
                    f"no canvas size (VideoEncode Width and Height); the preview uses {size[0]}x{size[1]}. "
                    "Set VideoEncode, or pass the running task's canvas",
                    SOURCE_CANVAS,
                )
            )
    w, h = size
    if w > MAX_CANVAS_SIDE or h > MAX_CANVAS_SIDE:
        size = (min(w, MAX_CANVAS_SIDE), min(h, MAX_CANVAS_SIDE))
        findings.append(
            Finding(
                "render.canvas.clamped",
                Severity.WARNING,
                path,
                f"canvas {w}x{h} is far over the 1920 limit; the preview draws {size[0]}x{size[1]}",
                SOURCE_CANVAS,
            )
        )
    return Design(
        video=video,
        audio=getattr(model, "audio_params", None),
        sei=getattr(model, "sei_params", None),
        room_id=room,
        canvas=(int(size[0]), int(size[1])),
        kind=kind,
        findings=findings,
        audio_only=audio_only,
    )
