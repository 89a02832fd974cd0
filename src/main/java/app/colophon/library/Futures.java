package app.colophon.library;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work started ahead of time, so that its failure reads as if it had run in the caller's thread. */
public final class Futures {

    private Futures() {
    }

    /** {@link CompletableFuture#join()}, rethrowing what the work threw instead of a CompletionException. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
