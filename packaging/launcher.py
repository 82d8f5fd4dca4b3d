"""The PyInstaller bundle's entry script: the same ``annotator`` program that pip installs.

With no arguments it opens the window; with a command (``init``, ``import``,
``export``, ``--version``...) it runs the headless command line.
"""

from ui.entry import main

if __name__ == "__main__":
    main()
