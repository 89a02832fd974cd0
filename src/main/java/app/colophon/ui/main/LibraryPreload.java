package app.colophon.ui.main;

import app.colophon.library.LibraryService;
import app.colophon.model.BookSummary;
import app.colophon.model.Library;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * The libraries and the books the main window will show first, read while JavaFX is still starting: with
 * 100,000 books, reading and sorting them is most of the time to a usable window, and it need not wait for the
 * window. Made off the FX thread.
 *
 * @param books the chosen library's books, already in the saved sort order (so the grid's sort is a quick check)
 */
public record LibraryPreload(List<Library> libraries, Optional<Library> chosen, List<BookSummary> books,
                             Map<BookSummary, SortKeys.Keys> keys) {

    /** {@code prefs} is the main window's preferences node (where it remembers the library and the sort). */
    public static LibraryPreload load(LibraryService service, Preferences prefs) {
        List<Library> libraries = service.libraries();
        Optional<Library> chosen = choose(libraries, prefs.getLong("library", -1));
        if (chosen.isEmpty()) {
            return new LibraryPreload(libraries, chosen, List.of(), Map.of());
        }
        List<BookSummary> summaries = service.summaries(chosen.get().id());
        SortKeys.Keys[] computed = SortKeys.computeAll(summaries);
        Map<BookSummary, SortKeys.Keys> keys = new IdentityHashMap<>(summaries.size() * 2);
        Sorting.Keyed[] keyed = new Sorting.Keyed[summaries.size()];
        for (int i = 0; i < keyed.length; i++) {
            BookSummary book = summaries.get(i);
            keys.put(book, computed[i]);
            keyed[i] = new Sorting.Keyed(computed[i], book);
        }
        // by now the window is on screen and waits for these books; stable like Arrays.sort, split over the common
        // pool's workers (with two cores it has one worker, and this is the plain sort)
        Arrays.parallelSort(keyed, Sorting.saved(prefs).keyedComparator());
        List<BookSummary> books = new ArrayList<>(keyed.length);
        for (Sorting.Keyed k : keyed) {
            books.add(k.book());
        }
        return new LibraryPreload(libraries, chosen, books, keys);
    }

    /** The library last shown, else the first that has folders. */
    static Optional<Library> choose(List<Library> libraries, long wanted) {
        return libraries.stream().filter(l -> l.id() == wanted).findFirst()
                .or(() -> libraries.stream().filter(l -> !l.roots().isEmpty()).findFirst());
    }
}
