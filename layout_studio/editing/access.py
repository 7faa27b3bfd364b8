"""Reading and writing a preset by API path, and the elements (regions and watermarks) a user edits.

Paths use the API's names from the preset root, exactly as findings do: ``VideoParams.LayoutParams.MixLayoutList[2]
.UserMediaStream.UserInfo.UserId``, ``Target.PublishCdnParams[0].PublishCdnUrl``. Setting a path creates the
missing intermediate objects (and list entries); setting ``None`` removes the key (so it is not dumped as ``null``)
and removes intermediate objects that became empty.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from ..model import ApiModel, McuLayout, McuWaterMarkImage, McuWaterMarkParams, McuWaterMarkText, Preset

REGIONS_PATH = "VideoParams.LayoutParams.MixLayoutList"
WATERMARKS_PATH = "VideoParams.WaterMarkList"
_PART = re.compile(r"([^.\[\]]+)((?:\[\d+\])*)")

#: Objects kept even when empty: an empty object means "on with the defaults" (SDK models.McuLayoutVolume).
KEEP_EMPTY = frozenset({"SeiParams.LayoutVolume"})

ElementKind = Literal["region", "watermark"]
#: What the user edits as one element: a region's McuLayout, or a watermark's image or text body (pixels).
ElementModel = McuLayout | McuWaterMarkImage | McuWaterMarkText
Box = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class ElementRef:
    """A region (``kind="region"``, index into MixLayoutList) or watermark (index into WaterMarkList)."""

    kind: ElementKind
    index: int


def element_path(ref: ElementRef) -> str:
    """API path of an element: ``VideoParams.LayoutParams.MixLayoutList[i]`` or ``VideoParams.WaterMarkList[i]``."""
    return f"{REGIONS_PATH if ref.kind == 'region' else WATERMARKS_PATH}[{ref.index}]"


def ref_for_path(path: str) -> tuple[ElementRef | None, str]:
    """The element a finding path names and the rest of the path (``("region", 1), "LocationX"``), or
    ``(None, path)`` when the path names no element."""
    bases: tuple[tuple[ElementKind, str], ...] = (("region", REGIONS_PATH), ("watermark", WATERMARKS_PATH))
    for kind, base in bases:
        m = re.match(re.escape(base) + r"\[(\d+)\]\.?(.*)$", path)
        if m:
            return ElementRef(kind, int(m.group(1))), m.group(2)
    return None, path


def parse_path(path: str) -> list[tuple[str, list[int]]]:
    """``"A.B[1].C"`` -> ``[("A", []), ("B", [1]), ("C", [])]``; raises ValueError for a malformed path."""
    out = []
    for part in path.split("."):
        m = _PART.fullmatch(part)
        if not m:
            raise ValueError(f"malformed API path {path!r}")
        out.append((m.group(1), [int(i) for i in re.findall(r"\d+", m.group(2))]))
    return out


def _attr(model: ApiModel, api_name: str) -> str:
    try:
        return type(model).api_names()[api_name]
    except KeyError:
        raise KeyError(f"{type(model).__name__} has no field {api_name}") from None


def _item_class(model: ApiModel, attr: str) -> tuple[type[ApiModel] | None, bool]:
    """(model class, is_list) of attribute ``attr`` from its annotation, e.g. ``list[McuLayout] | None``."""
    ann = type(model).model_fields[attr].annotation
    is_list = False
    stack = [ann]
    while stack:
        t = stack.pop()
        origin = typing.get_origin(t)
        if origin in (typing.Union, types.UnionType):
            stack.extend(typing.get_args(t))
        elif origin is list:
            is_list = True
            stack.extend(typing.get_args(t))
        elif isinstance(t, type) and issubclass(t, ApiModel):
            return t, is_list
    return None, is_list


def get_path(model: ApiModel, path: str) -> Any:
    """The value at ``path`` under ``model``, or None when any part is absent."""
    value: Any = model
    for name, indices in parse_path(path):
        if not isinstance(value, ApiModel):
            return None
        value = getattr(value, _attr(value, name))
        for i in indices:
            if not isinstance(value, list) or i >= len(value):
                return None
            value = value[i]
        if value is None:
            return None
    return value


def _unset(model: ApiModel, attr: str) -> None:
    setattr(model, attr, None)
    model.model_fields_set.discard(attr)


def set_path(model: ApiModel, path: str, value: Any) -> None:
    """Set ``path`` under ``model`` to ``value`` (None removes it). Creates missing objects and list entries.

    Raises KeyError for a field the model does not have, pydantic.ValidationError for a value of the wrong type.
    """
    parts = parse_path(path)
    trail: list[tuple[ApiModel, str, str]] = []  # (parent, attr, path so far)
    cur: ApiModel = model
    so_far = ""
    for n, (name, indices) in enumerate(parts):
        attr = _attr(cur, name)
        so_far = f"{so_far}.{name}" if so_far else name
        if n == len(parts) - 1 and not indices:
            if value is None:
                _unset(cur, attr)
            else:
                setattr(cur, attr, value)
            break
        cls, is_list = _item_class(cur, attr)
        if cls is None:
            raise KeyError(f"{path}: {name} is not an object")
        child = getattr(cur, attr)
        if is_list:
            if value is None and (child is None or indices[0] >= len(child)):
                return
            items = list(child or [])
            while len(items) <= indices[0]:
                items.append(cls())
            if child is None or len(items) != len(child):
                setattr(cur, attr, items)
            child = getattr(cur, attr)[indices[0]]
            so_far += f"[{indices[0]}]"
        elif child is None:
            if value is None:
                return
            child = cls()
            setattr(cur, attr, child)
        trail.append((cur, attr, so_far))
        cur = child
    if value is None:
        _prune(trail)


def _prune(trail: list[tuple[ApiModel, str, str]]) -> None:
    """Remove objects on ``trail`` (deepest first) that have no field set any more (not list entries)."""
    for parent, attr, so_far in reversed(trail):
        child = getattr(parent, attr)
        if isinstance(child, list) or so_far in KEEP_EMPTY:
            return
        if isinstance(child, ApiModel) and not child.model_fields_set and not child.model_extra:
            _unset(parent, attr)
        else:
            return


def regions(preset: Preset) -> list[McuLayout]:
    """The preset's MixLayoutList (empty list when absent)."""
    lp = preset.video_params.layout_params if preset.video_params else None
    return list(lp.mix_layout_list or []) if lp else []


def watermarks(preset: Preset) -> list[McuWaterMarkParams]:
    """The preset's WaterMarkList (empty list when absent)."""
    return list(preset.video_params.water_mark_list or []) if preset.video_params else []


def element_model(preset: Preset, ref: ElementRef) -> ElementModel | None:
    """The McuLayout of a region, or the watermark's image/text body (McuWaterMarkImage/Text); None if missing."""
    if ref.kind == "region":
        layouts = regions(preset)
        return layouts[ref.index] if 0 <= ref.index < len(layouts) else None
    marks = watermarks(preset)
    return marks[ref.index].body if 0 <= ref.index < len(marks) else None


def box_of(m: ElementModel) -> Box:
    """(x, y, width, height) of a region's McuLayout or a watermark body in canvas pixels (defaults applied)."""
    if isinstance(m, McuLayout):
        return m.box
    return (m.eff("location_x"), m.eff("location_y"), m.water_mark_width or 0, m.water_mark_height or 0)


def box(preset: Preset, ref: ElementRef) -> Box | None:
    """(x, y, width, height) of an element in canvas pixels (defaults applied), or None when it is missing."""
    m = element_model(preset, ref)
    return None if m is None else box_of(m)


def set_box(preset: Preset, ref: ElementRef, new: Box) -> None:
    """Write an element's (x, y, width, height); only the values that differ from the current box are set."""
    m = element_model(preset, ref)
    if m is None:
        return
    names = (
        ("location_x", "location_y", "image_width", "image_height")
        if isinstance(m, McuLayout)
        else ("location_x", "location_y", "water_mark_width", "water_mark_height")
    )
    for attr, o, v in zip(names, box_of(m), new):
        if o != v:
            setattr(m, attr, int(v))


def z_order(preset: Preset, ref: ElementRef) -> int:
    """The element's ZOrder (default 0)."""
    m = element_model(preset, ref)
    return int(m.eff("z_order")) if m is not None else 0


def elements(preset: Preset) -> list[ElementRef]:
    """Every region and watermark, top of the stack first: higher ZOrder first; for equal ZOrder the later entry is
    drawn on top (list order), and watermarks above regions."""
    refs = [ElementRef("region", i) for i in range(len(regions(preset)))]
    refs += [ElementRef("watermark", i) for i in range(len(watermarks(preset)))]
    return sorted(refs, key=lambda r: (z_order(preset, r), r.kind == "watermark", r.index), reverse=True)
