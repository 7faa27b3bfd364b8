"""Validator packs: the rules of one target's own API or SDK type, run over a body of that type.

A :class:`Pack` holds the single-field rules derived from the field facts of the target's model types (ranges and
enums, :func:`layout_studio.rules.fields.field_rules`, codes such as ``recording.video.bitrate-range``) and the
target's own cross-field rules (:func:`pack_rule`, codes ``<target>.<what>``: ``recording.windows.too-many``). The
rules are not registered in the validator's global registry: they only run over bodies of their target, through
:meth:`Pack.check`, which the export runs on every body it builds and which ``record``/``ingest`` commands can run
on the bodies they send (``sending=True`` adds the checks of required fields). Findings are at body paths
(``MixLayoutParams.MixLayoutList[3].Width``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from pydantic import ValidationError

from ..findings import Finding, Severity, sort_findings
from ..model import ApiModel, join_path, model_types
from ..rules.fields import field_rules
from ..rules.registry import Hit, Hits, Rule, RuleContext, run
from ..sources import api
from .convert import URL_CHARS_RECORDING, url_problems

__all__ = ["Hits", "Pack", "PackCheck", "PackContext", "pack_rule", "repeats", "url_hits"]


@dataclass
class PackContext(RuleContext):
    """A :class:`~layout_studio.rules.registry.RuleContext` over a target's body. ``sending``: the body is about to
    be sent, so fields the API requires are checked too (an export leaves the secrets and the task's own fields
    for the sender to fill in)."""

    sending: bool = False


_K = TypeVar("_K")
_V = TypeVar("_V", bound=Hashable)

#: A pack rule's check: hits about a body, from its :class:`PackContext`.
PackCheck = Callable[[PackContext], Iterable[Hit]]


def pack_rule(code: str, severity: Severity, source: str) -> Callable[[PackCheck], Rule]:
    """Decorator: ``check(ctx)`` as a :class:`Rule` of a pack (not registered globally)."""

    def make(check: PackCheck) -> Rule:
        def run_check(ctx: RuleContext) -> Iterable[Hit]:
            return check(cast(PackContext, ctx))

        return Rule(code, severity, source, run_check, (check.__doc__ or "").strip())

    return make


@dataclass(frozen=True)
class Pack:
    """The rules of one target: the body type ``model``, the single-field rules of its facts, and ``rules``."""

    target: str
    model: type[ApiModel]
    rules: tuple[Rule, ...]

    def all_rules(self) -> list[Rule]:
        """The single-field rules of every type the body holds, then the target's own rules."""
        return [*field_rules(model_types(self.model).values()), *self.rules]

    def check(
        self,
        body: dict[str, Any],
        *,
        sending: bool = False,
        region: str | None = None,
        source: str = "",
        canvas: tuple[int, int] | None = None,
    ) -> list[Finding]:
        """Every finding of the pack about ``body`` (a JSON object of :attr:`model`'s type), errors first.

        A field of the wrong type is a ``<target>.schema.type`` error (the rest is not checked). ``region``: the
        API region the body goes to (a request header), for the rules that depend on it. ``canvas``: (width,
        height) in pixels of the task a body without its own encoding goes to (a ModifyCloudRecording body: the
        recording's canvas). Never raises."""
        try:
            root = self.model.model_validate(body)
        except ValidationError as exc:
            return [
                Finding(
                    f"{self.target}.schema.type",
                    Severity.ERROR,
                    join_path(*[p for p in err["loc"] if isinstance(p, (str, int))]),
                    f"{err['msg']}; the body does not have the shape of {self.model.__name__}",
                    source or api(self.model.__name__.removesuffix("Request")),
                )
                for err in exc.errors()[:5]
            ]
        ctx = PackContext(
            root=root,
            kind=self.target,
            action=None,
            canvas=canvas,
            canvas_from=None if canvas is None else "the task",
            region=region,
            sending=sending,
        )
        return sort_findings(run(ctx, self.all_rules()))

    def check_export(self, body: dict[str, Any], _source: object = None) -> list[Finding]:
        """:meth:`check` as an export target's ``check`` (the export's source is not needed)."""
        return self.check(body)


def repeats(items: Iterable[tuple[_K, _V | None]]) -> Iterator[tuple[_K, _V, _K]]:
    """``(key, value, earlier key)`` for each item of ``items`` (``(key, value)``) whose value an earlier item has
    (the nearest earlier one); None values are skipped. For the rules that want a value unique (zOrder)."""
    seen: dict[_V, _K] = {}
    for key, value in items:
        if value is None:
            continue
        if value in seen:
            yield key, value, seen[value]
        seen[value] = key


def url_hits(
    items: Iterable[tuple[str, str | None]],
    formats: tuple[str, ...],
    *,
    chars: frozenset[str] = URL_CHARS_RECORDING,
    max_bytes: int | None = None,
) -> Hits:
    """``(path, message)`` for every image URL of ``items`` (``(path, url)``) that breaks the target's rules: an
    http(s) link, a path ending in one of ``formats``, only ``chars``, at most ``max_bytes`` bytes."""
    for path, url in items:
        if url is None:
            continue
        for problem in url_problems(url, formats, chars=chars, max_bytes=max_bytes):
            yield path, problem
