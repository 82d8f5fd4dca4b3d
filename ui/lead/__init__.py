"""The lead's window: agreement dashboard, adjudication of the coders' versions into gold."""
