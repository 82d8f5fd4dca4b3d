"""Where the shipped resources (codebook, demo corpus, font, templates) live.

``resources/`` is installed as the package ``annotator.resources`` (see
pyproject.toml), so the same lookup works from a source checkout, an editable
install, a wheel and a PyInstaller bundle.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource file or folder."""
    return Path(str(files("annotator.resources").joinpath(*parts)))
