# Overrides PyInstaller's hook of the same name (user hooks win): the same
# collection, less the Qt plugins and translations the app does not use
# (packaging/qt_plugins.py; annotator.spec puts packaging/ on sys.path).
from qt_plugins import trimmed_qt6_dependencies

hiddenimports, binaries, datas = trimmed_qt6_dependencies(__file__)
