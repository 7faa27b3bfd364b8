"""The Tencent Cloud API regions the mixing APIs accept, and the SdkAppId rule — shared by the validator and push.

An API region (``ap-guangzhou``) is where a request is served (the ``X-TC-Region`` header, a preset's
Target.Region); it is not a layout region (an McuLayout box on the canvas, :mod:`layout_studio.render.regions`).

StartPublishCdnStream, UpdatePublishCdnStream and StopPublishCdnStream accept only ap-guangzhou, ap-hongkong and
ap-singapore (``API StartPublishCdnStream (Region)``). The usage notes of StartPublishCdnStream
(``API StartPublishCdnStream (usage notes)``): an application whose SdkAppId starts with 1400 is served from
Beijing, Shanghai, Guangzhou or Hong Kong (of the accepted API regions: ap-guangzhou, ap-hongkong); one starting
with 200 or 400 from Singapore (ap-singapore).
"""

from __future__ import annotations

from .sources import api

#: The API regions the three mixing APIs accept.
API_REGIONS = ("ap-guangzhou", "ap-hongkong", "ap-singapore")
#: Where :data:`API_REGIONS` and the SdkAppId rule come from (the ``source`` of findings about them).
SOURCE = f"{api('StartPublishCdnStream', 'Region')}; {api('StartPublishCdnStream', 'usage notes')}"


def expected_api_regions(sdk_app_id: int | None) -> tuple[str, ...] | None:
    """The accepted API regions the SdkAppId rule allows for ``sdk_app_id``, or None when the rule says nothing."""
    if sdk_app_id is None:
        return None
    text = str(sdk_app_id)
    if text.startswith("1400"):
        return ("ap-guangzhou", "ap-hongkong")
    if text.startswith(("200", "400")):
        return ("ap-singapore",)
    return None
