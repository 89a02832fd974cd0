package app.colophon.library;

import app.colophon.testsupport.Corpus;
import app.colophon.testsupport.Epubs;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code LibraryService.facets}: the browser's lists, counted in books, each with the query that finds them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetsTest {

    private TestLibrary lib;
    private Facets facets;

    @BeforeAll
    void scanTheLibrary(@TempDir Path temp) throws IOException {
        lib = TestLibrary.create(temp);
        // Arthur Conan Doyle, series "Sherlock Holmes", en-GB
        Corpus.copy("epub/se-the-adventures-of-sherlock-holmes.epub", lib.root, "sherlock.epub");
        // "Sir Conan Doyle", en-GB, subject "mystery"
        Corpus.copy("epub/epubcheck-Issue25.epub", lib.root, "issue25.epub");
        // Charles Madison Curry and Erle Elsworth Clippinger, en
        Corpus.copy("epub/idpf-childrens-literature.epub", lib.root, "children.epub");
        // the same author spelt with and without the accent: one entry, two books
        Epubs.write(lib.root.resolve("eyre.epub"), "Jane Eyre", "Charlotte Brontë");
        Epubs.write(lib.root.resolve("villette.epub"), "Villette", "Charlotte Bronte");
        Files.write(lib.root.resolve("broken.epub"), "not a zip".getBytes());
        lib.scan();
        facets = lib.app.libraries().facets(lib.library.id());
    }

    @AfterAll
    void close() {
        lib.close();
    }

    @Test
    void authorsAreInSortNameOrderWithTheirBookCounts() {
        // sort names: Brontë, Clippinger, Curry, Doyle Arthur Conan, Doyle Conan ("Sir" dropped)
        assertThat(facets.authors()).extracting(Facet::count).containsExactly(2L, 1L, 1L, 1L, 1L);
        assertThat(facets.authors().get(0).name()).isIn("Charlotte Brontë", "Charlotte Bronte"); // either spelling
        assertThat(facets.authors().subList(1, 5)).extracting(Facet::name).containsExactly("Erle Elsworth Clippinger",
                "Charles Madison Curry", "Arthur Conan Doyle", "Sir Conan Doyle");
    }

    @Test
    void anAuthorsQueryAsksForTheWholeName() {
        assertThat(facets.authors().get(3).query()).isEqualTo("author:\"=Arthur Conan Doyle\"");
    }

    @Test
    void seriesAreListedByName() {
        assertThat(facets.series()).extracting(Facet::name, Facet::count).containsExactly(tuple("Sherlock Holmes", 1L));
    }

    @Test
    void formatsCountEveryBookWithAFileOfThatFormat() {
        assertThat(facets.formats()).containsExactly(new Facet("epub", 6, "format:epub"));
    }

    @Test
    void languagesAreListedByCode() {
        assertThat(facets.languages()).extracting(Facet::name, Facet::count)
                .containsExactly(tuple("en", 3L), tuple("en-GB", 2L));
    }

    @Test
    void genresIncludeTheSubjectsOfTheFiles() {
        assertThat(facets.genres()).extracting(Facet::name).contains("mystery", "Detective and mystery stories, English");
    }

    @Test
    void problemsListTheFilesThatFailedToReadAndNoMissingFilesWhenThereAreNone() {
        assertThat(facets.problems()).containsExactly(new Facet(Facets.FAILED, 1, "has:error"));
    }

    @Test
    void everyEntrysQueryFindsExactlyTheBooksItCounts() {
        List<Facet> all = Stream.of(facets.authors(), facets.series(), facets.genres(), facets.tags(), facets.formats(),
                facets.languages(), facets.problems()).flatMap(List::stream).toList();

        assertThat(all).isNotEmpty().allSatisfy(f -> assertThat(lib.app.libraries().search(lib.library.id(), f.query()))
                .as(f.query()).hasSize((int) f.count()));
    }
}
