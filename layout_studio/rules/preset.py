"""Rules about the preset file itself (format ``layout-studio/preset@1``): a preset never stores secrets.

Secrets (UserSig, keys) are never written to a preset: :func:`~layout_studio.presets.save_preset` strips them, but a
hand-edited or copied file can still hold one. Paths are request paths, as for every
preset finding (``AgentParams.UserSig`` for ``Target.AgentParams.UserSig``).
"""

from __future__ import annotations

from ..findings import Severity
from ..secrets import find_secrets
from .registry import Hits, RuleContext, rule


@rule(
    "preset.secret",
    Severity.WARNING,
    "Layout Studio assumption (secrets are never written to a preset); Data Types AgentParams.UserSig, "
    "McuFeedBackRoomParams.UserSig; SDK models.McuPublishCdnParam.PublishCdnUrl",
)
def preset_secret(ctx: RuleContext) -> Hits:
    """A UserSig, SecretKey or URL txSecret stored in a preset (the value is never shown)."""
    if ctx.kind != "preset":
        return
    for path in find_secrets(ctx.root.to_api()):
        yield (
            path,
            f"{path} is a secret stored in a preset file, which may be shared or committed; remove it and "
            f"pass it when you build the body (layout-studio payload --agent-usersig / "
            f"--feedback-usersig / --cdn-url; saving the preset strips it)",
        )
