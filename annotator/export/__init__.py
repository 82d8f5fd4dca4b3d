"""Exports: one module per format, each a function ``write(project, options, out)``.

:func:`export` is the single entry point the command line and the window call;
it picks the documents and layers (:mod:`annotator.export.selection`) and writes
files atomically, so an interrupted export never leaves half a file behind.
"""

from __future__ import annotations

from annotator.export.run import ALL, FORMATS, SUFFIXES, ExportOptions, ExportResult, export, writes_folder

__all__ = ["ALL", "FORMATS", "SUFFIXES", "ExportOptions", "ExportResult", "export", "writes_folder"]
