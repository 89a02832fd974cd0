package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Click, Ctrl-click and Shift-click over the books as shown, the same in the grid and the list. */
class SelectionTest {

    private static final List<BookSummary> SHOWN = LongStream.rangeClosed(1, 6)
            .mapToObj(id -> new BookSummary(id, 1, "Book " + id, "book " + id, List.of(), List.of(), Instant.EPOCH, null))
            .toList();

    private final Selection selection = new Selection();

    @Test
    void aPlainClickChoosesOnlyThatBookAndMakesItTheLead() {
        selection.click(2, false, false, SHOWN);
        selection.click(4, false, false, SHOWN);

        assertThat(selection.ids()).containsExactly(4L);
        assertThat(selection.lead().get()).isEqualTo(4);
    }

    @Test
    void ctrlClickAddsABookAndCtrlClickingItAgainTakesItOut() {
        selection.click(2, false, false, SHOWN);
        selection.click(5, true, false, SHOWN);
        assertThat(selection.inOrder(SHOWN)).containsExactly(2L, 5L);

        selection.click(2, true, false, SHOWN);
        assertThat(selection.inOrder(SHOWN)).containsExactly(5L);
    }

    @Test
    void shiftClickChoosesEverythingBetweenTheLeadAndTheClickedBookInEitherDirection() {
        selection.click(5, false, false, SHOWN);
        selection.click(2, false, true, SHOWN);

        assertThat(selection.inOrder(SHOWN)).containsExactly(2L, 3L, 4L, 5L);
        assertThat(selection.lead().get()).as("the range's anchor stays").isEqualTo(5);

        selection.click(6, false, true, SHOWN);
        assertThat(selection.inOrder(SHOWN)).containsExactly(5L, 6L);
    }

    @Test
    void ctrlShiftClickAddsTheRangeToWhatIsAlreadyChosen() {
        selection.click(1, false, false, SHOWN);
        selection.click(4, true, false, SHOWN);
        selection.click(6, true, true, SHOWN);

        assertThat(selection.inOrder(SHOWN)).containsExactly(1L, 4L, 5L, 6L);
    }

    @Test
    void shiftClickWithNothingChosenYetChoosesJustThatBook() {
        selection.click(3, false, true, SHOWN);

        assertThat(selection.ids()).containsExactly(3L);
    }

    @Test
    void settingAllKeepsTheLeadWhenItIsStillChosenAndMovesItOtherwise() {
        selection.click(3, false, false, SHOWN);
        selection.setAll(List.of(1L, 2L, 3L));
        assertThat(selection.lead().get()).isEqualTo(3);

        selection.setAll(List.of(5L, 6L));
        assertThat(selection.lead().get()).isEqualTo(5);
        selection.setAll(List.of());
        assertThat(selection.lead().get()).isEqualTo(-1);
        assertThat(selection.ids()).isEmpty();
    }
}
