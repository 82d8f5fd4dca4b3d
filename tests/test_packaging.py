"""What a coder installs: the package list, icons, desktop files, one version everywhere.

Quick checks on the files in the checkout; tests/test_packaging_wheel.py builds and
installs the wheel itself. Validators from Debian (desktop-file-validate,
appstreamcli) run when present; the structural checks run everywhere.
"""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator import __version__
from annotator.cli.main import main as cli

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
METAINFO = PACKAGING / "org.arabic_event_annotator.annotator.metainfo.xml"
ICON_NAME = "arabic-event-annotator"  # the hicolor name in the .desktop file and install-desktop



def load_qt_plugins():
    """packaging/qt_plugins.py, loaded by path (packaging/ is no package, and its name is taken)."""
    spec = importlib.util.spec_from_file_location("qt_plugins", PACKAGING / "qt_plugins.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PACKAGING / "annotator.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


# --- the wheel's contents ------------------------------------------------------------------------


def test_every_python_package_in_the_checkout_is_in_the_wheel_list() -> None:
    listed = set(pyproject()["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("annotator", "ui")
        for init in (ROOT / top).rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    missing = sorted(found - listed)
    assert missing == [], f"add {missing} to [tool.setuptools] packages in pyproject.toml"
    assert "annotator.resources" in listed
    assert pyproject()["tool"]["setuptools"]["package-dir"] == {"annotator.resources": "resources"}


def test_the_entry_points_and_the_version_source() -> None:
    project = pyproject()["project"]
    assert project["scripts"]["annotator"] == "ui.entry:main"
    assert project["gui-scripts"]["annotator-gui"] == "ui.entry:main"
    assert "version" in project["dynamic"]
    assert pyproject()["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "annotator.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+([ab]|rc)?\d*", __version__)


# --- one version everywhere ------------------------------------------------------------------------


def test_annotator_version_prints_the_package_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.output == f"annotator, version {__version__}\n"


def test_the_about_dialog_and_the_application_carry_the_version(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    import ui.coder.dialogs
    from annotator.store.project import Project
    from ui.app import make_application
    from ui.coder.main_window import MainWindow
    from ui.i18n import install_language
    from ui.settings import Settings

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window = MainWindow(Project.create(tmp_path / "p.db", coder="amal"), Settings())
    qtbot.addWidget(window)
    ui.coder.dialogs.about(window)
    assert len(shown) == 1 and f"</b> {__version__}<br>" in shown[0]
    app = make_application(Settings(language="en"))
    try:
        assert app.applicationVersion() == __version__
        assert app.desktopFileName() == "annotator"  # packaging/annotator.desktop, for Wayland
        assert sorted(size.width() for size in app.windowIcon().availableSizes()) == list(ICON_SIZES)
    finally:
        install_language(app, "en")
    window.close()


def test_the_changelog_and_the_metainfo_name_the_current_release() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
    released = re.findall(r"^## \[(\d[^\]]*)\] - (\d{4}-\d{2}-\d{2})$", changelog, flags=re.MULTILINE)
    assert released and released[0][0] == __version__, "add the new version to CHANGELOG.md"
    releases = ET.parse(METAINFO).getroot().find("releases")
    newest = releases.find("release")
    assert (newest.get("version"), newest.get("date")) == released[0], "add the release to the metainfo file"


def test_the_spec_takes_the_version_from_the_package() -> None:
    spec = (PACKAGING / "annotator.spec").read_text(encoding="utf-8")
    assert "VERSION = annotator.__version__" in spec
    assert not re.search(r"\b\d+\.\d+\.\d+\b", spec), "no version number written into the spec"


# --- icons -------------------------------------------------------------------------------------------


def test_the_icon_is_an_svg_with_png_renderings_of_every_size() -> None:
    svg = ET.parse(ICONS / "annotator.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("viewBox") == "0 0 512 512"
    for size in ICON_SIZES:
        assert png_size(ICONS / f"annotator-{size}.png") == (size, size)


def test_the_windows_and_macos_icons_hold_the_sizes_they_need() -> None:
    ico = (PACKAGING / "icons" / "annotator.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}  # 0 means 256
    assert {16, 32, 48, 256} <= sizes
    icns = (PACKAGING / "icons" / "annotator.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic09" in icns  # the 512 px image, for Retina docks


# --- desktop integration ---------------------------------------------------------------------------


def test_the_desktop_file_has_arabic_name_and_comment_and_starts_the_window() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["Name"] == "Arabic event annotator"
    assert re.search(r"[\u0600-\u06FF]", entry["Name[ar]"]) and re.search(r"[\u0600-\u06FF]", entry["Comment[ar]"])
    assert entry["Exec"] == "annotator gui %f"  # `annotator gui` with no file: the last or the demo project
    assert entry["Icon"] == ICON_NAME
    assert entry["StartupWMClass"] == "annotator"
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(PACKAGING / "annotator.desktop")], capture_output=True, text=True)
        assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_the_metainfo_describes_the_app_and_launches_the_desktop_file() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == "org.arabic_event_annotator.annotator"
    assert root.findtext("launchable") == "annotator.desktop"
    assert root.findtext("icon") == ICON_NAME
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert any(name.get(lang) == "ar" for name in root.findall("name"))
    assert any(summary.get(lang) == "ar" for summary in root.findall("summary"))
    if shutil.which("appstreamcli"):
        result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not shutil.which("bash"), reason="install-desktop is a bash script")
def test_install_desktop_puts_the_entry_and_icons_in_place_and_removes_them(tmp_path: Path) -> None:
    script = PACKAGING / "install-desktop"
    run = subprocess.run(["bash", str(script), "--prefix", str(tmp_path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "applications" / "annotator.desktop").read_text(encoding="utf-8") == (
        PACKAGING / "annotator.desktop"
    ).read_text(encoding="utf-8")
    assert (tmp_path / "metainfo" / METAINFO.name).exists()
    assert (tmp_path / "icons/hicolor/scalable/apps" / f"{ICON_NAME}.svg").exists()
    for size in ICON_SIZES:
        assert png_size(tmp_path / f"icons/hicolor/{size}x{size}/apps/{ICON_NAME}.png") == (size, size)
    run = subprocess.run(["bash", str(script), "--prefix", str(tmp_path), "--uninstall"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    left = [p for p in tmp_path.rglob("*") if p.is_file() and not p.name.endswith(".cache")]
    assert left == []


# --- the bundle's Qt plugin choice -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/translations/qtbase_ar.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("annotator/resources/translations/annotator_ar.qm", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ],
)
def test_the_bundle_keeps_only_the_qt_plugins_it_needs(path: str, kept: bool) -> None:
    assert load_qt_plugins().wanted(path) is kept
