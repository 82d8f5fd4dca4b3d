"""Project memory: names a coder has tagged are suggested wherever else they occur.

Once a coder tags دير الزور as PLACE, its other occurrences in this and every
other document of the project (with or without proclitics, tashkeel, tatweel or
hamza variants) come back as suggestions with the same kind and canonical name.
"Tag all occurrences" does the same in one document at once, as confirmed spans.
"""

from __future__ import annotations

from typing import Any

from annotator.changes import Changes
from annotator.errors import ValidationError
from annotator.models import Origin
from annotator.store.project import Project
from annotator.suggest.names import NameMatcher

MEMORY_LABELS = ("PLACE", "ACTOR")
# Attributes that belong to the name wherever it occurs; role (perpetrator,
# target) depends on the sentence and is never carried over.
CARRIED = ("kind", "canonical")


def carried_attributes(attrs: dict[str, Any]) -> dict[str, Any]:
    """The attributes a name brings to its other occurrences."""
    return {key: attrs[key] for key in CARRIED if key in attrs}


def project_memory(project: Project, coder: str | None = None) -> NameMatcher:
    """The names the coder has confirmed (PLACE, ACTOR), the most recently edited spelling first."""
    matcher = NameMatcher("memory")
    for text, label, attrs in project.confirmed_names(coder or project.coder, MEMORY_LABELS):
        matcher.add(text, label, carried_attributes(attrs))
    return matcher


def tag_all_occurrences(project: Project, annotation_id: str) -> Changes:
    """Tag every other occurrence of a span's text in its document with the same label; one transaction.

    The span must be confirmed (accept a suggestion first). Occurrences match
    like memory suggestions (proclitics left out, tashkeel and hamza ignored).
    A pending suggestion of the same label at an occurrence is accepted; an
    occurrence overlapping a confirmed span of the same label, or rejected
    before by the coder, is left alone; a pending suggestion of the label that only
    overlaps an occurrence gives way to it. Returns what changed (spans added, suggestions
    accepted as updates, suggestions removed), so the window can show and undo exactly that.
    """
    ann = project.annotation(annotation_id)
    if ann.origin == Origin.SUGGESTED:
        raise ValidationError("accept the suggestion before tagging its other occurrences")
    text = project.document(ann.doc_id).text
    matcher = NameMatcher("tag_all")
    carried = (
        carried_attributes(ann.attrs)
        if ann.label in MEMORY_LABELS
        else {k: v for k, v in ann.attrs.items() if k != "role"}
    )
    matcher.add(ann.text, ann.label, carried)
    live = project.annotations(ann.doc_id, coder=ann.coder)
    changes = Changes()
    with project.transaction():
        for found in matcher.find(text):
            same = [a for a in live if a.label == ann.label and a.start < found.end and found.start < a.end]
            if any(a.origin != Origin.SUGGESTED for a in same):
                continue
            if project.is_rejected(ann.doc_id, ann.coder, ann.label, found.start, found.end):
                continue
            exact = next((a for a in same if (a.start, a.end) == (found.start, found.end)), None)
            if exact is not None:
                accepted = project.update_annotation(exact.id, origin=Origin.MANUAL, attrs={**exact.attrs, **found.attrs})
                changes.update(exact, accepted)
                continue
            for pending in same:
                changes.remove(project.delete_annotation(pending.id))
            changes.add(
                project.add_annotation(
                    ann.doc_id,
                    ann.label,
                    found.start,
                    found.end,
                    attrs=found.attrs,
                    coder=ann.coder,
                    provenance={"tagged_like": ann.id},
                    text=text,
                )
            )
    return changes
