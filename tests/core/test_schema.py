"""The preset JSON Schema: committed copy up to date, a valid draft 2020-12 schema (checked against its metaschema
with jsonschema), closed objects, descriptions, and every bundled preset conforms and points at it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import layout_studio.model as m
from layout_studio.presets import SCHEMA_FILE, bundled_presets
from layout_studio.schema import DRAFT, preset_schema, schema_json

SCHEMA = preset_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def problems(doc: object) -> list[str]:
    """Every way ``doc`` breaks the preset schema, as ``path: message`` (path in JSON Pointer form)."""
    return sorted(f"{error.json_path}: {error.validator}" for error in VALIDATOR.iter_errors(doc))


def test_committed_schema_is_up_to_date():
    assert SCHEMA_FILE.read_text() == schema_json(), (
        "regenerate: layout-studio schema -o presets/schema/preset.schema.json"
    )


def test_the_schema_is_valid_against_the_draft_2020_12_metaschema():
    assert jsonschema.validators.validator_for(SCHEMA) is jsonschema.Draft202012Validator
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text()))


def test_schema_is_draft_2020_12_and_closed():
    assert SCHEMA["$schema"] == DRAFT
    objects = [SCHEMA, *SCHEMA["$defs"].values()]
    assert all(o["additionalProperties"] is False for o in objects)


def test_every_field_of_every_model_is_described_under_its_api_name():
    types = m.model_types(m.Preset)  # the Target's IngestSources and StorageParams types live in their own modules
    for name, body in SCHEMA["$defs"].items():
        model = types[name]
        assert set(body["properties"]) == set(model.api_names()), name
        assert body["description"]
        for field, prop in body["properties"].items():
            assert prop.get("description"), f"{name}.{field}"
            assert {"type": "null"} not in prop.get("anyOf", [])


@pytest.mark.parametrize("path", bundled_presets(), ids=lambda p: p.stem)
def test_bundled_presets_conform_and_their_schema_reference_resolves_to_the_committed_schema(path: Path):
    doc = json.loads(path.read_text())
    assert problems(doc) == []
    assert (path.parent / doc["$schema"]).resolve() == SCHEMA_FILE.resolve()


def test_a_typo_or_wrong_type_does_not_conform():
    doc = json.loads(bundled_presets()[0].read_text())
    doc["VideoParams"]["LayoutParams"]["MixLayoutList"][0]["LocationZ"] = 1
    doc["VideoParams"]["VideoEncode"]["Width"] = "1280"
    doc["Format"] = "layout-studio/preset@2"
    assert problems(doc) == [
        "$.Format: const",
        "$.VideoParams.LayoutParams.MixLayoutList[0]: additionalProperties",
        "$.VideoParams.VideoEncode.Width: type",
    ]
    assert any("'LocationZ' was unexpected" in error.message for error in VALIDATOR.iter_errors(doc))


def test_format_is_required_so_an_editor_flags_a_preset_without_it():
    """Without "Format" a file is read as a StartPublishCdnStream body, not a preset: the schema must say so."""
    assert SCHEMA["required"] == ["Format"]
    doc = json.loads(bundled_presets()[0].read_text())
    del doc["Format"]
    assert problems(doc) == ["$: required"]
    assert all("Format" in json.loads(p.read_text()) for p in bundled_presets())
    assert all("required" not in body for body in SCHEMA["$defs"].values())  # every API field stays optional
