package app.colophon.library;

import app.colophon.model.Folding;
import app.colophon.store.BookSearch;
import app.colophon.store.BookSearch.Count;
import app.colophon.store.BookSearch.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds {@link Facets} from the store's counts, each entry with the query that selects its books. */
final class FacetLists {

    private static final Comparator<Count> BY_NAME = Comparator.comparing((Count c) -> Folding.fold(c.name()))
            .thenComparing(Count::name);
    private static final Comparator<Count> BY_SORT_NAME = Comparator
            .comparing((Count c) -> Folding.fold(c.sortName() != null ? c.sortName() : c.name())).thenComparing(BY_NAME);

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
        return new Facets(list(byKind.get(Kind.AUTHOR), BY_SORT_NAME, "author"),
                list(byKind.get(Kind.SERIES), BY_NAME, "series"), list(byKind.get(Kind.GENRE), BY_NAME, "genre"),
                list(byKind.get(Kind.TAG), BY_NAME, "tag"), list(byKind.get(Kind.FORMAT), BY_NAME, "format"),
                list(byKind.get(Kind.LANGUAGE), BY_NAME, "lang"), problems);
    }

    private static List<Facet> list(List<Count> counts, Comparator<Count> order, String field) {
        counts.sort(order);
        return counts.stream().map(c -> new Facet(c.name(), c.books(), query(field, c.name()))).toList();
    }

    /** A format is one word ("format:epub"); every other value is asked for as a whole. */
    private static String query(String field, String name) {
        return field.equals("format") ? field + ":" + name : SearchQuery.exact(field, name);
    }
}
