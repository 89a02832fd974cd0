package app.colophon.ui;

import app.colophon.library.Resync;
import app.colophon.library.ResyncMode;
import app.colophon.library.ResyncResult;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The real resync service, with every call recorded and, on demand, held until the test releases it. */
public final class RecordingResync implements Resync {

    public record Call(String target, long id, ResyncMode mode) {
    }

    private final Resync real;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate;

    public RecordingResync(Resync real) {
        this.real = real;
    }

    public List<Call> calls() {
        return calls;
    }

    /** Makes the following resyncs wait until {@link #release()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    @Override
    public ResyncResult resyncBook(long bookId, ResyncMode mode) {
        calls.add(new Call("book", bookId, mode));
        await();
        return real.resyncBook(bookId, mode);
    }

    @Override
    public ResyncResult resyncFile(long fileId, ResyncMode mode) {
        calls.add(new Call("file", fileId, mode));
        await();
        return real.resyncFile(fileId, mode);
    }

    private void await() {
        CountDownLatch g = gate;
        if (g != null) {
            try {
                if (!g.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test never released the resync");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
