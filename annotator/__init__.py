"""Arabic event annotator: the core library.

Everything a coder or a lead does lives here as plain Python (no Qt), so the
command line, the window and the tests share one implementation.
"""

__version__ = "0.1.0"

from annotator.errors import AnnotatorError  # noqa: E402

__all__ = ["AnnotatorError", "__version__"]
