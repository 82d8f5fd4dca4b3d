"""What the readers of other tools' exports share (Label Studio, doccano, CoNLL).

Their labels are rarely the codebook's (``PER``, ``LOC``, ``Person``): :class:`LabelMap`
renames them (``--map-label LOC=PLACE``) or drops them (``--map-label MISC=``), and a file
still holding labels the codebook lacks is refused once, naming every such label and how
often it occurs, rather than at its first span. The decision is to refuse, not to guess:
a span stored under a label nobody chose would be worse than a file not imported.

A reader may also leave notes for the import's summary (which offsets a Label Studio file
used, which spacing rule rebuilt a CoNLL text); they travel on the record, as brat events
do, so they cross the worker processes with it (:func:`add_note`, :func:`import_notes`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import InputError
from annotator.records import DocumentRecord

_NOTES = "import_notes"  # the record's attribute that carries a reader's notes
SHOWN_UNKNOWN = 12  # unknown labels named one by one in the refusal


@dataclass(frozen=True)
class LabelMap:
    """Other tools' label names → the codebook's (an empty target drops the spans), and the
    codebook's labels when the caller knows them (then unknown labels are refused all at once)."""

    renames: dict[str, str] = field(default_factory=dict)
    known: tuple[str, ...] | None = None


def parse_label_maps(items: Iterable[str]) -> dict[str, str]:
    """``["LOC=PLACE", "MISC="]`` as a mapping; a malformed item is refused."""
    renames: dict[str, str] = {}
    for item in items:
        name, equals, target = item.partition("=")
        if not equals or not name.strip():
            raise InputError(f"--map-label takes THEIR_LABEL=OUR_LABEL (or THEIR_LABEL= to drop it), not {item!r}")
        if name.strip() in renames and renames[name.strip()] != target.strip():
            raise InputError(f"--map-label names {name.strip()} twice")
        renames[name.strip()] = target.strip()
    return renames


def mapped_records(records: Iterable[DocumentRecord], labels: LabelMap | None, path: Path) -> Iterator[DocumentRecord]:
    """The records with their labels renamed and dropped spans left out.

    When the codebook's labels are known, a record with a label still unknown is held back
    and the rest of the file is read only to find every unknown label, then the file is
    refused (the import's transaction drops what came before).
    """
    labels = labels or LabelMap()
    unknown: Counter[str] = Counter()
    dropped = 0
    noted = False
    for record in records:
        kept = []
        for span in record.spans:
            target = labels.renames.get(span.label, span.label)
            if not target:
                dropped += 1
                continue
            span.label = target
            kept.append(span)
        record.spans = kept
        if labels.known is not None:
            strangers = [span.label for span in kept if span.label not in labels.known]
            if strangers or unknown:
                unknown.update(strangers)
                continue
        if dropped and not noted:
            noted = True
            names = ", ".join(sorted(name for name, target in labels.renames.items() if not target))
            add_note(record, f"{path.name}: spans labelled {names} left out (--map-label NAME=)")
        yield record
    if unknown:
        shown = ", ".join(f"{name} ({count})" for name, count in unknown.most_common(SHOWN_UNKNOWN))
        more = f" and {len(unknown) - SHOWN_UNKNOWN} more" if len(unknown) > SHOWN_UNKNOWN else ""
        example = unknown.most_common(1)[0][0]
        raise InputError(
            f"labels not in the codebook: {shown}{more}; the codebook has {', '.join(labels.known or ())}; "
            f"rename each with --map-label {example}=OUR_LABEL (or drop it with --map-label {example}=)",
            path=path,
        )


def add_note(record: DocumentRecord, note: str) -> None:
    notes: list[str] = getattr(record, _NOTES, [])
    if note not in notes:
        notes.append(note)
    setattr(record, _NOTES, notes)


def import_notes(record: DocumentRecord) -> list[str]:
    """What the record's reader asked the import's summary to say."""
    notes: list[str] = getattr(record, _NOTES, [])
    return notes
