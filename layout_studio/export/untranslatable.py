"""What no export can translate: a preset value outside its field's documented set, or a key the API does not know.

Every target maps a design's values by their meaning (RenderMode crop -> the recording's crop, StreamType -> MediaId,
PureAudioHoldPlaceMode -> the reversed PureAudioDisableLayout). A value outside the documented set of its field
(RenderMode 7) has no meaning to map, and a key the API does not know (a misspelt ``WaterMarkLsit``) holds a part of
the design no target would receive; text holding an unpaired UTF-16 surrogate is no character at all (preset files
are refused for it when read; a JSON object given to the library is checked here). :func:`untranslatable` finds
them with the validator's own rules (the enum rules derived from the model's field facts,
:mod:`layout_studio.rules.fields`, and ``schema.*``) and a walk over the text, each an error
``export.<target>.untranslatable`` at the preset path: the export builds no body and the design must be fixed
first. Ranges are not checked here: each target has its own (a Gop of 10 seconds is out of the MCU's range but
valid for a recording), and its validator pack checks them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from ..findings import Finding, Severity
from ..model import Preset, join_path
from ..rules.fields import api_types, checked_fields
from ..validation import validate


@cache
def enum_rules() -> frozenset[str]:
    """The codes of the single-field rules whose field has a documented set of values (``layout.region.render-mode``,
    ``user.stream-type``, ...)."""
    return frozenset(code for code, places in checked_fields(api_types()).items() if places[0][2].values is not None)


def _untranslatable(finding: Finding) -> bool:
    return finding.severity is Severity.ERROR and (finding.code.startswith("schema.") or finding.code in enum_rules())


def _no_characters(value: Any, path: str = "") -> Iterator[Finding]:
    """An error finding at each text of ``value`` (a preset's JSON) holding an unpaired surrogate."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _no_characters(item, join_path(path, str(key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _no_characters(item, join_path(path, i))
    elif isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            yield Finding(
                "schema.text",
                Severity.ERROR,
                path,
                "the text holds an unpaired UTF-16 surrogate, which is no character (the API cannot read it); "
                "remove it, or write a whole pair",
                "Layout Studio assumption (JSON text is UTF-8)",
            )


def untranslatable(design: Preset, target: str, read: Iterable[Finding] = ()) -> list[Finding]:
    """The errors ``export.<target>.untranslatable`` of ``design``: each value outside its documented set, each
    unknown key (the validator's findings, their message kept and their rule code named) and each text that is no
    character, plus ``read``, the findings of reading the preset's JSON (values of the wrong type, dropped). Empty
    when the design can be translated."""
    out: list[Finding] = []
    for found in (*read, *_no_characters(design.to_api()), *validate(design)):
        if not _untranslatable(found):
            continue
        moved = Finding(
            f"export.{target}.untranslatable",
            Severity.ERROR,
            found.path,
            f"{found.message} [{found.code}]; {target} cannot translate it, so nothing is exported",
            found.source,
            found.fixes,
        )
        if moved not in out:
            out.append(moved)
    return out
