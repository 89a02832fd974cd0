package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import app.colophon.model.Contributor;
import app.colophon.model.Folding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Each book's sort keys, made once: case, accents and a leading article folded away, so that sorting 100,000
 * books compares plain strings instead of running a Collator (and a regex) two million times. Keys for a freshly
 * loaded library are made off the FX thread ({@link #compute}); a book replaced later gets its keys on demand.
 * Used on the FX thread only, except {@link #compute}.
 */
final class SortKeys {

    /**
     * @param complete false when only the title key was made ({@link #computeAll(List, boolean)}): the author and
     *                 series keys are then null until {@link #complete} makes them
     */
    record Keys(String title, String author, String series, double seriesNumber, boolean complete) {
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Table keys = Table.empty();

    /**
     * The keys of a library's books, by id: a sort of 100,000 books looks keys up two million times, and under C1 a
     * lookup in an identity map was ~15% of a comparison's time; a slot found by the book's id is one array read.
     * Books whose ids are too far apart for a table (more than four slots per book), and summaries that replaced a
     * book later, are kept by identity. Made off the FX thread for a load, then owned by one {@link SortKeys}.
     */
    static final class Table {

        private final long base;
        /** [2i]: the summary with id base + i, [2i + 1]: its keys; the summary is checked by identity. */
        private final Object[] slots;
        private final Map<BookSummary, Keys> others = new IdentityHashMap<>();

        private Table(long base, Object[] slots) {
            this.base = base;
            this.slots = slots;
        }

        static Table empty() {
            return new Table(0, new Object[0]);
        }

        /** {@code keys[i]} are the keys of {@code books.get(i)}. */
        static Table of(List<BookSummary> books, Keys[] keys) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (BookSummary b : books) {
                min = Math.min(min, b.id());
                max = Math.max(max, b.id());
            }
            long gap = max - min; // negative when the ids are further apart than a long holds
            boolean dense = !books.isEmpty() && gap >= 0 && gap < 4L * books.size() + 64;
            Table table = dense ? new Table(min, new Object[Math.toIntExact((gap + 1) * 2)]) : empty();
            for (int i = 0; i < keys.length; i++) {
                table.put(books.get(i), keys[i]);
            }
            return table;
        }

        Keys get(BookSummary book) {
            int slot = slot(book);
            return slot >= 0 ? (Keys) slots[slot + 1] : others.get(book);
        }

        private void put(BookSummary book, Keys made) {
            long i = book.id() - base;
            if (i >= 0 && i < slots.length / 2 && (slots[(int) i * 2] == null || slots[(int) i * 2] == book)) {
                slots[(int) i * 2] = book;
                slots[(int) i * 2 + 1] = made;
            } else {
                others.put(book, made);
            }
        }

        private int slot(BookSummary book) {
            long i = book.id() - base;
            if (i < 0 || i >= slots.length / 2) {
                return -1;
            }
            int slot = (int) i * 2;
            return slots[slot] == book ? slot : -1;
        }

        private List<BookSummary> lacking() {
            List<BookSummary> lacking = new ArrayList<>();
            for (int s = 0; s < slots.length; s += 2) {
                if (slots[s] != null && !((Keys) slots[s + 1]).complete()) {
                    lacking.add((BookSummary) slots[s]);
                }
            }
            others.forEach((book, k) -> {
                if (!k.complete()) {
                    lacking.add(book);
                }
            });
            return lacking;
        }
    }

    static Table compute(List<BookSummary> books) {
        return Table.of(books, computeAll(books));
    }

    /** The keys of each book, in the list's order; made on all cores (the window is on screen, waiting for them). */
    static Keys[] computeAll(List<BookSummary> books) {
        return computeAll(books, true);
    }

    /**
     * As {@link #computeAll(List)}; with {@code complete} false only the title keys, for a window that opens sorted by
     * title or date: an author's sort name and a series' folded name were a third of the keys' time, and a window
     * of 250,000 books waits for them. Sorting by author or series completes them first ({@link #completeAll}).
     */
    static Keys[] computeAll(List<BookSummary> books, boolean complete) {
        Keys[] keys = new Keys[books.size()];
        // An author's sort name is worked out once per name, not once per book: 100,000 books have a quarter as many
        // authors, and deriving "Last, First" is the dearest part of a key.
        Map<Contributor, String> authorKeys = new ConcurrentHashMap<>();
        Function<Contributor, String> authorKey = c -> authorKeys.computeIfAbsent(c, SortKeys::authorKey);
        IntStream.range(0, keys.length).parallel().forEach(i -> keys[i] = complete ? make(books.get(i), authorKey)
                : titleOnly(books.get(i)));
        return keys;
    }

    /** The keys of a new load; this object owns {@code computed} from now on. */
    void reset(Table computed) {
        keys = computed;
    }

    /** The book's keys; at least its title key (enough for the title and date orders). */
    Keys of(BookSummary book) {
        Keys known = keys.get(book);
        if (known == null) {
            // a summary that replaced its book since the load: a new object, with new keys
            known = make(book, SortKeys::authorKey);
            keys.put(book, known);
        }
        return known;
    }

    /** The book's keys with its author and series keys. */
    Keys complete(BookSummary book) {
        Keys known = of(book);
        if (known.complete()) {
            return known;
        }
        Keys made = make(book, SortKeys::authorKey);
        keys.put(book, made);
        return made;
    }

    /** Makes the author and series keys every book still lacks, on all cores, before a sort that needs them. */
    void completeAll() {
        List<BookSummary> lacking = keys.lacking();
        Keys[] made = computeAll(lacking, true);
        for (int i = 0; i < made.length; i++) {
            keys.put(lacking.get(i), made[i]);
        }
    }

    private static String authorKey(Contributor author) {
        return fold(author.sortName());
    }

    private static Keys make(BookSummary b, Function<Contributor, String> authorKey) {
        String author = b.authors().isEmpty() ? null : authorKey.apply(b.authors().get(0));
        String series = b.series().isEmpty() ? null : fold(b.series().get(0).name());
        Double number = b.series().isEmpty() ? null : b.series().get(0).number();
        return new Keys(titleKey(b), author, series, number == null ? Double.MAX_VALUE : number, true);
    }

    private static Keys titleOnly(BookSummary b) {
        return new Keys(titleKey(b), null, null, Double.MAX_VALUE, false);
    }

    private static String titleKey(BookSummary b) {
        String title = fold(b.sortTitle() != null ? b.sortTitle() : b.title());
        return b.sortTitle() == null ? withoutLeadingArticle(title) : title;
    }

    private static String withoutLeadingArticle(String folded) {
        for (String article : new String[] {"the", "a", "an"}) {
            int end = article.length();
            if (folded.length() > end && folded.startsWith(article) && Character.isWhitespace(folded.charAt(end))) {
                int start = end;
                while (start < folded.length() && Character.isWhitespace(folded.charAt(start))) {
                    start++;
                }
                return folded.substring(start);
            }
        }
        return folded;
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        if (Folding.isAscii(text)) {
            // Nothing to decompose: most titles and names skip the Normalizer and the regex.
            return text.toLowerCase(Locale.ROOT);
        }
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

}
