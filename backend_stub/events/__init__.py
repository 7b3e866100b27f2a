"""Listening events: accepted into a bounded in-process queue (``queue``), written in
batches by one thread, read back as the user's recently played (``store``)."""
