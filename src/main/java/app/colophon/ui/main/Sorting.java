package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import app.colophon.model.SeriesEntry;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The orders of the "Sort" box and the search box's filter. */
public enum Sorting {
    TITLE("Title"),
    AUTHOR("Author"),
    SERIES("Series"),
    DATE_ADDED("Date added");

    /** Case- and accent-insensitive, the way people expect a library to be ordered. */
    static final Comparator<String> TEXT;
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(the|a|an)\\s+", Pattern.CASE_INSENSITIVE);

    static {
        Collator collator = Collator.getInstance(Locale.getDefault());
        collator.setStrength(Collator.PRIMARY);
        TEXT = Comparator.nullsLast((a, b) -> collator.compare(a, b));
    }

    private final String label;

    Sorting(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    public Comparator<BookSummary> comparator() {
        Comparator<BookSummary> byTitle = Comparator.comparing(Sorting::titleKey, TEXT);
        return switch (this) {
            case TITLE -> byTitle.thenComparingLong(BookSummary::id);
            case AUTHOR -> Comparator.comparing((BookSummary b) -> b.authors().isEmpty() ? null : b.authors().get(0).name(), TEXT)
                    .thenComparing(byTitle).thenComparingLong(BookSummary::id);
            case SERIES -> Comparator.comparing((BookSummary b) -> b.series().isEmpty() ? null : b.series().get(0).name(), TEXT)
                    .thenComparing(b -> b.series().isEmpty() || b.series().get(0).number() == null
                            ? Double.MAX_VALUE : b.series().get(0).number())
                    .thenComparing(byTitle).thenComparingLong(BookSummary::id);
            case DATE_ADDED -> Comparator.comparing(BookSummary::addedAt).reversed().thenComparingLong(BookSummary::id);
        };
    }

    /** The sort title when the book has one, else the title without a leading "The", "A" or "An". */
    static String titleKey(BookSummary b) {
        if (b.sortTitle() != null) {
            return b.sortTitle();
        }
        return b.title() == null ? null : LEADING_ARTICLE.matcher(b.title()).replaceFirst("");
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
