package app.colophon.library;

import app.colophon.model.Edits;
import app.colophon.formats.ValueLimits;
import app.colophon.model.BookField;
import app.colophon.model.Contributor;
import app.colophon.model.FileField;
import app.colophon.testsupport.Epubs;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a user types is stored without control characters, and refused when longer than what a file may give. */
class ManualValuesTest {

    @TempDir
    Path temp;

    private TestLibrary lib;
    private long bookId;

    @BeforeEach
    void scanOneBook() {
        lib = TestLibrary.create(temp);
        Epubs.write(lib.root.resolve("Dune.epub"), "Dune", "Frank Herbert");
        lib.scan();
        bookId = lib.bookTitled("Dune").id();
    }

    @AfterEach
    void close() {
        lib.close();
    }

    @Test
    void aTitleLosesItsControlCharactersNewlinesAndTabsIncluded() {
        lib.app.editor().editBook(bookId, Edits.ofBook().set(BookField.TITLE, "x\nFAKE: injected\u001b[31mRED\t\u0000\u009b!"));

        assertThat(lib.book(bookId).book().title()).isEqualTo("xFAKE: injected[31mRED!");
    }

    @Test
    void aDescriptionKeepsItsTabsAndLineBreaksButNoOtherControlCharacter() {
        lib.app.editor().editBook(bookId, Edits.ofBook().set(BookField.DESCRIPTION, "One\r\n\ttwo\u0007\u001b[0m\rthree"));

        assertThat(lib.book(bookId).book().fields().text(BookField.DESCRIPTION)).isEqualTo("One\n\ttwo[0mthree");
    }

    @Test
    void namesInAListLoseTheirControlCharacters() {
        lib.app.editor().editBook(bookId, Edits.ofBook().set(BookField.AUTHORS, List.of(Contributor.author("Ann\u001b]0;owned\u0007 Leckie"))));

        assertThat(lib.book(bookId).book().fields().<Contributor>list(BookField.AUTHORS))
                .containsExactly(Contributor.author("Ann]0;owned Leckie"));
    }

    @Test
    void aValueOfOnlyControlCharactersIsAClear() {
        lib.app.editor().editFile(lib.book(bookId).files().get(0).id(), Edits.ofFile().set(FileField.PUBLISHER, "\u001b\u0000"));

        assertThat(lib.book(bookId).files().get(0).fields().text(FileField.PUBLISHER)).isNull();
    }

    @Test
    void aTitleLongerThanTheLimitIsRefusedAndNothingChanges() {
        assertThatThrownBy(() -> lib.app.editor().editBook(bookId, Edits.ofBook().set(BookField.TITLE, "x".repeat(ValueLimits.LINE + 1))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("The title value is too long: 4,097 characters, at most 4,096");
        assertThat(lib.book(bookId).book().title()).isEqualTo("Dune");
    }

    @Test
    void moreTagsThanTheLimitAreRefused() {
        List<String> tags = java.util.stream.IntStream.range(0, ValueLimits.ENTRIES + 1).mapToObj(i -> "t" + i).toList();

        assertThatThrownBy(() -> lib.app.editor().editBook(bookId, Edits.ofBook().set(BookField.TAGS, tags)))
                .isInstanceOf(InvalidValueException.class).hasMessage("Too many tags: 101, at most 100");
    }
}
