-- The catalogue: artists, albums, tracks, licensing, renditions, search.
CREATE TABLE artists (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_norm   TEXT NOT NULL,
    genres      TEXT NOT NULL DEFAULT '[]',
    popularity  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE albums (
    id                      TEXT PRIMARY KEY,
    name                    TEXT NOT NULL,
    name_norm               TEXT NOT NULL,
    album_type              TEXT NOT NULL,
    release_date            TEXT NOT NULL,
    release_date_precision  TEXT NOT NULL,
    label                   TEXT NOT NULL DEFAULT '',
    popularity              INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE album_artists (
    album_id   TEXT NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
    artist_id  TEXT NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (album_id, artist_id)
);

CREATE TABLE tracks (
    id            TEXT PRIMARY KEY,
    album_id      TEXT NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    name_norm     TEXT NOT NULL,
    disc_number   INTEGER NOT NULL DEFAULT 1,
    track_number  INTEGER NOT NULL,
    duration_ms   INTEGER NOT NULL,
    explicit      INTEGER NOT NULL DEFAULT 0,
    popularity    INTEGER NOT NULL DEFAULT 0,
    isrc          TEXT,
    content_hash  TEXT NOT NULL
);
CREATE INDEX tracks_album ON tracks (album_id, disc_number, track_number);

CREATE TABLE track_artists (
    track_id   TEXT NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    artist_id  TEXT NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (track_id, artist_id)
);
CREATE INDEX track_artists_artist ON track_artists (artist_id);

-- Licensing: one row per (track, ISO 3166-1 alpha-2 market) where it may be streamed.
CREATE TABLE track_markets (
    track_id  TEXT NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    market    TEXT NOT NULL,
    PRIMARY KEY (track_id, market)
);

-- One row per AAC rendition; paths are relative to the media root.
CREATE TABLE renditions (
    track_id      TEXT NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    bitrate_kbps  INTEGER NOT NULL,
    codec         TEXT NOT NULL,
    file_path     TEXT NOT NULL,
    hls_path      TEXT NOT NULL,
    bytes         INTEGER NOT NULL,
    PRIMARY KEY (track_id, bitrate_kbps)
);

-- Bumped by every catalogue write: in-memory search indexes reload when it moves.
CREATE TABLE catalogue_state (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL
);
INSERT INTO catalogue_state (id, version) VALUES (1, 0);

-- Full-text search over the normalised names (already folded by backend_stub.textnorm;
-- remove_diacritics 2 folds whatever a query still carries).
CREATE VIRTUAL TABLE search_fts USING fts5 (
    kind UNINDEXED,
    item_id UNINDEXED,
    name,
    context,
    tokenize = 'unicode61 remove_diacritics 2'
);
