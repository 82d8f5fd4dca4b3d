"""The demo project a first run opens: the fictional reports in ``resources/demo``."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.importing.run import import_sources
from annotator.resources_path import resource_path
from annotator.store.project import Project

DEMO_CODER = "demo"


def build_demo_project(path: Path, coder: str = DEMO_CODER) -> Path:
    """Create ``path`` holding the demo corpus, unless it exists already.

    Built under a temporary name and renamed when complete, so an interrupted
    first run never leaves half a demo project behind.
    """
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    with Project.create(partial, coder=coder) as project:
        import_sources(project, [resource_path("demo")], fmt="txt")
    os.replace(partial, path)
    return path
