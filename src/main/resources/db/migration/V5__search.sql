-- Colophon schema 5: search with fields and the browser's counts (issue #15, docs/DECISIONS.md "Search").
-- Both tables are written by the store on every write of a book or a file (store.SearchIndex); an existing database
-- is indexed once when this migration runs (Database.open).

-- The folded words of each book (rowid = book.id): lower case without accents, so "bronte" finds "Brontë".
-- FTS5 answers a word, a prefix or a phrase from its index in milliseconds, where LIKE / instr read every row.
CREATE VIRTUAL TABLE book_fts USING fts5(title, authors, series, tags, genres, publisher, tokenize = 'unicode61 remove_diacritics 2');

-- A virtual table takes no foreign key: a deleted book (also through a cascade) takes its words along here.
CREATE TRIGGER book_fts_delete AFTER DELETE ON book BEGIN DELETE FROM book_fts WHERE rowid = old.id; END;

-- One row per book and value: kind is author, series, genre, tag, format, lang, publisher, manual or file-manual;
-- folded is the value's folded words ("j r r tolkien"), what a whole-value search (author:"=…") compares and the
-- browser groups by.
CREATE TABLE book_value (
    book_id     INTEGER NOT NULL REFERENCES book (id) ON DELETE CASCADE,
    library_id  INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    folded      TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    sort        TEXT
);
CREATE INDEX book_value_key ON book_value (library_id, kind, folded, book_id);
CREATE INDEX book_value_book ON book_value (book_id, kind);

-- has:error reads the few files that failed to read, as has:missing reads the partial index of V3.
CREATE INDEX book_file_error ON book_file (library_id, book_id) WHERE error IS NOT NULL;
