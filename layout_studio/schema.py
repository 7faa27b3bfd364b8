"""The JSON Schema (draft 2020-12) of the preset file, generated from the pydantic models and their field facts.

Editors use it to complete and check presets: every bundled preset names it in ``"$schema"``
(``schema/preset.schema.json``). The committed copy, ``presets/schema/preset.schema.json`` (shipped with the bundled
presets, :mod:`layout_studio.bundled`), is regenerated with
``layout-studio schema -o presets/schema/preset.schema.json``; a test fails when it is stale.

Differences from pydantic's own output, on purpose:

* ``additionalProperties: false`` on every object, so an editor flags a typo such as ``LocationZ`` (the loader
  itself keeps unknown keys and the validator reports them as ``schema.unknown-field`` findings);
* ``"Format"`` is required (a file without it is read as a request body, not a preset); every API field is
  optional, as in the API;
* optional fields are typed as their value type, not "or null" (an absent key is how the API says "not set");
* each field is described from its :class:`~layout_studio.model.FieldFacts` (:meth:`FieldFacts.summary`: what it
  is, its unit, its allowed values or range and its documented default);
* a field whose facts give allowed values or a range has ``enum`` or ``minimum``/``maximum``: exactly what the
  field's single-field rule (:mod:`layout_studio.rules.fields`) reports as an error, never more, so a file the
  validator accepts (warnings included: ``video.encode.manual-differs``) also passes the schema. Limits that
  involve other fields (CustomCrop against 10000, SEI PayloadType except 244, regions inside the canvas) stay in
  the validator, which can explain them;
* a documented default is the property's ``default``, an annotation for editors: the MCU, not the file, applies it.
"""

from __future__ import annotations

import json
from typing import Any

from .model import ApiModel, Preset, field_facts, model_types

DRAFT = "https://json-schema.org/draft/2020-12/schema"
TITLE = "Layout Studio preset (layout-studio/preset@1)"
DESCRIPTION = (
    "A reusable TRTC cloud-mixing (MCU) design in the API's own shape (StartPublishCdnStream, "
    "version 2019-07-22): VideoParams, AudioParams, SeiParams, and an optional Target without secrets."
)


def model_schema(
    root: type[ApiModel], *, title: str, description: str, required: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document whose top level is ``root``: every type it holds under
    ``$defs`` (sorted), every object closed, every property described from its field facts. ``required`` lists
    the API names the top level must have. Deterministic for a given model."""
    raw = root.model_json_schema(by_alias=True, mode="validation")
    defs = raw.pop("$defs", {})
    classes = model_types(root)
    out: dict[str, Any] = {"$schema": DRAFT, "title": title, "description": description}
    out.update((k, v) for k, v in _tidy_object(raw, root).items() if k not in ("title", "description"))
    if required:
        out["required"] = list(required)
    out["$defs"] = {name: _tidy_object(body, classes[name]) for name, body in sorted(defs.items())}
    return out


def preset_schema() -> dict[str, Any]:
    """The preset file's JSON Schema as a dict; ``Format`` is required (without it the file is read as a request
    body, not a preset)."""
    return model_schema(Preset, title=TITLE, description=DESCRIPTION, required=("Format",))


def schema_json() -> str:
    """:func:`preset_schema` as the committed file's text (2-space indent, sorted ``$defs``, trailing newline)."""
    return json.dumps(preset_schema(), indent=2, ensure_ascii=False) + "\n"


def _tidy_object(body: dict[str, Any], cls: type[ApiModel]) -> dict[str, Any]:
    out = {k: v for k, v in body.items() if k not in ("properties", "additionalProperties")}
    facts = field_facts(cls)
    attrs = cls.api_names()
    props = {}
    for name, prop in body.get("properties", {}).items():
        prop = _tidy_property(prop)
        known = facts.get(attrs[name])
        if known is not None:
            prop["description"] = known.summary()
            if known.values is not None:
                prop["enum"] = list(known.values)
            if known.low is not None:
                prop["minimum"] = known.low
            if known.high is not None:
                prop["maximum"] = known.high
            if known.default is not None:
                prop["default"] = known.default
        props[name] = prop
    out["properties"] = props
    out["additionalProperties"] = False
    return out


def _tidy_property(prop: dict[str, Any]) -> dict[str, Any]:
    prop = dict(prop)
    variants = prop.pop("anyOf", None)
    if variants is not None:
        kept = [v for v in variants if v != {"type": "null"}]
        if len(kept) == 1:
            prop.update(kept[0])
        else:
            prop["anyOf"] = kept
    if prop.get("default", 0) is None:
        del prop["default"]
    prop.pop("title", None)
    if prop.get("type") == "array" and isinstance(prop.get("items"), dict):
        prop["items"] = _tidy_property(prop["items"])
    return prop
