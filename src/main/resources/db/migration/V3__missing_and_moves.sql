-- Colophon schema 3: files gone from disk are kept as "missing" instead of deleted, and a fingerprint of each
-- file's content lets a moved or renamed file take its record back (docs/DECISIONS.md, "Never lose an edit").

-- When a scan last found the file gone from an available library folder (epoch ms); NULL while it is on disk.
ALTER TABLE book_file ADD COLUMN missing_since INTEGER;

-- Size and checksums of the first and last 64 KiB, written whenever the file is read; NULL for files read by
-- Colophon 0.1.0 until they are read again.
ALTER TABLE book_file ADD COLUMN fingerprint TEXT;

-- Missing files are few: a partial index finds them (and the books they leave without a file on disk) at once.
CREATE INDEX book_file_missing ON book_file (library_id, book_id) WHERE missing_since IS NOT NULL;
