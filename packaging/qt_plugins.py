"""Which Qt plugins and translations the bundle carries (used by annotator.spec and hooks/).

PySide6's PyInstaller hooks collect every plugin of each kind a Qt module may use
(image formats, icon engines, the GTK theme, EGL devices...), and then every
system library those plugins link to: GTK, cairo, libjpeg... The hooks in
``hooks/`` filter the plugins through :func:`wanted` *before* that dependency
analysis, so the libraries only a dropped plugin needed stay out too.
"""

from __future__ import annotations

from pathlib import PurePath

# Plugins to keep, by folder (None: the whole folder); every other plugin is dropped.
#  platforms: X11 (xcb), Wayland, offscreen (smoke tests, headless), minimal; Windows and macOS their own.
#  platforminputcontexts: compose and IBus, so Arabic keyboards and input methods work.
#  platformthemes: the desktop portal (native file dialogs under Flatpak and Wayland), not gtk3:
#    it drags GTK in, and the app draws with Fusion anyway.
#  xcbglintegrations, wayland-*: what the xcb and Wayland platforms load at start.
#  styles: the native Windows and macOS styles (small; the app uses Fusion, which is built in).
#  imageformats, iconengines: none; the icon is PNG, which Qt reads without a plugin.
KEEP_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"qxcb", "qwayland", "qwayland-generic", "qwayland-egl", "qoffscreen", "qminimal", "qwindows", "qcocoa"},
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    "platformthemes": {"qxdgdesktopportal"},
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl", "shm-emulation-server", "dmabuf-server", "drm-egl-server"},
    "wayland-shell-integration": {"xdg-shell"},
    "styles": None,
}
# Qt's own translations: Arabic only (the interface's other language; English is built in).
KEEP_TRANSLATION_SUFFIXES = ("_ar.qm",)


def _plugin_name(filename: str) -> str:
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def wanted(path: str) -> bool:
    """Whether a collected file (its source or its place in the bundle) belongs in the app."""
    parts = PurePath(path.replace("\\", "/")).parts
    if "plugins" in parts:
        index = parts.index("plugins")
        if len(parts) != index + 3:  # not plugins/<folder>/<file>
            return True
        folder, name = parts[index + 1], parts[-1]
        if folder not in KEEP_PLUGINS:
            return False
        keep = KEEP_PLUGINS[folder]
        return keep is None or _plugin_name(name) in keep
    if "translations" in parts and parts[-1].endswith(".qm") and "annotator" not in parts:
        return parts[-1].endswith(KEEP_TRANSLATION_SUFFIXES)
    return True


def trimmed_qt6_dependencies(hook_file: str) -> tuple[list, list, list]:
    """PyInstaller's own PySide6 hook result, less the plugins and translations we do not want."""
    from PyInstaller.utils.hooks.qt import add_qt6_dependencies

    hiddenimports, binaries, datas = add_qt6_dependencies(hook_file)
    return hiddenimports, [b for b in binaries if wanted(b[0])], [d for d in datas if wanted(d[0])]
