package app.colophon.library;

import java.time.Duration;

/**
 * Knobs of a library scan.
 *
 * @param threads       files read at once (reading is CPU- and I/O-bound; writing is serialised anyway)
 * @param batchSize     files written per transaction: fewer commits, each still atomic
 * @param maxBatchDelay a batch is committed at least this often, so the UI sees progress
 * @param fileBudget    a file that takes longer to read is recorded as an error and skipped
 */
public record ScanTuning(int threads, int batchSize, Duration maxBatchDelay, Duration fileBudget) {

    public static ScanTuning defaults() {
        return new ScanTuning(Math.max(1, Runtime.getRuntime().availableProcessors()), 500,
                Duration.ofMillis(500), Duration.ofSeconds(60));
    }

    long maxBatchNanos() {
        return maxBatchDelay.toNanos();
    }
}
