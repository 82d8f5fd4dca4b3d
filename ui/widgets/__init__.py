"""Widgets shared by the coder's and the lead's windows."""
