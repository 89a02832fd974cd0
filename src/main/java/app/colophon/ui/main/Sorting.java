package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import app.colophon.model.SeriesEntry;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Predicate;

/** The orders of the "Sort" box and the search box's filter. */
public enum Sorting {
    TITLE("Title"),
    AUTHOR("Author"),
    SERIES("Series"),
    DATE_ADDED("Date added");

    private final String label;

    Sorting(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The order the window was left in (saved under "sort" in its preferences), else by title. */
    static Sorting saved(java.util.prefs.Preferences prefs) {
        try {
            return valueOf(prefs.get("sort", TITLE.name()));
        } catch (IllegalArgumentException e) {
            return TITLE;
        }
    }

    /** Orders by the folded keys (case, accents and leading articles ignored), then by id for a stable order. */
    Comparator<BookSummary> comparator(SortKeys keys) {
        Comparator<Keyed> keyed = keyedComparator();
        return (a, b) -> keyed.compare(new Keyed(keys.of(a), a), new Keyed(keys.of(b), b));
    }

    /** A book with its sort keys at hand: sorting these needs no key lookups. */
    record Keyed(SortKeys.Keys keys, BookSummary book) {
    }

    Comparator<Keyed> keyedComparator() {
        Comparator<Keyed> byTitle = Comparator.comparing(k -> k.keys().title());
        Comparator<Keyed> byId = Comparator.comparingLong(k -> k.book().id());
        Comparator<String> text = Comparator.nullsLast(Comparator.naturalOrder());
        return switch (this) {
            case TITLE -> byTitle.thenComparing(byId);
            case AUTHOR -> Comparator.comparing((Keyed k) -> k.keys().author(), text).thenComparing(byTitle).thenComparing(byId);
            case SERIES -> Comparator.comparing((Keyed k) -> k.keys().series(), text)
                    .thenComparingDouble(k -> k.keys().seriesNumber())
                    .thenComparing(byTitle).thenComparing(byId);
            case DATE_ADDED -> Comparator.comparing((Keyed k) -> k.book().addedAt()).reversed().thenComparing(byId);
        };
    }

    /** Books whose title, an author or a series contains every word of the query, ignoring case. */
    public static Predicate<BookSummary> matching(String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return b -> true;
        }
        String[] words = q.split("\\s+");
        return b -> {
            StringBuilder text = new StringBuilder();
            if (b.title() != null) {
                text.append(b.title()).append('\n');
            }
            b.authors().forEach(a -> text.append(a.name()).append('\n'));
            b.series().stream().map(SeriesEntry::name).forEach(s -> text.append(s).append('\n'));
            String haystack = text.toString().toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!haystack.contains(w)) {
                    return false;
                }
            }
            return true;
        };
    }
}
