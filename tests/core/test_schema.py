"""The preset JSON Schema: committed copy up to date, closed objects, descriptions, and the bundled presets conform.

jsonschema is not a dependency; :func:`conforms` checks the subset of draft 2020-12 the schema uses (type,
properties, additionalProperties, $ref, items, const) and is itself tested to reject a typo.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import layout_studio.model as m
from layout_studio.presets import SCHEMA_FILE, bundled_presets
from layout_studio.schema import DRAFT, preset_schema, schema_json

SCHEMA = preset_schema()
_TYPES = {"object": dict, "array": list, "string": str, "integer": int}


def conforms(value: Any, schema: dict[str, Any], path: str = "") -> list[str]:
    """Problems of ``value`` against ``schema`` (the subset used by the preset schema), as ``path: problem``."""
    if "$ref" in schema:
        schema = {
            **SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[1]],
            **{k: v for k, v in schema.items() if k != "$ref"},
        }
    problems = []
    expected = schema.get("type")
    if expected and (not isinstance(value, _TYPES[expected]) or isinstance(value, bool)):
        return [f"{path}: not {expected}"]
    if "const" in schema and value != schema["const"]:
        problems.append(f"{path}: not {schema['const']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key, item in value.items():
            if key in props:
                problems += conforms(item, props[key], f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                problems.append(f"{path}.{key}: not allowed")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            problems += conforms(item, schema["items"], f"{path}[{i}]")
    return problems


def test_committed_schema_is_up_to_date():
    assert SCHEMA_FILE.read_text() == schema_json(), (
        "regenerate: layout-studio schema -o layout_studio/data/preset.schema.json"
    )


def test_schema_is_draft_2020_12_and_closed():
    assert SCHEMA["$schema"] == DRAFT
    objects = [SCHEMA, *SCHEMA["$defs"].values()]
    assert all(o["additionalProperties"] is False for o in objects)


def test_every_field_of_every_model_is_described_under_its_api_name():
    for name, body in SCHEMA["$defs"].items():
        model = getattr(m, name)
        assert set(body["properties"]) == set(model.api_names()), name
        assert body["description"]
        for field, prop in body["properties"].items():
            assert prop.get("description"), f"{name}.{field}"
            assert {"type": "null"} not in prop.get("anyOf", [])


@pytest.mark.parametrize("path", bundled_presets(), ids=lambda p: p.stem)
def test_bundled_presets_conform(path):
    assert conforms(json.loads(path.read_text()), SCHEMA) == []


def test_a_typo_or_wrong_type_does_not_conform():
    doc = json.loads(bundled_presets()[0].read_text())
    doc["VideoParams"]["LayoutParams"]["MixLayoutList"][0]["LocationZ"] = 1
    doc["VideoParams"]["VideoEncode"]["Width"] = "1280"
    doc["Format"] = "layout-studio/preset@2"
    assert sorted(conforms(doc, SCHEMA)) == sorted(
        [
            ".VideoParams.LayoutParams.MixLayoutList[0].LocationZ: not allowed",
            ".VideoParams.VideoEncode.Width: not integer",
            ".Format: not layout-studio/preset@1",
        ]
    )


def test_format_is_required_so_an_editor_flags_a_preset_without_it():
    """Without "Format" a file is read as a StartPublishCdnStream body, not a preset: the schema must say so."""
    assert SCHEMA["required"] == ["Format"]
    assert all("Format" in json.loads(p.read_text()) for p in bundled_presets())
    assert all("required" not in body for body in SCHEMA["$defs"].values())  # every API field stays optional
