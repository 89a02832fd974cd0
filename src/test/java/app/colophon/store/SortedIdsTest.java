package app.colophon.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SortedIdsTest {

    @Test
    void keepingMergeIsTheIntersection() {
        assertThat(SortedIds.merge(new long[] {1, 3, 5, 7}, new long[] {2, 3, 7, 9}, true)).containsExactly(3, 7);
    }

    @Test
    void droppingMergeIsTheDifference() {
        assertThat(SortedIds.merge(new long[] {1, 3, 5, 7}, new long[] {2, 3, 7, 9}, false)).containsExactly(1, 5);
    }

    @Test
    void unsortedIdsWithRepeatsAreSortedOnce() {
        assertThat(SortedIds.sortedDistinct(new long[] {5, 1, 5, 3, 1})).containsExactly(1, 3, 5);
    }

    @Test
    void theSetFindsWhatItHoldsAndIteratesInOrder() {
        SortedIds ids = new SortedIds(new long[] {2, 4, 8});

        assertThat(ids).containsExactly(2L, 4L, 8L).contains(4L).doesNotContain(3L);
        assertThat(ids.contains("4")).isFalse();
    }
}
