package app.colophon.ui;

import app.colophon.ui.common.FxTasks;
import javafx.concurrent.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@link FxTasks} for UI tests: each task runs at once on the calling thread (the FX thread, where the window asks),
 * its callbacks with it, as JabRef's CurrentThreadTaskExecutor. What the window loads is on screen when the call
 * that loads it returns, so no test races a background thread. {@link #hold()} queues the tasks instead, for a
 * test that looks at the window while work is under way; {@link #release()} then runs them.
 */
public final class ImmediateFxTasks implements FxTasks {

    private final List<Task<?>> held = new ArrayList<>();
    private boolean holding;

    @Override
    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        return run(FxTasks.task(work, onSuccess, onError));
    }

    @Override
    public synchronized <T> Task<T> run(Task<T> task) {
        if (holding) {
            held.add(task);
        } else {
            task.run();
        }
        return task;
    }

    /** Queues the following tasks until {@link #release()}. */
    public synchronized void hold() {
        holding = true;
    }

    /** How many tasks wait for {@link #release()}. */
    public synchronized int pending() {
        return held.size();
    }

    /** Runs the queued tasks, in order, on the calling thread (call it on the FX thread), and stops holding. */
    public void release() {
        List<Task<?>> queued;
        synchronized (this) {
            holding = false;
            queued = List.copyOf(held);
            held.clear();
        }
        queued.forEach(Task::run);
    }

    @Override
    public void close() {
        synchronized (this) {
            held.clear();
        }
    }
}
