"""Build regional_reports.jsonl (our JSONL record) from the marked reports in regional_reports.txt.

Run: ``python benchmarks/corpora/build_regional.py`` after editing the marked file. Offsets
are computed here from the marks, so they cannot drift from the text; the test
``tests/test_eval_corpus.py`` checks the JSONL is what this script writes.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
MARKED = HERE / "regional_reports.txt"
OUT = HERE / "regional_reports.jsonl"
CODER = "gold"
SPLITS = ("tuning", "held_out", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7")

_MARK = re.compile(r"⟦([^|⟧]+)\|([^⟧]+)⟧")
_HEADER = re.compile(r"^=== (\w+) \| (\w+) \| ([^|]+?) \| (\d{4}-\d{2}-\d{2})$")
_LABELS = {"A": "ACTOR", "P": "PLACE"}
_STATUSES = ("killed", "injured", "missing", "captured")
_VICTIMS = {"civ": "civilians", "chi": "children", "wom": "women", "com": "combatants"}
_QUALIFIERS = ("exact", "about", "at_least", "up_to", "vague")


class MarkError(ValueError):
    """A mark the builder cannot read: says which report and which mark."""


def casualty_attrs(fields: list[str], where: str) -> dict[str, Any]:
    """``killed:7:civ:q=about`` as the codebook's CASUALTY attributes."""
    if len(fields) < 2 or fields[0] not in _STATUSES or not fields[1].isdigit():
        raise MarkError(f"{where}: a CASUALTY mark needs C:status:value, got {':'.join(fields)}")
    attrs: dict[str, Any] = {"value": int(fields[1]), "status": fields[0], "victims": "unspecified",
                             "qualifier": "exact", "scope": "incident"}
    for field in fields[2:]:
        if field in _VICTIMS:
            attrs["victims"] = _VICTIMS[field]
        elif field.startswith("q=") and field[2:] in _QUALIFIERS:
            attrs["qualifier"] = field[2:]
        elif field == "s=cum":
            attrs["scope"] = "cumulative"
        elif field.startswith(("min=", "max=")) and field[4:].isdigit():
            attrs[field[:3]] = int(field[4:])
        else:
            raise MarkError(f"{where}: unknown CASUALTY field {field!r}")
    if attrs["qualifier"] == "at_least":
        attrs.setdefault("min", attrs["value"])
    if attrs["qualifier"] == "up_to":
        attrs.setdefault("max", attrs["value"])
    if attrs["qualifier"] == "vague" and not ("min" in attrs and "max" in attrs):
        raise MarkError(f"{where}: a vague figure needs min= and max=")
    return attrs


def parse_report(marked: str, key: str) -> tuple[str, list[dict[str, Any]]]:
    """The plain text of one marked report and its gold spans."""
    parts: list[str] = []
    spans: list[dict[str, Any]] = []
    length = position = 0
    for match in _MARK.finditer(marked):
        before = marked[position : match.start()]
        parts.append(before)
        length += len(before)
        span, code = match.group(1), match.group(2)
        fields = code.split(":")
        where = f"{key}, mark ⟦{span}|{code}⟧"
        if fields[0] == "C":
            label, attrs = "CASUALTY", casualty_attrs(fields[1:], where)
        elif fields[0] in _LABELS and len(fields) == 1:
            label, attrs = _LABELS[fields[0]], {}
        else:
            raise MarkError(f"{where}: the label must be A, P or C:...")
        spans.append({"start": length, "end": length + len(span), "label": label, "text": span,
                      "attrs": attrs, "coder": CODER})
        parts.append(span)
        length += len(span)
        position = match.end()
    parts.append(marked[position:])
    text = "".join(parts)
    if "⟦" in text or "⟧" in text:
        raise MarkError(f"{key}: a mark is not closed")
    return text, spans


def build(marked_file: Path = MARKED) -> list[dict[str, Any]]:
    """Every report of the marked file as our JSONL record, in file order."""
    records: list[dict[str, Any]] = []
    header: re.Match[str] | None = None
    body: list[str] = []

    def flush() -> None:
        if header is None:
            return
        key, split, country, date = header.groups()
        if split not in SPLITS:
            raise MarkError(f"{key}: split must be one of {', '.join(SPLITS)}")
        text, spans = parse_report("\n".join(body).strip(), key)
        meta = {"title": text.split(" - ", 1)[0], "source": "written for the benchmark", "date": date,
                "country": country, "split": split}
        records.append({"id": key, "text": text, "meta": meta, "status": "done", "spans": spans})

    for line in marked_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("==="):
            flush()
            header = _HEADER.match(line)
            if header is None:
                raise MarkError(f"{marked_file.name}: bad report header {line!r}")
            body = []
        elif line.strip():
            body.append(line)
    flush()
    return records


def render(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main() -> int:
    try:
        records = build()
    except MarkError as exc:
        print(f"{MARKED}: {exc}", file=sys.stderr)
        return 1
    OUT.write_text(render(records), encoding="utf-8")
    by_split = {s: sum(r["meta"]["split"] == s for r in records) for s in SPLITS}
    print(f"wrote {OUT} ({len(records)} reports: {by_split})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
