package app.colophon.ui.resync;

import app.colophon.library.ResyncMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The one notification a resync of many books ends with. */
class BulkResyncSummaryTest {

    static Stream<org.junit.jupiter.params.provider.Arguments> tallies() {
        List<String> five = IntStream.rangeClosed(1, 5).mapToObj(i -> "b" + i + ".epub: unreadable").toList();
        return Stream.of(
                arguments(ResyncMode.SCAN, new BulkResync.Tally(120, 120, List.of(), false), "Metadata scanned: 120 books"),
                arguments(ResyncMode.SCAN, new BulkResync.Tally(1, 1, List.of(), false), "Metadata scanned: 1 book"),
                arguments(ResyncMode.REFRESH, new BulkResync.Tally(120, 120, List.of("a.epub: bad zip", "b.pdf: encrypted"), false),
                        "Metadata refreshed: 120 books, 2 failed (a.epub: bad zip; b.pdf: encrypted)"),
                arguments(ResyncMode.SCAN, new BulkResync.Tally(40, 120, List.of(), true),
                        "Metadata scanned: cancelled after 40 of 120 books"),
                arguments(ResyncMode.SCAN, new BulkResync.Tally(50, 50, five, false),
                        "Metadata scanned: 50 books, 5 failed (b1.epub: unreadable; b2.epub: unreadable; "
                                + "b3.epub: unreadable; 2 more in the log)"));
    }

    @ParameterizedTest
    @MethodSource("tallies")
    void theSummaryCountsTheBooksAndNamesTheFirstFailures(ResyncMode mode, BulkResync.Tally tally, String expected) {
        assertThat(BulkResync.summary(mode, tally)).isEqualTo(expected);
    }
}
