"""Tests of the preview (layout_studio.render, sei, dynamic, fetch, and the render/sei commands)."""
