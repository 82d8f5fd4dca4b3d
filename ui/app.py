"""Starting the window: language, fonts, theme, which project to open, first-run welcome."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator import __version__
from annotator.demo import build_demo_project
from annotator.errors import AnnotatorError
from annotator.resources_path import resource_path
from annotator.store.project import Project
from ui.coder.dialogs import open_or_read_only
from ui.coder.main_window import MainWindow
from ui.i18n import install_language
from ui.settings import Settings, data_dir, load_settings, save_settings
from ui.theme import apply_theme
from ui.widgets.article_view import ARTICLE_FONT

_windows: list[MainWindow] = []  # open windows, kept alive until closed

DESKTOP_FILE = "annotator"  # packaging/annotator.desktop: Wayland matches the window to it (and its icon)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def register_fonts() -> str:
    """Register the bundled Arabic font, so every coder sees the same shapes."""
    for name in ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
    return ARTICLE_FONT


def app_icon() -> QIcon:
    """The window icon, from the PNGs rendered from resources/icons/annotator.svg (no SVG plugin needed)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"annotator-{size}.png")), QSize(size, size))
    return icon


def demo_path() -> Path:
    return data_dir() / "demo.db"


def initial_project(requested: Path | None, settings: Settings) -> Project | None:
    """The requested project, else the last one that still opens, else the demo project.

    None when the requested project is in use elsewhere and the coder declined a read-only view.
    """
    if requested is not None:
        return open_or_read_only(None, requested)
    for recent in settings.recent:
        if Path(recent).exists():
            try:
                return Project.open(Path(recent))
            except AnnotatorError:
                continue
    return Project.open(build_demo_project(demo_path()))


def open_project_window(project: Project, settings: Settings) -> MainWindow:
    window = MainWindow(project, settings)
    _windows.append(window)
    window.show()
    return window


def make_application(settings: Settings) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Arabic event annotator")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("arabic-event-annotator")
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(app_icon())
    install_language(app, settings.language)  # type: ignore[arg-type]
    register_fonts()
    apply_theme(app, settings.theme)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def run(requested: Path | None) -> int:
    settings, warning = load_settings()
    app = make_application(settings)
    try:
        project = initial_project(requested, settings)
    except AnnotatorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        QMessageBox.critical(None, "Arabic event annotator", str(exc))
        return 1
    if project is None:
        return 1
    settings.add_recent(project.path)
    save_settings(settings)
    window = open_project_window(project, settings)
    if warning:
        QMessageBox.warning(window, window.tr("Settings"), warning)
    if project.path == demo_path() and not settings.welcome_dismissed:
        from ui.coder.dialogs import welcome

        if welcome(window):
            settings.welcome_dismissed = True
            save_settings(settings)
    return app.exec()
