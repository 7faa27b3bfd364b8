"""Field facts: what the public documents say about one API field, kept on the model field itself.

Every field of every model carries one :class:`FieldFacts` in its ``Annotated`` metadata::

    render_mode: Annotated[
        Int,
        FieldFacts(
            "How the user's picture fills the region",
            values={0: "crop (default)", 1: "fit showing the background", 2: "fit on black"},
            labels={1: "fit"},
            default=0,
            rule="layout.region.render-mode",
            source="SDK models.McuLayout.RenderMode; Data Types McuLayout",
        ),
    ] = None

and everything else is derived from it, so no copy can drift:

* the preset JSON Schema (:mod:`layout_studio.schema`): the description (:meth:`FieldFacts.summary`), ``enum``,
  ``minimum``/``maximum`` and ``default``;
* the single-field rules (:mod:`layout_studio.rules.fields`): one rule per ``rule`` code, an error for a value
  outside ``values`` or ``low``..``high``, its message built by :meth:`FieldFacts.limit`;
* the studio inspector's hint (:mod:`layout_studio.editing.fields`): the unit or the allowed values;
* the documented default :meth:`~layout_studio.model.base.ApiModel.eff` falls back to;
* ``required``: the member an object of its type is incomplete without (the validator's rules report it missing,
  each where the requirement applies: an update leaves out what a start needs, a preset never stores a UserSig).

A range or an enum is always a check: facts with ``values`` or a bound must name the stable ``rule`` code, and a
``rule`` code needs one of them. Constraints that involve more than one field (CustomCrop against 10000, SEI
PayloadType except 244) are rules of their own and stay in the description's prose.

``source`` cites public documents in the forms of :mod:`layout_studio.sources` (``SDK models.McuLayout.RenderMode``,
``Data Types McuLayout``, ``API StartPublishCdnStream (usage notes)``, ``Layout Studio assumption``); empty means the
field's own SDK docstring, ``SDK models.<Type>.<Field>`` (:meth:`~layout_studio.model.base.ApiModel.field_source`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import StrictInt, StrictStr

#: Annotation of an optional API Integer / String field (absent = not set, as in the API).
Int = StrictInt | None
Str = StrictStr | None

#: Units a field may be in (as rule messages and the schema write them).
UNITS = ("pixels", "source pixels", "fps", "kbps", "bps", "Hz", "seconds", "minutes", "hours", "milliseconds")


class FactsError(ValueError):
    """A FieldFacts that contradicts itself (a model definition error, raised when the model module is imported)."""


@dataclass(frozen=True, slots=True)
class FieldFacts:
    """The documented facts of one API field.

    ``description``: one English sentence (no trailing full stop) saying what the field is; the allowed values,
    the range, the unit and the default are added by :meth:`summary`, never written in it.
    ``source``: the public source (see the module docstring); empty for the field's own SDK docstring.
    ``unit``: one of :data:`UNITS`, or empty. ``default``: the value the MCU uses when the field is absent.
    ``values``: the allowed values of an enum, each with its meaning as rule messages say it (empty meaning: the
    bare value). ``labels``: given (even empty) when narrow inputs name the values (``0 crop, 1 fit``) rather than
    list them (``0/1``); it maps a value whose meaning is too long to a short name, the others use their meaning
    without its parenthesis (:meth:`label`). ``low``/``high``: an inclusive range. ``rule``: the stable code of the
    range or enum check. ``required``: the Data Types page marks the member "Required: Yes" in its object (for a
    type only the SDK has, its docstring says the value must be given); request bodies' own fields are left to the
    task rules.
    """

    description: str
    source: str = ""
    unit: str = ""
    default: int | str | None = None
    values: Mapping[int, str] | None = None
    labels: Mapping[int, str] | None = None
    low: int | None = None
    high: int | None = None
    rule: str = ""
    required: bool = False

    def __post_init__(self) -> None:
        checked = self.values is not None or self.low is not None or self.high is not None
        if self.values is not None and (self.low is not None or self.high is not None):
            raise FactsError(f"{self.rule or self.description!r}: an enum or a range, not both")
        if checked != bool(self.rule):
            raise FactsError(f"{self.rule or self.description!r}: a range or an enum needs a rule code, and back")
        if self.unit and self.unit not in UNITS:
            raise FactsError(f"{self.description!r}: unit {self.unit!r} is not one of {', '.join(UNITS)}")
        if self.labels and (self.values is None or not set(self.labels) <= set(self.values)):
            raise FactsError(f"{self.description!r}: labels name values the field does not have")
        if self.description.endswith("."):
            raise FactsError(f"{self.description!r}: no full stop at the end (summary() adds the details)")

    def allows(self, value: int) -> bool:
        """True when ``value`` is one of ``values`` and within ``low``..``high`` (whichever are given)."""
        if self.values is not None and value not in self.values:
            return False
        return not ((self.low is not None and value < self.low) or (self.high is not None and value > self.high))

    def limit(self) -> str:
        """What a rule message calls valid: ``1 (mono), 2 (stereo)``, ``0..1920 pixels``, ``>= 1``, ``<= 10``."""
        if self.values is not None:
            return ", ".join(f"{v} ({m})" if m else str(v) for v, m in self.values.items())
        unit = f" {self.unit}" if self.unit else ""
        if self.low is not None and self.high is not None:
            return f"{self.low}..{self.high}{unit}"
        if self.low is not None:
            return f">= {self.low}{unit}"
        if self.high is not None:
            return f"<= {self.high}{unit}"
        return ""

    def label(self, value: int) -> str:
        """The short name of enum ``value``: its label, else its meaning without a parenthesis (``crop (default)``
        -> ``crop``)."""
        if self.labels and value in self.labels:
            return self.labels[value]
        meaning = (self.values or {}).get(value, "")
        return meaning.split(" (", 1)[0]

    def summary(self) -> str:
        """The description with the allowed values or range, the unit and the default, as one text, e.g.
        ``Canvas width; required for video output. 0..1920 pixels.``"""
        details: list[str] = []
        if self.values is not None:
            if any(self.values.values()):
                details.append(", ".join(f"{v} {m}".rstrip() for v, m in self.values.items()))
            else:
                numbers = [str(v) for v in self.values]
                unit = f" {self.unit}" if self.unit else ""
                details.append(f"one of {', '.join(numbers[:-1])} or {numbers[-1]}{unit}")
        elif self.low is not None or self.high is not None:
            details.append(self.limit())
        elif self.unit:
            details.append(f"in {self.unit}")
        marked = any("(default)" in m for m in (self.values or {}).values())
        if self.default is not None and not marked:
            details.append(f"default {self.default}")
        if not details:
            return f"{self.description}."
        text = "; ".join(details)
        return f"{self.description}. {text[0].upper()}{text[1:]}."


#: Prose shared by the descriptions of every colour and image URL field.
COLOR_FORM = "as 0xRRGGBB, e.g. 0x000000 black, 0xFFFFFF white"
IMAGE_URL_FORM = (
    "a PNG/JPEG image (at most 2K resolution and 5 MB) the MCU can fetch within 10 s, its URL written with "
    "0-9 a-z A-Z - . _ ~ : / ? # [ ] @ ! & ( ) * + , % = ; | only"
)
