package app.colophon.ui.main;

import app.colophon.library.Facet;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser heading counts its entries at once and makes their tree items when it opens or is asked for them. */
class BrowserHeadingTest {

    private static final List<Facet> AUTHORS = List.of(new Facet("Jane Austen", 2, "author:\"=Jane Austen\""),
            new Facet("Charlotte Brontë", 1, "author:\"=Charlotte Brontë\""));

    @Test
    void aClosedHeadingCountsItsEntriesAndShowsThemWhenAsked() {
        BrowserHeading heading = new BrowserHeading("Authors");

        heading.setEntries(AUTHORS);

        assertThat(heading.size()).isEqualTo(2);
        assertThat(heading.isLeaf()).isFalse();
        assertThat(heading.itemsMade()).isFalse();
        assertThat(entries(heading)).containsExactlyElementsOf(AUTHORS);
        assertThat(heading.itemsMade()).isTrue();
        assertThat(heading.getChildren()).allSatisfy(i -> assertThat(i.getParent()).isSameAs(heading));
    }

    @Test
    void anOpenHeadingMakesItsNewEntriesAtOnce() {
        BrowserHeading heading = new BrowserHeading("Authors");
        heading.setExpanded(true);
        heading.setEntries(AUTHORS);
        int[] changes = {0};
        heading.getChildren().addListener((javafx.collections.ListChangeListener<TreeItem<Browser.Node>>) c -> changes[0]++);

        heading.setEntries(AUTHORS.subList(0, 1));

        assertThat(heading.itemsMade()).isTrue();
        assertThat(changes[0]).isEqualTo(1);
        assertThat(entries(heading)).containsExactly(AUTHORS.get(0));
    }

    @Test
    void newEntriesReplaceTheItemsOfAHeadingThatWasOpenedAndClosed() {
        BrowserHeading heading = new BrowserHeading("Authors");
        heading.setEntries(AUTHORS);
        heading.getChildren(); // opened once: its items are made

        heading.setEntries(List.of());

        assertThat(heading.size()).isZero();
        assertThat(heading.isLeaf()).isTrue();
        assertThat(heading.getChildren()).isEmpty();
    }

    private static List<Facet> entries(BrowserHeading heading) {
        return heading.getChildren().stream().map(i -> i.getValue().facet()).toList();
    }
}
