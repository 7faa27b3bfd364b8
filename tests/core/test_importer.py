"""import_request: request bodies become presets; secrets and task state are left out; bad bodies are refused."""

from __future__ import annotations

import json

import pytest

from layout_studio.errors import LayoutStudioError
from layout_studio.importer import import_request
from layout_studio.secrets import find_secrets
from tests.conftest import REFERENCE_FILES


@pytest.mark.parametrize("path", REFERENCE_FILES, ids=lambda p: p.stem)
def test_import_strips_every_secret_of_the_reference_examples(path):
    body = json.loads(path.read_text())
    preset, stripped = import_request(body)
    assert stripped == find_secrets(body)
    assert find_secrets(preset.to_api()) == []
    assert "TaskId" not in json.dumps(preset.to_api()) and "SequenceNumber" not in json.dumps(preset.to_api())


def test_design_sections_and_target_are_split():
    body = json.loads(REFERENCE_FILES[0].read_text())
    preset, _ = import_request(body, name="From the docs")
    assert preset.name == "From the docs"
    assert preset.video_params.to_api() == body["VideoParams"]
    assert preset.audio_params.to_api() == body["AudioParams"]
    target = preset.target.to_api()
    assert set(target) == {"SdkAppId", "RoomId", "RoomIdType", "AgentParams", "WithTranscoding", "PublishCdnParams"}
    assert target["AgentParams"] == {"MaxIdleTime": 30, "UserId": "trtc_partner_test_1"}


def test_txsecret_is_cut_from_the_url_only():
    body = json.loads([p for p in REFERENCE_FILES if p.stem.startswith("update-2")][0].read_text())
    preset, stripped = import_request(body)
    assert stripped == ["PublishCdnParams[0].PublishCdnUrl (txSecret)"]
    assert (
        preset.target.publish_cdn_params[0].publish_cdn_url
        == "rtmp://3891.livepush.myqcloud.com/live/trtc_publishcdn_test2?bizid=3891&txTime=62635BDE"
    )


def test_unknown_keys_are_kept_for_the_validator():
    preset, _ = import_request({"SdkAppId": 1, "RoomID": "1", "VideoParams": {"LayoutParams": {"Mode": 4}}})
    assert preset.target.model_extra == {"RoomID": "1"}
    assert preset.video_params.layout_params.model_extra == {"Mode": 4}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ([1, 2], "must be a JSON object"),
        ({"Format": "layout-studio/preset@1"}, "already a preset"),
        (
            {"VideoParams": {"LayoutParams": {"MixLayoutList": [{"LocationX": "12"}]}}},
            r"VideoParams\.LayoutParams\.MixLayoutList\[0\]\.LocationX: input should be a valid integer",
        ),
        ({"SdkAppId": "1400188366"}, r"SdkAppId: input should be a valid integer"),
    ],
)
def test_bad_bodies_are_refused_with_the_field_path(body, message):
    with pytest.raises(LayoutStudioError, match=message):
        import_request(body)


@pytest.mark.parametrize(
    ("body", "action"),
    [
        ({"SdkAppId": 1}, "StartPublishCdnStream"),
        ({"SdkAppId": 1, "TaskId": "t", "SequenceNumber": 2}, "UpdatePublishCdnStream"),
    ],
)
def test_imported_description_names_the_action_in_plain_english(body, action):
    preset, _ = import_request(body)
    assert preset.description == f"Imported from the request body of {action}."


@pytest.mark.parametrize("key", ["Usersig", "userSig", "user_sig", "USERSIG"])
def test_a_secret_under_a_misspelt_key_is_stripped_and_masked_too(key, tmp_path):
    """A UserSig under a miscased key ('Usersig') was written into the preset file and shown unmasked."""
    from layout_studio.presets import save_preset
    from layout_studio.secrets import mask_secrets

    body = json.loads(REFERENCE_FILES[0].read_text())
    secret = body["AgentParams"].pop("UserSig")
    body["AgentParams"][key] = secret
    body["RecordParams"] = {"UniRecord": 3, "McuStorageParams": {"CloudStorage": {"secretKey": "storage-secret"}}}
    preset, stripped = import_request(body)
    path = tmp_path / "p.json"
    stripped += save_preset(preset, path)
    text = path.read_text()
    assert secret not in text and "storage-secret" not in text
    assert f"AgentParams.{key}" in stripped
    shown = json.dumps(mask_secrets(body))
    assert secret not in shown and "storage-secret" not in shown


def test_masking_a_short_placeholder_secret_does_not_garble_words_and_numbers():
    """A placeholder secret ("x", "1") must not turn "[watermark.text.font]" into "[watermark.te***t.font]"."""
    from layout_studio.redaction import SecretRegistry

    text = "Font '宋体' is not supported [watermark.text.font]; LocationX 1100; UserSig 'x' and \"1\""
    registry = SecretRegistry()
    registry.add_all(["x", "1"])
    assert registry.redact(text) == text


def test_masking_a_real_length_secret_hides_it_everywhere():
    from layout_studio.redaction import SecretRegistry
    from layout_studio.secrets import MASK

    sig = "eJw1zV8LgjAUBfCvInsO2dStGfQSQUb2pFJvsnLJJZW1LekP"
    registry = SecretRegistry()
    registry.add_all([sig, "*bc"])
    assert registry.redact(f"a{sig}b {sig}*") == f"a{MASK}b {MASK}*"
    assert registry.redact("a*bc") == "a*bc"  # a placeholder, not a secret


def test_a_third_party_cdn_url_loses_its_signature_and_keeps_its_expiry(tmp_path, capsys):
    """A PublishCdnUrl to another CDN (IsTencentCdn 0) carries that CDN's signature (wsSecret, auth_key, sign):
    stripped like txSecret, named, and given back with --cdn-url; the expiry parameters are not secrets."""
    from layout_studio.cli import main
    from layout_studio.secrets import mask_secrets, strip_secrets

    urls = [
        "rtmp://push.example.com/live/a?wsSecret=5f1e9c2ab07d&wsTime=65f0a1b2",
        "rtmp://push.example.com/live/b?auth_key=1700000000-0-0-9c2ab07d5f1e",
        "rtmp://push.example.com/live/c?t=65f0a1b2&sign=ab07d5f1e9c2",
    ]
    body = json.loads(REFERENCE_FILES[0].read_text())
    body["PublishCdnParams"] = [{"PublishCdnUrl": url, "IsTencentCdn": 0} for url in urls]
    stripped, removed = strip_secrets(body)
    assert [p["PublishCdnUrl"] for p in stripped["PublishCdnParams"]] == [
        "rtmp://push.example.com/live/a?wsTime=65f0a1b2",
        "rtmp://push.example.com/live/b",
        "rtmp://push.example.com/live/c?t=65f0a1b2",
    ]
    assert removed[-3:] == [
        "PublishCdnParams[0].PublishCdnUrl (wsSecret)",
        "PublishCdnParams[1].PublishCdnUrl (auth_key)",
        "PublishCdnParams[2].PublishCdnUrl (sign)",
    ]
    assert "***" in json.dumps(mask_secrets(body)) and "5f1e9c2ab07d" not in json.dumps(mask_secrets(body))
    request, preset = tmp_path / "request.json", tmp_path / "preset.json"
    request.write_text(json.dumps(body))
    assert main(["import", str(request), "-o", str(preset)]) == 0
    err = capsys.readouterr().err
    assert "(wsSecret)" in err and "--cdn-url URL-with-its-signature" in err
    assert not any(s in preset.read_text() for s in ("5f1e9c2ab07d", "9c2ab07d5f1e", "ab07d5f1e9c2"))
