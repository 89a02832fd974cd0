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
        Comparator<BookSummary> byTitle = Comparator.comparing(b -> keys.of(b).title());
        Comparator<String> text = Comparator.nullsLast(Comparator.naturalOrder());
        return switch (this) {
            case TITLE -> byTitle.thenComparingLong(BookSummary::id);
            case AUTHOR -> Comparator.comparing((BookSummary b) -> keys.of(b).author(), text)
                    .thenComparing(byTitle).thenComparingLong(BookSummary::id);
            case SERIES -> Comparator.comparing((BookSummary b) -> keys.of(b).series(), text)
                    .thenComparingDouble(b -> keys.of(b).seriesNumber())
                    .thenComparing(byTitle).thenComparingLong(BookSummary::id);
            case DATE_ADDED -> Comparator.comparing(BookSummary::addedAt).reversed().thenComparingLong(BookSummary::id);
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
