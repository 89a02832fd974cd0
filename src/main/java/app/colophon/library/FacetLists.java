package app.colophon.library;

import app.colophon.store.BookSearch;
import app.colophon.store.BookSearch.Count;
import app.colophon.store.BookSearch.Kind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds {@link Facets} from the store's counts, each entry with the query that selects its books. */
final class FacetLists {

    private FacetLists() {
    }

    static Facets of(BookSearch search, long libraryId) {
        Map<Kind, List<Count>> byKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        search.counts(libraryId).forEach(c -> byKind.get(c.kind()).add(c));
        List<Facet> problems = new ArrayList<>();
        long failed = search.booksWithErrors(libraryId);
        if (failed > 0) {
            problems.add(new Facet(Facets.FAILED, failed, "has:error"));
        }
        long missing = search.booksWithMissingFiles(libraryId);
        if (missing > 0) {
            problems.add(new Facet(Facets.MISSING, missing, "has:missing"));
        }
        return new Facets(list(byKind.get(Kind.AUTHOR), "author"), list(byKind.get(Kind.SERIES), "series"),
                list(byKind.get(Kind.GENRE), "genre"), list(byKind.get(Kind.TAG), "tag"),
                list(byKind.get(Kind.FORMAT), "format"), list(byKind.get(Kind.LANGUAGE), "lang"), problems);
    }

    /** In the store's order: authors by sort name, the others by name (ignoring case and accents). */
    private static List<Facet> list(List<Count> counts, String field) {
        return counts.stream().map(c -> new Facet(c.name(), c.books(), query(field, c.name()))).toList();
    }

    /** A format is one word ("format:epub"); every other value is asked for as a whole. */
    private static String query(String field, String name) {
        return field.equals("format") ? field + ":" + name : SearchQuery.exact(field, name);
    }
}
