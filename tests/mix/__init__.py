"""Tests of the mix (layout_studio.mix): what the MCU places where, for a design and a room."""
