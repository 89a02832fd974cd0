package app.colophon.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test files made for this project, committed under {@code src/test/resources/corpus/made/} (how each was made,
 * and its licence: that folder's README.md). Read in place; tests copy a file before changing it.
 */
public final class MadeCorpus {

    private MadeCorpus() {
    }

    /** The folder; Maven runs tests in the project's base directory. */
    public static Path root() {
        return Path.of("src", "test", "resources", "corpus", "made").toAbsolutePath();
    }

    /** A made file by its path under the folder, e.g. {@code pdf/lang-in-catalog.pdf}. */
    public static Path file(String name) {
        Path p = root().resolve(name);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("not in the made corpus: " + p);
        }
        return p;
    }
}
