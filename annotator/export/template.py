"""Any format we did not foresee: a user's jinja2 template over the documents and spans.

A template may come from anyone (a colleague's e-mail, a forum), so it runs in
jinja2's immutable sandbox: no attribute access to Python internals, no calling
of unsafe methods, no changing of lists or dictionaries (use ``namespace()`` for
a counter); includes, time, memory and output are bounded
(:mod:`annotator.export.template_limits`). It sees plain data only:

- ``documents``: our JSONL records (``id``, ``text``, ``meta``, ``status``,
  ``spans`` with ``start``, ``end``, ``label``, ``text``, ``attrs``, ``coder``,
  ``origin``), in project order;
- ``labels``: the codebook's labels (``name``, ``color``, ``attributes``...);
- ``project``: ``name``, ``id``, ``coder``, ``codebook``; ``layer``;
- ``tokens(document)``: the document's tokens, cut at span edges, each with
  ``text``, ``start``, ``end`` and its IOB2 ``tag`` (outermost span wins).

Undefined names are errors (a typo must not quietly print nothing), and every
template error names the template file and line. Autoescaping is on for
templates named ``*.html.j2``, ``*.htm.j2`` and ``*.xml.j2`` (and ``.html``...).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from annotator.errors import AnnotatorError, InputError
from annotator.export.files import write_text
from annotator.export.options import Job
from annotator.export.tokens import TokenStats, iob_tags, outermost, segment
from annotator.models import Annotation
from annotator.records import document_to_json

__all__ = ["render_into", "render_template", "write_template"]

ESCAPED_SUFFIXES = (".html", ".htm", ".xml", ".xhtml")


def autoescape_for(name: str | None) -> bool:
    if not name:
        return False
    stem = name[:-3] if name.endswith(".j2") else name.removesuffix(".jinja2").removesuffix(".jinja")
    return stem.lower().endswith(ESCAPED_SUFFIXES)


def _tokens(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``tokens()`` a template may call: IOB2 tags over cut tokens, from a document record."""
    spans = [
        Annotation(
            id=str(s.get("id", "")),
            doc_id=0,
            coder=str(s.get("coder", "")),
            label=str(s["label"]),
            start=int(s["start"]),
            end=int(s["end"]),
            text=str(s.get("text", "")),
        )
        for s in document.get("spans", [])
    ]
    text = str(document["text"])
    tokens = segment(text, spans, stats=TokenStats())
    kept, _, _ = outermost(spans)
    return [
        {"text": t.text, "start": t.start, "end": t.end, "tag": tag}
        for t, tag in zip(tokens, iob_tags(tokens, kept), strict=True)
    ]


def _line(error: BaseException, template: Path) -> int | None:
    """The template line of a runtime error: jinja2 puts template frames in the traceback."""
    line = getattr(error, "lineno", None)
    tb: TracebackType | None = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == str(template):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _environment(template: Path, deadline: float) -> Any:
    from jinja2 import StrictUndefined

    from annotator.export.template_limits import BoundedSandbox, FolderLoader

    environment = BoundedSandbox(
        loader=FolderLoader(template.parent),
        autoescape=autoescape_for,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        deadline=deadline,
    )
    # the built-in tojson (HTML-safe); Arabic as is, keys sorted so output is stable
    environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return environment


def _context(job: Job) -> dict[str, Any]:
    project = job.project
    return {
        "documents": [document_to_json(i.document, i.status, i.spans) for i in job.documents],
        "labels": project.codebook.to_dict()["labels"],
        "project": {
            "name": project.path.name,
            "id": project.project_id,
            "coder": project.coder,
            "codebook": project.codebook.name,
        },
        "layer": job.layer,
        "tokens": _tokens,
    }


def render_into(job: Job, template: Path, write: Callable[[str], object]) -> int:
    """Render ``template`` over ``job``, handing the output to ``write`` piece by piece as it is made
    (an export of a whole archive is never held whole); returns the characters written.
    Every failure, and every bound of :mod:`annotator.export.template_limits` met, is one
    :class:`~annotator.errors.InputError` naming the template (and its line where known)."""
    # Imported here: only this format needs jinja2.
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

    from annotator.export import template_limits
    from annotator.export.template_limits import Deadline, TemplateTooLong, time_budget

    template = template.resolve()
    if not template.is_file():
        raise InputError("no such template file", path=template)
    seconds = time_budget(len(job.documents))
    environment = _environment(template, time.monotonic() + seconds)
    written = 0
    try:
        with Deadline(seconds):
            compiled = environment.get_template(template.name)
            for piece in compiled.generate(**_context(job)):
                written += len(piece)
                if written > template_limits.MAX_OUTPUT_CHARS:
                    raise InputError(
                        f"the template's output passed {template_limits.MAX_OUTPUT_CHARS:,} characters; "
                        "nothing was written",
                        path=template,
                    )
                write(piece)
    except TemplateTooLong:
        raise InputError(
            f"the template ran for more than {seconds:.0f} s (the bound for {len(job.documents)} document(s)); "
            "nothing was written",
            path=template,
        ) from None
    except TemplateSyntaxError as exc:
        raise InputError(f"template syntax error: {exc.message}", path=template, line=exc.lineno) from None
    except TemplateNotFound as exc:
        raise InputError(
            f"the template includes {exc.name!r}, which is not a file in its folder", path=template
        ) from None
    except TemplateError as exc:  # undefined names, sandbox refusals
        raise InputError(f"template error: {exc}", path=template, line=_line(exc, template)) from None
    except (
        TypeError, ValueError, KeyError, IndexError, ZeroDivisionError, AttributeError, OverflowError, RecursionError,
        MemoryError,
    ) as exc:
        raise InputError(
            f"template error: {type(exc).__name__}: {exc}", path=template, line=_line(exc, template)
        ) from None
    return written


def render_template(job: Job, template: Path) -> str:
    pieces: list[str] = []
    render_into(job, template, pieces.append)
    return "".join(pieces)


def write_template(job: Job, out: str | Path) -> list[str]:
    if job.options.template is None:
        raise AnnotatorError("the template format needs --template FILE.j2")
    template = Path(job.options.template)
    if str(out) == "-":  # standard output gets all or nothing too
        rendered = render_template(job, template)
        write_text(out, lambda handle: handle.write(rendered))
    else:
        write_text(out, lambda handle: render_into(job, template, handle.write))
    return [str(out)]
