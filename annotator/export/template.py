"""Any format we did not foresee: a user's jinja2 template over the documents and spans.

A template may come from anyone (a colleague's e-mail, a forum), so it runs in
jinja2's :class:`~jinja2.sandbox.SandboxedEnvironment`: no attribute access to
Python internals, no calling of unsafe methods. It sees plain data only:

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

from pathlib import Path
from types import TracebackType
from typing import Any

from annotator.errors import AnnotatorError, InputError
from annotator.export.files import write_text
from annotator.export.options import Job
from annotator.export.tokens import TokenStats, iob_tags, outermost, segment
from annotator.models import Annotation
from annotator.records import document_to_json

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


MAX_REPEAT = 10_000_000  # characters or items one `*` may build in a template


def render_template(job: Job, template: Path) -> str:
    from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment  # imported here: only this format needs it

    class BoundedSandbox(SandboxedEnvironment):
        """The sandbox, plus limits on the two operators that can ask for unbounded memory."""

        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(right, int) and abs(right) > 1000:
                raise SecurityError("exponents above 1000 are not allowed in templates")
            if operator == "*":
                sized = left if isinstance(left, str | list | tuple) else right
                times = right if sized is left else left
                if isinstance(sized, str | list | tuple) and isinstance(times, int) and len(sized) * times > MAX_REPEAT:
                    raise SecurityError(f"a repeated text or list may hold at most {MAX_REPEAT:,} items")
            return super().call_binop(context, operator, left, right)

    template = template.resolve()
    if not template.is_file():
        raise InputError("no such template file", path=template)
    environment = BoundedSandbox(
        loader=FileSystemLoader(str(template.parent)),
        autoescape=autoescape_for,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    # the built-in tojson (HTML-safe); Arabic as is, keys sorted so output is stable
    environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    project = job.project
    context = {
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
    try:
        compiled = environment.get_template(template.name)
        return compiled.render(**context)
    except TemplateSyntaxError as exc:
        raise InputError(f"template syntax error: {exc.message}", path=template, line=exc.lineno) from None
    except TemplateNotFound as exc:
        raise InputError(f"the template includes {exc.name!r}, which is not in its folder", path=template) from None
    except TemplateError as exc:  # undefined names, sandbox refusals
        raise InputError(f"template error: {exc}", path=template, line=_line(exc, template)) from None
    except (
        TypeError, ValueError, KeyError, IndexError, ZeroDivisionError, AttributeError, OverflowError, RecursionError,
        MemoryError,
    ) as exc:
        raise InputError(
            f"template error: {type(exc).__name__}: {exc}", path=template, line=_line(exc, template)
        ) from None


def write_template(job: Job, out: str | Path) -> list[str]:
    if job.options.template is None:
        raise AnnotatorError("the template format needs --template FILE.j2")
    rendered = render_template(job, Path(job.options.template))
    write_text(out, lambda handle: handle.write(rendered))
    return [str(out)]
