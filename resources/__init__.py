"""Data shipped with the app (installed as ``annotator.resources``): no code here."""
