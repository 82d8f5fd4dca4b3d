"""Readers of import files: .txt files and folders, CSV, our JSONL, brat standoff; other
tools' exports (Label Studio, doccano, CoNLL) through their own modules.

Each reader turns its input into :class:`~annotator.records.DocumentRecord`s and
raises :class:`~annotator.errors.InputError` naming the file and line of the first
problem. They touch no project, so a large import runs them in worker processes
(:mod:`annotator.importing.workers`); :mod:`annotator.importing.run` stores what they read.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from annotator.errors import InputError
from annotator.importing.brat_events import attach_events, take_event_lines
from annotator.importing.conll import read_conll
from annotator.importing.doccano import read_doccano
from annotator.importing.foreign import LabelMap, mapped_records
from annotator.importing.json_text import parse_json
from annotator.importing.label_studio import read_label_studio
from annotator.importing.sniff import content_format
from annotator.records import DocumentRecord, SpanRecord, record_from_json
from annotator.text import canonical_offsets, canonical_text, decode_bytes, decode_raw, detect_encoding

FORMATS = ("txt", "csv", "jsonl", "brat", "label-studio", "doccano", "conll")
MAX_TEXT_BYTES = 50 * 10**6  # one file read whole, or one JSONL line: past this, surely not one article
# One document's text: a long report is some 100,000 characters; past this the window cannot
# lay it out promptly (benchmarks/open_cost.py), and it is surely not one article.
MAX_DOCUMENT_CHARS = 500_000
_EXTENSIONS = {
    ".txt": "txt", ".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl",
    ".conll": "conll", ".iob": "conll", ".iob2": "conll", ".bio": "conll",
}
TEXT_COLUMNS = ("text", "article_content", "content", "body", "article", "article_text")
ID_COLUMNS = ("id", "doc_id", "article_id", "key")
TITLE_COLUMNS = ("title", "headline", "article_title")


@dataclass
class CsvColumns:
    """Which CSV columns hold the text, the id and the title (None: guess from the header)."""

    text: str | None = None
    id: str | None = None
    title: str | None = None
    # (Not a column: how another tool's labels map to the codebook's, for its exports.)
    label_map: LabelMap | None = None


# --- finding the files ---------------------------------------------------------------


def plan_files(sources: list[str | Path], fmt: str | None = None) -> list[tuple[Path, str]]:
    """Expand folders (recursively) and decide each file's format, in a stable order."""
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    planned: list[tuple[Path, str]] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            root = path.resolve()
            files = sorted(p for p in path.rglob("*") if p.is_file())
            for file in files:
                _refuse_link_outside(file, root)
            found = [_guess(file, fmt, explicit=False) for file in files]
            in_folder = [item for item in found if item is not None]
            if not in_folder:
                raise InputError(
                    "the folder holds no file to import (.txt, .csv, .jsonl, .json, .conll, brat .ann)", path=path
                )
            planned += in_folder
        elif path.is_file():
            # A file named on its own is judged as one inside a folder would be: its folder is its own.
            _refuse_link_outside(path, path.absolute().parent.resolve())
            item = _guess(path, fmt, explicit=True)
            if item is not None:
                planned.append(item)
        elif path.exists():
            raise InputError("not a regular file or folder (a device, a pipe or a socket); refusing it", path=path)
        else:
            raise InputError("no such file or folder", path=path)
    return list(dict.fromkeys(planned))


def _refuse_link_outside(file: Path, root: Path) -> None:
    """A link that leads out of the folder being imported (to /etc/shadow, say) is refused:
    importing would copy a file the person never meant to share into a project they send on."""
    target = file.resolve()
    if not target.is_relative_to(root):
        raise InputError(f"links to {target}, outside the folder being imported; refusing it", path=file)


def _guess(path: Path, fmt: str | None, *, explicit: bool) -> tuple[Path, str] | None:
    """The file to read and its format; None for a file a folder import passes over."""
    suffix = path.suffix.lower()
    if suffix == ".ann":
        if not explicit:
            return None  # read together with its .txt
        if not path.with_suffix(".txt").exists():
            raise InputError("a brat .ann file needs its .txt beside it", path=path)
        _refuse_link_outside(path.with_suffix(".txt"), path.absolute().parent.resolve())
        return path.with_suffix(".txt"), "brat"
    by_extension = _EXTENSIONS.get(suffix)
    if by_extension == "jsonl" and fmt in (None, "jsonl"):
        by_extension = content_format(path, fmt)  # doccano and Label Studio share the extension
    elif by_extension == "jsonl" and fmt in ("label-studio", "doccano"):
        by_extension = fmt
    if suffix == ".txt" and path.with_suffix(".ann").exists() and fmt in (None, "brat"):
        if explicit:
            _refuse_link_outside(path.with_suffix(".ann"), path.absolute().parent.resolve())
        by_extension = "brat"
    if fmt is not None:
        if explicit:
            return path, fmt
        matches = by_extension == fmt or (fmt == "brat" and suffix == ".txt")
        return (path, fmt) if matches else None
    if by_extension is None:
        if explicit:
            raise InputError(f"cannot tell the format from the extension; give --format {'|'.join(FORMATS)}", path=path)
        return None
    return path, by_extension


# --- readers -------------------------------------------------------------------------


def read_txt(path: Path, key: str | None = None) -> Iterator[DocumentRecord]:
    text = bounded(decode_bytes(_read_bytes(path), path), path)
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    title = first if len(first) <= 120 else first[:119].rstrip() + "…"
    yield DocumentRecord(text=text, key=key or path.stem, meta={"title": title, "source": path.name}, path=str(path))


def read_jsonl(path: Path) -> Iterator[DocumentRecord]:
    """Stream the file line by line: a 1 GB JSONL is never read whole."""
    for number, raw in jsonl_lines(path):
        yield record_from_line(path, number, raw)


def jsonl_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """The file's non-blank lines with their numbers, each checked for length, not yet decoded.

    A large import sends these lines to other processes to parse (:mod:`annotator.importing.workers`).
    """
    with open(path, "rb") as handle:
        any_line = False
        lines = iter(lambda: handle.readline(MAX_TEXT_BYTES + 1), b"")
        for number, raw in enumerate(lines, start=1):
            if len(raw) > MAX_TEXT_BYTES:
                raise InputError(
                    f"the line is longer than one document may be ({MAX_TEXT_BYTES // 10**6} MB)", path=path, line=number
                )
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            any_line = True
            yield number, raw
        if not any_line:
            raise InputError("the file is empty", path=path)


def record_from_line(path: Path, number: int, raw: bytes) -> DocumentRecord:
    """One JSONL line as a record; errors name the file and the line."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("the line is not UTF-8 (JSON must be UTF-8)", path=path, line=number) from None
    try:
        data = parse_json(line, path, number)
    except json.JSONDecodeError as exc:
        # (Some of Python's messages end in "at" already: "Invalid control character at".)
        reason = exc.msg.removesuffix(" at")
        raise InputError(f"broken JSON: {reason} at column {exc.colno}", path=path, line=number) from None
    if _SURROGATE_ESCAPE.search(line) and _holds_lone_surrogate(data):
        raise InputError(
            "the line holds an unpaired surrogate escape (such as \\ud800), which is no character",
            path=path,
            line=number,
        )
    record = record_from_json(data, str(path), number)
    bounded(record.text, path, number)
    return record


def bounded(text: str, path: Path, line: int | None = None) -> str:
    """``text`` if one document may be that long; else the refusal, naming the file (and line)."""
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(
            f"the document is {len(text):,} characters long, more than one document may be "
            f"({MAX_DOCUMENT_CHARS:,}); split it into articles",
            path=path,
            line=line,
        )
    return text


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _holds_lone_surrogate(data: Any) -> bool:
    """JSON may escape half a UTF-16 pair; such a string cannot be stored or written as UTF-8."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def read_csv(path: Path, columns: CsvColumns) -> Iterator[DocumentRecord]:
    """Stream the rows: a CSV of a whole archive is never held in memory at once."""
    encoding = detect_encoding(path)
    with open(path, encoding=encoding, newline="") as handle:
        try:
            yield from _csv_rows(path, handle, columns)
        except UnicodeDecodeError as exc:  # the encoding guessed from its start fails further on
            raise InputError(f"the file is not valid {exc.encoding} text ({exc.reason})", path=path) from None


def _csv_rows(path: Path, handle: TextIO, columns: CsvColumns) -> Iterator[DocumentRecord]:
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    csv.field_size_limit(MAX_TEXT_BYTES)
    reader = csv.DictReader(handle, dialect=dialect, strict=True)  # strict: an unclosed quote is an error
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise InputError(f"not a readable CSV file ({exc})", path=path, line=1) from None
    if not header:
        raise InputError("the CSV file has no header row", path=path, line=1)
    twice = sorted({name for name in header if header.count(name) > 1})
    if twice:
        raise InputError(f"the header names a column twice ({', '.join(twice)})", path=path, line=1)

    def pick(asked: str | None, candidates: tuple[str, ...], what: str, required: bool) -> str | None:
        if asked is not None:
            if asked not in header:
                raise InputError(f"no column {asked!r} for the {what} (columns: {', '.join(header)})", path=path, line=1)
            return asked
        lowered = {name.lower().strip(): name for name in header}
        found = next((lowered[c] for c in candidates if c in lowered), None)
        if found is None and required:
            raise InputError(
                f"no text column found (looked for {', '.join(candidates)}); name it with --text-col "
                f"(columns: {', '.join(header)})",
                path=path,
                line=1,
            )
        return found

    text_col = pick(columns.text, TEXT_COLUMNS, "text", True)
    id_col = pick(columns.id, ID_COLUMNS, "id", False)
    title_col = pick(columns.title, TITLE_COLUMNS, "title", False)
    rows = 0
    for row in _checked_rows(reader, path):
        line = reader.line_num
        if None in row:
            raise InputError("the row has more cells than the header", path=path, line=line)
        value = row.get(text_col or "") or ""
        if not value.strip():
            raise InputError(f"the text cell ({text_col}) is empty", path=path, line=line)
        meta = {k: v for k, v in row.items() if k not in (text_col, id_col) and v not in (None, "")}
        if title_col and title_col in meta:
            meta["title"] = meta.pop(title_col)
        rows += 1
        yield DocumentRecord(
            text=bounded(canonical_text(value, path), path, line),
            key=(row.get(id_col) or None) if id_col else None,
            meta=meta,
            path=str(path),
            line=line,
        )
    if rows == 0:
        raise InputError("the CSV file has a header but no rows", path=path)


def _checked_rows(reader: csv.DictReader[str], path: Path) -> Iterator[dict[str | Any, str | Any]]:
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"the CSV cannot be read here ({exc})", path=path, line=reader.line_num) from None
        yield row


def read_brat(txt_path: Path) -> Iterator[DocumentRecord]:
    """A brat document: ``name.txt`` and ``name.ann`` (T, A and # lines; E lines by
    :mod:`annotator.importing.brat_events`; R and N noted and left out)."""
    raw_text = decode_raw(_read_bytes(txt_path), txt_path)
    text = bounded(canonical_text(raw_text, txt_path), txt_path)
    moved = canonical_offsets(raw_text)  # brat counts the \r of a file saved with \r\n
    ann_path = txt_path.with_suffix(".ann")
    spans: dict[str, SpanRecord] = {}
    lines: dict[str, int] = {}
    ignored = 0
    raw = decode_bytes(_read_bytes(ann_path), ann_path) if ann_path.exists() and ann_path.stat().st_size else ""
    raw, event_lines = take_event_lines(raw, ann_path)
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue

        def fail(message: str, number: int = number) -> InputError:
            return InputError(message, path=ann_path, line=number)

        parts = line.split("\t")
        ident = parts[0]
        if ident.startswith("T"):
            if len(parts) < 2:
                raise fail("a T line needs a tab-separated type and offsets")
            type_and_offsets = parts[1].split(" ")
            if ";" in parts[1]:
                raise fail("discontinuous spans (offsets with ';') are not supported")
            if len(type_and_offsets) != 3 or not all(x.isdigit() for x in type_and_offsets[1:]):
                raise fail(f"cannot read {parts[1]!r} as 'LABEL start end'")
            label = type_and_offsets[0]
            start, end = moved(int(type_and_offsets[1])), moved(int(type_and_offsets[2]))
            if ident in spans:
                raise fail(f"{ident} is defined twice")
            spans[ident] = SpanRecord(
                start=start, end=end, label=label, text=parts[2] if len(parts) > 2 else None, line=number
            )
            lines[ident] = number
        elif ident.startswith("A") or ident.startswith("M"):
            fields = parts[1].split(" ") if len(parts) > 1 else []
            if len(fields) < 2 or fields[1] not in spans:
                raise fail("an attribute line must name an attribute and a T annotation defined above it")
            spans[fields[1]].attrs[fields[0]] = fields[2] if len(fields) > 2 else True
        elif ident.startswith("#"):
            fields = parts[1].split(" ") if len(parts) > 1 else []
            if len(fields) >= 2 and fields[1] in spans and len(parts) > 2 and "=" in parts[2]:
                name, _, value = parts[2].partition("=")
                _apply_note(spans[fields[1]], name.strip(), value.strip())
        else:
            ignored += 1
    record = DocumentRecord(
        text=text, key=txt_path.stem, meta={"title": txt_path.stem, "source": txt_path.name}, path=str(ann_path),
        spans=list(spans.values()),
    )
    for ident, span in spans.items():
        try:
            DocumentRecord(text=text, spans=[span], path=str(ann_path), line=lines[ident]).check_spans()
        except InputError as exc:
            raise InputError(f"{ident}: {exc.problem}", path=ann_path, line=lines[ident]) from None
    if ignored:
        record.meta["brat_ignored_lines"] = ignored
    attach_events(record, event_lines, spans, ann_path)
    yield record


def _apply_note(span: SpanRecord, name: str, value: str) -> None:
    """Our brat export keeps ids, coders and non-choice attributes as ``name=value`` notes."""
    if name == "id":
        span.id = value
    elif name == "coder":
        span.coder = value
    elif name == "origin":
        span.origin = value
    else:
        span.attrs[name] = value


def _read_bytes(path: Path) -> bytes:
    """A whole file holding one document; a file too large for one article is refused."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise InputError(
                f"the file is {size / 1e6:.0f} MB, more than one document may hold ({MAX_TEXT_BYTES // 10**6} MB); "
                "split it, or import it as CSV or JSONL with one article per row",
                path=path,
            )
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", path=path) from None


def _bounded_all(records: Iterable[DocumentRecord], path: Path) -> Iterator[DocumentRecord]:
    """Other tools' records held to the same document limit as ours."""
    for record in records:
        bounded(record.text, path, record.line)
        yield record


def read_file(path: Path, kind: str, columns: CsvColumns, root: Path | None = None) -> Iterator[DocumentRecord]:
    if kind == "txt":
        key = path.relative_to(root).with_suffix("").as_posix() if root and path.is_relative_to(root) else None
        return read_txt(path, key)
    if kind == "jsonl":
        return read_jsonl(path)
    if kind == "csv":
        return read_csv(path, columns)
    if kind == "label-studio":
        return _bounded_all(mapped_records(read_label_studio(path, _read_bytes(path)), columns.label_map, path), path)
    if kind == "doccano":
        return _bounded_all(mapped_records(read_doccano(path, jsonl_lines(path)), columns.label_map, path), path)
    if kind == "conll":
        text = decode_bytes(_read_bytes(path), path)
        return _bounded_all(mapped_records(read_conll(path, text), columns.label_map, path), path)
    return read_brat(path)
