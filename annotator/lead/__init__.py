"""The project lead's work: merging coder files, measuring agreement, adjudicating into gold."""
