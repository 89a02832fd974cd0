package app.colophon.ui.main;

import app.colophon.library.InvalidValueException;
import app.colophon.ui.common.FxTasks;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.UiServices;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;


/**
 * The search box, in the search language the command line and the API speak (author:, series:, "phrases", -word…):
 * each change of the text asks the store for the matching books off the FX thread; only the answer to the latest
 * text is used. A query the language refuses marks the box {@code :invalid} with the reason as its tooltip and
 * leaves the books as they were, rather than raising an error at every keystroke.
 */
final class SearchFilter {

    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final TextField field;
    private final UiServices services;
    private final FxTasks tasks;
    private final Notifier notifier;
    private final Tooltip help;
    private final ReadOnlyObjectWrapper<IdSet> matching = new ReadOnlyObjectWrapper<>();
    private long libraryId = -1;
    private long searches;

    SearchFilter(TextField field, UiServices services, FxTasks tasks, Notifier notifier) {
        this.field = field;
        this.services = services;
        this.tasks = tasks;
        this.notifier = notifier;
        this.help = new Tooltip("Words match title, authors, series and tags. Fields: author: series: tag: genre: "
                + "format: lang: publisher: source:manual has:error has:missing; \"a phrase\"; -word leaves out.");
        field.setTooltip(help);
        field.textProperty().addListener((o, was, now) -> search());
    }

    /** The ids of the books the text finds; null while the box is empty (no filter). */
    ReadOnlyObjectProperty<IdSet> matchingProperty() {
        return matching.getReadOnlyProperty();
    }

    void setLibrary(long id) {
        libraryId = id;
        search();
    }

    /** Asks again, e.g. after books changed, when there is a search. */
    void search() {
        String text = field.getText() == null ? "" : field.getText().strip();
        long search = ++searches;
        if (text.isEmpty() || libraryId < 0) {
            valid();
            matching.set(null);
            return;
        }
        long library = libraryId;
        String asked = whileTyping(text);
        tasks.run(() -> IdSet.of(services.libraries().search(library, asked)), ids -> {
            if (search == searches) {
                valid();
                matching.set(ids);
            }
        }, e -> {
            if (search != searches) {
                return;
            }
            if (e instanceof InvalidValueException) {
                field.pseudoClassStateChanged(INVALID, true);
                field.setTooltip(new Tooltip(e.getMessage()));
            } else {
                notifier.unexpected("The search failed", e);
            }
        });
    }

    /**
     * The text as a query while it is being typed: a phrase being typed ({@code series:"Sherl}) has no closing quote
     * yet, and the box searches as if it had one rather than calling it malformed at every keystroke.
     */
    static String whileTyping(String text) {
        long quotes = text.chars().filter(c -> c == '"').count();
        return quotes % 2 == 1 ? text + '"' : text;
    }

    private void valid() {
        field.pseudoClassStateChanged(INVALID, false);
        field.setTooltip(help);
    }
}
