package app.colophon.formats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValueLimitsTest {

    @Test
    void aValueAtItsLimitIsKeptWhole() {
        List<String> notes = new ArrayList<>();

        assertThat(ValueLimits.cut("title", "x".repeat(10), 10, notes)).isEqualTo("x".repeat(10));
        assertThat(notes).isEmpty();
    }

    @Test
    void aLongerValueEndsInAnEllipsisWithinTheLimit() {
        List<String> notes = new ArrayList<>();

        assertThat(ValueLimits.cut("title", "abcdefghijkl", 10, notes)).isEqualTo("abcdefghi\u2026");
        assertThat(notes).containsExactly("title (12 characters, cut to 10)");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String clefs = "abcdefgh" + "\uD834\uDD1E".repeat(5); // the 9th and 10th chars are one code point

        String cut = ValueLimits.cut("title", clefs, 10, new ArrayList<>());

        assertThat(cut).isEqualTo("abcdefgh\u2026");
        assertThat(cut.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    @Test
    void longListEntriesAreNotedOnceForTheList() {
        ParsedMetadata m = ParsedMetadata.builder().title("T").genre("g".repeat(5_000)).genre("h".repeat(5_000)).build();

        assertThat(m.genres()).hasSize(2).allSatisfy(g -> assertThat(g).hasSize(ValueLimits.NAME));
        assertThat(m.cut()).containsExactly("genres (over 1,024 characters, cut to 1,024)");
    }
}
