"""Update the Arabic translation of the window and compile it.

    python tools/translations.py          # lupdate, fix contexts, lrelease

``pyside6-lupdate`` names the context of ``window.tr(...)`` after the variable
("window"), while PySide looks translations up by the object's class
("MainWindow"); the contexts are renamed here so both agree. Edit the
translations themselves in ``resources/translations/annotator_ar.ts`` (by hand
or with ``pyside6-linguist``), then run this again.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "annotator_ar.ts"
CONTEXTS = {"window": "MainWindow", "self.window": "MainWindow", "session": "EditSession"}
BIN = Path(sys.executable).parent


def merge_contexts(path: Path) -> None:
    tree = ET.parse(path)
    root = tree.getroot()
    by_name: dict[str, ET.Element] = {}
    for context in list(root.findall("context")):
        name_element = context.find("name")
        assert name_element is not None and name_element.text
        name = CONTEXTS.get(name_element.text, name_element.text)
        if name in by_name:
            target = by_name[name]
            known = {m.findtext("source"): m for m in target.findall("message")}
            for message in context.findall("message"):
                existing = known.get(message.findtext("source"))
                if existing is None:
                    target.append(message)
                    continue
                # lupdate marked the renamed entry vanished: it is in use, keep its translation.
                translation = existing.find("translation")
                if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                    del translation.attrib["type"]
            root.remove(context)
        else:
            name_element.text = name
            by_name[name] = context
    # What is still vanished after the renames is gone from the code: drop it.
    for context in root.findall("context"):
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                context.remove(message)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def main() -> None:
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS)], check=True)
    merge_contexts(TS)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    main()
