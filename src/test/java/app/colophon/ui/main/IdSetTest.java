package app.colophon.ui.main;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ids a filter lets through. */
class IdSetTest {

    @Test
    void containsExactlyTheIdsItWasMadeOf() {
        IdSet ids = IdSet.of(List.of(1L, 5L, 100_000L));

        assertThat(ids.contains(1)).isTrue();
        assertThat(ids.contains(5)).isTrue();
        assertThat(ids.contains(100_000)).isTrue();
        assertThat(ids.contains(2)).isFalse();
        assertThat(ids.contains(0)).isFalse();
        assertThat(ids.contains(100_001)).isFalse();
    }

    @Test
    void idsOutsideTheBitsRangeAreNeverContained() {
        IdSet ids = IdSet.of(List.of(-1L, (long) Integer.MAX_VALUE + 1, 3L));

        assertThat(ids.contains(-1)).isFalse();
        assertThat(ids.contains((long) Integer.MAX_VALUE + 1)).isFalse();
        assertThat(ids.contains(3)).isTrue();
    }
}
