"""The Tencent Cloud API regions the mixing, cloud recording and stream ingest APIs accept, and the SdkAppId rule —
shared by the validator, the target packs and push.

An API region (``ap-guangzhou``) is where a request is served (the ``X-TC-Region`` header, a preset's
Target.Region); it is not a layout region (an McuLayout box on the canvas, :mod:`layout_studio.render.regions`).

StartPublishCdnStream, UpdatePublishCdnStream and StopPublishCdnStream accept only ap-guangzhou, ap-hongkong and
ap-singapore (``API StartPublishCdnStream (Region)``). The usage notes of StartPublishCdnStream
(``API StartPublishCdnStream (usage notes)``): an application whose SdkAppId starts with 1400 is served from
Beijing, Shanghai, Guangzhou or Hong Kong (of the accepted API regions: ap-guangzhou, ap-hongkong); one starting
with 200 or 400 from Singapore (ap-singapore).

Cloud recording (:data:`RECORDING_REGIONS`): the pages of ModifyCloudRecording, DescribeCloudRecording and
DeleteCloudRecording list ap-beijing, ap-guangzhou, ap-mumbai, ap-shanghai and ap-singapore; the CreateCloudRecording
page (newer) lists the same without ap-mumbai, which the recording pack warns about (``recording.region``).
Stream ingest (:data:`INGEST_REGIONS`): the StartStreamIngest and UpdateStreamIngest pages list ap-bangkok,
ap-guangzhou, ap-jakarta, ap-mumbai, ap-singapore and ap-tokyo; the older DescribeStreamIngest and StopStreamIngest
pages list four of them (without ap-guangzhou and ap-tokyo). A task is described and stopped where it was started,
so the start's list is the one checked (Layout Studio assumption).
"""

from __future__ import annotations

from .sources import api

#: The API regions the three mixing APIs accept.
API_REGIONS = ("ap-guangzhou", "ap-hongkong", "ap-singapore")
#: Where :data:`API_REGIONS` and the SdkAppId rule come from (the ``source`` of findings about them).
SOURCE = f"{api('StartPublishCdnStream', 'Region')}; {api('StartPublishCdnStream', 'usage notes')}"
#: The API regions of the cloud recording APIs (CreateCloudRecording: not ap-mumbai).
RECORDING_REGIONS = ("ap-beijing", "ap-guangzhou", "ap-mumbai", "ap-shanghai", "ap-singapore")
RECORDING_SOURCE = f"{api('CreateCloudRecording', 'Region')}; {api('ModifyCloudRecording', 'Region')}"
#: The API regions of the stream ingest APIs.
INGEST_REGIONS = ("ap-bangkok", "ap-guangzhou", "ap-jakarta", "ap-mumbai", "ap-singapore", "ap-tokyo")
INGEST_SOURCE = f"{api('StartStreamIngest', 'Region')}; {api('UpdateStreamIngest', 'Region')}"


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
