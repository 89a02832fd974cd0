-- Colophon schema 4: an audiobook told in one file per chapter (MP3, M4A) is one book whose files are ordered by
-- disc and track number (docs/DECISIONS.md, issue #16).
ALTER TABLE book_file ADD COLUMN disc_number INTEGER;
ALTER TABLE book_file ADD COLUMN track_number INTEGER;

-- The grid's cover query orders a book's files by them too: the covering index of V2 takes the two new columns.
DROP INDEX book_file_cover;
CREATE INDEX book_file_cover ON book_file (library_id, book_id, format, path, disc_number, track_number)
    WHERE cover IS NOT NULL;
