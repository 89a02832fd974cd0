package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The books chosen in the grid or the list — one, or many with Ctrl-click (toggle), Shift-click (a range from the
 * last one clicked) and Ctrl+A — shared by both views. The lead is the last one clicked: Enter opens it. FX thread.
 */
final class Selection {

    private final ObservableSet<Long> ids = FXCollections.observableSet(new LinkedHashSet<>());
    private final LongProperty lead = new SimpleLongProperty(-1);

    ObservableSet<Long> ids() {
        return ids;
    }

    ReadOnlyLongProperty lead() {
        return lead;
    }

    boolean contains(long id) {
        return ids.contains(id);
    }

    /** A click on a book: alone, added or taken out ({@code toggle}), or everything from the lead to it ({@code range}). */
    void click(long id, boolean toggle, boolean range, List<BookSummary> shown) {
        if (range && lead.get() >= 0) {
            int from = indexOf(shown, lead.get());
            int to = indexOf(shown, id);
            if (from >= 0 && to >= 0) {
                List<Long> between = new ArrayList<>();
                for (int i = Math.min(from, to); i <= Math.max(from, to); i++) {
                    between.add(shown.get(i).id());
                }
                if (!toggle) {
                    ids.clear();
                }
                ids.addAll(between);
                return;
            }
        }
        if (toggle) {
            if (!ids.remove(id)) {
                ids.add(id);
            }
        } else {
            ids.clear();
            ids.add(id);
        }
        lead.set(id);
    }

    /** Exactly these books, the first of them the lead (the list's own selection, Ctrl+A). */
    void setAll(Collection<Long> chosen) {
        if (!ids.equals(new LinkedHashSet<>(chosen))) {
            ids.clear();
            ids.addAll(chosen);
        }
        if (!chosen.contains(lead.get())) {
            lead.set(chosen.isEmpty() ? -1 : chosen.iterator().next());
        }
    }

    /** The chosen books in the order they are shown. */
    List<Long> inOrder(List<BookSummary> shown) {
        return shown.stream().map(BookSummary::id).filter(ids::contains).toList();
    }

    private static int indexOf(List<BookSummary> shown, long id) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }
}
