"""Stream ingest rules: the traps of StartStreamIngest and UpdateStreamIngest bodies and of a preset's
``Target.IngestSources`` (codes ``ingest.*``).

These rules are not registered with the mixing validator (:data:`~layout_studio.rules.registry.RULES`): they run
over ingest bodies through the ingest pack (:mod:`layout_studio.export.ingest_pack`, which adds the checks of a
body about to be sent) and over a preset's ingest sources through :func:`ingest_source_findings`, which
:func:`layout_studio.validation.validate` calls for a preset. The single-field ranges (``ingest.repeat-num-range``,
``ingest.max-duration-range``, ``ingest.volume-range``, ``ingest.idle-timeout-range``) come from the field facts of
:mod:`layout_studio.model.ingest`.

The traps (``API StartStreamIngest``; ``SDK models.StartStreamIngestRequest``):

* RepeatNum 0 is invalid, though inside the -1..1000 range (``ingest.repeat-num.zero``);
* MaxDuration only applies with RepeatNum -1: with any other count it is ignored (``ingest.max-duration.ignored``),
  and RepeatNum -1 without it loops until the task is stopped (``ingest.loop.endless``, info);
* RoomIdType is 0 string, 1 integer (the default) — the reverse of the mixing APIs — so a room name with RoomIdType
  left out or 1 is taken as a number (``ingest.room-id.integer``);
* Volume: the SDK allows 0..200, the API page 0..100 (``ingest.volume.above-page``, warning); Tempo takes seven
  speeds (``ingest.tempo``);
* the API pulls StreamUrl over the network: a local file can be previewed in the studio but not played into a room
  (``ingest.stream-url.local``, warning; the ingest pack refuses it in a body about to be sent); a URL without a
  host or with blanks is an error (``ingest.stream-url``), one of a scheme the documents do not show a warning
  (``ingest.stream-url.scheme``).

For a preset: an ingest source's UserId must not be the mixing robot's (AgentParams.UserId) nor another source's
(``ingest.user.clash``, each robot user enters the room once), a source no region of a custom layout shows is
noted (``ingest.user.not-shown``, info); a UserSig stored in a source is a ``preset.secret`` warning like any other
(:func:`layout_studio.rules.preset.stored_secret_findings`). Paths are ``IngestSources[i].<Field>`` (a preset's
Target fields are reported at their request path).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from ..findings import Finding, Severity
from ..model import Preset, join_path
from ..model.ingest import IngestSource, StartStreamIngestRequest, UpdateStreamIngestRequest, local_file
from ..sources import api, sdk
from .fields import field_rules
from .registry import Hits, Report, Rule, RuleContext, fixes, run

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
#: The playback speeds StartStreamIngest and UpdateStreamIngest take (``SDK models.StartStreamIngestRequest.Tempo``).
TEMPOS = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
#: URL schemes of media the API can pull (Layout Studio assumption: the documents show https; rtmp streams are
#: what ingest is commonly fed).
NETWORK_SCHEMES = ("http", "https", "rtmp", "rtmps")
_SRC = f"{sdk('StartStreamIngestRequest')}; {api('StartStreamIngest')}"

#: The cross-field rules, in order (not registered globally).
INGEST_RULES: list[Rule] = []


def ingest_rule(code: str, severity: Severity, source: str) -> Callable[[Callable[[RuleContext], Hits]], Rule]:
    """Decorator: ``check(ctx)`` as an ingest :class:`Rule`, appended to :data:`INGEST_RULES`."""

    def make(check: Callable[[RuleContext], Hits]) -> Rule:
        made = Rule(code, severity, source, check, (check.__doc__ or "").strip())
        INGEST_RULES.append(made)
        return made

    return make


def _played(ctx: RuleContext) -> list[tuple[str, StartStreamIngestRequest | IngestSource]]:
    """``(path, item)`` of every start body and preset ingest source (what RepeatNum and MaxDuration are on)."""
    return [*ctx.of_type(StartStreamIngestRequest), *ctx.of_type(IngestSource)]


def _media(ctx: RuleContext) -> list[tuple[str, StartStreamIngestRequest | UpdateStreamIngestRequest | IngestSource]]:
    """``(path, item)`` of every ingest body and source (what StreamUrl, Volume and Tempo are on)."""
    return [*ctx.of_type(StartStreamIngestRequest), *ctx.of_type(UpdateStreamIngestRequest), *ctx.of_type(IngestSource)]


@ingest_rule("ingest.repeat-num.zero", E, f"{sdk('StartStreamIngestRequest.RepeatNum')}; {api('StartStreamIngest')}")
def repeat_num_zero(ctx: RuleContext) -> Hits:
    """RepeatNum 0 is invalid: a count of plays (1..1000) or -1 (loop until stopped)."""
    for path, item in _played(ctx):
        if item.repeat_num == 0:
            at = join_path(path, "RepeatNum")
            yield Report(
                at,
                "RepeatNum 0 is invalid (the API refuses it): give how many times the media plays (1..1000, "
                "default 1), or -1 to loop until the task is stopped",
                fixes({at: 1}, {at: -1}),
            )


@ingest_rule(
    "ingest.max-duration.ignored", W, f"{sdk('StartStreamIngestRequest.MaxDuration')}; {api('StartStreamIngest')}"
)
def max_duration_ignored(ctx: RuleContext) -> Hits:
    """MaxDuration only applies with RepeatNum -1; with another count it is ignored."""
    for path, item in _played(ctx):
        if item.max_duration is not None and item.eff("repeat_num") not in (-1, 0):
            count = item.eff("repeat_num")
            at = join_path(path, "RepeatNum")
            yield Report(
                join_path(path, "MaxDuration"),
                f"MaxDuration {item.max_duration} minutes is ignored: it applies with RepeatNum -1 (loop) only, and "
                f"RepeatNum is {count}{' (the default)' if item.repeat_num is None else ''}, so the media plays "
                f"{count} time(s) — set RepeatNum -1 to loop for MaxDuration minutes, or leave MaxDuration out",
                fixes({at: -1}),
            )


@ingest_rule("ingest.loop.endless", INFO, f"{sdk('StartStreamIngestRequest.RepeatNum')}; {api('StartStreamIngest')}")
def loop_endless(ctx: RuleContext) -> Hits:
    """RepeatNum -1 without MaxDuration loops until the task is stopped."""
    for path, item in _played(ctx):
        if item.repeat_num == -1 and item.max_duration is None:
            yield (
                join_path(path, "RepeatNum"),
                "RepeatNum -1 loops until the task is stopped (`layout-studio ingest stop`, billed meanwhile); "
                "set MaxDuration (1..10080 minutes) to end it on its own",
            )


@ingest_rule(
    "ingest.room-id.integer",
    E,
    f"{sdk('StartStreamIngestRequest.RoomIdType')} (0 string, 1 32-bit integer, the default); "
    f"{api('StartStreamIngest')}",
)
def integer_room(ctx: RuleContext) -> Hits:
    """With RoomIdType 1 (integer, also when left out) RoomId is a number of at most 32 bits."""
    for path, body in ctx.of_type(StartStreamIngestRequest):
        room = body.room_id
        if room is None or body.eff("room_id_type") != 1:
            continue
        if not (room.isascii() and room.isdigit() and int(room) <= 0xFFFFFFFF):
            at = join_path(path, "RoomIdType")
            said = "1" if body.room_id_type == 1 else "left out (1, integer, by default)"
            yield Report(
                join_path(path, "RoomId"),
                f"RoomId {room[:40]!r} is not a 32-bit room number but RoomIdType is {said}: for StartStreamIngest "
                "RoomIdType 0 names a string room (the reverse of the mixing APIs)",
                fixes({at: 0}),
            )


@ingest_rule(
    "ingest.volume.above-page",
    W,
    f"{sdk('StartStreamIngestRequest.Volume')} [0,200]; {api('StartStreamIngest')} [0,100]; "
    f"{api('UpdateStreamIngest')} [0,100]",
)
def volume_above_page(ctx: RuleContext) -> Hits:
    """Volume above 100: the SDK allows up to 200, the API pages 100."""
    for path, item in _media(ctx):
        if item.volume is not None and 100 < item.volume <= 200:
            at = join_path(path, "Volume")
            yield Report(
                at,
                f"Volume {item.volume} is above the API page's 0..100 (the SDK documents 0..200, louder than the "
                "source): check that the API accepts it, or use 100 (the source's volume)",
                fixes({at: 100}),
            )


@ingest_rule("ingest.tempo", E, f"{sdk('StartStreamIngestRequest.Tempo')}; {sdk('UpdateStreamIngestRequest.Tempo')}")
def tempo(ctx: RuleContext) -> Hits:
    """Tempo is one of 0.5, 0.75, 1.0, 1.25, 1.5, 1.75 and 2.0."""
    for path, item in _media(ctx):
        if item.tempo is not None and item.tempo not in TEMPOS:
            yield (
                join_path(path, "Tempo"),
                f"Tempo {item.tempo} is not a playback speed the API takes: use one of "
                f"{', '.join(f'{t:g}' for t in TEMPOS)}",
            )


@ingest_rule("ingest.stream-url", E, f"{sdk('StartStreamIngestRequest.StreamUrl')}; {api('StartStreamIngest')}")
def stream_url(ctx: RuleContext) -> Hits:
    """StreamUrl is not empty, has no blanks inside, and a URL of it names a host."""
    for path, item in _media(ctx):
        url = item.stream_url
        if url is None:
            continue
        text = url.strip()
        if not text or any(c.isspace() for c in text):
            yield join_path(path, "StreamUrl"), f"StreamUrl {url[:80]!r} is empty or has blanks inside"
        elif local_file(text) is None and not urlsplit(text).netloc:
            yield join_path(path, "StreamUrl"), f"StreamUrl {url[:80]!r} names no host: write scheme://host/path"


@ingest_rule(
    "ingest.stream-url.scheme",
    W,
    f"{api('StartStreamIngest')} (its example pulls https); Layout Studio assumption (rtmp streams are ingested too)",
)
def stream_url_scheme(ctx: RuleContext) -> Hits:
    """A StreamUrl of another scheme than http, https, rtmp or rtmps."""
    for path, item in _media(ctx):
        url = (item.stream_url or "").strip()
        scheme = urlsplit(url).scheme.lower()
        if url and local_file(url) is None and scheme not in NETWORK_SCHEMES:
            yield (
                join_path(path, "StreamUrl"),
                f"StreamUrl {url[:80]!r} is a {scheme}:// URL: the documents show http(s) media (rtmp streams are "
                "ingested too); check that the API pulls this one",
            )


@ingest_rule("ingest.stream-url.local", W, f"{sdk('StartStreamIngestRequest.StreamUrl')} (a URL the API pulls)")
def stream_url_local(ctx: RuleContext) -> Hits:
    """A local file as StreamUrl: the studio previews it, the API cannot pull it (a body about to be sent: the
    ingest pack's ``ingest.stream-url.unreachable`` error instead)."""
    if getattr(ctx, "sending", False):
        return
    for path, item in _media(ctx):
        url = item.stream_url
        if url is not None and url.strip() and not any(c.isspace() for c in url.strip()) and local_file(url):
            yield (
                join_path(path, "StreamUrl"),
                f"StreamUrl {url[:80]!r} is a local file: the studio previews it, but the API pulls the media "
                "over the network — host it and give its http(s) URL before the source is started",
            )


def _region_users(preset: Preset) -> set[str] | None:
    """UserIds the regions of a custom layout show (None: not a custom layout — a template shows every user)."""
    layout = preset.video_params.layout_params if preset.video_params else None
    if layout is None or layout.eff("mix_layout_mode") != 4:
        return None
    users = set()
    for region in layout.mix_layout_list or []:
        info = region.user_media_stream.user_info if region.user_media_stream else None
        if info is not None and info.user_id:
            users.add(info.user_id)
    return users


def _source_hits(preset: Preset) -> Iterable[tuple[str, Severity, str, str]]:
    """(code, severity, path, message) of the rules that need the whole preset."""
    target = preset.target
    sources = (target.ingest_sources if target else None) or []
    robot = target.agent_params.user_id if target and target.agent_params else None
    shown = _region_users(preset)
    seen: dict[str, int] = {}
    for i, source in enumerate(sources):
        path = join_path("IngestSources", i)
        user = source.user_id
        if user is not None and user == robot:
            yield (
                "ingest.user.clash",
                E,
                join_path(path, "UserId"),
                f"UserId {user!r} is the mixing robot's (AgentParams.UserId): one user enters a room once, so the "
                "two robots would push each other out — give the source a UserId of its own",
            )
        elif user is not None and user in seen:
            yield (
                "ingest.user.clash",
                E,
                join_path(path, "UserId"),
                f"UserId {user!r} is also IngestSources[{seen[user]}]'s: one user enters a room once — give each "
                "source a UserId of its own",
            )
        if user is not None:
            seen.setdefault(user, i)
            if shown is not None and user not in shown:
                yield (
                    "ingest.user.not-shown",
                    INFO,
                    join_path(path, "UserId"),
                    f"no region of the custom layout shows {user!r}: the source is heard (unless the audio lists "
                    "leave it out) but not seen — add a region with this UserId to show it",
                )


def ingest_source_findings(preset: Preset) -> list[Finding]:
    """Every finding about the ingest sources of ``preset`` (``Target.IngestSources``; none without them): their
    fields' ranges, the cross-field rules, and the rules about the whole preset (module docstring)."""
    target = preset.target
    if target is None or not target.ingest_sources:
        return []
    ctx = RuleContext(root=target, kind="preset", action=None, canvas=None, canvas_from=None, region=target.region)
    found = list(run(ctx, [*field_rules([IngestSource]), *INGEST_RULES]))
    source = f"{_SRC}; Layout Studio assumption (one robot user per source)"
    found += [Finding(code, sev, path, message, source) for code, sev, path, message in _source_hits(preset)]
    return found
