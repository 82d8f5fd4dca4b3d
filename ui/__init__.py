"""The desktop window: PySide6 views over the annotator core."""
