-- Artist uploads as background jobs, and offline downloads (devices with an RSA public
-- key, downloads whose AES key is kept only wrapped for the device). Times are Unix
-- milliseconds.
CREATE TABLE upload_jobs (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    state         TEXT NOT NULL
                  CHECK (state IN ('queued', 'running', 'succeeded', 'rejected', 'failed')),
    title         TEXT NOT NULL,
    album_name    TEXT,
    duration_ms   INTEGER NOT NULL,
    markets       TEXT NOT NULL,              -- JSON list of ISO 3166-1 alpha-2 codes
    filename      TEXT NOT NULL,              -- as the uploader named it
    source_path   TEXT NOT NULL,              -- relative to the media root, until the job ends
    source_bytes  INTEGER NOT NULL,
    claim         TEXT,                       -- the running attempt's token
    attempts      INTEGER NOT NULL DEFAULT 0,
    reason        TEXT,                       -- corrupt, truncated or silent when rejected
    message       TEXT,
    track_id      TEXT REFERENCES tracks (id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX upload_jobs_queue ON upload_jobs (state, created_at);
CREATE INDEX upload_jobs_user ON upload_jobs (user_id);

CREATE TABLE offline_devices (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    public_key  TEXT NOT NULL,                -- the public JWK (kty, n, e, alg), JSON
    thumbprint  TEXT NOT NULL,                -- its RFC 7638 SHA-256 thumbprint
    created_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX offline_devices_key ON offline_devices (user_id, thumbprint);

CREATE TABLE offline_downloads (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id     TEXT NOT NULL REFERENCES offline_devices (id) ON DELETE CASCADE,
    track_id      TEXT NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    bitrate_kbps  INTEGER NOT NULL,
    wrapped_key   TEXT NOT NULL,              -- base64url RSA-OAEP-256 of the AES key
    chunk_size    INTEGER NOT NULL,
    chunks        INTEGER NOT NULL,
    size          INTEGER NOT NULL,           -- plaintext bytes
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL
);
CREATE INDEX offline_downloads_user ON offline_downloads (user_id);
CREATE INDEX offline_downloads_device ON offline_downloads (device_id);
