-- Colophon schema (issue #15): the files a user removed from the library. A scan skips these paths, so a removed
-- book does not come back as a new book, nor as the new place of a moved one (docs/DECISIONS.md, "Removed books
-- stay removed"). The path is excluded, not the content: a renamed file is a new path and comes back.
-- Named V6 because V5 is the search schema of the same issue; the number it gets is its place in Migrations.SCRIPTS.
CREATE TABLE excluded_file (
    library_id  INTEGER NOT NULL REFERENCES library (id) ON DELETE CASCADE,
    path        TEXT    NOT NULL,
    -- when it was removed (epoch ms)
    since       INTEGER NOT NULL,
    PRIMARY KEY (library_id, path)
);

-- restoreExcluded(path) looks a path up in every library.
CREATE INDEX excluded_file_path ON excluded_file (path);
