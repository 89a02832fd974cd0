package app.colophon.ui.main;

import app.colophon.library.LibraryService;
import app.colophon.library.ShelfOrders;
import app.colophon.model.BookSummary;
import app.colophon.model.Library;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongToIntFunction;
import java.util.prefs.Preferences;

/**
 * The libraries and the books the main window will show first, read while JavaFX is still starting: with
 * 100,000 books, reading and sorting them is most of the time to a usable window, and it need not wait for the
 * window. Made off the FX thread.
 *
 * @param books the chosen library's books, already in the saved sort order (so the grid's sort is a quick check)
 */
public record LibraryPreload(List<Library> libraries, Optional<Library> chosen, List<BookSummary> books,
                             SortKeys.Table keys) {

    /** {@code prefs} is the main window's preferences node (where it remembers the library and the sort). */
    public static LibraryPreload load(LibraryService service, Preferences prefs) {
        List<Library> libraries = service.libraries();
        Optional<Library> chosen = choose(libraries, prefs.getLong("library", -1));
        if (chosen.isEmpty()) {
            return new LibraryPreload(libraries, chosen, List.of(), SortKeys.Table.empty());
        }
        long libraryId = chosen.get().id();
        List<BookSummary> summaries = service.summaries(libraryId);
        Sorting order = Sorting.saved(prefs);
        SortKeys.Keys[] computed = SortKeys.computeAll(summaries, order.needsCompleteKeys());
        SortKeys.Table keys = SortKeys.Table.of(summaries, computed);
        ShelfOrders orders = service.shelfOrders();
        long[] last = orders.last(libraryId, order.name());
        Sorting.Keyed[] keyed = inOrder(summaries, computed, last);
        if (last.length > 0) {
            // nearly sorted already: the plain sort takes the runs as they are
            Arrays.sort(keyed, order.keyedComparator());
        } else {
            // by now the window is on screen and waits for these books; stable like Arrays.sort, split over the
            // common pool's workers (with two cores it has one worker, and this is the plain sort)
            Arrays.parallelSort(keyed, order.keyedComparator());
        }
        List<BookSummary> books = new ArrayList<>(keyed.length);
        long[] shown = new long[keyed.length];
        for (int i = 0; i < keyed.length; i++) {
            books.add(keyed[i].book());
            shown[i] = keyed[i].book().id();
        }
        if (!Arrays.equals(last, shown)) {
            CompletableFuture.runAsync(() -> orders.remember(libraryId, order.name(), shown));
        }
        return new LibraryPreload(libraries, chosen, books, keys);
    }

    /**
     * The books with their keys, in the order of {@code ids} as far as it names them (a book gone since is passed
     * over), then the books it does not name, in the order they came. The summaries come in the order of their ids,
     * so each is found by its offset from the first id (ids are dense: a library's books are numbered as they are
     * added), or by a binary search where they are not; should they not come in order, the hint is passed over.
     */
    static Sorting.Keyed[] inOrder(List<BookSummary> books, SortKeys.Keys[] keys, long[] ids) {
        long[] byId = new long[books.size()];
        boolean ascending = true;
        for (int i = 0; i < byId.length; i++) {
            byId[i] = books.get(i).id();
            ascending &= i == 0 || byId[i - 1] < byId[i];
        }
        Sorting.Keyed[] out = new Sorting.Keyed[books.size()];
        boolean[] placed = new boolean[out.length];
        int n = 0;
        if (ascending && ids.length > 0 && byId.length > 0) {
            LongToIntFunction position = positions(byId);
            for (long id : ids) {
                int at = position.applyAsInt(id);
                if (at >= 0 && !placed[at]) {
                    placed[at] = true;
                    out[n++] = new Sorting.Keyed(keys[at], books.get(at));
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (!placed[i]) {
                out[n++] = new Sorting.Keyed(keys[i], books.get(i));
            }
        }
        return out;
    }

    /**
     * Where an id is in {@code byId} (ascending), or -1. A table by the offset from the first id when the ids are
     * dense enough for it to be small: with a binary search per book, placing 100,000 books took 55–85 ms of the
     * window's start (mostly interpreted); with the table, 35–55 ms.
     */
    private static LongToIntFunction positions(long[] byId) {
        long first = byId[0];
        long span = byId[byId.length - 1] - first; // negative if it overflows
        if (span < 0 || span >= 4L * byId.length) {
            return id -> {
                int at = Arrays.binarySearch(byId, id);
                return at >= 0 ? at : -1;
            };
        }
        int[] table = new int[(int) span + 1];
        Arrays.fill(table, -1);
        for (int i = 0; i < byId.length; i++) {
            table[(int) (byId[i] - first)] = i;
        }
        return id -> {
            long offset = id - first; // an overflow lands outside the table
            return offset >= 0 && offset < table.length ? table[(int) offset] : -1;
        };
    }

    /** The library last shown, else the first that has folders. */
    static Optional<Library> choose(List<Library> libraries, long wanted) {
        return libraries.stream().filter(l -> l.id() == wanted).findFirst()
                .or(() -> libraries.stream().filter(l -> !l.roots().isEmpty()).findFirst());
    }
}
