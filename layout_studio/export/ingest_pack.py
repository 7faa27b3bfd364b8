"""The validator pack of stream ingest: StartStreamIngest and UpdateStreamIngest bodies against the ingest APIs' own
rules.

The field ranges (:mod:`layout_studio.model.ingest`) and the traps (:mod:`layout_studio.rules.ingest`: RepeatNum 0,
MaxDuration without RepeatNum -1, the reversed RoomIdType, Volume, Tempo, StreamUrl), plus what only a body about to
be sent (``sending=True``) must satisfy: the required fields, an API region that offers stream ingest, and a
StreamUrl the API can pull (not a local file). Codes ``ingest.*``.
"""

from __future__ import annotations

from ..api_regions import INGEST_REGIONS, INGEST_SOURCE
from ..findings import Severity
from ..model.ingest import StartStreamIngestRequest, UpdateStreamIngestRequest, local_file
from ..rules.ingest import INGEST_RULES
from ..sources import api, sdk
from .pack import Hits, Pack, PackContext, pack_rule

E = Severity.ERROR
#: Fields each body must have (API StartStreamIngest: "Required"; the SDK also requires StreamUrl).
REQUIRED: dict[type, tuple[str, ...]] = {
    StartStreamIngestRequest: ("SdkAppId", "RoomId", "RoomIdType", "UserId", "UserSig", "StreamUrl"),
    UpdateStreamIngestRequest: ("SdkAppId", "TaskId"),
}


@pack_rule(
    "ingest.required",
    E,
    f"{api('StartStreamIngest', 'required parameters')}; {sdk('StartStreamIngestRequest.StreamUrl')}; "
    f"{api('UpdateStreamIngest')}",
)
def required(ctx: PackContext) -> Hits:
    """When sending: SdkAppId, RoomId, RoomIdType, UserId, UserSig and StreamUrl of a start; SdkAppId and TaskId of
    an update."""
    if not ctx.sending:
        return
    root = ctx.root
    names = REQUIRED[StartStreamIngestRequest] if isinstance(root, StartStreamIngestRequest) else ()
    if isinstance(root, UpdateStreamIngestRequest):
        names = REQUIRED[UpdateStreamIngestRequest]
    for name in names:
        if getattr(root, type(root).api_names()[name]) is None:
            reversed_ = (
                " (0 string room, 1 integer room: the reverse of the mixing APIs)" if name == "RoomIdType" else ""
            )
            yield name, f"{name} is required{reversed_}"


@pack_rule("ingest.region", E, INGEST_SOURCE)
def region(ctx: PackContext) -> Hits:
    """The API region offers stream ingest."""
    if ctx.region is not None and ctx.region not in INGEST_REGIONS:
        yield "", f"region {ctx.region} does not offer stream ingest; use one of {', '.join(INGEST_REGIONS)}"


@pack_rule("ingest.stream-url.unreachable", E, f"{sdk('StartStreamIngestRequest.StreamUrl')} (a URL the API pulls)")
def unreachable(ctx: PackContext) -> Hits:
    """When sending: StreamUrl is not a local file (the API pulls it over the network)."""
    if not ctx.sending:
        return
    url = getattr(ctx.root, "stream_url", None)
    if isinstance(url, str) and url.strip() and not any(c.isspace() for c in url.strip()) and local_file(url):
        yield "StreamUrl", f"StreamUrl {url[:80]!r} is a local file, which the API cannot pull: host it, give its URL"


RULES = (*INGEST_RULES, required, region, unreachable)
START_PACK = Pack("ingest", StartStreamIngestRequest, RULES)
UPDATE_PACK = Pack("ingest", UpdateStreamIngestRequest, RULES)
