package app.colophon.ui.main;

import app.colophon.library.LibraryUnavailableException;
import app.colophon.library.ScanProgress;
import app.colophon.library.ScanReport;
import app.colophon.ui.common.BackgroundJob;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.Texts;
import app.colophon.ui.common.UiServices;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Task;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs a library scan in the background and exposes its progress (files done / total, the current file) for
 * the toolbar; a cancel keeps what was committed. One scan at a time.
 */
public final class ScanRunner {

    private final UiServices services;
    private final Notifier notifier;
    private final BackgroundJob job = new BackgroundJob("colophon-scan");

    public ScanRunner(UiServices services, Notifier notifier) {
        this.services = services;
        this.notifier = notifier;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return job.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return job.progressProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return job.messageProperty();
    }

    /** Starts a scan unless one runs; {@code finished} runs on the FX thread after it ends, however it ends. */
    public void scan(long libraryId, Consumer<ScanReport> finished) {
        scan(libraryId, p -> { }, finished);
    }

    /**
     * As {@link #scan(long, Consumer)}, also handing each progress report to {@code progress} on the scan's own
     * thread (the window uses it to show books as they are found).
     */
    public void scan(long libraryId, Consumer<ScanProgress> progress, Consumer<ScanReport> finished) {
        Task<ScanReport> task = new Task<>() {
            @Override
            protected ScanReport call() {
                return services.libraries().scan(libraryId, p -> {
                    job.report(p.done(), p.total(), p.done() + " / " + p.total() + "  "
                            + Texts.visible(String.valueOf(p.current().getFileName())));
                    progress.accept(p);
                }, job::cancelRequested);
            }
        };
        task.setOnSucceeded(e -> {
            ScanReport r = task.getValue();
            String summary = summary(r);
            job.finished(summary);
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
            job.finished("");
            Throwable error = task.getException();
            if (error instanceof LibraryUnavailableException) {
                notifier.error(error.getMessage());
            } else {
                notifier.unexpected("The scan stopped: " + error.getMessage(), error);
            }
            finished.accept(null);
        });
        job.start("Looking for books…", task);
    }

    /** On shutdown: stops a running scan at its next file and waits (bounded) for its last batch to commit. */
    public void stop(java.time.Duration wait) {
        job.stop(wait);
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
        job.cancel();
    }
}
