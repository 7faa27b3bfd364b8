"""Base class for every TRTC mixing type: API (PascalCase) names, strict JSON types, unknown keys kept.

Every model in :mod:`layout_studio.model` mirrors one data type of the TRTC server API, version 2019-07-22
(``Data Types``; SDK ``tencentcloud.trtc.v20190722.models``). The rules are:

* attributes are snake_case, JSON keys are the API's own names (``z_order`` <-> ``ZOrder``);
* types are strict: an ``Integer`` field takes a JSON integer only (not ``true``, not ``1.0``, not ``"1"``), a
  ``String`` field a JSON string only, so a body round-trips exactly;
* ranges and cross-field constraints are *not* enforced here: a model may hold a design that breaks a rule
  (a region outside the canvas must still be drawn and reported). :mod:`layout_studio.rules` reports those;
* every field carries its documented facts (:class:`~layout_studio.model.facts.FieldFacts`: description, unit,
  allowed values or range, default, source), read with :func:`field_facts`;
* unknown keys are kept (``model_extra``) and dumped back, so nothing is silently dropped; the validator reports
  each one as a ``schema.unknown-field`` finding.
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_pascal

from .facts import FieldFacts


class ApiModel(BaseModel):
    """A TRTC API data type; each field's documented facts are in its metadata (:func:`field_facts`)."""

    model_config = ConfigDict(
        alias_generator=to_pascal,
        populate_by_name=True,
        strict=True,
        extra="allow",
        validate_assignment=True,
    )

    def eff(self, name: str) -> Any:
        """The value the MCU uses for attribute ``name``: the set value, else the documented default (the field's
        :attr:`FieldFacts.default`), else None."""
        value = getattr(self, name)
        if value is not None:
            return value
        facts = field_facts(type(self)).get(name)
        return facts.default if facts is not None else None

    def to_api(self) -> dict[str, Any]:
        """The JSON object in API shape: only the keys that were set (or loaded), unknown keys included."""
        return self.model_dump(by_alias=True, exclude_unset=True)

    @classmethod
    def api_name(cls, attr: str) -> str:
        """The API (JSON) name of attribute ``attr``; raises KeyError for an unknown attribute."""
        field = cls.model_fields[attr]
        return field.alias or attr

    @classmethod
    def api_names(cls) -> dict[str, str]:
        """Map of API name -> attribute name for every declared field."""
        return {(f.alias or a): a for a, f in cls.model_fields.items()}

    @classmethod
    def field_source(cls, attr: str) -> str:
        """The public source of attribute ``attr``: its facts' ``source``, else its own SDK docstring
        (``SDK models.McuLayout.RenderMode``). Raises KeyError for an unknown attribute."""
        facts = field_facts(cls).get(attr)
        return facts.source if facts is not None and facts.source else f"SDK models.{cls.__name__}.{cls.api_name(attr)}"


@cache
def field_facts(cls: type[ApiModel]) -> Mapping[str, FieldFacts]:
    """Attribute name -> :class:`FieldFacts` of every field of ``cls`` that has them (computed once per class)."""
    out: dict[str, FieldFacts] = {}
    for attr, info in cls.model_fields.items():
        for item in info.metadata:
            if isinstance(item, FieldFacts):
                out[attr] = item
    return types.MappingProxyType(out)


def nested_model(annotation: Any) -> type[ApiModel] | None:
    """The ApiModel class a field annotation holds (``McuLayout | None``, ``list[McuLayout] | None``), or None."""
    if isinstance(annotation, type) and issubclass(annotation, ApiModel):
        return annotation
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType, list):
        for arg in get_args(annotation):
            found = nested_model(arg)
            if found is not None:
                return found
    return None


def field_at(cls: type[ApiModel], path: str) -> tuple[type[ApiModel], str]:
    """``(model class, attribute)`` that API ``path`` names from ``cls``: ``field_at(McuLayout,
    "UserMediaStream.UserInfo.RoomIdType")`` -> ``(MixUserInfo, "room_id_type")``; list indices (``[0]``) are
    skipped. Raises KeyError naming the first part no model declares."""
    parts = [p for p in re.sub(r"\[\d+\]", "", path).split(".") if p]
    if not parts:
        raise KeyError(path)
    for i, part in enumerate(parts):
        attr = cls.api_names().get(part)
        if attr is None:
            raise KeyError(f"{cls.__name__} has no field {part!r} (in {path!r})")
        if i == len(parts) - 1:
            return cls, attr
        inner = nested_model(cls.model_fields[attr].annotation)
        if inner is None:
            raise KeyError(f"{cls.__name__}.{part} holds no object (in {path!r})")
        cls = inner
    raise KeyError(path)  # pragma: no cover - the loop returns on the last part


def model_types(root: type[ApiModel]) -> dict[str, type[ApiModel]]:
    """Class name -> class of ``root`` and every ApiModel its fields hold, at any depth."""
    found: dict[str, type[ApiModel]] = {}
    pending = [root]
    while pending:
        cls = pending.pop()
        if cls.__name__ in found:
            continue
        found[cls.__name__] = cls
        pending.extend(m for f in cls.model_fields.values() if (m := nested_model(f.annotation)) is not None)
    return found


def iter_models(model: ApiModel, path: str = "") -> Iterator[tuple[str, ApiModel]]:
    """Yield ``(path, model)`` for ``model`` and every nested ApiModel, paths in API names.

    Paths look like ``VideoParams.LayoutParams.MixLayoutList[1]`` (empty string for the root).
    """
    yield path, model
    for attr in type(model).model_fields:
        value = getattr(model, attr)
        if value is None:
            continue
        key = type(model).api_name(attr)
        sub = f"{path}.{key}" if path else key
        if isinstance(value, ApiModel):
            yield from iter_models(value, sub)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, ApiModel):
                    yield from iter_models(item, f"{sub}[{i}]")


def join_path(*parts: str | int) -> str:
    """Join API path parts: ``join_path("VideoParams", "WaterMarkList", 2, "ZOrder")`` ->
    ``VideoParams.WaterMarkList[2].ZOrder``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part:
            out = f"{out}.{part}" if out else part
    return out
