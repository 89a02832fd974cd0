package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;

import java.util.function.Predicate;

/**
 * The sidebar's "Missing (n)" entry: shown while the library has books whose files are all gone from disk; chosen,
 * it narrows the grid and the list to them and offers to remove them.
 */
final class MissingEntry {

    static final String LABEL = "Missing";

    private final ToggleButton entry;

    MissingEntry(VBox box, ToggleButton entry, Button remove, ObservableList<BookSummary> books) {
        this.entry = entry;
        // Kept by the changes rather than counted again: a bulk resync changes 100,000 books' list a thousand times.
        IntegerProperty count = new SimpleIntegerProperty((int) books.stream().filter(BookSummary::missing).count());
        books.addListener((ListChangeListener<BookSummary>) c -> {
            int delta = 0;
            while (c.next()) {
                delta -= (int) c.getRemoved().stream().filter(BookSummary::missing).count();
                delta += (int) c.getAddedSubList().stream().filter(BookSummary::missing).count();
            }
            count.set(count.get() + delta);
        });
        entry.textProperty().bind(Bindings.concat(LABEL + " (", count.asString(), ")"));
        box.visibleProperty().bind(count.greaterThan(0));
        box.managedProperty().bind(box.visibleProperty());
        remove.visibleProperty().bind(entry.selectedProperty());
        remove.managedProperty().bind(remove.visibleProperty());
        count.addListener((o, was, now) -> {
            if (now.intValue() == 0) {
                // Not while the book list is still telling its listeners of the change: the filtered view would
                // refilter a list it has not caught up with yet.
                Platform.runLater(() -> entry.setSelected(false));
            }
        });
    }

    ReadOnlyBooleanProperty selectedProperty() {
        return entry.selectedProperty();
    }

    void clear() {
        entry.setSelected(false);
    }

    Predicate<BookSummary> filter() {
        return entry.isSelected() ? BookSummary::missing : book -> true;
    }
}
