"""The PyInstaller bundle's entry script: the same ``annotator`` program that pip installs.

With no arguments it opens the window; with a command (``init``, ``import``,
``export``, ``--version``...) it runs the headless command line.
"""

import multiprocessing

from ui.entry import main

if __name__ == "__main__":
    # A large import reads in a child process; where that child is a fresh interpreter
    # (the window, macOS, Windows) the frozen program must recognise it and run it.
    multiprocessing.freeze_support()
    main()
