"""The bundled fonts, test cards and icons, shipped inside the package as ``layout_studio.bundled.assets``.

This file makes the folder a package, so :mod:`importlib.resources` finds it in a wheel and in an editable install
from a checkout alike (see :mod:`layout_studio.bundled`; what each file is: ``README.md`` here).
"""
