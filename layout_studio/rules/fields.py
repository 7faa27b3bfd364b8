"""Single-field rules: the enums and ranges of the documented integer fields, derived from the model's field facts.

Every field whose :class:`~layout_studio.model.FieldFacts` give allowed ``values`` or a ``low``..``high`` range
names the stable code of its check (``video.encode.width-range``, ``layout.region.render-mode``);
:func:`field_rules` turns them into one error rule per code. A value outside is reported at the field's API path
with the value, the limit and the fix; absent fields are not checked here (requirements live with their concern).
Several fields may share a code (``task.with-transcoding`` on the start and update bodies): they share their facts.

Where the Data Types page and the SDK disagree (VideoEncode Height, Fps, BitRate) the facts hold the range that
makes an error (the SDK's, widened to the older page's 0 where the page allows it) and
``video.encode.manual-differs`` warns about the difference. ``value.integer.64-bit`` covers every other integer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, get_args, get_origin

from .. import model as api_model
from ..findings import Severity
from ..model import ApiModel, FieldFacts, VideoEncode, field_facts, join_path
from .registry import Check, Hits, Report, Rule, RuleContext, add_rule, fixes, rule

E, W = Severity.ERROR, Severity.WARNING
INT_LOW, INT_HIGH = -(2**63), 2**64 - 1  # what any 64-bit integer (signed or not) can hold


def api_types() -> list[type[ApiModel]]:
    """Every API type :mod:`layout_studio.model` exports, in its ``__all__`` order."""
    found = (getattr(api_model, name) for name in api_model.__all__)
    return [cls for cls in found if isinstance(cls, type) and issubclass(cls, ApiModel)]


def checked_fields(classes: Iterable[type[ApiModel]]) -> dict[str, list[tuple[type[ApiModel], str, FieldFacts]]]:
    """Rule code -> ``(class, attribute, facts)`` of every field of ``classes`` whose facts name that code.

    Raises ValueError when two fields share a code but not their facts (they would need two messages)."""
    out: dict[str, list[tuple[type[ApiModel], str, FieldFacts]]] = {}
    for cls in classes:
        for attr, facts in field_facts(cls).items():
            if not facts.rule:
                continue
            same = out.setdefault(facts.rule, [])
            if same and same[0][2] != facts:
                first = same[0]
                raise ValueError(
                    f"rule {facts.rule!r}: {first[0].__name__}.{first[1]} and {cls.__name__}.{attr} differ in facts"
                )
            same.append((cls, attr, facts))
    return out


def _check_for(places: Sequence[tuple[type[ApiModel], str, FieldFacts]]) -> Check:
    first_cls, first_attr, facts = places[0]
    name = first_cls.api_name(first_attr)
    limit = facts.limit()
    fix = "set one of these" if facts.values is not None else "set a value in that range"

    def check(ctx: RuleContext) -> Hits:
        for cls, attr, _facts in places:
            for path, item in ctx.of_type(cls):
                value = getattr(item, attr)
                if value is not None and not facts.allows(value):
                    yield join_path(path, name), f"{name} is {value}; valid: {limit} — {fix}"

    check.__doc__ = f"{first_cls.__name__}.{name} must be {limit}."
    return check


def field_rules(classes: Iterable[type[ApiModel]]) -> list[Rule]:
    """One error :class:`Rule` per rule code in the field facts of ``classes``: its source is the first field's
    (:meth:`~layout_studio.model.ApiModel.field_source`), its message ``Width is 2560; valid: 0..1920 pixels — set
    a value in that range``."""
    rules = []
    for code, places in checked_fields(classes).items():
        check = _check_for(places)
        cls, attr, _facts = places[0]
        rules.append(Rule(code, E, cls.field_source(attr), check, check.__doc__ or ""))
    return rules


for _rule in field_rules(api_types()):
    add_rule(_rule)


@rule(
    "video.encode.manual-differs",
    W,
    "SDK models.VideoEncode (Height [0,1920], Fps [1,60], BitRate [1,10000]); Data Types VideoEncode "
    "(Height [0,1080], Fps [0,60], BitRate [0,10000])",
)
def encode_manual_differs(ctx: RuleContext) -> Hits:
    """Values the SDK allows but the older Data Types page does not (or the reverse): may be rejected by older
    servers."""
    for path, ve in ctx.of_type(VideoEncode):
        if ve.height is not None and 1080 < ve.height <= 1920:
            yield Report(
                f"{path}.Height",
                f"Height {ve.height} is allowed by the SDK (0..1920) but the Data Types page says 0..1080; "
                f"portrait canvases need it — if the API rejects it, use at most 1080",
                fixes({f"{path}.Height": 1080}),
            )
        if ve.fps == 0:
            yield f"{path}.Fps", "Fps 0 is allowed by the Data Types page (0..60) but not the SDK (1..60); use 1..60"
        if ve.bit_rate == 0:
            yield (
                f"{path}.BitRate",
                "BitRate 0 is allowed by the Data Types page (0..10000) but not the SDK (1..10000); use 1..10000 kbps",
            )


def _is_int(annotation: Any) -> bool:
    if annotation is int:
        return True
    return get_origin(annotation) is not list and any(_is_int(a) for a in get_args(annotation))


def unranged_int_fields(classes: Iterable[type[ApiModel]]) -> dict[type[ApiModel], list[str]]:
    """Model class -> its integer attributes whose facts give no range or enum (``value.integer.64-bit``'s)."""
    out: dict[type[ApiModel], list[str]] = {}
    for cls in classes:
        facts = field_facts(cls)
        attrs = [a for a, f in cls.model_fields.items() if _is_int(f.annotation) and not (a in facts and facts[a].rule)]
        if attrs:
            out[cls] = attrs
    return out


_INT_FIELDS = unranged_int_fields(api_types())


@rule(
    "value.integer.64-bit",
    E,
    "Layout Studio assumption (an API Integer is a 64-bit number: SDK models int fields, Data Types 'Integer'; "
    "fields with a documented range say more)",
)
def integer_64_bit(ctx: RuleContext) -> Hits:
    """An integer beyond any 64-bit integer (-2^63..2^64-1) cannot reach the API (fields without their own range:
    SdkAppId, SequenceNumber, ZOrder, FontSize, ...)."""
    for cls, attrs in _INT_FIELDS.items():
        for path, item in ctx.of_type(cls):
            for attr in attrs:
                value = getattr(item, attr)
                if value is None or INT_LOW <= value <= INT_HIGH:
                    continue
                name, text = cls.api_name(attr), str(value)
                shown = text if len(text) <= 24 else f"{text[:20]}... ({len(text.lstrip('-'))} digits)"
                yield (
                    join_path(path, name),
                    (
                        f"{name} {shown} is beyond any 64-bit integer ({INT_LOW}..{INT_HIGH}): "
                        f"the API cannot read it — use a value in the field's range"
                    ),
                )
