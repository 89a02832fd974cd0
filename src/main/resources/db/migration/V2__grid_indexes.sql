-- Covering indexes for the grid, which reads every book of a library at once (100,000 of them at start-up):
-- the summary columns without the wide rows (descriptions) around them, and each book's files that have a cover.
CREATE INDEX book_summary ON book (library_id, id, title, sort_title, authors, series, added_at);
CREATE INDEX book_file_cover ON book_file (library_id, book_id, format, path) WHERE cover IS NOT NULL;
