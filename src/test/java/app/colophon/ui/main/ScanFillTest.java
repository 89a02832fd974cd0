package app.colophon.ui.main;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How often a first scan shows the books stored so far. */
class ScanFillTest {

    @ParameterizedTest(name = "a reload of {0} ms waits {1} ms")
    @CsvSource({"10, 1000", "250, 1000", "300, 1200", "2000, 8000"})
    void theNextReloadWaitsFourTimesTheLastOneAndAtLeastASecond(long tookMs, long pauseMs) {
        assertThat(ScanFill.pause(Duration.ofMillis(tookMs))).isEqualTo(Duration.ofMillis(pauseMs));
    }
}
