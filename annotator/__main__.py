"""``python -m annotator``: the headless command line (no window)."""

from annotator.cli.main import main

# Guarded: an import's worker processes, where they start as fresh interpreters, import this
# module again (as ``__mp_main__``) and must not run the command line a second time.
if __name__ == "__main__":
    main()
