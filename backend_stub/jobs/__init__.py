"""Artist uploads as background jobs: the multipart body streamed to disk under a size
limit (``receive``), jobs persisted in the database (``store``), a worker pool that claims
and runs them (``runner``), and the work itself, ingest then publication into the
catalogue (``pipeline``)."""
