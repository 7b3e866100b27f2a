-- The user's library: playlists (versioned by snapshot_id), their collaborators and
-- tracks; listening events; audio features computed at ingest.
-- Times: ISO 8601 UTC text for playlists, Unix milliseconds for listening events.
CREATE TABLE playlists (
    id             TEXT PRIMARY KEY,
    owner_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    public         INTEGER NOT NULL DEFAULT 0,
    collaborative  INTEGER NOT NULL DEFAULT 0,
    -- Changed by every write, in the same statement that checks the writer's If-Match.
    snapshot_id    TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX playlists_owner ON playlists (owner_id);

CREATE TABLE playlist_collaborators (
    playlist_id  TEXT NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at     TEXT NOT NULL,
    PRIMARY KEY (playlist_id, user_id)
);
CREATE INDEX playlist_collaborators_user ON playlist_collaborators (user_id);

CREATE TABLE playlist_tracks (
    playlist_id  TEXT NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    track_id     TEXT NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    added_by     TEXT REFERENCES users (id) ON DELETE SET NULL,
    added_at     TEXT NOT NULL,
    PRIMARY KEY (playlist_id, position)
);
CREATE INDEX playlist_tracks_added_by ON playlist_tracks (added_by);

-- listener is the user's id, or after the user's erasure a random pseudonym that links
-- the plays to each other (for item-item similarity) but to no one.
CREATE TABLE listening_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    listener     TEXT NOT NULL,
    track_id     TEXT NOT NULL,
    played_at    INTEGER NOT NULL,
    ms_played    INTEGER NOT NULL,
    context_uri  TEXT
);
CREATE INDEX listening_events_listener ON listening_events (listener, played_at);
CREATE INDEX listening_events_track ON listening_events (track_id);

CREATE TABLE audio_features (
    track_id             TEXT PRIMARY KEY REFERENCES tracks (id) ON DELETE CASCADE,
    duration_ms          INTEGER NOT NULL,
    loudness_db          REAL NOT NULL,
    spectral_centroid_hz REAL NOT NULL,
    zero_crossing_rate   REAL NOT NULL,
    onset_rate           REAL NOT NULL,
    tempo_bpm            REAL NOT NULL
);
