package app.colophon.ui.main;

import app.colophon.library.LibraryUnavailableException;
import app.colophon.library.ScanProgress;
import app.colophon.library.ScanReport;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.Texts;
import app.colophon.ui.common.UiServices;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a library scan in the background and exposes its progress (files done / total, the current file) for
 * the toolbar; a cancel keeps what was committed. One scan at a time.
 */
public final class ScanRunner {

    private final UiServices services;
    private final Notifier notifier;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    /** The latest progress; the FX thread picks it up once per pulse instead of once per file. */
    private final AtomicReference<ScanProgress> latest = new AtomicReference<>();
    private volatile Thread scanThread;

    public ScanRunner(UiServices services, Notifier notifier) {
        this.services = services;
        this.notifier = notifier;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Starts a scan unless one runs; {@code finished} runs on the FX thread after it ends, however it ends. */
    public void scan(long libraryId, Consumer<ScanReport> finished) {
        if (running.get()) {
            return;
        }
        running.set(true);
        cancelRequested.set(false);
        progress.set(-1);
        message.set("Looking for books…");
        Task<ScanReport> task = new Task<>() {
            @Override
            protected ScanReport call() {
                return services.libraries().scan(libraryId, ScanRunner.this::report, cancelRequested::get);
            }
        };
        task.setOnSucceeded(e -> {
            running.set(false);
            ScanReport r = task.getValue();
            String summary = summary(r);
            message.set(summary);
            if (r.filesFailed() > 0 || r.filesMissing() > 0) {
                notifier.warning(summary);
            } else {
                notifier.info(summary);
            }
            // An unmounted drive must not pass unnoticed: its books were left as they were, not scanned.
            r.unavailableRoots().forEach(u -> notifier.error(u.message()));
            finished.accept(r);
        });
        task.setOnFailed(e -> {
            running.set(false);
            message.set("");
            Throwable error = task.getException();
            if (error instanceof LibraryUnavailableException) {
                notifier.error(error.getMessage());
            } else {
                notifier.unexpected("The scan stopped: " + error.getMessage(), error);
            }
            finished.accept(null);
        });
        Thread thread = new Thread(task, "colophon-scan");
        thread.setDaemon(true);
        scanThread = thread;
        thread.start();
    }

    /** On shutdown: stops a running scan at its next file and waits (bounded) for its last batch to commit. */
    public void stop(java.time.Duration wait) {
        cancelRequested.set(true);
        Thread thread = scanThread;
        if (thread != null) {
            try {
                thread.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String summary(ScanReport r) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: %d added, %d updated",
                r.cancelled() ? "Scan cancelled" : "Scan finished", r.booksAdded(), r.booksUpdated()));
        if (r.filesMoved() > 0) {
            text.append(String.format(Locale.ROOT, ", %d moved", r.filesMoved()));
        }
        if (r.filesMissing() > 0) {
            text.append(String.format(Locale.ROOT, ", %d %s missing", r.filesMissing(), r.filesMissing() == 1 ? "file" : "files"));
        }
        if (r.filesFailed() > 0) {
            text.append(String.format(Locale.ROOT, ", %d files could not be read", r.filesFailed()));
        }
        return text.toString();
    }

    public void cancel() {
        cancelRequested.set(true);
        message.set("Cancelling…");
    }

    private void report(ScanProgress p) {
        if (latest.getAndSet(p) == null) {
            Platform.runLater(() -> {
                ScanProgress now = latest.getAndSet(null);
                if (now != null && !cancelRequested.get()) {
                    progress.set(now.total() == 0 ? -1 : (double) now.done() / now.total());
                    message.set(now.done() + " / " + now.total() + "  " + Texts.visible(String.valueOf(now.current().getFileName())));
                }
            });
        }
    }
}
