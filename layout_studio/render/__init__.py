"""Preview: render a preset or request body to the picture the MCU would output (Pillow), faithfully to the
documented behaviour and saying where it approximates.

Public API: :class:`Renderer` (keeps caches) with ``.render(config, *, users=None, absent=(), sources=None,
overlay=False, scale=1.0, offline=False, refresh=False, findings=None, canvas=None, clean=False, draft=False) ->
RenderResult(image, findings)``, and :func:`render_preview` ``(config, **options) -> PIL.Image.Image`` (RGB, canvas
size x scale). Region colours: :func:`~.colors.user_colors` (a palette, by design).

What is placed where (the design view, the simulated room, slots, dynamic templates, stacking order) is the mix's
(:mod:`layout_studio.mix`); this package only draws it. Modules, one concept each: :mod:`.cards` (built-in test
cards), :mod:`.scaling` (render modes), :mod:`.regions` (a region's picture), :mod:`.watermarks`, :mod:`.canvas`
(background), :mod:`.colors`, :mod:`.cache`, :mod:`.context` (:class:`~.context.RenderContext`: the findings and
image fetching of one render), :mod:`.draft` (composing a small picture at its own size), :mod:`.overlay`
(outlines, grid, findings) and :mod:`.renderer`. Fonts and text layout are :mod:`layout_studio.fonts`, shared with
the validator's text rules.
"""

from .renderer import Renderer, RenderResult, render_preview

__all__ = ["RenderResult", "Renderer", "render_preview"]
