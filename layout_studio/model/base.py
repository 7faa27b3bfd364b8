"""Base class for every TRTC mixing type: API (PascalCase) names, strict JSON types, unknown keys kept.

Every model in :mod:`layout_studio.model` mirrors one data type of the TRTC server API, version 2019-07-22
(manual ``001`` "Data Types"; official SDK ``tencentcloud/trtc/v20190722/models.py``). The rules are:

* attributes are snake_case, JSON keys are the API's own names (``z_order`` <-> ``ZOrder``);
* types are strict: an ``Integer`` field takes a JSON integer only (not ``true``, not ``1.0``, not ``"1"``), a
  ``String`` field a JSON string only, so a body round-trips exactly;
* ranges and cross-field constraints are *not* enforced here: a model may hold a design that breaks a rule
  (a region outside the canvas must still be drawn and reported). :mod:`layout_studio.rules` reports those;
* unknown keys are kept (``model_extra``) and dumped back, so nothing is silently dropped; the validator reports
  each one as a ``schema.unknown-field`` finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_pascal


class ApiModel(BaseModel):
    """A TRTC API data type. ``api_defaults`` holds the documented default of each optional field."""

    model_config = ConfigDict(
        alias_generator=to_pascal,
        populate_by_name=True,
        strict=True,
        extra="allow",
        validate_assignment=True,
    )

    #: Documented defaults (attribute name -> value) the MCU applies when a field is absent.
    api_defaults: ClassVar[dict[str, Any]] = {}

    def eff(self, name: str) -> Any:
        """The value the MCU uses for attribute ``name``: the set value, else the documented default, else None."""
        value = getattr(self, name)
        return self.api_defaults.get(name) if value is None else value

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
