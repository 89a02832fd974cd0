package app.colophon.ui.common;

import javafx.concurrent.Task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread in a JavaFX {@link Task}; the success and error callbacks run on the FX thread.
 * The one way the window does slow work. The window uses {@link ThreadPoolFxTasks}; UI tests use an
 * implementation that runs each task at once on the calling thread (as JabRef's CurrentThreadTaskExecutor), so
 * that what the window loads is there when the test looks, instead of a race with a background thread.
 */
public interface FxTasks extends AutoCloseable {

    <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** Runs a prepared task (e.g. one that reports progress) the same way. */
    <T> Task<T> run(Task<T> task);

    @Override
    void close();

    /** A task that runs {@code work} and hands its result or failure to the callbacks (on the FX thread). */
    static <T> Task<T> task(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        return task;
    }
}
