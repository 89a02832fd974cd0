package app.colophon.ui.detail;

import app.colophon.ui.books.BookViews;
import app.colophon.ui.common.Texts;
import app.colophon.library.InvalidValueException;
import app.colophon.library.NotFoundException;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.FileOrder;
import app.colophon.model.BookSummary;
import app.colophon.model.BookWithFiles;
import app.colophon.model.Edits;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.ui.common.CoverImages;
import app.colophon.ui.common.FileLauncher;
import app.colophon.ui.common.FxTasks;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.UiServices;
import app.colophon.ui.books.BookEvent;
import app.colophon.ui.books.BookMenus;
import app.colophon.ui.books.LibraryModel;
import app.colophon.ui.resync.ResyncActions;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One book's detail window: its cover, every field with a badge of its source, an editor whose saved changes
 * become {@code manual}, and the table of its files with their resync actions. It follows the model: an update
 * of the book shows in place, a removal closes the window.
 */
public final class BookDetailController {

    public static final String SAVED = "Changes saved";

    private final UiServices services;
    private final LibraryModel model;
    private final ResyncActions resync;
    private final CoverImages covers;
    private final FxTasks tasks;
    private final Notifier notifier;
    private final FileLauncher launcher;
    /** True while the book's or a file's form holds edits not saved yet. */
    private BooleanBinding unsaved;
    private final Consumer<BookEvent> listener = this::onBookEvent;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Book");
    private final LongProperty bookId = new SimpleLongProperty(-1);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final BooleanProperty stashed = new SimpleBooleanProperty(false);
    /** Edits of files other than the one the file form shows, kept until saved or reverted. */
    private final Map<Long, Map<FileField<?>, String>> stash = new HashMap<>();
    private final DetailCover cover;
    private FieldForm<BookField<?>> bookForm;
    private FieldForm<FileField<?>> fileForm;
    private FileTable files;
    private BookWithFiles book;
    private BookFile shownFile;
    private Runnable onGone = () -> { };

    @FXML private BorderPane root;
    @FXML private StackPane coverBox;
    @FXML private Label factsLabel;
    @FXML private SplitPane split;
    @FXML private Label headerTitle;
    @FXML private Label headerAuthors;
    @FXML private ProgressIndicator bookSpinner;
    @FXML private StackPane bookActionsBox;
    @FXML private GridPane bookGrid;
    @FXML private Label fileHeading;
    @FXML private GridPane fileGrid;
    @FXML private TableView<BookFile> fileTable;
    @FXML private Button saveButton;
    @FXML private Button revertButton;

    public BookDetailController(BookViews views, ResyncActions resync, FileLauncher launcher) {
        this.services = views.services();
        this.model = views.model();
        this.resync = resync;
        this.covers = views.covers();
        this.cover = new DetailCover(covers);
        this.tasks = views.tasks();
        this.notifier = views.notifier();
        this.launcher = launcher;
    }

    /** This detail window: the owner of the dialogs and notifications its actions lead to. */
    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @FXML
    private void initialize() {
        bookForm = new FieldForm<>(bookGrid, BookField.values());
        fileForm = new FieldForm<>(fileGrid, FileField.editable());
        bookForm.input(BookField.AUTHORS).setPromptText("Name; Name (translator)");
        bookForm.input(BookField.SERIES).setPromptText("Series #1");
        bookForm.input(BookField.GENRES).setPromptText("Genre; Genre");
        bookForm.input(BookField.TAGS).setPromptText("Tag; Tag");
        fileForm.input(FileField.IDENTIFIERS).setPromptText("isbn13:978…; asin:B0…");
        coverBox.getChildren().add(cover.view());
        files = new FileTable(fileTable, model, resync, launcher);
        fileTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> syncFileForm());
        split.setDividerPositions(0.74);

        BooleanBinding changed = bookForm.dirtyProperty().or(fileForm.dirtyProperty()).or(stashed);
        unsaved = changed;
        saveButton.disableProperty().bind(changed.not().or(saving).or(loaded.not()));
        revertButton.disableProperty().bind(changed.not().or(saving));
        bookGrid.disableProperty().bind(loaded.not());
        BooleanBinding busy = Bindings.createBooleanBinding(() -> model.busyBooks().contains(bookId.get()),
                model.busyBooks(), bookId);
        bookSpinner.visibleProperty().bind(busy);
        bookSpinner.managedProperty().bind(busy);
        bookActionsBox.getChildren().add(BookMenus.moreButton(BookMenus.Actions.resyncs(
                        () -> resync.scanBook(window(), bookId.get()), () -> resync.refreshBook(window(), bookId.get()),
                        () -> resync.resetBook(window(), bookId.get()))
                .withOpen(this::openBook).withShowInFolder(this::showBookFolder), busy));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** Shows book {@code id}: loads it off the FX thread and follows the model's events about it from now on. */
    public void open(long id, boolean edit) {
        bookId.set(id);
        model.find(id).map(BookSummary::title).filter(t -> !t.isBlank()).ifPresent(title::set);
        cover.placeholder(title.get());
        model.onBookEvent(listener);
        tasks.run(() -> services.libraries().book(id), found -> {
            if (found.isEmpty()) {
                notifier.error("No book with id " + id);
                onGone.run();
                return;
            }
            if (book == null) {
                show(found.get()); // unless an update already brought a newer copy
            }
            loaded.set(true);
            if (edit) {
                focusEditor();
            }
        }, e -> notifier.unexpected("Could not read the book", e));
    }

    /** Called when the book is gone (removed, or not found when opening): the window closes. */
    public void setOnGone(Runnable onGone) {
        this.onGone = onGone;
    }

    /** Stops following the model; called when the window closes. */
    public void dispose() {
        model.removeListener(listener);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public void focusEditor() {
        var input = bookForm.input(BookField.TITLE);
        input.requestFocus();
        input.selectAll();
    }

    private void onBookEvent(BookEvent event) {
        if (event.bookId() != bookId.get()) {
            return;
        }
        if (event instanceof BookEvent.Updated updated) {
            updated.book().files().forEach(f -> covers.forget(f.id()));
            show(updated.book());
        } else {
            onGone.run();
        }
    }

    /** Shows the book as stored now; fields the user is editing keep the user's text. */
    private void show(BookWithFiles full) {
        this.book = full;
        Book b = full.book();
        title.set(BookFacts.title(full));
        headerTitle.setText(title.get());
        headerAuthors.setText(Texts.names(b.authors()));
        bookForm.show(b.fields());
        stash.keySet().retainAll(full.files().stream().map(BookFile::id).collect(Collectors.toSet()));
        stashed.set(!stash.isEmpty());
        files.show(full.files().stream().sorted(FileOrder.FILES).toList());
        syncFileForm();
        factsLabel.setText(BookFacts.of(full));
        cover.show(full, title.get());
    }

    /** Makes the file form show the selected file, keeping unsaved edits of the file it showed before. */
    private void syncFileForm() {
        BookFile selected = fileTable.getSelectionModel().getSelectedItem();
        if (selected != null && shownFile != null && selected.id() == shownFile.id()) {
            shownFile = selected;
            fileForm.show(selected.fields());
            return;
        }
        if (shownFile != null && book != null && book.files().stream().anyMatch(f -> f.id() == shownFile.id())) {
            Map<FileField<?>, String> edits = fileForm.edits();
            if (!edits.isEmpty()) {
                stash.put(shownFile.id(), edits);
            }
        }
        shownFile = selected;
        fileForm.reset(selected == null ? FileField.none() : selected.fields());
        if (selected != null) {
            Map<FileField<?>, String> kept = stash.remove(selected.id());
            if (kept != null) {
                fileForm.type(kept);
            }
        }
        fileGrid.setDisable(selected == null);
        fileHeading.setText(selected == null ? "File" : "File: " + Texts.visible(String.valueOf(selected.path().getFileName())));
        stashed.set(!stash.isEmpty());
    }

    @FXML
    private void save() {
        if (saving.get() || book == null || saveButton.isDisabled()) {
            return;
        }
        long id = bookId.get();
        Edits<BookField<?>> bookChanges = FieldForm.parse(bookForm.edits(), Edits.ofBook());
        Map<Long, Edits<FileField<?>>> fileChanges = new LinkedHashMap<>();
        stash.forEach((fileId, edits) -> fileChanges.put(fileId, FieldForm.parse(edits, Edits.ofFile())));
        if (shownFile != null && !fileForm.edits().isEmpty()) {
            fileChanges.put(shownFile.id(), FieldForm.parse(fileForm.edits(), Edits.ofFile()));
        }
        saving.set(true);
        bookForm.setEditable(false);
        fileForm.setEditable(false);
        tasks.run(() -> {
            BookWithFiles result = null;
            if (!bookChanges.isEmpty()) {
                result = services.editor().editBook(id, bookChanges);
            }
            for (Map.Entry<Long, Edits<FileField<?>>> change : fileChanges.entrySet()) {
                result = services.editor().editFile(change.getKey(), change.getValue());
            }
            return new Saved(result, services.libraries().summary(id));
        }, saved -> {
            endSaving();
            stash.clear();
            shownFile = null;
            bookForm.revert();
            fileForm.revert();
            if (saved.book() != null) {
                saved.summary().ifPresentOrElse(s -> model.updated(s, saved.book()), () -> show(saved.book()));
            }
            notifier.info(SAVED);
        }, error -> {
            endSaving();
            if (error instanceof NotFoundException) {
                notifier.error(error.getMessage());
                reload();
            } else if (error instanceof InvalidValueException) {
                notifier.error("Could not save the changes: " + error.getMessage()); // the edits stay to be fixed
            } else {
                notifier.unexpected("Could not save the changes: " + error.getMessage(), error);
            }
        });
    }

    private record Saved(BookWithFiles book, Optional<BookSummary> summary) {
    }

    private void endSaving() {
        saving.set(false);
        bookForm.setEditable(true);
        fileForm.setEditable(true);
    }

    @FXML
    private void revert() {
        stash.clear();
        bookForm.revert();
        fileForm.revert();
        stashed.set(false);
    }

    /** Reads the book again, e.g. after an edit found a file gone, and tells every view. */
    private void reload() {
        long id = bookId.get();
        tasks.run(() -> new Saved(services.libraries().book(id).orElse(null), services.libraries().summary(id)),
                r -> {
                    if (r.book() == null || r.summary().isEmpty()) {
                        model.removed(id);
                    } else {
                        model.updated(r.summary().get(), r.book());
                    }
                }, e -> notifier.unexpected("Could not read the book", e));
    }

    private void showBookFolder() {
        if (book != null && !book.files().isEmpty()) {
            launcher.showFolderOfBook(book.files());
        }
    }

    /** Ctrl+O and "Open": the book's first file (in the file order) that is on disk, in the system's application. */
    private void openBook() {
        if (book != null) {
            launcher.openBook(window(), book.files());
        }
    }

    /** Esc and Ctrl+W close the window, but never over edits not saved yet. */
    private void closeByKey() {
        if (unsaved.get()) {
            notifier.warning(window(), "This book has unsaved changes: save them (Ctrl+S) or revert them before closing.");
        } else if (window() != null) {
            window().hide();
        }
    }

    private void onKey(KeyEvent e) {
        if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
            save();
            e.consume();
        } else if (BookMenus.pressed(BookMenus.Shortcuts.OPEN, e)) {
            BookFile file = fileTable.getSelectionModel().getSelectedItem();
            if (fileTable.isFocused() && file != null) {
                launcher.open(window(), List.of(file.path()));
            } else {
                openBook();
            }
            e.consume();
        } else if (new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN).match(e)
                || e.getCode() == KeyCode.ESCAPE) {
            closeByKey();
            e.consume();
        }
    }

    // For tests and the window: the parts a user looks at.

    FieldForm<BookField<?>> bookForm() {
        return bookForm;
    }

    FieldForm<FileField<?>> fileForm() {
        return fileForm;
    }

    boolean isLoaded() {
        return loaded.get();
    }
}
