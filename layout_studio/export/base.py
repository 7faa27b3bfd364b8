"""What every export shares: its options, its result, and the source it converts (the preset seen through the mix).

A target module (:mod:`.recording`, :mod:`.legacy`, :mod:`.stream_mixing`, :mod:`.transcoding`, :mod:`.web_cdn`)
defines a :class:`TargetSpec` whose ``build(source) -> Built`` converts a :class:`Source` and whose ``check``
is the target's validator pack (:mod:`.pack`). The loss report is findings ``export.<target>.<what>``
(:meth:`Source.lost`): severity warning when something visible (or audible) is lost, info when the loss has no
effect on what viewers get.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ..errors import LayoutStudioError
from ..findings import Finding, Severity, has_errors
from ..mix import Design, Slot, coerce, resolve
from ..model import ApiModel, McuWaterMarkParams, MixUserInfo, Preset


def api_dict(model: ApiModel) -> dict[str, Any]:
    """``model`` as a JSON object in its API (or SDK) names, fields left at None out."""
    data: dict[str, Any] = model.model_dump(by_alias=True, exclude_none=True)
    return data


@dataclass(frozen=True)
class ExportOptions:
    """What an export may be told besides the preset (each target accepts some of them, see
    :attr:`TargetSpec.options`).

    ``users``: how many users a dynamic layout is fixed for on targets without templates (default 4).
    ``platform``: the client SDK's shape (``android``, ``ios``, ``windows``; ``web`` for web-cdn-streaming).
    ``output``: the file the body will be written to; text watermarks are drawn next to it.
    ``sdk_app_id``, ``room_id``, ``room_id_type``: override the preset's Target (RoomIdType in the mixing APIs'
    meaning: 0 integer, 1 string — each target writes its own). ``robot_user_id``: the recording robot's UserId.
    ``stream_id``: the live stream ID of a legacy or client mix. ``place_image_id``: the console image ID of the
    legacy placeholders, one for all or a mapping placeholder URL -> ID.
    """

    users: int | None = None
    platform: str | None = None
    output: Path | None = None
    sdk_app_id: int | None = None
    room_id: str | None = None
    room_id_type: int | None = None
    robot_user_id: str | None = None
    stream_id: str | None = None
    place_image_id: int | Mapping[str, int] | None = None

    @classmethod
    def of(cls, target: str, accepted: tuple[str, ...], given: Mapping[str, Any]) -> ExportOptions:
        """The options ``given`` (keyword arguments, None meaning not given) for ``target``, which accepts
        ``accepted``. Raises LayoutStudioError for an unknown option, one the target does not take, or a value
        of the wrong type."""
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, value in given.items():
            if name not in known:
                raise LayoutStudioError(f"unknown export option {name!r}; the options are {', '.join(sorted(known))}")
            if value is None:
                continue
            if name not in accepted:
                takes = ", ".join(accepted) or "none"
                flag = "--" + name.replace("_", "-")
                raise LayoutStudioError(f"export to {target} takes no {name} option ({flag}; it takes: {takes})")
            values[name] = _checked(name, value)
        return cls(**values)


def _checked(name: str, value: Any) -> Any:
    ints = ("users", "sdk_app_id", "room_id_type")
    if name in ints and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise LayoutStudioError(f"export option {name} must be a whole number of 0 or more, not {value!r}")
    if name == "room_id_type" and value not in (0, 1):
        raise LayoutStudioError("export option room_id_type is 0 (integer room) or 1 (string room)")
    if name == "output":
        return Path(value)
    if name in ("room_id", "robot_user_id", "stream_id", "platform") and not isinstance(value, str):
        raise LayoutStudioError(f"export option {name} must be text, not {type(value).__name__}")
    if name == "place_image_id":
        ok = (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, Mapping) and all(isinstance(v, int) and not isinstance(v, bool) for v in value.values())
        )
        if not ok:
            raise LayoutStudioError("export option place_image_id is a console image ID, or URL -> ID")
    return value


@dataclass(frozen=True)
class TextAsset:
    """A text watermark drawn to a PNG file next to the exported body (client SDKs cannot draw text).

    ``file_name``: the PNG's name (in the output's directory); ``path``: the watermark's preset path;
    ``watermark``: the McuWaterMarkParams drawn."""

    file_name: str
    path: str
    watermark: McuWaterMarkParams


@dataclass
class ExportResult:
    """An export: ``body`` the target's JSON (API or SDK field names), ``findings`` the loss report and the target's
    own rules, ``action`` what the body is for (``CreateCloudRecording``, ``StartMCUMixTranscodeByStrRoomId``,
    ``startPublishMediaStream``, …), ``assets`` the text watermarks to draw next to the body (:meth:`write`)."""

    target: str
    body: dict[str, Any]
    findings: list[Finding]
    action: str = ""
    assets: list[TextAsset] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no finding is an error (the body can be used)."""
        return not has_errors(self.findings)

    def to_json(self) -> dict[str, Any]:
        """``{"target", "body", "findings": [{"code", "severity", "path", "message", "source"}]}``."""
        return {"target": self.target, "body": self.body, "findings": [f.to_dict() for f in self.findings]}

    def write(self, path: str | Path) -> list[Path]:
        """Write the body as JSON to ``path`` and draw the text watermarks next to it (atomically); returns the
        files written. Raises LayoutStudioError when a file cannot be written."""
        from .files import write_export

        return write_export(self, Path(path))


@dataclass
class Built:
    """What a target's ``build`` returns: the body (a JSON object), what it is for, the assets, and the body in
    the canonical shape its pack checks (``checked``; None: the body itself)."""

    body: dict[str, Any]
    action: str
    assets: list[TextAsset] = field(default_factory=list)
    checked: dict[str, Any] | None = None


@dataclass
class Source:
    """The preset being exported, seen through the mix (:func:`layout_studio.mix.coerce`), with the options and
    the findings collected so far."""

    preset: Preset
    target: str
    options: ExportOptions
    design: Design = field(init=False)
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.design = coerce(self.preset)

    def lost(self, what: str, path: str, message: str, source: str, *, visible: bool = True) -> None:
        """A loss finding ``export.<target>.<what>`` at preset ``path``: a warning when ``visible`` (or audible),
        an info when it has no effect. Repeated findings are kept once."""
        severity = Severity.WARNING if visible else Severity.INFO
        found = Finding(f"export.{self.target}.{what}", severity, path, message, source)
        if found not in self.findings:
            self.findings.append(found)

    def error(self, what: str, path: str, message: str, source: str) -> None:
        """An error finding ``export.<target>.<what>``: the preset holds a value the target cannot take."""
        self.findings.append(Finding(f"export.{self.target}.{what}", Severity.ERROR, path, message, source))

    def slots(self) -> list[Slot]:
        """The regions of a custom layout in MixLayoutList order (:func:`layout_studio.mix.resolve`)."""
        return resolve(self.design)

    @property
    def room_id(self) -> str | None:
        """The main room: the ``room_id`` option, else the preset's Target.RoomId."""
        return self.options.room_id if self.options.room_id is not None else self.design.room_id

    @property
    def room_id_type(self) -> int | None:
        """The main room's RoomIdType in the mixing APIs' meaning (0 integer, 1 string): the option, the preset's
        Target.RoomIdType, else 0 for a RoomId of digits and 1 for another; None without a room."""
        if self.options.room_id_type is not None:
            return self.options.room_id_type
        target = self.preset.target
        if target is not None and target.room_id_type is not None:
            return target.room_id_type
        room = self.room_id
        if room is None:
            return None
        return 0 if room.isascii() and room.isdigit() else 1

    @property
    def sdk_app_id(self) -> int | None:
        """SdkAppId: the option, else the preset's Target.SdkAppId."""
        if self.options.sdk_app_id is not None:
            return self.options.sdk_app_id
        return self.preset.target.sdk_app_id if self.preset.target is not None else None

    def other_room(self, info: MixUserInfo | None) -> str | None:
        """The room of ``info`` when it is not the main room (a cross-room user), else None. With no main room
        known, any RoomId counts as another room."""
        if info is None or info.room_id is None:
            return None
        return info.room_id if info.room_id != self.room_id else None


@dataclass(frozen=True)
class TargetSpec:
    """One export target: its ``name`` (``--to``), a one-line ``title``, the ``options`` it accepts, the
    ``platforms`` it has shapes for (first: the default), ``build`` (the conversion) and ``check`` (its validator
    pack: body and source -> findings)."""

    name: str
    title: str
    options: tuple[str, ...]
    build: Callable[[Source], Built]
    check: Callable[[dict[str, Any], Source], list[Finding]]  # the canonical body (Built.checked or body)
    platforms: tuple[str, ...] = ()
    draws_text: bool = False
