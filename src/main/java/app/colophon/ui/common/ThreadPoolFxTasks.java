package app.colophon.ui.common;

import javafx.concurrent.Task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The window's {@link FxTasks}: work runs on daemon threads of a cached pool, callbacks on the FX thread. */
public final class ThreadPoolFxTasks implements FxTasks {

    private final ExecutorService executor;

    public ThreadPoolFxTasks() {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "colophon-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        return run(FxTasks.task(work, onSuccess, onError));
    }

    @Override
    public <T> Task<T> run(Task<T> task) {
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The window is closing: a timer's last refresh has nothing left to show its result in.
            task.cancel();
        }
        return task;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
