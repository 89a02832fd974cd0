-- Colophon schema 5: search with fields and the browser's counts (issue #15, docs/DECISIONS.md "Search").
-- Both tables are written by the store on every write of a book or a file (store.SearchIndex); an existing database
-- is indexed once when this migration runs (Database.open).

-- The folded words of each book (rowid = book.id): lower case without accents, so "bronte" finds "Brontë".
-- FTS5 answers a word, a prefix or a phrase from its index in milliseconds, where LIKE / instr read every row.
CREATE VIRTUAL TABLE book_fts USING fts5(title, authors, series, tags, genres, tokenize = 'unicode61 remove_diacritics 2');

-- A virtual table takes no foreign key: a deleted book (also through a cascade) takes its words along here.
CREATE TRIGGER book_fts_delete AFTER DELETE ON book BEGIN DELETE FROM book_fts WHERE rowid = old.id; END;

-- One row per book and value: kind is author, series, genre, tag, format, lang, publisher, manual or file-manual;
-- folded is the value's folded words ("j r r tolkien"), what a whole-value search (author:"=…") compares and the
-- browser groups by.
-- Clustered by its key (WITHOUT ROWID), so the counts read the names beside the key, in order, without a lookup per
-- row: 440,000 rows of the 100,000-book library are counted in about 0.1 s.
CREATE TABLE book_value (
    library_id  INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    folded      TEXT    NOT NULL,
    book_id     INTEGER NOT NULL REFERENCES book (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    -- the folded sort name of an author, else the folded name: the browser's order
    sort_key    TEXT    NOT NULL,
    PRIMARY KEY (library_id, kind, folded, book_id)
) WITHOUT ROWID;
CREATE INDEX book_value_book ON book_value (book_id, kind);

-- The browser's counts, kept by triggers as book_value changes (also by cascade): reading 25,000 counts is quicker
-- than counting 440,000 rows of the 100,000-book library each time (0.3 s). name and sort_key are of the spelling last
-- written.
CREATE TABLE value_count (
    library_id  INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    folded      TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    sort_key    TEXT    NOT NULL,
    books       INTEGER NOT NULL,
    PRIMARY KEY (library_id, kind, folded)
) WITHOUT ROWID;
CREATE TRIGGER value_count_insert AFTER INSERT ON book_value BEGIN INSERT INTO value_count (library_id, kind, folded, name, sort_key, books) VALUES (new.library_id, new.kind, new.folded, new.name, new.sort_key, 1) ON CONFLICT (library_id, kind, folded) DO UPDATE SET books = books + 1, name = excluded.name, sort_key = excluded.sort_key; END;
CREATE TRIGGER value_count_delete AFTER DELETE ON book_value BEGIN UPDATE value_count SET books = books - 1 WHERE library_id = old.library_id AND kind = old.kind AND folded = old.folded; DELETE FROM value_count WHERE library_id = old.library_id AND kind = old.kind AND folded = old.folded AND books <= 0; END;

-- has:error reads the few files that failed to read, as has:missing reads the partial index of V3.
CREATE INDEX book_file_error ON book_file (library_id, book_id) WHERE error IS NOT NULL;
