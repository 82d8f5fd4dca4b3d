"""The coder's window: documents, the article, spans and their attributes, suggestions."""
