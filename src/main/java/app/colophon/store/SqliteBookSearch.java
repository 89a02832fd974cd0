package app.colophon.store;

import app.colophon.model.Folding;
import app.colophon.model.SearchTerm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each term is read from one index — FTS5 for words and phrases, {@code book_value} for whole values, formats,
 * languages and manual marks, the partial indexes of book_file for errors and missing files — as a sorted list of
 * ids; the lists are intersected (and excluded ones taken away) in memory.
 */
final class SqliteBookSearch implements BookSearch {

    /** The free words of a query look here (not at genres or publishers: docs/DECISIONS.md). */
    private static final String TEXT_COLUMNS = "{title authors series tags}";

    private final Jdbc jdbc;
    private final SearchIndex index;

    SqliteBookSearch(Jdbc jdbc, SearchIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    @Override
    public Set<Long> ids(long libraryId, List<SearchTerm> terms) {
        index.flush(); // a search inside a write transaction sees its rows
        // Each term is read from its own index as a sorted list of ids and the lists are merged here: SQLite would
        // check every id of a large list against the book table (70,000 seeks for format:epub, ~80 ms).
        long[] result = null;
        List<long[]> excluded = new ArrayList<>();
        for (SearchTerm term : terms) {
            long[] books = books(term, libraryId);
            if (books == null) {
                continue; // a term of punctuation only asks nothing
            }
            if (term.negated()) {
                excluded.add(books);
            } else {
                result = result == null ? books : SortedIds.merge(result, books, true);
            }
        }
        if (result == null) {
            result = ids("SELECT id AS v FROM book WHERE library_id = ?", List.of(libraryId));
        }
        for (long[] out : excluded) {
            result = SortedIds.merge(result, out, false);
        }
        return new SortedIds(result);
    }

    /** The sorted ids of the library's books one term finds, negated or not; null when it asks nothing. */
    private long[] books(SearchTerm term, long libraryId) {
        switch (term.field()) {
            case ERROR -> {
                return ids("SELECT book_id AS v FROM book_file WHERE library_id = ? AND error IS NOT NULL", List.of(libraryId));
            }
            case MISSING -> {
                return ids("SELECT book_id AS v FROM book_file WHERE library_id = ? AND missing_since IS NOT NULL",
                        List.of(libraryId));
            }
            case MANUAL -> {
                return ids("SELECT book_id AS v FROM book_value WHERE library_id = ? AND kind IN ('manual', 'file-manual')",
                        List.of(libraryId));
            }
            case FORMAT -> {
                return value(SearchIndex.FORMAT, Folding.words(term.value()), libraryId);
            }
            case LANGUAGE -> {
                String code = Folding.words(term.value());
                if (term.exact()) {
                    return value(SearchIndex.LANGUAGE, code, libraryId);
                }
                // "en" is English however the file spells the region: "en-GB" folds to "en gb"
                return ids("SELECT book_id AS v FROM book_value WHERE library_id = ? AND kind = 'lang' AND (folded = ? "
                        + "OR (folded >= ? AND folded < ?))", List.of(libraryId, code, code + " ", code + "!"));
            }
            case PUBLISHER -> {
                if (term.exact()) {
                    return value(SearchIndex.PUBLISHER, Folding.words(term.value()), libraryId);
                }
                // few books have a publisher, and few search it: its words are matched in book_value, not in FTS
                long[] found = null;
                for (String word : term.value().strip().split("\\s+")) {
                    String words = Folding.words(word);
                    if (!words.isEmpty()) {
                        long[] books = ids("SELECT book_id AS v FROM book_value WHERE library_id = ? AND kind = "
                                + "'publisher' AND instr(' ' || folded, ?) > 0", List.of(libraryId, " " + words));
                        found = found == null ? books : SortedIds.merge(found, books, true);
                    }
                }
                return found;
            }
            default -> {
                if (term.exact()) {
                    return value(kind(term.field()), Folding.words(term.value()), libraryId);
                }
                String match = match(term);
                if (match == null) {
                    return null;
                }
                long[] found = ids("SELECT rowid AS v FROM book_fts WHERE book_fts MATCH ?", List.of(match));
                // the words of every library are in one index: keep this library's books, unless it is the only one
                long libraries = jdbc.queryLong("library", "SELECT COUNT(*) FROM library", s -> { });
                return libraries == 1 && jdbc.queryLong("library", "SELECT COUNT(*) FROM library WHERE id = ?",
                        s -> s.setLong(1, libraryId)) == 1 ? found
                        : SortedIds.merge(found, ids("SELECT id AS v FROM book WHERE library_id = ?",
                                List.of(libraryId)), true);
            }
        }
    }

    /** The sorted, distinct values of column {@code v} of {@code sql}. */
    private long[] ids(String sql, List<Object> params) {
        return SortedIds.sortedDistinct(jdbc.queryIds("book", sql, s -> {
            for (int i = 0; i < params.size(); i++) {
                Jdbc.set(s, i + 1, params.get(i));
            }
        }));
    }

    private long[] value(String kind, String folded, long libraryId) {
        return ids("SELECT book_id AS v FROM book_value WHERE library_id = ? AND kind = ? AND folded = ?",
                List.of(libraryId, kind, folded));
    }

    private static String kind(SearchTerm.Field field) {
        return switch (field) {
            case AUTHOR -> SearchIndex.AUTHOR;
            case SERIES -> SearchIndex.SERIES;
            case TAG -> SearchIndex.TAG;
            case GENRE -> SearchIndex.GENRE;
            default -> throw new IllegalArgumentException(field + " has no whole values");
        };
    }

    /**
     * The FTS5 expression of a word term: free words as a phrase ("the hobbit", or "j r r" for "J.R.R."), a field's
     * value as all of its words in that field; the last word of each may be the start of a word. Only letters and
     * digits reach the expression, so nothing typed can change its syntax. Null when the value has no word at all.
     */
    static String match(SearchTerm term) {
        String columns = switch (term.field()) {
            case TEXT -> TEXT_COLUMNS;
            case AUTHOR -> "{authors}";
            case SERIES -> "{series}";
            case TAG -> "{tags}";
            case GENRE -> "{genres}";
            default -> throw new IllegalArgumentException(term.field() + " is not searched by its words");
        };
        List<String> phrases = new ArrayList<>();
        if (term.field() == SearchTerm.Field.TEXT) {
            phrases.add(Folding.words(term.value()));
        } else {
            for (String word : term.value().strip().split("\\s+")) {
                phrases.add(Folding.words(word));
            }
        }
        String expression = phrases.stream().filter(p -> !p.isEmpty()).map(p -> "\"" + p + "\"*")
                .collect(Collectors.joining(" AND "));
        return expression.isEmpty() ? null : columns + " : (" + expression + ")";
    }

    @Override
    public List<Count> counts(long libraryId) {
        index.flush(); // a search inside a write transaction sees its rows
        // one JSON text instead of 25,000 rows through the driver (100 ms of the 150 the issue allows)
        String json = jdbc.queryOne("value_count", "SELECT json_group_array(json_array(kind, name, books, sort_key)) "
                + "FROM (SELECT kind, name, books, sort_key FROM value_count WHERE library_id = ? "
                + "AND kind IN ('author', 'series', 'genre', 'tag', 'format', 'lang') ORDER BY kind, sort_key, name)",
                s -> s.setLong(1, libraryId), r -> r.getString(1)).orElse("[]");
        record Row(String kind, Count count, String sortKey) {
        }
        List<Row> rows = new ArrayList<>();
        try {
            for (JsonNode row : FieldCodec.json().readTree(json)) {
                String kind = row.get(0).asText();
                rows.add(new Row(kind, new Count(kindOf(kind), row.get(1).asText(), row.get(2).asLong()),
                        row.get(3).asText()));
            }
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot read the browser's counts: " + e.getOriginalMessage(), e);
        }
        // SQLite hands the rows to json_group_array in the subquery's order; should it not, sort them here
        Comparator<Row> order = Comparator.comparing(Row::kind).thenComparing(Row::sortKey)
                .thenComparing(r -> r.count().name());
        for (int i = 1; i < rows.size(); i++) {
            if (order.compare(rows.get(i - 1), rows.get(i)) > 0) {
                rows.sort(order);
                break;
            }
        }
        return rows.stream().map(Row::count).toList();
    }

    private static Kind kindOf(String kind) {
        return switch (kind) {
            case SearchIndex.AUTHOR -> Kind.AUTHOR;
            case SearchIndex.SERIES -> Kind.SERIES;
            case SearchIndex.GENRE -> Kind.GENRE;
            case SearchIndex.TAG -> Kind.TAG;
            case SearchIndex.FORMAT -> Kind.FORMAT;
            default -> Kind.LANGUAGE;
        };
    }

    @Override
    public long booksWithErrors(long libraryId) {
        return jdbc.queryLong("book_file", "SELECT COUNT(DISTINCT book_id) FROM book_file WHERE library_id = ? "
                + "AND error IS NOT NULL", s -> s.setLong(1, libraryId));
    }

    @Override
    public long booksWithMissingFiles(long libraryId) {
        return jdbc.queryLong("book_file", "SELECT COUNT(DISTINCT book_id) FROM book_file WHERE library_id = ? "
                + "AND missing_since IS NOT NULL", s -> s.setLong(1, libraryId));
    }
}
