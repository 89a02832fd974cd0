package app.colophon.ui.common;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A long job shown in the status bar — a library scan, a resync of many books — one at a time per kind: whether it
 * runs, how far it is (-1 while unknown) and what it does, plus a cancel it checks between items. Progress may be
 * reported from the job's thread as often as it likes; the FX thread takes only the latest, once per pulse, so a
 * job of 100,000 items does not flood the event queue.
 */
public final class BackgroundJob {

    private final String threadName;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicReference<Runnable> latest = new AtomicReference<>();
    private volatile Thread thread;

    public BackgroundJob(String threadName) {
        this.threadName = threadName;
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

    public boolean isRunning() {
        return running.get();
    }

    /**
     * Starts {@code task} on its own thread unless a job runs already (then false). The task's success and failure
     * handlers must call {@link #finished}. FX thread.
     */
    public boolean start(String firstMessage, Task<?> task) {
        if (running.get()) {
            return false;
        }
        running.set(true);
        cancelRequested.set(false);
        progress.set(-1);
        message.set(firstMessage);
        Thread t = new Thread(task, threadName);
        t.setDaemon(true);
        thread = t;
        t.start();
        return true;
    }

    /** From any thread: {@code done} of {@code total} items, and what is being done now. */
    public void report(long done, long total, String now) {
        if (latest.getAndSet(() -> {
            progress.set(total <= 0 ? -1 : (double) done / total);
            message.set(now);
        }) == null) {
            Platform.runLater(() -> {
                Runnable update = latest.getAndSet(null);
                if (update != null && !cancelRequested.get()) {
                    update.run();
                }
            });
        }
    }

    /** True once the user asked to stop; the job checks it between items and keeps what it has done. */
    public boolean cancelRequested() {
        return cancelRequested.get();
    }

    public void cancel() {
        if (running.get()) {
            cancelRequested.set(true);
            message.set("Cancelling…");
        }
    }

    /** The job ended, however it ended: the status bar shows {@code last} (or nothing). FX thread. */
    public void finished(String last) {
        running.set(false);
        latest.set(null);
        message.set(last == null ? "" : last);
    }

    /** On shutdown: asks the job to stop at its next item and waits (bounded) for it to leave. */
    public void stop(Duration wait) {
        cancelRequested.set(true);
        Thread t = thread;
        if (t != null) {
            try {
                t.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
