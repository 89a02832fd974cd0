package app.colophon.ui;

import app.colophon.library.Colophon;
import app.colophon.library.ScanTuning;
import app.colophon.model.Library;
import app.colophon.ui.common.FolderPicker;
import app.colophon.ui.common.UiServices;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The real window over a real Colophon (SQLite file in a temp folder), with the resync service recorded, the
 * folder chooser answered by the test and "Show in folder" recorded instead of opening a file manager.
 */
public final class UiHarness implements AutoCloseable {

    public final Path books;
    public final Colophon colophon;
    public final RecordingResync resync;
    /** The window's background work, run at once on the FX thread (see {@link ImmediateFxTasks}). */
    public final ImmediateFxTasks tasks = new ImmediateFxTasks();
    public final UiContext context;
    /** What the window handed to the desktop: files opened, folders shown. */
    public final List<Path> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Preferences prefs;
    private volatile Path nextFolder;
    private Stage stage;

    public final app.colophon.ui.settings.LocalApi localApi;

    public UiHarness(Path temp) {
        this(temp, false);
    }

    /** With {@code withLocalApi}, the Settings menu offers the local HTTP API (on a free port). */
    public UiHarness(Path temp, boolean withLocalApi) {
        this.books = temp.resolve("books");
        books.toFile().mkdirs();
        this.colophon = Colophon.open(temp.resolve("data"), new ScanTuning(2, 50, Duration.ofMillis(100), Duration.ofSeconds(30)));
        this.resync = new RecordingResync(colophon.resync());
        this.prefs = Preferences.userRoot().node("colophon-test-" + UUID.randomUUID());
        UiServices services = new UiServices(colophon.libraries(), resync, colophon.editor(), colophon.covers());
        FolderPicker picker = owner -> Optional.ofNullable(nextFolder);
        this.localApi = withLocalApi ? new app.colophon.ui.settings.LocalApi(colophon, 0) : null;
        this.context = new UiContext(services, prefs, picker, opened::add, localApi, tasks);
    }

    /** A library over {@link #books}, scanned, before the window opens. */
    public Library scannedLibrary() {
        Library library = colophon.libraries().create("Books", List.of(books));
        colophon.libraries().scan(library.id(), p -> { }, () -> false);
        return library;
    }

    public void answerFolderChooserWith(Path folder) {
        this.nextFolder = folder;
    }

    public void show(Stage stage) {
        this.stage = stage;
        context.showMainWindow(stage);
    }

    @Override
    public void close() {
        resync.release();
        if (stage != null) {
            // The window saves its size on hiding: that must happen before its preferences node is removed.
            try {
                org.testfx.util.WaitForAsyncUtils.asyncFx(stage::hide).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        context.close();
        if (localApi != null) {
            localApi.close();
        }
        colophon.close();
        try {
            prefs.removeNode();
        } catch (BackingStoreException | IllegalStateException ignored) {
            // a test-only preferences node; nothing to keep
        }
    }

    /** Waits (up to 10 s) for a condition that background work and the FX thread make true, then for FX events. */
    public static void waitUntil(java.util.function.BooleanSupplier condition) {
        waitUntil(10, condition);
    }

    /** The same with a longer limit, for work whose length grows with a loaded machine (scans of many files). */
    public static void waitUntil(int seconds, java.util.function.BooleanSupplier condition) {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
