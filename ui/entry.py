"""The ``annotator`` program: the core's command line plus the window.

The core (:mod:`annotator.cli.main`) never imports Qt; this module adds the ``gui``
command and the no-argument default on top of it, and imports Qt only when the
window is actually opened, so every other command runs on a headless machine.

Before Qt is loaded the machine is checked for a display and for the system
libraries Qt's X11 plugin links to: without them Qt aborts with a message that
names the wrong library, so the coder is told in one line what is missing.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

import click

from annotator.cli.main import main as cli

HEADLESS_HINT = "the headless commands work: annotator --help"

# What Qt's xcb platform plugin loads, and the Debian/Ubuntu package of each (README, "System packages for Qt").
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
BASE_PACKAGES = "libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0"


def loadable(library: str) -> bool:
    """Whether the dynamic linker finds ``library``, as Qt's plugin loader would."""
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def missing_xcb_libraries() -> list[str]:
    return [library for library in XCB_LIBRARIES if not loadable(library)]


def display_problem(environ: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """One line saying why the window cannot open here, or None when it can.

    Only Linux is checked: elsewhere Qt brings its own platform plugin. A
    ``QT_QPA_PLATFORM`` the user set is trusted (offscreen, wayland, vnc...),
    except that xcb still needs its libraries.
    """
    env = dict(os.environ) if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "")
    if not chosen and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return f"no display: the window needs X11 or Wayland (DISPLAY and WAYLAND_DISPLAY are unset); {HEADLESS_HINT}"
    uses_xcb = chosen.startswith("xcb") or (not chosen and not env.get("WAYLAND_DISPLAY"))
    if uses_xcb:
        missing = missing_xcb_libraries()
        if missing:
            packages = " ".join(XCB_LIBRARIES[library] for library in missing)
            return (
                f"the window cannot open on X11: missing {', '.join(missing)}; "
                f"install them with: apt-get install {packages}; {HEADLESS_HINT}"
            )
    return None


def open_window(project: Path | None) -> int:
    problem = display_problem()
    if problem is not None:
        click.echo(f"error: {problem}", err=True)
        return 1
    try:
        from ui.app import run
    except ImportError as exc:  # a library PySide6 itself links to (libGL, libEGL, ...)
        click.echo(
            f"error: Qt cannot be loaded ({exc}); install: apt-get install {BASE_PACKAGES}; {HEADLESS_HINT}", err=True
        )
        return 1
    return run(project)


@cli.command()
@click.argument("project", required=False, type=click.Path(dir_okay=False, path_type=Path))
def gui(project: Path | None) -> None:
    """Open the window on PROJECT (default: the last project, or the demo project).

    \b
    Example:
      annotator gui amal.db
    """
    sys.exit(open_window(project))


def main() -> None:
    cli(obj={"open_window": open_window})


if __name__ == "__main__":
    main()
