package app.colophon.store;

import app.colophon.model.Folding;
import app.colophon.model.SearchTerm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each term becomes one {@code id IN (…)} (or {@code NOT IN}) over an index: FTS5 for words and phrases,
 * {@code book_value} for whole values, formats and languages, the partial indexes of book_file for errors and
 * missing files. SQLite intersects them in one statement.
 */
final class SqliteBookSearch implements BookSearch {

    /** The free words of a query look here (not at genres or publishers: docs/DECISIONS.md). */
    private static final String TEXT_COLUMNS = "{title authors series tags}";

    private final Jdbc jdbc;

    SqliteBookSearch(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> ids(long libraryId, List<SearchTerm> terms) {
        StringBuilder sql = new StringBuilder("SELECT id FROM book WHERE library_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(libraryId);
        for (SearchTerm term : terms) {
            String condition = condition(term, libraryId, params);
            if (condition != null) {
                sql.append(" AND id ").append(term.negated() ? "NOT IN " : "IN ").append(condition);
            }
        }
        sql.append(" ORDER BY id");
        return new LinkedHashSet<>(jdbc.query("book", sql.toString(), s -> {
            for (int i = 0; i < params.size(); i++) {
                Jdbc.set(s, i + 1, params.get(i));
            }
        }, r -> r.getLong(1)));
    }

    /** The subquery of one term's books, its parameters added to {@code params}; null when it asks nothing. */
    private static String condition(SearchTerm term, long libraryId, List<Object> params) {
        switch (term.field()) {
            case ERROR -> {
                params.add(libraryId);
                return "(SELECT book_id FROM book_file WHERE library_id = ? AND error IS NOT NULL)";
            }
            case MISSING -> {
                params.add(libraryId);
                return "(SELECT book_id FROM book_file WHERE library_id = ? AND missing_since IS NOT NULL)";
            }
            case MANUAL -> {
                params.add(libraryId);
                return "(SELECT book_id FROM book_value WHERE library_id = ? AND kind IN ('manual', 'file-manual'))";
            }
            case FORMAT -> {
                return value(SearchIndex.FORMAT, Folding.words(term.value()), libraryId, params);
            }
            case LANGUAGE -> {
                String code = Folding.words(term.value());
                if (term.exact()) {
                    return value(SearchIndex.LANGUAGE, code, libraryId, params);
                }
                // "en" is English however the file spells the region: "en-GB" folds to "en gb"
                params.add(libraryId);
                params.add(code);
                params.add(code + " ");
                params.add(code + "!");
                return "(SELECT book_id FROM book_value WHERE library_id = ? AND kind = 'lang' AND (folded = ? "
                        + "OR (folded >= ? AND folded < ?)))";
            }
            default -> {
                if (term.exact()) {
                    return value(kind(term.field()), Folding.words(term.value()), libraryId, params);
                }
                String match = match(term);
                if (match == null) {
                    return null;
                }
                params.add(match);
                return "(SELECT rowid FROM book_fts WHERE book_fts MATCH ?)";
            }
        }
    }

    private static String value(String kind, String folded, long libraryId, List<Object> params) {
        params.add(libraryId);
        params.add(kind);
        params.add(folded);
        return "(SELECT book_id FROM book_value WHERE library_id = ? AND kind = ? AND folded = ?)";
    }

    private static String kind(SearchTerm.Field field) {
        return switch (field) {
            case AUTHOR -> SearchIndex.AUTHOR;
            case SERIES -> SearchIndex.SERIES;
            case TAG -> SearchIndex.TAG;
            case GENRE -> SearchIndex.GENRE;
            case PUBLISHER -> SearchIndex.PUBLISHER;
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
            case PUBLISHER -> "{publisher}";
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
        return jdbc.query("book_value", "SELECT kind, MIN(name), MIN(sort), COUNT(*) FROM book_value "
                + "WHERE library_id = ? AND kind IN ('author', 'series', 'genre', 'tag', 'format', 'lang') "
                + "GROUP BY kind, folded", s -> s.setLong(1, libraryId),
                r -> new Count(kindOf(r.getString(1)), r.getString(2), r.getString(3), r.getLong(4)));
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
