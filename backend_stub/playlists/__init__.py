"""Playlists: ordered track lists versioned by ``snapshot_id`` (the HTTP ``ETag``), owned
by one user, optionally collaborative and public. ``edits`` holds the list operations,
``store`` the transactions that apply them only to the version the writer has seen."""
