-- Colophon schema 1. Each value column has a *_src column holding its Source
-- (manual, file_metadata, filepath; NULL when nothing was ever set).
-- Relationship values (authors, series, genres, tags, identifiers, narrators) are JSON arrays:
-- they are always read, compared and replaced as a whole, never queried element by element.

CREATE TABLE library (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL
);

CREATE TABLE library_root (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    library_id  INTEGER NOT NULL REFERENCES library (id) ON DELETE CASCADE,
    path        TEXT    NOT NULL,
    UNIQUE (library_id, path)
);

CREATE TABLE book (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    library_id      INTEGER NOT NULL REFERENCES library (id) ON DELETE CASCADE,
    folder          TEXT    NOT NULL,
    group_key       TEXT    NOT NULL,
    title           TEXT,
    title_src       TEXT,
    sort_title      TEXT,
    sort_title_src  TEXT,
    subtitle        TEXT,
    subtitle_src    TEXT,
    description     TEXT,
    description_src TEXT,
    authors         TEXT,
    authors_src     TEXT,
    series          TEXT,
    series_src      TEXT,
    genres          TEXT,
    genres_src      TEXT,
    tags            TEXT,
    tags_src        TEXT,
    added_at        INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (library_id, folder, group_key)
);

CREATE TABLE book_file (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    library_id       INTEGER NOT NULL REFERENCES library (id) ON DELETE CASCADE,
    book_id          INTEGER NOT NULL REFERENCES book (id) ON DELETE CASCADE,
    path             TEXT    NOT NULL,
    format           TEXT    NOT NULL,
    size_bytes       INTEGER NOT NULL,
    modified_ms      INTEGER NOT NULL,
    page_count       INTEGER,
    duration_seconds REAL,
    publisher        TEXT,
    publisher_src    TEXT,
    release_date     TEXT,
    release_date_src TEXT,
    language         TEXT,
    language_src     TEXT,
    identifiers      TEXT,
    identifiers_src  TEXT,
    narrators        TEXT,
    narrators_src    TEXT,
    cover            TEXT,
    cover_src        TEXT,
    -- what this file says about its book, as {field: {value, source}}; book values derive from these
    book_values      TEXT,
    error            TEXT,
    UNIQUE (library_id, path)
);

CREATE INDEX book_file_book ON book_file (book_id);
