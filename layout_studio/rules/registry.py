"""The rule registry and the context every rule reads.

A rule is a generator ``check(ctx: RuleContext) -> Hits`` yielding ``(path, message)`` per problem (or
``(path, message, source)`` to cite a more precise source for one hit, or a :class:`Report` to give the
:class:`~layout_studio.findings.Fix` objects that remove it), registered with :func:`rule` under a
stable dotted ``code`` with a fixed ``severity`` and a ``source`` (public documents, in the forms of
:mod:`layout_studio.sources`). :func:`run` turns the hits into :class:`~layout_studio.findings.Finding` objects.

The :class:`RuleContext` holds the *request-shaped view* of what is validated (a preset's sections and Target
merged at the root, so paths read the same as in a request body), the action (``"start"``, ``"update"`` or
``None`` for a design-only check), the effective canvas ``(width, height)`` in pixels and where it came from, and
indexes of the nested models by type, so rules do not walk the tree again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, TypeVar, cast

from ..findings import Finding, Fix, FixValue, Severity
from ..model import (
    ApiModel,
    McuAudioParams,
    McuLayout,
    McuLayoutParams,
    McuVideoParams,
    McuWaterMarkParams,
    StartPublishCdnStreamRequest,
    UpdatePublishCdnStreamRequest,
    iter_models,
)

Action = Literal["start", "update"] | None


@dataclass(frozen=True, slots=True)
class Report:
    """One problem with the ways to remove it: ``fixes`` (alternatives, each enough on its own) and an optional
    ``source`` more precise than the rule's."""

    path: str
    message: str
    fixes: tuple[Fix, ...] = ()
    source: str = ""


def fixes(*alternatives: Mapping[str, FixValue]) -> tuple[Fix, ...]:
    """``fixes({path: value}, {other_path: value})``: one :class:`~layout_studio.findings.Fix` per alternative."""
    return tuple(Fix.of(changes) for changes in alternatives)


#: What a check yields for one problem: ``(path, message)``, ``(path, message, source)`` or a :class:`Report`.
Hit = tuple[str, str] | tuple[str, str, str] | Report
#: What a check returns (rules are generators).
Hits = Iterator[Hit]
Check = Callable[["RuleContext"], Iterable[Hit]]
View = StartPublishCdnStreamRequest | UpdatePublishCdnStreamRequest
M = TypeVar("M", bound=ApiModel)


@dataclass(frozen=True)
class Rule:
    """A registered rule: stable ``code``, ``severity``, ``source`` (public documents) and its ``check``."""

    code: str
    severity: Severity
    source: str
    check: Check
    doc: str = ""


#: Every registered rule, by code (filled when :mod:`layout_studio.rules` imports its modules).
RULES: dict[str, Rule] = {}


def rule(code: str, severity: Severity, source: str) -> Callable[[Check], Check]:
    """Decorator registering ``check(ctx)`` as rule ``code``; raises ValueError for a code registered twice."""

    def register(check: Check) -> Check:
        add_rule(Rule(code, severity, source, check, (check.__doc__ or "").strip()))
        return check

    return register


def add_rule(r: Rule) -> Rule:
    """Register ``r`` (used by table-driven rule modules); raises ValueError for a duplicate code."""
    if r.code in RULES:
        raise ValueError(f"rule code {r.code!r} registered twice")
    RULES[r.code] = r
    return r


@dataclass
class RuleContext:
    """What a rule sees.

    ``root``: the request-shaped view (a StartPublishCdnStreamRequest for presets and start bodies, an
    UpdatePublishCdnStreamRequest for update bodies). ``kind``: "preset", "start" or "update" (what was given).
    ``action``: "start", "update" or None (design only: task rules that need a target are skipped).
    ``canvas``: (width, height) in pixels or None; ``canvas_from``: "VideoParams.VideoEncode" or "--canvas".
    ``region``: a preset's Target.Region (the API region, a request header rather than a body field) or None.
    """

    root: ApiModel
    kind: str
    action: Action
    canvas: tuple[int, int] | None
    canvas_from: str | None
    region: str | None = None
    _by_type: dict[type, list[tuple[str, ApiModel]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for path, model in iter_models(self.root):
            self._by_type.setdefault(type(model), []).append((path, model))

    def of_type(self, cls: type[M]) -> list[tuple[str, M]]:
        """``(path, model)`` of every nested model of class ``cls``, in document order."""
        return cast(list[tuple[str, M]], self._by_type.get(cls, []))

    def get(self, name: str) -> Any:
        """Attribute ``name`` of the root (None when the root's type has no such field)."""
        return getattr(self.root, name, None)

    @property
    def video(self) -> McuVideoParams | None:
        """The root's VideoParams."""
        video: McuVideoParams | None = self.get("video_params")
        return video

    @property
    def layout(self) -> McuLayoutParams | None:
        """VideoParams.LayoutParams."""
        return self.video.layout_params if self.video else None

    @property
    def audio(self) -> McuAudioParams | None:
        """The root's AudioParams."""
        audio: McuAudioParams | None = self.get("audio_params")
        return audio

    @cached_property
    def mode(self) -> int | None:
        """MixLayoutMode in effect (default 1 when LayoutParams is given without it), None without LayoutParams."""
        mode: int | None = self.layout.eff("mix_layout_mode") if self.layout else None
        return mode

    @cached_property
    def custom(self) -> bool:
        """True when MixLayoutList is in effect (MixLayoutMode 4)."""
        return self.mode == 4

    @cached_property
    def regions(self) -> list[tuple[str, McuLayout]]:
        """``(path, McuLayout)`` of MixLayoutList, e.g. ``VideoParams.LayoutParams.MixLayoutList[0]``."""
        items = self.layout.mix_layout_list if self.layout else None
        return [(f"VideoParams.LayoutParams.MixLayoutList[{i}]", r) for i, r in enumerate(items or [])]

    @cached_property
    def watermarks(self) -> list[tuple[str, McuWaterMarkParams]]:
        """``(path, McuWaterMarkParams)`` of WaterMarkList, e.g. ``VideoParams.WaterMarkList[0]``."""
        items = self.video.water_mark_list if self.video else None
        return [(f"VideoParams.WaterMarkList[{i}]", w) for i, w in enumerate(items or [])]

    @property
    def transcoding(self) -> int | None:
        """The root's WithTranscoding."""
        value: int | None = self.get("with_transcoding")
        return value


def run(ctx: RuleContext, rules: Iterable[Rule] | None = None) -> Iterator[Finding]:
    """Run ``rules`` (default: all registered) over ``ctx`` and yield their findings."""
    for r in RULES.values() if rules is None else rules:
        for hit in r.check(ctx) or ():
            if isinstance(hit, Report):
                yield Finding(r.code, r.severity, hit.path, hit.message, hit.source or r.source, hit.fixes)
                continue
            path, message = hit[0], hit[1]
            source = hit[2] if len(hit) > 2 else r.source
            yield Finding(r.code, r.severity, path, message, source)
