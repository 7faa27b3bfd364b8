"""Rules about the preset file itself (format ``layout-studio/preset@1``): a preset never stores secrets.

Secrets (UserSig, keys) are never written to a preset: :func:`~layout_studio.presets.save_preset` strips them, but a
hand-edited or copied file can still hold one. Paths are request paths, as for every
preset finding (``AgentParams.UserSig`` for ``Target.AgentParams.UserSig``); the Target fields that are no mixing
request field (``IngestSources``, ``StorageParams``: :data:`~layout_studio.model.TARGET_ONLY`) are checked by
:func:`stored_secret_findings`, which :func:`layout_studio.validation.validate` calls for a preset.
"""

from __future__ import annotations

from ..findings import Finding, Severity
from ..model import Preset
from ..secrets import find_secrets
from .registry import RULES, Hits, RuleContext, rule


@rule(
    "preset.secret",
    Severity.WARNING,
    "Layout Studio assumption (secrets are never written to a preset); Data Types AgentParams.UserSig, "
    "McuFeedBackRoomParams.UserSig; SDK models.McuPublishCdnParam.PublishCdnUrl",
)
def preset_secret(ctx: RuleContext) -> Hits:
    """A UserSig, SecretKey or CDN URL signature (txSecret, wsSecret, auth_key, sign) stored in a preset (the value
    is never shown)."""
    if ctx.kind != "preset":
        return
    for path in find_secrets(ctx.root.to_api()):
        yield (
            path,
            f"{path} is a secret stored in a preset file, which may be shared or committed; remove it and "
            f"pass it when you build the body (layout-studio payload --agent-usersig / "
            f"--feedback-usersig / --cdn-url; saving the preset strips it)",
        )


def stored_secret_findings(preset: Preset) -> list[Finding]:
    """``preset.secret`` findings for secrets stored in the Target's IngestSources (a robot's UserSig) and
    StorageParams (the CloudStorage SecretKey), at ``IngestSources[0].UserSig`` and
    ``StorageParams.CloudStorage.SecretKey``."""
    target = preset.target
    if target is None:
        return []
    found = []
    sources = [s.to_api() for s in target.ingest_sources or []]
    storage = target.storage_params.to_api() if target.storage_params is not None else None
    stored = {k: v for k, v in (("IngestSources", sources), ("StorageParams", storage)) if v}
    own = RULES["preset.secret"]
    for path in find_secrets(stored):
        found.append(
            Finding(
                own.code,
                own.severity,
                path,
                f"{path} is a secret stored in a preset file, which may be shared or committed; remove it (saving "
                "the preset strips it) and give it when the task starts (the ingest robots' UserSigs are generated "
                "from TRTC_SDK_SECRET_KEY; record start --storage-secret-key or TRTC_STORAGE_SECRET_KEY)",
                own.source,
            )
        )
    return found
