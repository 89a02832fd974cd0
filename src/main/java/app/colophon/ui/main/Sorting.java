package app.colophon.ui.main;

import app.colophon.model.BookSummary;

import java.util.Comparator;

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

    private static final Comparator<String> TEXT = Comparator.nullsLast(Comparator.naturalOrder());

    /**
     * Orders by the folded keys (case, accents and leading articles ignored), then by id for a stable order. For the
     * author and series orders the keys are completed first ({@link SortKeys#completeAll}), all at once.
     */
    Comparator<BookSummary> comparator(SortKeys keys) {
        if (!needsCompleteKeys()) {
            return (a, b) -> compare(keys.of(a), a, keys.of(b), b);
        }
        keys.completeAll();
        return (a, b) -> compare(keys.complete(a), a, keys.complete(b), b);
    }

    /** Whether this order compares author or series keys, not only titles, dates and ids. */
    boolean needsCompleteKeys() {
        return this == AUTHOR || this == SERIES;
    }

    /** A book with its sort keys at hand: sorting these needs no key lookups. */
    record Keyed(SortKeys.Keys keys, BookSummary book) {
    }

    Comparator<Keyed> keyedComparator() {
        return (x, y) -> compare(x.keys(), x.book(), y.keys(), y.book());
    }

    /** One method rather than a chain of comparators: it runs some two million times to sort 100,000 books. */
    private int compare(SortKeys.Keys ka, BookSummary a, SortKeys.Keys kb, BookSummary b) {
        int c = switch (this) {
            case TITLE -> 0;
            case AUTHOR -> TEXT.compare(ka.author(), kb.author());
            case SERIES -> {
                int bySeries = TEXT.compare(ka.series(), kb.series());
                yield bySeries != 0 ? bySeries : Double.compare(ka.seriesNumber(), kb.seriesNumber());
            }
            case DATE_ADDED -> b.addedAt().compareTo(a.addedAt());
        };
        if (c == 0 && this != DATE_ADDED) {
            c = ka.title().compareTo(kb.title());
        }
        return c != 0 ? c : Long.compare(a.id(), b.id());
    }
}
