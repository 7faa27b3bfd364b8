"""The regions the mixing APIs accept, and the manual's SdkAppId rule — shared by the validator and push.

StartPublishCdnStream, UpdatePublishCdnStream and StopPublishCdnStream accept only ap-guangzhou, ap-hongkong and
ap-singapore (API page ``000``, "Region" parameter). Usage note 7 of StartPublishCdnStream (manual ``001``, about
line 2270): an application whose SdkAppId starts with 1400 is served from Beijing, Shanghai, Guangzhou or Hong Kong
(of the accepted regions: ap-guangzhou, ap-hongkong); one starting with 200 or 400 from Singapore (ap-singapore).
"""

from __future__ import annotations

REGIONS = ("ap-guangzhou", "ap-hongkong", "ap-singapore")
SOURCE = "manual 001 StartPublishCdnStream usage note 7; API page 000 Region"


def expected_regions(sdk_app_id: int | None) -> tuple[str, ...] | None:
    """The accepted regions the SdkAppId rule allows for ``sdk_app_id``, or None when the rule says nothing."""
    if sdk_app_id is None:
        return None
    text = str(sdk_app_id)
    if text.startswith("1400"):
        return ("ap-guangzhou", "ap-hongkong")
    if text.startswith(("200", "400")):
        return ("ap-singapore",)
    return None
