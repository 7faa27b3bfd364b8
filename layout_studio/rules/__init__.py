"""The validator's rules: every documented constraint of a mix design or request body, one module per concern.

Each rule has a stable dotted code (``layout.region.outside-canvas``), a severity and a source (document and
type). Importing this package registers them all in :data:`RULES` (code -> :class:`Rule`).

Modules: :mod:`.fields` (types, enums and ranges of single fields), :mod:`.geometry` (regions and watermarks against the
canvas, CustomCrop, BackgroundCustomRender), :mod:`.zorder` (stacking), :mod:`.media` (colors, image URLs, fonts),
:mod:`.sei` (SEI), :mod:`.audio` (encoding, allow/block lists), :mod:`.task` (start rules: required fields,
WithTranscoding, destinations), :mod:`.rooms` (rooms, users, layout modes, input counts), :mod:`.record` (RecordParams),
:mod:`.preset` (the preset file: no secrets), :mod:`.update` (UpdatePublishCdnStream rules), :mod:`.text` (a text
watermark's text fits its box), and :mod:`.ingest` (stream ingest bodies and a preset's ingest sources: run by the
ingest pack and for presets, not registered here). Users and rooms are compared as :mod:`.users` defines them: (UserId,
RoomId, RoomIdType). A finding may carry fixes (:class:`~layout_studio.findings.Fix`): each set of changes removes it.
"""

from . import audio, fields, geometry, media, preset, record, rooms, sei, task, text, update, zorder  # noqa: E402,F401
from .registry import RULES, Hit, Hits, Report, Rule, RuleContext, add_rule, fixes, rule, run

__all__ = ["RULES", "Hit", "Hits", "Report", "Rule", "RuleContext", "add_rule", "fixes", "rule", "run"]
